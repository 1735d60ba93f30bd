//! Writing files so that a crash or a full disk never leaves a half-written file behind.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::SaveError;
use super::format::to_ron_string;
use super::temporary;
use crate::model::Project;

/// Saves `project` to `path` atomically, keeping the previous file as `NAME.ron.bak`.
pub fn save(project: &Project, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(project).map_err(|e| SaveError {
        path: path.to_owned(),
        step: "turning the project into RON",
        reason: e.to_string(),
    })?;
    write_atomically(path, text.as_bytes(), true)
}

/// The backup kept beside `path`: `shop.ron` → `shop.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Replaces `path` with `bytes` in one step: a temporary file in the same folder is written
/// and flushed to disk, then renamed over the target, then the folder itself is flushed.
/// At every moment the file is either wholly old or wholly new.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    // Write through a symlink to the file it points at, rather than replacing the link.
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    if target.is_dir() {
        return Err(SaveError {
            path: path.to_owned(),
            step: "checking the target",
            reason: "it is a folder; choose a file name".into(),
        });
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let fail = |step| move |e: std::io::Error| SaveError::new(path, step, &e);
    temporary::remove_stale_temporary_files(&target);

    let prefix = temporary::prefix(&target);
    let mut temp = new_file_builder(&prefix)
        .tempfile_in(&folder)
        .map_err(fail("creating a temporary file in the same folder"))?;
    temp.write_all(bytes)
        .map_err(fail("writing the temporary file"))?;
    temp.as_file()
        .sync_all()
        .map_err(fail("flushing the temporary file to disk"))?;

    if let Ok(metadata) = fs::metadata(&target) {
        // Keep the user's permissions rather than the temporary file's private ones.
        fs::set_permissions(temp.path(), metadata.permissions())
            .map_err(fail("copying the file's permissions"))?;
        if keep_backup {
            write_backup(&target, &folder).map_err(fail("keeping the previous version as .bak"))?;
        }
    }
    temp.persist(&target)
        .map_err(|e| SaveError::new(path, "replacing the file", &e.error))?;
    sync_folder(&folder).map_err(fail("flushing the folder to disk"))?;
    Ok(())
}

/// Makes `NAME.ron.bak` the current file, atomically. A hard link costs nothing however
/// large the file is; where links are not supported, a copy written the same safe way.
fn write_backup(target: &Path, folder: &Path) -> std::io::Result<()> {
    let backup = backup_path(target);
    let link = folder.join(format!(
        "{}bak{}",
        temporary::prefix(target),
        temporary::SUFFIX
    ));
    let _ = fs::remove_file(&link);
    if fs::hard_link(target, &link).is_ok() {
        let renamed = fs::rename(&link, &backup);
        // When the backup already is this very file, rename leaves the link in place.
        let _ = fs::remove_file(&link);
        return renamed;
    }
    let prefix = format!("{}bak-", temporary::prefix(target));
    let temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(temporary::SUFFIX)
        .tempfile_in(folder)?;
    fs::copy(target, temp.path())?;
    temp.as_file().sync_all()?;
    temp.persist(backup).map_err(|e| e.error)?;
    Ok(())
}

/// A temporary file that, renamed into place as a new file, has the permissions any new
/// file would have (0666 less the umask) rather than a temporary file's private ones.
fn new_file_builder(prefix: &str) -> tempfile::Builder<'_, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(temporary::SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    // Other platforms cannot open a folder to flush it; the rename is still atomic.
    Ok(())
}
