//! Cut, copy, paste and duplicate of canvas items. The text goes through the system
//! clipboard, so items move between projects and between running apps.

use super::StudioApp;
use crate::edit::Edit;
use crate::edit::clipboard;
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;
use crate::words::count;

/// What a paste is for: it names the undo step and the notice.
#[derive(Clone, Copy)]
pub(super) enum PasteKind {
    Paste,
    Duplicate,
}

impl StudioApp {
    /// The selected systems as clipboard text, or a notice saying why there is none.
    fn clipping_of_selection(&mut self, ctx: &egui::Context) -> Option<String> {
        let text = clipboard::copy(self.document.project(), &self.selection.systems);
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
        ctx.copy_text(text);
        let systems = count(self.selection.systems.len(), "system");
        self.notify(ctx, format!("Copied {systems}"));
        true
    }

    pub(super) fn cut_selection(&mut self, ctx: &egui::Context) {
        let Some(text) = self.clipping_of_selection(ctx) else {
            return;
        };
        ctx.copy_text(text);
        let systems = count(self.selection.systems.len(), "system");
        // Cut takes the selected systems and connections; zones stay.
        let mut ids = self.selection.item_ids();
        ids.zones.clear();
        let edit = Edit::delete(self.document.project(), &ids);
        self.apply_intents(ctx, vec![Intent::edit(edit, "Cut")]);
        self.selection = Selection::default();
        self.notify(ctx, format!("Cut {systems}"));
    }

    /// Edit ▸ Paste: asks the window for the clipboard's text, which comes back as the
    /// same event Ctrl+V brings.
    pub(super) fn request_paste(&mut self, ctx: &egui::Context) {
        ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste);
    }

    pub(super) fn paste_text(&mut self, ctx: &egui::Context, text: &str, kind: PasteKind) {
        let paste = match clipboard::paste(self.document.project(), text) {
            Ok(paste) => paste,
            Err(error) => return self.notify(ctx, capitalised(&error.to_string())),
        };
        let (label, verb) = match kind {
            PasteKind::Paste => ("Paste", "Pasted"),
            PasteKind::Duplicate => ("Duplicate", "Duplicated"),
        };
        let revision = self.document.revision();
        self.apply_intents(ctx, vec![Intent::edit(paste.edit, label)]);
        // A paste that could not be applied has said why; keep the selection as it was.
        if self.document.revision() == revision {
            return;
        }
        let systems = count(paste.pasted.systems.len(), "system");
        self.selection = Selection {
            systems: paste.pasted.systems.into_iter().collect(),
            connections: paste.pasted.connections.into_iter().collect(),
            zones: Default::default(),
        };
        self.notify(ctx, format!("{verb} {systems}"));
    }

    /// Copies and pastes in one step, leaving the clipboard as it was.
    pub(super) fn duplicate_selection(&mut self, ctx: &egui::Context) {
        if let Some(text) = self.clipping_of_selection(ctx) {
            self.paste_text(ctx, &text, PasteKind::Duplicate);
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
