//! A project against the one our importer made from its export: every system (matched by
//! name) and every flow whose ends exist (in order) with every field a format carries,
//! the zones by name, and no problem or guessed line in the report. What the format
//! does to text is `Rules::text`, applied to the original's side only.

use integration_studio::import::{Imported, LineKind};
use integration_studio::model::{
    Authentication, ChoiceEnum, Communication, Connection, DataFormat, Direction, InteractionStyle,
    Project, Resilience, Sensitivity, System,
};

/// What a format does to the values it carries.
pub struct Rules {
    /// A text as it comes back (trimmed, line breaks as `\n`, …).
    pub text: fn(&str) -> String,
    /// The tags as they come back.
    pub tags: fn(&[String]) -> Vec<String>,
}

/// A choice as the importer reads its label back (when `expected`), or as it is.
fn choice<T: ChoiceEnum>(rules: &Rules, value: &Option<T>, expected: bool) -> Option<T> {
    if !expected {
        return value.clone();
    }
    value
        .as_ref()
        .and_then(|v| T::parse_label(&(rules.text)(v.label())))
}

fn zone_name(rules: &Rules, project: &Project, system: &System, expected: bool) -> Option<String> {
    let zone = project.zone(system.zone?)?;
    let name = if expected {
        (rules.text)(&zone.name)
    } else {
        zone.name.clone()
    };
    Some(name).filter(|n| !n.trim().is_empty())
}

type SystemFields = (
    [String; 6],
    (
        Option<DataFormat>,
        Option<Communication>,
        Option<Sensitivity>,
    ),
    (Option<f64>, Option<String>, Vec<String>, bool),
);

/// The system fields the format carries; `expected` applies the rules.
fn carried_system(rules: &Rules, project: &Project, s: &System, expected: bool) -> SystemFields {
    let text = |t: &str| {
        if expected {
            (rules.text)(t)
        } else {
            t.to_owned()
        }
    };
    (
        [
            text(&s.name),
            text(&s.purpose),
            text(&s.technology),
            text(&s.owner_team),
            text(&s.availability.note),
            text(&s.notes),
        ],
        (
            choice(rules, &s.data_format, expected),
            choice(rules, &s.communication, expected),
            choice(rules, &s.sensitivity, expected),
        ),
        (
            s.availability.percent,
            zone_name(rules, project, s, expected),
            if expected {
                (rules.tags)(&s.tags)
            } else {
                s.tags.clone()
            },
            s.pinned,
        ),
    )
}

type FlowFields = (
    [String; 7],
    (
        Option<Communication>,
        Option<InteractionStyle>,
        Option<DataFormat>,
    ),
    (Option<Authentication>, Option<u64>),
    (Direction, bool, Vec<Resilience>),
);

fn carried_flow(rules: &Rules, project: &Project, c: &Connection, expected: bool) -> FlowFields {
    let text = |t: &str| {
        if expected {
            (rules.text)(t)
        } else {
            t.to_owned()
        }
    };
    let name = |id| {
        text(
            &project
                .system(id)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
        )
    };
    let resilience = if expected {
        c.resilience
            .iter()
            .filter_map(|r| Resilience::from_label(&(rules.text)(r.label())))
            .collect()
    } else {
        c.resilience.clone()
    };
    (
        [
            name(c.from),
            name(c.to),
            text(&c.data),
            text(&c.frequency),
            text(&c.volume),
            text(&c.transformation),
            text(&c.notes),
        ],
        (
            choice(rules, &c.protocol, expected),
            choice(rules, &c.style, expected),
            choice(rules, &c.data_format, expected),
        ),
        (
            choice(rules, &c.authentication, expected),
            c.latency_target_ms,
        ),
        (c.direction.clone(), c.encrypted, resilience),
    )
}

/// `back` is what the importer made of `project`'s export.
pub fn assert_carried(name: &str, rules: &Rules, project: &Project, back: &Imported) {
    let problems: Vec<_> = back
        .report
        .lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Problem | LineKind::Guessed))
        .map(|l| &l.message)
        .collect();
    assert!(problems.is_empty(), "{name}: {problems:?}");
    let imported = &back.project;
    assert_eq!(imported.systems.len(), project.systems.len(), "{name}");
    for original in &project.systems {
        let wanted = (rules.text)(&original.name);
        let again = imported
            .systems
            .iter()
            .find(|s| s.name == wanted)
            .unwrap_or_else(|| panic!("{name}: no system “{wanted}” came back"));
        assert_eq!(
            carried_system(rules, imported, again, false),
            carried_system(rules, project, original, true),
            "{name}: system {}",
            original.name
        );
    }
    let drawable: Vec<&Connection> = project
        .connections
        .iter()
        .filter(|c| project.system(c.from).is_some() && project.system(c.to).is_some())
        .collect();
    assert_eq!(imported.connections.len(), drawable.len(), "{name}");
    for (original, again) in drawable.iter().zip(&imported.connections) {
        assert_eq!(
            carried_flow(rules, imported, again, false),
            carried_flow(rules, project, original, true),
            "{name}: {}",
            project.connection_name(original)
        );
    }
    let mut zones: Vec<String> = project
        .systems
        .iter()
        .filter_map(|s| zone_name(rules, project, s, true))
        .collect();
    zones.sort();
    zones.dedup();
    let mut again: Vec<String> = imported.zones.iter().map(|z| z.name.clone()).collect();
    again.sort();
    assert_eq!(again, zones, "{name}: zones");
}
