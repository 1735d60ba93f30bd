//! `export`: the project in another format. Today pictures (SVG, PNG); the format is a
//! value enum so more (Mermaid, PlantUML, …) can join it.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::status;
use crate::io::{load, write_atomically};
use crate::picture::{PictureFormat, PictureOptions};

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The project file to export.
    file: PathBuf,
    /// The format to write.
    #[arg(long, value_enum)]
    to: ExportFormat,
    /// Where to write it (default: FILE with the format's extension; `-` for standard
    /// output).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A picture of the landscape as SVG, with real (selectable) text.
    Svg,
    /// A picture of the landscape as PNG, at twice the canvas's size.
    Png,
}

impl ExportFormat {
    fn picture(self) -> PictureFormat {
        match self {
            ExportFormat::Svg => PictureFormat::Svg,
            ExportFormat::Png => PictureFormat::Png,
        }
    }
}

pub fn run(args: ExportArgs) -> u8 {
    let loaded = match load(&args.file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{}\nNothing was written.", error.report());
            return status::FAILED;
        }
    };
    let format = args.to.picture();
    let bytes = match format.render(&loaded.project, &PictureOptions::default()) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!(
                "error: {}: {error}. Nothing was written.",
                args.file.display()
            );
            return status::FAILED;
        }
    };
    let out = args
        .output
        .unwrap_or_else(|| args.file.with_extension(format.extension()));
    if out == Path::new("-") {
        super::out::write_bytes(&bytes);
        return status::OK;
    }
    if same_file(&out, &args.file) {
        eprintln!(
            "error: {}: the picture would overwrite the project file; choose another -o. \
             Nothing was written.",
            out.display()
        );
        return status::FAILED;
    }
    if let Err(error) = write_atomically(&out, &bytes, false) {
        eprintln!("error: {error}. Nothing was written.");
        return status::FAILED;
    }
    eprintln!(
        "{}: wrote the landscape as {}",
        out.display(),
        format.extension().to_uppercase()
    );
    status::OK
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
