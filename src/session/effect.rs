//! What the session asks of the app after applying intents: things only a window can do
//! (show a notice or a dialog, ask for a file, move the view, use the clipboard, close).

use std::path::PathBuf;

use super::dialog::Dialog;
use super::files::FileAction;
use crate::model::{ItemRef, SystemId};

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// A short message for the status bar.
    Notice(String),
    Dialog(Dialog),
    /// The action waits for a path: ask for one (the system dialog, or a typed path), then
    /// send `Intent::FileConfirmed` with it. `suggested` is the current file or a name.
    AskForPath {
        action: FileAction,
        suggested: Option<PathBuf>,
    },
    /// Put the keyboard focus in the form field with this label.
    FocusField(String),
    /// Bring these systems into view.
    Frame(Vec<SystemId>),
    /// Pan, without zooming, until these systems are in view (new copies, say).
    Reveal(Vec<SystemId>),
    FitView,
    /// Zoom the canvas to 100%.
    ZoomToActualSize,
    /// Add a system in the middle of the view (only the app knows where that is).
    AddSystemInView,
    StartRename(ItemRef),
    OpenFind,
    OpenPalette,
    TogglePanel(Panel),
    CopyText(String),
    /// Put this picture on the clipboard.
    CopyImage(crate::picture::Rgba),
    /// Ask the window for the clipboard's text; it comes back as `Command::PasteText`.
    RequestPaste,
    /// A file was opened or saved: it goes to the top of Open Recent.
    Remember(PathBuf),
    /// Another project replaced the open one: view state about the old one's items goes.
    ProjectReplaced,
    /// The analysis changed: findings marks and the like are drawn anew.
    ReportChanged,
    /// Arrange this copy of the project off the UI thread, then send
    /// `Intent::Arranged` with the result and `stamp`.
    ArrangeInBackground {
        project: Box<crate::model::Project>,
        options: crate::layout::Options,
        stamp: super::Stamp,
    },
    /// Draw this copy of the project as a picture off the UI thread
    /// (`session::draw_picture`), then send `Intent::PictureDrawn` with the outcome.
    DrawPicture {
        project: Box<crate::model::Project>,
        target: super::pictures::PictureTarget,
    },
    /// The direction data flows in changed: the app remembers it for the next run.
    FlowChanged(crate::layout::Direction),
    /// Ask the window to close (it asks about unsaved changes first).
    RequestClose,
    /// Close now: unsaved changes were dealt with.
    Close,
}

/// The panels around the canvas, and the minimap over it, that can be shown and hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Inspector,
    Preview,
    Findings,
    Minimap,
}
