//! Importing into the open project: the imported items become one `Insert` edit (one undo
//! step). Systems and zones whose names match ones already there are merged into them, and
//! each merge is a report line; the new boxes go to the right of the existing landscape.

use std::collections::HashMap;

use super::report::{Line, LineKind, Report};
use crate::edit::Items;
use crate::model::{ItemRef, Point, Project, SystemId, ZoneId};

/// Space between the existing landscape and the imported one.
const GAP: f32 = 200.0;

pub struct Merged {
    /// The new items, under the ids the document will give them (allocated in the same
    /// order from the project's next free id).
    pub items: Items,
    /// The import's report, its items renamed to where they went, with a line per merge.
    pub report: Report,
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

pub fn merge(into: &Project, imported: Project, mut report: Report) -> Merged {
    let mut next_id = into.next_free_id();
    let mut fresh = || {
        let id = next_id;
        next_id = next_id.saturating_add(1);
        id
    };
    let mut items = Items::default();
    let mut renamed: HashMap<ItemRef, ItemRef> = HashMap::new();
    let mut lines = Vec::new();
    let zones_by_name: HashMap<String, ZoneId> =
        into.zones.iter().map(|z| (key(&z.name), z.id)).collect();
    let mut zone_ids: HashMap<ZoneId, ZoneId> = HashMap::new();
    for zone in &imported.zones {
        let id = match zones_by_name.get(&key(&zone.name)) {
            Some(&existing) => existing,
            None => {
                let id = ZoneId(fresh());
                items
                    .zones
                    .push((usize::MAX, crate::model::Zone { id, ..zone.clone() }));
                id
            }
        };
        zone_ids.insert(zone.id, id);
        renamed.insert(ItemRef::Zone(zone.id), ItemRef::Zone(id));
    }
    let systems_by_name: HashMap<String, SystemId> =
        into.systems.iter().map(|s| (key(&s.name), s.id)).collect();
    let offset = offset_beside(into, &imported);
    let mut system_ids: HashMap<SystemId, SystemId> = HashMap::new();
    for system in &imported.systems {
        let id = match systems_by_name.get(&key(&system.name)) {
            Some(&existing) => {
                lines.push(Line {
                    kind: LineKind::Merged,
                    place: None,
                    item: Some(ItemRef::System(existing)),
                    message: format!(
                        "system “{}” is already in the project: its flows join it",
                        system.name
                    ),
                });
                existing
            }
            None => {
                let id = SystemId(fresh());
                let mut new = system.clone();
                new.id = id;
                new.zone = system.zone.and_then(|z| zone_ids.get(&z).copied());
                new.position =
                    Point::new(system.position.x + offset.x, system.position.y + offset.y);
                items.systems.push((usize::MAX, new));
                id
            }
        };
        system_ids.insert(system.id, id);
        renamed.insert(ItemRef::System(system.id), ItemRef::System(id));
    }
    for connection in &imported.connections {
        let (Some(&from), Some(&to)) = (
            system_ids.get(&connection.from),
            system_ids.get(&connection.to),
        ) else {
            continue;
        };
        let same = into
            .connections
            .iter()
            .find(|c| c.from == from && c.to == to && key(&c.data) == key(&connection.data));
        if let Some(existing) = same {
            lines.push(Line {
                kind: LineKind::Merged,
                place: None,
                item: Some(ItemRef::Connection(existing.id)),
                message:
                    "a flow already in the project between the same systems, carrying the same data"
                        .to_owned(),
            });
            renamed.insert(
                ItemRef::Connection(connection.id),
                ItemRef::Connection(existing.id),
            );
            continue;
        }
        let id = crate::model::ConnectionId(fresh());
        let mut new = connection.clone();
        new.id = id;
        new.from = from;
        new.to = to;
        new.waypoints = connection
            .waypoints
            .iter()
            .map(|p| Point::new(p.x + offset.x, p.y + offset.y))
            .collect();
        items.connections.push((usize::MAX, new));
        renamed.insert(ItemRef::Connection(connection.id), ItemRef::Connection(id));
    }
    for line in &mut report.lines {
        line.item = line.item.and_then(|item| renamed.get(&item).copied());
    }
    report.lines.extend(lines);
    Merged { items, report }
}

/// How far the imported landscape moves to sit right of the existing one, tops aligned.
fn offset_beside(into: &Project, imported: &Project) -> Point {
    match (into.content_bounds(), imported.content_bounds()) {
        (Some(existing), Some(new)) => {
            Point::new(existing.max.x + GAP - new.min.x, existing.min.y - new.min.y)
        }
        _ => Point::new(0.0, 0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Document;
    use crate::model::{Connection, System};

    #[test]
    fn matching_names_merge_and_the_rest_is_added_in_one_undo_step() {
        let mut project = Project::new("Shop");
        let erp = project.allocate_system_id();
        project.systems.push(System::new(erp, "ERP"));
        let mut imported = Project::new("Imported");
        let a = imported.allocate_system_id();
        let b = imported.allocate_system_id();
        imported.systems.push(System::new(a, "erp "));
        imported.systems.push(System::new(b, "Billing"));
        let c = imported.allocate_connection_id();
        imported.connections.push(Connection::new(c, b, a));
        let merged = merge(&project, imported, Report::new("x.gv".into(), "dot"));
        assert_eq!(merged.items.systems.len(), 1);
        assert_eq!(merged.report.count(LineKind::Merged), 1);
        let mut document = Document::new(project);
        let ids = document.add(merged.items.clone(), "Import").unwrap();
        let p = document.project();
        assert_eq!(p.systems.len(), 2);
        assert_eq!(p.connections[0].to, erp, "the flow joins the existing ERP");
        // The ids promised before the edit are the ones the document gave.
        assert_eq!(ids.systems, merged.items.ids().systems);
        document.undo();
        assert_eq!(document.project().systems.len(), 1);
    }
}
