//! Copy and paste of landscape items as text, so they travel through the system clipboard:
//! within a project, between projects, and between two running apps.
//!
//! A clipping is RON, like a project file, marked with its own kind so that other text on
//! the clipboard is never mistaken for it. Pasting gives every item a fresh id.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::free_space::{Piece, nearest_free_offset};
use super::naming::copy_name;
use super::{Edit, ItemIds, Items};
use crate::model::{Connection, Point, Project, System, SystemId, Zone, ZoneId};

/// Marks clipboard text as ours.
const KIND: &str = "integration-studio/clipping";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Clipping {
    kind: String,
    /// The zones the copied systems belong to, so a paste can put them in a zone of the
    /// same name or bring the zone along.
    #[serde(default)]
    zones: Vec<Zone>,
    #[serde(default)]
    systems: Vec<System>,
    /// Only connections whose two ends were copied too: a connection cannot dangle.
    #[serde(default)]
    connections: Vec<Connection>,
}

/// What a paste adds: the edit, and the new items to select.
#[derive(Debug)]
pub struct Paste {
    pub edit: Edit,
    pub pasted: ItemIds,
}

/// Why nothing was pasted.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasteError {
    #[error("the clipboard holds no systems to paste")]
    NotAClipping,
    #[error("the clipboard's systems could not be read: {0}")]
    Unreadable(String),
}

/// The selected systems with their zones and the connections among them, as clipboard
/// text; `None` when no system is selected. Selected connections come along only with
/// both their systems.
pub fn copy(project: &Project, systems: &BTreeSet<SystemId>) -> Option<String> {
    let chosen: Vec<System> = project
        .systems
        .iter()
        .filter(|s| systems.contains(&s.id))
        .cloned()
        .collect();
    if chosen.is_empty() {
        return None;
    }
    let connections = project
        .connections
        .iter()
        .filter(|c| systems.contains(&c.from) && systems.contains(&c.to))
        .cloned()
        .collect();
    let zones = project
        .zones
        .iter()
        .filter(|z| chosen.iter().any(|s| s.zone == Some(z.id)))
        .cloned()
        .collect();
    let clipping = Clipping {
        kind: KIND.to_owned(),
        zones,
        systems: chosen,
        connections,
    };
    let config = ron::ser::PrettyConfig::default().depth_limit(2);
    ron::ser::to_string_pretty(&clipping, config).ok()
}

/// The edit that pastes clipboard `text` into `project`: new ids everywhere, names marked
/// as copies where they would clash, systems moved as a group to the free space nearest
/// where they were copied from,
/// and zones matched by name (or brought along when the project has no such zone).
pub fn paste(project: &Project, text: &str) -> Result<Paste, PasteError> {
    if !text.contains(KIND) {
        return Err(PasteError::NotAClipping);
    }
    let clipping: Clipping =
        ron::from_str(text).map_err(|e| PasteError::Unreadable(e.to_string()))?;
    if clipping.kind != KIND || clipping.systems.is_empty() {
        return Err(PasteError::NotAClipping);
    }
    let mut next_id = project.next_free_id();
    let mut fresh = || {
        let id = next_id;
        next_id = next_id.saturating_add(1);
        id
    };

    let mut zone_ids: HashMap<ZoneId, ZoneId> = HashMap::new();
    let mut new_zones = Vec::new();
    for zone in clipping.zones {
        let same_name = project.zones.iter().find(|z| z.name == zone.name);
        let id = match same_name {
            Some(existing) => existing.id,
            None => {
                let id = ZoneId(fresh());
                new_zones.push((usize::MAX, Zone { id, ..zone.clone() }));
                id
            }
        };
        zone_ids.insert(zone.id, id);
    }

    // Near where they were copied from, clear of every other box: in another project
    // that is usually where they were, so a paste keeps its layout there.
    let pieces: Vec<Piece> = clipping
        .systems
        .iter()
        .map(|system| Piece {
            rect: system.rect(),
            zone: system.zone.and_then(|z| zone_ids.get(&z).copied()),
        })
        .collect();
    let (dx, dy) = nearest_free_offset(project, &pieces);
    let mut names: HashSet<String> = project.systems.iter().map(|s| s.name.clone()).collect();
    let mut system_ids: HashMap<SystemId, SystemId> = HashMap::new();
    let mut new_systems = Vec::new();
    for system in clipping.systems {
        let id = SystemId(fresh());
        system_ids.insert(system.id, id);
        let name = copy_name(&system.name, &names);
        names.insert(name.clone());
        let zone = system.zone.and_then(|z| zone_ids.get(&z).copied());
        let position = Point::new(system.position.x + dx, system.position.y + dy);
        new_systems.push((
            usize::MAX,
            System {
                id,
                name,
                zone,
                position,
                ..system
            },
        ));
    }

    let mut new_connections = Vec::new();
    for connection in clipping.connections {
        let (Some(&from), Some(&to)) = (
            system_ids.get(&connection.from),
            system_ids.get(&connection.to),
        ) else {
            continue;
        };
        let id = crate::model::ConnectionId(fresh());
        new_connections.push((
            usize::MAX,
            Connection {
                id,
                from,
                to,
                // The pasted boxes land somewhere else: bends from the old place would zigzag.
                waypoints: Vec::new(),
                ..connection
            },
        ));
    }

    let pasted = ItemIds {
        zones: new_zones.iter().map(|(_, z)| z.id).collect(),
        systems: new_systems.iter().map(|(_, s)| s.id).collect(),
        connections: new_connections.iter().map(|(_, c)| c.id).collect(),
    };
    let edit = Edit::Insert(Items {
        zones: new_zones,
        systems: new_systems,
        connections: new_connections,
    });
    Ok(Paste { edit, pasted })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::model::ZoneKind;

    fn landscape() -> Project {
        let mut project = Project::new("shop");
        let zone = project.allocate_zone_id();
        project.zones.push(Zone {
            id: zone,
            name: "Cloud".into(),
            kind: Some(ZoneKind::Cloud),
            notes: String::new(),
        });
        for (name, x) in [("Shop", 0.0), ("Payments", 300.0), ("ERP", 600.0)] {
            let id = project.allocate_system_id();
            let mut system = System::new(id, name);
            system.position = Point::new(x, 0.0);
            system.zone = Some(zone);
            system.technology = format!("{name} tech");
            project.systems.push(system);
        }
        let ids: Vec<SystemId> = project.systems.iter().map(|s| s.id).collect();
        for (from, to) in [(0, 1), (1, 2)] {
            let id = project.allocate_connection_id();
            let mut connection = Connection::new(id, ids[from], ids[to]);
            connection.data = "orders".into();
            project.connections.push(connection);
        }
        project
    }

    fn ids(project: &Project) -> Vec<SystemId> {
        project.systems.iter().map(|s| s.id).collect()
    }

    fn set(ids: &[SystemId]) -> BTreeSet<SystemId> {
        ids.iter().copied().collect()
    }

    #[test]
    fn pasting_in_the_same_project_makes_offset_copies_with_fresh_ids() {
        let mut project = landscape();
        let first_two = &ids(&project)[..2];
        let text = copy(&project, &set(first_two)).expect("two systems copied");
        let paste = paste(&project, &text).expect("our own clipping pastes");
        apply(&mut project, paste.edit).unwrap();

        assert_eq!(project.systems.len(), 5);
        assert_eq!(
            project.connections.len(),
            3,
            "only Shop → Payments comes along"
        );
        let copy_of_shop = project.system(paste.pasted.systems[0]).unwrap();
        assert_eq!(copy_of_shop.name, "Shop (copy)");
        assert_eq!(copy_of_shop.technology, "Shop tech");
        // Straight below the originals, the pair side by side as they were.
        assert_eq!(copy_of_shop.position, Point::new(0.0, 120.0));
        let copy_of_payments = project.system(paste.pasted.systems[1]).unwrap();
        assert_eq!(copy_of_payments.position, Point::new(300.0, 120.0));
        assert_no_box_overlaps(&project);
        assert_eq!(copy_of_shop.zone, Some(project.zones[0].id), "same zone");
        assert!(paste.pasted.zones.is_empty(), "the zone exists already");
        let new_connection = project.connection(paste.pasted.connections[0]).unwrap();
        assert_eq!(
            (new_connection.from, new_connection.to),
            (paste.pasted.systems[0], paste.pasted.systems[1])
        );
        assert_eq!(new_connection.data, "orders");
        let all: Vec<u64> = project
            .systems
            .iter()
            .map(|s| s.id.0)
            .chain(project.connections.iter().map(|c| c.id.0))
            .chain(project.zones.iter().map(|z| z.id.0))
            .collect();
        let mut unique = all.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "no id is used twice");
    }

    #[test]
    fn repeated_pastes_find_free_places_and_number_their_copies() {
        let mut project = landscape();
        let shop = ids(&project)[0];
        let text = copy(&project, &set(&[shop])).unwrap();
        for _ in 0..2 {
            let paste = paste(&project, &text).unwrap();
            apply(&mut project, paste.edit).unwrap();
        }
        let names: Vec<&str> = project.systems.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Shop", "Payments", "ERP", "Shop (copy)", "Shop (copy 2)"]
        );
        assert_no_box_overlaps(&project);
        let shop_at = project.systems[0].position;
        for copy in &project.systems[3..] {
            let (dx, dy) = (copy.position.x - shop_at.x, copy.position.y - shop_at.y);
            assert!(
                dx.hypot(dy) <= 240.0,
                "{:?} is far from the original",
                copy.position
            );
        }
    }

    #[test]
    fn copying_a_copy_numbers_it_from_the_original() {
        let mut project = landscape();
        let mut last = ids(&project)[0];
        // Each round duplicates the copy made by the one before, as Ctrl+D on the
        // selected copy does.
        for _ in 0..3 {
            let text = copy(&project, &set(&[last])).unwrap();
            let paste = paste(&project, &text).unwrap();
            apply(&mut project, paste.edit).unwrap();
            last = paste.pasted.systems[0];
        }
        let names: Vec<&str> = project.systems[3..]
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["Shop (copy)", "Shop (copy 2)", "Shop (copy 3)"]);
    }

    /// No two boxes overlap, nor come nearer than the free-space margin.
    fn assert_no_box_overlaps(project: &Project) {
        let rects: Vec<_> = project.systems.iter().map(System::rect).collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                let near = a.expand(crate::edit::FREE_MARGIN - 0.1);
                assert!(!near.overlaps(b), "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn pasting_into_another_project_keeps_the_layout_and_brings_the_zone() {
        let source = landscape();
        let text = copy(&source, &set(&ids(&source))).unwrap();
        let mut other = Project::new("other");
        let paste = paste(&other, &text).unwrap();
        apply(&mut other, paste.edit).unwrap();

        assert_eq!(other.systems.len(), 3);
        assert_eq!(other.connections.len(), 2);
        assert_eq!(other.zones.len(), 1);
        assert_eq!(other.zones[0].name, "Cloud");
        assert_eq!(other.systems[0].name, "Shop");
        assert_eq!(other.systems[0].position, Point::new(0.0, 0.0));
        assert!(
            other
                .systems
                .iter()
                .all(|s| s.zone == Some(other.zones[0].id))
        );
    }

    #[test]
    fn undoing_a_paste_removes_exactly_what_it_added() {
        let mut project = landscape();
        let before = project.clone();
        let text = copy(&project, &set(&ids(&project))).unwrap();
        let paste = paste(&project, &text).unwrap();
        let inverse = apply(&mut project, paste.edit).unwrap();
        apply(&mut project, inverse).unwrap();
        assert_eq!(project.systems, before.systems);
        assert_eq!(project.connections, before.connections);
        assert_eq!(project.zones, before.zones);
    }

    #[test]
    fn other_text_is_not_pasted() {
        let project = landscape();
        assert_eq!(
            paste(&project, "just some words").unwrap_err(),
            PasteError::NotAClipping
        );
        let broken = format!("(kind: \"{KIND}\", systems: [(id: ");
        assert!(matches!(
            paste(&project, &broken),
            Err(PasteError::Unreadable(_))
        ));
        assert!(copy(&project, &set(&[])).is_none());
        assert!(copy(&project, &set(&[SystemId(999)])).is_none());
    }

    #[test]
    fn a_connection_whose_end_is_missing_from_the_clipping_is_dropped() {
        let project = landscape();
        let [a, b, _] = ids(&project)[..] else {
            panic!("three systems")
        };
        let text = copy(&project, &set(&[a, b])).unwrap();
        // Hand-edited clipboard text naming a system that is not in it.
        let tampered = text.replacen(&format!("to: {}", b.0), "to: 4242", 1);
        let paste = paste(&project, &tampered).unwrap();
        assert!(paste.pasted.connections.is_empty());
        assert_eq!(paste.pasted.systems.len(), 2);
    }
}
