//! Archi saves a model that holds images as a zip archive: the model as `model.xml`, the
//! images under `images/`. Only the model is read, and it is inflated into a buffer that
//! never grows past `LARGEST_MODEL`, whatever the archive claims, so a zip bomb is an
//! error after at most that much work and memory.

use std::io::{Cursor, ErrorKind, Read};
use std::path::Path;

use zip::ZipArchive;

use super::super::ImportError;
use super::super::source::{Archive, Source};

/// Far more than any real model (Archisurance is 115 kB), and what the XML reader can
/// take in memory.
pub const LARGEST_MODEL: usize = 64 * 1024 * 1024;

/// The entry Archi writes the model to; a template's archive has `model.archimate`.
const MODEL_ENTRY: &str = "model.xml";

/// Whether the bytes are a zip archive: a local file header first, or the end record of
/// an empty archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The model in the zip archive at `path`, as a source named `path/model.xml`.
pub fn unzip(path: &Path, bytes: &[u8]) -> Result<Source, ImportError> {
    let refuse = |reason: String| ImportError::Read {
        path: path.to_owned(),
        reason,
    };
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        refuse(format!(
            "this is a damaged zip archive (cut off, or no zip archive after all): {e}"
        ))
    })?;
    let names: Vec<String> = archive
        .file_names()
        .map(|name| name.map_or_else(|_| "(unreadable name)".to_owned(), String::from))
        .collect();
    let index = model_entry(&names).ok_or_else(|| refuse(no_model(&names)))?;
    let entry = &names[index];
    let mut file = archive
        .by_index(index)
        .map_err(|e| refuse(format!("“{entry}” in this zip archive cannot be read: {e}")))?;
    let too_large = || {
        refuse(format!(
            "“{entry}” in this zip archive inflates to more than {} MB, the most a model \
             may take; it is not read (the archive may be damaged or a zip bomb)",
            LARGEST_MODEL / (1024 * 1024)
        ))
    };
    if file.size() > LARGEST_MODEL as u64 {
        return Err(too_large());
    }
    let text = match read_at_most(&mut file, LARGEST_MODEL) {
        Ok(Some(text)) => text,
        Ok(None) => return Err(too_large()),
        Err(e) => {
            return Err(refuse(format!(
                "“{entry}” in this zip archive is damaged: {e}"
            )));
        }
    };
    // Named below the archive even when the entry's name is absolute.
    let shown = path.join(entry.trim_start_matches(['/', '\\']));
    let mut source = Source::from_bytes(&shown, text)?;
    source.archive = Some(Archive {
        path: path.to_owned(),
        entry: entry.clone(),
        unread: (names.iter().enumerate())
            .filter(|&(i, name)| i != index && !name.ends_with('/'))
            .map(|(_, name)| name.clone())
            .collect(),
    });
    Ok(source)
}

fn model_entry(names: &[String]) -> Option<usize> {
    let archimate = |name: &String| name.to_ascii_lowercase().ends_with(".archimate");
    (names.iter().position(|name| name == MODEL_ENTRY)).or_else(|| names.iter().position(archimate))
}

fn no_model(names: &[String]) -> String {
    let shown: Vec<String> = names.iter().take(3).map(|n| format!("“{n}”")).collect();
    let held = match names.len() {
        0 => "it is empty".to_owned(),
        n if n > shown.len() => format!("it holds {} and {} more", shown.join(", "), n - 3),
        _ => format!("it holds {}", shown.join(", ")),
    };
    format!(
        "this zip archive holds no “{MODEL_ENTRY}”, where Archi saves the model, and no \
         .archimate file ({held}); only Archi models are read from zip archives"
    )
}

/// All of `reader` when it is at most `limit` bytes, else `None` as soon as it is more.
/// The buffer grows by doubling, but never past the limit.
pub(super) fn read_at_most(
    reader: &mut impl Read,
    limit: usize,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut out = Vec::new();
    let mut chunk = vec![0; 64 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => return Ok(Some(out)),
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if out.len() + n > limit {
            return Ok(None);
        }
        if out.capacity() - out.len() < n {
            let capacity = (out.capacity() * 2).clamp(out.len() + n, limit);
            out.reserve_exact(capacity - out.len());
        }
        out.extend_from_slice(&chunk[..n]);
    }
}
