use proptest::prelude::*;

use super::*;
use crate::model::{Connection, ConnectionId, System, SystemId, Zone, zone_rect};

fn system_at(project: &mut Project, x: f32, y: f32, zone: Option<ZoneId>) -> SystemId {
    let id = project.allocate_system_id();
    let mut system = System::new(id, format!("S{}", id.0));
    system.position = Point::new(x, y);
    system.zone = zone;
    project.systems.push(system);
    id
}

/// A 4 × 3 block of boxes with gaps too small for another box.
fn crowded() -> Project {
    let mut project = Project::new("crowded");
    for row in 0..3 {
        for column in 0..4 {
            system_at(
                &mut project,
                column as f32 * 240.0,
                row as f32 * 120.0,
                None,
            );
        }
    }
    project
}

/// Clear of every box by the margin, and of every zone but its own.
fn is_free(project: &Project, rect: Rect, zone: Option<ZoneId>) -> bool {
    let wanted = rect.expand(FREE_MARGIN - 0.01);
    let boxes_clear = project.systems.iter().all(|s| !s.rect().overlaps(&wanted));
    let zones_clear = project
        .zone_rects()
        .into_iter()
        .all(|(z, r)| Some(z) == zone || !r.overlaps(&wanted));
    boxes_clear && zones_clear
}

fn distance(a: Point, b: Point) -> f32 {
    (a.x - b.x).hypot(a.y - b.y)
}

#[test]
fn a_free_spot_is_kept_as_asked() {
    let project = crowded();
    let wanted = Point::new(2000.0, 2000.0);
    assert_eq!(
        nearest_free_position(&project, wanted, Size::SYSTEM, None),
        wanted
    );
}

#[test]
fn a_box_asked_for_on_top_of_another_goes_to_the_nearest_free_place() {
    let mut project = Project::new("p");
    system_at(&mut project, 0.0, 0.0, None);
    let placed = nearest_free_position(&project, Point::new(0.0, 0.0), Size::SYSTEM, None);
    let rect = Rect::from_min_size(placed, Size::SYSTEM);
    assert!(is_free(&project, rect, None), "{placed:?}");
    // Just below: the box's height and the margin, on the grid.
    assert_eq!(placed, Point::new(0.0, 120.0));
}

#[test]
fn many_inserts_in_a_crowded_area_never_overlap() {
    let mut project = crowded();
    let wanted = Point::new(250.0, 130.0);
    for _ in 0..30 {
        let placed = nearest_free_position(&project, wanted, Size::SYSTEM, None);
        let rect = Rect::from_min_size(placed, Size::SYSTEM);
        assert!(is_free(&project, rect, None), "{placed:?} is not free");
        assert!(
            distance(placed, wanted) < 1300.0,
            "{placed:?} is far from {wanted:?}"
        );
        system_at(&mut project, placed.x, placed.y, None);
    }
    let rects: Vec<Rect> = project.systems.iter().map(System::rect).collect();
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn the_same_project_gives_the_same_place() {
    let project = crowded();
    let wanted = Point::new(250.0, 130.0);
    let first = nearest_free_position(&project, wanted, Size::SYSTEM, None);
    for _ in 0..3 {
        assert_eq!(
            nearest_free_position(&project, wanted, Size::SYSTEM, None),
            first
        );
    }
}

#[test]
fn a_place_off_the_lines_is_preferred_when_it_is_near() {
    let mut project = Project::new("p");
    let a = system_at(&mut project, 0.0, 0.0, None);
    let b = system_at(&mut project, 1000.0, 0.0, None);
    project
        .connections
        .push(Connection::new(ConnectionId(99), a, b));
    let wanted = Point::new(400.0, 0.0);
    let placed = nearest_free_position(&project, wanted, Size::SYSTEM, None);
    let rect = Rect::from_min_size(placed, Size::SYSTEM);
    let line = (
        project.systems[0].rect().center(),
        project.systems[1].rect().center(),
    );
    assert!(
        !rect.crossed_by(line.0, line.1),
        "{placed:?} is on the line"
    );
    assert!(is_free(&project, rect, None));
    assert!(distance(placed, wanted) <= LINE_DETOUR, "{placed:?}");
}

#[test]
fn a_box_stays_out_of_other_zones_but_may_go_into_its_own() {
    let mut project = Project::new("p");
    let zone = project.allocate_zone_id();
    project.zones.push(Zone {
        id: zone,
        name: "Cloud".into(),
        kind: None,
        notes: String::new(),
    });
    system_at(&mut project, 0.0, 0.0, Some(zone));
    system_at(&mut project, 600.0, 0.0, Some(zone));
    let inside = Point::new(300.0, 0.0);
    let own = nearest_free_position(&project, inside, Size::SYSTEM, Some(zone));
    assert_eq!(
        own,
        Point::new(300.0, 0.0),
        "there is room between its members"
    );
    let outsider = nearest_free_position(&project, inside, Size::SYSTEM, None);
    let rect = Rect::from_min_size(outsider, Size::SYSTEM);
    assert!(
        is_free(&project, rect, None),
        "{outsider:?} is inside the zone"
    );
}

#[test]
fn a_box_does_not_make_its_zone_grow_over_another() {
    let mut project = Project::new("p");
    let [a, b] = [project.allocate_zone_id(), project.allocate_zone_id()];
    system_at(&mut project, 0.0, 0.0, Some(a));
    system_at(&mut project, 0.0, -300.0, Some(b));
    // Clear of both zones, but zone A stretched to reach it would cover zone B.
    let wanted = Point::new(600.0, -300.0);
    assert_eq!(
        nearest_free_position(&project, wanted, Size::SYSTEM, None),
        wanted
    );
    let placed = nearest_free_position(&project, wanted, Size::SYSTEM, Some(a));
    assert_ne!(placed, wanted);
    system_at(&mut project, placed.x, placed.y, Some(a));
    let zones = project.zone_rects();
    assert!(!zones[&a].overlaps(&zones[&b]), "{placed:?}");
}

#[test]
fn a_zone_brought_along_is_drawn_clear_of_the_others() {
    let mut project = Project::new("p");
    let zone = project.allocate_zone_id();
    system_at(&mut project, 0.0, 0.0, Some(zone));
    let new_zone = project.allocate_zone_id();
    // Just clear of the zone's region, but the new zone's header would overlap it.
    let wanted = Point::new(0.0, 140.0);
    let placed = nearest_free_position(&project, wanted, Size::SYSTEM, Some(new_zone));
    let drawn = zone_rect(Rect::from_min_size(placed, Size::SYSTEM));
    assert!(!drawn.overlaps(&project.zone_rects()[&zone]), "{placed:?}");
}

#[test]
fn a_group_moves_as_one_and_lands_clear() {
    let project = crowded();
    // Copies of the first row, asked for where they are.
    let pieces: Vec<Piece> = project.systems[..4]
        .iter()
        .map(|s| Piece {
            rect: s.rect(),
            zone: None,
        })
        .collect();
    let (dx, dy) = nearest_free_offset(&project, &pieces);
    assert_ne!((dx, dy), (0.0, 0.0));
    for piece in &pieces {
        assert!(is_free(&project, piece.rect.translate(dx, dy), None));
    }
    assert_eq!((dx % GRID, dy % GRID), (0.0, 0.0), "on the grid");
}

#[test]
fn with_no_room_nearby_the_boxes_go_beside_everything() {
    let mut project = Project::new("packed");
    // Far wider and taller than the search reaches.
    for row in 0..30 {
        for column in 0..15 {
            system_at(
                &mut project,
                column as f32 * 220.0,
                row as f32 * 110.0,
                None,
            );
        }
    }
    let wanted = Point::new(1540.0, 1650.0);
    let placed = nearest_free_position(&project, wanted, Size::SYSTEM, None);
    let rect = Rect::from_min_size(placed, Size::SYSTEM);
    assert!(is_free(&project, rect, None), "{placed:?}");
}

#[test]
fn broken_geometry_does_not_hang_or_panic() {
    let mut project = crowded();
    system_at(&mut project, f32::NAN, 1e30, None);
    system_at(&mut project, -1e30, 1e30, None);
    let a = project.systems[0].id;
    let far = project.systems.last().unwrap().id;
    project
        .connections
        .push(Connection::new(ConnectionId(500), a, far));
    let placed = nearest_free_position(&project, Point::new(10.0, 10.0), Size::SYSTEM, None);
    assert!(placed.is_finite());
    let nowhere = Point::new(f32::NAN, 0.0);
    let _ = nearest_free_position(&project, nowhere, Size::SYSTEM, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn whatever_the_landscape_the_place_found_is_free(
        boxes in proptest::collection::vec((0i32..40, 0i32..30), 0..60),
        wanted in (0i32..40, 0i32..30),
    ) {
        let mut project = Project::new("random");
        for (x, y) in boxes {
            system_at(&mut project, x as f32 * 30.0, y as f32 * 30.0, None);
        }
        let wanted = Point::new(wanted.0 as f32 * 30.0, wanted.1 as f32 * 30.0);
        let placed = nearest_free_position(&project, wanted, Size::SYSTEM, None);
        let rect = Rect::from_min_size(placed, Size::SYSTEM);
        prop_assert!(is_free(&project, rect, None), "{:?}", placed);
        prop_assert_eq!(placed, nearest_free_position(&project, wanted, Size::SYSTEM, None));
    }
}
