//! `arrange`: lays the landscape out automatically and writes it atomically, pinned
//! systems untouched.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::status;
use crate::io::{load, save};
use crate::layout::{Direction, Options, arrange};
use crate::words::count;

#[derive(Args, Debug)]
pub struct ArrangeArgs {
    /// The project file to arrange.
    file: PathBuf,
    /// Where to write the arranged project (default: FILE itself, keeping FILE.bak).
    #[arg(short, long, value_name = "OUT.ron")]
    output: Option<PathBuf>,
    /// Which way data flows on the page.
    #[arg(long, value_enum, default_value = "right")]
    direction: FlowDirection,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FlowDirection {
    /// Sources on the left, sinks on the right.
    Right,
    /// Sources at the top, sinks at the bottom.
    Down,
}

pub fn run(args: ArrangeArgs) -> u8 {
    let loaded = match load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{}\nNothing was written.", error.report());
            return status::FAILED;
        }
    };
    let mut project = loaded.project;
    let options = Options {
        direction: match args.direction {
            FlowDirection::Right => Direction::Right,
            FlowDirection::Down => Direction::Down,
        },
        only: None,
    };
    let arrangement = arrange(&project, &options);
    if let Some(edit) = arrangement.edit(&project)
        && let Err(error) = crate::edit::apply(&mut project, edit)
    {
        eprintln!("error: {error}. Nothing was written.");
        return status::FAILED;
    }
    let out = args.output.as_ref().unwrap_or(&args.file);
    if let Err(error) = save(&project, out) {
        eprintln!("error: {error}. Nothing was written.");
        return status::FAILED;
    }
    let pinned = project.systems.iter().filter(|s| s.pinned).count();
    let kept = if pinned > 0 {
        format!(", {} left where they were", count(pinned, "pinned system"))
    } else {
        String::new()
    };
    eprintln!(
        "{}: arranged {}{kept}",
        out.display(),
        count(arrangement.positions.len(), "system")
    );
    status::OK
}
