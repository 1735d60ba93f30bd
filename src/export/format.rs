//! The text exports as one list, for the app's File ▸ Export menu: each format's name and
//! extension, and the files an export to a chosen path writes. The command line keeps its
//! own list (`cli::export`), as it also takes flags the menu does not offer.

use std::path::{Path, PathBuf};

use super::{MarkdownOptions, MermaidOptions};
use crate::model::Project;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextFormat {
    Mermaid,
    Dot,
    Markdown,
    Csv,
    Drawio,
    Archimate,
    C4PlantUml,
    Structurizr,
    D2,
    LikeC4,
}

/// What an export to one path gives: the files to write, in order, and what the user
/// should know about it (that it was split, say).
#[derive(Debug, PartialEq, Eq)]
pub struct Written {
    pub files: Vec<(PathBuf, String)>,
    pub note: Option<String>,
}

impl TextFormat {
    pub const ALL: [TextFormat; 10] = [
        TextFormat::Mermaid,
        TextFormat::Dot,
        TextFormat::Markdown,
        TextFormat::Csv,
        TextFormat::Drawio,
        TextFormat::Archimate,
        TextFormat::C4PlantUml,
        TextFormat::Structurizr,
        TextFormat::D2,
        TextFormat::LikeC4,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TextFormat::Mermaid => "Mermaid",
            TextFormat::Dot => "Graphviz DOT",
            TextFormat::Markdown => "Markdown catalogue",
            TextFormat::Csv => "inventory CSV",
            TextFormat::Drawio => "draw.io",
            TextFormat::Archimate => "ArchiMate exchange",
            TextFormat::C4PlantUml => "C4-PlantUML",
            TextFormat::Structurizr => "Structurizr DSL",
            TextFormat::D2 => "D2",
            TextFormat::LikeC4 => "LikeC4",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            TextFormat::Mermaid => "mmd",
            TextFormat::Dot => "gv",
            TextFormat::Markdown => "md",
            TextFormat::Csv => "csv",
            TextFormat::Drawio => "drawio",
            TextFormat::Archimate => "xml",
            TextFormat::C4PlantUml => "puml",
            TextFormat::Structurizr => "dsl",
            TextFormat::D2 => "d2",
            TextFormat::LikeC4 => "c4",
        }
    }

    /// The file name to offer for a project whose file (or name) has this stem. The CSV
    /// pair is named so our importer finds the connections file beside the systems file.
    pub fn suggested_name(self, stem: &str) -> String {
        match self {
            TextFormat::Csv => format!("{stem}-systems.csv"),
            _ => format!("{stem}.{}", self.extension()),
        }
    }

    /// The export of `project` to `path`; a name without an extension gets the format's.
    pub fn files(self, project: &Project, path: &Path) -> Result<Written, String> {
        let path = match path.extension() {
            None => path.with_extension(self.extension()),
            Some(_) => path.to_owned(),
        };
        let one = |text: String| Written {
            files: vec![(path.clone(), text)],
            note: None,
        };
        match self {
            TextFormat::Mermaid => mermaid(project, &path),
            TextFormat::Dot => Ok(one(super::to_dot(project))),
            TextFormat::Markdown => {
                let options = MarkdownOptions {
                    diagram: Some(MermaidOptions::default()),
                };
                super::to_markdown(project, &options)
                    .map(one)
                    .map_err(|e| e.to_string())
            }
            TextFormat::Csv => inventory(project, &path),
            TextFormat::Drawio => Ok(one(super::to_drawio(project))),
            TextFormat::Archimate => Ok(one(super::to_archimate(project))),
            TextFormat::C4PlantUml => Ok(one(super::to_c4_plantuml(project))),
            TextFormat::Structurizr => Ok(one(super::to_structurizr(project))),
            TextFormat::D2 => Ok(one(super::to_d2(project))),
            TextFormat::LikeC4 => Ok(one(super::to_likec4(project))),
        }
    }
}

/// Over Mermaid's limits the landscape is split into several diagrams, which only
/// Markdown can hold: the file then ends in `.md`, so no viewer takes it for one diagram.
fn mermaid(project: &Project, path: &Path) -> Result<Written, String> {
    let mermaid =
        super::to_mermaid(project, &MermaidOptions::default()).map_err(|e| e.to_string())?;
    let Some(size) = mermaid.split_from else {
        return Ok(Written {
            files: vec![(path.to_owned(), mermaid.to_text())],
            note: None,
        });
    };
    let note = format!(
        "as one diagram it has {} edges and {} characters, over Mermaid's limits (500 and \
         50,000), so it is split by zone into {} diagrams in one Markdown file",
        size.edges,
        size.chars,
        mermaid.diagrams.len()
    );
    Ok(Written {
        files: vec![(path.with_extension("md"), mermaid.to_text())],
        note: Some(note),
    })
}

/// The systems file at `path`, the connections file beside it, named as the importer
/// looks for it (`acme-systems.csv` → `acme-connections.csv`).
fn inventory(project: &Project, path: &Path) -> Result<Written, String> {
    let connections = crate::import::connections_file_beside(path);
    if connections == path {
        return Err(format!(
            "{}: name the systems file (landscape-systems.csv, say); the connections file \
             is written beside it",
            path.display()
        ));
    }
    let csv = super::to_csv(project);
    Ok(Written {
        files: vec![
            (path.to_owned(), csv.systems),
            (connections, csv.connections),
        ],
        note: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shop() -> Project {
        crate::examples::find("ecommerce")
            .unwrap()
            .project()
            .unwrap()
    }

    #[test]
    fn every_format_writes_what_the_core_export_gives() {
        let project = shop();
        let dot = TextFormat::Dot
            .files(&project, Path::new("/x/shop"))
            .unwrap();
        assert_eq!(
            dot.files,
            [(PathBuf::from("/x/shop.gv"), super::super::to_dot(&project))]
        );
        let mermaid = TextFormat::Mermaid
            .files(&project, Path::new("/x/shop.mmd"))
            .unwrap();
        assert_eq!(mermaid.files[0].0, PathBuf::from("/x/shop.mmd"));
        assert!(mermaid.files[0].1.starts_with("flowchart"));
        assert_eq!(mermaid.note, None);
        let markdown = TextFormat::Markdown
            .files(&project, Path::new("/x/shop.md"))
            .unwrap();
        assert!(markdown.files[0].1.contains("```mermaid"));
        for format in TextFormat::ALL {
            let path = PathBuf::from(format!("/x/{}", format.suggested_name("shop")));
            let written = format.files(&project, &path).unwrap();
            assert_eq!(written.files[0].0, path, "{format:?}");
            assert!(!written.files[0].1.is_empty(), "{format:?}");
        }
        let drawio = TextFormat::Drawio
            .files(&project, Path::new("/x/s"))
            .unwrap();
        assert_eq!(drawio.files[0].1, super::super::to_drawio(&project));
    }

    #[test]
    fn the_csv_pair_is_named_as_the_importer_finds_it() {
        let project = shop();
        let name = TextFormat::Csv.suggested_name("shop");
        let csv = TextFormat::Csv
            .files(&project, &Path::new("/x").join(name))
            .unwrap();
        let paths: Vec<&Path> = csv.files.iter().map(|(p, _)| p.as_path()).collect();
        assert_eq!(
            paths,
            [
                Path::new("/x/shop-systems.csv"),
                Path::new("/x/shop-connections.csv")
            ]
        );
        let refused = TextFormat::Csv.files(&project, Path::new("/x/connections.csv"));
        assert!(refused.unwrap_err().contains("name the systems file"));
    }

    #[test]
    fn a_landscape_over_mermaids_limits_is_written_as_markdown() {
        let big = crate::synthetic::landscape(400, 1_200, 3);
        let written = TextFormat::Mermaid
            .files(&big, Path::new("/x/big.mmd"))
            .unwrap();
        assert_eq!(written.files[0].0, PathBuf::from("/x/big.md"));
        assert!(written.note.unwrap().contains("split by zone"));
        assert!(written.files[0].1.matches("```mermaid").count() > 1);
    }
}
