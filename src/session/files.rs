//! File actions: new, open, revert, save, save as, save the prompt, export, import, quit. One enum names
//! each action from the menu to the dialog that asks about unsaved changes, the dialog
//! that asks for a path, and the file it finally reads or writes. On any failure the open
//! project stays as it was.

use std::path::{Path, PathBuf};

use super::Session;
use super::dialog::Dialog;
use super::effect::Effect;
use crate::edit::Document;
use crate::export::TextFormat;
use crate::io;
use crate::model::Project;

/// A file action. `None` for a path means "not chosen yet": the session asks for one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileAction {
    New,
    Open(Option<PathBuf>),
    /// Reload the saved file, dropping the changes since.
    Revert,
    /// To the project's file, or as Save As when it has none.
    Save,
    SaveAs(Option<PathBuf>),
    SavePrompt(Option<PathBuf>),
    /// A picture of the landscape, SVG or PNG by the file's extension.
    ExportPicture(Option<PathBuf>),
    /// The landscape as text in another tool's format.
    ExportText(TextFormat, Option<PathBuf>),
    /// Another tool's file as a new, unsaved project.
    Import(Option<PathBuf>),
    /// Another tool's file added to this project.
    ImportInto(Option<PathBuf>),
    Quit,
}

impl FileAction {
    /// Whether carrying it out drops the open project, and with it unsaved changes.
    pub fn replaces_project(&self) -> bool {
        matches!(
            self,
            FileAction::New
                | FileAction::Open(_)
                | FileAction::Import(_)
                | FileAction::Revert
                | FileAction::Quit
        )
    }

    /// A project file opens; any other file is another tool's, imported as a new project.
    pub fn open_or_import(path: PathBuf) -> FileAction {
        let is_project = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        if is_project {
            FileAction::Open(Some(path))
        } else {
            FileAction::Import(Some(path))
        }
    }

    /// The same action with its path chosen.
    pub fn with_path(self, path: PathBuf) -> FileAction {
        match self {
            FileAction::Open(_) => FileAction::Open(Some(path)),
            FileAction::SaveAs(_) | FileAction::Save => FileAction::SaveAs(Some(path)),
            FileAction::SavePrompt(_) => FileAction::SavePrompt(Some(path)),
            FileAction::ExportPicture(_) => FileAction::ExportPicture(Some(path)),
            FileAction::ExportText(format, _) => FileAction::ExportText(format, Some(path)),
            FileAction::Import(_) => FileAction::Import(Some(path)),
            FileAction::ImportInto(_) => FileAction::ImportInto(Some(path)),
            other => other,
        }
    }
}

impl Session {
    /// Carries out `action`, or first asks what to do with unsaved changes.
    pub(super) fn file(&mut self, action: FileAction, effects: &mut Vec<Effect>) {
        if action.replaces_project() && self.document.is_dirty() {
            effects.push(Effect::Dialog(Dialog::UnsavedChanges(action)));
        } else {
            self.carry_out(action, effects);
        }
    }

    pub(super) fn carry_out(&mut self, action: FileAction, effects: &mut Vec<Effect>) {
        match action {
            FileAction::New => {
                self.replace_document(Document::new(Project::new("Untitled landscape")), effects)
            }
            FileAction::Open(Some(path)) => self.open(&path, effects),
            FileAction::Revert => match self.document.path.clone() {
                Some(path) => self.open(&path, effects),
                None => effects.push(Effect::Notice(
                    "This project has not been saved yet: there is nothing to revert to".into(),
                )),
            },
            FileAction::Save => match self.document.path.clone() {
                Some(path) => {
                    self.save_to(&path, effects);
                }
                None => self.ask_for_path(FileAction::SaveAs(None), effects),
            },
            FileAction::SaveAs(Some(path)) => {
                self.save_to(&path, effects);
            }
            FileAction::SavePrompt(Some(path)) => self.save_prompt_to(&path, effects),
            FileAction::ExportPicture(Some(path)) => self.export_picture_to(&path, effects),
            FileAction::ExportText(format, Some(path)) => {
                self.export_text_to(format, &path, effects)
            }
            FileAction::Import(Some(path)) => self.import_new(&path, effects),
            FileAction::ImportInto(Some(path)) => self.import_into(&path, effects),
            FileAction::Quit => effects.push(Effect::Close),
            waiting @ (FileAction::Open(None)
            | FileAction::SaveAs(None)
            | FileAction::SavePrompt(None)
            | FileAction::ExportPicture(None)
            | FileAction::ExportText(_, None)
            | FileAction::Import(None)
            | FileAction::ImportInto(None)) => self.ask_for_path(waiting, effects),
        }
    }

    /// The unsaved-changes dialog's Save: save, then go on with `action` if that worked.
    pub(super) fn save_then(&mut self, action: FileAction, effects: &mut Vec<Effect>) {
        match self.document.path.clone() {
            Some(path) => {
                if self.save_to(&path, effects) {
                    self.carry_out(action, effects);
                }
            }
            // Nowhere to save yet: ask for a path; the action is dropped, as the user may
            // still cancel that.
            None => self.ask_for_path(FileAction::SaveAs(None), effects),
        }
    }

    fn ask_for_path(&self, action: FileAction, effects: &mut Vec<Effect>) {
        let suggested = match action {
            FileAction::SaveAs(_) => self.document.path.clone(),
            FileAction::SavePrompt(_) => Some(PathBuf::from(format!(
                "{}.md",
                file_stem(&self.document.project().name)
            ))),
            // Beside the project file, named after it; PNG is what slides take.
            FileAction::ExportPicture(_) => Some(match &self.document.path {
                Some(path) => path.with_extension("png"),
                None => PathBuf::from(format!("{}.png", file_stem(&self.document.project().name))),
            }),
            FileAction::ExportText(format, _) => Some(match &self.document.path {
                Some(path) => path.with_file_name(format.suggested_name(&path_stem(path))),
                None => {
                    PathBuf::from(format.suggested_name(&file_stem(&self.document.project().name)))
                }
            }),
            _ => None,
        };
        effects.push(Effect::AskForPath { action, suggested });
    }

    /// Opens `path`. On any error the current project stays exactly as it was.
    fn open(&mut self, path: &Path, effects: &mut Vec<Effect>) {
        match io::load(path) {
            Ok(loaded) => {
                let document = Document::opened(loaded.project, path.to_owned());
                self.replace_document(document, effects);
                effects.push(Effect::Remember(path.to_owned()));
                effects.push(Effect::Notice(format!("Opened {}", path.display())));
                if !loaded.problems.is_empty() {
                    let dialog = Dialog::problems_on_open(path, &loaded.problems);
                    effects.push(Effect::Dialog(dialog));
                }
            }
            Err(error) => effects.push(Effect::Dialog(Dialog::load_error(&error))),
        }
    }

    /// Saves to `path`; returns whether it worked. On failure the file on disk is unchanged.
    fn save_to(&mut self, path: &Path, effects: &mut Vec<Effect>) -> bool {
        match io::save(self.document.project(), path) {
            Ok(()) => {
                let before = self.document.path.clone();
                self.document.mark_saved(path.to_owned());
                self.copies.renamed(&before, &self.document.path);
                effects.push(Effect::Remember(path.to_owned()));
                effects.push(Effect::Notice(format!("Saved {}", path.display())));
                true
            }
            Err(error) => {
                effects.push(Effect::Dialog(Dialog::Error {
                    title: "The project could not be saved".into(),
                    detail: error.to_string(),
                }));
                false
            }
        }
    }

    /// Writes the prompt as shown in the preview; atomically, like a project.
    fn save_prompt_to(&mut self, path: &Path, effects: &mut Vec<Effect>) {
        let Some(text) = self.prompt().text() else {
            return;
        };
        match io::write_atomically(path, text.as_bytes(), false) {
            Ok(()) => effects.push(Effect::Notice(format!(
                "Saved the prompt to {}",
                path.display()
            ))),
            Err(error) => effects.push(Effect::Dialog(Dialog::Error {
                title: "The prompt could not be saved".into(),
                detail: error.to_string(),
            })),
        }
    }
}

fn path_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "landscape".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
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
