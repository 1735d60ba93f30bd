//! The `integration-studio` command line. It calls the same library functions as the app.

mod check;
mod example;
mod fmt;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit statuses shared by every subcommand.
pub mod status {
    /// Everything worked and the project is valid.
    pub const OK: u8 = 0;
    /// The file was read, but the project has problems (or, with a strict flag, gaps).
    pub const PROBLEMS: u8 = 1;
    /// The file could not be read or parsed, or the command could not do its work.
    pub const FAILED: u8 = 2;
}

#[derive(Parser, Debug)]
#[command(
    name = "integration-studio",
    version,
    about = "Model an integration landscape and turn it into a CM-010 Integration Pattern Analysis prompt.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Project file to open in the desktop app.
    file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Write the filled-in CM-010 prompt for a project.
    Render(render::RenderArgs),
    /// Validate a project file and report every problem with file:line:col.
    Check(check::CheckArgs),
    /// List the bundled example projects, or write one out.
    Example(example::ExampleArgs),
    /// Rewrite a project file in canonical form, migrating an older format version.
    Fmt(fmt::FmtArgs),
}

/// Parses the process arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    ExitCode::from(run(cli))
}

fn run(cli: Cli) -> u8 {
    match cli.command {
        Some(Command::Render(args)) => render::run(args),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Example(args)) => example::run(args),
        Some(Command::Fmt(args)) => fmt::run(args),
        None => desktop_not_yet_available(cli.file),
    }
}

fn desktop_not_yet_available(file: Option<PathBuf>) -> u8 {
    let target = file.map_or_else(|| "a project".to_owned(), |f| f.display().to_string());
    eprintln!(
        "The Integration Studio desktop app is not part of this build yet, so {target} cannot be \
         opened in a window.\n\
         What works today:\n  \
         integration-studio example ecommerce -o shop.ron   write a bundled example project\n  \
         integration-studio check shop.ron                  validate it\n  \
         integration-studio render shop.ron -o prompt.md    write its CM-010 prompt\n  \
         integration-studio fmt shop.ron                    rewrite it in canonical form\n\
         See `integration-studio --help`."
    );
    status::OK
}

/// `path:line:col` when the position is known, else just the path.
fn place(path: &std::path::Path, position: Option<crate::io::TextPosition>) -> String {
    match position {
        Some(p) => format!("{}:{p}", path.display()),
        None => path.display().to_string(),
    }
}

/// "1 connection", "3 connections".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
