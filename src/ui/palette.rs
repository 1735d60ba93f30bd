//! The command palette (Ctrl+Shift+P, Ctrl+K, View ▸ Command Palette…): every command of
//! the menus, found by typing part of its name or its initials. The arrow keys and Enter, or
//! a click, run one; Escape closes. With nothing typed, recently used commands come first.
//!
//! Commands that cannot run now (Undo with nothing to undo, Cut with nothing selected) are
//! listed greyed after the others rather than left out: the palette is also where people
//! look for what exists, and a missing Cut would read as "there is no Cut". The highlight
//! and Enter only reach commands that can run.

mod matching;

use egui::{Button, RichText, ScrollArea, TextEdit, Ui};

use super::commands::{COMMANDS, Command, Entry, enabled, entry_by_key, label_now};
use super::intent::Intent;
use super::picker::Picker;
use super::selection::Selection;
use crate::edit::Document;

/// How many recently used commands the preferences keep.
pub const MAX_RECENT: usize = 5;
const WIDTH: f32 = 460.0;
/// Below the menu bar, where the eye already is.
const TOP_OFFSET: f32 = 40.0;
/// About twenty rows; a longer list scrolls.
const MAX_LIST_HEIGHT: f32 = 520.0;

#[derive(Default)]
pub struct CommandPalette {
    picker: Picker,
    query: String,
}

/// The rows the palette lists now.
struct Rows {
    /// Commands that can run, best first; the highlight moves among these.
    runnable: Vec<&'static Entry>,
    /// How many of `runnable` are the recently used ones (only with nothing typed).
    recent: usize,
    /// Commands that match but cannot run now, shown greyed.
    disabled: Vec<&'static Entry>,
}

impl CommandPalette {
    /// Opens the palette empty, or puts the keyboard back in it.
    pub fn open(&mut self) {
        self.query.clear();
        self.picker.open();
    }

    pub fn is_open(&self) -> bool {
        self.picker.is_open()
    }

    /// Shows the palette while it is open. A chosen command is returned as an intent and
    /// put first in `recent` (keys of the command table).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        selection: &Selection,
        recent: &mut Vec<String>,
        intents: &mut Vec<Intent>,
    ) {
        let top_center = ctx.content_rect().center_top() + egui::vec2(0.0, TOP_OFFSET);
        let query = &mut self.query;
        let picked = self
            .picker
            .show(ctx, "command palette", top_center, WIDTH, |picker, ui| {
                contents(picker, ui, query, document, selection, recent)
            });
        if let Some(entry) = picked {
            remember(recent, entry.key);
            intents.push(Intent::Run(entry.command.clone()));
        }
    }
}

/// The field and the list; returns the picked entry.
fn contents(
    picker: &mut Picker,
    ui: &mut Ui,
    query: &mut String,
    document: &Document,
    selection: &Selection,
    recent: &[String],
) -> Option<&'static Entry> {
    let field_id = egui::Id::unique("command palette field");
    picker.take_arrow_keys(ui, field_id);
    let field = ui
        .horizontal(|ui| {
            let label = ui.label(RichText::new("Command").strong());
            ui.add(
                TextEdit::singleline(query)
                    .id(field_id)
                    .hint_text("Type a name or its initials: sa, zts…")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
        })
        .inner;
    // After the field, so Enter picks from what was typed this very frame.
    let rows = rows(query, recent, document, selection);
    let entered = picker.after_field(ui, &field, rows.runnable.len());
    let mut picked = entered.map(|row| rows.runnable[row]);
    ui.add_space(4.0);
    if rows.runnable.is_empty() && rows.disabled.is_empty() {
        ui.label(RichText::new("No command matches").weak());
        return picked;
    }
    // The area is as high as last frame's contents: a scroll area must be told to grow.
    let list_height = (ui.ctx().content_rect().height() * 0.6).min(MAX_LIST_HEIGHT);
    ScrollArea::vertical()
        .max_height(list_height)
        .min_scrolled_height(list_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (row, entry) in rows.runnable.iter().enumerate() {
                if row == rows.recent && row > 0 {
                    ui.separator();
                }
                let highlighted = row == picker.highlighted();
                let response = ui.add(row_button(ui, entry, document, highlighted));
                if highlighted && picker.highlight_moved() {
                    response.scroll_to_me(None);
                }
                if response.clicked() {
                    picked = Some(entry);
                }
            }
            for entry in &rows.disabled {
                ui.add_enabled(false, row_button(ui, entry, document, false));
            }
        });
    picked
}

/// One row, menu-like: the label, and the shortcut right-aligned and weak.
fn row_button(ui: &Ui, entry: &Entry, document: &Document, highlighted: bool) -> Button<'static> {
    let mut button = Button::selectable(highlighted, label_now(entry, document))
        .min_size(egui::vec2(ui.available_width(), 24.0));
    if let Some(shortcut) = entry.command.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(shortcut);
    }
    button
}

/// The commands to list for `query`, best first: by match rank, or with nothing typed the
/// recently used ones first, then the menus' order.
fn rows(query: &str, recent: &[String], document: &Document, selection: &Selection) -> Rows {
    let listed = COMMANDS
        .iter()
        .filter(|entry| entry.command != Command::ShowCommandPalette);
    let (ordered, recent_count): (Vec<&'static Entry>, usize) = if query.trim().is_empty() {
        let recent: Vec<&'static Entry> = recent
            .iter()
            .filter_map(|key| entry_by_key(key))
            .filter(|entry| entry.command != Command::ShowCommandPalette)
            .collect();
        let count = recent.len();
        let rest = listed.filter(|entry| !recent.iter().any(|r| r.key == entry.key));
        (recent.iter().copied().chain(rest).collect(), count)
    } else {
        let mut ranked: Vec<(u8, &'static Entry)> = listed
            .filter_map(|entry| Some((matching::rank(entry.label, query)?, entry)))
            .collect();
        // Stable: equally good matches keep the menus' order.
        ranked.sort_by_key(|(rank, _)| *rank);
        (ranked.into_iter().map(|(_, entry)| entry).collect(), 0)
    };
    let can_run = |entry: &&Entry| enabled(&entry.command, document, selection);
    let recent = ordered[..recent_count]
        .iter()
        .filter(|entry| can_run(entry))
        .count();
    let (runnable, disabled): (Vec<&'static Entry>, Vec<&'static Entry>) =
        ordered.into_iter().partition(can_run);
    Rows {
        runnable,
        recent,
        disabled,
    }
}

/// Puts `key` first among the recently used commands, keeping at most `MAX_RECENT`.
fn remember(recent: &mut Vec<String>, key: &str) {
    recent.retain(|k| k != key);
    recent.insert(0, key.to_owned());
    recent.truncate(MAX_RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembering_puts_a_command_first_once_and_keeps_a_few() {
        let mut recent = Vec::new();
        for key in ["save", "undo", "save", "a", "b", "c", "d"] {
            remember(&mut recent, key);
        }
        assert_eq!(recent, ["d", "c", "b", "a", "save"]);
    }
}
