use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{count, place, status};
use crate::io::{LoadError, Loaded, Problem, TextPosition, load};
use crate::model::{CURRENT_FORMAT_VERSION, ItemRef};

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The project file to check.
    file: PathBuf,
    /// Output format; `json` is a stable schema documented in docs/cli.md.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

pub fn run(args: CheckArgs) -> u8 {
    let result = load(&args.file);
    let code = match &result {
        Ok(loaded) if loaded.problems.is_empty() => status::OK,
        Ok(_) => status::PROBLEMS,
        Err(_) => status::FAILED,
    };
    match args.format {
        OutputFormat::Text => print_text(&args.file, &result),
        OutputFormat::Json => {
            let report = JsonReport::new(&args.file, &result);
            match serde_json::to_string_pretty(&report) {
                Ok(json) => println!("{json}"),
                Err(e) => {
                    eprintln!("error: could not write the JSON report: {e}");
                    return status::FAILED;
                }
            }
        }
    }
    code
}

fn print_text(file: &Path, result: &Result<Loaded, LoadError>) {
    match result {
        Err(error) => eprintln!("{}", error.report()),
        Ok(loaded) => {
            if let Some(version) = loaded.migrated_from {
                println!(
                    "{}: note: written in format version {version}; `integration-studio fmt` \
                     upgrades it to version {CURRENT_FORMAT_VERSION}",
                    file.display()
                );
            }
            for problem in &loaded.problems {
                println!("{}: error: {problem}", place(file, problem.position));
            }
            let p = &loaded.project;
            let counts = format!(
                "{}, {}, {}",
                count(p.systems.len(), "system"),
                count(p.connections.len(), "connection"),
                count(p.zones.len(), "zone")
            );
            match loaded.problems.len() {
                0 => println!("{}: valid ({counts})", file.display()),
                n => println!("{}: {} ({counts})", file.display(), count(n, "problem")),
            }
        }
    }
}

/// The `check --format json` document. Field names and meanings are a stable interface.
#[derive(Serialize)]
struct JsonReport {
    file: String,
    /// "valid", "problems" or "unreadable".
    status: &'static str,
    format_version: Option<u32>,
    migrated_from: Option<u32>,
    summary: Option<Summary>,
    problems: Vec<JsonProblem>,
    error: Option<JsonError>,
}

#[derive(Serialize)]
struct Summary {
    systems: usize,
    connections: usize,
    zones: usize,
}

#[derive(Serialize)]
struct JsonProblem {
    code: &'static str,
    message: String,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    item: ItemRef,
}

#[derive(Serialize)]
struct JsonError {
    message: String,
    line: Option<usize>,
    column: Option<usize>,
}

impl JsonReport {
    fn new(file: &Path, result: &Result<Loaded, LoadError>) -> Self {
        let file = file.display().to_string();
        match result {
            Err(error) => JsonReport {
                file,
                status: "unreadable",
                format_version: None,
                migrated_from: None,
                summary: None,
                problems: Vec::new(),
                error: Some(JsonError {
                    message: error.to_string(),
                    line: error.position().map(|p| p.line),
                    column: error.position().map(|p| p.column),
                }),
            },
            Ok(loaded) => JsonReport {
                file,
                status: if loaded.problems.is_empty() {
                    "valid"
                } else {
                    "problems"
                },
                format_version: Some(CURRENT_FORMAT_VERSION),
                migrated_from: loaded.migrated_from,
                summary: Some(Summary {
                    systems: loaded.project.systems.len(),
                    connections: loaded.project.connections.len(),
                    zones: loaded.project.zones.len(),
                }),
                problems: loaded.problems.iter().map(JsonProblem::from).collect(),
                error: None,
            },
        }
    }
}

impl From<&Problem> for JsonProblem {
    fn from(p: &Problem) -> Self {
        let (line, column) = split(p.position);
        JsonProblem {
            code: p.code.as_str(),
            message: p.message.clone(),
            path: p.path.clone(),
            line,
            column,
            item: p.subject,
        }
    }
}

fn split(position: Option<TextPosition>) -> (Option<usize>, Option<usize>) {
    (position.map(|p| p.line), position.map(|p| p.column))
}
