//! What the window brings about files: answers from the system file dialog, dropped
//! files, and the request to close.

use std::path::PathBuf;

use egui::ViewportCommand;

use super::StudioApp;
use crate::session::{Dialog, FileAction, Intent};
use crate::ui::dialogs::ShownDialog;
use crate::ui::file_dialogs::{Outcome, Picked};

impl StudioApp {
    /// The system dialog's answer as intents: the waiting action with its path, or the
    /// typed-path dialog where no system dialog could be shown.
    pub(super) fn on_file_dialog(&mut self, picked: Picked) -> Option<Intent> {
        let Picked {
            action,
            suggested,
            outcome,
        } = picked;
        match outcome {
            Outcome::Cancelled => None,
            Outcome::Unavailable => {
                let note = "No system file dialog is available here; type the path instead.";
                self.type_a_path(action, suggested, Some(note.into()));
                None
            }
            Outcome::Picked(path) => Some(Intent::FileConfirmed(action.with_path(path))),
        }
    }

    /// The app's own path dialog, for where no system dialog can be shown.
    pub(super) fn type_a_path(
        &mut self,
        action: FileAction,
        suggested: Option<PathBuf>,
        note: Option<String>,
    ) {
        let text = suggested
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.dialog = Some(ShownDialog::new(Dialog::Path { action, text, note }));
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context, intents: &mut Vec<Intent>) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if let Some(path) = dropped
            .iter()
            .map(|f| f.path().to_owned())
            .find(|p| !p.as_os_str().is_empty())
        {
            intents.push(Intent::File(FileAction::open_or_import(path)));
        }
    }

    /// Asks before a window with unsaved changes closes. `CancelClose` must go out in the
    /// same frame that saw the request.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context, intents: &mut Vec<Intent>) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.allowed_to_close && self.session.document().is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            intents.push(Intent::File(FileAction::Quit));
        }
    }
}
