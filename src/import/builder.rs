//! What every importer shares: items collected by their key in the source, then turned
//! into a project with fresh ids in the order the source gives them (so the same source
//! imports to the same bytes), properties mapped, guesses made and reported, and a
//! layout made when the source has none.

use std::collections::HashMap;

use super::guess::guess;
use super::mapping::{Mapped, connection_property, system_property, zone_property};
use super::report::{Line, LineKind, Place, Report};
use crate::model::{Connection, ItemRef, Point, Project, Size, System, SystemId, Zone, ZoneId};

/// A system as the source describes it.
#[derive(Clone, Debug, Default)]
pub struct SystemDraft {
    pub name: String,
    pub purpose: String,
    pub technology: String,
    pub tags: Vec<String>,
    /// The key of its zone in the source.
    pub zone: Option<String>,
    /// In source order; mapped to fields by name, the rest kept in the notes.
    pub properties: Vec<(String, String)>,
    /// Extra note lines (what kind of element it was, say).
    pub notes: Vec<String>,
    /// The top-left corner and size in the source's units, when it has any.
    pub bounds: Option<(Point, Size)>,
}

/// A data flow as the source describes it, between two elements by their keys.
#[derive(Clone, Debug, Default)]
pub struct ConnectionDraft {
    pub from: String,
    pub to: String,
    /// What it carries, or the label the source gives the line.
    pub label: String,
    /// A technology text ("HTTPS/JSON"): kept in the notes and guessed from.
    pub technology: String,
    pub properties: Vec<(String, String)>,
    pub notes: Vec<String>,
    pub both_ways: bool,
    /// Where the line bends, in the same units as the systems' bounds.
    pub waypoints: Vec<Point>,
}

pub struct Builder {
    name: String,
    description: String,
    report: Report,
    zones: Vec<(String, String, Option<Place>)>,
    /// Properties of zones, by the zone's place in `zones`: kind and notes, or note lines.
    zone_properties: HashMap<usize, Vec<(String, String)>>,
    zone_index: HashMap<String, usize>,
    systems: Vec<(String, SystemDraft, Option<Place>)>,
    system_index: HashMap<String, usize>,
    connections: Vec<(ConnectionDraft, Option<Place>)>,
}

impl Builder {
    pub fn new(name: &str, report: Report) -> Builder {
        Builder {
            name: name.to_owned(),
            description: String::new(),
            report,
            zones: Vec::new(),
            zone_properties: HashMap::new(),
            zone_index: HashMap::new(),
            systems: Vec::new(),
            system_index: HashMap::new(),
            connections: Vec::new(),
        }
    }

    /// The project's name, on one line.
    pub fn set_name(&mut self, name: &str) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() {
            self.name = name;
        }
    }

    /// The project's description (a model's documentation).
    pub fn set_description(&mut self, description: &str) {
        self.description = description.trim().to_owned();
    }

    pub fn line(&mut self, kind: LineKind, place: Option<Place>, message: impl Into<String>) {
        self.report.lines.push(Line {
            kind,
            place,
            item: None,
            message: message.into(),
        });
    }

    pub fn skipped(&mut self, place: Place, message: impl Into<String>) {
        self.line(LineKind::Skipped, Some(place), message);
    }

    pub fn problem(&mut self, place: Place, message: impl Into<String>) {
        self.line(LineKind::Problem, Some(place), message);
    }

    /// A zone by its key; the first name given wins.
    pub fn zone(&mut self, key: &str, name: &str, place: Option<Place>) {
        if self.zone_index.contains_key(key) {
            return;
        }
        self.zone_index.insert(key.to_owned(), self.zones.len());
        self.zones.push((key.to_owned(), name.to_owned(), place));
    }

    /// A property of the zone with this key (its kind, its notes; anything else becomes a
    /// note line), set when the project is built.
    pub fn zone_property(&mut self, key: &str, property: &str, value: &str) {
        if let Some(&at) = self.zone_index.get(key) {
            let properties = self.zone_properties.entry(at).or_default();
            properties.push((property.to_owned(), value.to_owned()));
        }
    }

    /// A system by its key. A key given twice adds to the first (as DOT and Mermaid do
    /// when a node is mentioned again), keeping its first name unless it had none.
    pub fn system(&mut self, key: &str, draft: SystemDraft, place: Option<Place>) {
        if let Some(&index) = self.system_index.get(key) {
            let (_, first, _) = &mut self.systems[index];
            merge_draft(first, draft);
            return;
        }
        self.system_index.insert(key.to_owned(), self.systems.len());
        self.systems.push((key.to_owned(), draft, place));
    }

    pub fn has_system(&self, key: &str) -> bool {
        self.system_index.contains_key(key)
    }

    pub fn connection(&mut self, draft: ConnectionDraft, place: Option<Place>) {
        self.connections.push((draft, place));
    }

    /// The project, and the report of everything done to make it.
    pub fn finish(self) -> (Project, Report) {
        let Builder {
            name,
            description,
            mut report,
            zones,
            zone_properties,
            systems,
            connections,
            ..
        } = self;
        let mut project = Project::new(name);
        project.description = description;
        let zone_ids = build_zones(&mut project, &zones, &zone_properties, &mut report);
        let mut system_ids: HashMap<String, SystemId> = HashMap::new();
        let mut any_bounds = false;
        let mut unplaced = std::collections::BTreeSet::new();
        for (key, draft, place) in systems {
            let id = project.allocate_system_id();
            system_ids.insert(key, id);
            let mut system = System::new(id, draft.name.trim());
            system.purpose = draft.purpose.trim().to_owned();
            system.technology = draft.technology.trim().to_owned();
            system.tags = draft.tags;
            system.zone = draft.zone.as_ref().and_then(|z| zone_ids.get(z)).copied();
            for line in &draft.notes {
                push_line(&mut system.notes, line);
            }
            for (key, value) in &draft.properties {
                if let Mapped::Unfit(reason) = system_property(&mut system, key, value) {
                    report.lines.push(Line {
                        kind: LineKind::Problem,
                        place: place.clone(),
                        item: Some(ItemRef::System(id)),
                        message: format!("{}: {reason}", system.name),
                    });
                }
            }
            if let Some((corner, size)) = draft.bounds {
                any_bounds = true;
                system.position = corner;
                system.size = size;
            } else {
                unplaced.insert(id);
            }
            project.systems.push(system);
        }
        for (draft, place) in connections {
            let (Some(&from), Some(&to)) = (system_ids.get(&draft.from), system_ids.get(&draft.to))
            else {
                let missing = if system_ids.contains_key(&draft.from) {
                    &draft.to
                } else {
                    &draft.from
                };
                report.lines.push(Line {
                    kind: LineKind::Skipped,
                    place,
                    item: None,
                    message: format!(
                        "relationship {} → {}: “{missing}” is not an imported element",
                        draft.from, draft.to
                    ),
                });
                continue;
            };
            let id = project.allocate_connection_id();
            let mut connection = Connection::new(id, from, to);
            connection.data = draft.label.trim().to_owned();
            connection.waypoints = draft.waypoints.clone();
            if draft.both_ways {
                connection.direction = crate::model::Direction::BothWays;
            }
            for line in &draft.notes {
                push_line(&mut connection.notes, line);
            }
            if !draft.technology.trim().is_empty() {
                push_line(
                    &mut connection.notes,
                    &format!("technology: {}", draft.technology.trim()),
                );
            }
            for (key, value) in &draft.properties {
                if let Mapped::Unfit(reason) = connection_property(&mut connection, key, value) {
                    report.lines.push(Line {
                        kind: LineKind::Problem,
                        place: place.clone(),
                        item: Some(ItemRef::Connection(id)),
                        message: reason,
                    });
                }
            }
            let flow = flow_name(&project, from, to);
            for line in guess_fields(&mut connection, &draft) {
                report.lines.push(Line {
                    kind: LineKind::Guessed,
                    place: place.clone(),
                    item: Some(ItemRef::Connection(id)),
                    message: format!("{flow}: {line}"),
                });
            }
            project.connections.push(connection);
        }
        report.counts.systems = project.systems.len();
        report.counts.connections = project.connections.len();
        report.counts.zones = project.zones.len();
        if any_bounds {
            super::positions::fit_to_our_boxes(&mut project, &unplaced);
            super::positions::separate_overlaps(&mut project, &unplaced, &mut report);
        }
        super::positions::arrange_unplaced(&mut project, unplaced, &mut report);
        // In source order, as a person reads the file; lines about the whole import first.
        report.lines.sort_by(|a, b| a.place.cmp(&b.place));
        (project, report)
    }
}

fn flow_name(project: &Project, from: SystemId, to: SystemId) -> String {
    let name = |id| project.system(id).map_or("?", |s| s.name.as_str());
    crate::words::flow_name(name(from), name(to))
}

/// Fills protocol, style and format from the technology (else the label) where the
/// source did not set them, and says what was guessed from what.
fn guess_fields(connection: &mut Connection, draft: &ConnectionDraft) -> Vec<String> {
    let text = if draft.technology.trim().is_empty() {
        &draft.label
    } else {
        &draft.technology
    };
    let guessed = guess(text);
    let mut lines = Vec::new();
    let from = |word: &str| format!("(from “{word}” in “{}”)", text.trim());
    if connection.protocol.is_none()
        && let Some((protocol, word)) = guessed.protocol.clone()
    {
        lines.push(format!("protocol {} {}", protocol.label(), from(&word)));
        connection.protocol = Some(protocol);
    }
    // A style that comes with a guessed protocol says nothing when the source named
    // another protocol ("Orders API" over an event stream is not request/response).
    let protocol_word = guessed
        .protocol
        .as_ref()
        .map(|(p, w)| (p.clone(), w.clone()));
    let style = guessed.style.filter(|(_, word)| match &protocol_word {
        Some((protocol, protocol_word)) if protocol_word == word => connection
            .protocol
            .as_ref()
            .is_none_or(|set| set == protocol),
        _ => true,
    });
    if connection.style.is_none()
        && let Some((style, word)) = style
    {
        lines.push(format!(
            "interaction style {} {}",
            style.label(),
            from(&word)
        ));
        connection.style = Some(style);
    }
    if connection.data_format.is_none()
        && let Some((format, word)) = guessed.format
    {
        lines.push(format!("data format {} {}", format.label(), from(&word)));
        connection.data_format = Some(format);
    }
    lines
}

fn merge_draft(first: &mut SystemDraft, later: SystemDraft) {
    if first.name.trim().is_empty() {
        first.name = later.name;
    }
    for (mine, theirs) in [
        (&mut first.purpose, later.purpose),
        (&mut first.technology, later.technology),
    ] {
        if mine.trim().is_empty() {
            *mine = theirs;
        }
    }
    for tag in later.tags {
        if !first.tags.contains(&tag) {
            first.tags.push(tag);
        }
    }
    first.zone = first.zone.take().or(later.zone);
    first.properties.extend(later.properties);
    first.notes.extend(later.notes);
    first.bounds = first.bounds.or(later.bounds);
}

fn push_line(notes: &mut String, line: &str) {
    if !notes.is_empty() {
        notes.push('\n');
    }
    notes.push_str(line);
}

/// The zones, in the order given, with their properties applied; their ids by key.
fn build_zones(
    project: &mut Project,
    zones: &[(String, String, Option<Place>)],
    zone_properties: &HashMap<usize, Vec<(String, String)>>,
    report: &mut Report,
) -> HashMap<String, ZoneId> {
    let mut zone_ids: HashMap<String, ZoneId> = HashMap::new();
    for (at, (key, zone_name, place)) in zones.iter().enumerate() {
        let id = project.allocate_zone_id();
        zone_ids.insert(key.clone(), id);
        let mut zone = Zone {
            id,
            name: zone_name.clone(),
            kind: None,
            notes: String::new(),
        };
        for (property, value) in zone_properties.get(&at).into_iter().flatten() {
            if let Mapped::Unfit(reason) = zone_property(&mut zone, property, value) {
                report.lines.push(Line {
                    kind: LineKind::Problem,
                    place: place.clone(),
                    item: Some(ItemRef::Zone(id)),
                    message: format!("{zone_name}: {reason}"),
                });
            }
        }
        project.zones.push(zone);
    }
    zone_ids
}
