//! The command palette, driven through the whole app with egui_kittest, and what keys do
//! while it or a modal dialog is open.

mod common;

use common::{app, app_with, type_into_role};

use std::collections::BTreeSet;

use egui::Modifiers;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use integration_studio::ui::commands::{COMMANDS, Menu};
use integration_studio::ui::{Launch, Preferences, StudioApp};

type App = Harness<'static, StudioApp>;

/// The palette's text field, labelled "Command".
const FIELD: &str = "Command";

fn palette_is_open(harness: &App) -> bool {
    harness
        .query_by_role_and_label(Role::TextInput, FIELD)
        .is_some()
}

fn open_palette(harness: &mut App) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::P);
    harness.run();
    assert!(palette_is_open(harness));
}

fn type_in_palette(harness: &mut App, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, FIELD)
        .type_text(text);
    harness.run();
}

/// The table's label a button's accessible label starts with ("Save As… Ctrl+Shift+S":
/// the shortcut follows the label), the longest when several do.
fn command_label(button_label: &str) -> Option<&'static str> {
    COMMANDS
        .iter()
        .map(|entry| entry.label)
        .filter(|label| button_label.starts_with(label))
        .max_by_key(|label| label.len())
}

/// The labels of every button on screen, with whether each can be clicked.
fn buttons(harness: &App) -> Vec<(String, bool, egui::Rect)> {
    harness
        .get_all_by_role(Role::Button)
        .map(|node| {
            let label = node.accesskit_node().label().unwrap_or_default();
            (label, !node.accesskit_node().is_disabled(), node.rect())
        })
        .collect()
}

/// The palette's rows, top to bottom, by their command labels, with whether each can run.
fn palette_rows(harness: &App) -> Vec<(&'static str, bool)> {
    let field = harness.get_by_role_and_label(Role::TextInput, FIELD).rect();
    // Under the field, and no wider than the palette (the field, and its label on the left).
    let in_palette = |row: &egui::Rect| {
        row.min.y > field.max.y && row.min.x > field.min.x - 150.0 && row.max.x < field.max.x + 20.0
    };
    let mut rows: Vec<_> = buttons(harness)
        .into_iter()
        .filter(|(_, _, rect)| in_palette(rect))
        .filter_map(|(label, enabled, rect)| Some((rect.min.y, command_label(&label)?, enabled)))
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter()
        .map(|(_, label, enabled)| (label, enabled))
        .collect()
}

fn first_row(harness: &App) -> &'static str {
    palette_rows(harness)[0].0
}

#[test]
fn each_shortcut_and_the_view_menu_open_the_palette() {
    for (modifiers, key) in [
        (Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::P),
        (Modifiers::COMMAND, egui::Key::K),
    ] {
        let mut harness = app();
        assert!(!palette_is_open(&harness));
        harness.key_press_modifiers(modifiers, key);
        harness.run();
        assert!(palette_is_open(&harness), "{modifiers:?} {key:?}");
    }

    let mut harness = app();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Command Palette…").click();
    harness.run();
    assert!(palette_is_open(&harness));
    // The field has the keyboard: typing goes straight into it.
    type_in_palette(&mut harness, "zts");
    assert_eq!(first_row(&harness), "Zoom to Selection");
}

#[test]
fn the_shortcut_opens_it_from_inside_a_form_field() {
    let mut harness = app();
    type_into_role(&mut harness, Role::MultilineTextInput, "Data Volume", " x");
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::K);
    harness.run();
    assert!(palette_is_open(&harness));
    assert!(
        harness
            .state()
            .document()
            .project()
            .requirements
            .data_volume
            .ends_with(" x"),
        "Ctrl+K opened the palette and left the field's text alone"
    );
}

#[test]
fn typing_filters_by_initials_word_starts_and_substrings_best_first() {
    let mut harness = app();
    open_palette(&mut harness);
    let everything = palette_rows(&harness).len();
    type_in_palette(&mut harness, "sa");
    assert_eq!(first_row(&harness), "Save As…");
    let rows: Vec<_> = palette_rows(&harness).into_iter().map(|(l, _)| l).collect();
    assert!(rows.contains(&"Select All"), "{rows:?}");
    assert!(!rows.contains(&"Undo"), "{rows:?}");
    assert!(rows.len() < everything);

    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.run();
    type_in_palette(&mut harness, "zts");
    assert_eq!(first_row(&harness), "Zoom to Selection");

    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.run();
    type_in_palette(&mut harness, "findings");
    assert_eq!(first_row(&harness), "Show Findings");

    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.run();
    type_in_palette(&mut harness, "qqq");
    assert!(palette_rows(&harness).is_empty());
    harness.get_by_label("No command matches");
}

#[test]
fn arrows_and_enter_run_the_highlighted_command() {
    let mut harness = app();
    assert!(harness.state().preferences().findings_open);
    open_palette(&mut harness);
    type_in_palette(&mut harness, "show");
    let rows = palette_rows(&harness);
    let findings = rows
        .iter()
        .position(|(l, _)| *l == "Show Findings")
        .unwrap();
    for _ in 0..findings {
        harness.key_press(egui::Key::ArrowDown);
        harness.run();
    }
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(!harness.state().preferences().findings_open);
    assert!(
        !palette_is_open(&harness),
        "running a command closes the palette"
    );
    assert!(harness.state().selection().is_empty());

    open_palette(&mut harness);
    type_in_palette(&mut harness, "select all");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let project = harness.state().document().project();
    assert_eq!(
        harness.state().selection().systems.len(),
        project.systems.len()
    );
}

#[test]
fn a_click_runs_a_command_and_a_click_outside_closes() {
    let mut harness = app();
    open_palette(&mut harness);
    type_in_palette(&mut harness, "select");
    harness.get_by_label_contains("Select All").click();
    harness.run();
    assert!(!harness.state().selection().is_empty());
    assert!(!palette_is_open(&harness));

    open_palette(&mut harness);
    harness.get_by_label("Variables").click();
    harness.run();
    assert!(!palette_is_open(&harness));
}

#[test]
fn escape_closes_without_running_anything() {
    let mut harness = app();
    open_palette(&mut harness);
    type_in_palette(&mut harness, "show findings");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!palette_is_open(&harness));
    assert!(harness.state().preferences().findings_open);
    assert!(harness.state().preferences().recent_commands.is_empty());
}

#[test]
fn recently_used_commands_come_first_and_are_remembered() {
    let mut harness = app();
    open_palette(&mut harness);
    assert_eq!(first_row(&harness), "New");
    for command in ["zts", "show prompt"] {
        type_in_palette(&mut harness, command);
        harness.key_press(egui::Key::Enter);
        harness.run();
        open_palette(&mut harness);
    }
    let rows = palette_rows(&harness);
    assert_eq!(rows[0].0, "Show Prompt");
    assert_eq!(rows[1].0, "Zoom to Selection");
    assert_eq!(rows[2].0, "New");
    assert_eq!(
        harness.state().preferences().recent_commands,
        ["toggle-prompt", "zoom-to-selection"]
    );

    // Kept in the preferences: the next launch lists them first too.
    let preferences = Preferences {
        recent_commands: vec!["toggle-findings".into(), "no-such-command".into()],
        ..Preferences::default()
    };
    let mut harness = app_with(preferences, Launch::default());
    open_palette(&mut harness);
    assert_eq!(first_row(&harness), "Show Findings");
    assert_eq!(palette_rows(&harness)[1].0, "New");
}

#[test]
fn commands_that_cannot_run_are_greyed_and_last() {
    let mut harness = app();
    open_palette(&mut harness);
    let rows = palette_rows(&harness);
    let first_disabled = rows.iter().position(|(_, enabled)| !enabled).unwrap();
    assert!(rows[first_disabled..].iter().all(|(_, enabled)| !enabled));
    let disabled: Vec<_> = rows[first_disabled..].iter().map(|(l, _)| *l).collect();
    // Nothing to undo, nothing selected, and the example was never saved.
    for label in ["Undo", "Redo", "Cut", "Copy", "Revert to Saved"] {
        assert!(disabled.contains(&label), "{label} in {disabled:?}");
    }
    // Enter never reaches them: "cut" matches only Cut, which cannot run.
    type_in_palette(&mut harness, "cut");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(palette_is_open(&harness));
}

#[test]
fn shortcuts_do_not_reach_the_canvas_while_the_palette_is_open() {
    let mut harness = app();
    open_palette(&mut harness);
    for (modifiers, key) in [
        (Modifiers::COMMAND, egui::Key::A),
        (Modifiers::COMMAND, egui::Key::J),
        (Modifiers::NONE, egui::Key::Delete),
    ] {
        harness.key_press_modifiers(modifiers, key);
        harness.run();
    }
    assert!(harness.state().selection().is_empty());
    assert!(harness.state().preferences().findings_open);
    assert!(palette_is_open(&harness));
}

#[test]
fn shortcuts_do_not_reach_the_app_behind_a_modal_dialog() {
    let mut harness = app();
    let systems = harness.state().document().project().systems.len();
    // No window here, so Open asks for a typed path in a modal dialog.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Open…").click();
    harness.run();
    harness.get_by_label("Open project");
    for (modifiers, key) in [
        (Modifiers::COMMAND, egui::Key::A),
        (Modifiers::NONE, egui::Key::Delete),
        (Modifiers::COMMAND, egui::Key::J),
        (Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::P),
    ] {
        harness.key_press_modifiers(modifiers, key);
        harness.run();
    }
    assert!(harness.state().selection().is_empty());
    assert_eq!(harness.state().document().project().systems.len(), systems);
    assert!(harness.state().preferences().findings_open);
    assert!(!palette_is_open(&harness));
    harness.get_by_label("Open project");

    // Closed, the same keys work again.
    harness.get_by_label("Cancel").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.run();
    assert_eq!(harness.state().selection().systems.len(), systems);
}

/// Every command in the menus is in the palette and the other way round: both are drawn
/// from the one command table.
#[test]
fn the_menus_and_the_palette_list_the_same_commands() {
    let mut harness = app();
    let on_screen = |harness: &App| -> BTreeSet<String> {
        buttons(harness)
            .into_iter()
            .map(|(label, _, _)| label)
            .collect()
    };
    let closed = on_screen(&harness);
    let mut in_menus = BTreeSet::new();
    for menu in Menu::ALL.map(Menu::title) {
        harness.get_by_role_and_label(Role::Button, menu).click();
        harness.run();
        let items = on_screen(&harness)
            .difference(&closed)
            .cloned()
            .collect::<Vec<_>>();
        assert!(!items.is_empty(), "{menu}");
        for item in items {
            match command_label(&item) {
                Some(label) => {
                    in_menus.insert(label);
                }
                // A submenu of table entries (File ▸ Export): they are behind it.
                None if COMMANDS
                    .iter()
                    .any(|e| e.submenu.map(|(title, _)| title) == Some(item.as_str())) =>
                {
                    let inside = COMMANDS
                        .iter()
                        .filter(|e| e.submenu.map(|(title, _)| title) == Some(item.as_str()));
                    in_menus.extend(inside.map(|e| e.label));
                }
                // Written by hand: the recent files' submenu and the theme.
                None => assert!(
                    ["Open Recent", "Follow the system", "Dark", "Light"].contains(&item.as_str()),
                    "{item:?} in {menu} is not from the command table"
                ),
            }
        }
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
    open_palette(&mut harness);
    let in_palette: BTreeSet<&str> = palette_rows(&harness).into_iter().map(|(l, _)| l).collect();
    let table: BTreeSet<&str> = COMMANDS.iter().map(|entry| entry.label).collect();
    assert_eq!(in_menus, table);
    // The palette lists everything but itself.
    let mut expected = table.clone();
    expected.remove("Command Palette…");
    assert_eq!(in_palette, expected);
}

/// Keys that arrive together in one frame (a held key, a fast typist) each move the
/// highlight.
#[test]
fn arrow_presses_in_one_frame_each_count() {
    let mut harness = app();
    open_palette(&mut harness);
    let rows = palette_rows(&harness);
    assert_eq!(rows[2].0, "Save");
    // Straight into the next frame's input: queued keys would each get a frame.
    for pressed in [true, false, true, false] {
        harness.input_mut().events.push(egui::Event::Key {
            key: egui::Key::ArrowDown,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    // The example was never saved, so Save asks where to.
    harness.get_by_label("Save project as");
}
