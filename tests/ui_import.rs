//! File ▸ Import… and Import into This Project… in the whole app, driven by label with
//! kittest (file dialogs are typed paths here), and the report dialog.

mod common;

use std::path::Path;

use common::{DroppedPath, app, text_copied_soon};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use integration_studio::ui::StudioApp;

fn choose_in_file_menu(harness: &mut Harness<'static, StudioApp>, entry: &str, path: &Path) {
    harness.get_by_label("File").click();
    harness.run();
    // A menu entry with a shortcut has the shortcut in its label too.
    harness.get_by_label_contains(entry).click();
    harness.run();
    let field = "Path of the draw.io, Structurizr, Mermaid, DOT, ArchiMate, CSV or Backstage file:";
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text(&path.display().to_string());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    // The report's scroll area settles over a few frames.
    harness.run_steps(10);
}

#[test]
fn import_opens_the_file_as_a_new_unsaved_project_and_shows_the_report() {
    let mut harness = app();
    let source = Path::new("tests/fixtures/import/mermaid/flowchart-subgraph-direction.mmd");
    choose_in_file_menu(&mut harness, "Import…", source);
    let document = harness.state().document();
    assert_eq!(document.project().systems.len(), 6);
    assert!(
        document.path.is_none(),
        "an import is a new project, saved where the user says"
    );
    assert!(
        document.is_dirty(),
        "closing it asks before the import is lost"
    );
    harness.get_by_label("Import report");
    let summary = "imported 6 systems, 2 connections, 3 zones from \
                   tests/fixtures/import/mermaid/flowchart-subgraph-direction.mmd (mermaid); 3 skipped";
    // In the dialog and in the status bar.
    assert_eq!(harness.get_all_by_label(summary).count(), 2);
    assert_eq!(
        harness
            .get_all_by_label("flowchart-subgraph-direction.mmd:13:3")
            .count(),
        2
    );
    harness.get_by_label("Copy Report").click();
    let copied = text_copied_soon(&mut harness).expect("the report is copied");
    assert!(copied.contains("skipped: link A → TOP"), "{copied}");
}

#[test]
fn ctrl_i_asks_which_file_to_import() {
    let mut harness = app();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::I);
    harness.run();
    harness.get_by_label("Import a landscape");
}

#[test]
fn import_into_this_project_merges_by_name_in_one_undo_step() {
    let mut harness = app();
    let before = harness.state().document().project().clone();
    choose_in_file_menu(
        &mut harness,
        "Import into This Project…",
        Path::new("docs/import-template/systems.csv"),
    );
    let after = harness.state().document().project().clone();
    // "Order service" is already in the e-commerce example: three systems are new.
    assert_eq!(after.systems.len(), before.systems.len() + 3);
    assert_eq!(
        after
            .systems
            .iter()
            .filter(|s| s.name == "Order service")
            .count(),
        1
    );
    harness.get_by_label(
        "merged: system “Order service” is already in the project: its flows join it",
    );
    // The keyboard is on OK as the report opens: Enter closes it.
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    assert!(
        harness.query_by_label("Copy Report").is_none(),
        "OK closes the report"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let undone = harness.state().document().project();
    // Ids are never reused, so only `next_id` remembers the import.
    assert_eq!(
        (&undone.systems, &undone.connections, &undone.zones),
        (&before.systems, &before.connections, &before.zones),
        "one undo takes the whole import back"
    );
}

#[test]
fn a_broken_source_is_an_error_and_the_project_stays() {
    let mut harness = app();
    let before = harness.state().document().project().clone();
    choose_in_file_menu(
        &mut harness,
        "Import…",
        Path::new("tests/fixtures/import/broken/dot-cut-off.gv"),
    );
    harness.get_by_label("The file could not be imported");
    assert_eq!(harness.state().document().project(), &before);
}

#[test]
fn a_foreign_file_dropped_on_the_window_is_imported() {
    let mut harness = app();
    let source = std::path::PathBuf::from("tests/fixtures/import/dot/clust4.gv");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(source)));
    harness.run_steps(10);
    let document = harness.state().document();
    assert_eq!(document.project().systems.len(), 10);
    assert!(document.path.is_none());
    harness.get_by_label("Import report");
}

#[test]
fn a_foreign_file_named_at_launch_is_imported_not_opened_as_a_project() {
    let launch = integration_studio::ui::Launch {
        file: Some("tests/fixtures/import/drawio/C4.drawio".into()),
        ..Default::default()
    };
    let mut harness = common::app_with(Default::default(), launch);
    harness.run_steps(10);
    harness.get_by_label("Import report");
    assert!(
        harness
            .query_by_label("The project could not be opened")
            .is_none()
    );
    let document = harness.state().document();
    assert!(
        document.path.is_none(),
        "an import is saved where the user says"
    );
    assert!(document.project().systems.len() > 5);
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let mut harness = app();
    let template = Path::new("docs/import-template/systems.csv");
    choose_in_file_menu(&mut harness, "Import into This Project…", template);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    let once = harness.state().document().project().clone();
    choose_in_file_menu(&mut harness, "Import into This Project…", template);
    let twice = harness.state().document().project();
    assert_eq!(
        (&twice.systems, &twice.connections),
        (&once.systems, &once.connections)
    );
    assert!(
        harness
            .get_all_by_label("Nothing new in systems.csv: every item is already in the project")
            .count()
            >= 1
    );
}
