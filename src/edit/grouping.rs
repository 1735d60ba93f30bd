//! Putting systems into a new zone. Zones have no geometry of their own (the canvas draws a
//! zone around its members), so a zone is made by giving systems one, and the systems are
//! brought together first when the zone drawn around them would cover anything else.

use std::collections::HashSet;

use super::naming::lowest_free_number;
use super::tidy_zones::gathered;
use super::{Edit, ItemIds, Items};
use crate::model::{Project, System, SystemId, Zone, ZoneId};

/// New zones are called "Zone 1", "Zone 2"…, until the user names them.
pub const NEW_ZONE_PREFIX: &str = "Zone ";

/// What grouping does: the edit, the new zone, and the zones it left without systems.
pub struct Grouping {
    pub edit: Edit,
    pub zone: ZoneId,
    /// Zones whose last systems moved into the new one. They are removed in the same edit:
    /// the canvas draws no empty zone, so it could be neither seen nor deleted.
    pub emptied: Vec<String>,
    /// How many of the systems were moved to bring them together.
    pub moved: usize,
}

/// One edit that adds a zone and moves `systems` into it (out of any zone they were in),
/// packing them together clear of other systems and zones when the zone drawn around
/// them where they are would cover something else. `None` when none of `systems` is in
/// the project.
pub fn group_into_new_zone(project: &Project, systems: &[SystemId]) -> Option<Grouping> {
    let wanted: HashSet<SystemId> = systems.iter().copied().collect();
    let id = ZoneId(project.next_free_id());
    // By id, once each: a setter writes to the first system with its id, so with duplicate
    // ids (a broken file) a second copy would overwrite the first.
    let mut seen = HashSet::new();
    let moved: Vec<&System> = project
        .systems
        .iter()
        .filter(|s| wanted.contains(&s.id) && seen.insert(s.id))
        .collect();
    if moved.is_empty() {
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
    let mut edits = vec![Edit::Insert(Items {
        zones: vec![(project.zones.len(), zone)],
        ..Items::default()
    })];
    edits.extend(moved.iter().map(|s| {
        let mut next = (*s).clone();
        next.zone = Some(id);
        Edit::SetSystem(Box::new(next))
    }));
    let moves = gathered(project, &moved, id);
    let moved_count = moves.len();
    if !moves.is_empty() {
        edits.push(Edit::MoveSystems(moves));
    }
    let still_used: HashSet<ZoneId> = project
        .systems
        .iter()
        .filter(|s| !wanted.contains(&s.id))
        .filter_map(|s| s.zone)
        .collect();
    let emptied: Vec<&Zone> = project
        .zones
        .iter()
        .filter(|z| !still_used.contains(&z.id))
        .filter(|z| moved.iter().any(|s| s.zone == Some(z.id)))
        .collect();
    if !emptied.is_empty() {
        edits.push(Edit::Remove(ItemIds {
            zones: emptied.iter().map(|z| z.id).collect(),
            ..ItemIds::default()
        }));
    }
    Some(Grouping {
        edit: Edit::Batch(edits),
        zone: id,
        emptied: emptied.iter().map(|z| z.name.clone()).collect(),
        moved: moved_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;

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
        let Grouping {
            edit,
            zone,
            emptied,
            ..
        } = group_into_new_zone(&project, &[a, c]).unwrap();
        assert!(emptied.is_empty());
        let inverse = apply(&mut project, edit).unwrap();
        assert_eq!(project.zone(zone).unwrap().name, "Zone 1");
        let members: Vec<&str> = project
            .systems_in_zone(zone)
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
        let first = group_into_new_zone(&project, &[a, b]).unwrap();
        apply(&mut project, first.edit).unwrap();
        let second = group_into_new_zone(&project, &[b]).unwrap();
        assert!(second.emptied.is_empty(), "A is still in the first zone");
        apply(&mut project, second.edit).unwrap();
        let (first, second) = (first.zone, second.zone);
        assert_ne!(first, second);
        assert_eq!(project.zone(second).unwrap().name, "Zone 2");
        assert_eq!(project.systems[0].zone, Some(first));
        assert_eq!(project.systems[1].zone, Some(second));
    }

    #[test]
    fn a_zone_whose_last_systems_move_out_goes_and_comes_back_with_undo() {
        let mut project = project_with(&["A", "B"]);
        let (a, b) = (project.systems[0].id, project.systems[1].id);
        let first = group_into_new_zone(&project, &[a, b]).unwrap();
        apply(&mut project, first.edit).unwrap();
        let before = project.clone();
        let second = group_into_new_zone(&project, &[a, b]).unwrap();
        assert_eq!(second.emptied, ["Zone 1"]);
        let inverse = apply(&mut project, second.edit).unwrap();
        let names: Vec<&str> = project.zones.iter().map(|z| z.name.as_str()).collect();
        assert_eq!(names, ["Zone 2"]);
        apply(&mut project, inverse).unwrap();
        assert_eq!(project.zones, before.zones);
        assert_eq!(project.systems, before.systems);
    }

    #[test]
    fn duplicate_ids_change_only_the_first_system_with_the_id() {
        // A broken file: two systems share id 1. Setters write to the first one.
        let mut project = project_with(&["A"]);
        let mut twin = project.systems[0].clone();
        twin.name = "B".into();
        project.systems.push(twin);
        let grouping = group_into_new_zone(&project, &[project.systems[0].id]).unwrap();
        apply(&mut project, grouping.edit).unwrap();
        let systems: Vec<(&str, bool)> = project
            .systems
            .iter()
            .map(|s| (s.name.as_str(), s.zone.is_some()))
            .collect();
        assert_eq!(systems, [("A", true), ("B", false)]);
    }

    #[test]
    fn nothing_to_group_is_no_edit() {
        let project = project_with(&["A"]);
        assert!(group_into_new_zone(&project, &[]).is_none());
        assert!(group_into_new_zone(&project, &[SystemId(999)]).is_none());
    }
}
