//! `integration-studio template list`: the built-in prompt templates.

use clap::{Args, Subcommand};

use super::status;
use crate::cli::out::outln;
use crate::model::DEFAULT_TEMPLATE;
use crate::template::BUILTIN_TEMPLATES;

#[derive(Args, Debug)]
pub struct TemplateArgs {
    #[command(subcommand)]
    command: TemplateCommand,
}

#[derive(Subcommand, Debug)]
enum TemplateCommand {
    /// List the built-in templates, one a line: the name (what a project's `template` and
    /// `render --template` take) and what its prompt asks for. The default is marked.
    List,
}

pub fn run(args: TemplateArgs) -> u8 {
    match args.command {
        TemplateCommand::List => list(),
    }
}

fn list() -> u8 {
    let width = BUILTIN_TEMPLATES
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    for (name, description) in BUILTIN_TEMPLATES {
        let default = if name == DEFAULT_TEMPLATE {
            " (default)"
        } else {
            ""
        };
        outln!("{name:width$}  {description}{default}");
    }
    status::OK
}
