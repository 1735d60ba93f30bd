use std::path::PathBuf;

use super::apply::{Edit, EditError, ItemIds, Items};
use super::history::{Coalesce, History};
use crate::model::Project;

/// The project being edited, where it lives on disk, and its history. All changes go
/// through [`Document::apply`], [`Document::undo`] and [`Document::redo`].
#[derive(Clone, Debug)]
pub struct Document {
    project: Project,
    pub path: Option<PathBuf>,
    history: History,
    saved_state: Option<u64>,
    /// Grows with every change, undo and redo.
    revision: u64,
    /// Grows with every change that is not only layout: what the prompt and checks depend on.
    content_revision: u64,
}

impl Document {
    /// A document for a project that is not saved anywhere yet. It starts clean: closing
    /// it untouched loses nothing.
    pub fn new(project: Project) -> Self {
        Document {
            project,
            path: None,
            history: History::default(),
            saved_state: Some(0),
            revision: 0,
            content_revision: 0,
        }
    }

    /// A document whose project came from elsewhere (an import) and is saved nowhere yet:
    /// it starts with unsaved changes, so closing it asks first.
    pub fn unsaved(project: Project) -> Self {
        let mut document = Document::new(project);
        document.saved_state = None;
        document
    }

    /// A document for a project that was just read from (or saved to) `path`.
    pub fn opened(project: Project, path: PathBuf) -> Self {
        let mut document = Document::new(project);
        document.path = Some(path);
        document.saved_state = Some(document.history.state());
        document
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Moves only when the content changed; moving systems on the canvas leaves it alone,
    /// so the prompt is not rendered again on every frame of a drag.
    pub fn content_revision(&self) -> u64 {
        self.content_revision
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn apply(
        &mut self,
        edit: Edit,
        label: &str,
        coalesce: Option<Coalesce>,
    ) -> Result<(), EditError> {
        let layout_only = edit.is_layout_only();
        self.history
            .apply(&mut self.project, edit, label, coalesce)?;
        self.bump(layout_only);
        Ok(())
    }

    /// Adds new items under ids allocated now (their own ids are placeholders, see
    /// [`with_fresh_ids`](super::with_fresh_ids)); returns the ids they got.
    pub fn add(&mut self, items: Items, label: &str) -> Result<ItemIds, EditError> {
        let items = super::with_fresh_ids(&mut self.project, items);
        let ids = items.ids();
        self.apply(Edit::Insert(items), label, None)?;
        Ok(ids)
    }

    fn bump(&mut self, layout_only: bool) {
        self.revision += 1;
        if !layout_only {
            self.content_revision += 1;
        }
    }

    /// Ends the current drag or run of typing, so the next edit is a step of its own.
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Takes back a cancelled gesture's step (edits under `key`) without a trace: no redo
    /// step, and the unsaved marker as it was before. False when the last step is not that
    /// gesture's.
    pub fn abandon_gesture(&mut self, key: &Coalesce) -> bool {
        match self.history.abandon(&mut self.project, key) {
            Some(replayed) => {
                self.bump(replayed.layout_only);
                true
            }
            None => false,
        }
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self) -> Option<String> {
        let replayed = self.history.undo(&mut self.project)?;
        self.bump(replayed.layout_only);
        Some(replayed.label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self) -> Option<String> {
        let replayed = self.history.redo(&mut self.project)?;
        self.bump(replayed.layout_only);
        Some(replayed.label)
    }

    /// True when the project differs from what was last saved or opened.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.history.state())
    }

    /// Records that the current state is what `path` now holds.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.history.seal();
        self.saved_state = Some(self.history.state());
    }
}
