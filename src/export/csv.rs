//! The inventory pair our CSV importer reads (`import/inventory.rs`): `systems.csv`, one
//! row per system, and `connections.csv`, one row per data flow naming its ends by the
//! systems' `id`. Every field of every system and connection has a column, headed with a
//! name the importer maps back to that field (see docs/export.md). Choices are written as
//! their labels, tags joined with ", ", resilience measures one per line, positions as `x`
//! and `y`; the `csv` crate quotes what needs quoting.

use std::borrow::Cow;

use crate::model::{Connection, Direction, Labelled, Project, System, ZoneId};

/// `systems.csv` and `connections.csv`, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inventory {
    pub systems: String,
    pub connections: String,
}

impl Inventory {
    /// The two files' names, beside each other in one folder, as the importer finds them.
    pub const SYSTEMS_FILE: &'static str = "systems.csv";
    pub const CONNECTIONS_FILE: &'static str = "connections.csv";
}

pub const SYSTEM_COLUMNS: [&str; 15] = [
    "id",
    "name",
    "purpose",
    "technology",
    "data format",
    "communication",
    "sla",
    "sla note",
    "sensitivity",
    "owner",
    "zone",
    "tags",
    "notes",
    "x",
    "y",
];

pub const CONNECTION_COLUMNS: [&str; 15] = [
    "from",
    "to",
    "data",
    "protocol",
    "style",
    "data format",
    "direction",
    "frequency",
    "volume",
    "latency ms",
    "authentication",
    "encrypted",
    "resilience",
    "transformation",
    "notes",
];

/// The pair, each file written on a core of its own.
pub fn to_csv(project: &Project) -> Inventory {
    let zones: std::collections::HashMap<ZoneId, &str> = project
        .zones
        .iter()
        .map(|z| (z.id, z.name.as_str()))
        .collect();
    let (systems, connections) = rayon::join(
        || {
            let rows = project.systems.iter().map(|s| {
                let zone = s.zone.and_then(|z| zones.get(&z).copied()).unwrap_or("");
                system_row(s, zone)
            });
            table(&SYSTEM_COLUMNS, rows)
        },
        || {
            table(
                &CONNECTION_COLUMNS,
                project.connections.iter().map(flow_row),
            )
        },
    );
    Inventory {
        systems,
        connections,
    }
}

fn system_row<'a>(s: &'a System, zone: &'a str) -> [Cow<'a, str>; 15] {
    [
        s.id.to_string().into(),
        s.name.as_str().into(),
        s.purpose.as_str().into(),
        s.technology.as_str().into(),
        label(&s.data_format),
        label(&s.communication),
        s.availability
            .percent
            .map_or(Cow::Borrowed(""), |p| p.to_string().into()),
        s.availability.note.as_str().into(),
        label(&s.sensitivity),
        s.owner_team.as_str().into(),
        zone.into(),
        s.tags.join(", ").into(),
        s.notes.as_str().into(),
        s.position.x.to_string().into(),
        s.position.y.to_string().into(),
    ]
}

/// The defaults (one way, not encrypted) are left blank, so a re-import adds nothing to
/// the notes for them.
fn flow_row(c: &Connection) -> [Cow<'_, str>; 15] {
    [
        c.from.to_string().into(),
        c.to.to_string().into(),
        c.data.as_str().into(),
        label(&c.protocol),
        label(&c.style),
        label(&c.data_format),
        match &c.direction {
            Direction::OneWay => "".into(),
            other => other.label().into(),
        },
        c.frequency.as_str().into(),
        c.volume.as_str().into(),
        c.latency_target_ms
            .map_or(Cow::Borrowed(""), |ms| ms.to_string().into()),
        label(&c.authentication),
        if c.encrypted { "yes" } else { "" }.into(),
        resilience_lines(&c.resilience).into(),
        c.transformation.as_str().into(),
        c.notes.as_str().into(),
    ]
}

/// One measure per line: a measure of the user's own may hold a comma, and the importer
/// splits a list with several lines at the line breaks.
pub(crate) fn resilience_lines(measures: &[crate::model::Resilience]) -> String {
    let labels: Vec<&str> = measures.iter().map(|m| m.label()).collect();
    labels.join("\n")
}

fn label<T: Labelled>(value: &Option<T>) -> Cow<'_, str> {
    value.as_ref().map_or("", |v| v.label()).into()
}

/// A header and rows as CSV: quoted where a field holds a comma, quote or line break,
/// lines ending in `\n`.
fn table<'a, const N: usize>(
    header: &[&str; N],
    rows: impl Iterator<Item = [Cow<'a, str>; N]>,
) -> String {
    let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
    // Writing into memory cannot fail, and every record has the header's length.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|field| field.as_bytes()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
