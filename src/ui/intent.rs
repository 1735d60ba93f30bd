//! What widgets ask for. Widgets read the project and return intents; the app applies them
//! in one place (`App::apply_intents`), so every change goes through the document's history.

use super::commands::Command;
use super::selection::Selection;
use crate::edit::{Coalesce, Edit};

#[derive(Clone, Debug)]
pub enum Intent {
    /// Change the document. Edits with the same `coalesce` key merge into one undo step.
    Edit {
        edit: Edit,
        label: String,
        coalesce: Option<Coalesce>,
    },
    /// A drag or a run of typing ended: the next edit starts a new undo step.
    EndOfGesture,
    /// A gesture was cancelled: take back its edits (those under this key) without a trace.
    CancelGesture(Coalesce),
    Select(Selection),
    /// Put the keyboard focus in the form field with this label (and open its panel).
    FocusField(String),
    Run(Command),
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
