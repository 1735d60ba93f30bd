use super::apply::{Edit, EditError, apply};
use crate::model::Project;

/// How many steps undo reaches back at least.
pub const HISTORY_LIMIT: usize = 200;

/// Says which edits belong to one undo step: consecutive edits with the same key merge, so a
/// drag or a run of typing in one field undoes in one go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Coalesce {
    /// Every frame of one drag gesture; the number tells gestures apart.
    Drag(u64),
    /// Typing into one field, named by the item and the field.
    Field(String),
}

/// What an undo or redo did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replayed {
    pub label: String,
    /// It only moved things on the canvas.
    pub layout_only: bool,
}

#[derive(Clone, Copy)]
enum Replay {
    Backward,
    Forward,
}

#[derive(Clone, Debug)]
struct Step {
    label: String,
    forward: Edit,
    inverse: Edit,
    coalesce: Option<Coalesce>,
    /// Identifies the project state this step leads to, for the unsaved-changes marker.
    state: u64,
}

/// Undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// A merge is allowed only until something else happens (undo, a save point, a new key).
    open_for_merge: bool,
    next_state: u64,
}

impl History {
    /// Applies `edit` and records it. With a `coalesce` key equal to the last step's, the
    /// edit joins that step: the step keeps its original inverse and takes the new forward
    /// edit, which is correct because setters carry whole values.
    pub fn apply(
        &mut self,
        project: &mut Project,
        edit: Edit,
        label: &str,
        coalesce: Option<Coalesce>,
    ) -> Result<(), EditError> {
        let inverse = apply(project, edit.clone())?;
        self.redo.clear();
        self.next_state += 1;
        let state = self.next_state;
        if self.open_for_merge
            && let (Some(key), Some(last)) = (&coalesce, self.undo.last_mut())
            && last.coalesce.as_ref() == Some(key)
        {
            last.forward = edit;
            last.state = state;
            return Ok(());
        }
        self.undo.push(Step {
            label: label.to_owned(),
            forward: edit,
            inverse,
            coalesce,
            state,
        });
        self.open_for_merge = true;
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        Ok(())
    }

    /// Ends merging: the next edit starts a new step even with the same key.
    pub fn seal(&mut self) {
        self.open_for_merge = false;
    }

    /// Takes back the last step if it is made of edits under `key` (a gesture that was
    /// cancelled), as if it never happened: undone, and not kept for redo, so the unsaved
    /// marker is where it was before the gesture. `None` when the last step is another's.
    pub fn abandon(&mut self, project: &mut Project, key: &Coalesce) -> Option<Replayed> {
        if self.undo.last()?.coalesce.as_ref() != Some(key) {
            return None;
        }
        let step = self.undo.pop()?;
        let (replayed, _) = self.replay(project, step, Replay::Backward)?;
        Some(replayed)
    }

    /// Undoes the last step; returns it.
    pub fn undo(&mut self, project: &mut Project) -> Option<Replayed> {
        let step = self.undo.pop()?;
        let (replayed, step) = self.replay(project, step, Replay::Backward)?;
        self.redo.push(step);
        Some(replayed)
    }

    /// Redoes the last undone step; returns it.
    pub fn redo(&mut self, project: &mut Project) -> Option<Replayed> {
        let step = self.redo.pop()?;
        let (replayed, step) = self.replay(project, step, Replay::Forward)?;
        self.undo.push(step);
        Some(replayed)
    }

    /// Applies one side of `step`; what that returns becomes its other side.
    fn replay(
        &mut self,
        project: &mut Project,
        mut step: Step,
        direction: Replay,
    ) -> Option<(Replayed, Step)> {
        self.open_for_merge = false;
        let (run, opposite) = match direction {
            Replay::Backward => (step.inverse.clone(), &mut step.forward),
            Replay::Forward => (step.forward.clone(), &mut step.inverse),
        };
        match apply(project, run) {
            Ok(reverse) => {
                *opposite = reverse;
                let replayed = Replayed {
                    label: step.label.clone(),
                    layout_only: step.forward.is_layout_only(),
                };
                Some((replayed, step))
            }
            // The history no longer fits the project; dropping it is all that is safe.
            Err(_) => {
                self.undo.clear();
                self.redo.clear();
                None
            }
        }
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Identifies the current project state: equal numbers mean equal projects.
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.state)
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}
