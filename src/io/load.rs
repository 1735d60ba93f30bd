//! Reading a project file: version check, migration, parsing and validation.

use std::path::Path;

use super::error::{position_at, snippet_report, LoadError, TextPosition};
use super::format::read_options;
use super::locate::top_level_field_value;
use super::migrate::ProjectV1;
use super::validate::{validate, Problem};
use crate::model::{Project, CURRENT_FORMAT_VERSION};

/// A project read from text, with whatever is wrong in it. A project with problems still
/// loads, so the user can open it and fix them.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub project: Project,
    pub problems: Vec<Problem>,
    /// The format version the file was written in, when it was older and got migrated.
    pub migrated_from: Option<u32>,
}

/// Reads and checks the project file at `path`.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    parse(&read_text(path)?, path)
}

/// Reads a file that must be UTF-8 text, with errors that say what to do.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::from_io(path, &e))?;
    decode_utf8(bytes, path)
}

/// Parses project text; `path` is only used to say where an error is.
pub fn parse(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let version = declared_version(text);
    let (project, migrated_from) = match version {
        Some((found, position)) if found > u64::from(CURRENT_FORMAT_VERSION) => {
            return Err(LoadError::NewerVersion {
                path: path.to_owned(),
                position,
                found,
                supported: CURRENT_FORMAT_VERSION,
            });
        }
        Some((1, _)) => {
            let old: ProjectV1 = deserialize(text, path)?;
            (Project::from(old), Some(1))
        }
        Some((found, position)) if found != u64::from(CURRENT_FORMAT_VERSION) => {
            return Err(LoadError::UnknownVersion {
                path: path.to_owned(),
                position,
                found,
                supported: CURRENT_FORMAT_VERSION,
            });
        }
        // The current version, or no readable version at all: ron then names what is wrong.
        _ => (deserialize::<Project>(text, path)?, None),
    };
    let mut project = project;
    project.format_version = CURRENT_FORMAT_VERSION;
    project.repair_next_id();
    let problems = validate(&project, Some(text));
    Ok(Loaded {
        project,
        problems,
        migrated_from,
    })
}

/// The `format_version` the file declares, if it declares a plain number.
fn declared_version(text: &str) -> Option<(u64, TextPosition)> {
    let offset = top_level_field_value(text, "format_version")?;
    let digits = text[offset..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let found = text[offset..offset + digits].parse().ok()?;
    Some((found, position_at(text, offset)))
}

fn deserialize<T: serde::de::DeserializeOwned>(text: &str, path: &Path) -> Result<T, LoadError> {
    read_options().from_str(text).map_err(|error| {
        let start = TextPosition {
            line: error.span.start.line,
            column: error.span.start.col,
        };
        let end = TextPosition {
            line: error.span.end.line,
            column: error.span.end.col,
        };
        let at_end = matches!(error.code, ron::Error::Eof)
            || start >= position_at(text, text.trim_end().len());
        let message = describe_parse_error(&error.code, at_end, path);
        let report = snippet_report(text, path, &message, start, end);
        LoadError::Parse {
            path: path.to_owned(),
            position: start,
            message,
            report,
        }
    })
}

/// ron's message, plus a hint where ron's alone would leave a user guessing.
fn describe_parse_error(code: &ron::Error, at_end: bool, path: &Path) -> String {
    if at_end {
        return format!(
            "the file ends too early ({}); it may have been cut off. The previous save, if \
             any, is kept as {}",
            code.to_string().trim_end_matches('.'),
            super::backup_path(path).display()
        );
    }
    match code {
        ron::Error::MissingStructField { field, .. } if *field == "format_version" => {
            "this is not an Integration Studio project: it has no `format_version` field".into()
        }
        ron::Error::ExceededRecursionLimit => {
            "values are nested too deeply to be a project file".into()
        }
        other => other.to_string(),
    }
}

fn decode_utf8(bytes: Vec<u8>, path: &Path) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let valid = &bytes[..error.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let position = position_at(text, text.len());
        let message =
            "the file is not UTF-8 text (is it a binary file?); a project file is RON text"
                .to_owned();
        LoadError::Parse {
            path: path.to_owned(),
            position,
            report: String::new(),
            message,
        }
    })
}
