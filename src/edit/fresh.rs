//! Ids for new items, chosen when the edit is applied. A widget builds new items from the
//! frame's snapshot of the project; two of them in one frame would pick the same "next
//! free" id, so their ids are only placeholders until the document takes them.

use std::collections::HashMap;

use super::apply::{ItemIds, Items};
use crate::model::Project;

impl Items {
    /// The ids of these items.
    pub fn ids(&self) -> ItemIds {
        ItemIds {
            zones: self.zones.iter().map(|(_, z)| z.id).collect(),
            systems: self.systems.iter().map(|(_, s)| s.id).collect(),
            connections: self.connections.iter().map(|(_, c)| c.id).collect(),
        }
    }
}

/// `items` under ids allocated from `project` now, appended after what the project has.
/// References among the new items (a system's zone, a connection's ends) follow their
/// renumbering; references to anything else are kept, so placeholders must not reuse the
/// ids of existing items (ids from the snapshot's `next_free_id` never do).
pub fn with_fresh_ids(project: &mut Project, mut items: Items) -> Items {
    let mut zones = HashMap::new();
    for (index, (at, zone)) in items.zones.iter_mut().enumerate() {
        let id = project.allocate_zone_id();
        zones.insert(zone.id, id);
        zone.id = id;
        *at = project.zones.len() + index;
    }
    let mut systems = HashMap::new();
    for (index, (at, system)) in items.systems.iter_mut().enumerate() {
        let id = project.allocate_system_id();
        systems.insert(system.id, id);
        system.id = id;
        system.zone = system.zone.map(|z| zones.get(&z).copied().unwrap_or(z));
        *at = project.systems.len() + index;
    }
    for (index, (at, connection)) in items.connections.iter_mut().enumerate() {
        connection.id = project.allocate_connection_id();
        connection.from = systems
            .get(&connection.from)
            .copied()
            .unwrap_or(connection.from);
        connection.to = systems
            .get(&connection.to)
            .copied()
            .unwrap_or(connection.to);
        *at = project.connections.len() + index;
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Connection, ConnectionId, System, SystemId, Zone, ZoneId};

    #[test]
    fn new_items_take_free_ids_and_keep_their_references_to_each_other() {
        let mut project = Project::new("p");
        project.systems.push(System::new(SystemId(1), "Existing"));
        project.next_id = 2;
        let placeholder_zone = ZoneId(2);
        let mut new_system = System::new(SystemId(3), "New");
        new_system.zone = Some(placeholder_zone);
        let items = Items {
            zones: vec![(
                0,
                Zone {
                    id: placeholder_zone,
                    name: "Z".into(),
                    kind: None,
                    notes: String::new(),
                },
            )],
            systems: vec![(0, new_system)],
            connections: vec![(
                0,
                Connection::new(ConnectionId(4), SystemId(1), SystemId(3)),
            )],
        };
        // Something else took ids 2 to 4 since the snapshot.
        project.next_id = 5;
        let items = with_fresh_ids(&mut project, items);
        let zone = items.zones[0].1.id;
        let system = &items.systems[0].1;
        let connection = &items.connections[0].1;
        assert_eq!(
            (zone, system.id, connection.id),
            (ZoneId(5), SystemId(6), ConnectionId(7))
        );
        assert_eq!(system.zone, Some(zone));
        assert_eq!((connection.from, connection.to), (SystemId(1), system.id));
        // Appended after what the project has.
        assert_eq!(items.systems[0].0, 1);
    }
}
