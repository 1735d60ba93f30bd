//! The `check --format json` document. Field names and meanings are a stable interface
//! (docs/cli.md): fields may be added, never renamed or removed. Each part has its own
//! struct here rather than serialising library types, so the library can change freely.

use std::path::Path;

use serde::Serialize;

use crate::analysis::{AcknowledgedFinding, Finding, Phase, Readiness, Report};
use crate::io::{LoadError, Loaded, Problem, TextPosition};
use crate::model::{CURRENT_FORMAT_VERSION, ItemRef, Project};

#[derive(Serialize)]
pub(super) struct JsonReport {
    file: String,
    /// "valid", "problems" or "unreadable": the file's own state, not its findings.
    status: &'static str,
    format_version: Option<u32>,
    migrated_from: Option<u32>,
    summary: Option<Summary>,
    problems: Vec<JsonProblem>,
    error: Option<JsonError>,
    /// Active findings, most severe first.
    findings: Vec<JsonFinding>,
    acknowledged: Vec<JsonAcknowledged>,
    readiness: Option<JsonReadiness>,
    availability: Vec<JsonAvailability>,
}

#[derive(Serialize)]
struct Summary {
    systems: usize,
    connections: usize,
    zones: usize,
}

#[derive(Serialize)]
struct JsonProblem {
    code: &'static str,
    message: String,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    item: ItemRef,
}

#[derive(Serialize)]
struct JsonError {
    message: String,
    line: Option<usize>,
    column: Option<usize>,
}

#[derive(Serialize)]
struct JsonFinding {
    rule: &'static str,
    /// "error", "warning" or "info".
    severity: &'static str,
    message: String,
    why: String,
    pattern: String,
    systems: Vec<u64>,
    connections: Vec<u64>,
    key: String,
}

#[derive(Serialize)]
struct JsonAcknowledged {
    #[serde(flatten)]
    finding: JsonFinding,
    reason: String,
}

#[derive(Serialize)]
struct JsonReadiness {
    score_percent: u8,
    checks: Vec<JsonCheck>,
}

#[derive(Serialize)]
struct JsonCheck {
    /// "define_integration_requirements" or "design_integration_architecture".
    phase: &'static str,
    label: &'static str,
    /// "passed", "partial" or "failed".
    status: &'static str,
    reasons: Vec<String>,
}

#[derive(Serialize)]
struct JsonAvailability {
    system: u64,
    name: String,
    own_percent: Option<f64>,
    effective_percent: Option<f64>,
}

impl JsonReport {
    pub(super) fn new(
        file: &Path,
        result: &Result<Loaded, LoadError>,
        report: Option<&Report>,
    ) -> Self {
        let file = file.display().to_string();
        let loaded = match result {
            Err(error) => return Self::unreadable(file, error),
            Ok(loaded) => loaded,
        };
        let project = &loaded.project;
        JsonReport {
            file,
            status: if loaded.problems.is_empty() {
                "valid"
            } else {
                "problems"
            },
            format_version: Some(CURRENT_FORMAT_VERSION),
            migrated_from: loaded.migrated_from,
            summary: Some(Summary {
                systems: project.systems.len(),
                connections: project.connections.len(),
                zones: project.zones.len(),
            }),
            problems: loaded.problems.iter().map(JsonProblem::from).collect(),
            error: None,
            findings: report.map_or_else(Vec::new, |r| {
                r.findings.iter().map(JsonFinding::from).collect()
            }),
            acknowledged: report.map_or_else(Vec::new, |r| {
                r.acknowledged.iter().map(JsonAcknowledged::from).collect()
            }),
            readiness: report.map(|r| JsonReadiness::from(&r.readiness)),
            availability: report.map_or_else(Vec::new, |r| availability(project, r)),
        }
    }

    fn unreadable(file: String, error: &LoadError) -> Self {
        let (line, column) = split(error.position());
        JsonReport {
            file,
            status: "unreadable",
            format_version: None,
            migrated_from: None,
            summary: None,
            problems: Vec::new(),
            error: Some(JsonError {
                message: error.to_string(),
                line,
                column,
            }),
            findings: Vec::new(),
            acknowledged: Vec::new(),
            readiness: None,
            availability: Vec::new(),
        }
    }
}

impl From<&Problem> for JsonProblem {
    fn from(p: &Problem) -> Self {
        let (line, column) = split(p.position);
        JsonProblem {
            code: p.code.as_str(),
            message: p.message.clone(),
            path: p.path.clone(),
            line,
            column,
            item: p.subject,
        }
    }
}

impl From<&Finding> for JsonFinding {
    fn from(f: &Finding) -> Self {
        JsonFinding {
            rule: f.rule,
            severity: f.severity.label(),
            message: f.message.clone(),
            why: f.why.clone(),
            pattern: f.pattern.clone(),
            systems: f.systems.iter().map(|id| id.0).collect(),
            connections: f.connections.iter().map(|id| id.0).collect(),
            key: f.key.clone(),
        }
    }
}

impl From<&AcknowledgedFinding> for JsonAcknowledged {
    fn from(a: &AcknowledgedFinding) -> Self {
        JsonAcknowledged {
            finding: JsonFinding::from(&a.finding),
            reason: a.reason.clone(),
        }
    }
}

impl From<&Readiness> for JsonReadiness {
    fn from(r: &Readiness) -> Self {
        JsonReadiness {
            score_percent: r.score_percent,
            checks: r
                .checks
                .iter()
                .map(|c| JsonCheck {
                    phase: match c.phase {
                        Phase::DefineIntegrationRequirements => "define_integration_requirements",
                        Phase::DesignIntegrationArchitecture => "design_integration_architecture",
                    },
                    label: c.label,
                    status: c.status.label(),
                    reasons: c.reasons.clone(),
                })
                .collect(),
        }
    }
}

/// Each system's availability, with its name so a pipeline need not look it up.
fn availability(project: &Project, report: &Report) -> Vec<JsonAvailability> {
    let names: std::collections::HashMap<_, _> = project
        .systems
        .iter()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    report
        .availability
        .iter()
        .map(|a| JsonAvailability {
            system: a.system.0,
            name: names.get(&a.system).copied().unwrap_or_default().to_owned(),
            own_percent: a.own_percent,
            effective_percent: a.effective_percent,
        })
        .collect()
}

fn split(position: Option<TextPosition>) -> (Option<usize>, Option<usize>) {
    (position.map(|p| p.line), position.map(|p| p.column))
}
