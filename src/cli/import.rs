//! `import`: a landscape from another tool's file, written as a new project file, with
//! the report of what was imported, skipped and guessed on stderr.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::status;
use crate::import::{Format, Options, import_file};
use crate::io::save;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The file to import (a folder for a Backstage catalog).
    source: PathBuf,
    /// The source's format (default: told from the file's name and content).
    #[arg(long, value_enum, value_name = "FORMAT")]
    from: Option<SourceFormat>,
    /// Where to write the project (default: the source's name with `.ron`, beside it).
    #[arg(short, long, value_name = "OUT.ron")]
    output: Option<PathBuf>,
    /// draw.io: import only this page, by name or number from 1 (default: all pages).
    #[arg(long, value_name = "NAME|N")]
    page: Option<String>,
    /// ArchiMate: take positions from this view (default: the first that shows elements).
    #[arg(long, value_name = "NAME")]
    view: Option<String>,
    /// Structurizr: also read `!include` and `extends` files from this folder.
    #[arg(long, value_name = "DIR")]
    allow_include: Vec<PathBuf>,
    /// Structurizr: import components as systems, their containers as zones (default:
    /// components are rolled up into their containers).
    #[arg(long)]
    components: bool,
    /// Overwrite OUT.ron if it exists (a backup is kept as OUT.ron.bak).
    #[arg(long)]
    force: bool,
    /// How to print the report on stderr.
    #[arg(long, value_enum, default_value = "text")]
    report: ReportStyle,
    /// Exit with status 1 when anything was skipped or guessed.
    #[arg(long)]
    strict: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ReportStyle {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SourceFormat {
    Drawio,
    Structurizr,
    Mermaid,
    Dot,
    Archimate,
    #[value(name = "archi-csv")]
    ArchiCsv,
    Csv,
    Backstage,
}

impl SourceFormat {
    fn format(self) -> Format {
        match self {
            SourceFormat::Drawio => Format::Drawio,
            SourceFormat::Structurizr => Format::Structurizr,
            SourceFormat::Mermaid => Format::Mermaid,
            SourceFormat::Dot => Format::Dot,
            SourceFormat::Archimate => Format::Archimate,
            SourceFormat::ArchiCsv => Format::ArchiCsv,
            SourceFormat::Csv => Format::Csv,
            SourceFormat::Backstage => Format::Backstage,
        }
    }
}

pub fn run(args: ImportArgs) -> u8 {
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&args.source));
    if out.exists() && !args.force {
        eprintln!(
            "error: {} already exists; give another -o, or --force to overwrite it (a backup \
             is kept). Nothing was imported.",
            out.display()
        );
        return status::FAILED;
    }
    let options = Options {
        format: args.from.map(SourceFormat::format),
        page: args.page,
        view: args.view,
        allow_include: args.allow_include,
        components: args.components,
    };
    let imported = match import_file(&args.source, &options) {
        Ok(imported) => imported,
        Err(error) => {
            eprintln!("{}\nNothing was written.", error.report());
            return status::FAILED;
        }
    };
    if let Err(error) = save(&imported.project, &out) {
        eprintln!("error: {error}");
        return status::FAILED;
    }
    match args.report {
        ReportStyle::Text => eprintln!("{}\nwrote {}", imported.report.text(), out.display()),
        ReportStyle::Json => eprintln!("{}", imported.report.json()),
    }
    if args.strict && imported.report.has_losses_or_guesses() {
        status::PROBLEMS
    } else {
        status::OK
    }
}

/// `landscape.drawio` → `landscape.ron` beside it; a folder → `FOLDER.ron` beside it.
fn default_output(source: &Path) -> PathBuf {
    let source = source.components().as_path();
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "imported".to_owned());
    let stem = name
        .strip_suffix(".drawio.svg")
        .or_else(|| name.rsplit_once('.').map(|(stem, _)| stem))
        .unwrap_or(&name);
    source.with_file_name(format!("{stem}.ron"))
}
