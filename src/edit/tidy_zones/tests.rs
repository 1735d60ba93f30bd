use super::*;
use crate::edit::{Change, Document, Grouping, group_into_new_zone, set_systems_field};
use crate::fields::{FieldValue, SystemField};
use crate::model::{Connection, Zone, zone_rect};

fn system_at(project: &mut Project, name: &str, x: f32, y: f32, zone: Option<ZoneId>) -> SystemId {
    let id = project.allocate_system_id();
    let mut system = System::new(id, name);
    system.position = Point::new(x, y);
    system.zone = zone;
    project.systems.push(system);
    id
}

fn zone(project: &mut Project, name: &str) -> ZoneId {
    let id = project.allocate_zone_id();
    project.zones.push(Zone {
        id,
        name: name.into(),
        kind: None,
        notes: String::new(),
    });
    id
}

fn region(project: &Project, zone: ZoneId) -> Rect {
    project.zone_rects()[&zone]
}

fn position(project: &Project, id: SystemId) -> Point {
    project.system(id).unwrap().position
}

/// The zone's region covers no system outside it and overlaps no other zone's.
fn assert_tidy(project: &Project, zone: ZoneId) {
    let region = region(project, zone);
    for system in project.systems.iter().filter(|s| s.zone != Some(zone)) {
        assert!(
            !region.overlaps(&system.rect()),
            "{} lies in the zone's region {region:?}",
            system.name
        );
    }
    for (other, rect) in project.zone_rects() {
        assert!(other == zone || !rect.overlaps(&region), "zones overlap");
    }
}

/// A row of five systems 400 apart, and a zone of two more below them.
fn row_above_a_zone() -> (Project, Vec<SystemId>, ZoneId) {
    let mut project = Project::new("row");
    let below = zone(&mut project, "Below");
    let row: Vec<SystemId> = ["A", "B", "C", "D", "E"]
        .iter()
        .enumerate()
        .map(|(i, name)| system_at(&mut project, name, i as f32 * 400.0, 0.0, None))
        .collect();
    system_at(&mut project, "F", 0.0, 300.0, Some(below));
    system_at(&mut project, "G", 300.0, 300.0, Some(below));
    let id = project.allocate_connection_id();
    project
        .connections
        .push(Connection::new(id, row[0], row[4]));
    (project, row, below)
}

fn group(project: &mut Project, systems: &[SystemId]) -> (Grouping, Edit) {
    let grouping = group_into_new_zone(project, systems).unwrap();
    let inverse = apply(project, grouping.edit.clone()).unwrap();
    (grouping, inverse)
}

#[test]
fn far_apart_systems_grouped_come_together_clear_of_the_rest() {
    let (mut project, row, below) = row_above_a_zone();
    let (a, e) = (row[0], row[4]);
    let (grouping, _) = group(&mut project, &[a, e]);
    assert!(grouping.moved > 0);
    assert_tidy(&project, grouping.zone);
    assert_tidy(&project, below);
    let (pa, pe) = (position(&project, a), position(&project, e));
    assert!(pa.x < pe.x && pa.y == pe.y, "{pa:?} {pe:?}");
    for &other in &row[1..4] {
        let before = row_above_a_zone().0;
        assert_eq!(position(&project, other), position(&before, other));
    }
}

#[test]
fn a_grouping_and_its_moves_are_one_step_that_undo_takes_back_exactly() {
    let (project, row, _) = row_above_a_zone();
    let before = project.clone();
    let mut document = Document::new(project);
    let grouping = group_into_new_zone(document.project(), &[row[0], row[2], row[4]]).unwrap();
    assert!(grouping.moved > 0);
    document
        .apply(grouping.edit, "Group into New Zone", None)
        .unwrap();
    assert_eq!(document.undo().as_deref(), Some("Group into New Zone"));
    let mut after = document.project().clone();
    // Ids are never reused, so the counter stays past the zone that was made.
    after.next_id = before.next_id;
    assert_eq!(after, before);
}

#[test]
fn scattered_systems_keep_their_reading_order_in_the_grid() {
    let mut project = Project::new("scattered");
    let a = system_at(&mut project, "A", 0.0, 0.0, None);
    let b = system_at(&mut project, "B", 1500.0, 60.0, None);
    let c = system_at(&mut project, "C", 100.0, 900.0, None);
    let d = system_at(&mut project, "D", 1400.0, 1000.0, None);
    system_at(&mut project, "Outsider", 700.0, 500.0, None);
    let (grouping, _) = group(&mut project, &[d, c, b, a]);
    assert_tidy(&project, grouping.zone);
    let [pa, pb, pc, pd] = [a, b, c, d].map(|id| position(&project, id));
    assert_eq!(pa, Point::new(0.0, 0.0), "the first stays where it was");
    assert!(pa.y == pb.y && pa.x < pb.x, "A then B on the first row");
    assert!(pc.y == pd.y && pc.x < pd.x, "C then D on the second");
    assert!(pc.y > pa.y && pc.x == pa.x);
}

#[test]
fn systems_close_together_with_nothing_between_do_not_move() {
    let mut project = Project::new("close");
    let a = system_at(&mut project, "A", 0.0, 0.0, None);
    let b = system_at(&mut project, "B", 300.0, 0.0, None);
    system_at(&mut project, "Far", 2000.0, 0.0, None);
    let before = project.clone();
    let (grouping, _) = group(&mut project, &[a, b]);
    assert_eq!(grouping.moved, 0);
    assert_eq!(position(&project, a), position(&before, a));
    assert_eq!(position(&project, b), position(&before, b));
}

#[test]
fn a_block_that_would_cover_others_where_it_is_goes_to_free_space() {
    // A tight cluster of outsiders around the first member: the block must go elsewhere.
    let mut project = Project::new("crowded");
    let mut grouped = Vec::new();
    for row in 0..3 {
        for column in 0..3 {
            let (x, y) = (column as f32 * 240.0, row as f32 * 120.0);
            let id = system_at(&mut project, &format!("S{row}{column}"), x, y, None);
            if (row + column) % 2 == 0 {
                grouped.push(id);
            }
        }
    }
    let (grouping, _) = group(&mut project, &grouped);
    assert_eq!(grouping.moved, grouped.len());
    assert_tidy(&project, grouping.zone);
}

fn into_zone(project: &Project, ids: &[SystemId], zone: Option<ZoneId>) -> Edit {
    let new = FieldValue::Zone(zone);
    let change = Change {
        shown: None,
        new: &new,
    };
    set_systems_field(project, ids, SystemField::Zone, change).unwrap()
}

/// A zone of two systems side by side, and three systems outside it.
fn zone_and_outsiders() -> (Project, ZoneId, Vec<SystemId>) {
    let mut project = Project::new("zone");
    let inner = zone(&mut project, "Inner");
    system_at(&mut project, "M1", 0.0, 0.0, Some(inner));
    system_at(&mut project, "M2", 260.0, 0.0, Some(inner));
    let outsiders = (0..3)
        .map(|i| {
            system_at(
                &mut project,
                &format!("X{i}"),
                1500.0 + 300.0 * i as f32,
                900.0,
                None,
            )
        })
        .collect();
    (project, inner, outsiders)
}

/// Every system but `moved` is where it was.
fn assert_only_moved(before: &Project, after: &Project, moved: &[SystemId]) {
    for system in &before.systems {
        if !moved.contains(&system.id) {
            assert_eq!(
                position(after, system.id),
                system.position,
                "{}",
                system.name
            );
        }
    }
}

#[test]
fn a_system_given_a_zone_lands_next_to_its_members_and_nothing_else_moves() {
    let (mut project, inner, outsiders) = zone_and_outsiders();
    let before = project.clone();
    let old_region = region(&project, inner);
    let x = outsiders[0];
    let edit = with_zone_moves(&project, into_zone(&project, &[x], Some(inner)));
    apply(&mut project, edit).unwrap();
    assert_eq!(project.system(x).unwrap().zone, Some(inner));
    assert_tidy(&project, inner);
    assert_only_moved(&before, &project, &[x]);
    // Beside the members: the region grows by about one box, not to where X was.
    let grown = region(&project, inner);
    let one_box = crate::model::Size::SYSTEM.width + 3.0 * GRID;
    assert!(grown.width() <= old_region.width() + one_box, "{grown:?}");
    assert!(grown.height() <= old_region.height() + one_box, "{grown:?}");
}

#[test]
fn several_systems_given_a_zone_at_once_are_all_placed() {
    let (mut project, inner, outsiders) = zone_and_outsiders();
    let before = project.clone();
    let edit = with_zone_moves(&project, into_zone(&project, &outsiders, Some(inner)));
    let inverse = apply(&mut project, edit).unwrap();
    assert_tidy(&project, inner);
    assert_only_moved(&before, &project, &outsiders);
    let members: Vec<Rect> = project.systems_in_zone(inner).map(System::rect).collect();
    for (i, a) in members.iter().enumerate() {
        for b in &members[i + 1..] {
            assert!(!a.overlaps(b), "{a:?} {b:?}");
        }
    }
    let bounds = members.iter().copied().fold(Rect::NOTHING, Rect::union);
    assert!(
        bounds.width() < 1300.0 && bounds.height() < 700.0,
        "{bounds:?}"
    );
    apply(&mut project, inverse).unwrap();
    assert_eq!(project, before);
}

#[test]
fn a_system_taken_out_of_the_middle_of_its_zone_goes_just_outside() {
    let mut project = Project::new("out");
    let inner = zone(&mut project, "Inner");
    let ids: Vec<SystemId> = (0..3)
        .map(|i| {
            system_at(
                &mut project,
                &format!("M{i}"),
                260.0 * i as f32,
                0.0,
                Some(inner),
            )
        })
        .collect();
    let before = project.clone();
    let edit = with_zone_moves(&project, into_zone(&project, &[ids[1]], None));
    apply(&mut project, edit).unwrap();
    assert_tidy(&project, inner);
    assert_only_moved(&before, &project, &[ids[1]]);
    let moved = position(&project, ids[1]).y - position(&before, ids[1]).y;
    assert!(moved.abs() < 300.0, "just outside, not far away: {moved}");
}

#[test]
fn a_system_taken_out_at_the_edge_of_its_zone_stays() {
    let mut project = Project::new("edge");
    let inner = zone(&mut project, "Inner");
    system_at(&mut project, "M0", 0.0, 0.0, Some(inner));
    let last = system_at(&mut project, "M1", 260.0, 0.0, Some(inner));
    let edit = into_zone(&project, &[last], None);
    assert_eq!(with_zone_moves(&project, edit.clone()), edit);
}

#[test]
fn an_edit_that_changes_no_zone_comes_back_as_it_was() {
    let (project, _, outsiders) = zone_and_outsiders();
    let mut renamed = project.system(outsiders[0]).unwrap().clone();
    renamed.name = "Renamed".into();
    let edit = Edit::SetSystem(Box::new(renamed));
    assert_eq!(with_zone_moves(&project, edit.clone()), edit);
    let moved = Edit::MoveSystems(vec![(outsiders[1], Point::new(5.0, 5.0))]);
    assert_eq!(with_zone_moves(&project, moved.clone()), moved);
}

#[test]
fn the_first_system_of_an_empty_zone_stays_when_it_is_free() {
    let (mut project, _, outsiders) = zone_and_outsiders();
    let empty = zone(&mut project, "Empty");
    let edit = into_zone(&project, &[outsiders[2]], Some(empty));
    assert_eq!(with_zone_moves(&project, edit.clone()), edit);
    let mut applied = project.clone();
    apply(&mut applied, edit).unwrap();
    assert_eq!(
        region(&applied, empty),
        zone_rect(project.system(outsiders[2]).unwrap().rect())
    );
}

#[test]
fn past_the_limit_systems_given_a_zone_stay_where_they_are() {
    let (mut project, inner, _) = zone_and_outsiders();
    let many: Vec<SystemId> = (0..=MAX_PLACED_AT_ONCE)
        .map(|i| system_at(&mut project, "Many", 3000.0 + 240.0 * i as f32, 0.0, None))
        .collect();
    let edit = into_zone(&project, &many, Some(inner));
    assert_eq!(with_zone_moves(&project, edit.clone()), edit);
    let fewer = into_zone(&project, &many[..2], Some(inner));
    assert_ne!(with_zone_moves(&project, fewer.clone()), fewer);
}
