//! System file dialogs (rfd), run on their own thread so the window never freezes.
//!
//! Where no dialog can be shown (no desktop portal and no zenity, as under Xvfb), rfd
//! answers "cancelled" within milliseconds. A person cannot cancel that fast, so such an
//! answer is reported as `Unavailable` and the app offers its own typed-path dialog.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::session::FileAction;

/// Faster than this, a "cancel" came from rfd, not from a person.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// The dialog's answer, with the action that waited for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picked {
    pub action: FileAction,
    pub suggested: Option<PathBuf>,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Picked(PathBuf),
    Cancelled,
    Unavailable,
}

struct Running {
    action: FileAction,
    suggested: Option<PathBuf>,
    started: Instant,
    answer: Receiver<Option<PathBuf>>,
}

#[derive(Default)]
pub struct FileDialogs {
    running: Option<Running>,
}

/// The extensions File ▸ Import… offers.
pub const IMPORTABLE: &[&str] = &[
    "drawio",
    "dio",
    "xml",
    "svg",
    "dsl",
    "mmd",
    "mermaid",
    "gv",
    "dot",
    "archimate",
    "csv",
    "tsv",
    "yaml",
    "yml",
];

impl FileDialogs {
    /// Shows the system dialog that picks the path `action` waits for, attached to
    /// `parent`. `suggested` is the current file (Save As) or a file name (the prompt).
    pub fn start(
        &mut self,
        action: FileAction,
        suggested: Option<PathBuf>,
        parent: &eframe::Frame,
        ctx: &egui::Context,
    ) {
        if self.running.is_some() {
            return;
        }
        let dialog = match &action {
            FileAction::Open(_) => rfd::AsyncFileDialog::new()
                .set_title("Open project")
                .add_filter("Integration Studio project", &["ron"]),
            FileAction::SavePrompt(_) => rfd::AsyncFileDialog::new()
                .set_title("Save prompt as")
                .add_filter("Markdown", &["md"])
                .add_filter("Text", &["txt"]),
            FileAction::Import(_) | FileAction::ImportInto(_) => rfd::AsyncFileDialog::new()
                .set_title("Import a landscape")
                .add_filter(
                    "draw.io, Structurizr, Mermaid, DOT, ArchiMate, CSV, Backstage",
                    IMPORTABLE,
                )
                .add_filter("Any file", &["*"]),
            FileAction::ExportPicture(_) => rfd::AsyncFileDialog::new()
                .set_title("Export picture")
                .add_filter("PNG image", &["png"])
                .add_filter("SVG image", &["svg"]),
            FileAction::ExportText(format, _) => rfd::AsyncFileDialog::new()
                .set_title(format!("Export as {}", format.name()))
                .add_filter(format.name(), &[format.extension()]),
            _ => rfd::AsyncFileDialog::new()
                .set_title("Save project as")
                .add_filter("Integration Studio project", &["ron"]),
        };
        let dialog = with_suggestion(dialog, suggested.as_deref()).set_parent(parent);
        let opening = matches!(
            action,
            FileAction::Open(_) | FileAction::Import(_) | FileAction::ImportInto(_)
        );
        let (send, answer) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let picked = if opening {
                pollster::block_on(dialog.pick_file())
            } else {
                pollster::block_on(dialog.save_file())
            };
            let _ = send.send(picked.map(|file| file.path().to_owned()));
            ctx.request_repaint();
        });
        self.running = Some(Running {
            action,
            suggested,
            started: Instant::now(),
            answer,
        });
    }

    /// The answer, once the dialog closed.
    pub fn poll(&mut self) -> Option<Picked> {
        let running = self.running.as_ref()?;
        let outcome = match running.answer.try_recv() {
            Ok(Some(path)) => Outcome::Picked(path),
            Ok(None) if running.started.elapsed() < NO_DIALOG_WITHIN => Outcome::Unavailable,
            Ok(None) => Outcome::Cancelled,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Outcome::Unavailable,
        };
        self.running.take().map(|running| Picked {
            action: running.action,
            suggested: running.suggested,
            outcome,
        })
    }
}

/// Starts in the suggested file's folder, with its name filled in.
fn with_suggestion(
    mut dialog: rfd::AsyncFileDialog,
    suggested: Option<&Path>,
) -> rfd::AsyncFileDialog {
    let Some(path) = suggested else {
        return dialog;
    };
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        dialog = dialog.set_directory(folder);
    }
    if let Some(name) = path.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    dialog
}
