//! System file dialogs (rfd), run on their own thread so the window never freezes.
//!
//! Where no dialog can be shown (no desktop portal and no zenity, as under Xvfb), rfd
//! answers "cancelled" within milliseconds. A person cannot cancel that fast, so such an
//! answer is reported as `Unavailable` and the app offers its own typed-path dialog.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// Faster than this, a "cancel" came from rfd, not from a person.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRequest {
    OpenProject,
    SaveProjectAs { current: Option<PathBuf> },
    SavePromptAs { file_name: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Picked(PathBuf),
    Cancelled,
    Unavailable,
}

struct Running {
    request: FileRequest,
    started: Instant,
    answer: Receiver<Option<PathBuf>>,
}

#[derive(Default)]
pub struct FileDialogs {
    running: Option<Running>,
}

impl FileDialogs {
    pub fn is_open(&self) -> bool {
        self.running.is_some()
    }

    /// Shows the system dialog for `request`, attached to `parent`.
    pub fn start(&mut self, request: FileRequest, parent: &eframe::Frame, ctx: &egui::Context) {
        if self.running.is_some() {
            return;
        }
        let dialog = match &request {
            FileRequest::OpenProject => rfd::AsyncFileDialog::new()
                .set_title("Open project")
                .add_filter("Integration Studio project", &["ron"]),
            FileRequest::SaveProjectAs { current } => {
                let mut dialog = rfd::AsyncFileDialog::new()
                    .set_title("Save project as")
                    .add_filter("Integration Studio project", &["ron"]);
                if let Some(path) = current {
                    if let Some(folder) = path.parent() {
                        dialog = dialog.set_directory(folder);
                    }
                    if let Some(name) = path.file_name() {
                        dialog = dialog.set_file_name(name.to_string_lossy());
                    }
                }
                dialog
            }
            FileRequest::SavePromptAs { file_name } => rfd::AsyncFileDialog::new()
                .set_title("Save prompt as")
                .add_filter("Markdown", &["md"])
                .add_filter("Text", &["txt"])
                .set_file_name(file_name.as_str()),
        }
        .set_parent(parent);
        let opening = matches!(request, FileRequest::OpenProject);
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
            request,
            started: Instant::now(),
            answer,
        });
    }

    /// The answer, once the dialog closed.
    pub fn poll(&mut self) -> Option<(FileRequest, Outcome)> {
        let running = self.running.as_ref()?;
        let outcome = match running.answer.try_recv() {
            Ok(Some(path)) => Outcome::Picked(path),
            Ok(None) if running.started.elapsed() < NO_DIALOG_WITHIN => Outcome::Unavailable,
            Ok(None) => Outcome::Cancelled,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Outcome::Unavailable,
        };
        self.running
            .take()
            .map(|running| (running.request, outcome))
    }
}
