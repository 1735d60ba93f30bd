//! What an import did, line by line: counts, and every skip, guess, merge and problem with
//! the place in the source it is about, so nothing is lost without a word.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::model::ItemRef;

/// A place in a source file: the file (an import may read several) and a 1-based line and
/// column, the column counted in characters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Place {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// What a report line says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineKind {
    /// Something in the source that is not landscape data, or that has no home here.
    Skipped,
    /// A value the importer inferred (a protocol from a technology text, say).
    Guessed,
    /// Something wrong in the source that the import worked round.
    Problem,
    /// An imported item that was matched to an item already in the project.
    Merged,
    /// Anything else worth knowing (values kept in notes, an arrangement made).
    Note,
}

impl LineKind {
    pub fn label(self) -> &'static str {
        match self {
            LineKind::Skipped => "skipped",
            LineKind::Guessed => "guessed",
            LineKind::Problem => "problem",
            LineKind::Merged => "merged",
            LineKind::Note => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    pub kind: LineKind,
    pub place: Option<Place>,
    /// The imported item the line is about, so the app can select it.
    pub item: Option<ItemRef>,
    pub message: String,
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(place) = &self.place {
            write!(f, "{place}: ")?;
        }
        write!(f, "{}: {}", self.kind.label(), self.message)
    }
}

/// How many items of each kind the import made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub systems: usize,
    pub connections: usize,
    pub zones: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub source: PathBuf,
    /// The format's name as `--from` takes it.
    pub format: &'static str,
    pub counts: Counts,
    pub lines: Vec<Line>,
}

impl Report {
    pub fn new(source: PathBuf, format: &'static str) -> Report {
        Report {
            source,
            format,
            counts: Counts::default(),
            lines: Vec::new(),
        }
    }

    pub fn count(&self, kind: LineKind) -> usize {
        self.lines.iter().filter(|l| l.kind == kind).count()
    }

    /// True when the import skipped or guessed anything (what `--strict` refuses).
    pub fn has_losses_or_guesses(&self) -> bool {
        self.lines.iter().any(|l| {
            matches!(
                l.kind,
                LineKind::Skipped | LineKind::Guessed | LineKind::Problem
            )
        })
    }

    /// The one-line summary a person reads first.
    pub fn summary(&self) -> String {
        use crate::words::count;
        let mut parts = vec![
            count(self.counts.systems, "system"),
            count(self.counts.connections, "connection"),
            count(self.counts.zones, "zone"),
        ];
        let imported = parts.join(", ");
        parts.clear();
        for kind in [
            LineKind::Skipped,
            LineKind::Guessed,
            LineKind::Problem,
            LineKind::Merged,
        ] {
            let n = self.count(kind);
            if n > 0 {
                parts.push(format!("{n} {}", kind.label()));
            }
        }
        let rest = if parts.is_empty() {
            String::new()
        } else {
            format!("; {}", parts.join(", "))
        };
        format!(
            "imported {imported} from {} ({}){rest}",
            self.source.display(),
            self.format
        )
    }

    /// The whole report as text: the summary, then every line.
    pub fn text(&self) -> String {
        let mut text = self.summary();
        for line in &self.lines {
            text.push('\n');
            text.push_str(&line.to_string());
        }
        text
    }

    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}
