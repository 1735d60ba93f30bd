//! Checks a parsed project for what its types cannot rule out: broken references,
//! duplicate ids, impossible numbers. Every problem is reported, each with its place.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use super::error::TextPosition;
use super::locate::PathIndex;
use crate::model::{Connection, ItemRef, Project, SystemId, ZoneId, is_blank};
use crate::words::flow_name;

/// What kind of problem; the text form is stable and used in JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemCode {
    DuplicateId,
    InvalidId,
    DanglingReference,
    SlaOutOfRange,
    SelfConnection,
    EmptyName,
    EmptyCustomValue,
    InvalidGeometry,
}

impl ProblemCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::DuplicateId => "duplicate-id",
            ProblemCode::InvalidId => "invalid-id",
            ProblemCode::DanglingReference => "dangling-reference",
            ProblemCode::SlaOutOfRange => "sla-out-of-range",
            ProblemCode::SelfConnection => "self-connection",
            ProblemCode::EmptyName => "empty-name",
            ProblemCode::EmptyCustomValue => "empty-custom-value",
            ProblemCode::InvalidGeometry => "invalid-geometry",
        }
    }
}

/// One thing wrong with a project that loaded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub code: ProblemCode,
    pub message: String,
    /// Where in the model, e.g. `connections[4].to`.
    pub path: String,
    /// Where in the file, when the project came from a file.
    pub position: Option<TextPosition>,
    pub subject: ItemRef,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.message, self.code.as_str())
    }
}

/// All problems of `project`, in file order. Positions are filled in
/// from `source`, the text the project was read from, when there is one.
pub fn validate(project: &Project, source: Option<&str>) -> Vec<Problem> {
    let mut found = Vec::new();
    let lookup = Lookup::new(project);
    check_ids(project, &lookup, &mut found);
    check_zones(project, &mut found);
    check_systems(project, &lookup, &mut found);
    check_connections(project, &lookup, &mut found);
    if let (Some(text), false) = (source, found.is_empty()) {
        let index = PathIndex::for_paths(text, found.iter().map(|p| p.path.as_str()));
        for problem in &mut found {
            problem.position = index.position(text, &problem.path);
        }
        // Read top to bottom, like a compiler's messages.
        found.sort_by_key(|p| p.position);
    }
    found
}

fn problem(code: ProblemCode, subject: ItemRef, path: String, message: String) -> Problem {
    Problem {
        code,
        message,
        path,
        position: None,
        subject,
    }
}

/// The largest id JSON tools can read exactly (2^53 − 1); also far from overflow.
const MAX_ID: u64 = (1 << 53) - 1;

/// System names and zone ids by id, so checks on 30,000 connections stay linear.
struct Lookup<'a> {
    system_names: HashMap<SystemId, &'a str>,
    zones: HashSet<ZoneId>,
}

impl<'a> Lookup<'a> {
    fn new(project: &'a Project) -> Self {
        Lookup {
            system_names: project
                .systems
                .iter()
                .map(|s| (s.id, s.name.as_str()))
                .collect(),
            zones: project.zones.iter().map(|z| z.id).collect(),
        }
    }

    fn system_name(&self, id: SystemId) -> String {
        match self.system_names.get(&id) {
            Some(name) => (*name).to_owned(),
            None => format!("<unknown system {id}>"),
        }
    }

    /// "connection 12 (Shop → ERP)"; only built when there is something to report.
    fn connection(&self, c: &Connection) -> String {
        // The names come from the lookup's map: a project's `system_name` searches a list.
        let name = flow_name(&self.system_name(c.from), &self.system_name(c.to));
        format!("connection {} ({name})", c.id)
    }
}

fn describe(project: &Project, lookup: &Lookup, item: ItemRef, index: usize) -> String {
    match item {
        ItemRef::Zone(_) => format!("zone “{}”", project.zones[index].name),
        ItemRef::System(_) => format!("system “{}”", project.systems[index].name),
        ItemRef::Connection(_) => lookup.connection(&project.connections[index]),
        ItemRef::Project => "the project".to_owned(),
    }
}

fn item_path(item: ItemRef, index: usize) -> String {
    match item {
        ItemRef::Zone(_) => format!("zones[{index}]"),
        ItemRef::System(_) => format!("systems[{index}]"),
        ItemRef::Connection(_) => format!("connections[{index}]"),
        ItemRef::Project => String::new(),
    }
}

fn check_ids(project: &Project, lookup: &Lookup, found: &mut Vec<Problem>) {
    let zones = project
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| (z.id.0, ItemRef::Zone(z.id), i));
    let systems = project
        .systems
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.0, ItemRef::System(s.id), i));
    let connections = project
        .connections
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.0, ItemRef::Connection(c.id), i));
    let mut first_user: HashMap<u64, (ItemRef, usize)> = HashMap::new();
    for (id, item, index) in zones.chain(systems).chain(connections) {
        if id > MAX_ID {
            let what = describe(project, lookup, item, index);
            let message = format!(
                "id {id} of {what} is too large; ids must stay below {MAX_ID} so that every \
                 tool, JSON readers included, reads them exactly. Give it a smaller unused id."
            );
            let path = format!("{}.id", item_path(item, index));
            found.push(problem(ProblemCode::InvalidId, item, path, message));
        }
        match first_user.entry(id) {
            Entry::Vacant(slot) => {
                slot.insert((item, index));
            }
            Entry::Occupied(first) => {
                let (first_item, first_index) = *first.get();
                let free_id = project.next_free_id();
                let message = format!(
                    "id {id} of {} is already used by {}; ids must be unique. \
                     Give it an unused id such as {free_id}.",
                    describe(project, lookup, item, index),
                    describe(project, lookup, first_item, first_index),
                );
                let path = format!("{}.id", item_path(item, index));
                found.push(problem(ProblemCode::DuplicateId, item, path, message));
            }
        }
    }
}

fn check_zones(project: &Project, found: &mut Vec<Problem>) {
    for (i, zone) in project.zones.iter().enumerate() {
        let subject = ItemRef::Zone(zone.id);
        if is_blank(&zone.name) {
            let message = format!("zone {} has no name; give it one.", zone.id);
            found.push(problem(
                ProblemCode::EmptyName,
                subject,
                format!("zones[{i}].name"),
                message,
            ));
        }
        if zone.kind.as_ref().is_some_and(|k| k.is_blank_other()) {
            found.push(empty_other(
                subject,
                format!("zones[{i}].kind"),
                "zone kind",
                &zone.name,
            ));
        }
    }
}

fn check_systems(project: &Project, lookup: &Lookup, found: &mut Vec<Problem>) {
    if is_blank(&project.name) {
        let message = "the project has no name; give it one.".to_owned();
        found.push(problem(
            ProblemCode::EmptyName,
            ItemRef::Project,
            "name".into(),
            message,
        ));
    }
    for (i, system) in project.systems.iter().enumerate() {
        let subject = ItemRef::System(system.id);
        let at = |field: &str| format!("systems[{i}].{field}");
        let name = &system.name;
        if is_blank(name) {
            let message = format!("system {} has no name; give it one.", system.id);
            found.push(problem(
                ProblemCode::EmptyName,
                subject,
                at("name"),
                message,
            ));
        }
        if !system.availability.is_in_range() {
            let percent = system.availability.percent.unwrap_or(f64::NAN);
            let message = format!(
                "system “{name}” has availability {percent}%, outside 0–100; \
                 write an SLA such as 99.9."
            );
            found.push(problem(
                ProblemCode::SlaOutOfRange,
                subject,
                at("availability.percent"),
                message,
            ));
        }
        if let Some(zone) = system.zone.filter(|z| !lookup.zones.contains(z)) {
            let message = format!(
                "system “{name}” is in zone {zone}, which does not exist; \
                 pick one of the project's zones or remove the zone."
            );
            found.push(problem(
                ProblemCode::DanglingReference,
                subject,
                at("zone"),
                message,
            ));
        }
        if !system.position.is_finite() {
            let message = format!("system “{name}” has a position that is not a finite number.");
            found.push(problem(
                ProblemCode::InvalidGeometry,
                subject,
                at("position"),
                message,
            ));
        }
        let size = system.size;
        if !(size.width.is_finite()
            && size.height.is_finite()
            && size.width > 0.0
            && size.height > 0.0)
        {
            let message = format!(
                "system “{name}” has size {} × {}; width and height must be positive.",
                size.width, size.height
            );
            found.push(problem(
                ProblemCode::InvalidGeometry,
                subject,
                at("size"),
                message,
            ));
        }
        let blank_choices = [
            (
                "data_format",
                "data format",
                system
                    .data_format
                    .as_ref()
                    .is_some_and(|v| v.is_blank_other()),
            ),
            (
                "communication",
                "communication",
                system
                    .communication
                    .as_ref()
                    .is_some_and(|v| v.is_blank_other()),
            ),
            (
                "sensitivity",
                "data sensitivity",
                system
                    .sensitivity
                    .as_ref()
                    .is_some_and(|v| v.is_blank_other()),
            ),
        ];
        for (field, label, blank) in blank_choices {
            if blank {
                found.push(empty_other(
                    subject,
                    at(field),
                    label,
                    &format!("system “{name}”"),
                ));
            }
        }
    }
}

fn check_connections(project: &Project, lookup: &Lookup, found: &mut Vec<Problem>) {
    for (i, connection) in project.connections.iter().enumerate() {
        let subject = ItemRef::Connection(connection.id);
        let at = |field: &str| format!("connections[{i}].{field}");
        let what = || lookup.connection(connection);
        for (field, end, id) in [
            ("from", "starts at", connection.from),
            ("to", "ends at", connection.to),
        ] {
            if !lookup.system_names.contains_key(&id) {
                let message = format!(
                    "{} {end} system {id}, which does not exist; point it at an existing \
                     system or delete the connection.",
                    what()
                );
                found.push(problem(
                    ProblemCode::DanglingReference,
                    subject,
                    at(field),
                    message,
                ));
            }
        }
        if let Some(bend) = connection.waypoints.iter().position(|p| !p.is_finite()) {
            let message = format!(
                "{} has a bend (waypoint {}) that is not a finite number; fix it or delete \
                 the waypoints to draw a straight line.",
                what(),
                bend + 1
            );
            found.push(problem(
                ProblemCode::InvalidGeometry,
                subject,
                at(&format!("waypoints[{bend}]")),
                message,
            ));
        }
        if connection.from == connection.to && !connection.is_meaningful_self_loop() {
            let message = format!(
                "{} goes from a system to itself without a queue, topic or stream in \
                 between; connect it to another system, or make it an asynchronous, \
                 publish/subscribe or streaming flow if the system consumes its own events.",
                what()
            );
            found.push(problem(
                ProblemCode::SelfConnection,
                subject,
                at("to"),
                message,
            ));
        }
        let blank_choices = [
            (
                "protocol",
                "protocol",
                connection
                    .protocol
                    .as_ref()
                    .is_some_and(|v| v.is_blank_other()),
            ),
            (
                "style",
                "interaction style",
                connection
                    .style
                    .as_ref()
                    .is_some_and(|v| v.is_blank_other()),
            ),
            (
                "data_format",
                "data format",
                connection
                    .data_format
                    .as_ref()
                    .is_some_and(|v| v.is_blank_other()),
            ),
            (
                "direction",
                "direction",
                connection.direction.is_blank_other(),
            ),
            (
                "authentication",
                "authentication",
                connection
                    .authentication
                    .as_ref()
                    .is_some_and(|v| v.is_blank_other()),
            ),
            (
                "resilience",
                "resilience measure",
                connection.resilience.iter().any(|v| v.is_blank_other()),
            ),
        ];
        for (field, label, blank) in blank_choices {
            if blank {
                found.push(empty_other(subject, at(field), label, &what()));
            }
        }
    }
    let requirements = &project.requirements;
    let blank_requirements = [
        (
            "integration_type",
            "integration type",
            requirements
                .integration_type
                .as_ref()
                .is_some_and(|v| v.is_blank_other()),
        ),
        (
            "security_classification",
            "security classification",
            requirements
                .security_classification
                .as_ref()
                .is_some_and(|v| v.is_blank_other()),
        ),
        (
            "regulatory_compliance",
            "regulation",
            requirements
                .regulatory_compliance
                .iter()
                .any(|v| v.is_blank_other()),
        ),
    ];
    for (field, label, blank) in blank_requirements {
        if blank {
            found.push(empty_other(
                ItemRef::Project,
                format!("requirements.{field}"),
                label,
                "the project",
            ));
        }
    }
}

fn empty_other(subject: ItemRef, path: String, label: &str, owner: &str) -> Problem {
    let message = format!(
        "the custom {label} of {owner} is empty; write what it is, or pick one of the listed values."
    );
    problem(ProblemCode::EmptyCustomValue, subject, path, message)
}
