//! `export`: the project in another format: a picture (SVG, PNG), a diagram as code
//! (Mermaid, Graphviz DOT, C4-PlantUML, Structurizr DSL, D2, LikeC4), a file for another
//! modelling tool (draw.io, ArchiMate exchange), the inventory CSV pair or a Markdown
//! catalogue. Text goes to standard output unless `-o` names a file; the CSV pair needs a
//! folder.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::status;
use crate::export::{Inventory, MarkdownOptions, MermaidOptions};
use crate::io::{load, write_atomically};
use crate::model::Project;
use crate::picture::{PictureFormat, PictureOptions};

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The project file to export.
    file: PathBuf,
    /// The format to write.
    #[arg(long, value_enum)]
    to: ExportFormat,
    /// Where to write it. Pictures: default FILE with the format's extension. Every other
    /// format but CSV: default standard output. CSV: a folder (made if missing) for
    /// systems.csv and connections.csv. `-` is standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Mermaid (and Markdown with --diagram): refuse a landscape over Mermaid's limits
    /// (500 edges, 50,000 characters) instead of splitting it by zone.
    #[arg(long)]
    no_split: bool,
    /// Markdown: put the Mermaid diagram above the tables.
    #[arg(long)]
    diagram: bool,
    /// Mermaid: an `architecture-beta` diagram (groups and services) instead of a
    /// flowchart; refused over Mermaid's 50,000 characters, as it cannot be split.
    #[arg(long)]
    architecture: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A picture of the landscape as SVG, with real (selectable) text.
    Svg,
    /// A picture of the landscape as PNG, at twice the canvas's size.
    Png,
    /// A Mermaid flowchart; over Mermaid's limits, split by zone into several (as Markdown).
    Mermaid,
    /// A Graphviz DOT digraph, zones as clusters.
    Dot,
    /// The inventory pair systems.csv and connections.csv, with every field; needs -o DIR.
    Csv,
    /// An interface catalogue: tables of systems and of data flows.
    Markdown,
    /// A D2 diagram, zones as containers.
    D2,
    /// A LikeC4 model (.c4): zones holding systems, sensitivity as tags, one view.
    Likec4,
    /// A draw.io diagram (uncompressed .drawio): the canvas's layout, zones as containers,
    /// every field as the shapes' data.
    Drawio,
    /// The ArchiMate Open Exchange Format (XML, for Archi and other ArchiMate tools), with
    /// one diagram of the landscape; suggest a `.xml` file.
    Archimate,
    /// A C4-PlantUML system landscape (.puml), zones as enterprise boundaries.
    #[value(name = "c4-plantuml")]
    C4Plantuml,
    /// A Structurizr DSL workspace (.dsl) with every field, zones as groups.
    Structurizr,
}

impl ExportFormat {
    fn name(self) -> &'static str {
        match self {
            ExportFormat::Svg => "SVG",
            ExportFormat::Png => "PNG",
            ExportFormat::Mermaid => "Mermaid",
            ExportFormat::Dot => "Graphviz DOT",
            ExportFormat::Csv => "CSV",
            ExportFormat::Markdown => "Markdown",
            ExportFormat::D2 => "D2",
            ExportFormat::Likec4 => "LikeC4",
            ExportFormat::Drawio => "draw.io",
            ExportFormat::Archimate => "ArchiMate exchange format",
            ExportFormat::C4Plantuml => "C4-PlantUML",
            ExportFormat::Structurizr => "Structurizr DSL",
        }
    }
}

pub fn run(args: ExportArgs) -> u8 {
    if let Some(refusal) = misplaced_flags(&args) {
        eprintln!("error: {refusal}. Nothing was written.");
        return status::FAILED;
    }
    let loaded = match load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{}\nNothing was written.", error.report());
            return status::FAILED;
        }
    };
    let project = &loaded.project;
    let made = match args.to {
        ExportFormat::Svg => picture(project, PictureFormat::Svg),
        ExportFormat::Png => picture(project, PictureFormat::Png),
        ExportFormat::Csv => return inventory(&args, project),
        ExportFormat::Mermaid if args.architecture => crate::export::to_architecture(project)
            .map(String::into_bytes)
            .map_err(|e| format!("{e}; the flowchart (without --architecture) splits by zone")),
        ExportFormat::Mermaid => mermaid(project, args.no_split),
        ExportFormat::Dot => Ok(crate::export::to_dot(project).into_bytes()),
        ExportFormat::Markdown => markdown(project, &args),
        ExportFormat::D2 => Ok(crate::export::to_d2(project).into_bytes()),
        ExportFormat::Likec4 => Ok(crate::export::to_likec4(project).into_bytes()),
        ExportFormat::Drawio => Ok(crate::export::to_drawio(project).into_bytes()),
        ExportFormat::Archimate => Ok(crate::export::to_archimate(project).into_bytes()),
        ExportFormat::C4Plantuml => Ok(crate::export::to_c4_plantuml(project).into_bytes()),
        ExportFormat::Structurizr => Ok(crate::export::to_structurizr(project).into_bytes()),
    };
    let bytes = match made {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!(
                "error: {}: {error}. Nothing was written.",
                args.file.display()
            );
            return status::FAILED;
        }
    };
    let out = match (args.output.clone(), args.to) {
        (Some(out), _) => out,
        (None, ExportFormat::Svg) => args.file.with_extension("svg"),
        (None, ExportFormat::Png) => args.file.with_extension("png"),
        (None, _) => PathBuf::from("-"),
    };
    deliver(&bytes, &out, &args.file, args.to.name())
}

/// Flags that mean nothing for the chosen format are refused rather than ignored.
fn misplaced_flags(args: &ExportArgs) -> Option<&'static str> {
    let mermaid = args.to == ExportFormat::Mermaid;
    let markdown = args.to == ExportFormat::Markdown;
    if args.diagram && !markdown {
        return Some("--diagram is for --to markdown");
    }
    if args.architecture && !mermaid {
        return Some("--architecture is for --to mermaid");
    }
    if args.architecture && args.no_split {
        return Some("--no-split is for the flowchart; --architecture never splits");
    }
    if args.no_split && !(mermaid || (markdown && args.diagram)) {
        return Some("--no-split is for --to mermaid, or --to markdown with --diagram");
    }
    None
}

fn picture(project: &Project, format: PictureFormat) -> Result<Vec<u8>, String> {
    format
        .render(project, &PictureOptions::default())
        .map_err(|e| e.to_string())
}

fn mermaid_options(no_split: bool) -> MermaidOptions {
    MermaidOptions {
        no_split,
        ..MermaidOptions::default()
    }
}

fn mermaid(project: &Project, no_split: bool) -> Result<Vec<u8>, String> {
    let mermaid = crate::export::to_mermaid(project, &mermaid_options(no_split))
        .map_err(|e| format!("{e}; leave out --no-split to split it by zone"))?;
    if let Some(size) = mermaid.split_from {
        eprintln!(
            "note: as one diagram the landscape has {} edges and {} characters, over \
             Mermaid's limits (500 edges, 50000 characters), so it is split by zone into {} \
             diagrams, written as Markdown with one mermaid block each (--no-split refuses \
             instead)",
            size.edges,
            size.chars,
            mermaid.diagrams.len()
        );
    }
    Ok(mermaid.to_text().into_bytes())
}

fn markdown(project: &Project, args: &ExportArgs) -> Result<Vec<u8>, String> {
    let options = MarkdownOptions {
        diagram: args.diagram.then(|| mermaid_options(args.no_split)),
    };
    crate::export::to_markdown(project, &options)
        .map(String::into_bytes)
        .map_err(|e| format!("{e}; leave out --no-split to split the diagram by zone"))
}

/// Writes the bytes to standard output (`-`) or atomically to a file that is not the
/// project itself.
fn deliver(bytes: &[u8], out: &Path, project_file: &Path, what: &str) -> u8 {
    if out == Path::new("-") {
        super::out::write_bytes(bytes);
        return status::OK;
    }
    if same_file(out, project_file) {
        eprintln!(
            "error: {}: the export would overwrite the project file; choose another -o. \
             Nothing was written.",
            out.display()
        );
        return status::FAILED;
    }
    if let Err(error) = write_atomically(out, bytes, false) {
        eprintln!("error: {error}. Nothing was written.");
        return status::FAILED;
    }
    eprintln!("{}: wrote the landscape as {what}", out.display());
    status::OK
}

/// `systems.csv` and `connections.csv` in the folder `-o` names, made if missing.
fn inventory(args: &ExportArgs, project: &Project) -> u8 {
    let Some(folder) = args.output.as_deref().filter(|o| *o != Path::new("-")) else {
        eprintln!(
            "error: --to csv writes two files, {} and {}: name a folder for them with \
             -o DIR (it is made if missing). Nothing was written.",
            Inventory::SYSTEMS_FILE,
            Inventory::CONNECTIONS_FILE
        );
        return status::FAILED;
    };
    if folder.exists() && !folder.is_dir() {
        eprintln!(
            "error: {}: --to csv needs a folder for {} and {}, and this is a file. \
             Nothing was written.",
            folder.display(),
            Inventory::SYSTEMS_FILE,
            Inventory::CONNECTIONS_FILE
        );
        return status::FAILED;
    }
    if let Err(error) = std::fs::create_dir_all(folder) {
        eprintln!(
            "error: {}: the folder cannot be made: {error}. Nothing was written.",
            folder.display()
        );
        return status::FAILED;
    }
    let csv = crate::export::to_csv(project);
    for (name, text) in [
        (Inventory::SYSTEMS_FILE, &csv.systems),
        (Inventory::CONNECTIONS_FILE, &csv.connections),
    ] {
        if let Err(error) = write_atomically(&folder.join(name), text.as_bytes(), false) {
            eprintln!("error: {error}. The inventory is not complete.");
            return status::FAILED;
        }
    }
    eprintln!(
        "{}: wrote the inventory as {} and {}",
        folder.display(),
        Inventory::SYSTEMS_FILE,
        Inventory::CONNECTIONS_FILE
    );
    status::OK
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
