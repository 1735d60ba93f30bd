//! Shared by the import tests: importing fixtures and workspaces, and reading the result
//! by name.

#![allow(dead_code)] // Each test file uses its own part of this.

use std::path::{Path, PathBuf};

use integration_studio::import::{Imported, LineKind, Options, import_file};
use integration_studio::model::{Project, System};

/// A Structurizr fixture, by its path under tests/fixtures/import/structurizr.
pub fn import(path: &str) -> Imported {
    import_file(
        &Path::new("tests/fixtures/import/structurizr").join(path),
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{}", e.report()))
}

pub fn names(project: &Project) -> Vec<&str> {
    project.systems.iter().map(|s| s.name.as_str()).collect()
}

pub fn system<'a>(project: &'a Project, name: &str) -> &'a System {
    project
        .systems
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

pub fn zone_of<'a>(project: &'a Project, name: &str) -> Option<&'a str> {
    let zone = system(project, name).zone?;
    project.zone(zone).map(|z| z.name.as_str())
}

pub fn flows(project: &Project) -> Vec<String> {
    let name = |id| project.system(id).map_or("?", |s| s.name.as_str());
    project
        .connections
        .iter()
        .map(|c| format!("{} → {}: {}", name(c.from), name(c.to), c.data))
        .collect()
}

pub fn lines(imported: &Imported, kind: LineKind, containing: &str) -> Vec<String> {
    imported
        .report
        .lines
        .iter()
        .filter(|l| l.kind == kind && l.message.contains(containing))
        .map(|l| l.to_string())
        .collect()
}

/// A workspace written into a fresh folder as `workspace.dsl`, with other files beside it.
pub fn workspace(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let path = dir.path().join("workspace.dsl");
    (dir, path)
}

pub fn import_path(path: &Path, options: &Options) -> Imported {
    import_file(path, options).unwrap_or_else(|e| panic!("{}", e.report()))
}

/// Each connection as "From → To".
pub fn pairs(project: &Project) -> Vec<String> {
    let name = |id| project.system(id).map_or("?", |s| s.name.as_str());
    project
        .connections
        .iter()
        .map(|c| format!("{} → {}", name(c.from), name(c.to)))
        .collect()
}

/// A fixture by its path under tests/fixtures/import.
pub fn import_fixture(path: &str) -> Imported {
    import_path(
        &Path::new("tests/fixtures/import").join(path),
        &Options::default(),
    )
}

/// The 1-based number of the first line of a fixture (by its path under
/// tests/fixtures/import) that contains `text`.
pub fn line_of(path: &str, text: &str) -> usize {
    let source = std::fs::read_to_string(Path::new("tests/fixtures/import").join(path)).unwrap();
    1 + source
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("“{text}” is not in {path}"))
}
