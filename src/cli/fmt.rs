use std::path::PathBuf;

use clap::Args;

use super::status;
use crate::io::{parse, read_text, save, to_ron_string};
use crate::model::CURRENT_FORMAT_VERSION;

#[derive(Args, Debug)]
pub struct FmtArgs {
    /// The project file to rewrite.
    file: PathBuf,
    /// Only report whether the file is canonical (exit 1 if not); write nothing.
    #[arg(long)]
    check: bool,
}

pub fn run(args: FmtArgs) -> u8 {
    let file = &args.file;
    // Any error before the final atomic rename leaves the file exactly as it was.
    let (loaded, current) = match read_text(file).and_then(|text| Ok((parse(&text, file)?, text))) {
        Ok(read) => read,
        Err(error) => {
            eprintln!("{}\nThe file was not changed.", error.report());
            return status::FAILED;
        }
    };
    let canonical = match to_ron_string(&loaded.project) {
        Ok(text) => text,
        Err(error) => {
            eprintln!(
                "error: {}: cannot write RON: {error}. The file was not changed.",
                file.display()
            );
            return status::FAILED;
        }
    };
    if current == canonical {
        eprintln!("{}: already in canonical form", file.display());
        return status::OK;
    }
    if args.check {
        eprintln!(
            "{}: not in canonical form; run `integration-studio fmt` on it",
            file.display()
        );
        return status::PROBLEMS;
    }
    if let Err(error) = save(&loaded.project, file) {
        eprintln!("error: {error}");
        return status::FAILED;
    }
    match loaded.migrated_from {
        Some(v) => eprintln!(
            "{}: migrated from format version {v} to {CURRENT_FORMAT_VERSION} and rewritten; \
             the previous file is kept as {}",
            file.display(),
            crate::io::backup_path(file).display()
        ),
        None => eprintln!("{}: rewritten in canonical form", file.display()),
    }
    if !loaded.problems.is_empty() {
        eprintln!(
            "note: the project still has {} problem(s); `integration-studio check {}` lists them",
            loaded.problems.len(),
            file.display()
        );
    }
    status::OK
}
