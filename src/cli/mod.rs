//! The `integration-studio` command line. It calls the same library functions as the app.

mod arrange;
mod check;
mod example;
mod export;
mod fmt;
mod import;
mod out;
mod render;
mod render_stats;
mod scope;
mod template;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::words::count;

/// Exit statuses shared by every subcommand.
pub mod status {
    /// Everything worked and the project is valid.
    pub const OK: u8 = 0;
    /// The file was read, but the project has problems, or (`check`) an active finding at
    /// the `--fail-on` severity, or (with a strict flag) gaps.
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
    /// Project file to open in the desktop app (default: the last project, or on first
    /// launch the bundled e-commerce example).
    file: Option<PathBuf>,
    /// Capture the window once it has settled, write it to PATH as PNG, and quit.
    #[arg(long, value_name = "PATH")]
    screenshot: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Write the filled-in prompt for a project (CM-010, unless the project or `--template`
    /// names another built-in template).
    Render(render::RenderArgs),
    /// Validate a project file and report every problem with file:line:col.
    Check(check::CheckArgs),
    /// List the bundled example projects, or write one out.
    Example(example::ExampleArgs),
    /// Rewrite a project file in canonical form, migrating an older format version.
    Fmt(fmt::FmtArgs),
    /// Lay the landscape out automatically, in the direction data flows; pinned systems
    /// stay where they are.
    Arrange(arrange::ArrangeArgs),
    /// Write the landscape in another format: a picture (SVG, PNG), Mermaid, Graphviz DOT,
    /// C4-PlantUML, Structurizr DSL, D2, LikeC4, draw.io, ArchiMate exchange, the inventory
    /// CSV pair or a Markdown catalogue.
    Export(export::ExportArgs),
    /// Make a project from another tool's file: draw.io, Structurizr DSL, Mermaid,
    /// Graphviz DOT, ArchiMate (exchange format or Archi's own .archimate), Archi CSV, an
    /// inventory CSV or a Backstage catalog.
    Import(import::ImportArgs),
    /// The built-in prompt templates: `template list` names them.
    Template(template::TemplateArgs),
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
        Some(Command::Arrange(args)) => arrange::run(args),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::Import(args)) => import::run(args),
        Some(Command::Template(args)) => template::run(args),
        None => open_window(cli.file, cli.screenshot),
    }
}

#[cfg(feature = "gui")]
fn open_window(file: Option<PathBuf>, screenshot: Option<PathBuf>) -> u8 {
    let launch = crate::ui::Launch {
        file,
        screenshot,
        ..Default::default()
    };
    match crate::ui::run(launch) {
        Ok(()) => status::OK,
        Err(error) => {
            eprintln!("error: {error}");
            status::FAILED
        }
    }
}

/// The headless build has every subcommand but no window to open.
#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<PathBuf>, _screenshot: Option<PathBuf>) -> u8 {
    eprintln!("{HEADLESS_BUILD}");
    status::FAILED
}

#[cfg(not(feature = "gui"))]
const HEADLESS_BUILD: &str = "\
error: this is the command-line-only build of integration-studio; it cannot open the desktop app
  The subcommands work: render, check, example, fmt, arrange, export, import, template (see `integration-studio --help`).
  For the app, build with the default features: `cargo install --path .` (or `cargo run --release`).";

/// `path:line:col` when the position is known, else just the path.
fn place(path: &std::path::Path, position: Option<crate::io::TextPosition>) -> String {
    match position {
        Some(p) => format!("{}:{p}", path.display()),
        None => path.display().to_string(),
    }
}
