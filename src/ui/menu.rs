//! The menu bar, drawn from the command table: every item is a command and shows its
//! shortcut. Open Recent and the theme are the only items written here.

use egui::{Button, ThemePreference, Ui};

use super::app::Preferences;
use super::commands::{COMMANDS, Command, Entry, Menu, enabled, label_now};
use super::intent::Intent;
use super::selection::Selection;
use crate::edit::Document;

pub fn menu_bar(
    ui: &mut Ui,
    document: &Document,
    preferences: &Preferences,
    selection: &Selection,
    intents: &mut Vec<Intent>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| {
                menu_items(ui, menu, document, preferences, selection, intents);
                if menu == Menu::View {
                    ui.separator();
                    ui.label("Theme");
                    theme_choice(ui);
                }
            });
        }
    });
}

fn menu_items(
    ui: &mut Ui,
    menu: Menu,
    document: &Document,
    preferences: &Preferences,
    selection: &Selection,
    intents: &mut Vec<Intent>,
) {
    let mut group = None;
    let entries: Vec<&Entry> = COMMANDS.iter().filter(|entry| entry.menu == menu).collect();
    let mut i = 0;
    while i < entries.len() {
        let entry = entries[i];
        if group.is_some_and(|group| group != entry.group) {
            ui.separator();
        }
        group = Some(entry.group);
        if let Some((title, _)) = entry.submenu {
            // The entries that follow in the same submenu go in it together.
            let inside = entries[i..]
                .iter()
                .take_while(|e| e.submenu.map(|(t, _)| t) == Some(title))
                .count();
            ui.menu_button(title, |ui| {
                for entry in &entries[i..i + inside] {
                    item(ui, entry, document, preferences, selection, intents);
                }
            });
            i += inside;
            continue;
        }
        item(ui, entry, document, preferences, selection, intents);
        if entry.command == Command::OpenFile {
            open_recent(ui, &preferences.recent_files, intents);
        }
        i += 1;
    }
}

fn item(
    ui: &mut Ui,
    entry: &Entry,
    document: &Document,
    preferences: &Preferences,
    selection: &Selection,
    intents: &mut Vec<Intent>,
) {
    let on = shown(&entry.command, preferences);
    let enabled = enabled(&entry.command, document, selection);
    if ui
        .add_enabled(enabled, button(ui, entry, document, on))
        .clicked()
    {
        intents.push(Intent::Run(entry.command.clone()));
    }
}

/// The item: a checkable one for a panel that can be shown or hidden.
fn button(ui: &Ui, entry: &Entry, document: &Document, on: Option<bool>) -> Button<'static> {
    let label = match entry.submenu {
        Some((_, label)) => label.to_owned(),
        None => label_now(entry, document),
    };
    let mut button = match on {
        Some(on) => Button::selectable(on, label),
        None => Button::new(label),
    };
    if let Some(shortcut) = entry.command.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(shortcut);
    }
    button
}

/// Whether the panel a command shows or hides is shown; `None` for other commands.
fn shown(command: &Command, panels: &Preferences) -> Option<bool> {
    match command {
        Command::ToggleInspector => Some(panels.inspector_open),
        Command::TogglePreview => Some(panels.preview_open),
        Command::ToggleFindings => Some(panels.findings_open),
        Command::ToggleMinimap => Some(panels.minimap_shown),
        Command::FlowRight => Some(!panels.flow_down),
        Command::FlowDown => Some(panels.flow_down),
        _ => None,
    }
}

fn open_recent(ui: &mut Ui, recent: &[std::path::PathBuf], intents: &mut Vec<Intent>) {
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
