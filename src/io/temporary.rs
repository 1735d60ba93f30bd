//! The temporary files a save writes beside the project, and clearing away those that a
//! killed save left behind.
//!
//! Each is named after the file it replaces and the process writing it,
//! `.shop.ron.4242-Xa3f9q.integration-studio.tmp`, so a later save of `shop.ron` can tell
//! its own leftovers from anything else in the folder and from a save in progress in
//! another running app.

use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

pub(super) const SUFFIX: &str = ".integration-studio.tmp";
/// Where a process cannot be asked whether it still runs, a file this old is stale.
const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// The start of every temporary name for `target` written by this process.
pub(super) fn prefix(target: &Path) -> String {
    format!(".{}.{}-", file_name(target), std::process::id())
}

/// Removes the temporary files of `target`'s saves whose process has ended. Never
/// anything else: not other files' temporaries, not a save still running elsewhere.
/// Quietly does nothing where the folder cannot be read; this is tidying, not saving.
pub(super) fn remove_stale_temporary_files(target: &Path) {
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let own = format!(".{}.", file_name(target));
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = writer_pid(&name, &own) else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && writer_has_ended(pid, &entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary name of ours, `{own}{pid}-{anything}{SUFFIX}`.
fn writer_pid(name: &OsStr, own: &str) -> Option<u32> {
    let rest = name.to_str()?.strip_prefix(own)?.strip_suffix(SUFFIX)?;
    let (pid, _) = rest.split_once('-')?;
    pid.parse().ok()
}

fn writer_has_ended(pid: u32, path: &Path) -> bool {
    if pid == std::process::id() {
        // This process finishes or removes its own temporaries.
        return false;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return !proc.join(pid.to_string()).exists();
    }
    let modified = fs::metadata(path).and_then(|m| m.modified());
    modified
        .ok()
        .and_then(|time| SystemTime::now().duration_since(time).ok())
        .is_some_and(|age| age > STALE_AFTER)
}

fn file_name(target: &Path) -> String {
    target
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_writer_from_our_names_only() {
        let own = ".shop.ron.";
        let ours = OsStr::new(".shop.ron.4242-Xa3f9q.integration-studio.tmp");
        assert_eq!(writer_pid(ours, own), Some(4242));
        assert_eq!(
            writer_pid(OsStr::new(".shop.ron.12-bak.integration-studio.tmp"), own),
            Some(12)
        );
        for other in [
            ".other.ron.4242-Xa3f9q.integration-studio.tmp",
            ".shop.ron.4242-Xa3f9q.tmp",
            "shop.ron",
            "shop.ron.bak",
            ".shop.ron.abc-Xa3f9q.integration-studio.tmp",
            ".shop.ron.Xa3f9q.integration-studio.tmp",
        ] {
            assert_eq!(writer_pid(OsStr::new(other), own), None, "{other}");
        }
    }

    #[test]
    fn keeps_its_own_processes_files_and_other_projects_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("shop.ron");
        let mine = dir.path().join(format!("{}abc{SUFFIX}", prefix(&target)));
        // No process has id u32::MAX - 1 on Linux (pid_max is at most 2^22).
        let dead = format!(".shop.ron.{}-abc{SUFFIX}", u32::MAX - 1);
        let other_project = format!(".bank.ron.{}-abc{SUFFIX}", u32::MAX - 1);
        for name in [dead.as_str(), other_project.as_str(), "notes.txt"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::write(&mine, "x").unwrap();
        remove_stale_temporary_files(&target);
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected = vec![
            other_project,
            "notes.txt".to_owned(),
            mine.file_name().unwrap().to_string_lossy().into_owned(),
        ];
        expected.sort();
        assert_eq!(left, expected);
    }
}
