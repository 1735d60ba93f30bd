//! Landscape analysis: integration risk rules, composite availability and the Integration
//! Pattern Module's readiness checklist. No egui here; the app, the CLI and the prompt all
//! read the same `Report`.

mod readiness;
mod report;

pub use readiness::readiness;
pub use report::{
    AcknowledgedFinding, CheckStatus, Finding, Phase, Readiness, ReadinessCheck, Report, Severity,
    SystemAvailability,
};

use crate::model::Project;

/// Analyses a project. The same project always gives the same report, in the same order.
pub fn analyze(project: &Project) -> Report {
    let mut report = Report::default();
    report.readiness = readiness::readiness(project, &report.findings);
    report
}
