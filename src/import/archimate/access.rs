//! Access relationships: a data object is not a system but what flows carry. Each system
//! that writes a data object gets a connection to each other system that reads it,
//! labelled with the data (both ways when each writes what the other reads). An access
//! with no counterpart is kept in the accessor's notes ("writes “Policy Data”").

use std::collections::BTreeMap;

use super::super::builder::{Builder, ConnectionDraft, SystemDraft};
use super::super::report::{LineKind, Place};
use super::landscape::Convert;
use super::types::{AccessType, ElementClass, RelationClass, bare};

struct Pair {
    from: usize,
    to: usize,
    both_ways: bool,
    relationships: Vec<usize>,
}

pub fn accesses(
    convert: &mut Convert,
    drafts: &mut [Option<SystemDraft>],
    builder: &mut Builder,
    out: &mut Vec<(ConnectionDraft, Place)>,
) {
    // Data element → each system that accesses it, how, and by which relationship.
    let mut by_data: BTreeMap<usize, Vec<(usize, AccessType, usize)>> = BTreeMap::new();
    for (r, relationship) in convert.model.relationships.iter().enumerate() {
        if convert.relation_classes[r] != RelationClass::Access {
            continue;
        }
        let (Some(accessor), Some(target)) = (
            convert.system_for(&relationship.source),
            convert.element(&relationship.target),
        ) else {
            continue;
        };
        if convert.classes[target] == ElementClass::Data {
            by_data
                .entry(target)
                .or_default()
                .push((accessor, relationship.access, r));
        }
    }
    for (data, accessors) in by_data {
        let mut pairs = pairs(&accessors);
        if pairs.len() > PAIRS_PER_DATA {
            too_many_pairs(convert, builder, data, &accessors, pairs.len());
            pairs.clear();
        }
        for pair in &pairs {
            out.push(pair_draft(convert, data, pair));
            for &r in &pair.relationships {
                convert.relation_done[r] = true;
            }
        }
        for &(accessor, access, r) in &accessors {
            if !convert.relation_done[r] {
                keep_in_notes(convert, drafts, builder, (accessor, access, r), data);
            }
        }
        convert.element_done[data] = true;
    }
}

/// A data object many systems write and many read (a shared "Customer") would join
/// them all to each other; beyond this many connections it is kept in the notes.
const PAIRS_PER_DATA: usize = 16;

fn too_many_pairs(
    convert: &Convert,
    builder: &mut Builder,
    data: usize,
    accessors: &[(usize, AccessType, usize)],
    pairs: usize,
) {
    let count = |f: fn(AccessType) -> bool| accessors.iter().filter(|a| f(a.1)).count();
    let element = &convert.model.elements[data];
    builder.line(
        LineKind::Note,
        Some(element.place.clone()),
        format!(
            "{} “{}” is written by {} and read by {}: a connection from each writer to \
             each reader would make {pairs}, so each access is kept in the notes instead",
            bare(&element.kind),
            convert.name(data),
            crate::words::count(count(AccessType::writes), "system"),
            crate::words::count(count(AccessType::reads), "system"),
        ),
    );
}

fn pairs(accessors: &[(usize, AccessType, usize)]) -> Vec<Pair> {
    let mut pairs: Vec<Pair> = Vec::new();
    for &(writer, _, w) in accessors.iter().filter(|a| a.1.writes()) {
        for &(reader, _, r) in accessors.iter().filter(|a| a.1.reads() && a.0 != writer) {
            if let Some(pair) = pairs
                .iter_mut()
                .find(|p| p.from == reader && p.to == writer)
            {
                pair.both_ways = true;
                pair.relationships.extend([w, r]);
            } else if let Some(pair) = pairs
                .iter_mut()
                .find(|p| p.from == writer && p.to == reader)
            {
                pair.relationships.extend([w, r]);
            } else {
                pairs.push(Pair {
                    from: writer,
                    to: reader,
                    both_ways: false,
                    relationships: vec![w, r],
                });
            }
        }
    }
    pairs
}

fn pair_draft(convert: &Convert, data: usize, pair: &Pair) -> (ConnectionDraft, Place) {
    let element = &convert.model.elements[data];
    let (from, to) = (convert.name(pair.from), convert.name(pair.to));
    let how = if pair.both_ways {
        format!("“{from}” and “{to}” each write what the other reads")
    } else {
        format!("“{from}” writes it and “{to}” reads it")
    };
    let mut notes = vec![format!(
        "ArchiMate Access to {} “{}”: {how}",
        bare(&element.kind),
        convert.name(data)
    )];
    if !element.documentation.trim().is_empty() {
        notes.push(element.documentation.trim().to_owned());
    }
    let place = pair
        .relationships
        .first()
        .map_or(element.place.clone(), |&r| {
            convert.model.relationships[r].place.clone()
        });
    let draft = ConnectionDraft {
        from: convert.model.elements[pair.from].id.clone(),
        to: convert.model.elements[pair.to].id.clone(),
        label: convert.name(data),
        properties: element.properties.clone(),
        notes,
        both_ways: pair.both_ways,
        ..ConnectionDraft::default()
    };
    (draft, place)
}

fn keep_in_notes(
    convert: &mut Convert,
    drafts: &mut [Option<SystemDraft>],
    builder: &mut Builder,
    (accessor, access, r): (usize, AccessType, usize),
    data: usize,
) {
    let kind = bare(&convert.model.elements[data].kind);
    let (system, data_name) = (convert.name(accessor), convert.name(data));
    if let Some(draft) = drafts[accessor].as_mut() {
        draft.notes.push(format!(
            "{} {kind} “{data_name}” (ArchiMate Access)",
            access.verb()
        ));
    }
    let counterpart = if access.writes() {
        "reads"
    } else if access.reads() {
        "writes"
    } else {
        "is said to read or write"
    };
    builder.line(
        LineKind::Note,
        Some(convert.model.relationships[r].place.clone()),
        format!(
            "Access “{system}” → {kind} “{data_name}”: no other imported system {counterpart} \
             it, so it is no flow; kept in the notes of “{system}”"
        ),
    );
    convert.relation_done[r] = true;
}
