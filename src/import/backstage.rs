//! Backstage software catalog (`catalog-info.yaml`, multi-document, or a folder of them):
//! Components and Resources become systems, `providesApis` / `consumesApis` become flows
//! from consumer to provider with the API's protocol, `dependsOn` becomes a flow, Systems
//! become zones. Users, Groups and Templates are people and tooling, not landscape.

mod entity;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::builder::Builder;
use super::report::Place;
use super::sandbox::Sandbox;
use super::source::Source;
use super::yaml::{Node, documents};
use super::{ImportError, Options};
use entity::Entity;

/// At most this many files are read from a folder or through Locations.
const MOST_FILES: usize = 20_000;

/// The catalog in one file, and in the files its Locations point at.
pub fn read(source: &Source, options: &Options, builder: &mut Builder) -> Result<(), ImportError> {
    let sandbox = Sandbox::new(&source.path, &options.allow_include);
    read_all(Some(source), vec![source.path.clone()], &sandbox, builder)
}

/// The catalog in every `.yaml` / `.yml` file under a folder.
pub fn read_folder(
    folder: &Path,
    options: &Options,
    builder: &mut Builder,
) -> Result<(), ImportError> {
    let sandbox = Sandbox::new(folder, &options.allow_include);
    builder.set_name(
        &folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    read_all(None, yaml_files(folder)?, &sandbox, builder)
}

fn read_all(
    first: Option<&Source>,
    mut files: Vec<PathBuf>,
    sandbox: &Sandbox,
    builder: &mut Builder,
) -> Result<(), ImportError> {
    let mut read: BTreeSet<PathBuf> = BTreeSet::new();
    let mut entities = Vec::new();
    let mut index = 0;
    while index < files.len() && read.len() < MOST_FILES {
        let file = files[index].clone();
        index += 1;
        let canonical = file.canonicalize().unwrap_or_else(|_| file.clone());
        if !read.insert(canonical) {
            continue;
        }
        let owned;
        let source = match first.filter(|_| index == 1) {
            Some(source) => source,
            None => {
                owned = Source::read(&file)?;
                &owned
            }
        };
        for document in documents(source)? {
            let place = source.place_at(document.line, document.column);
            match Entity::of(&document, place.clone()) {
                Some(entity) if entity.kind == "location" => {
                    files.extend(location_targets(
                        &entity, &document, &file, sandbox, builder,
                    ));
                }
                Some(entity) => entities.push(entity),
                None => builder.skipped(
                    place,
                    "not a Backstage entity (no `kind` and `metadata.name`)",
                ),
            }
        }
    }
    entity::into_drafts(entities, builder);
    Ok(())
}

/// Every YAML file under `folder`, in name order, so an import is the same on every machine.
fn yaml_files(folder: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(current) = folders.pop() {
        let entries = std::fs::read_dir(&current).map_err(|e| ImportError::Read {
            path: current.clone(),
            reason: format!("the folder cannot be read: {e}"),
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                folders.push(path);
            } else if kind.is_file() && path.extension().is_some_and(|e| e == "yaml" || e == "yml")
            {
                files.push(path);
            }
            if files.len() > MOST_FILES {
                return Err(ImportError::Unsupported {
                    path: folder.to_owned(),
                    reason: format!("more than {MOST_FILES} YAML files; import a smaller folder"),
                });
            }
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(ImportError::Unsupported {
            path: folder.to_owned(),
            reason: "no .yaml or .yml files in this folder".to_owned(),
        });
    }
    Ok(files)
}

/// The files a `Location` points at that may be read: relative paths inside the allowed
/// folders. URLs are never fetched.
fn location_targets(
    entity: &Entity,
    document: &Node,
    file: &Path,
    sandbox: &Sandbox,
    builder: &mut Builder,
) -> Vec<PathBuf> {
    let Some(spec) = document.get("spec") else {
        return Vec::new();
    };
    let mut targets: Vec<(&str, &Node)> = spec.texts_at("targets");
    targets.extend(spec.texts_at("target"));
    let mut out = Vec::new();
    for (target, node) in targets {
        let place = Place {
            line: node.line,
            column: node.column,
            ..entity.place.clone()
        };
        if target.contains("://") {
            builder.skipped(
                place,
                format!("location target {target} is a URL; Integration Studio never fetches URLs"),
            );
            continue;
        }
        let wanted = file.parent().unwrap_or(Path::new(".")).join(target);
        match sandbox.check(&wanted) {
            Ok(path) => out.push(path),
            Err(reason) => builder.skipped(place, format!("location target {target}: {reason}")),
        }
    }
    out
}
