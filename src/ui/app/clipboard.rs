//! Cut, copy, paste and duplicate of canvas items. The text goes through the system
//! clipboard, so items move between projects and between running apps; the app keeps its
//! own copy too, for Edit ▸ Paste (egui reads the system clipboard only on Ctrl+V).

use super::StudioApp;
use crate::edit::clipboard::{self, PasteError};
use crate::edit::{Edit, ItemIds};
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;

impl StudioApp {
    /// The selected systems as clipboard text, or a notice saying why there is none.
    fn clipping_of_selection(&mut self, ctx: &egui::Context) -> Option<String> {
        let systems: Vec<_> = self.selection.systems.iter().copied().collect();
        let text = clipboard::copy(self.document.project(), &systems);
        if text.is_none() {
            self.notify(
                ctx,
                "Select one or more systems first: connections and zones are copied with \
                 their systems"
                    .into(),
            );
        }
        text
    }

    pub(super) fn copy_selection(&mut self, ctx: &egui::Context) -> bool {
        let Some(text) = self.clipping_of_selection(ctx) else {
            return false;
        };
        ctx.copy_text(text.clone());
        self.clipboard = Some(text);
        let count = self.selection.systems.len();
        self.notify(ctx, format!("Copied {}", systems(count)));
        true
    }

    pub(super) fn cut_selection(&mut self, ctx: &egui::Context) {
        if !self.copy_selection(ctx) {
            return;
        }
        let ids = ItemIds {
            systems: self.selection.systems.iter().copied().collect(),
            connections: self.selection.connections.iter().copied().collect(),
            zones: Vec::new(),
        };
        let edit = Edit::delete(self.document.project(), &ids);
        self.apply_intents(ctx, vec![Intent::edit(edit, "Cut")]);
        self.selection = Selection::default();
    }

    /// Edit ▸ Paste: what this app copied last.
    pub(super) fn paste_own_clipboard(&mut self, ctx: &egui::Context) {
        match self.clipboard.clone() {
            Some(text) => self.paste_text(ctx, &text, "Paste"),
            None => self.notify(ctx, "Nothing to paste yet: copy some systems first".into()),
        }
    }

    pub(super) fn paste_text(&mut self, ctx: &egui::Context, text: &str, label: &str) {
        match clipboard::paste(self.document.project(), text) {
            Ok(paste) => {
                let count = paste.pasted.systems.len();
                self.apply_intents(ctx, vec![Intent::edit(paste.edit, label)]);
                self.selection = Selection {
                    systems: paste.pasted.systems.into_iter().collect(),
                    connections: paste.pasted.connections.into_iter().collect(),
                    zones: Default::default(),
                };
                let verb = if label == "Paste" {
                    "Pasted"
                } else {
                    "Duplicated"
                };
                self.notify(ctx, format!("{verb} {}", systems(count)));
            }
            Err(error) => self.notify(ctx, capitalised(&error)),
        }
    }

    /// Copies and pastes in one step, leaving the clipboard as it was.
    pub(super) fn duplicate_selection(&mut self, ctx: &egui::Context) {
        if let Some(text) = self.clipping_of_selection(ctx) {
            self.paste_text(ctx, &text, "Duplicate");
        }
    }
}

fn systems(count: usize) -> String {
    match count {
        1 => "1 system".to_owned(),
        n => format!("{n} systems"),
    }
}

fn capitalised(error: &PasteError) -> String {
    let text = error.to_string();
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
