//! A source text being imported: where each byte offset is as line and column, and the
//! error for text that cannot be parsed, with the lines around the spot.

use std::path::{Path, PathBuf};

use super::error::ImportError;
use super::report::Place;
use crate::io::TextPosition;

/// Sources larger than this are refused before they are read: no landscape is this big,
/// and a file that is would take the memory the rest of the machine needs.
pub const LARGEST_SOURCE: u64 = 256 * 1024 * 1024;

pub struct Source {
    pub path: PathBuf,
    pub text: String,
    /// The archive the text was unpacked from, when it was (a zipped Archi model).
    pub archive: Option<Archive>,
    line_starts: Vec<usize>,
}

/// Where an unpacked source came from; its path is the archive's joined with the entry's.
#[derive(Clone, Debug)]
pub struct Archive {
    pub path: PathBuf,
    /// The entry that was read.
    pub entry: String,
    /// The other entries, which were not read, in the archive's order.
    pub unread: Vec<String>,
}

impl Archive {
    /// The report's line about what was read from the archive and what was not.
    pub fn note(&self) -> String {
        let mut note = format!("the model is “{}” in this zip archive", self.entry);
        if let Some(first) = self.unread.first() {
            let more = match self.unread.len() - 1 {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            note.push_str(&format!(
                "; {} not read (“{first}”{more}): images are not landscape data",
                crate::words::count(self.unread.len(), "other file"),
            ));
        }
        note
    }
}

impl Source {
    pub fn new(path: &Path, text: String) -> Source {
        // A byte-order mark is not text: columns count from after it.
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Source {
            path: path.to_owned(),
            text,
            archive: None,
            line_starts,
        }
    }

    /// Reads a file as UTF-8 text, refusing what is too big or not text.
    pub fn read(path: &Path) -> Result<Source, ImportError> {
        Source::from_bytes(path, Source::read_bytes(path)?)
    }

    /// Reads a file's bytes, refusing a folder or what is too big.
    pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
        let read_error = |reason: String| ImportError::Read {
            path: path.to_owned(),
            reason,
        };
        let metadata = std::fs::metadata(path).map_err(|e| read_error(describe(&e)))?;
        if metadata.is_dir() {
            return Err(read_error(
                "this is a folder; give a file (only a Backstage catalog is read from a folder)"
                    .to_owned(),
            ));
        }
        if metadata.len() > LARGEST_SOURCE {
            return Err(read_error(format!(
                "the file is {} MB; sources larger than {} MB are not imported",
                metadata.len() / (1024 * 1024),
                LARGEST_SOURCE / (1024 * 1024)
            )));
        }
        std::fs::read(path).map_err(|e| read_error(describe(&e)))
    }

    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Source, ImportError> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source::new(path, text)),
            Err(error) => {
                let valid = error.utf8_error().valid_up_to();
                let bytes = error.into_bytes();
                let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
                let source = Source::new(path, text);
                Err(source.error_at(
                    valid,
                    "this is not UTF-8 text (save the file as UTF-8 and import it again)",
                ))
            }
        }
    }

    pub fn position(&self, offset: usize) -> TextPosition {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        TextPosition { line, column }
    }

    pub fn place(&self, offset: usize) -> Place {
        let TextPosition { line, column } = self.position(offset);
        Place {
            file: self.path.clone(),
            line,
            column,
        }
    }

    /// The place of a 1-based line and column that a parser library reported.
    pub fn place_at(&self, line: usize, column: usize) -> Place {
        Place {
            file: self.path.clone(),
            line,
            column,
        }
    }

    /// The byte offset of a 1-based line and column (columns in characters).
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(column.saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    /// A parse error at a byte offset, with a snippet of the lines around it.
    pub fn error_at(&self, offset: usize, message: &str) -> ImportError {
        let position = self.position(offset);
        let end = TextPosition {
            line: position.line,
            column: position.column + 1,
        };
        ImportError::Parse {
            path: self.path.clone(),
            position,
            message: message.to_owned(),
            report: crate::io::snippet_report(&self.text, &self.path, message, position, end),
        }
    }
}

fn describe(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file; check the path".to_owned(),
        ErrorKind::PermissionDenied => "permission denied; check the file's permissions".to_owned(),
        _ => format!("cannot be read: {error}"),
    }
}
