//! The values of the prompt's "Risks found in the current landscape" section: the active
//! findings, most severe first, so the assistant starts from what the landscape already
//! shows. Like every other value, findings reach the template as data: a system named
//! `{{ 7*7 }}` in a message comes out literally.

use std::collections::HashMap;

use minijinja::value::Value;

use super::context::{object, text, view};
use super::scope::ScopeResolution;
use crate::analysis::{CheckStatus, Finding, Report, Severity};
use crate::model::Project;
use crate::words::count;

/// The prompt lists at most this many findings, most severe first, and counts the rest:
/// a 10,000-system landscape can have thousands, which would drown the analysis request
/// (and slow the render) without telling the assistant more.
pub const MAX_RISKS_IN_PROMPT: usize = 50;

view!(
    /// What the frame sees as `risks` when the section is shown.
    RisksView { summary, readiness, findings, more, acknowledged }
);
view!(
    /// One listed finding.
    FindingView { severity, message, why, pattern, same_as }
);

/// The section's values, or none when the project leaves risks out of the prompt or there
/// are no active findings: then the frame shows no section at all.
/// With a scope, only the findings that touch it are shown or counted. `at_most` caps the
/// findings listed in all (a token budget asks for it); the rest are counted in the "more"
/// line as ever.
pub(crate) fn risks_context(
    project: &Project,
    report: &Report,
    scope: Option<&ScopeResolution>,
    at_most: Option<usize>,
) -> Value {
    // The prompt describes the model, not the picture: findings about the drawing stay out.
    let shown = |f: &Finding| !f.is_about_the_drawing() && scope.is_none_or(|s| s.touches(f));
    let findings: Vec<&Finding> = report.findings.iter().filter(|f| shown(f)).collect();
    if !project.analysis.include_risks_in_prompt || findings.is_empty() {
        return Value::from(());
    }
    let (mut listed, all) = most_severe_first(&findings);
    if let Some(at_most) = at_most {
        listed.truncate(at_most);
    }
    // Findings of one rule share its why and pattern: spell them out once and refer back
    // to that finding after, which keeps the prompt short.
    let mut first_with: HashMap<(&str, &str), usize> = HashMap::new();
    let mut left_out = all;
    let views: Vec<Value> = listed
        .iter()
        .zip(1..)
        .map(|(finding, number)| {
            left_out.remove(finding.severity);
            let explained = (finding.why.as_str(), finding.pattern.as_str());
            let first = *first_with.entry(explained).or_insert(number);
            let same = first != number && explained != ("", "");
            finding_view(finding, same.then_some(first))
        })
        .collect();
    let more = match left_out.total() {
        0 => String::new(),
        n => format!("…and {n} more, not listed here ({left_out})."),
    };
    let acknowledged = report
        .acknowledged
        .iter()
        .filter(|a| shown(&a.finding))
        .count();
    let acknowledged = match acknowledged {
        0 => String::new(),
        1 => "The team has acknowledged 1 further finding as an accepted risk; it is not \
              listed."
            .to_owned(),
        n => format!(
            "The team has acknowledged {n} further findings as accepted risks; they are not \
             listed."
        ),
    };
    object(RisksView {
        summary: format!(
            "Integration Studio's check of this landscape found {}{} ({}).",
            count(findings.len(), "risk"),
            match (scope, findings.len()) {
                (None, _) => "",
                (Some(_), 1) => " that touches this scope",
                (Some(_), _) => " that touch this scope",
            },
            all
        )
        .into(),
        readiness: readiness_line(report).into(),
        findings: views.into(),
        more: more.into(),
        acknowledged: acknowledged.into(),
    })
}

/// The findings to list, at most [`MAX_RISKS_IN_PROMPT`]: errors, then warnings, then
/// info, each in the report's order; and how many of each there are in all. The report is
/// sorted this way already; selecting rather than trusting that keeps the cap honest, and
/// one pass keeps it cheap for tens of thousands of findings.
fn most_severe_first<'a>(findings: &[&'a Finding]) -> (Vec<&'a Finding>, Counts) {
    let mut all = Counts::default();
    let mut by_severity: [Vec<&Finding>; 3] = Default::default();
    for finding in findings {
        all.add(finding.severity);
        let bucket = &mut by_severity[Counts::index(finding.severity)];
        if bucket.len() < MAX_RISKS_IN_PROMPT {
            bucket.push(finding);
        }
    }
    let listed = by_severity
        .into_iter()
        .flatten()
        .take(MAX_RISKS_IN_PROMPT)
        .collect();
    (listed, all)
}

/// Findings counted by severity, written as "1 error, 2 warnings, 3 info".
#[derive(Clone, Copy, Default)]
struct Counts([usize; 3]);

impl Counts {
    /// Errors first: the order in which they are listed and written.
    fn index(severity: Severity) -> usize {
        match severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }
    }

    fn add(&mut self, severity: Severity) {
        self.0[Self::index(severity)] += 1;
    }

    fn remove(&mut self, severity: Severity) {
        self.0[Self::index(severity)] -= 1;
    }

    fn total(self) -> usize {
        self.0.iter().sum()
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [errors, warnings, info] = self.0;
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(count(errors, "error"));
        }
        if warnings > 0 {
            parts.push(count(warnings, "warning"));
        }
        if info > 0 {
            parts.push(format!("{info} info"));
        }
        f.write_str(&parts.join(", "))
    }
}

fn finding_view(finding: &Finding, same_as: Option<usize>) -> Value {
    let (why, pattern) = match same_as {
        Some(_) => (Value::from(""), Value::from("")),
        None => (text(&finding.why), text(&finding.pattern)),
    };
    object(FindingView {
        severity: Value::from(match finding.severity {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        }),
        message: text(&finding.message),
        why,
        pattern,
        same_as: same_as.map_or(Value::from(()), Value::from),
    })
}

/// The checklist's score and the lines not yet met, so the assistant knows which parts
/// of the Integration Pattern Module the model leaves open. Empty without a checklist.
fn readiness_line(report: &Report) -> String {
    let readiness = &report.readiness;
    if readiness.checks.is_empty() {
        return String::new();
    }
    let open: Vec<String> = readiness
        .checks
        .iter()
        .filter(|c| c.status != CheckStatus::Passed)
        .map(|c| format!("{} ({})", c.label, c.status.label()))
        .collect();
    let score = readiness.score_percent;
    if open.is_empty() {
        format!("{score}%; every validation line of the Integration Pattern Module is met.")
    } else {
        format!(
            "{score}% of the Integration Pattern Module's validation lines are met (partial \
             ones count half). Not yet met: {}.",
            open.join(", ")
        )
    }
}
