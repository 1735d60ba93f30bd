//! The menu bar. Every item is a command and shows its shortcut.

use egui::{Button, Ui};

use super::commands::Command;
use super::intent::Intent;
use crate::edit::Document;

pub fn menu_bar(
    ui: &mut Ui,
    document: &Document,
    recent: &[std::path::PathBuf],
    intents: &mut Vec<Intent>,
) {
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
            item(ui, Command::SelectAll, true, intents);
            item(ui, Command::DeleteSelection, true, intents);
            ui.separator();
            item(ui, Command::AddSystem, true, intents);
        });
        ui.menu_button("View", |ui| {
            item(ui, Command::FitView, true, intents);
            ui.separator();
            ui.label("Theme");
            egui::global_theme_preference_buttons(ui);
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
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        intents.push(Intent::Run(command));
    }
}
