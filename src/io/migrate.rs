//! Format version 1, frozen as it was, and its migration to the current model.
//!
//! Version 1 had no zones and no box sizes, wrote compliance as one free-text string and
//! availability as text such as "99.95% (business hours)", and had no transformation note
//! on connections. Each older version keeps its own types here so the current model can
//! change freely.

use serde::Deserialize;

use crate::model::{
    Authentication, Availability, CURRENT_FORMAT_VERSION, Communication, Connection, ConnectionId,
    DataFormat, Direction, IntegrationType, InteractionStyle, Point, Project, Regulation,
    Requirements, Resilience, Sensitivity, Size, System, SystemId,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Project")]
pub(crate) struct ProjectV1 {
    #[allow(dead_code)] // read to accept the field; its value is known to be 1
    format_version: u32,
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    requirements: RequirementsV1,
    #[serde(default)]
    systems: Vec<SystemV1>,
    #[serde(default)]
    connections: Vec<ConnectionV1>,
    #[serde(default)]
    next_id: u64,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RequirementsV1 {
    #[serde(default)]
    integration_scope: String,
    #[serde(default)]
    integration_type: Option<IntegrationType>,
    #[serde(default)]
    data_volume: String,
    #[serde(default)]
    latency_requirements: String,
    #[serde(default)]
    reliability_requirements: String,
    #[serde(default)]
    security_classification: Option<Sensitivity>,
    #[serde(default)]
    compliance: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SystemV1 {
    id: SystemId,
    name: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    technology: String,
    #[serde(default)]
    data_format: Option<DataFormat>,
    #[serde(default)]
    communication: Option<Communication>,
    #[serde(default)]
    availability: String,
    #[serde(default)]
    sensitivity: Option<Sensitivity>,
    #[serde(default)]
    owner_team: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    position: Point,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConnectionV1 {
    id: ConnectionId,
    from: SystemId,
    to: SystemId,
    #[serde(default)]
    data: String,
    #[serde(default)]
    protocol: Option<Communication>,
    #[serde(default)]
    style: Option<InteractionStyle>,
    #[serde(default)]
    data_format: Option<DataFormat>,
    #[serde(default)]
    direction: Direction,
    #[serde(default)]
    frequency: String,
    #[serde(default)]
    volume: String,
    #[serde(default)]
    latency_target_ms: Option<u64>,
    #[serde(default)]
    authentication: Option<Authentication>,
    #[serde(default)]
    encrypted: bool,
    #[serde(default)]
    resilience: Vec<Resilience>,
    #[serde(default)]
    notes: String,
}

impl From<ProjectV1> for Project {
    fn from(old: ProjectV1) -> Self {
        let r = old.requirements;
        Project {
            format_version: CURRENT_FORMAT_VERSION,
            name: old.name,
            description: old.description,
            requirements: Requirements {
                integration_scope: r.integration_scope,
                integration_type: r.integration_type,
                data_volume: r.data_volume,
                latency_requirements: r.latency_requirements,
                reliability_requirements: r.reliability_requirements,
                security_classification: r.security_classification,
                regulatory_compliance: split_regulations(&r.compliance),
            },
            zones: Vec::new(),
            systems: old.systems.into_iter().map(System::from).collect(),
            connections: old.connections.into_iter().map(Connection::from).collect(),
            next_id: old.next_id,
            analysis: Default::default(),
            prompt: Default::default(),
        }
    }
}

impl From<SystemV1> for System {
    fn from(old: SystemV1) -> Self {
        System {
            id: old.id,
            name: old.name,
            purpose: old.purpose,
            technology: old.technology,
            data_format: old.data_format,
            communication: old.communication,
            availability: parse_availability(&old.availability),
            sensitivity: old.sensitivity,
            owner_team: old.owner_team,
            zone: None,
            tags: old.tags,
            notes: old.notes,
            position: old.position,
            size: Size::SYSTEM,
            pinned: false,
        }
    }
}

impl From<ConnectionV1> for Connection {
    fn from(old: ConnectionV1) -> Self {
        Connection {
            id: old.id,
            from: old.from,
            to: old.to,
            data: old.data,
            protocol: old.protocol,
            style: old.style,
            data_format: old.data_format,
            direction: old.direction,
            frequency: old.frequency,
            volume: old.volume,
            latency_target_ms: old.latency_target_ms,
            authentication: old.authentication,
            encrypted: old.encrypted,
            resilience: old.resilience,
            transformation: String::new(),
            notes: old.notes,
            waypoints: Vec::new(),
        }
    }
}

/// "GDPR, PCI DSS; SOX" → the three regulations, known ones recognised by their label.
fn split_regulations(text: &str) -> Vec<Regulation> {
    text.split([',', ';', '/'])
        .filter_map(Regulation::from_label)
        .collect()
}

/// "99.95% (business hours)" → 99.95 with the note "business hours". Text that does not
/// start with a number is kept whole as the note, so nothing the user wrote is lost.
fn parse_availability(text: &str) -> Availability {
    let text = text.trim();
    let number_len = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let Ok(percent) = text[..number_len].parse::<f64>() else {
        return Availability {
            percent: None,
            note: text.to_owned(),
        };
    };
    let rest = text[number_len..].trim_start();
    let rest = rest.strip_prefix('%').unwrap_or(rest).trim();
    let note = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(rest)
        .trim();
    Availability {
        percent: Some(percent),
        note: note.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn availability_text_becomes_percent_and_note() {
        let a = parse_availability("99.95% (business hours)");
        assert_eq!(a.percent, Some(99.95));
        assert_eq!(a.note, "business hours");
        let b = parse_availability(" 99.9 %");
        assert_eq!((b.percent, b.note.as_str()), (Some(99.9), ""));
        let c = parse_availability("best effort");
        assert_eq!((c.percent, c.note.as_str()), (None, "best effort"));
    }

    #[test]
    fn compliance_text_becomes_a_list() {
        assert_eq!(
            split_regulations("gdpr, PCI DSS; Basel III"),
            vec![
                Regulation::Gdpr,
                Regulation::PciDss,
                Regulation::Other("Basel III".into())
            ]
        );
        assert!(split_regulations("  ").is_empty());
    }
}
