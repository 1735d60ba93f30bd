//! Gaps in the model itself: systems nothing connects, connections without protocol or
//! style, names used twice, and required values left empty.

use std::collections::{HashMap, HashSet};

use super::Context;
use crate::analysis::landscape::display_name;
use crate::analysis::report::{Finding, Severity};
use crate::analysis::rule::{Concerns, Rule, name_list};
use crate::fields::{ConnectionField, Field, ProjectField, SystemField, is_blank};
use crate::model::System;

pub static ORPHAN_SYSTEM: Rule = Rule {
    id: "orphan-system",
    severity: Severity::Info,
    why: "A system in the integration scope with no data flow is either not integrated yet \
          or its flows are missing from the model; either way the analysis cannot see it.",
    pattern: "Map its data flows (which systems it feeds and reads from, how), or take it out \
              of the integration scope.",
};

pub static CONNECTION_UNDERSPECIFIED: Rule = Rule {
    id: "connection-underspecified",
    severity: Severity::Warning,
    why: "Without a protocol and an interaction style nobody can tell a blocking call from a \
          message; the coupling, availability and resilience checks skip the connection, and \
          the prompt can only say \"not specified\".",
    pattern: "Choose the communication protocol (REST, message queue, file transfer…) and the \
              interaction style (synchronous request/response, asynchronous message, \
              publish-subscribe, batch, streaming) for the connection.",
};

pub static DUPLICATE_NAME: Rule = Rule {
    id: "duplicate-name",
    severity: Severity::Warning,
    why: "Names are how people and the AI assistant tell systems apart: with two systems of \
          one name, the prompt's data flows and any analysis of them become ambiguous.",
    pattern: "Give each system a unique name, e.g. with its role, region or instance \
              (\"CRM (EU)\", \"CRM (US)\"), or merge them if they are one system.",
};

pub static REQUIRED_FIELD_EMPTY: Rule = Rule {
    id: "required-field-empty",
    severity: Severity::Info,
    why: "CM-010 asks for these values; the prompt shows each empty one as a ⟦missing⟧ \
          marker, and the assistant's analysis is only as good as what it is told.",
    pattern: "Fill in the values (Integration Pattern Module, phase 1: define the integration \
              requirements and map the data flows).",
};

pub(super) fn check(cx: &Context, findings: &mut Vec<Finding>) {
    orphans(cx, findings);
    underspecified(cx, findings);
    duplicates(cx, findings);
    required(cx, findings);
}

fn orphans(cx: &Context, findings: &mut Vec<Finding>) {
    let project = cx.landscape.project;
    // Every connection counts, even one whose other end is dangling: it is still a flow.
    let connected: HashSet<_> = project
        .connections
        .iter()
        .flat_map(|c| [c.from, c.to])
        .collect();
    for system in project
        .systems
        .iter()
        .filter(|s| !connected.contains(&s.id))
    {
        let message = format!(
            "{} has no data flows to or from any system.",
            display_name(system)
        );
        findings
            .push(ORPHAN_SYSTEM.finding(message, Concerns::systems(vec![system.id], Vec::new())));
    }
}

fn underspecified(cx: &Context, findings: &mut Vec<Finding>) {
    let l = &cx.landscape;
    for link in &l.links {
        let c = link.connection;
        let mut gaps = Vec::new();
        if c.protocol.as_ref().is_none_or(|p| p.is_blank_other()) {
            gaps.push("no protocol");
        }
        if c.style.as_ref().is_none_or(|s| s.is_blank_other()) {
            gaps.push("no interaction style");
        }
        if gaps.is_empty() {
            continue;
        }
        let message = format!("{} has {}.", l.link_label(link), gaps.join(" and "));
        findings.push(CONNECTION_UNDERSPECIFIED.finding(message, Concerns::link(l, link)));
    }
}

fn duplicates(cx: &Context, findings: &mut Vec<Finding>) {
    let systems = cx.landscape.systems;
    let mut by_name: HashMap<String, Vec<&System>> = HashMap::new();
    for system in systems.iter().filter(|s| !is_blank(&s.name)) {
        by_name
            .entry(system.name.trim().to_lowercase())
            .or_default()
            .push(system);
    }
    for same in by_name.values().filter(|same| same.len() > 1) {
        let ids: Vec<String> = same.iter().map(|s| s.id.to_string()).collect();
        let message = format!(
            "{} systems are called \"{}\" (ids {}).",
            same.len(),
            same[0].name.trim(),
            name_list(&ids, 8),
        );
        let ids = same.iter().map(|s| s.id).collect();
        findings.push(DUPLICATE_NAME.finding(message, Concerns::systems(ids, Vec::new())));
    }
}

fn required(cx: &Context, findings: &mut Vec<Finding>) {
    let l = &cx.landscape;
    let project = l.project;
    let empty = labels(ProjectField::ALL, |f| f.is_empty(project));
    if !empty.is_empty() {
        let message = format!(
            "The project leaves required values empty: {}.",
            empty.join(", ")
        );
        findings.push(REQUIRED_FIELD_EMPTY.finding(message, Concerns::project()));
    }
    for system in l.systems {
        let empty = labels(SystemField::ALL, |f| f.is_empty(system));
        if !empty.is_empty() {
            let message = format!(
                "{} leaves required values empty: {}.",
                display_name(system),
                empty.join(", ")
            );
            findings.push(
                REQUIRED_FIELD_EMPTY
                    .finding(message, Concerns::systems(vec![system.id], Vec::new())),
            );
        }
    }
    // Protocol and style are left to `connection-underspecified`, which says more about them.
    let connection_fields: Vec<_> = ConnectionField::ALL
        .iter()
        .copied()
        .filter(|f| !matches!(f, ConnectionField::Protocol | ConnectionField::Style))
        .collect();
    for link in &l.links {
        let empty = labels(&connection_fields, |f| f.is_empty(link.connection));
        if !empty.is_empty() {
            let message = format!(
                "{} leaves required values empty: {}.",
                l.link_label(link),
                empty.join(", ")
            );
            findings.push(REQUIRED_FIELD_EMPTY.finding(message, Concerns::link(l, link)));
        }
    }
}

/// The labels of the required fields that `is_empty` says are empty.
fn labels<F: Copy + Into<Field>>(fields: &[F], is_empty: impl Fn(F) -> bool) -> Vec<&'static str> {
    fields
        .iter()
        .map(|&f| (f, f.into().spec()))
        .filter(|(f, spec)| spec.required && is_empty(*f))
        .map(|(_, spec)| spec.label)
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analysis::Severity;
    use crate::analysis::testing::Build;

    #[test]
    fn a_system_without_flows_is_an_orphan() {
        let mut b = Build::new();
        let [a, x] = ["Shop", "Stock"].map(|n| b.system(n));
        b.publish(a, x);
        let lone = b.system("Legacy fax server");
        let f = b.only("orphan-system", &["Legacy fax server has no data flows"]);
        assert_eq!(f.severity, Severity::Info);
        assert_eq!(f.systems, [lone]);
        assert_eq!(f.key, format!("orphan-system:{lone}"));
        b.publish(lone, a);
        assert!(b.findings("orphan-system").is_empty());
    }

    #[test]
    fn a_connection_without_protocol_or_style() {
        let mut b = Build::new();
        let [a, x] = ["Shop", "Stock"].map(|n| b.system(n));
        let c = b.publish(a, x);
        b.connection_mut(c).protocol = None;
        b.connection_mut(c).style = Some(crate::model::InteractionStyle::Other(" ".into()));
        let f = b.only(
            "connection-underspecified",
            &["Shop → Stock has no protocol and no interaction style"],
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!((f.systems, f.connections), (vec![a, x], vec![c]));
        b.connection_mut(c).protocol = Some(crate::model::Communication::Rest);
        b.connection_mut(c).style = Some(crate::model::InteractionStyle::AsyncMessage);
        assert!(b.findings("connection-underspecified").is_empty());
    }

    #[test]
    fn two_systems_with_one_name() {
        let mut b = Build::new();
        let [a, x] = ["CRM", " crm "].map(|n| b.system(n));
        b.publish(a, x);
        let f = b.only("duplicate-name", &["2 systems are called \"CRM\""]);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.systems, [a, x]);
        assert_eq!(f.key, format!("duplicate-name:{a},{x}"));
        b.system_mut(x).name = "CRM (US)".into();
        assert!(b.findings("duplicate-name").is_empty());
    }

    #[test]
    fn required_values_left_empty_one_finding_per_item() {
        let mut b = Build::new();
        let [a, x] = ["Shop", "Stock"].map(|n| b.system(n));
        let c = b.publish(a, x);
        b.system_mut(x).purpose.clear();
        b.system_mut(x).availability = Default::default();
        b.project.requirements.latency_requirements = " ".into();
        b.project.requirements.regulatory_compliance.clear();
        b.connection_mut(c).data.clear();
        let findings = b.findings("required-field-empty");
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "The project leaves required values empty: Latency Requirements, Compliance.",
                "Stock leaves required values empty: Purpose, Availability.",
                "Shop → Stock leaves required values empty: Data.",
            ]
        );
        assert!(findings.iter().all(|f| f.severity == Severity::Info));
        assert_eq!(findings[0].key, "required-field-empty:");
        assert_eq!(findings[1].systems, [x]);
    }

    #[test]
    fn a_complete_landscape_has_no_empty_required_value() {
        let mut b = Build::new();
        let [a, x] = ["Shop", "Stock"].map(|n| b.system(n));
        b.publish(a, x);
        assert!(b.findings("required-field-empty").is_empty());
    }
}
