use serde::Serialize;

use crate::model::{ConnectionId, SystemId};

/// How much a finding matters. Ordered from least to most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One risk the analysis found in the landscape.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Stable rule id, e.g. `sync-chain`; documented in docs/rules.md.
    pub rule: &'static str,
    pub severity: Severity,
    /// Plain sentence naming the systems and connections concerned.
    pub message: String,
    /// Why it matters.
    pub why: String,
    /// The CM-010 pattern that addresses it.
    pub pattern: String,
    /// The systems concerned, in the order the message names them.
    pub systems: Vec<SystemId>,
    pub connections: Vec<ConnectionId>,
    /// Stable identity for acknowledgements: the rule id and the ids concerned, e.g.
    /// `sync-chain:3,5,9`. The same landscape always gives the same key.
    pub key: String,
}

impl Finding {
    /// The finding is about how the landscape is drawn (a zone's border over a system not
    /// in it), not about the integration: the canvas and the checks show it, the prompt
    /// leaves it out.
    pub fn is_about_the_drawing(&self) -> bool {
        super::rules::DRAWING_RULES.contains(&self.rule)
    }
}

/// A finding the team acknowledged, with their reason.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AcknowledgedFinding {
    pub finding: Finding,
    pub reason: String,
}

/// One system's availability: what it promises and what its synchronous dependencies let it
/// reach.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SystemAvailability {
    pub system: SystemId,
    /// The system's own SLA in percent, if set.
    pub own_percent: Option<f64>,
    /// Its own availability times that of everything it synchronously depends on, in percent.
    /// `None` when the system has no SLA of its own.
    pub effective_percent: Option<f64>,
}

/// Where a readiness line stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Passed,
    Partial,
    Failed,
}

/// The Integration Pattern Module's two phases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    DefineIntegrationRequirements,
    DesignIntegrationArchitecture,
}

/// One validation line of the Integration Pattern Module, computed from the project.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReadinessCheck {
    pub phase: Phase,
    /// The module's own wording, e.g. "Data flows are mapped".
    pub label: &'static str,
    pub status: CheckStatus,
    /// Why it is not passed (or, when passed, what satisfied it).
    pub reasons: Vec<String>,
}

/// The readiness checklist and its overall score.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Readiness {
    pub checks: Vec<ReadinessCheck>,
    /// 0–100: passed lines count fully, partial ones half.
    pub score_percent: u8,
}

/// Everything `analyze` finds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Active findings, most severe first, then in a stable order.
    pub findings: Vec<Finding>,
    /// Findings the project acknowledges; they do not count towards exit codes or the prompt.
    pub acknowledged: Vec<AcknowledgedFinding>,
    pub availability: Vec<SystemAvailability>,
    pub readiness: Readiness,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}
