//! The analysis in the app: the Findings panel, canvas badges, the readiness checklist and
//! acknowledgements, driven through egui_kittest on the e-commerce example.

mod common;

use common::{app, look_elsewhere, type_into};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use integration_studio::analysis::{Finding, Severity};
use integration_studio::ui::StudioApp;

/// Acknowledges the finding listed first, with `reason`, the way a user would.
fn acknowledge_first(harness: &mut Harness<'static, StudioApp>, reason: &str) {
    harness
        .get_all_by_label("Acknowledge…")
        .next()
        .expect("a finding to acknowledge")
        .click();
    harness.run();
    type_into(harness, "Reason for acknowledging", reason);
    harness.key_press(Key::Enter);
    harness.run();
}

fn first_finding(harness: &Harness<'static, StudioApp>) -> Finding {
    harness
        .state()
        .report()
        .findings
        .first()
        .cloned()
        .expect("the e-commerce example has findings")
}

#[test]
fn the_example_shows_its_findings_and_counts() {
    let harness = app();
    let report = harness.state().report();
    assert!(!report.findings.is_empty());
    // The first rows are in view (the list lays out only the rows it shows).
    for finding in report.findings.iter().take(3) {
        harness.get_by_label(&finding.message);
    }
    // The panel's counts, one label per severity found.
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = report.count(severity);
        if n == 0 {
            continue;
        }
        let text = match (severity, n) {
            (Severity::Info, n) => format!("{n} info"),
            (s, 1) => format!("1 {}", s.label()),
            (s, n) => format!("{n} {}s", s.label()),
        };
        assert!(
            harness.query_all_by_label(&text).count() >= 1,
            "no count {text:?}"
        );
    }
}

#[test]
fn clicking_a_finding_selects_what_it_is_about_and_frames_it() {
    let mut harness = app();
    // A finding in view about more than one system, so framing has something to do.
    let finding = harness
        .state()
        .report()
        .findings
        .iter()
        .take(3)
        .max_by_key(|f| f.systems.len())
        .cloned()
        .unwrap();
    assert!(finding.systems.len() > 1);
    // Look somewhere else first, so framing has to bring the systems back.
    look_elsewhere(&mut harness);
    let project = harness.state().document().project();
    let first = project.system_name(finding.systems[0]);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, &first)
            .is_none(),
        "{first} is still in view"
    );
    harness.get_by_label(&finding.message).click();
    harness.run();
    let selection = harness.state().selection();
    assert_eq!(selection.systems.iter().copied().collect::<Vec<_>>(), {
        let mut ids = finding.systems.clone();
        ids.sort();
        ids.dedup();
        ids
    });
    // Every system it names is now in view, so its node can be found on the canvas.
    let project = harness.state().document().project();
    for id in &finding.systems {
        let name = project.system_name(*id);
        let node = harness.get_by_role_and_label(Role::Button, &name);
        let rect = node.rect();
        assert!(
            rect.min.x >= 0.0 && rect.max.x <= 1440.0 && rect.min.y >= 0.0 && rect.max.y <= 900.0,
            "{name} is not in view: {rect:?}"
        );
    }
}

#[test]
fn the_clicked_finding_stays_marked_while_the_canvas_shows_it() {
    let mut harness = app();
    let messages: Vec<String> = harness.state().report().findings[..2]
        .iter()
        .map(|f| f.message.clone())
        .collect();
    let marked = |harness: &Harness<'static, StudioApp>, message: &str| {
        harness.get_by_label(message).accesskit_node().toggled()
            == Some(egui::accesskit::Toggled::True)
    };
    assert!(!marked(&harness, &messages[0]) && !marked(&harness, &messages[1]));
    harness.get_by_label(&messages[1]).click();
    harness.run();
    assert!(marked(&harness, &messages[1]));
    assert!(!marked(&harness, &messages[0]));
    harness.get_by_label(&messages[0]).click();
    harness.run();
    assert!(marked(&harness, &messages[0]));
    assert!(!marked(&harness, &messages[1]));
    // Selecting something else on the canvas: the row no longer says what is shown.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    assert!(!marked(&harness, &messages[0]));
}

#[test]
fn systems_with_findings_carry_a_badge() {
    let harness = app();
    let project = harness.state().document().project();
    // The first system with a finding that is in view at the opening zoom.
    let name = harness
        .state()
        .report()
        .findings
        .iter()
        .flat_map(|f| f.systems.iter())
        .map(|id| project.system_name(*id))
        .find(|name| {
            harness
                .query_by_role_and_label(Role::Button, name)
                .is_some()
        })
        .expect("a system with a finding in view");
    let node = harness.get_by_role_and_label(Role::Button, &name);
    let description = node
        .accesskit_node()
        .description()
        .unwrap_or_default()
        .to_owned();
    assert!(description.contains("finding"), "{name}: {description:?}");
}

#[test]
fn acknowledging_a_finding_hides_it_and_saves_the_reason_in_the_project() {
    let mut harness = app();
    let finding = first_finding(&harness);
    let before = harness.state().report().findings.len();
    // The example comes with acknowledgements of its own.
    let acknowledged_before = harness.state().report().acknowledged.len();
    acknowledge_first(&mut harness, "Accepted by the architecture board");

    let report = harness.state().report();
    assert_eq!(report.findings.len(), before - 1);
    assert!(report.findings.iter().all(|f| f.key != finding.key));
    assert!(
        report
            .acknowledged
            .iter()
            .any(|a| a.finding.key == finding.key)
    );
    let saved = &harness
        .state()
        .document()
        .project()
        .analysis
        .acknowledgements;
    assert_eq!(saved.len(), acknowledged_before + 1);
    let ours = saved.iter().find(|a| a.finding == finding.key).unwrap();
    assert_eq!(ours.reason, "Accepted by the architecture board");
    assert!(harness.query_by_label(&finding.message).is_none());

    // It can be undone like any edit.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().report().findings.len(), before);
}

#[test]
fn acknowledged_findings_can_be_restored() {
    let mut harness = app();
    let finding = first_finding(&harness);
    acknowledge_first(&mut harness, "Known");
    let acknowledged = &harness.state().report().acknowledged;
    let count = acknowledged.len();
    let row = acknowledged
        .iter()
        .position(|a| a.finding.key == finding.key)
        .unwrap();
    harness
        .get_by_label(&format!("{count} acknowledged"))
        .click();
    harness.run();
    harness.get_by_label("Acknowledged: Known");
    harness
        .get_all_by_label("Restore")
        .nth(row)
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .state()
            .report()
            .findings
            .iter()
            .any(|f| f.key == finding.key)
    );
}

#[test]
fn findings_sort_by_severity_both_ways() {
    let mut harness = app();
    // A system on its own adds notes to the example's warnings.
    harness.get_by_label("+ Add system").click();
    harness.run();
    let report = harness.state().report().clone();
    let least = report.findings.iter().map(|f| f.severity).min().unwrap();
    let most = report.findings.iter().map(|f| f.severity).max().unwrap();
    assert_ne!(
        least, most,
        "the example has findings of more than one severity"
    );
    let top_of = |harness: &Harness<'static, StudioApp>| {
        // The row drawn highest up is the first in the list.
        report
            .findings
            .iter()
            .filter_map(|f| {
                harness
                    .query_by_label(&f.message)
                    .map(|node| (node.rect().min.y, f.severity))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, severity)| severity)
            .unwrap()
    };
    assert_eq!(top_of(&harness), most);
    harness.get_by_label("Least severe first").click();
    harness.run();
    assert_eq!(top_of(&harness), least);
}

#[test]
fn the_readiness_checklist_shows_every_validation_line() {
    let harness = app();
    let readiness = &harness.state().report().readiness;
    harness.get_by_label(&format!("Readiness {}%", readiness.score_percent));
    for line in [
        "Integration requirements are clearly defined",
        "Data flows are mapped",
        "Constraints are identified",
        "Integration architecture is well-designed",
        "Communication protocols are appropriate",
        "Error handling is comprehensive",
    ] {
        harness.get_by_label(line);
    }
}

#[test]
fn risks_go_into_the_prompt_unless_switched_off() {
    let mut harness = app();
    let heading = "Risks found in the current landscape";
    assert!(harness.state().prompt_text().unwrap().contains(heading));
    harness.get_by_label("Add to the prompt").click();
    harness.run();
    assert!(!harness.state().prompt_text().unwrap().contains(heading));
    assert!(
        !harness
            .state()
            .document()
            .project()
            .analysis
            .include_risks_in_prompt
    );
}

#[test]
fn ctrl_j_hides_and_shows_the_findings_panel() {
    let mut harness = app();
    harness.get_by_label("Findings");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::J);
    harness.run();
    assert!(harness.query_by_label("Findings").is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::J);
    harness.run();
    harness.get_by_label("Findings");
}

#[test]
fn a_half_typed_acknowledgement_does_not_follow_into_another_project() {
    let mut harness = app();
    harness
        .get_all_by_label("Acknowledge…")
        .next()
        .unwrap()
        .click();
    harness.run();
    type_into(&mut harness, "Reason for acknowledging", "half");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bank.ron");
    std::fs::write(
        &path,
        integration_studio::examples::find("bank").unwrap().source,
    )
    .unwrap();
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, &path);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Reason for acknowledging")
            .is_none()
    );
}

#[test]
fn a_lower_threshold_finds_more_hubs_and_is_saved_and_undoable() {
    let mut harness = app();
    let hubs = |harness: &Harness<'static, StudioApp>| {
        let report = harness.state().report();
        report
            .findings
            .iter()
            .filter(|f| f.rule == "p2p-hub")
            .count()
    };
    let before = hubs(&harness);
    harness.get_by_label("Thresholds…").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, "Direct connections per system")
        .set_value_accesskit(1.0);
    harness.run();
    let saved = |harness: &Harness<'static, StudioApp>| {
        let project = harness.state().document().project();
        project.analysis.thresholds.max_direct_connections
    };
    assert_eq!(saved(&harness), 1);
    assert!(
        hubs(&harness) > before,
        "{before} hubs before, {} after",
        hubs(&harness)
    );
    harness.key_press(Key::Escape);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_ne!(saved(&harness), 1);
    assert_eq!(hubs(&harness), before);
}

/// The app at the size the Findings panel's default height is judged at.
fn app_at_1400_by_900() -> Harness<'static, StudioApp> {
    use integration_studio::ui::{Launch, Preferences};
    let app = StudioApp::new(Preferences::default(), Launch::default());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut StudioApp| app.show(ui, None), app);
    harness.run();
    harness
}

/// Where each listed finding's row starts, top to bottom.
fn row_tops(harness: &Harness<'static, StudioApp>) -> Vec<f32> {
    let report = harness.state().report();
    let mut tops: Vec<f32> = report
        .findings
        .iter()
        .filter_map(|f| harness.query_by_label(&f.message))
        .map(|node| node.rect().min.y)
        .collect();
    tops.sort_by(f32::total_cmp);
    tops
}

#[test]
fn eight_findings_fit_at_the_default_height_and_the_canvas_keeps_its_room() {
    let harness = app_at_1400_by_900();
    assert!(harness.state().report().findings.len() >= 8);
    // The panel ends where the status bar begins.
    let panel_bottom = harness
        .query_all_by_label_contains("Zoom ")
        .map(|node| node.rect().min.y)
        .fold(f32::INFINITY, f32::min);
    let tops = row_tops(&harness);
    let pitch = tops[1] - tops[0];
    let whole_rows = tops
        .iter()
        .filter(|&&top| top + pitch <= panel_bottom)
        .count();
    assert!(
        whole_rows >= 8,
        "{whole_rows} whole rows above {panel_bottom}: {tops:?}"
    );
    // Between the canvas toolbar and the panel's heading there is room to work.
    let canvas_top = harness.get_by_label("+ Add system").rect().max.y;
    let panel_top = harness.get_by_label("Findings").rect().min.y;
    assert!(
        panel_top - canvas_top >= 420.0,
        "the canvas is {} px high",
        panel_top - canvas_top
    );
}

/// How many tooltips show once the pointer has rested on `label` for a second.
fn tooltips_over(harness: &mut Harness<'static, StudioApp>, label: &str) -> usize {
    harness.get_by_label(label).hover();
    // Tooltips wait half a second; each step is a quarter.
    for _ in 0..4 {
        harness.step();
    }
    harness.ctx.memory(|memory| {
        let visible = memory.areas().visible_layer_ids();
        visible
            .iter()
            .filter(|layer| layer.order == egui::Order::Tooltip)
            .count()
    })
}

#[test]
fn hovering_a_finding_shows_one_tooltip() {
    let mut harness = app_at_1400_by_900();
    let finding = first_finding(&harness);
    assert_eq!(tooltips_over(&mut harness, &finding.message), 1);
    // The one that shows is the one that explains the finding.
    let explanations = harness
        .query_all_by_label_contains("Why it matters")
        .count();
    assert_eq!(explanations, 1);
    // The row's second line explains it the same way.
    let rule_line = format!("{} · Fix: {}", finding.rule, finding.pattern);
    assert_eq!(tooltips_over(&mut harness, &rule_line), 1);
    let explanations = harness
        .query_all_by_label_contains("Why it matters")
        .count();
    assert_eq!(explanations, 1);
}
