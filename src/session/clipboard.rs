//! Cut, copy, paste and duplicate. The text goes through the system clipboard (an effect
//! the app carries out), so items move between projects and between running apps.

use super::effect::Effect;
use super::selection::Selection;
use super::{Session, capitalised};
use crate::edit::{Edit, clipboard};
use crate::words::count;

/// What a paste is for: it names the undo step and the notice.
#[derive(Clone, Copy)]
pub(super) enum PasteKind {
    Paste,
    Duplicate,
}

impl Session {
    /// The selected systems as clipboard text, or a notice saying why there is none.
    fn clipping_of_selection(&self, effects: &mut Vec<Effect>) -> Option<String> {
        let text = clipboard::copy(self.document.project(), &self.selection.systems);
        if text.is_none() {
            effects.push(Effect::Notice(
                "Select one or more systems first: connections and zones are copied with \
                 their systems"
                    .into(),
            ));
        }
        text
    }

    pub(super) fn copy_selection(&self, effects: &mut Vec<Effect>) {
        let Some(text) = self.clipping_of_selection(effects) else {
            return;
        };
        effects.push(Effect::CopyText(text));
        let systems = count(self.selection.systems.len(), "system");
        effects.push(Effect::Notice(format!("Copied {systems}")));
    }

    pub(super) fn cut_selection(&mut self, effects: &mut Vec<Effect>) {
        let Some(text) = self.clipping_of_selection(effects) else {
            return;
        };
        // Cut takes the selected systems and connections; zones stay.
        let mut ids = self.selection.item_ids();
        ids.zones.clear();
        let edit = Edit::delete(self.document.project(), &ids);
        if let Err(error) = self.document.apply(edit, "Cut", None) {
            effects.push(Effect::Notice(capitalised(&error.to_string())));
            return;
        }
        effects.push(Effect::CopyText(text));
        let systems = count(self.selection.systems.len(), "system");
        self.selection = Selection::default();
        effects.push(Effect::Notice(format!("Cut {systems}")));
    }

    /// Pastes clipboard text; on failure says why and leaves project and selection alone.
    pub(super) fn paste_text(&mut self, text: &str, kind: PasteKind, effects: &mut Vec<Effect>) {
        let (label, verb) = match kind {
            PasteKind::Paste => ("Paste", "Pasted"),
            PasteKind::Duplicate => ("Duplicate", "Duplicated"),
        };
        let pasted = clipboard::paste(self.document.project(), text)
            .map_err(|error| error.to_string())
            .and_then(|paste| {
                self.document
                    .apply(paste.edit, label, None)
                    .map(|()| paste.pasted)
                    .map_err(|error| error.to_string())
            });
        match pasted {
            Ok(pasted) => {
                let systems = count(pasted.systems.len(), "system");
                // The free place nearest the originals can be out of sight.
                effects.push(Effect::Reveal(pasted.systems.clone()));
                // The copies are selected; zones a paste brings along are not.
                self.selection = Selection {
                    zones: Default::default(),
                    ..Selection::from(pasted)
                };
                effects.push(Effect::Notice(format!("{verb} {systems}")));
            }
            Err(error) => effects.push(Effect::Notice(capitalised(&error))),
        }
    }

    /// Copies and pastes in one step, leaving the clipboard as it was.
    pub(super) fn duplicate_selection(&mut self, effects: &mut Vec<Effect>) {
        if let Some(text) = self.clipping_of_selection(effects) {
            self.paste_text(&text, PasteKind::Duplicate, effects);
        }
    }
}
