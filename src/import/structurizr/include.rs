//! `!include FILE|FOLDER|URL` and `workspace extends FILE|URL`. Paths are relative to the
//! file that names them and are read only inside the sandbox; a URL is never fetched; a
//! folder is every file in it and its subfolders, sorted, hidden ones left out (as
//! Structurizr does). Includes that loop are reported and not read again, nesting is
//! capped, and so is the text read in all.

use std::path::{Path, PathBuf};

use super::super::ImportError;
use super::super::report::Place;
use super::super::sandbox::Sandbox;
use super::super::source::Source;
use super::cursor::{Cursor, Statement};
use super::parse::{Context, Parser, Scope, written};

/// Files being read, the source first: deeper than this is refused.
const DEEPEST: usize = 32;
/// All the files read together, the source too, are at most this much text.
const MOST_TEXT: u64 = 64 * 1024 * 1024;
/// A folder included gives at most this many files.
const MOST_FILES: usize = 10_000;

pub struct Includes {
    sandbox: Sandbox,
    /// The files being read, outermost first, as resolved paths (to see loops).
    open: Vec<PathBuf>,
    read: u64,
}

impl Includes {
    pub fn new(source: &Source, allowed: &[PathBuf]) -> Includes {
        let resolved = source
            .path
            .canonicalize()
            .unwrap_or_else(|_| source.path.clone());
        Includes {
            sandbox: Sandbox::new(&source.path, allowed),
            open: vec![resolved],
            read: source.text.len() as u64,
        }
    }

    pub fn depth(&self) -> usize {
        self.open.len()
    }
}

/// What a path in a statement leads to.
enum Target {
    Url,
    /// The path as written from the including file, and as resolved.
    Files(Vec<(PathBuf, PathBuf)>),
    /// Why nothing is read, and whether that is a problem (not a choice, like the sandbox).
    Refused(String, bool),
}

impl Parser<'_> {
    pub fn include(
        &mut self,
        cursor: &mut Cursor,
        scope: &Scope,
        statement: &Statement,
    ) -> Result<(), ImportError> {
        let Some(wanted) = statement.text(1) else {
            return Err(cursor.error(
                statement.offset,
                "expected a file, folder or URL after `!include`",
            ));
        };
        if statement.args.len() > 2 {
            self.ignored_words(cursor, &statement.args[2..], "`!include PATH`");
        }
        let place = cursor.place(statement.offset);
        let files = match self.target(cursor, wanted) {
            Target::Files(files) => files,
            Target::Url => {
                let message = format!(
                    "{}: a URL is never fetched; download the file next to the workspace and \
                     include it from there",
                    written(statement)
                );
                self.builder.skipped(place, message);
                return Ok(());
            }
            Target::Refused(why, problem) => {
                self.refused(place, format!("{}: {why}", written(statement)), problem);
                return Ok(());
            }
        };
        self.read_each(cursor, statement, files, scope)
    }

    /// A file that is not read: a problem, or a skip when the user chose it (the sandbox).
    fn refused(&mut self, place: Place, message: String, problem: bool) {
        if problem {
            self.builder.problem(place, message);
        } else {
            self.builder.skipped(place, message);
        }
    }

    /// Reads each file's statements in `scope`, as if they stood where `statement` is.
    fn read_each(
        &mut self,
        cursor: &mut Cursor,
        statement: &Statement,
        files: Vec<(PathBuf, PathBuf)>,
        scope: &Scope,
    ) -> Result<(), ImportError> {
        for (shown, resolved) in files {
            let Some(source) = self.open_file(cursor, statement, &shown, &resolved)? else {
                continue;
            };
            let mut inner = Cursor::new(&source)?;
            self.statements(&mut inner, scope, None)?;
            self.includes.open.pop();
        }
        Ok(())
    }

    /// `workspace extends FILE`: the base workspace's model is read first, as if it came
    /// before this file's.
    pub fn extends(
        &mut self,
        cursor: &mut Cursor,
        statement: &Statement,
    ) -> Result<(), ImportError> {
        let Some(wanted) = statement.text(2) else {
            return Err(cursor.error(
                statement.offset,
                "expected a file after `workspace extends`",
            ));
        };
        let place = cursor.place(statement.offset);
        let folder = cursor.source.path.parent().unwrap_or(Path::new(""));
        let is_folder = folder.join(wanted).is_dir();
        let files = match self.target(cursor, wanted) {
            Target::Files(files) if !is_folder => files,
            Target::Files(_) => {
                let message = format!(
                    "{}: a workspace extends one file, not a folder; the base is not read",
                    written(statement)
                );
                self.builder.problem(place, message);
                return Ok(());
            }
            Target::Url => {
                let message = format!(
                    "{}: a URL is never fetched, so the base workspace is not read; download \
                     it next to this file and extend that",
                    written(statement)
                );
                self.builder.skipped(place, message);
                return Ok(());
            }
            Target::Refused(why, problem) => {
                let message = format!(
                    "{}: {why}; the base workspace is not read",
                    written(statement)
                );
                self.refused(place, message, problem);
                return Ok(());
            }
        };
        self.read_each(cursor, statement, files, &Scope::new(Context::Root))
    }

    fn target(&self, cursor: &Cursor, wanted: &str) -> Target {
        let lower = wanted.to_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            return Target::Url;
        }
        let folder = cursor.source.path.parent().unwrap_or(Path::new(""));
        let shown = folder.join(wanted);
        if !shown.exists() {
            return Target::Refused(
                format!("{} does not exist; nothing is included", shown.display()),
                true,
            );
        }
        let resolved = match self.includes.sandbox.check(&shown) {
            Ok(resolved) => resolved,
            Err(why) => return Target::Refused(why, false),
        };
        if !resolved.is_dir() {
            return Target::Files(vec![(shown, resolved)]);
        }
        let mut files = Vec::new();
        files_in(&shown, &mut files);
        if files.len() > MOST_FILES {
            let why = format!(
                "{} holds more than {MOST_FILES} files; nothing is included",
                shown.display()
            );
            return Target::Refused(why, true);
        }
        let mut checked = Vec::new();
        for shown in files {
            match self.includes.sandbox.check(&shown) {
                Ok(resolved) => checked.push((shown, resolved)),
                Err(why) => return Target::Refused(why, false),
            }
        }
        Target::Files(checked)
    }

    /// The file's text, now counted as open; `None` (with a report line) when it is
    /// already being read or nested too deep.
    fn open_file(
        &mut self,
        cursor: &Cursor,
        statement: &Statement,
        shown: &Path,
        resolved: &Path,
    ) -> Result<Option<Source>, ImportError> {
        let place = cursor.place(statement.offset);
        if let Some(first) = self.includes.open.iter().position(|p| p == resolved) {
            let chain: Vec<String> = self.includes.open[first..]
                .iter()
                .chain([&resolved.to_owned()])
                .map(|p| {
                    p.file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                })
                .collect();
            let message = format!(
                "{}: the includes loop ({}); not read again",
                written(statement),
                chain.join(" → ")
            );
            self.builder.problem(place, message);
            return Ok(None);
        }
        if self.includes.open.len() >= DEEPEST {
            let message = format!(
                "{}: includes nest deeper than {DEEPEST} files; not read",
                written(statement)
            );
            self.builder.problem(place, message);
            return Ok(None);
        }
        let read_error = |reason: String| ImportError::Read {
            path: shown.to_owned(),
            reason,
        };
        let size = std::fs::metadata(resolved)
            .map_err(|e| read_error(e.to_string()))?
            .len();
        if self.includes.read + size > MOST_TEXT {
            return Err(cursor.error(
                statement.offset,
                "the workspace and its includes add up to more than 64 MB of text; this is refused",
            ));
        }
        let bytes = std::fs::read(resolved).map_err(|e| read_error(e.to_string()))?;
        self.includes.read += bytes.len() as u64;
        let source = Source::from_bytes(shown, bytes)?;
        self.includes.open.push(resolved.to_owned());
        Ok(Some(source))
    }
}

/// The files in a folder and its subfolders, sorted by name at each level, without
/// hidden ones; stops early past `MOST_FILES`.
fn files_in(folder: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if out.len() > MOST_FILES {
            return;
        }
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        // Folders linked from elsewhere are not followed (a link to a parent would loop).
        let real_folder = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if real_folder {
            files_in(&path, out);
        } else if path.is_dir() {
            continue;
        } else {
            out.push(path);
        }
    }
}
