//! The ArchiMate 3.1 Open Exchange Format (The Open Group's XML, which Archi, BiZZdesign
//! and others read): each system an `ApplicationComponent` (documentation = purpose),
//! each connection whose ends exist one `Flow` (name = data, documentation = notes; a
//! both-ways flow stays one relationship with a `Direction` property), each zone a
//! `Grouping` that aggregates its members, every other field a property named as our
//! importer maps it back (`import/mapping.rs`), and one diagram of our positions with the
//! zones' nodes around their members' nodes (see `view`, docs/export.md). Children are
//! written in the schema's strict order; every id is an `xs:ID` (`id-s7`).

mod view;
mod xml;

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::model::{Connection, Direction, Labelled, Project, System, Zone};

use xml::{Pieces, push_text, tagged};

/// The property definitions, by their place in this list (`id-p1` is the first): the
/// name our importer maps to the field, and the schema's data type.
const PROPERTIES: [(&str, &str); 20] = [
    ("Technology", "string"),
    ("Data format", "string"),
    ("Communication", "string"),
    ("SLA", "number"),
    ("SLA note", "string"),
    ("Sensitivity", "string"),
    ("Owner", "string"),
    ("Tags", "string"),
    ("Notes", "string"),
    ("Pinned", "boolean"),
    ("Protocol", "string"),
    ("Interaction style", "string"),
    ("Direction", "string"),
    ("Frequency", "string"),
    ("Volume", "string"),
    ("Latency target ms", "number"),
    ("Authentication", "string"),
    ("Encrypted", "boolean"),
    ("Resilience", "string"),
    ("Transformation", "string"),
];

/// A zone's kind, on its Grouping; not one of the fields above, so last.
const ZONE_KIND: (&str, &str) = ("Zone kind", "string");

/// The identifiers of everything written, unique even in a project that repeats an id.
pub(crate) struct Ids {
    pub systems: Vec<String>,
    pub zones: Vec<String>,
    pub connections: Vec<String>,
    /// System id → its place in `Project::systems` (the first, if repeated).
    pub system_place: HashMap<crate::model::SystemId, usize>,
    /// Zone id → its place in `Project::zones`.
    pub zone_place: HashMap<crate::model::ZoneId, usize>,
}

impl Ids {
    fn new(project: &Project) -> Ids {
        let mut system_place = HashMap::new();
        for (i, s) in project.systems.iter().enumerate() {
            system_place.entry(s.id).or_insert(i);
        }
        let mut zone_place = HashMap::new();
        for (i, z) in project.zones.iter().enumerate() {
            zone_place.entry(z.id).or_insert(i);
        }
        Ids {
            systems: unique("s", project.systems.iter().map(|s| s.id.0)),
            zones: unique("z", project.zones.iter().map(|z| z.id.0)),
            connections: unique("c", project.connections.iter().map(|c| c.id.0)),
            system_place,
            zone_place,
        }
    }

    /// The place of a system's zone, when the project has that zone.
    pub fn zone_of(&self, system: &System) -> Option<usize> {
        self.zone_place.get(&system.zone?).copied()
    }
}

/// `id-s7`; an id seen before gets its place too (`id-s7-12`), so no two are the same.
fn unique(kind: &str, ids: impl Iterator<Item = u64>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.enumerate()
        .map(|(i, id)| {
            if seen.insert(id) {
                format!("id-{kind}{id}")
            } else {
                format!("id-{kind}{id}-{i}")
            }
        })
        .collect()
}

/// A connection whose two ends exist (a relationship to nothing would not be valid),
/// with its place in `Project::connections` and its ends' places in `Project::systems`.
pub(crate) struct Flow<'a> {
    pub place: usize,
    pub connection: &'a Connection,
    pub from: usize,
    pub to: usize,
}

fn flows<'a>(project: &'a Project, ids: &Ids) -> Vec<Flow<'a>> {
    let place = |id| ids.system_place.get(&id).copied();
    let flows = project.connections.iter().enumerate();
    flows
        .filter_map(|(i, c)| {
            Some(Flow {
                place: i,
                connection: c,
                from: place(c.from)?,
                to: place(c.to)?,
            })
        })
        .collect()
}

/// The landscape as an exchange-format model with one diagram.
pub fn to_archimate(project: &Project) -> String {
    let ids = Ids::new(project);
    let drawable = flows(project, &ids);
    let ((elements, relationships), views) = rayon::join(
        || {
            rayon::join(
                || elements(project, &ids),
                || relationships(project, &ids, &drawable),
            )
        },
        || view::views(project, &ids, &drawable),
    );
    let length = elements.len() + relationships.len() + views.len();
    let mut out = String::with_capacity(length + 8192);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://www.opengroup.org/xsd/archimate/3.0/ \
         http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd\" \
         identifier=\"id-model\">\n",
    );
    tagged(&mut out, "  ", "name", &project.name);
    if !crate::model::is_blank(&project.description) {
        tagged(&mut out, "  ", "documentation", &project.description);
    }
    for piece in elements.0.iter().chain(&relationships.0) {
        out.push_str(piece);
    }
    organizations(&mut out, &ids, &drawable);
    property_definitions(&mut out);
    for piece in &views.0 {
        out.push_str(piece);
    }
    out.push_str("</model>\n");
    out
}

/// Every system, then every zone as a Grouping.
fn elements(project: &Project, ids: &Ids) -> Pieces {
    let mut out = Pieces::default();
    if project.systems.is_empty() && project.zones.is_empty() {
        return out;
    }
    out.push_str("  <elements>\n");
    let places: Vec<usize> = (0..project.systems.len()).collect();
    out.parallel(&places, |out, &i| {
        let system = &project.systems[i];
        out.push_str("    <element identifier=\"");
        out.push_str(&ids.systems[i]);
        out.push_str("\" xsi:type=\"ApplicationComponent\">\n");
        tagged(out, "      ", "name", &system.name);
        if !crate::model::is_blank(&system.purpose) {
            tagged(out, "      ", "documentation", &system.purpose);
        }
        properties(out, &system_properties(system));
        out.push_str("    </element>\n");
    });
    for (zone, id) in project.zones.iter().zip(&ids.zones) {
        grouping(out.text(), zone, id);
    }
    out.push_str("  </elements>\n");
    out
}

fn grouping(out: &mut String, zone: &Zone, id: &str) {
    let _ = writeln!(
        out,
        "    <element identifier=\"{id}\" xsi:type=\"Grouping\">"
    );
    tagged(out, "      ", "name", super::zone_title(Some(zone)));
    if !crate::model::is_blank(&zone.notes) {
        tagged(out, "      ", "documentation", &zone.notes);
    }
    if let Some(kind) = &zone.kind {
        let _ = writeln!(
            out,
            "      <properties>\n        <property propertyDefinitionRef=\"id-p{}\">",
            PROPERTIES.len() + 1
        );
        tagged(out, "          ", "value", kind.label());
        out.push_str("        </property>\n      </properties>\n");
    }
    out.push_str("    </element>\n");
}

/// Every drawable connection as a Flow, then each zoned system's Aggregation from its
/// zone's Grouping.
fn relationships(project: &Project, ids: &Ids, drawable: &[Flow<'_>]) -> Pieces {
    let mut out = Pieces::default();
    let memberships: Vec<(usize, usize)> = project
        .systems
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((ids.zone_of(s)?, i)))
        .collect();
    if drawable.is_empty() && memberships.is_empty() {
        return out;
    }
    out.push_str("  <relationships>\n");
    out.parallel(drawable, |out, flow| {
        let connection = flow.connection;
        for (text, id) in [
            (
                "    <relationship identifier=\"",
                &ids.connections[flow.place],
            ),
            ("\" source=\"", &ids.systems[flow.from]),
            ("\" target=\"", &ids.systems[flow.to]),
        ] {
            out.push_str(text);
            out.push_str(id);
        }
        out.push_str("\" xsi:type=\"Flow\">\n");
        if !crate::model::is_blank(&connection.data) {
            tagged(out, "      ", "name", &connection.data);
        }
        if !crate::model::is_blank(&connection.notes) {
            tagged(out, "      ", "documentation", &connection.notes);
        }
        properties(out, &flow_properties(connection));
        out.push_str("    </relationship>\n");
    });
    for (zone, system) in memberships {
        let _ = writeln!(
            out.text(),
            "    <relationship identifier=\"id-m{system}\" source=\"{}\" target=\"{}\" \
             xsi:type=\"Aggregation\"/>",
            ids.zones[zone],
            ids.systems[system],
        );
    }
    out.push_str("  </relationships>\n");
    out
}

/// The folders Archi sorts a model into: systems in Application, zones in Other.
fn organizations(out: &mut String, ids: &Ids, drawable: &[Flow<'_>]) {
    out.push_str("  <organizations>\n");
    let relations: Vec<&str> = drawable
        .iter()
        .map(|f| ids.connections[f.place].as_str())
        .collect();
    for (label, items) in [
        (
            "Application",
            ids.systems.iter().map(String::as_str).collect(),
        ),
        ("Other", ids.zones.iter().map(String::as_str).collect()),
        ("Relations", relations),
        ("Views", vec![view::VIEW_ID]),
    ] {
        let _ = write!(out, "    <item>\n      <label>{label}</label>\n");
        for id in items {
            let _ = writeln!(out, "      <item identifierRef=\"{id}\"/>");
        }
        out.push_str("    </item>\n");
    }
    out.push_str("  </organizations>\n");
}

fn property_definitions(out: &mut String) {
    out.push_str("  <propertyDefinitions>\n");
    for (i, (name, kind)) in PROPERTIES.iter().chain([&ZONE_KIND]).enumerate() {
        let _ = writeln!(
            out,
            "    <propertyDefinition identifier=\"id-p{}\" type=\"{kind}\">\n      \
             <name>{name}</name>\n    </propertyDefinition>",
            i + 1
        );
    }
    out.push_str("  </propertyDefinitions>\n");
}

/// A property: its place in `PROPERTIES` and its value.
type Property<'a> = (usize, std::borrow::Cow<'a, str>);

/// The fields not written as the name or documentation; blank ones are left out.
fn system_properties(s: &System) -> Vec<Property<'_>> {
    let mut list: Vec<Property<'_>> = vec![
        (0, s.technology.as_str().into()),
        (1, label(&s.data_format).into()),
        (2, label(&s.communication).into()),
        (
            3,
            s.availability
                .percent
                .map_or(String::new(), |p| p.to_string())
                .into(),
        ),
        (4, s.availability.note.as_str().into()),
        (5, label(&s.sensitivity).into()),
        (6, s.owner_team.as_str().into()),
        (7, s.tags.join(", ").into()),
        (8, s.notes.as_str().into()),
    ];
    if s.pinned {
        list.push((9, "true".into()));
    }
    list
}

fn flow_properties(c: &Connection) -> Vec<Property<'_>> {
    let direction = match &c.direction {
        Direction::OneWay => "",
        other => other.label(),
    };
    vec![
        (10, label(&c.protocol).into()),
        (11, label(&c.style).into()),
        (1, label(&c.data_format).into()),
        (12, direction.into()),
        (13, c.frequency.as_str().into()),
        (14, c.volume.as_str().into()),
        (
            15,
            c.latency_target_ms
                .map_or(String::new(), |ms| ms.to_string())
                .into(),
        ),
        (16, label(&c.authentication).into()),
        (17, if c.encrypted { "true" } else { "" }.into()),
        (18, super::csv::resilience_lines(&c.resilience).into()),
        (19, c.transformation.as_str().into()),
    ]
}

fn label<T: Labelled>(value: &Option<T>) -> &str {
    value.as_ref().map_or("", |v| v.label())
}

/// `<properties>` with the properties that are not blank, or nothing.
fn properties(out: &mut String, list: &[Property<'_>]) {
    let mut written = false;
    for (place, value) in list {
        if crate::model::is_blank(value) {
            continue;
        }
        if !written {
            out.push_str("      <properties>\n");
            written = true;
        }
        out.push_str("        <property propertyDefinitionRef=\"id-p");
        // At most two digits: there are fewer than 100 definitions.
        let n = (place + 1) as u8;
        if n >= 10 {
            out.push(char::from(b'0' + n / 10 % 10));
        }
        out.push(char::from(b'0' + n % 10));
        // One line a property: they are two thirds of a big export's bytes.
        out.push_str("\"><value>");
        push_text(out, value);
        out.push_str("</value></property>\n");
    }
    if written {
        out.push_str("      </properties>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_ids_are_told_apart() {
        assert_eq!(
            unique("s", [7, 8, 7].into_iter()),
            ["id-s7", "id-s8", "id-s7-2"]
        );
    }
}
