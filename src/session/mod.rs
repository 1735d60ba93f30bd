//! The open project and everything about it that is not drawing: the [`Document`], the
//! selection, and the values derived from them (the analysis and the prompt). Widgets send
//! [`Intent`]s; [`Session::apply`] is the one place they change anything, and it answers
//! with [`Effect`]s, the things only the app's window can do. No egui here: the whole of
//! the app's behaviour can be driven and tested without a window.

mod arrange;
mod clipboard;
mod command;
mod commands;
mod copies;
mod derived;
mod dialog;
mod effect;
mod exports;
mod files;
mod import;
mod intent;
mod pictures;
mod selection;
mod token_count;

pub use command::Command;
pub use copies::Copied;
pub use derived::{BudgetNote, PromptStats, RenderedPrompt};
pub use dialog::{Dialog, ListedProblem};
pub use effect::{Effect, Panel};
pub use files::FileAction;
pub use intent::Intent;
pub use pictures::{PictureOutcome, PictureTarget, draw_picture};
pub use selection::Selection;
pub use token_count::{Repaint, TokenCount};

use derived::Derived;
use token_count::TokenCounter;

use crate::analysis::Report;
use crate::edit::Document;
use crate::layout::Direction;
use crate::model::Project;

/// Which document, at which revision: an answer computed for one (an arrangement made off
/// the UI thread) is only applied to the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    document: u64,
    revision: u64,
}

pub struct Session {
    /// Counts the documents this session has held, so a new one is never taken for the old.
    documents: u64,
    document: Document,
    selection: Selection,
    derived: Derived,
    tokens: TokenCounter,
    copies: copies::LastCopies,
    /// The direction Auto-arrange lays data flows out in.
    flow: Direction,
}

impl Session {
    pub fn new(document: Document) -> Self {
        let derived = Derived::of(&document, 0);
        let mut session = Session {
            documents: 0,
            document,
            selection: Selection::default(),
            derived,
            tokens: TokenCounter::default(),
            copies: copies::LastCopies::default(),
            flow: Direction::default(),
        };
        session.count_tokens();
        session
    }

    /// A session on the first bundled example: what a first launch shows.
    pub fn with_example() -> Self {
        let project = crate::examples::EXAMPLES
            .first()
            .and_then(|e| e.project().ok())
            .unwrap_or_default();
        Session::new(Document::new(project))
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn project(&self) -> &Project {
        self.document.project()
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The direction Auto-arrange lays data flows out in.
    pub fn flow(&self) -> Direction {
        self.flow
    }

    /// Starts with the direction remembered from the last run.
    pub fn set_flow(&mut self, direction: Direction) {
        self.flow = direction;
    }

    /// What the analysis found in the project as it is now.
    pub fn report(&self) -> &Report {
        &self.derived.report
    }

    /// The prompt as the preview shows it and Copy copies it.
    pub fn prompt(&self) -> &RenderedPrompt {
        &self.derived.prompt
    }

    /// The prompt as this project's file last copied it in this run, if it was.
    pub fn last_copy(&self) -> Option<&Copied> {
        self.copies.of(&self.document.path)
    }

    /// "Shop — shop.ron • — Integration Studio": the project, its file, unsaved marker.
    pub fn title(&self) -> String {
        let file = self
            .document
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or("not saved".to_owned(), |n| n.to_string_lossy().into_owned());
        let dirty = if self.document.is_dirty() { " •" } else { "" };
        format!(
            "{} — {file}{dirty} — Integration Studio",
            self.document.project().name
        )
    }

    /// Applies the intents in order and says what the app has to do about them.
    pub fn apply(&mut self, intents: impl IntoIterator<Item = Intent>) -> Vec<Effect> {
        let mut effects = Vec::new();
        for intent in intents {
            self.apply_one(intent, &mut effects);
        }
        if self.derived.refresh(&self.document) {
            effects.push(Effect::ReportChanged);
        }
        self.count_tokens();
        effects
    }

    /// The last finished exact token count; it may be of an earlier rendering while
    /// [`Session::is_counting_tokens`].
    pub fn token_count(&self) -> Option<&TokenCount> {
        self.tokens.latest()
    }

    pub fn is_counting_tokens(&self) -> bool {
        self.tokens.is_counting()
    }

    /// Takes a count finished off the UI thread; says whether one arrived.
    pub fn poll_token_count(&mut self) -> bool {
        self.tokens.poll()
    }

    /// Called from the counting thread when a count is ready, so the window draws it.
    pub fn set_repaint(&mut self, repaint: Repaint) {
        self.tokens.set_repaint(repaint);
    }

    /// Counts the current rendering, unless it is counted or being counted already.
    fn count_tokens(&mut self) {
        let prompt = &self.derived.prompt;
        let text = prompt.text().unwrap_or("");
        let tokenizer = self.document.project().prompt.tokenizer;
        self.tokens.request(text, tokenizer, prompt.generation);
    }

    fn apply_one(&mut self, intent: Intent, effects: &mut Vec<Effect>) {
        match intent {
            Intent::Edit {
                edit,
                label,
                coalesce,
            } => {
                // A system given another zone goes to it, so the zone stays tidy.
                let edit = crate::edit::with_zone_moves(self.document.project(), edit);
                if let Err(error) = self.document.apply(edit, &label, coalesce) {
                    effects.push(Effect::Notice(capitalised(&error.to_string())));
                }
                self.selection.retain_existing(self.document.project());
            }
            Intent::Add { items, label } => match self.document.add(items, &label) {
                Ok(added) => self.selection = Selection::from(added),
                Err(error) => effects.push(Effect::Notice(capitalised(&error.to_string()))),
            },
            Intent::EndOfGesture => self.document.seal(),
            Intent::CancelGesture(key) => {
                self.document.abandon_gesture(&key);
            }
            Intent::Select(selection) => self.selection = selection,
            Intent::FocusField(label) => effects.push(Effect::FocusField(label)),
            Intent::Run(command) => self.run(command, effects),
            Intent::File(action) => self.file(action, effects),
            Intent::FileConfirmed(action) => self.carry_out(action, effects),
            Intent::SaveThen(action) => self.save_then(action, effects),
            Intent::Arranged {
                arrangement,
                only,
                stamp,
            } => self.arranged(arrangement, only, stamp, effects),
            Intent::PictureDrawn(outcome) => self.picture_drawn(outcome, effects),
        }
    }

    /// The document and revision as they are now.
    pub fn stamp(&self) -> Stamp {
        Stamp {
            document: self.documents,
            revision: self.document.revision(),
        }
    }

    fn replace_document(&mut self, document: Document, effects: &mut Vec<Effect>) {
        self.documents += 1;
        if self.document.path.is_none() {
            self.copies.forget_untitled();
        }
        self.document = document;
        self.selection = Selection::default();
        // Always anew: a new document's revisions start again and could match the old one's.
        self.derived = Derived::of(&self.document, self.derived.generation() + 1);
        self.count_tokens();
        effects.push(Effect::ProjectReplaced);
        effects.push(Effect::ReportChanged);
    }
}

/// An error message as the first words of a notice.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
