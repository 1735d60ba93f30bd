//! The whole app driven through egui_kittest, finding widgets by their labels.

mod common;

use common::{app, app_with, text_copied_soon, type_into, type_into_role};
// Data Volume is a long requirement text: a multi-line field.
use egui::accesskit::Role;

use std::time::Duration;

use egui::{Modifiers, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use integration_studio::ui::{Launch, Preferences, StudioApp};

#[test]
fn editing_a_variable_changes_the_preview_and_marks_the_project_unsaved() {
    let mut harness = app();
    assert!(!harness.state().document().is_dirty());
    type_into_role(
        &mut harness,
        Role::MultilineTextInput,
        "Data Volume",
        " plus 1,000 returns/day",
    );
    let text = harness.state().prompt_text().unwrap();
    assert!(
        text.contains("12,000 orders/hour at the Black Friday peak"),
        "the edit kept the old text"
    );
    assert!(
        text.contains("plus 1,000 returns/day"),
        "the preview did not change"
    );
    assert!(harness.state().document().is_dirty());
}

#[test]
fn undo_and_redo_from_the_edit_menu() {
    let mut harness = app();
    let before = harness.state().prompt_text().unwrap().to_owned();
    type_into_role(
        &mut harness,
        Role::MultilineTextInput,
        "Data Volume",
        " (edited)",
    );
    type_into_role(
        &mut harness,
        Role::MultilineTextInput,
        "Data Volume",
        " again",
    );
    assert!(
        harness
            .state()
            .prompt_text()
            .unwrap()
            .contains("(edited) again")
    );

    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label_contains("Undo Edit Data Volume")
        .click();
    harness.run();
    // A run of typing in one field is one undo step.
    assert_eq!(harness.state().prompt_text().unwrap(), before);
    assert!(!harness.state().document().is_dirty());

    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label_contains("Redo Edit Data Volume")
        .click();
    harness.run();
    assert!(
        harness
            .state()
            .prompt_text()
            .unwrap()
            .contains("(edited) again")
    );
}

#[test]
fn undo_shortcut_works_when_no_text_field_has_focus() {
    let mut harness = app();
    let before = harness.state().prompt_text().unwrap().to_owned();
    type_into_role(
        &mut harness,
        Role::MultilineTextInput,
        "Data Volume",
        " (edited)",
    );
    // Leave the field, then Ctrl+Z undoes the document edit (in a field it undoes typing).
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().prompt_text().unwrap(), before);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    harness.run();
    assert!(harness.state().prompt_text().unwrap().contains("(edited)"));
}

#[test]
fn copy_prompt_puts_exactly_the_preview_text_on_the_clipboard() {
    let mut harness = app();
    let expected = harness.state().prompt_text().unwrap().to_owned();
    harness.get_by_label_contains("Copy prompt").click();
    let copied = text_copied_soon(&mut harness);
    assert_eq!(copied.as_deref(), Some(expected.as_str()));
    harness.run();
    let notice = format!("Copied {} characters", expected.chars().count());
    harness.get_by_label(&notice);
}

#[test]
fn a_broken_file_shows_its_error_and_the_open_project_stays() {
    let mut harness = app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(format_version: 2, name: \"x\", nmae: 1)").unwrap();
    let before = harness.state().prompt_text().unwrap().to_owned();

    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, &path);
    harness.run();
    harness.get_by_label("The project could not be opened");
    harness.get_by_label_contains("broken.ron:1:32");
    assert_eq!(harness.state().prompt_text().unwrap(), before);
    assert_eq!(
        harness.state().document().project().name,
        "E-commerce, order to delivery"
    );

    harness.get_by_label("OK").click();
    harness.run();
    assert!(
        harness
            .query_by_label("The project could not be opened")
            .is_none()
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut harness = app();
    type_into_role(
        &mut harness,
        Role::MultilineTextInput,
        "Data Volume",
        " (edited)",
    );
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&ViewportId::ROOT].commands;
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "{commands:?}"
    );
    harness.run();
    harness.get_by_label("Save changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Save changes?").is_none());
    assert!(
        harness.state().document().is_dirty(),
        "cancel keeps the changes"
    );
}

#[test]
fn an_idle_app_asks_for_no_repaint() {
    let mut harness = app();
    harness.run();
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, Duration::MAX);
}

/// Every kind of unopenable file gets its own message in the app, and the open project
/// stays as it was.
#[test]
fn bad_files_each_get_a_message_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("notes.ron");
    std::fs::write(&garbage, "these are my meeting notes, not a project").unwrap();
    let newer = dir.path().join("future.ron");
    std::fs::write(&newer, "(format_version: 99, name: \"From the future\")\n").unwrap();
    let cases = [
        (dir.path().join("missing.ron"), "no such file"),
        (dir.path().to_owned(), "this is a folder"),
        (garbage, "notes.ron:1:1"),
        (newer, "written by a newer Integration Studio"),
    ];
    for (path, message) in cases {
        let mut harness = app();
        type_into_role(
            &mut harness,
            Role::MultilineTextInput,
            "Data Volume",
            " (unsaved work)",
        );
        let before = harness.state().prompt_text().unwrap().to_owned();
        let ctx = harness.ctx.clone();
        harness.state_mut().open(&ctx, &path);
        harness.run();
        harness.get_by_label("The project could not be opened");
        harness.get_by_label_contains(message);
        harness.get_by_label_contains("The project you had open is unchanged");
        assert_eq!(harness.state().prompt_text().unwrap(), before, "{message}");
        assert!(harness.state().document().is_dirty(), "{message}");
    }
}

/// Without a system file dialog (no window here, as when a desktop portal is missing) the
/// app asks for a typed path instead, and both opening and saving work through it.
#[test]
fn without_a_file_dialog_paths_are_typed_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("shop");
    let mut harness = app();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::S);
    harness.run();
    harness.get_by_label("Save project as");
    type_into(
        &mut harness,
        "Path of the .ron file:",
        saved.to_str().unwrap(),
    );
    harness.get_by_label("Save").click();
    harness.run();
    let file = dir.path().join("shop.ron");
    assert!(file.is_file(), "saving to \"shop\" writes shop.ron");
    assert!(!harness.state().document().is_dirty());

    let bank = dir.path().join("bank.ron");
    std::fs::write(
        &bank,
        integration_studio::examples::find("bank").unwrap().source,
    )
    .unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.get_by_label("Open project");
    type_into(
        &mut harness,
        "Path of the .ron file:",
        bank.to_str().unwrap(),
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(bank.as_path())
    );
}

#[test]
fn the_rendered_prompt_keeps_the_field_lines_apart() {
    let mut harness = app();
    harness.get_by_label("Rendered").click();
    harness.run();
    // "**Security Level**: Confidential" and "**Compliance**: GDPR, PCI DSS" are
    // consecutive lines; CommonMark alone would run them into one line.
    // The form on the left has fields of the same names; the preview is the rightmost.
    let in_preview = |label: &str| {
        let rects = harness.get_all_by_label(label).map(|node| node.rect());
        rects.max_by(|a, b| a.min.x.total_cmp(&b.min.x)).unwrap()
    };
    let security = in_preview("Security Level");
    let compliance = in_preview("Compliance");
    assert!(security.min.x > 900.0, "{security:?} is not in the preview");
    assert!(
        compliance.min.y >= security.max.y - 1.0,
        "Compliance {compliance:?} is on the line of Security Level {security:?}"
    );
    assert!((compliance.min.x - security.min.x).abs() < 1.0);

    // An edit shows in the Rendered view at once: its layout cache goes with the old text.
    assert!(harness.query_by_label_contains("Ferris wheel").is_none());
    type_into(&mut harness, "Project Name", " Ferris wheel");
    let shown = harness.get_by_label_contains("Ferris wheel").rect();
    assert!(shown.min.x > 900.0, "{shown:?} is not in the preview");
}

/// A file that parses but does not fit together opens, and its problems are listed with
/// their lines; "Show" selects what a problem is about.
#[test]
fn an_inconsistent_file_opens_and_lists_its_problems() {
    let source = integration_studio::examples::find("ecommerce")
        .unwrap()
        .source;
    // The first connection goes to a system that is not there.
    let broken = source.replacen("      to: 7,\n", "      to: 999,\n", 1);
    assert_ne!(broken, source);
    let line = 1 + broken[..broken.find("to: 999").unwrap()].lines().count() - 1;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.ron");
    std::fs::write(&path, &broken).unwrap();

    let mut harness = app();
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, &path);
    harness.run();
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
    harness.get_by_label("shop.ron opened with 1 problem");
    harness.get_by_label_contains(&format!("line {line}, column"));
    harness.get_by_label_contains("999");
    harness.get_by_label_contains("[dangling-reference]");
    harness.get_by_label("Show").click();
    harness.run();
    assert!(
        harness
            .query_by_label("shop.ron opened with 1 problem")
            .is_none()
    );
    let project = harness.state().document().project();
    let connection = project.connections[0].id;
    assert_eq!(
        harness
            .state()
            .selection()
            .connections
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        [connection]
    );

    // File ▸ Check for Problems… lists what is left; deleting the connection fixes it.
    let check = |harness: &mut Harness<'static, StudioApp>| {
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Check for Problems…").click();
        harness.run();
    };
    check(&mut harness);
    harness.get_by_label("1 problem in this project");
    harness.get_by_label("connections[0].to");
    harness.get_by_label("OK").click();
    harness.run();
    harness.key_press(egui::Key::Delete);
    harness.run();
    check(&mut harness);
    assert!(
        harness
            .query_by_label("1 problem in this project")
            .is_none()
    );
    harness.get_by_label_contains("No problems");

    // Launched with the same file, the app lists the problems just the same.
    let launch = Launch {
        file: Some(path.clone()),
        ..Launch::default()
    };
    let mut harness = app_with(Preferences::default(), launch);
    harness.get_by_label("shop.ron opened with 1 problem");
    harness.get_by_label("OK").click();
    harness.run();
    assert!(
        harness
            .query_by_label("shop.ron opened with 1 problem")
            .is_none()
    );
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
}

/// A last project that was deleted since is mentioned once, in the status bar; the app opens
/// on the example without an error dialog and forgets the path.
#[test]
fn a_deleted_last_project_is_mentioned_once_and_forgotten() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.ron");
    let preferences = Preferences {
        last_project: Some(gone.clone()),
        ..Preferences::default()
    };
    let harness = app_with(preferences, Launch::default());
    harness.get_by_label_contains("is no longer there");
    assert!(
        harness
            .query_by_label("The project could not be opened")
            .is_none()
    );
    assert_eq!(harness.state().preferences().last_project, None);
    assert!(harness.state().document().path.is_none());
    assert!(!harness.state().document().project().systems.is_empty());

    // Asked for by name, a missing file is an error as before.
    let launch = Launch {
        file: Some(gone),
        ..Launch::default()
    };
    let harness = app_with(Preferences::default(), launch);
    harness.get_by_label("The project could not be opened");
}
