//! What the Integration Pattern Module's frame sees as `module`: its two phases with their
//! validation lines, each judged by the readiness checklist and carrying the findings that
//! bear on it, which requirement variables are defined and which are missing, and which
//! phase the prompt asks the assistant to complete.
//!
//! Which findings bear on which validation line (see [`validation_of`]):
//!
//! | validation line | rules |
//! |---|---|
//! | Integration requirements are clearly defined | `required-field-empty` |
//! | Data flows are mapped | `orphan-system`, `duplicate-name` |
//! | Constraints are identified | `compliance-without-classification` |
//! | Integration architecture is well-designed | the checklist's architecture rules (hubs, meshes, synchronous chains and cycles, latency budgets, SLAs, interaction styles) |
//! | Communication protocols are appropriate | the checklist's protocol rules (format mismatches, unprotected or downgraded sensitive data, underspecified flows) |
//! | Error handling is comprehensive | `async-without-dlq`, `sync-without-timeout` |
//!
//! The last three use the lists the checklist itself judges those lines by, so a finding
//! sits under the line whose status it lowered.

use std::collections::HashSet;

use minijinja::value::Value;

use super::context::{object, text, view};
use crate::analysis::{
    ARCHITECTURE_RULES, ARCHITECTURE_WELL_DESIGNED, COMPLIANCE_RULE, CONSTRAINTS_IDENTIFIED,
    CheckStatus, DATA_FLOWS_MAPPED, ERROR_HANDLING_COMPREHENSIVE, ERROR_HANDLING_RULES, Finding,
    ORPHAN_RULE, PROTOCOL_RULES, PROTOCOLS_APPROPRIATE, Phase, READINESS_LINES,
    REQUIREMENTS_DEFINED, Report, Severity, finding_reason, is_more_findings_reason,
};
use crate::fields::ProjectField;
use crate::model::Project;

/// Under one validation line the prompt lists at most this many findings and counts the
/// rest: a large landscape has hundreds of one kind, which would bury the phase's actions.
pub const MAX_FINDINGS_PER_VALIDATION: usize = 10;

/// The module's phases: its name for each (the seed's `name` attribute), the checklist's
/// phase, and the validation lines in the module's order.
const PHASES: [(&str, Phase, [&str; 3]); 2] = [
    (
        "define_integration_requirements",
        Phase::DefineIntegrationRequirements,
        [READINESS_LINES[0], READINESS_LINES[1], READINESS_LINES[2]],
    ),
    (
        "design_integration_architecture",
        Phase::DesignIntegrationArchitecture,
        [READINESS_LINES[3], READINESS_LINES[4], READINESS_LINES[5]],
    ),
];

view!(
    /// What the frame sees as `module`.
    ModuleView { phases, defined, missing, readiness, phase_one_passed, requested }
);
view!(PhaseView {
    order,
    name,
    passed,
    validations
});
view!(ValidationView {
    label,
    status,
    reasons,
    findings,
    more
});
view!(FindingView {
    severity,
    rule,
    message,
    pattern
});

/// Which validation line a finding of `rule` bears on; none for a rule the module does not
/// speak to (the drawing's own rules). The table in this module's documentation says why.
pub(crate) fn validation_of(rule: &str) -> Option<&'static str> {
    let line = if ARCHITECTURE_RULES.contains(&rule) {
        ARCHITECTURE_WELL_DESIGNED
    } else if PROTOCOL_RULES.contains(&rule) {
        PROTOCOLS_APPROPRIATE
    } else if ERROR_HANDLING_RULES.contains(&rule) {
        ERROR_HANDLING_COMPREHENSIVE
    } else {
        match rule {
            "required-field-empty" => REQUIREMENTS_DEFINED,
            ORPHAN_RULE | "duplicate-name" => DATA_FLOWS_MAPPED,
            COMPLIANCE_RULE => CONSTRAINTS_IDENTIFIED,
            _ => return None,
        }
    };
    Some(line)
}

/// The frame's `module` value for `project` and its `report`.
pub(super) fn module_context(project: &Project, report: &Report) -> Value {
    let variables = requirement_variables(project);
    let missing: Vec<&str> = variables
        .iter()
        .filter(|(_, set, required)| !set && *required)
        .map(|(label, ..)| *label)
        .collect();
    let defined: Vec<&str> = variables
        .iter()
        .filter(|(_, set, _)| *set)
        .map(|(label, ..)| *label)
        .collect();
    // Findings are listed under their lines only when the project puts its findings into
    // the prompt; otherwise the checklist's own short reasons name them.
    let findings: Vec<&Finding> = if project.analysis.include_risks_in_prompt {
        report
            .findings
            .iter()
            .filter(|f| !f.is_about_the_drawing())
            .collect()
    } else {
        Vec::new()
    };
    let listed: HashSet<String> = findings.iter().map(|f| finding_reason(f)).collect();
    let mut passed = [false; 2];
    let phases: Vec<Value> = PHASES
        .iter()
        .zip(1..)
        .map(|(&(name, phase, lines), order)| {
            let validations: Vec<(bool, Value)> = lines
                .iter()
                .map(|line| validation(report, phase, line, &findings, &listed))
                .collect();
            let all_met = validations.iter().all(|(met, _)| *met);
            // Phase 1 also needs every required requirement variable, which the checklist
            // does not all ask for (it leaves Compliance and Security Level to constraints).
            passed[order - 1] = all_met && (order != 1 || missing.is_empty());
            object(PhaseView {
                order: order.into(),
                name: name.into(),
                passed: passed[order - 1].into(),
                validations: validations.into_iter().map(|(_, v)| v).collect(),
            })
        })
        .collect();
    let module = object(ModuleView {
        phases: phases.into(),
        defined: defined.join(", ").into(),
        missing: missing.join(", ").into(),
        readiness: readiness_score(report).into(),
        phase_one_passed: passed[0].into(),
        requested: Value::from(if passed[0] { 2 } else { 1 }),
    });
    minijinja::context! { module }
}

/// The requirement variables (CM-010's header, less the project's name and description)
/// as label, whether it is filled in, and whether the schema requires it.
fn requirement_variables(project: &Project) -> Vec<(&'static str, bool, bool)> {
    ProjectField::ALL
        .iter()
        .filter(|f| !matches!(f, ProjectField::Name | ProjectField::Description))
        .map(|f| (f.label(), !f.is_empty(project), f.spec().required))
        .collect()
}

/// One validation line, and whether it is met. A line the report does not judge (a report
/// made without the checklist) reads "not assessed" and is not met.
fn validation(
    report: &Report,
    phase: Phase,
    label: &str,
    findings: &[&Finding],
    listed: &HashSet<String>,
) -> (bool, Value) {
    let check = report
        .readiness
        .checks
        .iter()
        .find(|c| c.phase == phase && c.label == label);
    let status = check.map_or("not assessed", |c| c.status.label());
    let reasons: Vec<Value> = check
        .into_iter()
        .flat_map(|c| &c.reasons)
        // With findings listed in full below, the checklist's short form of them would
        // only say the same twice.
        .filter(|r| listed.is_empty() || !(listed.contains(*r) || is_more_findings_reason(r)))
        .map(|r| text(r))
        .collect();
    let mut mine: Vec<&Finding> = findings
        .iter()
        .copied()
        // A rule no line speaks to yet still bears on the design as a whole.
        .filter(|f| validation_of(f.rule).unwrap_or(ARCHITECTURE_WELL_DESIGNED) == label)
        .collect();
    // Most severe first; the sort is stable, so the report's order holds within a severity.
    mine.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let more = match mine.len().saturating_sub(MAX_FINDINGS_PER_VALIDATION) {
        0 => String::new(),
        n => format!("…and {n} more findings of this kind, not listed here."),
    };
    let mut explained: HashSet<&str> = HashSet::new();
    let views: Vec<Value> = mine
        .iter()
        .take(MAX_FINDINGS_PER_VALIDATION)
        .map(|f| {
            // One rule's findings share a pattern: spell it out at the first of them only.
            let pattern = if explained.insert(f.rule) {
                text(&f.pattern)
            } else {
                Value::from("")
            };
            object(FindingView {
                severity: severity_word(f.severity).into(),
                rule: f.rule.into(),
                message: text(&f.message),
                pattern,
            })
        })
        .collect();
    let met = check.is_some_and(|c| c.status == CheckStatus::Passed);
    let view = object(ValidationView {
        label: Value::from(label.to_owned()),
        status: status.into(),
        reasons: reasons.into(),
        findings: views.into(),
        more: more.into(),
    });
    (met, view)
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Info",
    }
}

/// "75% of the module's validation lines are met (partial ones count half)."; empty for a
/// report made without the checklist.
fn readiness_score(report: &Report) -> String {
    if report.readiness.checks.is_empty() {
        return String::new();
    }
    format!(
        "{}% of the module's validation lines are met (partial ones count half).",
        report.readiness.score_percent
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{DRAWING_RULES, RULES};

    #[test]
    fn every_rule_about_the_integration_bears_on_a_validation_line() {
        for rule in RULES {
            let line = validation_of(rule.id);
            assert_eq!(
                line.is_none(),
                DRAWING_RULES.contains(&rule.id),
                "{}: {line:?}",
                rule.id
            );
            if let Some(line) = line {
                assert!(READINESS_LINES.contains(&line));
            }
        }
    }

    #[test]
    fn the_phases_hold_the_checklists_lines_in_order() {
        let lines: Vec<&str> = PHASES.iter().flat_map(|(_, _, lines)| *lines).collect();
        assert_eq!(lines, READINESS_LINES);
    }
}
