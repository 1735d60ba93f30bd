//! The checklist on hand-built projects. Findings are built by hand, as the rules would
//! make them, so each finding-derived line is tested on its own.

use super::*;
use crate::analysis::report::Severity;
use crate::analysis::testing::Build;
use crate::model::{Acknowledgement, ConnectionId, IntegrationType, System};

const MODULE_LINES: [&str; 6] = READINESS_LINES;

/// The Integration Pattern Module as published.
const MODULE: &str = include_str!("../../../tests/fixtures/integration-pattern-module.txt");

/// Three systems in a chain, everything filled in, every flow an event published with
/// retries and a dead-letter queue (the rules' own test landscape, which trips no rule).
fn complete() -> Project {
    let mut build = Build::new();
    let [web, orders, erp] = ["Web", "Orders", "ERP"].map(|name| build.system(name));
    build.publish(web, orders);
    build.publish(orders, erp);
    build.project
}

fn finding(rule: &'static str, severity: Severity, id: u64) -> Finding {
    Finding {
        rule,
        severity,
        message: format!("{rule} about {id}."),
        why: "Because.".into(),
        pattern: "A pattern".into(),
        systems: Vec::new(),
        connections: vec![ConnectionId(id)],
        key: format!("{rule}:{id}"),
    }
}

fn acknowledge(project: &mut Project, key: &str) {
    project.analysis.acknowledgements.push(Acknowledgement {
        finding: key.into(),
        reason: "accepted".into(),
    });
}

fn check<'r>(readiness: &'r Readiness, label: &str) -> &'r ReadinessCheck {
    readiness
        .checks
        .iter()
        .find(|c| c.label == label)
        .unwrap_or_else(|| panic!("no line {label:?}"))
}

fn status(project: &Project, findings: &[Finding], label: &str) -> (CheckStatus, Vec<String>) {
    let readiness = readiness(project, findings);
    let line = check(&readiness, label);
    (line.status, line.reasons.clone())
}

#[test]
fn the_lines_are_the_modules_own_in_its_order_and_phases() {
    let published: Vec<&str> = MODULE
        .split("<validation>")
        .skip(1)
        .filter_map(|part| part.split("</validation>").next())
        .flat_map(str::lines)
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    assert_eq!(published, MODULE_LINES);
    let readiness = readiness(&complete(), &[]);
    let labels: Vec<_> = readiness.checks.iter().map(|c| c.label).collect();
    assert_eq!(labels, MODULE_LINES);
    let phases: Vec<_> = readiness.checks.iter().map(|c| c.phase).collect();
    use Phase::{DefineIntegrationRequirements as One, DesignIntegrationArchitecture as Two};
    assert_eq!(phases, [One, One, One, Two, Two, Two]);
}

#[test]
fn an_empty_project_fails_every_line_and_scores_zero() {
    let readiness = readiness(&Project::new("Empty"), &[]);
    for line in &readiness.checks {
        assert_eq!(line.status, CheckStatus::Failed, "{}", line.label);
        assert!(!line.reasons.is_empty(), "{}", line.label);
    }
    assert_eq!(readiness.score_percent, 0);
    let (_, reasons) = status(&Project::new("Empty"), &[], "Data flows are mapped");
    assert_eq!(reasons, ["No systems are modelled yet."]);
}

#[test]
fn a_complete_well_designed_project_passes_every_line_and_says_why() {
    let readiness = readiness(&complete(), &[]);
    for line in &readiness.checks {
        assert_eq!(line.status, CheckStatus::Passed, "{line:?}");
        assert!(!line.reasons.is_empty(), "{}", line.label);
    }
    assert_eq!(readiness.score_percent, 100);
    let (_, reasons) = status(&complete(), &[], "Constraints are identified");
    assert!(
        reasons[0].contains("Security Level (Internal), Compliance (ISO 27001), Latency"),
        "{reasons:?}"
    );
}

#[test]
fn the_score_counts_partial_lines_half_and_rounds() {
    let mut project = complete();
    // One missing field of five: requirements partial, everything else passed.
    project.requirements.data_volume.clear();
    let readiness = readiness(&project, &[]);
    assert_eq!(
        check(&readiness, MODULE_LINES[0]).status,
        CheckStatus::Partial
    );
    assert_eq!(readiness.score_percent, 92); // 5.5 of 6
    let readiness = super::readiness(&project, &[finding("sync-cycle", Severity::Error, 9)]);
    assert_eq!(readiness.score_percent, 75); // 4.5 of 6
}

#[test]
fn requirements_name_what_is_missing_and_fail_below_half() {
    let mut project = complete();
    project.requirements.latency_requirements = "  ".into();
    project.requirements.integration_type = Some(IntegrationType::Other(" ".into()));
    let (state, reasons) = status(&project, &[], MODULE_LINES[0]);
    assert_eq!(state, CheckStatus::Partial);
    assert_eq!(
        reasons,
        ["Not filled in: Integration Type, Latency Requirements."]
    );
    project.requirements.integration_scope.clear();
    let (state, _) = status(&project, &[], MODULE_LINES[0]);
    assert_eq!(state, CheckStatus::Failed);
}

#[test]
fn data_flows_need_connections_that_reach_every_system() {
    let mut project = complete();
    project.connections.clear();
    let (state, reasons) = status(&project, &[], MODULE_LINES[1]);
    assert_eq!(state, CheckStatus::Failed);
    assert_eq!(
        reasons,
        ["No data flows are modelled between the 3 systems."]
    );

    let mut project = complete();
    let id = project.allocate_system_id();
    project.systems.push(System::new(id, "Archive"));
    let (state, reasons) = status(&project, &[], MODULE_LINES[1]);
    assert_eq!(state, CheckStatus::Partial);
    assert_eq!(reasons, ["No data flow (1 of 4 systems): “Archive”."]);

    // The team knows the archive stands alone: it no longer counts against the line.
    acknowledge(&mut project, &format!("orphan-system:{id}"));
    let (state, reasons) = status(&project, &[], MODULE_LINES[1]);
    assert_eq!(state, CheckStatus::Passed);
    assert!(
        reasons[0].contains("“Archive” acknowledged as standing alone"),
        "{reasons:?}"
    );
}

#[test]
fn data_flows_must_say_what_they_carry_and_how() {
    let mut project = complete();
    project.connections[0].data.clear();
    project.connections[0].style = None;
    let (state, reasons) = status(&project, &[], MODULE_LINES[1]);
    assert_eq!(state, CheckStatus::Partial);
    assert_eq!(
        reasons,
        [
            "Missing data, protocol or interaction style (1 of 2 data flows): “Web” → \
             “Orders” (no data, interaction style)."
        ]
    );
    // Acknowledged as underspecified, its missing style no longer counts; its data does.
    let mut acknowledged = project.clone();
    let id = project.connections[0].id;
    acknowledge(
        &mut acknowledged,
        &format!("connection-underspecified:{id}"),
    );
    let (state, reasons) = status(&acknowledged, &[], MODULE_LINES[1]);
    assert_eq!(state, CheckStatus::Partial);
    assert!(
        reasons[0].ends_with("“Web” → “Orders” (no data)."),
        "{reasons:?}"
    );
    acknowledged.connections[0].data = "orders".into();
    assert_eq!(
        status(&acknowledged, &[], MODULE_LINES[1]).0,
        CheckStatus::Passed
    );
    project.connections[1].protocol = None;
    assert_eq!(
        status(&project, &[], MODULE_LINES[1]).0,
        CheckStatus::Failed
    );
}

#[test]
fn constraints_need_the_header_fields_and_every_systems_sensitivity() {
    let mut project = complete();
    project.requirements.regulatory_compliance.clear();
    let (state, reasons) = status(&project, &[], MODULE_LINES[2]);
    assert_eq!(state, CheckStatus::Partial);
    assert_eq!(reasons, ["Not filled in: Compliance."]);

    let regulated = finding("compliance-without-classification", Severity::Warning, 1);
    let (state, reasons) = status(&complete(), &[regulated], MODULE_LINES[2]);
    assert_eq!(state, CheckStatus::Partial);
    assert_eq!(
        reasons,
        ["compliance-without-classification about 1. (warning, compliance-without-classification)"]
    );

    let mut project = complete();
    project.systems[0].sensitivity = None;
    project.systems[2].sensitivity = None;
    let (state, reasons) = status(&project, &[], MODULE_LINES[2]);
    assert_eq!(state, CheckStatus::Failed);
    assert_eq!(
        reasons,
        ["No Data Sensitivity (2 of 3 systems): “Web” and “ERP”."]
    );
}

#[test]
fn architecture_follows_the_architecture_findings_by_severity() {
    let project = complete();
    let line = MODULE_LINES[3];
    let error = finding("sync-cycle", Severity::Error, 7);
    let warning = finding("p2p-hub", Severity::Warning, 8);
    let info = finding("availability-below-sla", Severity::Info, 9);
    let unrelated = finding("sync-without-timeout", Severity::Error, 10);
    let (state, reasons) = status(&project, &[warning.clone(), error.clone()], line);
    assert_eq!(state, CheckStatus::Failed);
    assert_eq!(
        reasons,
        [
            "sync-cycle about 7. (error, sync-cycle)",
            "p2p-hub about 8. (warning, p2p-hub)"
        ]
    );
    assert_eq!(
        status(&project, std::slice::from_ref(&warning), line).0,
        CheckStatus::Partial
    );
    let (state, reasons) = status(&project, &[info, unrelated], line);
    assert_eq!(state, CheckStatus::Passed);
    assert_eq!(
        reasons.len(),
        3,
        "the style share, the clean sentence and the info note"
    );
    assert_eq!(
        reasons[2],
        "availability-below-sla about 9. (info, availability-below-sla)"
    );
    let mut acknowledged = project.clone();
    acknowledge(&mut acknowledged, &error.key);
    assert_eq!(status(&acknowledged, &[error], line).0, CheckStatus::Passed);
}

#[test]
fn architecture_cannot_pass_over_flows_without_a_style() {
    let mut project = complete();
    project.connections[0].style = None;
    let (state, reasons) = status(&project, &[], MODULE_LINES[3]);
    assert_eq!(state, CheckStatus::Partial);
    assert_eq!(
        reasons,
        [
            "No interaction style, so the rules cannot judge the coupling (1 of 2 data flows): \
          “Web” → “Orders”."
        ]
    );
}

#[test]
fn many_findings_are_counted_not_all_listed() {
    let findings: Vec<_> = (0..12)
        .map(|i| finding("p2p-mesh", Severity::Warning, 100 + i))
        .collect();
    let (_, reasons) = status(&complete(), &findings, MODULE_LINES[3]);
    assert_eq!(reasons.len(), 6);
    assert_eq!(reasons[5], "…and 7 more findings");
}

#[test]
fn protocols_need_protocol_style_format_and_no_protocol_findings() {
    let mut project = complete();
    let line = MODULE_LINES[4];
    project.connections[1].data_format = None;
    let (state, reasons) = status(&project, &[], line);
    assert_eq!(state, CheckStatus::Partial);
    assert_eq!(
        reasons,
        ["No data format (1 of 2 data flows): “Orders” → “ERP”."]
    );
    let sensitive = finding("sensitive-unprotected", Severity::Error, 5);
    assert_eq!(
        status(&complete(), &[sensitive], line).0,
        CheckStatus::Failed
    );
    let mismatch = finding("format-mismatch", Severity::Warning, 5);
    assert_eq!(
        status(&complete(), &[mismatch], line).0,
        CheckStatus::Partial
    );
    let mut project = complete();
    project
        .connections
        .iter_mut()
        .for_each(|c| c.protocol = None);
    assert_eq!(status(&project, &[], line).0, CheckStatus::Failed);
    for c in project.connections.clone() {
        acknowledge(&mut project, &format!("connection-underspecified:{}", c.id));
    }
    assert_eq!(status(&project, &[], line).0, CheckStatus::Passed);
}

#[test]
fn error_handling_needs_resilience_on_every_flow_and_no_findings() {
    let line = MODULE_LINES[5];
    let mut project = complete();
    project.connections[0].resilience.clear();
    let (state, reasons) = status(&project, &[], line);
    assert_eq!(state, CheckStatus::Partial);
    assert!(
        reasons[0].starts_with("No resilience measure such as retry"),
        "{reasons:?}"
    );
    project.connections[1].resilience.clear();
    assert_eq!(status(&project, &[], line).0, CheckStatus::Failed);
    let dlq = finding("async-without-dlq", Severity::Warning, 5);
    assert_eq!(status(&complete(), &[dlq], line).0, CheckStatus::Partial);
    let timeout = finding("sync-without-timeout", Severity::Error, 5);
    assert_eq!(status(&complete(), &[timeout], line).0, CheckStatus::Failed);
}

#[test]
fn design_lines_fail_without_data_flows_whatever_the_findings() {
    let mut project = complete();
    project.connections.clear();
    for line in &MODULE_LINES[3..] {
        let (state, reasons) = status(&project, &[], line);
        assert_eq!(state, CheckStatus::Failed, "{line}");
        assert!(reasons[0].starts_with("No data flows are modelled yet"));
    }
}

#[test]
fn every_rule_the_lines_read_exists() {
    use super::architecture::{ARCHITECTURE_RULES, ERROR_HANDLING_RULES, PROTOCOL_RULES};
    use super::requirements::{COMPLIANCE_RULE, ORPHAN_RULE};
    let known: Vec<&str> = crate::analysis::RULES.iter().map(|r| r.id).collect();
    let read = [
        ARCHITECTURE_RULES,
        PROTOCOL_RULES,
        ERROR_HANDLING_RULES,
        &[COMPLIANCE_RULE, ORPHAN_RULE],
    ];
    for rule in read.concat() {
        assert!(known.contains(&rule), "{rule} is not a rule");
    }
}

#[test]
fn real_findings_reach_their_lines() {
    // Web calls Orders and Orders calls Web, both synchronously: the rules find a cycle,
    // an error.
    let mut build = Build::new();
    let [web, orders] = ["Web", "Orders"].map(|name| build.system(name));
    build.call(web, orders);
    build.call(orders, web);
    let project = build.project;
    let report = crate::analysis::analyze(&project);
    assert!(report.findings.iter().any(|f| f.rule == "sync-cycle"));
    assert_eq!(
        check(&report.readiness, MODULE_LINES[3]).status,
        CheckStatus::Failed
    );
}
