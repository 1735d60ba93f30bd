//! Importing landscapes from the tools architects already use. Each format has its own
//! file and turns a source into drafts on a shared `Builder`, which makes the project
//! and the report (counts, and every skip, guess and problem at `file:line:col`).
//! Sources are data, never instructions: no file outside the source's folder is read
//! unless allowed, nothing is fetched, and every expansion is bounded.

mod archi_csv;
mod archi_model;
mod archimate;
mod backstage;
mod builder;
mod error;
mod guess;
mod html;
mod mapping;
mod merge;
mod positions;
mod report;
mod source;
mod structurizr;

mod dot;
mod drawio;
mod inventory;
mod mermaid;
mod sandbox;
mod table;
mod yaml;

use std::path::{Path, PathBuf};

pub use error::ImportError;
pub use guess::{Guess, guess};
pub use inventory::connections_file_beside;
pub use merge::{Merged, merge};
pub use report::{Counts, Line, LineKind, Place, Report};
pub use source::{Archive, Source};

use crate::model::Project;

/// The formats `--from` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Drawio,
    Structurizr,
    Mermaid,
    Dot,
    Archimate,
    ArchiCsv,
    Csv,
    Backstage,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Drawio,
        Format::Structurizr,
        Format::Mermaid,
        Format::Dot,
        Format::Archimate,
        Format::ArchiCsv,
        Format::Csv,
        Format::Backstage,
    ];

    /// The name `--from` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Drawio => "drawio",
            Format::Structurizr => "structurizr",
            Format::Mermaid => "mermaid",
            Format::Dot => "dot",
            Format::Archimate => "archimate",
            Format::ArchiCsv => "archi-csv",
            Format::Csv => "csv",
            Format::Backstage => "backstage",
        }
    }

    /// The name people know it by.
    pub fn title(self) -> &'static str {
        match self {
            Format::Drawio => "draw.io / diagrams.net",
            Format::Structurizr => "Structurizr DSL",
            Format::Mermaid => "Mermaid",
            Format::Dot => "Graphviz DOT",
            Format::Archimate => "ArchiMate (exchange format or Archi model)",
            Format::ArchiCsv => "Archi CSV",
            Format::Csv => "inventory CSV",
            Format::Backstage => "Backstage catalog",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format a file is in, from its extension and, where that is ambiguous, its
    /// first bytes.
    pub fn detect(path: &Path, start: &str) -> Option<Format> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let extension = name.rsplit('.').next().unwrap_or("");
        let head = start.trim_start_matches('\u{feff}').trim_start();
        match extension {
            "drawio" | "dio" => Some(Format::Drawio),
            "dsl" => Some(Format::Structurizr),
            "mmd" | "mermaid" => Some(Format::Mermaid),
            "gv" | "dot" => Some(Format::Dot),
            "archimate" => Some(Format::Archimate),
            "yaml" | "yml" => Some(Format::Backstage),
            "svg" if name.ends_with(".drawio.svg") => Some(Format::Drawio),
            "csv" | "tsv" if name.contains("elements") || name.contains("relations") => {
                Some(Format::ArchiCsv)
            }
            "csv" | "tsv" => Some(Format::Csv),
            "xml" if head.contains("<mxfile") || head.contains("<mxGraphModel") => {
                Some(Format::Drawio)
            }
            "xml" if is_archimate(head) => Some(Format::Archimate),
            _ => Format::detect_by_content(head),
        }
    }

    fn detect_by_content(head: &str) -> Option<Format> {
        let first_word = head.split_whitespace().next().unwrap_or("");
        if head.starts_with("<mxfile") || head.contains("<mxGraphModel") {
            Some(Format::Drawio)
        } else if is_archimate(head) {
            Some(Format::Archimate)
        } else if first_word == "workspace" {
            Some(Format::Structurizr)
        } else if first_word == "graph" && head.lines().next().is_some_and(|l| l.contains('{')) {
            // `graph G {` is DOT; Mermaid's `graph TD` has no brace.
            Some(Format::Dot)
        } else if ["flowchart", "graph", "architecture-beta", "---"].contains(&first_word) {
            Some(Format::Mermaid)
        } else if ["digraph", "strict"].contains(&first_word) {
            Some(Format::Dot)
        } else if head.starts_with("apiVersion:") {
            Some(Format::Backstage)
        } else {
            None
        }
    }
}

/// The exchange format's namespace, or Archi's own.
fn is_archimate(head: &str) -> bool {
    head.contains("opengroup.org/xsd/archimate") || head.contains(archi_model::NAMESPACE)
}

/// What an import may do beyond reading its source.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The format; guessed from the file when `None`.
    pub format: Option<Format>,
    /// draw.io: only this page (by name, or its number from 1).
    pub page: Option<String>,
    /// ArchiMate: take positions from this view (by name).
    pub view: Option<String>,
    /// Folders besides the source's own from which includes may be read.
    pub allow_include: Vec<PathBuf>,
    /// Structurizr: components as systems (their containers as zones), not rolled up.
    pub components: bool,
}

/// A project made from a source, and what the import did.
#[derive(Clone, Debug)]
pub struct Imported {
    pub project: Project,
    pub report: Report,
}

/// Imports the file at `path`.
pub fn import_file(path: &Path, options: &Options) -> Result<Imported, ImportError> {
    if path.is_dir() {
        return import_folder(path, options);
    }
    let source = read_source(path, options.format)?;
    let format = match options.format {
        Some(format) => format,
        None => {
            let head: String = source.text.chars().take(4096).collect();
            // An unpacked source is named after its entry (`….archimate/model.xml`).
            Format::detect(&source.path, &head).ok_or_else(|| ImportError::Unsupported {
                path: path.to_owned(),
                reason: format!(
                    "cannot tell which format this is; name it with --from ({})",
                    Format::ALL.map(Format::name).join(", ")
                ),
            })?
        }
    };
    import_source(&source, format, options)
}

/// The file as text. A zip archive is unpacked as Archi saves a model that holds images,
/// unless another format is asked for or named by the extension (a `.dsl` is text).
fn read_source(path: &Path, format: Option<Format>) -> Result<Source, ImportError> {
    let bytes = Source::read_bytes(path)?;
    let named = format.or_else(|| Format::detect(path, ""));
    if matches!(named, None | Some(Format::Archimate)) && archi_model::is_zip(&bytes) {
        return archi_model::unzip(path, &bytes);
    }
    Source::from_bytes(path, bytes)
}

/// A folder is a Backstage catalog: every YAML file in it.
fn import_folder(path: &Path, options: &Options) -> Result<Imported, ImportError> {
    if options.format.is_some_and(|f| f != Format::Backstage) {
        return Err(ImportError::Unsupported {
            path: path.to_owned(),
            reason: "this is a folder; only a Backstage catalog is imported from a folder (give \
                     one file of the others)"
                .to_owned(),
        });
    }
    let report = Report::new(path.to_owned(), Format::Backstage.name());
    let mut builder = builder::Builder::new("Imported catalog", report);
    backstage::read_folder(path, options, &mut builder)?;
    let (project, report) = builder.finish();
    Ok(Imported { project, report })
}

/// Imports a source already read.
pub fn import_source(
    source: &Source,
    format: Format,
    options: &Options,
) -> Result<Imported, ImportError> {
    let report = Report::new(source.path.clone(), format.name());
    // An unpacked source is named after its archive, not the entry in it.
    let named_after = source.archive.as_ref().map_or(&source.path, |a| &a.path);
    let name = named_after
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Imported landscape".to_owned());
    let mut builder = builder::Builder::new(&name, report);
    if let Some(archive) = &source.archive {
        builder.line(LineKind::Note, None, archive.note());
    }
    match format {
        Format::Mermaid => mermaid::read(source, &mut builder)?,
        Format::Dot => dot::read(source, &mut builder)?,
        Format::Drawio => drawio::read(source, options, &mut builder)?,
        Format::Csv => inventory::read(source, &mut builder)?,
        Format::Backstage => backstage::read(source, options, &mut builder)?,
        Format::Structurizr => structurizr::read(source, options, &mut builder)?,
        Format::Archimate => archimate::read(source, options, &mut builder)?,
        Format::ArchiCsv => archi_csv::read(source, &mut builder)?,
    }
    let (project, report) = builder.finish();
    Ok(Imported { project, report })
}

#[cfg(test)]
mod detect_tests {
    use std::path::Path;

    use super::Format;

    #[test]
    fn the_format_is_told_from_the_extension_then_the_first_words() {
        let cases = [
            ("a.drawio", "", Some(Format::Drawio)),
            ("a.drawio.svg", "<svg", Some(Format::Drawio)),
            ("a.xml", "<mxfile host=\"x\">", Some(Format::Drawio)),
            (
                "a.xml",
                "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">",
                Some(Format::Archimate),
            ),
            ("Archisurance.archimate", "", Some(Format::Archimate)),
            (
                "model.xml",
                "<archimate:model xmlns:archimate=\"http://www.archimatetool.com/archimate\">",
                Some(Format::Archimate),
            ),
            ("workspace.dsl", "", Some(Format::Structurizr)),
            ("a.mmd", "", Some(Format::Mermaid)),
            ("a.gv", "", Some(Format::Dot)),
            ("test1-elements.csv", "", Some(Format::ArchiCsv)),
            ("systems.csv", "", Some(Format::Csv)),
            ("catalog-info.yaml", "", Some(Format::Backstage)),
            ("notes.txt", "graph TD\n  a --> b", Some(Format::Mermaid)),
            ("notes.txt", "graph G {\n  a -- b\n}", Some(Format::Dot)),
            ("notes.txt", "digraph { a -> b }", Some(Format::Dot)),
            ("notes.txt", "workspace {\n}", Some(Format::Structurizr)),
            (
                "notes.txt",
                "apiVersion: backstage.io/v1alpha1",
                Some(Format::Backstage),
            ),
            ("notes.txt", "hello", None),
        ];
        for (name, head, expected) in cases {
            assert_eq!(
                Format::detect(Path::new(name), head),
                expected,
                "{name}: {head}"
            );
        }
    }
}
