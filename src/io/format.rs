//! The canonical text of a project file: pretty RON, one field per line, deterministic.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use crate::model::{Project, CURRENT_FORMAT_VERSION};

/// How every project file is read: `implicit_some` lets files say `zone: 3` rather than
/// `zone: Some(3)`, with or without the `#![enable(implicit_some)]` line; the recursion
/// limit turns absurd nesting into an error instead of a stack overflow.
pub(crate) fn read_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
}

/// Structs down to the fields of each system and connection get one line per field;
/// anything deeper (a position, a list of tags) stays on its field's line.
fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .depth_limit(3)
        .indentor("    ")
        .new_line("\n")
        .extensions(Extensions::IMPLICIT_SOME)
}

/// The canonical file text of `project`, always stamped with the current format version.
pub fn to_ron_string(project: &Project) -> Result<String, ron::Error> {
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
