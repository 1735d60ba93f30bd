//! Reading a project file: version check, migration, parsing and validation.

use std::path::Path;

use super::error::{LoadError, TextPosition, position_at, snippet_report};
use super::format::read_options;
use super::locate::top_level_field_value;
use super::migrate::ProjectV1;
use super::split::top_level_lists;
use super::unclosed::OpenAtEnd;
use super::validate::{Problem, validate};
use crate::model::{CURRENT_FORMAT_VERSION, Connection, Project, System};
use crate::parallel;

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
    let text = read_text(path)?;
    // A save that was killed part-way left its temporary file beside this one.
    super::temporary::remove_stale_temporary_files(path);
    parse(&text, path)
}

/// Reads a file that must be UTF-8 text, with errors that say what to do.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::from_io(path, &e))?;
    decode_utf8(bytes, path)
}

/// Parses project text; `path` is only used to say where an error is.
pub fn parse(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    // Some Windows editors start UTF-8 files with an invisible byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
        _ => (parse_current(text, path)?, None),
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

/// Files at least this big are parsed on both cores.
const PARALLEL_FROM_BYTES: usize = 1 << 20;

fn parse_current(text: &str, path: &Path) -> Result<Project, LoadError> {
    if text.len() >= PARALLEL_FROM_BYTES
        && let Some(project) = parse_on_two_cores(text)
    {
        return Ok(project);
    }
    // Small files, and any file whose fast path failed: one parse, exact error positions.
    deserialize::<Project>(text, path)
}

/// Parses the systems and connections lists, and the rest of the file, as separate pieces
/// on two cores. `None` on any failure; the caller then parses the whole file, which gives
/// the error its true position.
fn parse_on_two_cores(text: &str) -> Option<Project> {
    let lists = top_level_lists(text)?;
    let systems = lists.systems.unwrap_or_default();
    let connections = lists.connections.unwrap_or_default();
    let (first_lists, second_lists) = if systems.open < connections.open {
        (&systems, &connections)
    } else {
        (&connections, &systems)
    };
    // The file with both lists emptied; a missing list has open == close == 0 and cuts nothing.
    let frame = [
        &text[..first_lists.open + usize::from(first_lists.close > 0)],
        &text[first_lists.close..second_lists.open + usize::from(second_lists.close > 0)],
        &text[second_lists.close..],
    ]
    .concat();
    // Parsing a system costs about 1.25 times as much as parsing a connection.
    let share = parallel::connections_for_first_worker(
        systems.commas.len(),
        connections.commas.len(),
        1.25,
    );
    let cut = share.checked_sub(1).and_then(|i| connections.commas.get(i));
    let (early, late) = match (cut, connections.close) {
        (_, 0) => ("[]".to_owned(), "[]".to_owned()),
        (Some(&cut), _) => (
            format!("[{}]", &text[connections.open + 1..=cut]),
            format!("[{}]", &text[cut + 1..connections.close]),
        ),
        (None, _) => ("[]".to_owned(), text[connections.whole()].to_owned()),
    };
    let options = read_options();
    let ((project, systems, early), late) = rayon::join(
        || {
            let project = options.from_str::<Project>(&frame);
            let systems = match systems.close {
                0 => Ok(Vec::new()),
                _ => options.from_str::<Vec<System>>(&text[systems.whole()]),
            };
            (
                project,
                systems,
                options.from_str::<Vec<Connection>>(&early),
            )
        },
        || options.from_str::<Vec<Connection>>(&late),
    );
    let mut project = project.ok()?;
    project.systems = systems.ok()?;
    project.connections = early.ok()?;
    project.connections.extend(late.ok()?);
    Some(project)
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
        let message = ends_too_early(text, &error.code, (start, end), path)
            .unwrap_or_else(|| describe_parse_error(&error.code));
        let report = snippet_report(text, path, &message, start, end);
        LoadError::Parse {
            path: path.to_owned(),
            position: start,
            message,
            report,
        }
    })
}

/// When the error is where the file runs out and something is still open there, says
/// what, in words ("the file ends inside the `purpose` text opened on line 12, column 8…").
fn ends_too_early(
    text: &str,
    code: &ron::Error,
    error: (TextPosition, TextPosition),
    path: &Path,
) -> Option<String> {
    use ron::Error::{Eof, ExpectedStringEnd, UnclosedBlockComment};
    let content = text.trim_end();
    // Where the last word (and the space before it) begins; ron may mark the space.
    let last_word = content
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
        .trim_end()
        .len();
    // A text or comment that runs to the end is reported where it opens; anything else
    // that is cut off (a field name, a number, `tr` for `true`) is in the last word.
    let at_end = matches!(code, Eof | ExpectedStringEnd | UnclosedBlockComment)
        || error.1 >= position_at(text, content.len())
        || error.0 >= position_at(text, last_word);
    if !at_end {
        return None;
    }
    let open = OpenAtEnd::scan(text)?;
    let sentence = open.describe(text)?;
    let hint = match open.closer() {
        Some(closer) => format!("it may have been cut off, or a closing {closer} is missing"),
        None => "it may have been cut off".to_owned(),
    };
    Some(format!(
        "the file ends {sentence}: {hint}. The previous save, if any, is kept as {}",
        super::backup_path(path).display()
    ))
}

/// ron's message, plus a hint where ron's alone would leave a user guessing.
fn describe_parse_error(code: &ron::Error) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::to_ron_string;
    use crate::synthetic::landscape;

    fn big_text() -> String {
        let text = to_ron_string(&landscape(1_500, 4_000, 9)).unwrap();
        assert!(text.len() > PARALLEL_FROM_BYTES);
        text
    }

    fn one_piece(text: &str) -> Project {
        deserialize::<Project>(text, Path::new("x.ron")).unwrap()
    }

    #[test]
    fn the_two_core_parse_equals_the_one_piece_parse() {
        let text = big_text();
        assert_eq!(parse_on_two_cores(&text), Some(one_piece(&text)));
    }

    /// Replaces the `nth` line that starts with `prefix` (after indentation) by `line`.
    fn replace_line(text: &str, prefix: &str, nth: usize, line: &str) -> String {
        let mut seen = 0;
        let mut out = String::with_capacity(text.len() + line.len());
        for original in text.split_inclusive('\n') {
            if original.trim_start().starts_with(prefix) {
                seen += 1;
                if seen == nth + 1 {
                    out.push_str(line);
                    out.push('\n');
                    continue;
                }
            }
            out.push_str(original);
        }
        assert!(seen > nth, "no line {nth} starting with {prefix}");
        out
    }

    #[test]
    fn raw_strings_and_comments_with_brackets_parse_the_same() {
        let mut project = landscape(1_500, 4_000, 9);
        project.systems[10].notes = "\n  ],\n  connections: [\n    (".into();
        project.connections[5].notes = "\"quoted\", ) ] } ( [ {".into();
        let text = to_ron_string(&project).unwrap();
        // Hand edits full of structure: block and line comments, and raw strings (which
        // the canonical form never writes) holding brackets, commas and line breaks.
        let text = text.replacen(
            "  systems: [\n",
            "  systems: [ /* ], connections: [ ( */\n",
            1,
        );
        let text = replace_line(
            &text,
            "transformation:",
            2,
            "      // ], ( connections: [\n      transformation: \"x\",",
        );
        let text = replace_line(
            &text,
            "data:",
            7,
            "      data: r#\"\n  ],\n  connections: [\n (\"#,",
        );
        let text = replace_line(&text, "purpose:", 3, "      purpose: r\"], ( [\",");
        let one = one_piece(&text);
        assert_eq!(one.connections[7].data, "\n  ],\n  connections: [\n (");
        assert_eq!(one.systems[3].purpose, "], ( [");
        assert_eq!(parse_on_two_cores(&text), Some(one));
    }

    #[test]
    fn an_error_in_a_big_file_is_reported_at_its_true_place() {
        let text = big_text();
        let line = text.lines().count() - 40;
        let broken: String = text
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i + 1 == line {
                    "      nmae: 1,\n".to_owned()
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        assert_eq!(parse_on_two_cores(&broken), None);
        let error = parse(&broken, Path::new("big.ron")).unwrap_err();
        assert_eq!(error.position().map(|p| p.line), Some(line));
    }

    #[test]
    fn big_files_without_one_of_the_lists_parse_too() {
        let mut project = landscape(6_000, 0, 2);
        project.next_id += 1;
        let text = to_ron_string(&project).unwrap();
        assert_eq!(parse_on_two_cores(&text), Some(one_piece(&text)));
        let text = text.replacen("  connections: [],\n", "", 1);
        assert_eq!(parse_on_two_cores(&text), Some(one_piece(&text)));
    }
}
