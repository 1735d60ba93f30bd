//! Saving: atomic, with a backup, and never harmful when it fails.

use std::fs;

use integration_studio::examples::find;
use integration_studio::io::{backup_path, load, save, to_ron_string};
use integration_studio::model::Project;

fn shop() -> Project {
    find("ecommerce").unwrap().project().unwrap()
}

#[test]
fn saving_twice_gives_the_same_bytes_and_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.ron");
    save(&shop(), &path).unwrap();
    let first = fs::read(&path).unwrap();
    save(&shop(), &path).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
    assert_eq!(load(&path).unwrap().project, shop());
}

#[test]
fn the_previous_version_is_kept_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.ron");
    fs::write(&path, "my earlier text").unwrap();
    save(&shop(), &path).unwrap();
    assert_eq!(backup_path(&path), dir.path().join("shop.ron.bak"));
    assert_eq!(
        fs::read_to_string(backup_path(&path)).unwrap(),
        "my earlier text"
    );

    let mut renamed = shop();
    renamed.name = "Renamed".into();
    save(&renamed, &path).unwrap();
    assert_eq!(
        fs::read_to_string(backup_path(&path)).unwrap(),
        to_ron_string(&shop()).unwrap()
    );
    // Nothing but the file and its backup is left in the folder.
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["shop.ron", "shop.ron.bak"]);
}

#[cfg(unix)]
#[test]
fn a_new_file_gets_ordinary_permissions_and_an_existing_one_keeps_its_own() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.ron");
    save(&shop(), &fresh).unwrap();
    let mode = fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
    assert_ne!(
        mode, 0o600,
        "a new project must not be private to its owner"
    );
    assert!(mode & 0o400 != 0 && mode & 0o200 != 0);

    let kept = dir.path().join("kept.ron");
    fs::write(&kept, "x").unwrap();
    fs::set_permissions(&kept, fs::Permissions::from_mode(0o640)).unwrap();
    save(&shop(), &kept).unwrap();
    assert_eq!(
        fs::metadata(&kept).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_updates_the_file_it_points_at() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    save(&shop(), &link).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&real).unwrap(),
        to_ron_string(&shop()).unwrap()
    );
}

#[test]
fn a_failed_save_says_why_and_leaves_everything_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("a-folder.ron");
    fs::create_dir(&folder).unwrap();
    let error = save(&shop(), &folder).unwrap_err();
    assert!(error.to_string().contains("folder"), "{error}");
    assert!(error.to_string().contains("was not changed"), "{error}");
    assert!(folder.is_dir());

    let missing_dir = dir.path().join("no-such-dir").join("shop.ron");
    let error = save(&shop(), &missing_dir).unwrap_err();
    assert!(error.to_string().contains("temporary file"), "{error}");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// The name a save of `shop.ron` by process `pid` gives its temporary file.
fn temporary_of_process(folder: &std::path::Path, pid: u32) -> std::path::PathBuf {
    folder.join(format!(".shop.ron.{pid}-q7Zk2m.integration-studio.tmp"))
}

/// The id of a process that has run and ended, as a save killed part-way has.
fn ended_process() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[cfg(target_os = "linux")]
#[test]
fn a_killed_saves_temporary_file_is_gone_after_the_next_save_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.ron");
    save(&shop(), &path).unwrap();
    let stale = temporary_of_process(dir.path(), ended_process());
    fs::write(&stale, "half a project").unwrap();
    // Another project's leftover, a running save's file and the user's own files stay.
    let others = [
        dir.path().join(".bank.ron.1-q7Zk2m.integration-studio.tmp"),
        temporary_of_process(dir.path(), std::process::id()),
        dir.path().join(".shop.ron.swp"),
        dir.path().join("notes.tmp"),
    ];
    for other in &others {
        fs::write(other, "keep me").unwrap();
    }
    save(&shop(), &path).unwrap();
    assert!(!stale.exists(), "the stale temporary file is still there");
    for other in &others {
        assert_eq!(
            fs::read_to_string(other).unwrap(),
            "keep me",
            "{}",
            other.display()
        );
    }
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(
        names.len(),
        2 + others.len(),
        "only shop.ron, its .bak and the others"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn opening_a_project_also_clears_its_stale_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.ron");
    save(&shop(), &path).unwrap();
    let stale = temporary_of_process(dir.path(), ended_process());
    fs::write(&stale, "half a project").unwrap();
    assert_eq!(load(&path).unwrap().project, shop());
    assert!(!stale.exists());
}
