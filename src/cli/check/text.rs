//! The text report: problems at `file:line:col`, then the findings, then the checklist.

use crate::cli::out::outln;
use std::path::Path;

use crate::analysis::{Phase, Report};
use crate::cli::{count, place};
use crate::io::{LoadError, Loaded};
use crate::model::CURRENT_FORMAT_VERSION;

pub(super) fn print(file: &Path, result: &Result<Loaded, LoadError>, report: Option<&Report>) {
    match result {
        Err(error) => eprintln!("{}", error.report()),
        Ok(loaded) => {
            print_problems(file, loaded);
            if let Some(report) = report {
                print_findings(report);
                print_readiness(report);
            }
        }
    }
}

fn print_problems(file: &Path, loaded: &Loaded) {
    if let Some(version) = loaded.migrated_from {
        outln!(
            "{}: note: written in format version {version}; `integration-studio fmt` \
             upgrades it to version {CURRENT_FORMAT_VERSION}",
            file.display()
        );
    }
    for problem in &loaded.problems {
        outln!("{}: error: {problem}", place(file, problem.position));
    }
    let p = &loaded.project;
    let counts = format!(
        "{}, {}, {}",
        count(p.systems.len(), "system"),
        count(p.connections.len(), "connection"),
        count(p.zones.len(), "zone")
    );
    match loaded.problems.len() {
        0 => outln!("{}: valid ({counts})", file.display()),
        n => outln!("{}: {} ({counts})", file.display(), count(n, "problem")),
    }
}

/// "Findings: 1 error, 2 warnings (1 acknowledged, not listed)", then one line each:
/// severity, rule id and message, in columns.
fn print_findings(report: &Report) {
    let acknowledged = match report.acknowledged.len() {
        0 => String::new(),
        n => format!(" ({n} acknowledged, not listed)"),
    };
    let summary = if report.findings.is_empty() {
        "none".to_owned()
    } else {
        use crate::analysis::Severity::{Error, Info, Warning};
        let counts: Vec<String> = [(Error, "error"), (Warning, "warning"), (Info, "info")]
            .into_iter()
            .filter(|(severity, _)| report.count(*severity) > 0)
            .map(|(severity, noun)| match severity {
                Info => format!("{} info", report.count(severity)),
                _ => count(report.count(severity), noun),
            })
            .collect();
        counts.join(", ")
    };
    outln!("\nFindings: {summary}{acknowledged}");
    let width = report.findings.iter().map(|f| f.rule.len()).max();
    for finding in &report.findings {
        outln!(
            "  {:<8} {:<width$}  {}",
            finding.severity.label(),
            finding.rule,
            finding.message,
            width = width.unwrap_or(0)
        );
    }
}

/// The checklist by phase, each line's status and its reasons.
fn print_readiness(report: &Report) {
    let readiness = &report.readiness;
    outln!("\nReadiness: {}%", readiness.score_percent);
    let mut phase: Option<Phase> = None;
    for check in &readiness.checks {
        if phase != Some(check.phase) {
            outln!("  {}", check.phase.label());
            phase = Some(check.phase);
        }
        outln!("    {:<8} {}", check.status.label(), check.label);
        for reason in &check.reasons {
            outln!("             - {reason}");
        }
    }
}
