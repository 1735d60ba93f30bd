//! The canonical text of a project file: pretty RON, one field per line, deterministic.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use crate::model::{CURRENT_FORMAT_VERSION, Project};
use crate::parallel;

/// How every project file is read: `implicit_some` lets files say `zone: 3` rather than
/// `zone: Some(3)`, with or without the `#![enable(implicit_some)]` line; the recursion
/// limit turns absurd nesting into an error instead of a stack overflow.
pub(crate) fn read_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// Two spaces: files are a sixth smaller than with four, to store, diff and parse.
const INDENT: &str = "  ";

/// Structs down to the fields of each system and connection get one line per field;
/// anything deeper (a position, a list of tags) stays on its field's line.
fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .depth_limit(3)
        .indentor(INDENT)
        .new_line("\n")
        .extensions(Extensions::IMPLICIT_SOME)
}

/// Below this many systems plus connections, one piece on one core is quickest.
const PARALLEL_FROM_ITEMS: usize = 2_000;

/// The canonical file text of `project`, always stamped with the current format version.
pub fn to_ron_string(project: &Project) -> Result<String, ron::Error> {
    if project.systems.len() + project.connections.len() < PARALLEL_FROM_ITEMS {
        return whole_text(project);
    }
    // The file without its two big lists, and the lists' items, are written on two cores
    // and spliced together: the same bytes as writing it in one piece.
    let frame = Project {
        format_version: project.format_version,
        name: project.name.clone(),
        description: project.description.clone(),
        requirements: project.requirements.clone(),
        zones: project.zones.clone(),
        systems: Vec::new(),
        connections: Vec::new(),
        next_id: project.next_id,
        analysis: project.analysis.clone(),
        prompt: project.prompt.clone(),
    };
    let connections = &project.connections;
    // Writing a system costs about as much as writing a connection.
    let share =
        parallel::connections_for_first_worker(project.systems.len(), connections.len(), 1.0);
    let ((frame, systems, early), late) = rayon::join(
        || {
            (
                whole_text(&frame),
                list_items(&project.systems),
                list_items(&connections[..share]),
            )
        },
        || list_items(&connections[share..]),
    );
    let (frame, systems, early, late) = (frame?, systems?, early?, late?);
    fill_lists(&frame, &systems, &[early, late])
}

fn whole_text(project: &Project) -> Result<String, ron::Error> {
    let stamped;
    let project = if project.format_version == CURRENT_FORMAT_VERSION {
        project
    } else {
        stamped = Project {
            format_version: CURRENT_FORMAT_VERSION,
            ..project.clone()
        };
        &stamped
    };
    let mut text = ron::Options::default().to_string_pretty(project, pretty_config())?;
    text.push('\n');
    Ok(text)
}

/// The items of a top-level list exactly as the canonical file has them inside the list.
/// Writing them as the one field of a struct gives them the file's depth and indentation.
fn list_items<T: serde::Serialize>(items: &[T]) -> Result<String, ron::Error> {
    #[derive(serde::Serialize)]
    struct Wrapper<'a, T> {
        items: &'a [T],
    }
    if items.is_empty() {
        return Ok(String::new());
    }
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let config = pretty_config().extensions(Extensions::empty());
    let mut text = options.to_string_pretty(&Wrapper { items }, config)?;
    let start = LIST_OPEN.len();
    let end = text
        .len()
        .checked_sub(LIST_CLOSE.len())
        .filter(|&end| text.starts_with(LIST_OPEN) && text.ends_with(LIST_CLOSE) && end >= start)
        .ok_or_else(|| ron::Error::Message(format!("unexpected list layout: {text:.60}")))?;
    text.truncate(end);
    text.drain(..start);
    Ok(text)
}

const LIST_OPEN: &str = "(\n  items: [\n";
const LIST_CLOSE: &str = "  ],\n)";

/// The frame with its empty `systems: [],` and `connections: [],` filled, in one copy.
fn fill_lists(frame: &str, systems: &str, connections: &[String]) -> Result<String, ron::Error> {
    let size = frame.len() + systems.len() + connections.iter().map(String::len).sum::<usize>();
    let mut text = String::with_capacity(size + 64);
    let mut rest = frame;
    let connections: Vec<&str> = connections.iter().map(String::as_str).collect();
    for (field, parts) in [
        ("systems", &[systems][..]),
        ("connections", &connections[..]),
    ] {
        if parts.iter().all(|p| p.is_empty()) {
            continue;
        }
        // A whole line at the top level: deeper lines have more indentation before it.
        let empty = format!("{INDENT}{field}: [],\n");
        let at = rest
            .match_indices(&empty)
            .map(|(at, _)| at)
            .find(|&at| at == 0 || rest.as_bytes()[at - 1] == b'\n')
            .ok_or_else(|| ron::Error::Message(format!("no empty `{field}` list to fill")))?;
        text.push_str(&rest[..at]);
        text.push_str(&format!("{INDENT}{field}: [\n"));
        parts.iter().for_each(|part| text.push_str(part));
        text.push_str(INDENT);
        text.push_str("],\n");
        rest = &rest[at + empty.len()..];
    }
    text.push_str(rest);
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::landscape;

    #[test]
    fn writing_in_pieces_gives_the_same_bytes_as_in_one() {
        for (systems, connections) in [(700, 1_400), (2_000, 0), (0, 2_500), (1_500, 4_000)] {
            let mut project = landscape(systems, connections, 3);
            if let Some(s) = project.systems.first_mut() {
                s.notes = "quote \" backslash \\ line\nbreak ],\n    systems: [],".into();
            }
            assert_eq!(
                to_ron_string(&project).unwrap(),
                whole_text(&project).unwrap()
            );
        }
    }
}
