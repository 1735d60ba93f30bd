//! What widgets ask for. Widgets read the project and return intents; the session applies
//! them in one place ([`Session::apply`](super::Session::apply)), so every change goes
//! through the document's history.

use super::command::Command;
use super::files::FileAction;
use super::selection::Selection;
use crate::edit::{Coalesce, Edit, Items};

#[derive(Clone, Debug)]
pub enum Intent {
    /// Change the document. Edits with the same `coalesce` key merge into one undo step.
    Edit {
        edit: Edit,
        label: String,
        coalesce: Option<Coalesce>,
    },
    /// Add new items and select them. Their ids are placeholders: the session allocates
    /// the real ones when it applies this, so two additions in one frame never collide.
    Add {
        items: Items,
        label: String,
    },
    /// A drag or a run of typing ended: the next edit starts a new undo step.
    EndOfGesture,
    /// A gesture was cancelled: take back its edits (those under this key) without a trace.
    CancelGesture(Coalesce),
    Select(Selection),
    /// Put the keyboard focus in the form field with this label (and open its panel).
    FocusField(String),
    Run(Command),
    /// A file action the user asked for: unsaved changes are asked about first.
    File(FileAction),
    /// A file action to carry out now: the user already said what to do with unsaved
    /// changes, or picked the path it was waiting for.
    FileConfirmed(FileAction),
    /// Save, then carry out the action (the unsaved-changes dialog's Save).
    SaveThen(FileAction),
    /// A picture drawn off the UI thread (File ▸ Export ▸ Picture, Copy as Picture).
    PictureDrawn(super::pictures::PictureOutcome),
    /// An arrangement computed off the UI thread for the document as `stamp` says.
    Arranged {
        arrangement: crate::layout::Arrangement,
        only: Option<std::collections::BTreeSet<crate::model::SystemId>>,
        stamp: super::Stamp,
    },
}

impl Intent {
    pub fn edit(edit: Edit, label: impl Into<String>) -> Self {
        Intent::Edit {
            edit,
            label: label.into(),
            coalesce: None,
        }
    }

    pub fn merging(edit: Edit, label: impl Into<String>, coalesce: Coalesce) -> Self {
        Intent::Edit {
            edit,
            label: label.into(),
            coalesce: Some(coalesce),
        }
    }

    /// Selects `selection` and brings it into view: what "show me" means everywhere.
    pub fn show(selection: Selection) -> [Intent; 2] {
        [
            Intent::Select(selection),
            Intent::Run(Command::FrameSelection),
        ]
    }
}
