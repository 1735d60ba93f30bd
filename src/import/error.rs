//! Why an import could not produce a project. Nothing is written and the open project is
//! untouched when one of these comes back.

use std::fmt;
use std::path::PathBuf;

use crate::io::TextPosition;

#[derive(Debug, Clone)]
pub enum ImportError {
    /// The source could not be read at all.
    Read { path: PathBuf, reason: String },
    /// The source is not valid text of its format.
    Parse {
        path: PathBuf,
        position: TextPosition,
        message: String,
        /// The lines around the spot with a marker under it, ready to print.
        report: String,
    },
    /// The format could not be told from the file, or it was asked for something it lacks.
    Unsupported { path: PathBuf, reason: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Read { path, reason } | ImportError::Unsupported { path, reason } => {
                write!(f, "{}: {reason}", path.display())
            }
            ImportError::Parse {
                path,
                position,
                message,
                ..
            } => write!(f, "{}:{position}: {message}", path.display()),
        }
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// The whole error for a terminal, starting with `error:`, with a snippet for a parse
    /// error.
    pub fn report(&self) -> String {
        match self {
            ImportError::Parse { report, .. } if !report.is_empty() => report.clone(),
            _ => format!("error: {self}"),
        }
    }

    pub fn position(&self) -> Option<TextPosition> {
        match self {
            ImportError::Parse { position, .. } => Some(*position),
            _ => None,
        }
    }
}
