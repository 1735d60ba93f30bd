//! What each command is called, its shortcuts and its place in the menus, in one table
//! ([`table::COMMANDS`]), and the shortcuts pressed in a frame. The commands themselves,
//! and what they do, are the session's.

mod table;

pub use table::{COMMANDS, Entry, Menu, enabled, entry_by_key, label_now};

use egui::KeyboardShortcut;

pub use crate::session::Command;

impl Command {
    /// The menu label.
    pub fn label(&self) -> &'static str {
        match self {
            Command::OpenPath(_) => "Open",
            Command::PasteText(_) => "Paste",
            command => table::entry_of(command).map_or("", |entry| entry.label),
        }
    }

    /// The shortcut menus show; `None` for the commands that carry data.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        table::entry_of(self).and_then(|entry| entry.shortcut)
    }

    /// The shortcut as this platform writes it ("Ctrl+S", "⌘S"), for menus and buttons.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        self.shortcut()
            .map(|shortcut| ctx.format_shortcut(&shortcut))
    }

    /// A tooltip that ends with the shortcut, when there is one: "Fit to content (F)".
    pub fn hover_text(&self, ctx: &egui::Context, what: &str) -> String {
        match self.shortcut_text(ctx) {
            Some(shortcut) => format!("{what} ({shortcut})"),
            None => what.to_owned(),
        }
    }

    /// The commands whose shortcuts were pressed this frame. While a modal dialog is open
    /// none reach the app behind it; while the command palette is open (`palette_open`)
    /// only its own shortcut does, so keys go to its field.
    pub fn pressed(ctx: &egui::Context, palette_open: bool) -> Vec<Command> {
        // egui's own sign of a modal (`Modal` registers its layer each frame); it is last
        // frame's, which is when the dialog the user sees was drawn.
        if ctx.memory(|memory| memory.top_modal_layer().is_some()) {
            return Vec::new();
        }
        let typing = ctx.text_edit_focused();
        // Selected label text (the rendered prompt, a finding) is what Ctrl+C/X mean then.
        let text_selected = ctx
            .plugin::<egui::text_selection::LabelSelectionState>()
            .lock()
            .has_selection();
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for (entry, shortcut) in table::by_shortcut_priority() {
                let allowed = if palette_open {
                    entry.command == Command::ShowCommandPalette
                } else {
                    !typing || entry.works_while_typing
                };
                if allowed && input.consume_shortcut(&shortcut) {
                    pressed.push(entry.command.clone());
                }
            }
            if typing || palette_open {
                return;
            }
            // egui turns Ctrl+C/X/V into these events; a focused text field takes them
            // itself, which is why this is only done while not typing.
            for event in &input.events {
                match event {
                    egui::Event::Copy if !text_selected => pressed.push(Command::Copy),
                    egui::Event::Cut if !text_selected => pressed.push(Command::Cut),
                    egui::Event::Paste(text) => pressed.push(Command::PasteText(text.clone())),
                    _ => {}
                }
            }
        });
        pressed
    }
}
