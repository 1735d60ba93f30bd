use crate::cli::out::out;
use std::path::PathBuf;

use clap::Args;

use super::{count, place, scope, status};
use crate::analysis::analyze;
use crate::io::{load, write_atomically};
use crate::model::{ItemRef, Project};
use crate::template::{MissingValue, render};

#[derive(Args, Debug)]
pub struct RenderArgs {
    /// The project file to render.
    file: PathBuf,
    /// Write the prompt to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Exit with status 1 when any required value is missing.
    #[arg(long)]
    fail_on_missing: bool,
    /// What the prompt is about, instead of the project's saved scope: `all`,
    /// `zone:NAME`, `systems:ID,ID` or `around:ID:HOPS` (NAME and ID: an id or a unique
    /// name). Repeat to combine: the union, with the largest hop count.
    #[arg(long, value_name = "SCOPE", value_parser = scope::parse)]
    scope: Vec<scope::ScopeArg>,
}

pub fn run(args: RenderArgs) -> u8 {
    let mut loaded = match load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{}", error.report());
            return status::FAILED;
        }
    };
    for problem in &loaded.problems {
        eprintln!(
            "{}: warning: {problem}",
            place(&args.file, problem.position)
        );
    }
    if let Err(error) = scope::apply(&args.scope, &mut loaded.project) {
        let _ = error.print();
        return status::FAILED;
    }
    let report = analyze(&loaded.project);
    let prompt = match render(&loaded.project, &report) {
        Ok(prompt) => prompt,
        Err(error) => {
            eprintln!("error: {}: {error}", args.file.display());
            return status::FAILED;
        }
    };
    if let Some(out) = &args.output {
        if let Err(error) = write_atomically(out, prompt.text.as_bytes(), false) {
            eprintln!("error: {error}");
            return status::FAILED;
        }
    } else {
        out!("{}", prompt.text);
    }
    if !prompt.missing.is_empty() {
        eprintln!(
            "{}: {} (shown as ⟦missing: …⟧ in the prompt):",
            args.file.display(),
            count(prompt.missing.len(), "missing value")
        );
        for missing in &prompt.missing {
            eprintln!("  - {}", describe(&loaded.project, missing));
        }
        if args.fail_on_missing {
            return status::PROBLEMS;
        }
    }
    status::OK
}

/// "Purpose of system “ERP” (id 4)".
fn describe(project: &Project, missing: &MissingValue) -> String {
    match missing.item {
        ItemRef::Project => missing.label.clone(),
        ItemRef::System(id) => {
            format!(
                "{} of system “{}” (id {id})",
                missing.label,
                project.system_name(id)
            )
        }
        ItemRef::Connection(id) => match project.connection(id) {
            Some(c) => format!(
                "{} of connection {} (id {id})",
                missing.label,
                project.connection_name(c)
            ),
            None => format!("{} of connection {id}", missing.label),
        },
        ItemRef::Zone(id) => format!("{} of zone {id}", missing.label),
    }
}
