//! Putting systems into a new zone. Zones have no geometry of their own (the canvas draws a
//! zone around its members), so a zone is made by giving systems one.

use std::collections::HashSet;

use super::Edit;
use super::Items;
use super::naming::lowest_free_number;
use crate::model::{Project, SystemId, Zone, ZoneId};

/// New zones are called "Zone 1", "Zone 2"…, until the user names them.
pub const NEW_ZONE_PREFIX: &str = "Zone ";

/// One edit that adds a zone and moves `systems` into it (out of any zone they were in), and
/// the new zone's id. `None` when none of `systems` is in the project.
pub fn group_into_new_zone(project: &Project, systems: &[SystemId]) -> Option<(Edit, ZoneId)> {
    let wanted: HashSet<SystemId> = systems.iter().copied().collect();
    let id = ZoneId(project.next_free_id());
    let moves: Vec<Edit> = project
        .systems
        .iter()
        .filter(|s| wanted.contains(&s.id))
        .map(|s| {
            let mut moved = s.clone();
            moved.zone = Some(id);
            Edit::SetSystem(Box::new(moved))
        })
        .collect();
    if moves.is_empty() {
        return None;
    }
    let number = lowest_free_number(
        project.zones.iter().map(|z| z.name.as_str()),
        NEW_ZONE_PREFIX,
    );
    let zone = Zone {
        id,
        name: format!("{NEW_ZONE_PREFIX}{number}"),
        kind: None,
        notes: String::new(),
    };
    let insert = Edit::Insert(Items {
        zones: vec![(project.zones.len(), zone)],
        ..Items::default()
    });
    Some((Edit::Batch([vec![insert], moves].concat()), id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::model::System;

    fn project_with(names: &[&str]) -> Project {
        let mut project = Project::new("p");
        for name in names {
            let id = project.allocate_system_id();
            project.systems.push(System::new(id, (*name).to_owned()));
        }
        project
    }

    #[test]
    fn the_chosen_systems_move_into_a_new_zone_and_undo_takes_it_away() {
        let mut project = project_with(&["A", "B", "C"]);
        let (a, c) = (project.systems[0].id, project.systems[2].id);
        let before = project.clone();
        let (edit, zone) = group_into_new_zone(&project, &[a, c]).unwrap();
        let inverse = apply(&mut project, edit).unwrap();
        assert_eq!(project.zone(zone).unwrap().name, "Zone 1");
        let members: Vec<&str> = project
            .systems
            .iter()
            .filter(|s| s.zone == Some(zone))
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(members, ["A", "C"]);
        apply(&mut project, inverse).unwrap();
        // Everything but `next_id`, which only grows so that ids are never reused.
        assert_eq!(project.zones, before.zones);
        assert_eq!(project.systems, before.systems);
    }

    #[test]
    fn a_second_zone_gets_the_next_free_name_and_takes_systems_from_the_first() {
        let mut project = project_with(&["A", "B"]);
        let (a, b) = (project.systems[0].id, project.systems[1].id);
        let (edit, first) = group_into_new_zone(&project, &[a, b]).unwrap();
        apply(&mut project, edit).unwrap();
        let (edit, second) = group_into_new_zone(&project, &[b]).unwrap();
        apply(&mut project, edit).unwrap();
        assert_ne!(first, second);
        assert_eq!(project.zone(second).unwrap().name, "Zone 2");
        assert_eq!(project.systems[0].zone, Some(first));
        assert_eq!(project.systems[1].zone, Some(second));
    }

    #[test]
    fn nothing_to_group_is_no_edit() {
        let project = project_with(&["A"]);
        assert!(group_into_new_zone(&project, &[]).is_none());
        assert!(group_into_new_zone(&project, &[SystemId(999)]).is_none());
    }
}
