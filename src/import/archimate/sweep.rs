//! The report lines for whatever was not imported. What touches an imported system gets
//! a line of its own; what lies wholly outside the landscape (the business layer,
//! motivation…) gets one line per type, with the count, the first few names and the
//! place of the first, so a large model's report stays readable and still accounts for
//! every element and relationship.

use super::super::builder::Builder;
use super::landscape::Convert;
use super::types::{ElementClass, RelationClass, bare, relation_name};
use crate::words::count;

/// How many names a summary line lists.
const NAMES_SHOWN: usize = 3;

pub fn report(convert: &Convert, builder: &mut Builder) {
    elements(convert, builder);
    relationships(convert, builder);
}

fn elements(convert: &Convert, builder: &mut Builder) {
    // Type → the elements of it left over, in the order the types first appear.
    let mut by_kind: Vec<(&str, ElementClass, Vec<usize>)> = Vec::new();
    for (index, element) in convert.model.elements.iter().enumerate() {
        if convert.element_done[index] {
            continue;
        }
        let class = convert.classes[index];
        if class == ElementClass::Data {
            builder.skipped(
                element.place.clone(),
                format!(
                    "{} “{}” is data, not a system, and no flow between imported systems \
                     carries it",
                    bare(&element.kind),
                    convert.name(index)
                ),
            );
            continue;
        }
        let kind = bare(&element.kind);
        match by_kind.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, _, list)) => list.push(index),
            None => by_kind.push((kind, class, vec![index])),
        }
    }
    for (kind, class, list) in by_kind {
        let reason = match class {
            ElementClass::OutOfScope(layer) => format!("{layer} elements are not systems"),
            ElementClass::Behaviour => {
                "behaviour that no imported system is assigned to".to_owned()
            }
            ElementClass::Group => "groups no imported system".to_owned(),
            ElementClass::Junction => "joins no flow between imported systems".to_owned(),
            ElementClass::Network => "a network is what flows use, not a system".to_owned(),
            _ => "not an ArchiMate element type this importer knows".to_owned(),
        };
        let kind = if kind.is_empty() { "untyped" } else { kind };
        let names = names(list.iter().map(|&i| convert.name(i)));
        let first = &convert.model.elements[list[0]];
        builder.skipped(
            first.place.clone(),
            format!(
                "{} skipped: {reason} ({names})",
                count(list.len(), &format!("{kind} element"))
            ),
        );
    }
}

fn relationships(convert: &Convert, builder: &mut Builder) {
    let mut by_kind: Vec<(&str, Vec<usize>)> = Vec::new();
    for (r, relationship) in convert.model.relationships.iter().enumerate() {
        if convert.relation_done[r] {
            continue;
        }
        let kind = relation_name(&relationship.kind);
        let (source, target) = (&relationship.source, &relationship.target);
        let touches_system =
            convert.system_for(source).is_some() || convert.system_for(target).is_some();
        if !touches_system {
            match by_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, list)) => list.push(r),
                None => by_kind.push((kind, vec![r])),
            }
            continue;
        }
        builder.skipped(
            relationship.place.clone(),
            format!(
                "{kind} {} → {}: {}",
                convert.describe(source),
                convert.describe(target),
                reason(convert, r)
            ),
        );
    }
    for (kind, list) in by_kind {
        let kind = if kind.is_empty() { "untyped" } else { kind };
        let first = &convert.model.relationships[list[0]];
        builder.skipped(
            first.place.clone(),
            format!(
                "{} skipped: neither end is an imported system (the first: {} → {})",
                count(list.len(), &format!("{kind} relationship")),
                convert.describe(&first.source),
                convert.describe(&first.target)
            ),
        );
    }
}

/// Why a relationship with an imported system at one end or both was not imported.
fn reason(convert: &Convert, r: usize) -> String {
    let relationship = &convert.model.relationships[r];
    let class = convert.relation_classes[r];
    if class == RelationClass::Unknown {
        return "not an ArchiMate relationship type this importer knows".to_owned();
    }
    let (source, target) = (
        convert.system_for(&relationship.source),
        convert.system_for(&relationship.target),
    );
    match (source, target) {
        (Some(a), Some(b)) if a == b => {
            format!("both ends are “{}”", convert.name(a))
        }
        (Some(_), Some(_)) if class == RelationClass::Access => {
            "an access is to data, and this end is a system".to_owned()
        }
        (Some(_), Some(_)) => "not imported".to_owned(),
        (None, _) => format!(
            "{} is not an imported system",
            convert.describe(&relationship.source)
        ),
        (_, None) => format!(
            "{} is not an imported system",
            convert.describe(&relationship.target)
        ),
    }
}

/// “A”, “B”, “C” and 4 more.
fn names(all: impl ExactSizeIterator<Item = String>) -> String {
    let total = all.len();
    let shown: Vec<String> = all.take(NAMES_SHOWN).map(|n| format!("“{n}”")).collect();
    let mut text = shown.join(", ");
    if total > NAMES_SHOWN {
        text.push_str(&format!(" and {} more", total - NAMES_SHOWN));
    }
    text
}
