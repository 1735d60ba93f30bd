use crate::cli::out::{out, outln};
use std::path::PathBuf;

use clap::Args;

use super::{count, status};
use crate::examples::{EXAMPLES, find};
use crate::io::write_atomically;

#[derive(Args, Debug)]
pub struct ExampleArgs {
    /// Which example to write; leave out to list them.
    name: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Replace OUT if it already exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: ExampleArgs) -> u8 {
    let Some(name) = args.name else {
        list();
        return status::OK;
    };
    let Some(example) = find(&name) else {
        let names: Vec<_> = EXAMPLES.iter().map(|e| e.name).collect();
        eprintln!(
            "error: there is no example called {name:?}; choose one of: {}",
            names.join(", ")
        );
        return status::FAILED;
    };
    let Some(out) = args.output else {
        out!("{}", example.source);
        return status::OK;
    };
    if out.exists() && !args.force {
        eprintln!(
            "error: {} already exists; choose another name, or add --force to replace it.",
            out.display()
        );
        return status::FAILED;
    }
    match write_atomically(&out, example.source.as_bytes(), true) {
        Ok(()) => {
            eprintln!("wrote the {} example to {}", example.name, out.display());
            status::OK
        }
        Err(error) => {
            eprintln!("error: {error}");
            status::FAILED
        }
    }
}

fn list() {
    outln!("Bundled examples (write one with `integration-studio example NAME -o FILE.ron`):");
    for example in EXAMPLES {
        match example.project() {
            Ok(p) => outln!(
                "  {:<10} {} ({}, {})",
                example.name,
                example.title,
                count(p.systems.len(), "system"),
                count(p.connections.len(), "connection")
            ),
            Err(_) => outln!("  {:<10} {}", example.name, example.title),
        }
    }
}
