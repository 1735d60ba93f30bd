//! What the template sees: the project as display-ready text. Formatting lives here so
//! the template stays a readable copy of CM-010, and user text only ever arrives as data.

use serde::Serialize;

use crate::model::{
    format_latency_ms, join_labels, Availability, Connection, Direction, Project, System, Zone,
};

#[derive(Serialize)]
pub(crate) struct PromptContext {
    project: ProjectView,
    requirements: RequirementsView,
    zones: Vec<ZoneView>,
    systems: Vec<SystemView>,
    flows: Vec<FlowView>,
}

#[derive(Serialize)]
struct ProjectView {
    name: String,
    description: String,
}

#[derive(Serialize)]
struct RequirementsView {
    integration_scope: String,
    integration_type: String,
    data_volume: String,
    latency_requirements: String,
    reliability_requirements: String,
    security_classification: String,
    regulatory_compliance: String,
}

#[derive(Serialize)]
struct ZoneView {
    name: String,
    kind: String,
    notes: String,
    systems: String,
}

#[derive(Serialize)]
struct SystemView {
    id: u64,
    name: String,
    purpose: String,
    technology: String,
    data_format: String,
    communication: String,
    availability: String,
    sensitivity: String,
    zone: String,
    owner_team: String,
    tags: String,
    notes: String,
}

#[derive(Serialize)]
struct FlowView {
    id: u64,
    from: String,
    to: String,
    arrow: &'static str,
    data: String,
    protocol: String,
    style: String,
    data_format: String,
    direction: String,
    frequency: String,
    volume: String,
    latency_target: String,
    authentication: String,
    encrypted: &'static str,
    resilience: String,
    transformation: String,
    notes: String,
}

impl PromptContext {
    pub(crate) fn new(project: &Project) -> Self {
        let r = &project.requirements;
        PromptContext {
            project: ProjectView {
                name: one_line(&project.name),
                description: block(&project.description),
            },
            requirements: RequirementsView {
                integration_scope: block(&r.integration_scope),
                integration_type: label(&r.integration_type),
                data_volume: one_line(&r.data_volume),
                latency_requirements: one_line(&r.latency_requirements),
                reliability_requirements: one_line(&r.reliability_requirements),
                security_classification: label(&r.security_classification),
                regulatory_compliance: join_labels(&r.regulatory_compliance),
            },
            zones: project.zones.iter().map(|z| zone_view(project, z)).collect(),
            systems: project
                .systems
                .iter()
                .map(|s| system_view(project, s))
                .collect(),
            flows: project
                .connections
                .iter()
                .map(|c| flow_view(project, c))
                .collect(),
        }
    }
}

fn zone_view(project: &Project, zone: &Zone) -> ZoneView {
    let members: Vec<String> = project
        .systems
        .iter()
        .filter(|s| s.zone == Some(zone.id))
        .map(|s| one_line(&s.name))
        .collect();
    ZoneView {
        name: one_line(&zone.name),
        kind: label(&zone.kind),
        notes: one_line(&zone.notes),
        systems: members.join(", "),
    }
}

fn system_view(project: &Project, system: &System) -> SystemView {
    SystemView {
        id: system.id.0,
        name: one_line(&system.name),
        purpose: one_line(&system.purpose),
        technology: one_line(&system.technology),
        data_format: label(&system.data_format),
        communication: label(&system.communication),
        availability: availability(&system.availability),
        sensitivity: label(&system.sensitivity),
        zone: system
            .zone
            .and_then(|z| project.zone(z))
            .map(|z| one_line(&z.name))
            .unwrap_or_default(),
        owner_team: one_line(&system.owner_team),
        tags: one_line(&system.tags.join(", ")),
        notes: nested_block(&system.notes),
    }
}

fn flow_view(project: &Project, c: &Connection) -> FlowView {
    FlowView {
        id: c.id.0,
        from: one_line(&project.system_name(c.from)),
        to: one_line(&project.system_name(c.to)),
        arrow: if c.direction == Direction::BothWays { "↔" } else { "→" },
        data: one_line(&c.data),
        protocol: label(&c.protocol),
        style: label(&c.style),
        data_format: label(&c.data_format),
        direction: c.direction.to_string(),
        frequency: one_line(&c.frequency),
        volume: one_line(&c.volume),
        latency_target: c.latency_target_ms.map(format_latency_ms).unwrap_or_default(),
        authentication: label(&c.authentication),
        encrypted: if c.encrypted { "yes" } else { "no" },
        resilience: join_labels(&c.resilience),
        transformation: one_line(&c.transformation),
        notes: nested_block(&c.notes),
    }
}

fn label<T: std::fmt::Display>(value: &Option<T>) -> String {
    value.as_ref().map(|v| one_line(&v.to_string())).unwrap_or_default()
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
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Multi-line text on its own: trimmed, blank-line runs kept as paragraphs.
fn block(text: &str) -> String {
    text.trim().replace("\r\n", "\n")
}

/// Multi-line text inside a list item: later lines are indented to stay in the item.
fn nested_block(text: &str) -> String {
    block(text)
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_folds_every_line_break() {
        assert_eq!(one_line("  a\n\n b\tc "), "a b c");
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
