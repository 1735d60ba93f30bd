//! What the template sees: the project as display-ready text. Formatting lives here so
//! the template stays a readable copy of CM-010, and user text only ever arrives as data.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use minijinja::value::{Object, Value};

use super::render::{MissingValue, missing_marker};
use crate::fields::{ConnectionField as C, Field, ProjectField as P, SystemField as S, is_blank};
use crate::model::{
    Availability, Connection, Direction, ItemRef, Labelled, Project, System, SystemId, Zone,
    ZoneId, format_latency_ms, join_labels,
};

/// Declares a view: a struct of ready-made template values that minijinja reads field by
/// field. Converting through serde instead would build a map per item and allocate every
/// key again, which for thousands of flows costs more than the rest of the render. Paths
/// are spelt out in full so that any module of `template` can declare views.
macro_rules! view {
    ($(#[$meta:meta])* $name:ident { $($field:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug)]
        struct $name {
            $($field: ::minijinja::value::Value,)*
        }

        impl ::minijinja::value::Object for $name {
            fn repr(self: &::std::sync::Arc<Self>) -> ::minijinja::value::ObjectRepr {
                ::minijinja::value::ObjectRepr::Map
            }

            fn get_value(self: &::std::sync::Arc<Self>, key: &::minijinja::value::Value) -> Option<::minijinja::value::Value> {
                self.get_value_by_str(key.as_str()?)
            }

            fn get_value_by_str(self: &::std::sync::Arc<Self>, key: &str) -> Option<::minijinja::value::Value> {
                match key {
                    $(stringify!($field) => Some(self.$field.clone()),)*
                    _ => None,
                }
            }

            fn enumerate(self: &::std::sync::Arc<Self>) -> ::minijinja::value::Enumerator {
                ::minijinja::value::Enumerator::Str(&[$(stringify!($field)),*])
            }
        }
    };
}

// Other context builders (risks.rs) declare their views the same way.
pub(super) use view;

view!(
    /// What prompt.md.j2 sees.
    FrameContext { project, requirements, zones, system_blocks, flow_blocks, risks, scope }
);
view!(
    /// What system.md.j2 sees.
    SystemsContext { systems }
);
view!(
    /// What flow.md.j2 sees.
    FlowsContext { flows }
);
view!(ProjectView { name, description });
view!(RequirementsView {
    integration_scope,
    integration_type,
    data_volume,
    latency_requirements,
    reliability_requirements,
    security_classification,
    regulatory_compliance,
});
view!(ZoneView {
    name,
    kind,
    notes,
    systems
});
view!(SystemView {
    id,
    name,
    purpose,
    technology,
    data_format,
    communication,
    availability,
    sensitivity,
    zone,
    owner_team,
    tags,
    notes,
});
view!(
    /// One connection. Optional attributes that are empty read "not specified": telling the
    /// assistant nothing is known says more than a silent gap.
    FlowView {
        id,
        number,
        from,
        to,
        arrow,
        data,
        protocol,
        style,
        data_format,
        direction,
        frequency,
        volume,
        latency_target,
        authentication,
        encrypted,
        resilience,
        transformation,
        notes,
    }
);

/// Required values found empty while building views, in prompt order. An empty required
/// value reaches the template as its `⟦missing: Label⟧` marker already, so the list and the
/// text cannot disagree.
#[derive(Default)]
pub(crate) struct Missing(pub(crate) Vec<MissingValue>);

impl Missing {
    /// The value, or, when it is empty and the schema requires it, the marker (recorded).
    fn required(&mut self, field: impl Into<Field>, item: ItemRef, value: Value) -> Value {
        let spec = field.into().spec();
        if !spec.required || !value.as_str().is_some_and(is_blank) {
            return value;
        }
        self.0.push(MissingValue {
            key: spec.key.to_owned(),
            label: spec.label.to_owned(),
            item,
        });
        Value::from(missing_marker(spec.label))
    }
}

/// The frame's input: the project, its requirements and zones, stand-ins for the rendered
/// system and flow blocks (see `render`), the risks section's values (see `risks`) and the
/// scope's (none for the whole landscape, see `scope`).
pub(crate) fn frame_context(
    project: &Project,
    system_blocks: &'static str,
    flow_blocks: &'static str,
    risks: Value,
    scope: Value,
    missing: &mut Missing,
) -> Value {
    let r = &project.requirements;
    let p = ItemRef::Project;
    let project_view = object(ProjectView {
        name: missing.required(P::Name, p, text(&project.name)),
        description: block(&project.description).into(),
    });
    let requirements = object(RequirementsView {
        integration_scope: missing.required(
            P::IntegrationScope,
            p,
            block(&r.integration_scope).into(),
        ),
        integration_type: missing.required(P::IntegrationType, p, label(&r.integration_type)),
        data_volume: missing.required(P::DataVolume, p, text(&r.data_volume)),
        latency_requirements: missing.required(
            P::LatencyRequirements,
            p,
            text(&r.latency_requirements),
        ),
        reliability_requirements: missing.required(
            P::ReliabilityRequirements,
            p,
            text(&r.reliability_requirements),
        ),
        security_classification: missing.required(
            P::SecurityClassification,
            p,
            label(&r.security_classification),
        ),
        regulatory_compliance: missing.required(
            P::RegulatoryCompliance,
            p,
            join_labels(&r.regulatory_compliance).into(),
        ),
    });
    object(FrameContext {
        project: project_view,
        requirements,
        zones: {
            let members = zone_members(project);
            project
                .zones
                .iter()
                .map(|z| zone_view(&members, z))
                .collect()
        },
        system_blocks: Value::from(system_blocks),
        flow_blocks: Value::from(flow_blocks),
        risks,
        scope,
    })
}

/// The input of system.md.j2 for some systems.
pub(crate) fn systems_context(names: &Names, systems: &[System], missing: &mut Missing) -> Value {
    let views: Vec<Value> = systems
        .iter()
        .map(|s| system_view(names, s, missing))
        .collect();
    object(SystemsContext {
        systems: views.into(),
    })
}

/// The input of flow.md.j2 for some connections; `first_number` is the number the first
/// of them has in the whole prompt.
pub(crate) fn flows_context(
    names: &Names,
    connections: &[Connection],
    first_number: usize,
    missing: &mut Missing,
) -> Value {
    let views: Vec<Value> = connections
        .iter()
        .zip(first_number..)
        .map(|(c, number)| flow_view(names, c, number, missing))
        .collect();
    object(FlowsContext {
        flows: views.into(),
    })
}

pub(super) fn object<T: Object + 'static>(view: T) -> Value {
    Value::from_object(view)
}

fn system_view(names: &Names, system: &System, missing: &mut Missing) -> Value {
    let item = ItemRef::System(system.id);
    object(SystemView {
        id: system.id.0.into(),
        name: missing.required(S::Name, item, text(&system.name)),
        purpose: missing.required(S::Purpose, item, text(&system.purpose)),
        technology: missing.required(S::Technology, item, text(&system.technology)),
        data_format: missing.required(S::DataFormat, item, label(&system.data_format)),
        communication: missing.required(S::Communication, item, label(&system.communication)),
        availability: missing.required(
            S::Availability,
            item,
            availability(&system.availability).into(),
        ),
        sensitivity: missing.required(S::Sensitivity, item, label(&system.sensitivity)),
        zone: system
            .zone
            .and_then(|z| names.zones.get(z))
            .unwrap_or_else(|| Value::from("")),
        owner_team: text(&system.owner_team),
        tags: text(&system.tags.join(", ")),
        notes: nested_block(&system.notes),
    })
}

fn flow_view(names: &Names, c: &Connection, number: usize, missing: &mut Missing) -> Value {
    let item = ItemRef::Connection(c.id);
    let unspecified = |v: Value| {
        if is_empty(&v) {
            Value::from(NOT_SPECIFIED)
        } else {
            v
        }
    };
    object(FlowView {
        id: c.id.0.into(),
        number: number.into(),
        from: names.system(c.from),
        to: names.system(c.to),
        arrow: Value::from(if c.direction == Direction::BothWays {
            "↔"
        } else {
            "→"
        }),
        data: missing.required(C::Data, item, text(&c.data)),
        protocol: missing.required(C::Protocol, item, label(&c.protocol)),
        style: missing.required(C::Style, item, label(&c.style)),
        data_format: unspecified(label(&c.data_format)),
        direction: text(c.direction.label()),
        frequency: unspecified(text(&c.frequency)),
        volume: unspecified(text(&c.volume)),
        latency_target: unspecified(
            c.latency_target_ms
                .map(format_latency_ms)
                .unwrap_or_default()
                .into(),
        ),
        authentication: unspecified(label(&c.authentication)),
        encrypted: Value::from(if c.encrypted { "yes" } else { "no" }),
        resilience: if c.resilience.is_empty() {
            Value::from("none")
        } else {
            join_labels(&c.resilience).into()
        },
        transformation: text(&c.transformation),
        notes: nested_block(&c.notes),
    })
}

/// One-line names of systems and zones by id, so each of thousands of flows finds its
/// ends without scanning the system list.
pub(crate) struct Names {
    systems: ById<SystemId>,
    zones: ById<ZoneId>,
}

impl Names {
    pub(crate) fn new(project: &Project) -> Self {
        Names {
            systems: ById::new(project.systems.iter().map(|s| (s.id, text(&s.name)))),
            zones: ById::new(project.zones.iter().map(|z| (z.id, text(&z.name)))),
        }
    }

    fn system(&self, id: SystemId) -> Value {
        self.systems
            .get(id)
            .unwrap_or_else(|| format!("<unknown system {id}>").into())
    }
}

/// Values by id, sorted for a binary search: cheaper than hashing an id twice per flow.
/// Items usually arrive in id order (reversed here), which the sort takes as one run.
struct ById<K>(Vec<(K, Value)>);

impl<K: Ord + Copy> ById<K> {
    /// When an id occurs twice (a broken file), the later item wins, as in a map.
    fn new(items: impl DoubleEndedIterator<Item = (K, Value)>) -> Self {
        let mut sorted: Vec<_> = items.rev().collect();
        sorted.sort_by_key(|&(id, _)| id);
        sorted.dedup_by_key(|&mut (id, _)| id);
        ById(sorted)
    }

    fn get(&self, id: K) -> Option<Value> {
        let at = self.0.binary_search_by_key(&id, |&(id, _)| id).ok()?;
        Some(self.0[at].1.clone())
    }
}

/// Each zone's members as "A, B", in one pass over the systems: a large landscape has
/// hundreds of zones, and scanning every system for each of them took quadratic time.
fn zone_members(project: &Project) -> HashMap<ZoneId, String> {
    let mut members: HashMap<ZoneId, String> = HashMap::new();
    for system in &project.systems {
        let Some(zone) = system.zone else { continue };
        let joined = match members.entry(zone) {
            Entry::Occupied(joined) => {
                let joined = joined.into_mut();
                joined.push_str(", ");
                joined
            }
            Entry::Vacant(slot) => slot.insert(String::new()),
        };
        if is_folded(&system.name) {
            joined.push_str(&system.name);
        } else {
            joined.push_str(&one_line(&system.name));
        }
    }
    members
}

fn zone_view(members: &HashMap<ZoneId, String>, zone: &Zone) -> Value {
    object(ZoneView {
        name: text(&zone.name),
        kind: label(&zone.kind),
        notes: text(&zone.notes),
        systems: members.get(&zone.id).map_or("", String::as_str).into(),
    })
}

const NOT_SPECIFIED: &str = "not specified";

fn is_empty(value: &Value) -> bool {
    value.as_str().is_some_and(str::is_empty)
}

/// True only when `one_line` would return `text` unchanged. This runs for nearly every
/// value of thousands of items, so it is one branch-free pass over the bytes: the
/// substring search for a double space it replaces cost more than the rest of a value.
fn is_folded(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    // Line breaks, tabs and NUL are all below 0x20; so is everything `one_line` changes
    // in ASCII text other than a double space (or a space at either end).
    let unfolded = bytes
        .iter()
        .zip(&bytes[1..])
        .fold(false, |found, (&a, &b)| {
            found | (a < 0x20) | ((a == b' ') & (b == b' '))
        });
    if unfolded || first == b' ' || last == b' ' || last < 0x20 {
        return false;
    }
    text.is_ascii() || !text.chars().any(|c| c.is_whitespace() && c != ' ')
}

/// A one-line text as a template value, copied once (or not at all when short).
pub(super) fn text(raw: &str) -> Value {
    if is_folded(raw) {
        Value::from(raw)
    } else {
        Value::from(one_line(raw))
    }
}

fn label<T: Labelled>(value: &Option<T>) -> Value {
    match value {
        Some(v) => text(v.label()),
        None => Value::from(""),
    }
}

/// "99.95% (excludes maintenance)"; a note alone stands for an SLA without a number.
fn availability(a: &Availability) -> String {
    let note = one_line(&a.note);
    match (a.percent, note.is_empty()) {
        (Some(p), true) => format!("{p}%"),
        (Some(p), false) => format!("{p}% ({note})"),
        (None, _) => note,
    }
}

/// Text for a one-line slot: line breaks would break the Markdown structure around it.
/// NUL characters are dropped: they mean nothing in a prompt (and mark splice points).
pub(super) fn one_line(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\0') {
        if word.is_empty() {
            continue;
        }
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

/// Multi-line text on its own: trimmed, blank-line runs kept as paragraphs, NULs dropped.
fn block(text: &str) -> String {
    text.trim().replace("\r\n", "\n").replace('\0', "")
}

/// Multi-line text inside a list item: later lines are indented to stay in the item.
fn nested_block(text: &str) -> Value {
    // Most notes are empty or one line: then this is only the trim, and the allocations
    // below (a few per item, for thousands of items) are skipped.
    if !text.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\0')) {
        return Value::from(text.trim());
    }
    block(text)
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n  ")
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_folds_every_line_break() {
        assert_eq!(one_line("  a\n\n b\tc "), "a b c");
    }

    #[test]
    fn the_fold_check_agrees_with_folding() {
        for sample in [
            "a b",
            " a",
            "a ",
            "a  b",
            "a\nb",
            "a\tb",
            "é b",
            "é\u{a0}b",
            "é  b",
            "",
            "x\u{2028}y",
            "a\0b",
            "\u{1}",
            "a\n",
            "\t",
            " ",
            "ab\u{1}c",
            "a b  ",
        ] {
            if is_folded(sample) {
                assert_eq!(one_line(sample), sample, "{sample:?}");
            }
            if one_line(sample) != sample {
                assert!(!is_folded(sample), "{sample:?}");
            }
        }
    }

    #[test]
    fn one_line_notes_take_the_short_way_to_the_same_text() {
        for sample in [
            "",
            "  a  b ",
            "\u{a0}x\u{a0}",
            "a\nb",
            " a \r\n\n  b ",
            "a\0b",
        ] {
            let slow = block(sample)
                .lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n  ");
            assert_eq!(
                nested_block(sample).as_str(),
                Some(slow.as_str()),
                "{sample:?}"
            );
        }
    }

    #[test]
    fn a_repeated_id_finds_the_later_item_as_a_map_would() {
        let by_id = ById::new(
            [(2, "a"), (1, "b"), (2, "c")]
                .map(|(id, v)| (id, Value::from(v)))
                .into_iter(),
        );
        assert_eq!(by_id.get(2).unwrap().as_str(), Some("c"));
        assert_eq!(by_id.get(1).unwrap().as_str(), Some("b"));
        assert!(by_id.get(3).is_none());
    }

    #[test]
    fn availability_combines_percent_and_note() {
        let mut a = Availability::percent(99.9);
        assert_eq!(availability(&a), "99.9%");
        a.note = "business hours".into();
        assert_eq!(availability(&a), "99.9% (business hours)");
        a.percent = None;
        assert_eq!(availability(&a), "business hours");
    }
}
