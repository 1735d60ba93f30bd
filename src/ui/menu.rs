//! The menu bar. Every item is a command and shows its shortcut.

use egui::{Button, ThemePreference, Ui};

use super::app::Preferences;
use super::commands::Command;
use super::intent::Intent;
use crate::edit::Document;

pub fn menu_bar(
    ui: &mut Ui,
    document: &Document,
    preferences: &Preferences,
    has_systems: bool,
    intents: &mut Vec<Intent>,
) {
    let recent = &preferences.recent_files;
    let panels = preferences;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Command::NewProject, true, intents);
            item(ui, Command::OpenFile, true, intents);
            ui.menu_button("Open Recent", |ui| {
                if recent.is_empty() {
                    ui.weak("No recent projects");
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        intents.push(Intent::Run(Command::OpenPath(path.clone())));
                    }
                }
            });
            ui.separator();
            item(ui, Command::Save, true, intents);
            item(ui, Command::SaveAs, true, intents);
            item(ui, Command::Revert, document.path.is_some(), intents);
            item(ui, Command::CheckProject, true, intents);
            ui.separator();
            item(ui, Command::Quit, true, intents);
        });
        ui.menu_button("Edit", |ui| {
            let history = document.history();
            let undo = history.undo_label().map(|l| format!("Undo {l}"));
            let redo = history.redo_label().map(|l| format!("Redo {l}"));
            labelled(
                ui,
                Command::Undo,
                undo.as_deref(),
                history.undo_label().is_some(),
                intents,
            );
            labelled(
                ui,
                Command::Redo,
                redo.as_deref(),
                history.redo_label().is_some(),
                intents,
            );
            ui.separator();
            item(ui, Command::Cut, has_systems, intents);
            item(ui, Command::Copy, has_systems, intents);
            item(ui, Command::Paste, true, intents);
            item(ui, Command::Duplicate, has_systems, intents);
            item(ui, Command::GroupIntoZone, has_systems, intents);
            ui.separator();
            item(ui, Command::SelectAll, true, intents);
            item(ui, Command::Find, true, intents);
            item(ui, Command::Rename, true, intents);
            item(ui, Command::DeleteSelection, true, intents);
            ui.separator();
            item(ui, Command::AddSystem, true, intents);
        });
        ui.menu_button("View", |ui| {
            item(ui, Command::FitView, true, intents);
            item(ui, Command::FrameSelection, true, intents);
            ui.separator();
            toggle(ui, Command::ToggleInspector, panels.inspector_open, intents);
            toggle(ui, Command::TogglePreview, panels.preview_open, intents);
            toggle(ui, Command::ToggleFindings, panels.findings_open, intents);
            ui.separator();
            ui.label("Theme");
            theme_choice(ui);
        });
        ui.menu_button("Prompt", |ui| {
            item(ui, Command::CopyPrompt, true, intents);
            item(ui, Command::SavePromptAs, true, intents);
        });
    });
}

fn item(ui: &mut Ui, command: Command, enabled: bool, intents: &mut Vec<Intent>) {
    labelled(ui, command, None, enabled, intents);
}

fn labelled(
    ui: &mut Ui,
    command: Command,
    label: Option<&str>,
    enabled: bool,
    intents: &mut Vec<Intent>,
) {
    let text = label.unwrap_or(command.label());
    let mut button = Button::new(text);
    if let Some(shortcut) = command.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(shortcut);
    }
    if ui.add_enabled(enabled, button).clicked() {
        intents.push(Intent::Run(command));
    }
}

/// A menu item that shows and flips whether something is on.
fn toggle(ui: &mut Ui, command: Command, on: bool, intents: &mut Vec<Intent>) {
    let mut button = Button::selectable(on, command.label());
    if let Some(shortcut) = command.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(shortcut);
    }
    if ui.add(button).clicked() {
        intents.push(Intent::Run(command));
    }
}

/// Follow the system, or force dark or light. egui's own buttons use emoji that the
/// bundled fonts lack.
fn theme_choice(ui: &mut Ui) {
    let current = ui.ctx().options(|o| o.theme_preference);
    for (preference, label) in [
        (ThemePreference::System, "Follow the system"),
        (ThemePreference::Dark, "Dark"),
        (ThemePreference::Light, "Light"),
    ] {
        if ui
            .add(Button::selectable(current == preference, label))
            .clicked()
        {
            ui.ctx().set_theme(preference);
        }
    }
}
