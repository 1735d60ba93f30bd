//! Landscape analysis: integration risk rules, composite availability and the Integration
//! Pattern Module's readiness checklist. No egui here; the app, the CLI and the prompt all
//! read the same `Report`.

mod availability;
mod bitset;
mod graph;
mod landscape;
mod latency;
mod mesh;
mod order;
mod readiness;
mod report;
mod rule;
mod rules;
#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;

pub use readiness::{
    ARCHITECTURE_RULES, ARCHITECTURE_WELL_DESIGNED, COMPLIANCE_RULE, CONSTRAINTS_IDENTIFIED,
    DATA_FLOWS_MAPPED, ERROR_HANDLING_COMPREHENSIVE, ERROR_HANDLING_RULES, ORPHAN_RULE,
    PROTOCOL_RULES, PROTOCOLS_APPROPRIATE, READINESS_LINES, REQUIREMENTS_DEFINED, readiness,
};
/// How the readiness lines name findings, so the prompt can list each finding once.
pub(crate) use readiness::{finding_reason, is_more_findings_reason};
pub use report::{
    AcknowledgedFinding, CheckStatus, Finding, Phase, Readiness, ReadinessCheck, Report, Severity,
    SystemAvailability,
};
pub use rule::{Rule, key};
pub use rules::DRAWING_RULES;
pub use rules::RULES;

/// Partner and SaaS zones, which the C4-PlantUML export draws as external.
pub(crate) use landscape::is_external_zone;

use crate::model::Project;

/// Analyses a project. The same project always gives the same report, in the same order.
pub fn analyze(project: &Project) -> Report {
    let landscape = landscape::Landscape::new(project);
    let (graph, composite) = rayon::join(
        || graph::SyncGraph::new(&landscape, landscape::is_synchronous),
        || {
            let hard = graph::SyncGraph::new(&landscape, availability::is_hard_dependency);
            availability::composite(&landscape, &hard)
        },
    );
    let availability = availability::report(&landscape, &composite);
    let cx = rules::Context {
        landscape,
        graph,
        composite,
        thresholds: &project.analysis.thresholds,
    };
    let (findings, acknowledged) = order::arrange(rules::run(&cx), &project.analysis);
    let mut report = Report {
        findings,
        acknowledged,
        availability,
        ..Report::default()
    };
    report.readiness = readiness::readiness(project, &report.findings);
    report
}

/// Brings the findings about the drawing up to date after an edit that only moved things
/// on the canvas: nothing else the rules read changed, so only those are computed again.
/// Says whether they changed. (The readiness lines and the prompt never read them.)
pub fn refresh_drawing(project: &Project, report: &mut Report) -> bool {
    let drawn = rules::drawing_findings(project);
    let (fresh, fresh_acknowledged) = order::arrange(drawn, &project.analysis);
    let current = report.findings.iter().filter(|f| f.is_about_the_drawing());
    let current_acknowledged = report
        .acknowledged
        .iter()
        .filter(|a| a.finding.is_about_the_drawing());
    if current.eq(fresh.iter()) && current_acknowledged.eq(fresh_acknowledged.iter()) {
        return false;
    }
    report.findings.retain(|f| !f.is_about_the_drawing());
    report.findings.extend(fresh);
    report.findings.sort_by(order::compare);
    report
        .acknowledged
        .retain(|a| !a.finding.is_about_the_drawing());
    report.acknowledged.extend(fresh_acknowledged);
    report
        .acknowledged
        .sort_by(|a, b| order::compare(&a.finding, &b.finding));
    true
}
