//! Dialogs in the whole app: each takes the keyboard when it opens, and says what it will
//! do. Driven through egui_kittest with no window, so file dialogs are typed paths.

mod common;

use std::path::Path;

use common::{app, app_with, look_elsewhere, type_into_role};
use egui::Modifiers;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use integration_studio::examples;
use integration_studio::ui::{Launch, Preferences, StudioApp};

fn is_focused(harness: &Harness<'static, StudioApp>, role: Role, label: &str) -> bool {
    harness
        .get_by_role_and_label(role, label)
        .accesskit_node()
        .is_focused()
}

fn make_a_change(harness: &mut Harness<'static, StudioApp>) {
    type_into_role(
        harness,
        Role::MultilineTextInput,
        "Data Volume",
        " (edited)",
    );
    assert!(harness.state().document().is_dirty());
}

fn launched_on(path: &Path) -> Harness<'static, StudioApp> {
    let launch = Launch {
        file: Some(path.to_owned()),
        ..Launch::default()
    };
    app_with(Preferences::default(), launch)
}

fn write_example(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(format!("{name}.ron"));
    std::fs::write(&path, examples::find(name).unwrap().source).unwrap();
    path
}

#[test]
fn the_typed_path_dialog_takes_the_keyboard_as_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let bank = write_example(dir.path(), "bank");
    let mut harness = app();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::O);
    harness.run();
    assert!(is_focused(
        &harness,
        Role::TextInput,
        "Path of the .ron file:"
    ));
    // Typed without clicking into the field first.
    harness.event(egui::Event::Text(bank.display().to_string()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(bank.as_path())
    );
}

#[test]
fn the_unsaved_changes_dialog_puts_the_keyboard_on_save() {
    let mut harness = app();
    make_a_change(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("Save changes?");
    assert!(is_focused(&harness, Role::Button, "Save"));
    // Enter presses it: an untitled project asks where to save.
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Save project as");
    assert!(harness.state().document().is_dirty(), "nothing discarded");
}

#[test]
fn revert_asks_to_discard_and_reload_and_does() {
    let dir = tempfile::tempdir().unwrap();
    let shop = write_example(dir.path(), "ecommerce");
    let mut harness = launched_on(&shop);
    let saved = harness.state().document().project().clone();
    make_a_change(&mut harness);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Revert to Saved").click();
    harness.run();
    harness.get_by_label("Discard your changes and reload the saved file?");
    assert!(harness.query_by_label("Save changes?").is_none());
    assert!(is_focused(&harness, Role::Button, "Discard and Reload"));
    harness.get_by_label("Discard and Reload").click();
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert_eq!(*harness.state().document().project(), saved);
}

#[test]
fn an_error_dialog_puts_the_keyboard_on_ok_and_enter_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 2, name: \"cut").unwrap();
    let mut harness = app();
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, &broken);
    harness.run();
    harness.get_by_label("The project could not be opened");
    assert!(is_focused(&harness, Role::Button, "OK"));
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(
        harness
            .query_by_label("The project could not be opened")
            .is_none()
    );
}

#[test]
fn the_problems_dialog_puts_the_keyboard_on_ok() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangling.ron");
    let mut project = examples::find("bank").unwrap().project().unwrap();
    let ghost = integration_studio::model::SystemId(9_999);
    project.connections[0].to = ghost;
    integration_studio::io::save(&project, &path).unwrap();
    let harness = launched_on(&path);
    harness.get_by_label_contains("dangling.ron opened with");
    assert!(is_focused(&harness, Role::Button, "OK"));
}

#[test]
fn a_project_opened_from_the_command_line_is_in_open_recent() {
    let dir = tempfile::tempdir().unwrap();
    let bank = write_example(dir.path(), "bank");
    let mut harness = launched_on(&bank);
    let canonical = std::fs::canonicalize(&bank).unwrap();
    assert_eq!(
        harness.state().preferences().recent_files,
        std::slice::from_ref(&canonical)
    );
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open Recent").hover();
    harness.run();
    harness.get_by_role_and_label(Role::Button, &canonical.display().to_string());
}

#[test]
fn clicking_a_missing_value_brings_its_system_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.ron");
    let mut project = examples::find("ecommerce").unwrap().project().unwrap();
    let system = project.systems.last_mut().unwrap();
    system.purpose.clear();
    let name = system.name.clone();
    integration_studio::io::save(&project, &path).unwrap();
    let mut harness = launched_on(&path);
    // Look somewhere else first, so the link has to bring the system back.
    look_elsewhere(&mut harness);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, &name)
            .is_none()
    );
    harness.get_by_label_contains(&format!("— {name}")).click();
    harness.run();
    let rect = harness.get_by_role_and_label(Role::Button, &name).rect();
    assert!(
        rect.min.x >= 0.0 && rect.max.x <= 1440.0 && rect.min.y >= 0.0 && rect.max.y <= 900.0,
        "{name} is not in view: {rect:?}"
    );
    let selected = &harness.state().selection().systems;
    assert_eq!(selected.len(), 1);
}

#[test]
fn keys_pressed_in_a_dialog_do_not_reach_the_canvas() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 2, name: \"cut").unwrap();
    let mut harness = app();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.run();
    let selected = harness.state().selection().clone();
    assert!(!selected.is_empty());
    let zoom_before = harness.state().zoom();
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, &broken);
    harness.run();
    harness.get_by_label("The project could not be opened");
    harness.key_press(egui::Key::Minus);
    harness.key_press(egui::Key::Delete);
    harness.run();
    assert_eq!(
        harness.state().zoom(),
        zoom_before,
        "the canvas zoomed behind the dialog"
    );
    assert_eq!(*harness.state().selection(), selected);
    // Escape closes the dialog and leaves the selection alone.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label("The project could not be opened")
            .is_none()
    );
    assert_eq!(*harness.state().selection(), selected);
    assert!(
        !harness.state().document().is_dirty(),
        "nothing was deleted"
    );
}
