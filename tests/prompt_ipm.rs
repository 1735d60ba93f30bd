//! The Integration Pattern Module prompt: every line of the module's two phases, which
//! phase it asks to complete, the findings under their validation lines, and the whole
//! prompt of the e-commerce example as a reviewed snapshot (`cargo insta review` after an
//! intended change).

use integration_studio::analysis::{CheckStatus, Finding, Report, Severity, analyze};
use integration_studio::examples::find;
use integration_studio::model::{DEFAULT_TEMPLATE, Project};
use integration_studio::template::{
    BUILTIN_TEMPLATES, INTEGRATION_PATTERN_MODULE, MAX_FINDINGS_PER_VALIDATION, Prompt,
    PromptTemplate, render,
};

/// The module as published (the same copy the readiness checklist is tested against).
const MODULE: &str = include_str!("fixtures/integration-pattern-module.txt");

const PHASES: [&str; 2] = [
    "define_integration_requirements",
    "design_integration_architecture",
];

/// The e-commerce example, which defines every requirement, set to use the module.
fn ecommerce() -> Project {
    let mut project = find("ecommerce").unwrap().project().unwrap();
    project.prompt.template = INTEGRATION_PATTERN_MODULE.to_owned();
    project
}

fn prompt(project: &Project) -> Prompt {
    render(project, &analyze(project)).unwrap()
}

/// The text from `from` up to (not including) `to`, or to the end.
fn section<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("no {from:?} in\n{text}"));
    let rest = &text[start..];
    let end = rest[from.len()..]
        .find(to)
        .map_or(rest.len(), |at| at + from.len());
    &rest[..end]
}

/// The trimmed, non-empty lines between `<tag>` and `</tag>` in one phase of the module.
fn seed_lines(phase: &str, tag: &str) -> Vec<&'static str> {
    let phase = section(MODULE, &format!("<phase name=\"{phase}\""), "</phase>");
    let body = section(phase, &format!("<{tag}>"), &format!("</{tag}>"));
    body.lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Phase `order`'s section of the prompt.
fn phase_section(text: &str, order: usize) -> &str {
    let heading = format!("## Phase {order}: `{}`", PHASES[order - 1]);
    let next = if order == 1 {
        "## Phase 2"
    } else {
        "## Integration points"
    };
    section(text, &heading, next)
}

#[test]
fn every_requirement_action_and_validation_line_is_there_in_order_under_its_phase() {
    let text = prompt(&ecommerce()).text;
    let mut checked = 0;
    for (index, phase) in PHASES.iter().enumerate() {
        let own = phase_section(&text, index + 1);
        let mut at = 0;
        for (tag, heading) in [
            ("requirements", "### Requirements"),
            ("actions", "### Actions"),
            ("validation", "### Validation"),
        ] {
            at += own[at..]
                .find(heading)
                .unwrap_or_else(|| panic!("{phase}: no {heading}"));
            let lines = seed_lines(phase, tag);
            assert_eq!(lines.len(), if tag == "actions" { 5 } else { 3 }, "{tag}");
            for line in lines {
                let found = own[at..]
                    .find(line)
                    .unwrap_or_else(|| panic!("{phase}: {line:?} missing or out of order"));
                at += found + line.len();
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 22);
}

#[test]
fn the_prompt_starts_with_the_modules_purpose_and_names_its_integration_points() {
    let text = prompt(&ecommerce()).text;
    let purpose = section(MODULE, "<purpose>", "</purpose>").lines().nth(1);
    let purpose = purpose.unwrap().trim();
    assert!(
        text.starts_with(&format!(
            "# Integration Pattern Module\n\n**Purpose**: {purpose}\n"
        )),
        "{text}"
    );
    for condition in MODULE
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<condition "))
    {
        let condition = section(condition, ">", "</condition>");
        assert!(
            text.contains(&format!("- {}", &condition[1..])),
            "{condition}"
        );
    }
    let points = section(&text, "## Integration points", "## Your task");
    for line in [
        "patterns/error-recovery-pattern.md for robust integration",
        "patterns/critical-thinking-pattern.md for architecture decisions",
    ] {
        assert!(MODULE.contains(line) && points.contains(line), "{line}");
    }
}

#[test]
fn a_complete_project_is_asked_for_phase_two() {
    let prompt = prompt(&ecommerce());
    assert_eq!(prompt.missing, []);
    let text = &prompt.text;
    assert!(text.contains("Every requirement variable is defined."));
    let first = phase_section(text, 1);
    assert!(first.contains("**Status**: passed"), "{first}");
    let task = section(text, "## Your task", "\u{0}");
    assert!(
        task.contains("Complete phase 2, `design_integration_architecture`"),
        "{task}"
    );
    assert!(!task.contains("Complete phase 1"));
}

#[test]
fn with_both_phases_passed_the_prompt_asks_for_a_review() {
    let project = ecommerce();
    let mut report = analyze(&project);
    report.findings.clear();
    for check in &mut report.readiness.checks {
        check.status = CheckStatus::Passed;
    }
    let text = render(&project, &report).unwrap().text;
    for order in [1, 2] {
        let own = phase_section(&text, order);
        assert!(own.contains("**Status**: passed: every validation line is met."));
    }
    let task = section(&text, "## Your task", "\u{0}");
    assert!(task.contains("Both phases are passed"), "{task}");
    assert!(task.contains("Review phase 2, `design_integration_architecture`"));
}

#[test]
fn missing_requirements_ask_for_phase_one_and_show_their_markers() {
    let mut project = ecommerce();
    project.requirements.data_volume.clear();
    project.requirements.regulatory_compliance.clear();
    let prompt = prompt(&project);
    let labels: Vec<&str> = prompt.missing.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["Data Volume", "Compliance"]);
    let first = phase_section(&prompt.text, 1);
    assert!(
        first.contains("**Data Volume**: ⟦missing: Data Volume⟧"),
        "{first}"
    );
    assert!(first.contains("**Compliance**: ⟦missing: Compliance⟧"));
    assert!(first.contains("**Missing**: Data Volume, Compliance."));
    assert!(first.contains("**Status**: not yet passed; this is the phase to complete."));
    let second = phase_section(&prompt.text, 2);
    assert!(second.contains("**Status**: not yet passed; it starts once phase 1 is."));
    let task = section(&prompt.text, "## Your task", "\u{0}");
    assert!(
        task.contains("Complete phase 1, `define_integration_requirements`"),
        "{task}"
    );
    assert!(!task.contains("Complete phase 2"));
}

#[test]
fn a_phase_one_validation_line_not_passed_asks_for_phase_one() {
    // Every requirement is there, but one data flow no longer says its protocol.
    let mut project = ecommerce();
    project.connections[0].protocol = None;
    let prompt = prompt(&project);
    assert!(!prompt.text.contains("**Missing**:"));
    let mapped = section(&prompt.text, "**Data flows are mapped**", "\n\n");
    assert!(
        mapped.contains("**Data flows are mapped**: partial"),
        "{mapped}"
    );
    assert!(mapped.contains("protocol"), "{mapped}");
    let task = section(&prompt.text, "## Your task", "\u{0}");
    assert!(task.contains("Complete phase 1"), "{task}");
}

/// The validation item of `line`, up to the next item or section.
fn validation_item<'a>(text: &'a str, line: &str) -> &'a str {
    section(text, &format!("**{line}**"), "\n\n")
}

#[test]
fn findings_sit_under_the_validation_lines_they_bear_on() {
    let project = ecommerce();
    let report = analyze(&project);
    let text = render(&project, &report).unwrap().text;
    let under = |rule: &str, line: &str| {
        let item = validation_item(&text, line);
        for f in report.findings.iter().filter(|f| f.rule == rule) {
            assert!(
                item.contains(&f.message),
                "{rule} not under {line:?}:\n{item}"
            );
        }
    };
    under("async-without-dlq", "Error handling is comprehensive");
    under(
        "sensitive-leaves-zone",
        "Communication protocols are appropriate",
    );
    under("p2p-mesh", "Integration architecture is well-designed");
    // Listed once, in full: not again as the checklist's short reason.
    let dlq = report
        .findings
        .iter()
        .find(|f| f.rule == "async-without-dlq");
    assert_eq!(text.matches(&dlq.unwrap().message).count(), 1);
}

fn finding(rule: &'static str, severity: Severity, id: u64) -> Finding {
    Finding {
        rule,
        severity,
        message: format!("{rule} finding {id}."),
        why: "Because.".into(),
        pattern: format!("The {rule} pattern."),
        systems: Vec::new(),
        connections: Vec::new(),
        key: format!("{rule}:{id}"),
    }
}

#[test]
fn hand_made_findings_map_to_their_lines_with_the_pattern_once_and_a_cap() {
    let project = ecommerce();
    let mut report = analyze(&project);
    report.findings = vec![
        finding("connection-underspecified", Severity::Warning, 1),
        finding("sync-without-timeout", Severity::Error, 2),
        finding("compliance-without-classification", Severity::Warning, 3),
        finding("orphan-system", Severity::Info, 4),
    ];
    let many = MAX_FINDINGS_PER_VALIDATION + 3;
    report
        .findings
        .extend((10..10 + many as u64).map(|id| finding("p2p-hub", Severity::Warning, id)));
    let text = render(&project, &report).unwrap().text;
    for (rule, line) in [
        (
            "connection-underspecified",
            "Communication protocols are appropriate",
        ),
        ("sync-without-timeout", "Error handling is comprehensive"),
        (
            "compliance-without-classification",
            "Constraints are identified",
        ),
        ("orphan-system", "Data flows are mapped"),
    ] {
        let item = validation_item(&text, line);
        assert!(
            item.contains(&format!("(`{rule}`): {rule} finding")),
            "{item}"
        );
        assert!(item.contains(&format!("**Suggested pattern**: The {rule} pattern.")));
    }
    assert!(text.contains("**Error** (`sync-without-timeout`)"));
    let design = validation_item(&text, "Integration architecture is well-designed");
    assert_eq!(
        design.matches("(`p2p-hub`)").count(),
        MAX_FINDINGS_PER_VALIDATION
    );
    assert_eq!(design.matches("The p2p-hub pattern.").count(), 1);
    assert!(design.contains("…and 3 more findings of this kind, not listed here."));
}

#[test]
fn with_risks_left_out_the_checklists_own_reasons_name_the_findings() {
    let mut project = ecommerce();
    project.analysis.include_risks_in_prompt = false;
    let text = prompt(&project).text;
    assert!(!text.contains("**Warning** ("), "{text}");
    assert!(!text.contains("**Suggested pattern**"));
    let item = validation_item(&text, "Error handling is comprehensive");
    assert!(item.contains("(warning, async-without-dlq)"), "{item}");
}

#[test]
fn without_a_checklist_every_line_is_still_there_and_phase_one_is_open() {
    let project = ecommerce();
    let text = render(&project, &Report::default()).unwrap().text;
    for line in integration_studio::analysis::READINESS_LINES {
        assert!(
            text.contains(&format!("**{line}**: not assessed")),
            "{line}"
        );
    }
    assert!(section(&text, "## Your task", "\u{0}").contains("Complete phase 1"));
}

#[test]
fn an_empty_project_reads_well_too() {
    let mut project = Project::new("");
    project.prompt.template = INTEGRATION_PATTERN_MODULE.to_owned();
    let prompt = prompt(&project);
    let text = &prompt.text;
    assert!(text.contains("No systems are modelled yet."));
    assert!(text.contains("No data flows are modelled yet."));
    assert!(text.contains("**Defined**: none yet."), "{text}");
    assert_eq!(prompt.missing[0].label, "Project Name");
    assert!(text.contains("**Project**: ⟦missing: Project Name⟧"));
    // The missing list is in the order the prompt shows the markers.
    let mut at = 0;
    for missing in &prompt.missing {
        let marker = missing.marker();
        at += text[at..]
            .find(&marker)
            .unwrap_or_else(|| panic!("{marker} missing or out of order"));
    }
    assert_eq!(prompt.missing.len(), 8);
}

#[test]
fn the_template_is_chosen_by_name_and_cm010_stays_the_default() {
    assert_eq!(BUILTIN_TEMPLATES[0].0, DEFAULT_TEMPLATE);
    let mut project = ecommerce();
    let report = analyze(&project);
    let ipm = PromptTemplate::builtin_named(INTEGRATION_PATTERN_MODULE).unwrap();
    assert_eq!(
        ipm.render(&project, &report).unwrap(),
        render(&project, &report).unwrap()
    );
    project.prompt.template = DEFAULT_TEMPLATE.to_owned();
    let cm010 = render(&project, &report).unwrap().text;
    assert!(cm010.starts_with("# Integration Pattern Analysis\n"));
    assert_eq!(
        cm010,
        PromptTemplate::builtin()
            .render(&project, &report)
            .unwrap()
            .text
    );
    project.prompt.template = "cm-011".to_owned();
    let error = render(&project, &report).unwrap_err().to_string();
    assert_eq!(
        error,
        "unknown template “cm-011”; the built-in templates are cm-010 and \
         integration-pattern-module"
    );
}

#[test]
fn the_ecommerce_prompt_matches_the_reviewed_snapshot() {
    insta::assert_snapshot!("ecommerce_ipm_prompt", prompt(&ecommerce()).text);
}

#[test]
fn the_session_renders_the_chosen_template_and_says_why_an_unknown_one_cannot() {
    use integration_studio::edit::Document;
    use integration_studio::session::Session;
    let session = Session::new(Document::new(ecommerce()));
    let prompt = session.prompt().prompt.as_ref().unwrap();
    assert!(prompt.text.starts_with("# Integration Pattern Module\n"));
    let mut project = ecommerce();
    project.prompt.template = "cm-011".to_owned();
    let session = Session::new(Document::new(project));
    let error = session.prompt().prompt.as_ref().unwrap_err();
    assert!(error.contains("unknown template “cm-011”"), "{error}");
}

/// docs/prompt.md's table of which findings bear on which validation line.
fn documented_lines() -> Vec<(&'static str, Vec<&'static str>)> {
    const DOC: &str = include_str!("../docs/prompt.md");
    let table = section(DOC, "| validation line | rules |", "\n\n");
    table
        .lines()
        .skip(2)
        .map(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let rules = cells[2].split(", ").map(|r| r.trim_matches('`')).collect();
            (cells[1], rules)
        })
        .collect()
}

#[test]
fn the_documented_table_says_where_each_rules_findings_go() {
    let documented = documented_lines();
    let lines: Vec<&str> = documented.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, integration_studio::analysis::READINESS_LINES);
    let project = ecommerce();
    let mut report = analyze(&project);
    report.findings = documented
        .iter()
        .flat_map(|(_, rules)| rules.iter())
        .zip(1..)
        .map(|(rule, id)| {
            let rule = integration_studio::analysis::RULES
                .iter()
                .find(|r| r.id == *rule)
                .unwrap_or_else(|| panic!("no rule {rule}"));
            finding(rule.id, Severity::Warning, id)
        })
        .collect();
    let text = render(&project, &report).unwrap().text;
    for (line, rules) in &documented {
        let item = validation_item(&text, line);
        for rule in rules {
            assert!(
                item.contains(&format!("(`{rule}`)")),
                "{rule} not under {line:?}"
            );
        }
    }
    // Every rule about the integration is in the table; the drawing's rules are not.
    for rule in integration_studio::analysis::RULES {
        let listed = documented.iter().any(|(_, rules)| rules.contains(&rule.id));
        let drawing = integration_studio::analysis::DRAWING_RULES.contains(&rule.id);
        assert_eq!(listed, !drawing, "{}", rule.id);
    }
}
