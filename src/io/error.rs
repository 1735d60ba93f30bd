//! What can go wrong reading or writing a project file, said so a person can act on it.

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// A place in a text file: 1-based line, and 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct TextPosition {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for TextPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A file could not be turned into a project. The current project, if any, is untouched.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{}: {reason}", path.display())]
    Read { path: PathBuf, reason: String },
    /// The text is not a valid project: bad syntax, a wrong type, an unknown field or value.
    #[error("{}:{position}: {message}", path.display())]
    Parse {
        path: PathBuf,
        position: TextPosition,
        message: String,
        /// The offending lines with a marker under the spot, ready to print.
        report: String,
    },
    /// The file says it was written by a newer Integration Studio.
    #[error(
        "{}:{position}: written by a newer Integration Studio (format version {found}; this \
         version reads up to {supported}). Update Integration Studio to open it; the file \
         was not changed.",
        path.display()
    )]
    NewerVersion {
        path: PathBuf,
        position: TextPosition,
        found: u64,
        supported: u32,
    },
    /// The file names a format version that never existed.
    #[error(
        "{}:{position}: unknown format version {found}; Integration Studio project files \
         have versions 1 to {supported}.",
        path.display()
    )]
    UnknownVersion {
        path: PathBuf,
        position: TextPosition,
        found: u64,
        supported: u32,
    },
}

impl LoadError {
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Read { path, .. }
            | LoadError::Parse { path, .. }
            | LoadError::NewerVersion { path, .. }
            | LoadError::UnknownVersion { path, .. } => path,
        }
    }

    /// Where in the file the problem is, when it is in the file at all.
    pub fn position(&self) -> Option<TextPosition> {
        match self {
            LoadError::Read { .. } => None,
            LoadError::Parse { position, .. }
            | LoadError::NewerVersion { position, .. }
            | LoadError::UnknownVersion { position, .. } => Some(*position),
        }
    }

    /// The whole error for a terminal, starting with `error:`; a parse error also shows
    /// the lines around the problem with a marker under it.
    pub fn report(&self) -> String {
        match self {
            LoadError::Parse { report, .. } if !report.is_empty() => report.clone(),
            _ => format!("error: {self}"),
        }
    }

    /// A message for a file that could not be read, saying what to do about it.
    pub fn from_io(path: &Path, error: &std::io::Error) -> Self {
        LoadError::Read {
            path: path.to_owned(),
            reason: describe_read_failure(error),
        }
    }
}

fn describe_read_failure(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => {
            "no such file. Check the path; `integration-studio example` lists projects to start from."
                .to_owned()
        }
        ErrorKind::PermissionDenied => {
            "permission denied. Check the file's permissions, or copy it somewhere you can read."
                .to_owned()
        }
        ErrorKind::IsADirectory => {
            "this is a folder, not a project file. Give the path of a .ron file.".to_owned()
        }
        _ => format!("cannot be read: {error}"),
    }
}

/// A project could not be written. The file on disk is exactly as it was before.
#[derive(Debug, Clone, thiserror::Error)]
#[error("cannot save {}: {step}: {reason}. The file on disk was not changed.", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    /// What was being done, e.g. "creating a temporary file in the same folder".
    pub step: &'static str,
    pub reason: String,
}

impl SaveError {
    pub(crate) fn new(path: &Path, step: &'static str, error: &std::io::Error) -> Self {
        SaveError {
            path: path.to_owned(),
            step,
            reason: error.to_string(),
        }
    }
}

/// Renders the lines around `start..end` with a marker under them, like a compiler does.
/// Only a few lines around the spot are handed to the renderer, each cut to a readable
/// width around the marker, so a huge file or a 20 MB line stays cheap.
pub(crate) fn snippet_report(
    text: &str,
    path: &Path,
    message: &str,
    start: TextPosition,
    end: TextPosition,
) -> String {
    const CONTEXT_LINES: usize = 2;
    let first_line = start.line.saturating_sub(CONTEXT_LINES).max(1);
    let from = byte_offset_of_line(text, first_line);
    let lines = text[from..].lines().take(start.line + 1 - first_line);

    let mut window = String::new();
    let mut marker = 0..0;
    for (number, line) in (first_line..).zip(lines) {
        if !window.is_empty() {
            window.push('\n');
        }
        let focus = if number == start.line {
            start.column.saturating_sub(1)
        } else {
            0
        };
        let (shown, focus_in_shown) = clip_line(line, focus);
        if number == start.line {
            let width = if end.line == start.line {
                end.column.saturating_sub(start.column).max(1)
            } else {
                1
            };
            let begin = byte_index_of_char(&shown, focus_in_shown);
            let finish = byte_index_of_char(&shown, focus_in_shown + width);
            marker = window.len() + begin..window.len() + finish;
        }
        window.push_str(&shown);
    }
    if marker.start == 0 && marker.end == 0 && !window.is_empty() && start.line > first_line {
        // The position lies past the last line (an error at the very end of the file).
        marker = window.len()..window.len();
    }
    let report = &[Level::ERROR.primary_title(message).element(
        Snippet::source(&window)
            .line_start(first_line)
            .annotation(AnnotationKind::Primary.span(marker)),
    )];
    let rendered = Renderer::plain().render(report).to_string();
    // The renderer would count columns in the clipped window; the real place goes here.
    let (title, snippet) = rendered.split_once('\n').unwrap_or((&rendered, ""));
    let gutter = " ".repeat(start.line.max(end.line).to_string().len());
    format!("{title}\n{gutter}--> {}:{start}\n{snippet}", path.display())
}

/// At most this many characters of one line are shown.
const MAX_SHOWN_CHARS: usize = 160;

/// Cuts a long line to a window around character `focus`, marking cuts with "…". Returns
/// the shown text and where `focus` is in it (in characters).
fn clip_line(line: &str, focus: usize) -> (String, usize) {
    // Cheap bound first: a line of few bytes has few characters.
    if line.len() <= MAX_SHOWN_CHARS {
        let count = line.chars().count();
        return (line.to_owned(), focus.min(count));
    }
    let count = line.chars().count();
    let focus = focus.min(count);
    if count <= MAX_SHOWN_CHARS {
        return (line.to_owned(), focus);
    }
    let first = focus
        .saturating_sub(MAX_SHOWN_CHARS / 2)
        .min(count - MAX_SHOWN_CHARS);
    let last = first + MAX_SHOWN_CHARS;
    let mut shown = String::new();
    if first > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(first).take(MAX_SHOWN_CHARS));
    if last < count {
        shown.push('…');
    }
    (shown, focus - first + usize::from(first > 0))
}

/// Byte index of character `index` in `text`, or the length past the end.
fn byte_index_of_char(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(i, _)| i)
}

/// Byte offset where 1-based `line` starts, or the text length past the end.
fn byte_offset_of_line(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map(|(i, _)| i + 1)
        .unwrap_or(text.len())
}

/// The position just past `byte_offset`, counted the way ron counts (characters).
pub(crate) fn position_at(text: &str, byte_offset: usize) -> TextPosition {
    let mut end = byte_offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    TextPosition {
        line,
        column: 1 + before[line_start..].chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_shows_the_line_and_a_marker() {
        let text = "(\n    name: \"a\",\n    nmae: \"b\",\n)\n";
        let at = TextPosition { line: 3, column: 5 };
        let until = TextPosition { line: 3, column: 9 };
        let report = snippet_report(text, Path::new("p.ron"), "unknown field", at, until);
        assert!(report.contains("p.ron:3:5"), "{report}");
        assert!(report.contains("nmae: \"b\""), "{report}");
        assert!(report.contains("^^^^"), "{report}");
    }

    #[test]
    fn snippet_survives_positions_past_the_end() {
        let at = TextPosition {
            line: 9,
            column: 40,
        };
        let report = snippet_report("(", Path::new("p.ron"), "eof", at, at);
        assert!(report.contains("eof"), "{report}");
    }

    #[test]
    fn snippet_marks_multibyte_characters_and_cuts_long_lines() {
        let report = snippet_report("\u{feff}(", Path::new("p.ron"), "bom", pos(1, 1), pos(1, 1));
        assert!(report.contains("^"), "{report}");
        let long = format!("({}nmae: 1)", " ".repeat(100_000));
        let at = pos(1, 100_002);
        let report = snippet_report(&long, Path::new("p.ron"), "unknown", at, pos(1, 100_006));
        assert!(
            report.contains("p.ron:1:100002") && report.contains("nmae"),
            "{report}"
        );
        assert!(report.len() < 1_000, "{} bytes", report.len());
        let report = snippet_report("(⟦", Path::new("p.ron"), "x", pos(1, 2), pos(1, 3));
        assert!(report.contains("⟦"), "{report}");
    }

    fn pos(line: usize, column: usize) -> TextPosition {
        TextPosition { line, column }
    }

    #[test]
    fn position_counts_characters_not_bytes() {
        let text = "ab\n⟦x";
        assert_eq!(
            position_at(text, text.len()),
            TextPosition { line: 2, column: 3 }
        );
    }
}
