//! A plain inventory as CSV, as a spreadsheet or a LeanIX-style export gives it:
//! `systems.csv` (one system per row) and, beside it, an optional `connections.csv`.
//! Columns are matched by their header (case and spacing ignored, common synonyms
//! accepted); other columns are kept in the notes. The template is in docs/import/.

use std::path::{Path, PathBuf};

use super::ImportError;
use super::builder::{Builder, ConnectionDraft, SystemDraft};
use super::report::LineKind;
use super::source::Source;
use super::table::{Table, read_table};
use crate::model::{Point, Size};

const KEY: &[&str] = &["id", "key", "systemid", "externalid"];
const NAME: &[&str] = &[
    "name",
    "system",
    "systemname",
    "application",
    "applicationname",
    "app",
    "displayname",
    "title",
];
const ZONE: &[&str] = &[
    "zone",
    "trustzone",
    "domain",
    "location",
    "network",
    "boundary",
];
const X: &[&str] = &["x"];
const Y: &[&str] = &["y"];
const FROM: &[&str] = &[
    "from",
    "source",
    "sourcesystem",
    "fromsystem",
    "consumer",
    "caller",
];
const TO: &[&str] = &[
    "to",
    "target",
    "targetsystem",
    "tosystem",
    "provider",
    "callee",
];
const LABEL: &[&str] = &["data", "label", "description", "name", "interface", "flow"];
const TECHNOLOGY: &[&str] = &["technology", "tech", "transport"];

pub fn read(source: &Source, builder: &mut Builder) -> Result<(), ImportError> {
    let (systems_source, connections_path) = if is_connections_file(&source.path) {
        let systems = sibling(&source.path, "connections", "systems");
        let text = Source::read(&systems).map_err(|_| ImportError::Unsupported {
            path: source.path.clone(),
            reason: format!(
                "this is a connections file; import the systems file beside it ({})",
                systems.display()
            ),
        })?;
        (text, Some(source.path.clone()))
    } else {
        let connections = sibling(&source.path, "systems", "connections");
        let read_source = Source::new(&source.path, source.text.clone());
        (read_source, connections.exists().then_some(connections))
    };
    let table = read_table(&systems_source)?;
    let name_column = table.column(NAME).ok_or_else(|| {
        systems_source.error_at(
            0,
            "no `name` column: the systems file needs a column named name, system or application",
        )
    })?;
    systems(&systems_source, &table, name_column, builder);
    if let Some(path) = connections_path {
        let connections_source = Source::read(&path)?;
        connections(&connections_source, builder)?;
    }
    Ok(())
}

fn systems(source: &Source, table: &Table, name_column: usize, builder: &mut Builder) {
    let key_column = table.column(KEY);
    let zone_column = table.column(ZONE);
    let (x, y) = (table.column(X), table.column(Y));
    for (fields, line) in &table.rows {
        let place = source.place_at(*line, 1);
        let cell =
            |column: Option<usize>| column.and_then(|c| fields.get(c)).map_or("", |v| v.trim());
        let name = cell(Some(name_column));
        if name.is_empty() {
            builder.skipped(place, "a row with no name is not a system");
            continue;
        }
        let key = match cell(key_column) {
            "" => name.to_owned(),
            key => key.to_owned(),
        };
        let zone = cell(zone_column);
        if !zone.is_empty() {
            builder.zone(zone, zone, Some(place.clone()));
        }
        let mut draft = SystemDraft {
            name: name.to_owned(),
            zone: (!zone.is_empty()).then(|| zone.to_owned()),
            ..SystemDraft::default()
        };
        if let (Ok(x), Ok(y)) = (cell(x).parse::<f32>(), cell(y).parse::<f32>())
            && x.is_finite()
            && y.is_finite()
        {
            draft.bounds = Some((Point::new(x, y), Size::SYSTEM));
        }
        let used = [Some(name_column), key_column, zone_column, x, y];
        for (column, header) in table.headers.iter().enumerate() {
            if used.contains(&Some(column)) {
                continue;
            }
            let value = cell(Some(column));
            if !value.is_empty() {
                draft.properties.push((header.clone(), value.to_owned()));
            }
        }
        if builder.has_system(&key) {
            builder.line(
                LineKind::Problem,
                Some(place.clone()),
                format!("“{key}” is listed twice; the rows are merged"),
            );
        }
        builder.system(&key, draft, Some(place));
    }
}

fn connections(source: &Source, builder: &mut Builder) -> Result<(), ImportError> {
    let table = read_table(source)?;
    let (Some(from), Some(to)) = (table.column(FROM), table.column(TO)) else {
        return Err(source.error_at(
            0,
            "the connections file needs a `from` and a `to` column (or source and target)",
        ));
    };
    let label = table.column(LABEL);
    let technology = table.column(TECHNOLOGY);
    for (fields, line) in &table.rows {
        let place = source.place_at(*line, 1);
        let cell =
            |column: Option<usize>| column.and_then(|c| fields.get(c)).map_or("", |v| v.trim());
        let mut draft = ConnectionDraft {
            from: cell(Some(from)).to_owned(),
            to: cell(Some(to)).to_owned(),
            label: cell(label).to_owned(),
            technology: cell(technology).to_owned(),
            ..ConnectionDraft::default()
        };
        let used = [Some(from), Some(to), label, technology];
        for (column, header) in table.headers.iter().enumerate() {
            let value = cell(Some(column));
            if !used.contains(&Some(column)) && !value.is_empty() {
                draft.properties.push((header.clone(), value.to_owned()));
            }
        }
        builder.connection(draft, Some(place));
    }
    Ok(())
}

fn is_connections_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().to_lowercase().contains("connections"))
}

/// The connections file the importer looks for beside a systems file.
pub fn connections_file_beside(systems: &Path) -> PathBuf {
    sibling(systems, "systems", "connections")
}

/// `acme-systems.csv` → `acme-connections.csv`; a file not named so → `connections.csv`.
fn sibling(path: &Path, from: &str, to: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // ASCII only: the byte offsets must be the name's own (`İ` lower-cased is longer).
    let lower = name.to_ascii_lowercase();
    match lower.find(from) {
        Some(at) => path.with_file_name(format!("{}{to}{}", &name[..at], &name[at + from.len()..])),
        None => path.with_file_name(format!("{to}.csv")),
    }
}
