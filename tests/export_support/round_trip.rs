//! Comparing a project with what an import of its export gives back, modulo what the
//! import does to any text: `carried` is what the format and the importer make of one
//! text (trimmed, at least), and tags are split at `,` and `;`.

use integration_studio::import::{Imported, LineKind};
use integration_studio::model::{
    ChoiceEnum, Connection, Point, Project, Rect, Resilience, Size, System,
};

/// How a format carries text: what an imported text is, given the original.
pub type Carried = fn(&str) -> String;

/// A choice as the importer reads its (carried) label back.
pub fn relabelled<T: ChoiceEnum>(value: &Option<T>, carried: Carried) -> Option<T> {
    value
        .as_ref()
        .and_then(|v| T::parse_label(&carried(v.label())))
}

/// Tags as the importer splits them.
pub fn split_tags(tags: &[String], carried: Carried) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let carried: Vec<String> = tags.iter().map(|t| carried(t)).collect();
    for tag in carried
        .iter()
        .flat_map(|t| t.split([',', ';']))
        .map(str::trim)
    {
        if !tag.is_empty() && !out.iter().any(|t| t == tag) {
            out.push(tag.to_owned());
        }
    }
    out
}

/// A box as an import places it: the canvas's box, rounded, at least half our size.
pub fn placed(rect: Rect) -> (Point, Size) {
    let size = Size {
        width: rect.width().round().max(Size::SYSTEM.width / 2.0),
        height: rect.height().round().max(Size::SYSTEM.height / 2.0),
    };
    (Point::new(rect.min.x.round(), rect.min.y.round()), size)
}

/// Every field of a system, as text, for one comparison that names what differs.
pub fn system_fields(project: &Project, s: &System, carried: Carried) -> Vec<String> {
    // A zone by name, with its kind (as its label reads back) and notes.
    let zone = s
        .zone
        .and_then(|z| project.zone(z))
        .map(|z| {
            (
                carried(&z.name),
                relabelled(&z.kind, carried),
                carried(&z.notes),
            )
        })
        .filter(|(name, ..)| !name.is_empty());
    vec![
        format!("name {:?}", carried(&s.name)),
        format!("purpose {:?}", carried(&s.purpose)),
        format!("technology {:?}", carried(&s.technology)),
        format!("owner {:?}", carried(&s.owner_team)),
        format!("sla note {:?}", carried(&s.availability.note)),
        format!("notes {:?}", carried(&s.notes)),
        format!("data format {:?}", relabelled(&s.data_format, carried)),
        format!("communication {:?}", relabelled(&s.communication, carried)),
        format!("sensitivity {:?}", relabelled(&s.sensitivity, carried)),
        format!("sla {:?}", s.availability.percent),
        format!("zone {zone:?}"),
        format!("tags {:?}", split_tags(&s.tags, carried)),
        format!("pinned {}", s.pinned),
        format!("box {:?}", placed(s.rect())),
    ]
}

/// Every field of a connection, its ends by name.
pub fn flow_fields(project: &Project, c: &Connection, carried: Carried) -> Vec<String> {
    let name = |id| carried(&project.system(id).map_or(String::new(), |s| s.name.clone()));
    let resilience: Vec<Option<Resilience>> = c
        .resilience
        .iter()
        .map(|r| relabelled(&Some(r.clone()), carried))
        .collect();
    let waypoints: Vec<(f32, f32)> = c
        .waypoints
        .iter()
        .map(|p| (p.x.round(), p.y.round()))
        .collect();
    vec![
        format!("from {:?}", name(c.from)),
        format!("to {:?}", name(c.to)),
        format!("data {:?}", carried(&c.data)),
        format!("protocol {:?}", relabelled(&c.protocol, carried)),
        format!("style {:?}", relabelled(&c.style, carried)),
        format!("data format {:?}", relabelled(&c.data_format, carried)),
        format!("direction {:?}", c.direction),
        format!("frequency {:?}", carried(&c.frequency)),
        format!("volume {:?}", carried(&c.volume)),
        format!("latency {:?}", c.latency_target_ms),
        format!(
            "authentication {:?}",
            relabelled(&c.authentication, carried)
        ),
        format!("encrypted {}", c.encrypted),
        format!("resilience {resilience:?}"),
        format!("transformation {:?}", carried(&c.transformation)),
        format!("notes {:?}", carried(&c.notes)),
        format!("waypoints {waypoints:?}"),
    ]
}

/// Imported text is compared as it is.
fn as_is(text: &str) -> String {
    text.to_owned()
}

/// No Problem or Guessed line, every system and every connection whose ends exist back
/// in order, with every field as `carried` says the format keeps it.
pub fn assert_same_landscape(name: &str, original: &Project, back: &Imported, carried: Carried) {
    let problems: Vec<_> = back
        .report
        .lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Problem | LineKind::Guessed))
        .map(|l| &l.message)
        .collect();
    assert!(problems.is_empty(), "{name}: {problems:?}");
    let imported = &back.project;
    assert_eq!(imported.systems.len(), original.systems.len(), "{name}");
    for (before, after) in original.systems.iter().zip(&imported.systems) {
        assert_eq!(
            system_fields(imported, after, as_is),
            system_fields(original, before, carried),
            "{name}: system {:?}",
            before.name
        );
    }
    let drawable: Vec<&Connection> = original
        .connections
        .iter()
        .filter(|c| original.system(c.from).is_some() && original.system(c.to).is_some())
        .collect();
    assert_eq!(imported.connections.len(), drawable.len(), "{name}");
    for (before, after) in drawable.iter().zip(&imported.connections) {
        assert_eq!(
            flow_fields(imported, after, as_is),
            flow_fields(original, before, carried),
            "{name}: {}",
            original.connection_name(before)
        );
    }
}
