//! The order findings are shown in, and setting acknowledged ones apart.

use std::collections::HashMap;

use rayon::slice::ParallelSliceMut;

use super::report::{AcknowledgedFinding, Finding};
use crate::model::AnalysisSettings;

/// The order of the report: most severe first, then by rule id, then by key.
pub(crate) fn compare(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    b.severity
        .cmp(&a.severity)
        .then_with(|| a.rule.cmp(b.rule))
        .then_with(|| a.key.cmp(&b.key))
}

/// Sorts findings most severe first, then by rule id, then by key; drops repeats of a key;
/// moves the findings whose key the project acknowledges to the second list.
pub(crate) fn arrange(
    mut findings: Vec<Finding>,
    settings: &AnalysisSettings,
) -> (Vec<Finding>, Vec<AcknowledgedFinding>) {
    findings.par_sort_by(compare);
    findings.dedup_by(|a, b| a.key == b.key);
    let reasons: HashMap<&str, &str> = settings
        .acknowledgements
        .iter()
        .rev() // the first acknowledgement of a key wins
        .map(|a| (a.finding.as_str(), a.reason.as_str()))
        .collect();
    let mut active = Vec::with_capacity(findings.len());
    let mut acknowledged = Vec::new();
    for finding in findings {
        match reasons.get(finding.key.as_str()) {
            Some(reason) => acknowledged.push(AcknowledgedFinding {
                reason: (*reason).to_owned(),
                finding,
            }),
            None => active.push(finding),
        }
    }
    (active, acknowledged)
}
