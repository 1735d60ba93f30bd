//! The model read, made into systems and zones. An integration landscape is systems and
//! the data flowing between them, so:
//! - a software system is a system, unless it has containers: then they are the systems
//!   and it is the zone holding them;
//! - a component is rolled up into its container (its relationships are the container's),
//!   unless components are asked for: then they are the systems, in their container's zone;
//! - people are users and custom elements are outside the C4 model: neither is a system;
//! - an element's zone is its innermost boundary: the group around it, else its software
//!   system (for a container), else the enterprise.

use super::super::builder::{Builder, SystemDraft};
use super::super::report::{LineKind, Place};
use super::model::{Details, Kind, Model};

/// What an element of the model becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    System,
    /// A software system with containers.
    Zone,
    /// A component, in the container with this index.
    RolledInto(usize),
    Person,
    Custom,
}

/// Each element's role; with `components`, components are systems and a container that
/// has any is the zone holding them.
pub fn roles(model: &Model, components: bool) -> Vec<Role> {
    let mut has_containers = vec![false; model.elements.len()];
    let mut has_components = vec![false; model.elements.len()];
    for element in &model.elements {
        match (element.kind, element.parent) {
            (Kind::Container, Some(parent)) => has_containers[parent] = true,
            (Kind::Component, Some(parent)) => has_components[parent] = true,
            _ => {}
        }
    }
    (0..model.elements.len())
        .map(|index| match model.elements[index].kind {
            Kind::Person => Role::Person,
            Kind::Custom => Role::Custom,
            Kind::SoftwareSystem if has_containers[index] => Role::Zone,
            Kind::Container if components && has_components[index] => Role::Zone,
            Kind::SoftwareSystem | Kind::Container => Role::System,
            Kind::Component if components => Role::System,
            Kind::Component => container_of(model, index).map_or(Role::Custom, Role::RolledInto),
        })
        .collect()
}

fn container_of(model: &Model, index: usize) -> Option<usize> {
    let mut current = model.elements[index].parent;
    while let Some(parent) = current {
        if model.elements[parent].kind == Kind::Container {
            return Some(parent);
        }
        current = model.elements[parent].parent;
    }
    None
}

/// A zone as the builder gets it.
struct ZoneRef {
    key: String,
    name: String,
    order: usize,
    place: Place,
}

/// Systems and zones to the builder, with a report line for every element that is not a
/// system of its own.
pub fn add_systems(model: &Model, roles: &[Role], builder: &mut Builder) {
    for index in 0..model.elements.len() {
        report_role(model, roles, index, builder);
    }
    let systems: Vec<usize> = (0..roles.len())
        .filter(|&i| roles[i] == Role::System)
        .collect();
    let mut zones: Vec<ZoneRef> = systems
        .iter()
        .filter_map(|&i| zone_of(model, roles, i))
        .collect();
    zones.sort_by_key(|z| z.order);
    for zone in zones {
        builder.zone(&zone.key, zone.name.trim(), Some(zone.place));
    }
    for index in systems {
        let element = &model.elements[index];
        let draft = SystemDraft {
            name: element.name.clone(),
            purpose: element.details.description.clone(),
            technology: element.details.technology.clone(),
            tags: super::restated::element_tags(&element.details),
            zone: zone_of(model, roles, index).map(|z| z.key),
            properties: element.details.properties.clone(),
            notes: notes(model, roles, index),
            bounds: None,
        };
        builder.system(&element.key, draft, Some(element.place.clone()));
    }
}

fn report_role(model: &Model, roles: &[Role], index: usize, builder: &mut Builder) {
    let element = &model.elements[index];
    let place = Some(element.place.clone());
    let name = &element.name;
    match roles[index] {
        Role::Person => builder.line(
            LineKind::Skipped,
            place,
            format!("person “{name}”: people are users, not systems; not imported, nor their relationships"),
        ),
        Role::Custom => builder.line(
            LineKind::Skipped,
            place,
            format!("{} “{name}”: not a system; not imported, nor its relationships", element.kind.label()),
        ),
        Role::Zone => {
            let mut zones: Vec<String> = (0..roles.len())
                .filter(|&c| roles[c] == Role::System && model.elements[c].parent == Some(index))
                .filter_map(|c| zone_of(model, roles, c).map(|z| format!("“{}”", z.name)))
                .collect();
            zones.dedup();
            let became = format!(
                "software system “{name}” has containers: they became the systems, in the {} {}",
                if zones.len() == 1 { "zone" } else { "zones" },
                zones.join(", ")
            );
            let lost = lost(&element.details);
            if lost.is_empty() {
                builder.line(LineKind::Note, place, became);
            } else {
                let message = format!("{became}; a zone keeps only its name, so its {} is not imported", lost.join(", "));
                builder.line(LineKind::Skipped, place, message);
            }
        }
        Role::System => {
            let components: Vec<&str> = (0..roles.len())
                .filter(|&c| roles[c] == Role::RolledInto(index))
                .map(|c| model.name(c))
                .collect();
            if !components.is_empty() {
                let message = format!(
                    "{} “{name}”: its {} ({}) are rolled up into it, so their relationships are its \
                     relationships; each component is a line in its notes",
                    element.kind.label(),
                    crate::words::count(components.len(), "component"),
                    components.join(", ")
                );
                builder.line(LineKind::Note, place, message);
            }
        }
        Role::RolledInto(_) => {}
    }
}

/// What a zone cannot keep of a software system.
fn lost(details: &Details) -> Vec<String> {
    let mut lost = Vec::new();
    if !details.description.trim().is_empty() {
        lost.push(format!("description “{}”", details.description.trim()));
    }
    if !details.technology.trim().is_empty() {
        lost.push(format!("technology “{}”", details.technology.trim()));
    }
    if !details.tags.is_empty() {
        lost.push(format!("tags {}", details.tags.join(", ")));
    }
    for (key, value) in &details.properties {
        lost.push(format!("{key} {value}"));
    }
    lost.extend(details.notes.iter().cloned());
    lost
}

/// The innermost boundary around a system: a group or enterprise inside its parent, else
/// its parent software system.
fn zone_of(model: &Model, roles: &[Role], index: usize) -> Option<ZoneRef> {
    let element = &model.elements[index];
    let parent = element.parent;
    let outside = parent.map(|p| &model.elements[p].boundaries);
    let own = element
        .boundaries
        .iter()
        .rev()
        .find(|b| outside.is_none_or(|o| !o.contains(b)));
    if let Some(&boundary) = own {
        let boundary = &model.boundaries[boundary];
        return Some(ZoneRef {
            key: boundary.key.clone(),
            name: boundary.name.clone(),
            order: boundary.order,
            place: boundary.place.clone(),
        });
    }
    let parent = parent.filter(|&p| roles[p] == Role::Zone)?;
    let system = &model.elements[parent];
    Some(ZoneRef {
        key: format!("system:{}", system.key),
        name: system.name.clone(),
        order: system.order,
        place: system.place.clone(),
    })
}

fn notes(model: &Model, roles: &[Role], index: usize) -> Vec<String> {
    let element = &model.elements[index];
    let path = boundary_path(model, index);
    // A software system is what a system is: the line says something only when the
    // element was another kind, or sat in more than its zone.
    let zone = zone_of(model, roles, index).map(|z| z.name);
    let plain = element.kind == Kind::SoftwareSystem
        && (path.is_empty() || path.len() == 1 && zone.as_deref() == Some(path[0].as_str()));
    let mut notes = Vec::new();
    if !plain {
        notes.push(match path.is_empty() {
            true => format!("Structurizr {}", element.kind.label()),
            false => format!(
                "Structurizr {} in {}",
                element.kind.label(),
                path.join(" › ")
            ),
        });
    }
    notes.extend(element.details.notes.iter().cloned());
    for component in (0..roles.len()).filter(|&c| roles[c] == Role::RolledInto(index)) {
        notes.push(component_line(
            &model.elements[component].name,
            &model.elements[component].details,
        ));
    }
    notes
}

/// The enterprise, groups and software system around an element, outermost first.
fn boundary_path(model: &Model, index: usize) -> Vec<String> {
    let element = &model.elements[index];
    let mut path = Vec::new();
    let mut seen = Vec::new();
    if let Some(parent) = element.parent {
        path = boundary_path(model, parent);
        path.push(model.name(parent).to_owned());
        seen.clone_from(&model.elements[parent].boundaries);
    }
    for &boundary in &element.boundaries {
        if !seen.contains(&boundary) {
            path.push(model.boundaries[boundary].name.clone());
        }
    }
    path
}

fn component_line(name: &str, details: &Details) -> String {
    let mut line = format!("component {name}");
    if !details.description.trim().is_empty() {
        line.push_str(&format!(": {}", details.description.trim()));
    }
    if !details.technology.trim().is_empty() {
        line.push_str(&format!(" [{}]", details.technology.trim()));
    }
    if !details.tags.is_empty() {
        line.push_str(&format!("; tags: {}", details.tags.join(", ")));
    }
    for (key, value) in &details.properties {
        line.push_str(&format!("; {key}: {value}"));
    }
    for note in &details.notes {
        line.push_str(&format!("; {note}"));
    }
    line
}
