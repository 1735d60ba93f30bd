//! Files: opening, saving, the unsaved-changes question, file dialogs and typed paths,
//! dropped files and closing the window. On any failure the open project stays as it was.

use std::path::Path;

use egui::ViewportCommand;

use super::{RECENT_FILES, StudioApp};
use crate::edit::Document;
use crate::io;
use crate::model::Project;
use crate::ui::commands::Command;
use crate::ui::dialogs::{Choice, Dialog, ListedProblem, PathPurpose, Pending};
use crate::ui::file_dialogs::{FileRequest, Outcome};
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;

impl StudioApp {
    /// Runs `pending` now, or first asks what to do with unsaved changes.
    pub(super) fn unless_unsaved(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.document.is_dirty() {
            self.dialog = Some(Dialog::UnsavedChanges(pending));
        } else {
            self.carry_out(ctx, pending);
        }
    }

    fn carry_out(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::NewProject => {
                self.replace_document(Document::new(Project::new("Untitled landscape")))
            }
            Pending::OpenFile => self.ask_for_path(PathPurpose::Open),
            Pending::OpenPath(path) => self.open(ctx, &path),
            Pending::Revert => {
                if let Some(path) = self.document.path.clone() {
                    self.open(ctx, &path);
                }
            }
            Pending::Quit => {
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    pub(super) fn on_dialog_choice(&mut self, ctx: &egui::Context, choice: Choice) {
        match choice {
            Choice::Dismiss => {}
            Choice::DiscardThen(pending) => self.carry_out(ctx, pending),
            Choice::SaveThen(pending) => match self.document.path.clone() {
                Some(path) => {
                    if self.save_to(ctx, &path) {
                        self.carry_out(ctx, pending);
                    }
                }
                // Nowhere to save yet: ask for a path; the pending action is dropped, as
                // the user may still cancel that.
                None => self.ask_for_path(PathPurpose::SaveAs),
            },
            Choice::Open(path) => self.open(ctx, &path),
            Choice::SaveTo(path) => {
                self.save_to(ctx, &path);
            }
            Choice::SavePromptTo(path) => self.save_prompt_to(ctx, &path),
            Choice::Show(item) => {
                self.apply_intents(ctx, Intent::show(Selection::only(item)).into())
            }
        }
    }

    pub(super) fn ask_for_path(&mut self, purpose: PathPurpose) {
        self.wanted_file = Some(match purpose {
            PathPurpose::Open => FileRequest::OpenProject,
            PathPurpose::SaveAs => FileRequest::SaveProjectAs {
                current: self.document.path.clone(),
            },
            PathPurpose::SavePrompt => FileRequest::SavePromptAs {
                file_name: format!("{}.md", file_stem(&self.document.project().name)),
            },
        });
    }

    /// Opens the system dialog for the wanted file, or the typed-path dialog without one.
    pub(super) fn ask_for_wanted_file(
        &mut self,
        ctx: &egui::Context,
        window: Option<&eframe::Frame>,
    ) {
        let Some(request) = self.wanted_file.take() else {
            return;
        };
        match window {
            Some(window) if !self.file_dialogs.is_open() => {
                self.file_dialogs.start(request, window, ctx);
            }
            Some(_) => {}
            None => self.type_a_path(request, None),
        }
    }

    pub(super) fn on_file_dialog(
        &mut self,
        ctx: &egui::Context,
        request: FileRequest,
        outcome: Outcome,
    ) {
        match outcome {
            Outcome::Cancelled => {}
            Outcome::Unavailable => self.type_a_path(
                request,
                Some("No system file dialog is available here; type the path instead.".into()),
            ),
            Outcome::Picked(path) => match request {
                FileRequest::OpenProject => self.open(ctx, &path),
                FileRequest::SaveProjectAs { .. } => {
                    self.save_to(ctx, &path);
                }
                FileRequest::SavePromptAs { .. } => self.save_prompt_to(ctx, &path),
            },
        }
    }

    /// The app's own path dialog, for when no system dialog can be shown.
    fn type_a_path(&mut self, request: FileRequest, note: Option<String>) {
        let (purpose, text) = match request {
            FileRequest::OpenProject => (PathPurpose::Open, String::new()),
            FileRequest::SaveProjectAs { current } => (
                PathPurpose::SaveAs,
                current.map(|p| p.display().to_string()).unwrap_or_default(),
            ),
            FileRequest::SavePromptAs { file_name } => (PathPurpose::SavePrompt, file_name),
        };
        self.dialog = Some(Dialog::Path {
            purpose,
            text,
            note,
        });
    }

    /// Writes the prompt as shown in the preview; atomically, like a project.
    fn save_prompt_to(&mut self, ctx: &egui::Context, path: &Path) {
        let Ok(prompt) = &self.prompt.prompt else {
            return;
        };
        match io::write_atomically(path, prompt.text.as_bytes(), false) {
            Ok(()) => self.notify(ctx, format!("Saved the prompt to {}", path.display())),
            Err(error) => {
                self.dialog = Some(Dialog::Error {
                    title: "The prompt could not be saved".into(),
                    detail: error.to_string(),
                });
            }
        }
    }

    /// Opens `path`. On any error the current project stays exactly as it was.
    pub fn open(&mut self, ctx: &egui::Context, path: &Path) {
        match io::load(path) {
            Ok(loaded) => {
                self.replace_document(Document::opened(loaded.project, path.to_owned()));
                self.remember(path);
                self.notify(ctx, format!("Opened {}", path.display()));
                if !loaded.problems.is_empty() {
                    self.dialog = Some(problems_on_open(path, &loaded.problems));
                }
            }
            Err(error) => self.dialog = Some(load_error(&error)),
        }
    }

    /// Saves to `path`; returns whether it worked. On failure the file on disk is unchanged.
    pub fn save_to(&mut self, ctx: &egui::Context, path: &Path) -> bool {
        match io::save(self.document.project(), path) {
            Ok(()) => {
                self.document.mark_saved(path.to_owned());
                self.remember(path);
                self.notify(ctx, format!("Saved {}", path.display()));
                true
            }
            Err(error) => {
                self.dialog = Some(Dialog::Error {
                    title: "The project could not be saved".into(),
                    detail: error.to_string(),
                });
                false
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.preferences.recent_files.retain(|p| p != &path);
        self.preferences.recent_files.insert(0, path.clone());
        self.preferences.recent_files.truncate(RECENT_FILES);
        self.preferences.last_project = Some(path);
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context, intents: &mut Vec<Intent>) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if let Some(path) = dropped
            .iter()
            .map(|f| f.path().to_owned())
            .find(|p| !p.as_os_str().is_empty())
        {
            intents.push(Intent::Run(Command::OpenPath(path)));
        }
    }

    /// Asks before a window with unsaved changes closes. `CancelClose` must go out in the
    /// same frame that saw the request.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.allowed_to_close && self.document.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::UnsavedChanges(Pending::Quit));
        }
    }
}

/// A file name made from a project name, without characters file systems refuse.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .collect();
    if stem.is_empty() {
        "prompt".to_owned()
    } else {
        stem
    }
}

pub(super) fn load_error(error: &io::LoadError) -> Dialog {
    Dialog::Error {
        title: "The project could not be opened".into(),
        detail: format!(
            "{}\n\nThe project you had open is unchanged.",
            error.report()
        ),
    }
}

/// The problems of a file that opened, each with its line and column.
pub(super) fn problems_on_open(path: &Path, problems: &[io::Problem]) -> Dialog {
    let file = path
        .file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy();
    let count = crate::words::count(problems.len(), "problem");
    problems_dialog(format!("{file} opened with {count}"), problems)
}

/// Problems listed with where they are: a line and column when known, else the place in
/// the model (`connections[4].to`).
pub(super) fn problems_dialog(title: String, problems: &[io::Problem]) -> Dialog {
    Dialog::Problems {
        title,
        problems: problems
            .iter()
            .map(|problem| ListedProblem {
                place: match problem.position {
                    Some(at) => format!("line {}, column {}", at.line, at.column),
                    None => problem.path.clone(),
                },
                message: problem.to_string(),
                subject: problem.subject,
            })
            .collect(),
    }
}
