//! One thing a validation line looks at, judged on its own; a line is as good as its worst
//! criterion. The thresholds between passed, partial and failed live here, in one place.

use super::super::report::{CheckStatus, Finding, Phase, ReadinessCheck, Severity};
use crate::analysis::rule::first_names_of;
pub(super) use crate::words::count;

/// At most this many names or findings are spelled out in one reason; the rest are counted.
/// Keeps a 10,000-system landscape's checklist readable.
pub(super) const MAX_LISTED: usize = 5;

/// A judged criterion: its status and the sentence that explains it.
#[derive(Debug)]
pub(super) struct Criterion {
    pub status: CheckStatus,
    pub reason: String,
}

impl Criterion {
    pub fn passed(reason: impl Into<String>) -> Self {
        Criterion {
            status: CheckStatus::Passed,
            reason: reason.into(),
        }
    }

    pub fn failed(reason: impl Into<String>) -> Self {
        Criterion {
            status: CheckStatus::Failed,
            reason: reason.into(),
        }
    }

    /// Judges a share of items that meet the criterion: all of them pass, at least half
    /// is partial, less than half fails. `gap` explains what is missing; it is only built
    /// when something is.
    pub fn coverage(
        met: usize,
        total: usize,
        passed: impl Into<String>,
        gap: impl FnOnce() -> String,
    ) -> Self {
        let status = coverage_status(met, total);
        let reason = match status {
            CheckStatus::Passed => passed.into(),
            _ => gap(),
        };
        Criterion { status, reason }
    }

    /// Judges the findings of some rules: any error fails the criterion, a warning makes it
    /// partial, and info findings only add a note. `findings` must be the active ones;
    /// `clean` says what passing means (empty: say nothing when passing).
    pub fn from_findings(findings: &[&Finding], clean: &str) -> Vec<Self> {
        let worst = findings.iter().map(|f| f.severity).max();
        let status = match worst {
            Some(Severity::Error) => CheckStatus::Failed,
            Some(Severity::Warning) => CheckStatus::Partial,
            Some(Severity::Info) | None => CheckStatus::Passed,
        };
        if findings.is_empty() {
            return vec![Criterion::passed(clean)];
        }
        let mut listed: Vec<&&Finding> = findings.iter().collect();
        // Most severe first, so the reasons say first what decided the status.
        listed.sort_by_key(|f| std::cmp::Reverse(f.severity));
        let mut criteria: Vec<Criterion> = listed
            .iter()
            .take(MAX_LISTED)
            .map(|f| Criterion {
                status,
                reason: finding_reason(f),
            })
            .collect();
        if findings.len() > MAX_LISTED {
            criteria.push(Criterion {
                status,
                reason: more_findings_reason(findings.len() - MAX_LISTED),
            });
        }
        if status == CheckStatus::Passed && !clean.is_empty() {
            criteria.insert(0, Criterion::passed(clean));
        }
        criteria
    }
}

/// How a line's reasons name a finding. The Integration Pattern Module prompt lists the
/// findings under their validation line in full, and uses this to leave out the short form.
pub(crate) fn finding_reason(f: &Finding) -> String {
    format!("{} ({}, {})", f.message, f.severity.label(), f.rule)
}

/// The reason that counts the findings past [`MAX_LISTED`].
fn more_findings_reason(n: usize) -> String {
    format!("…and {n} more findings")
}

/// Whether `reason` is the one [`more_findings_reason`] writes.
pub(crate) fn is_more_findings_reason(reason: &str) -> bool {
    reason
        .strip_prefix("…and ")
        .and_then(|rest| rest.strip_suffix(" more findings"))
        .is_some_and(|n| n.parse::<usize>().is_ok())
}

/// All items: passed; at least half: partial; fewer: failed. No items at all: failed,
/// since there is nothing to show the criterion is met.
pub(super) fn coverage_status(met: usize, total: usize) -> CheckStatus {
    if total > 0 && met >= total {
        CheckStatus::Passed
    } else if total > 0 && met * 2 >= total {
        CheckStatus::Partial
    } else {
        CheckStatus::Failed
    }
}

/// A validation line from its criteria: the worst status wins. The reasons are those of
/// the criteria that fell short, or, when the line passed, what satisfied it.
pub(super) fn line(phase: Phase, label: &'static str, criteria: Vec<Criterion>) -> ReadinessCheck {
    let status = criteria
        .iter()
        .map(|c| c.status)
        .min_by_key(|s| rank(*s))
        .unwrap_or(CheckStatus::Failed);
    let reasons = criteria
        .into_iter()
        .filter(|c| status == CheckStatus::Passed || c.status != CheckStatus::Passed)
        .map(|c| c.reason)
        .collect();
    ReadinessCheck {
        phase,
        label,
        status,
        reasons,
    }
}

/// Failed < Partial < Passed.
fn rank(status: CheckStatus) -> u8 {
    match status {
        CheckStatus::Failed => 0,
        CheckStatus::Partial => 1,
        CheckStatus::Passed => 2,
    }
}

/// Points a line earns towards the score, in halves: passed 2, partial 1, failed 0.
pub(super) fn half_points(status: CheckStatus) -> u32 {
    u32::from(rank(status))
}

/// “A”, “B” and “C”; past [`MAX_LISTED`] names, “A”, … “E” and 7 more.
pub(super) fn name_list(names: impl IntoIterator<Item = String>, total: usize) -> String {
    first_names_of(names, total, MAX_LISTED)
}

/// What the items that fall short lack, how many they are, and the first few of them:
/// "No data format (1 of 2 data flows): “Orders” → “ERP”."
pub(super) fn gap_sentence(
    lack: &str,
    total: usize,
    noun: &str,
    failing: impl ExactSizeIterator<Item = String>,
) -> String {
    let n = failing.len();
    format!(
        "{lack} ({n} of {}): {}.",
        count(total, noun),
        name_list(failing, n)
    )
}

/// A system or other user-given name inside a sentence, on one line and in quotes.
pub(super) fn quoted(name: &str) -> String {
    let folded: Vec<&str> = name.split_whitespace().collect();
    format!("“{}”", folded.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_thresholds_are_all_half_and_less() {
        assert_eq!(coverage_status(5, 5), CheckStatus::Passed);
        assert_eq!(coverage_status(3, 5), CheckStatus::Partial);
        assert_eq!(coverage_status(1, 2), CheckStatus::Partial);
        assert_eq!(coverage_status(2, 5), CheckStatus::Failed);
        assert_eq!(coverage_status(0, 0), CheckStatus::Failed);
    }

    #[test]
    fn the_count_of_further_findings_is_recognised() {
        assert!(is_more_findings_reason(&more_findings_reason(7)));
        assert!(!is_more_findings_reason("…and 7 more data flows"));
    }

    #[test]
    fn name_lists_count_what_they_leave_out() {
        let names = |n: usize| (1..=n).map(|i| format!("S{i}"));
        assert_eq!(name_list(names(1), 1), "S1");
        assert_eq!(name_list(names(3), 3), "S1, S2 and S3");
        assert_eq!(name_list(names(9), 9), "S1, S2, S3, S4, S5 and 4 more");
        assert_eq!(quoted(" Order\n service "), "“Order service”");
    }

    #[test]
    fn a_line_is_as_good_as_its_worst_criterion_and_explains_only_the_gaps() {
        let check = line(
            Phase::DefineIntegrationRequirements,
            "x",
            vec![
                Criterion::passed("fine"),
                Criterion::coverage(1, 2, "all", || "half".into()),
            ],
        );
        assert_eq!(check.status, CheckStatus::Partial);
        assert_eq!(check.reasons, ["half"]);
        let check = line(Phase::DefineIntegrationRequirements, "x", vec![]);
        assert_eq!(check.status, CheckStatus::Failed);
    }
}
