//! The dialogs the session asks for, as data. The app draws them (`ui::dialogs`) and turns
//! the user's answer into intents.

use crate::io;
use crate::model::ItemRef;

use super::files::FileAction;

#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// The action would lose unsaved changes: save, discard, or cancel.
    UnsavedChanges(FileAction),
    /// The app's own path field, for where no system file dialog can be shown.
    Path {
        action: FileAction,
        text: String,
        /// Why the app asks itself, e.g. that no system dialog is available.
        note: Option<String>,
    },
    Error {
        title: String,
        detail: String,
    },
    /// A project opened, but parts of it don't fit together (a connection to a system
    /// that is not there, a duplicate id…). Each problem can be shown on the canvas.
    Problems {
        title: String,
        problems: Vec<ListedProblem>,
    },
    /// What an import did: its summary, and every skip, guess, merge and problem with its
    /// place in the source. `text` is the whole report, for Copy.
    ImportReport {
        title: String,
        lines: Vec<ListedProblem>,
        text: String,
    },
}

/// One problem of an opened file, as the Problems dialog lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ListedProblem {
    /// "line 12, column 5", or the place in the model when the line is not known.
    pub place: String,
    pub message: String,
    pub subject: ItemRef,
}

impl Dialog {
    pub fn load_error(error: &io::LoadError) -> Dialog {
        Dialog::Error {
            title: "The project could not be opened".into(),
            detail: format!(
                "{}\n\nThe project you had open is unchanged.",
                error.report()
            ),
        }
    }

    /// The problems of a file that opened, each with its line and column.
    pub fn problems_on_open(path: &std::path::Path, problems: &[io::Problem]) -> Dialog {
        let file = path
            .file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy();
        let count = crate::words::count(problems.len(), "problem");
        Dialog::problems(format!("{file} opened with {count}"), problems)
    }

    /// Problems listed with where they are: a line and column when known, else the place
    /// in the model (`connections[4].to`).
    pub fn problems(title: String, problems: &[io::Problem]) -> Dialog {
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
}
