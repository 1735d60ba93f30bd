//! Relationships to connections. Flow, Triggering and Serving become connections in
//! ArchiMate's direction (see `RelationClass`), drawn between the systems their ends are
//! or stand for, and continued through junctions; Access pairs writers with readers of
//! the same data (see `access`); relationships that say how two systems are built are
//! kept as notes.

use std::collections::HashMap;

use super::super::builder::{Builder, ConnectionDraft, SystemDraft};
use super::super::report::{LineKind, Place};
use super::junctions::Junctions;
use super::landscape::Convert;
use super::types::{ElementClass, RelationClass, Structure, bare, relation_name};
use crate::model::Point;

pub fn connections(
    convert: &mut Convert,
    drafts: &mut [Option<SystemDraft>],
    bendpoints: &HashMap<String, Vec<Point>>,
    builder: &mut Builder,
) -> Vec<(ConnectionDraft, Place)> {
    let mut out = Vec::new();
    flows(convert, bendpoints, builder, &mut out);
    super::access::accesses(convert, drafts, builder, &mut out);
    structural_notes(convert, drafts, builder);
    out
}

fn is_flow(class: RelationClass) -> bool {
    matches!(
        class,
        RelationClass::Flow | RelationClass::Triggering | RelationClass::Serving
    )
}

/// More connections than this through junctions means a file made to blow up (each flow
/// into a junction times each flow out of it); the rest are reported instead.
const THROUGH_JUNCTIONS_LIMIT: usize = 10_000;

fn flows(
    convert: &mut Convert,
    bendpoints: &HashMap<String, Vec<Point>>,
    builder: &mut Builder,
    out: &mut Vec<(ConnectionDraft, Place)>,
) {
    let carried = carried_data(convert);
    let mut junctions = Junctions::new(convert, |r| is_flow(convert.relation_classes[r]));
    let mut through_junctions = 0;
    for (r, relationship) in convert.model.relationships.iter().enumerate() {
        // A flow into a junction is drawn by the flows out of it.
        if !is_flow(convert.relation_classes[r])
            || Junctions::is_junction(convert, &relationship.target)
        {
            continue;
        }
        let Some(to) = convert.system_for(&relationship.target) else {
            continue;
        };
        let origins = junctions.origins(convert, &relationship.source);
        if origins.iter().any(|(_, through)| !through.is_empty()) {
            through_junctions += origins.len();
            if through_junctions > THROUGH_JUNCTIONS_LIMIT {
                builder.problem(
                    relationship.place.clone(),
                    format!(
                        "more than {THROUGH_JUNCTIONS_LIMIT} flows through junctions; this one \
                         and later ones are not followed"
                    ),
                );
                break;
            }
        }
        for (from, through) in origins {
            if from == to && !stores_in_between(relationship) {
                builder.skipped(relationship.place.clone(), self_loop(convert, r, to));
            } else {
                let mut draft = draft(convert, r, from, to, &through, &carried);
                // A line drawn from system to system keeps its bends; one through a
                // junction is drawn in pieces.
                if through.is_empty() {
                    draft.waypoints = bendpoints
                        .get(&relationship.id)
                        .cloned()
                        .unwrap_or_default();
                }
                out.push((draft, relationship.place.clone()));
            }
            mark_done(convert, r, &through, carried.get(&r));
        }
    }
}

/// A flow from a system to itself is one only through a queue, topic or stream, which
/// its properties must say (an interaction style the landscape allows for a self-loop,
/// see `Connection::is_meaningful_self_loop`); any other is an artefact of services and
/// functions standing for their system.
fn stores_in_between(relationship: &super::model::Relationship) -> bool {
    use crate::model::{Connection, ConnectionId, SystemId};
    let mut connection = Connection::new(ConnectionId(0), SystemId(0), SystemId(0));
    for (key, value) in &relationship.properties {
        super::super::mapping::connection_property(&mut connection, key, value);
    }
    connection.is_meaningful_self_loop()
}

fn self_loop(convert: &Convert, r: usize, system: usize) -> String {
    let relationship = &convert.model.relationships[r];
    format!(
        "{} {} → {}: both ends are “{}”, so it is no flow between systems",
        relation_name(&relationship.kind),
        convert.describe(&relationship.source),
        convert.describe(&relationship.target),
        convert.name(system)
    )
}

/// A flow, the flows into junctions it continues, the junctions and what it carries are
/// all imported.
fn mark_done(
    convert: &mut Convert,
    r: usize,
    through: &[usize],
    carried: Option<&Vec<(usize, usize)>>,
) {
    convert.relation_done[r] = true;
    for &j in through {
        convert.relation_done[j] = true;
        if let Some(junction) = convert.element(&convert.model.relationships[j].target) {
            convert.element_done[junction] = true;
        }
    }
    for &(data, association) in carried.map_or(&[][..], Vec::as_slice) {
        convert.element_done[data] = true;
        convert.relation_done[association] = true;
    }
}

/// Flow relationship → the data elements an Association ties to it (what it carries),
/// each with that Association.
fn carried_data(convert: &Convert) -> HashMap<usize, Vec<(usize, usize)>> {
    let mut carried: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for (r, relationship) in convert.model.relationships.iter().enumerate() {
        if convert.relation_classes[r] != RelationClass::Structural(Structure::Association) {
            continue;
        }
        for (a, b) in [
            (&relationship.source, &relationship.target),
            (&relationship.target, &relationship.source),
        ] {
            if let (Some(flow), Some(data)) = (convert.relation(a), convert.element(b))
                && is_flow(convert.relation_classes[flow])
                && convert.classes[data] == ElementClass::Data
            {
                carried.entry(flow).or_default().push((data, r));
            }
        }
    }
    carried
}

fn draft(
    convert: &Convert,
    r: usize,
    from: usize,
    to: usize,
    through: &[usize],
    carried: &HashMap<usize, Vec<(usize, usize)>>,
) -> ConnectionDraft {
    let relationships = &convert.model.relationships;
    let relationship = &relationships[r];
    // A connection is a Flow unless the note says what else it was.
    let mut notes = Vec::new();
    if convert.relation_classes[r] != RelationClass::Flow {
        notes.push(format!("ArchiMate {}", relation_name(&relationship.kind)));
    }
    // Where the flow really starts, before any junction.
    let origin = through
        .first()
        .map_or(&relationship.source, |&j| &relationships[j].source);
    let mut stand_ins = Vec::new();
    for (end, id, system) in [("from", origin, from), ("to", &relationship.target, to)] {
        if let Some(index) = convert.element(id).filter(|&index| index != system) {
            let element = &convert.model.elements[index];
            notes.push(format!(
                "{end} {} “{}” of “{}”",
                bare(&element.kind),
                convert.name(index),
                convert.name(system)
            ));
            stand_ins.push(convert.name(index));
        }
    }
    if !through.is_empty() {
        notes.push("through a junction".to_owned());
    }
    if !relationship.documentation.trim().is_empty() {
        notes.push(relationship.documentation.trim().to_owned());
    }
    let data: Vec<String> = carried
        .get(&r)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|&(data, _)| convert.name(data))
        .collect();
    let named = std::iter::once(r)
        .chain(through.iter().copied())
        .map(|j| relationships[j].name.trim())
        .find(|name| !name.is_empty());
    let label = match named {
        Some(name) => {
            if !data.is_empty() {
                notes.push(format!("carries {}", data.join(", ")));
            }
            name.to_owned()
        }
        None if !data.is_empty() => data.join(", "),
        None => stand_ins.first().cloned().unwrap_or_default(),
    };
    ConnectionDraft {
        from: convert.model.elements[from].id.clone(),
        to: convert.model.elements[to].id.clone(),
        label,
        properties: relationship.properties.clone(),
        notes,
        ..ConnectionDraft::default()
    }
}

/// Composition, Realization, Association… between two systems: kept in the notes of the
/// source ("is composed of “Customer Data Access”"), since no data is said to move.
fn structural_notes(
    convert: &mut Convert,
    drafts: &mut [Option<SystemDraft>],
    builder: &mut Builder,
) {
    for (r, relationship) in convert.model.relationships.iter().enumerate() {
        let RelationClass::Structural(structure) = convert.relation_classes[r] else {
            continue;
        };
        if convert.relation_done[r] {
            continue;
        }
        let (Some(source), Some(target)) = (
            convert.system_for(&relationship.source),
            convert.system_for(&relationship.target),
        ) else {
            continue;
        };
        let Some(draft) = drafts[source].as_mut().filter(|_| source != target) else {
            continue;
        };
        let kind = relation_name(&relationship.kind);
        let (from, to) = (convert.name(source), convert.name(target));
        draft
            .notes
            .push(format!("{} “{to}” (ArchiMate {kind})", structure.verb()));
        builder.line(
            LineKind::Note,
            Some(relationship.place.clone()),
            format!(
                "{kind} “{from}” → “{to}” says how they are built, not that data flows; \
                 kept in the notes of “{from}”"
            ),
        );
        convert.relation_done[r] = true;
    }
}
