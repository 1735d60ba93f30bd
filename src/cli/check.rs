//! `integration-studio check`: the file's problems, the landscape's findings and the
//! readiness checklist, as text for people or as JSON for pipelines.

mod json;
mod text;

use crate::cli::out::outln;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::status;
use crate::analysis::{Report, Severity, analyze};
use crate::io::{LoadError, Loaded, load};

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The project file to check.
    file: PathBuf,
    /// Output format; `json` is a stable schema documented in docs/cli.md.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Exit with status 1 when an active finding is at least this severe; `never` lets
    /// findings never change the exit status.
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = FailOn::Error)]
    fail_on: FailOn,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

/// The least severe finding that fails the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

pub fn run(args: CheckArgs) -> u8 {
    let result = load(&args.file);
    // A project that loads is analysed even when it has problems: the findings still help.
    let report = result.as_ref().ok().map(|loaded| analyze(&loaded.project));
    let code = exit_code(&result, report.as_ref(), args.fail_on);
    match args.format {
        OutputFormat::Text => text::print(&args.file, &result, report.as_ref()),
        OutputFormat::Json => {
            let document = json::JsonReport::new(&args.file, &result, report.as_ref());
            match serde_json::to_string_pretty(&document) {
                Ok(json) => outln!("{json}"),
                Err(e) => {
                    eprintln!("error: could not write the JSON report: {e}");
                    return status::FAILED;
                }
            }
        }
    }
    code
}

/// 2 when the file cannot be loaded; 1 when it has problems, or an active finding at or
/// above `fail_on`; 0 otherwise. Acknowledged findings never count.
fn exit_code(result: &Result<Loaded, LoadError>, report: Option<&Report>, fail_on: FailOn) -> u8 {
    let Ok(loaded) = result else {
        return status::FAILED;
    };
    let worst = report.and_then(Report::worst);
    let fails = matches!((worst, fail_on.threshold()), (Some(w), Some(t)) if w >= t);
    if !loaded.problems.is_empty() || fails {
        status::PROBLEMS
    } else {
        status::OK
    }
}
