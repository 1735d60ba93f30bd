//! The Integration Pattern Module's readiness checklist: its six validation lines, each
//! computed from the project and the active findings as passed, partial or failed, with
//! the reasons a person needs to act on it.
//!
//! How a line is judged (docs/readiness.md has the full table):
//! - a line looks at a few criteria and is as good as the worst of them;
//! - a criterion about a share of items (fields filled in, systems connected, data flows
//!   described) passes when all items meet it, is partial when at least half do, and fails
//!   below half;
//! - a criterion about findings fails on any error, is partial on any warning, and passes
//!   otherwise (info findings are noted, not counted);
//! - acknowledged findings never count, and neither do the items an acknowledgement of a
//!   single-item rule names (a system acknowledged as `orphan-system` needs no data flow).
//!
//! The score averages the lines, passed 1, partial ½, failed 0, as a rounded percentage.

mod acknowledged;
mod architecture;
mod criterion;
mod requirements;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use super::report::{CheckStatus, Finding, Phase, Readiness, ReadinessCheck};
use crate::fields::ConnectionField;
use crate::model::{Connection, Project, SystemId};
use crate::words::flow_name;
use acknowledged::Acknowledged;
pub use architecture::{ARCHITECTURE_RULES, ERROR_HANDLING_RULES, PROTOCOL_RULES};
use criterion::{Criterion, gap_sentence, half_points, quoted};
pub(crate) use criterion::{finding_reason, is_more_findings_reason};
pub use requirements::{COMPLIANCE_RULE, ORPHAN_RULE};

/// The Integration Pattern Module's validation lines, in its order and its own words.
pub const REQUIREMENTS_DEFINED: &str = "Integration requirements are clearly defined";
pub const DATA_FLOWS_MAPPED: &str = "Data flows are mapped";
pub const CONSTRAINTS_IDENTIFIED: &str = "Constraints are identified";
pub const ARCHITECTURE_WELL_DESIGNED: &str = "Integration architecture is well-designed";
pub const PROTOCOLS_APPROPRIATE: &str = "Communication protocols are appropriate";
pub const ERROR_HANDLING_COMPREHENSIVE: &str = "Error handling is comprehensive";
/// All six, in the order the checklist lists them.
pub const READINESS_LINES: [&str; 6] = [
    REQUIREMENTS_DEFINED,
    DATA_FLOWS_MAPPED,
    CONSTRAINTS_IDENTIFIED,
    ARCHITECTURE_WELL_DESIGNED,
    PROTOCOLS_APPROPRIATE,
    ERROR_HANDLING_COMPREHENSIVE,
];

/// Computes the checklist. `findings` are the report's active findings; any whose key the
/// project acknowledges are skipped here too, so passing every finding is also correct.
pub fn readiness(project: &Project, findings: &[Finding]) -> Readiness {
    let landscape = Landscape::new(project, findings);
    let checks = vec![
        requirements::requirements_defined(project),
        requirements::data_flows_mapped(&landscape),
        requirements::constraints_identified(&landscape),
        architecture::architecture_well_designed(&landscape),
        architecture::protocols_appropriate(&landscape),
        architecture::error_handling_comprehensive(&landscape),
    ];
    let score_percent = score_percent(&checks);
    Readiness {
        checks,
        score_percent,
    }
}

/// Passed lines count 1, partial ones ½, failed ones 0; the mean as a rounded percentage.
fn score_percent(checks: &[ReadinessCheck]) -> u8 {
    if checks.is_empty() {
        return 0;
    }
    let halves: u32 = checks.iter().map(|c| half_points(c.status)).sum();
    let max = 2 * checks.len() as u32;
    // Integer rounding half up: (100·halves + max/2) / max.
    ((100 * halves + max / 2) / max).min(100) as u8
}

impl Phase {
    /// The phase as the module names it, for people.
    pub fn label(self) -> &'static str {
        match self {
            Phase::DefineIntegrationRequirements => "Define integration requirements",
            Phase::DesignIntegrationArchitecture => "Design integration architecture",
        }
    }
}

impl CheckStatus {
    pub fn label(self) -> &'static str {
        match self {
            CheckStatus::Passed => "passed",
            CheckStatus::Partial => "partial",
            CheckStatus::Failed => "failed",
        }
    }
}

/// What the lines share: the project, its active findings and its acknowledgements.
struct Landscape<'p> {
    project: &'p Project,
    findings: Vec<&'p Finding>,
    acknowledged: Acknowledged<'p>,
}

impl<'p> Landscape<'p> {
    fn new(project: &'p Project, findings: &'p [Finding]) -> Self {
        let acknowledged = Acknowledged::new(&project.analysis);
        let findings = findings
            .iter()
            .filter(|f| !acknowledged.finding(&f.key))
            .collect();
        Landscape {
            project,
            findings,
            acknowledged,
        }
    }

    /// The active findings of the given rules.
    fn findings_of(&self, rules: &[&str]) -> Vec<&'p Finding> {
        self.findings
            .iter()
            .copied()
            .filter(|f| rules.contains(&f.rule))
            .collect()
    }

    /// Whether the team acknowledged that this flow has no protocol or interaction style.
    fn underspecified_accepted(&self, c: &Connection) -> bool {
        self.acknowledged
            .subject("connection-underspecified", c.id.0)
    }

    /// Systems at either end of at least one connection.
    fn connected_systems(&self) -> HashSet<SystemId> {
        self.project
            .connections
            .iter()
            .flat_map(|c| [c.from, c.to])
            .collect()
    }

    /// The share of data flows that pass `test`; the gap says what they lack (`gap`) and
    /// names the first few that do not.
    fn share_of_flows(
        &self,
        test: impl Fn(&Connection) -> bool,
        passed: &str,
        gap: &str,
    ) -> Criterion {
        self.share_of_flows_named(test, |c| self.flow_name(c), passed, gap)
    }

    /// [`Self::share_of_flows`], naming each failing flow as `name` gives it (only the few
    /// that are named: naming looks a system up).
    fn share_of_flows_named(
        &self,
        test: impl Fn(&Connection) -> bool,
        name: impl Fn(&Connection) -> String,
        passed: &str,
        gap: &str,
    ) -> Criterion {
        let flows = &self.project.connections;
        let failing: Vec<&Connection> = flows.iter().filter(|c| !test(c)).collect();
        Criterion::coverage(flows.len() - failing.len(), flows.len(), passed, || {
            gap_sentence(
                gap,
                flows.len(),
                "data flow",
                failing.iter().map(|c| name(c)),
            )
        })
    }

    /// “Web” → “Orders”.
    fn flow_name(&self, c: &Connection) -> String {
        flow_name(
            &quoted(&self.project.system_name(c.from)),
            &quoted(&self.project.system_name(c.to)),
        )
    }
}

/// A connection's field says something.
fn filled(field: ConnectionField, c: &Connection) -> bool {
    !field.is_empty(c)
}
