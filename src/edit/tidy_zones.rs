//! Keeping zones tidy. A zone is drawn around its members, so a zone whose systems are far
//! apart would cover systems that are not in it. Systems grouped into a new zone are
//! brought together; a system given a zone is brought to it; a system that leaves a zone
//! is taken out of its border.

use std::collections::{HashMap, HashSet};

use super::free_space::{Piece, free_where_they_are, nearest_free_offset_moving};
use super::{Edit, apply};
use crate::model::{GRID, Point, Project, Rect, System, SystemId, ZoneId, snap_point};

/// Room between boxes packed into a new zone: between columns (for connection labels),
/// and between rows.
const PACK_GAP_ACROSS: f32 = 4.0 * GRID;
const PACK_GAP_DOWN: f32 = 3.0 * GRID;

/// At most this many systems given another zone in one edit are placed.
const MAX_PLACED_AT_ONCE: usize = 200;

/// Members spread over more than this many times the area of their packed grid are far
/// apart: they are packed even when nothing else lies between them.
const SPREAD_LIMIT: f32 = 2.0;

/// Where `members` go when they become the new zone `zone` (not in the project yet). None
/// moves when they are close together and the zone drawn around them where they are
/// covers nothing else; otherwise they are packed in a grid, in reading order, at the
/// first one's place, and the block is shifted to the nearest free space. Only the
/// systems that move are listed.
pub(super) fn gathered(
    project: &Project,
    members: &[&System],
    zone: ZoneId,
) -> Vec<(SystemId, Point)> {
    let moving: HashSet<SystemId> = members.iter().map(|s| s.id).collect();
    let packed = packed_in_reading_order(members);
    let block = Piece {
        rect: packed
            .iter()
            .map(|(_, r)| *r)
            .fold(Rect::NOTHING, Rect::union),
        zone: Some(zone),
    };
    let here = Piece {
        rect: members
            .iter()
            .map(|s| s.rect())
            .fold(Rect::NOTHING, Rect::union),
        zone: Some(zone),
    };
    let close = area(here.rect) <= SPREAD_LIMIT * area(block.rect);
    if close && free_where_they_are(project, &[here], &moving) {
        return Vec::new();
    }
    // One piece for the whole block: the zone drawn around it must be clear, gaps included.
    let (dx, dy) = nearest_free_offset_moving(project, &[block], &moving);
    packed
        .into_iter()
        .map(|(system, rect)| (system.id, Point::new(rect.min.x + dx, rect.min.y + dy)))
        .filter(|(id, to)| project.system(*id).is_some_and(|s| s.position != *to))
        .collect()
}

/// The members' boxes in a grid about as wide as high in count, rows filled in the order
/// the members read now (top to bottom, then left to right within a row), starting at the
/// first one's place on the snap grid.
fn packed_in_reading_order<'a>(members: &[&'a System]) -> Vec<(&'a System, Rect)> {
    let mut order: Vec<&System> = members.to_vec();
    let by = |a: f32, b: f32| a.total_cmp(&b);
    order.sort_by(|a, b| {
        by(a.rect().min.y, b.rect().min.y).then(by(a.rect().min.x, b.rect().min.x))
    });
    let columns = (order.len() as f64).sqrt().ceil().max(1.0) as usize;
    let mut rows: Vec<Vec<&System>> = order.chunks(columns).map(<[_]>::to_vec).collect();
    for row in &mut rows {
        row.sort_by(|a, b| by(a.rect().min.x, b.rect().min.x));
    }
    let widths: Vec<f32> = (0..columns)
        .map(|c| column_extent(&rows, c, |r| r.width()))
        .collect();
    let Some(first) = rows.first().and_then(|row| row.first()) else {
        return Vec::new();
    };
    let origin = snap_point(first.rect().min, GRID);
    let mut packed = Vec::with_capacity(order.len());
    let mut y = origin.y;
    for row in &rows {
        let mut x = origin.x;
        let mut height: f32 = 0.0;
        for (column, system) in row.iter().enumerate() {
            let size = system.rect();
            packed.push((
                *system,
                Rect::from_min_max(
                    Point::new(x, y),
                    Point::new(x + size.width(), y + size.height()),
                ),
            ));
            x = on_grid(x + widths[column] + PACK_GAP_ACROSS);
            height = height.max(size.height());
        }
        y = on_grid(y + height + PACK_GAP_DOWN);
    }
    packed
}

/// The largest extent of the boxes in one column of the rows.
fn column_extent(rows: &[Vec<&System>], column: usize, extent: impl Fn(&Rect) -> f32) -> f32 {
    rows.iter()
        .filter_map(|row| row.get(column))
        .map(|s| extent(&s.rect()))
        .fold(0.0, f32::max)
}

fn area(rect: Rect) -> f32 {
    rect.width() * rect.height()
}

/// The next grid line at or after `value`.
fn on_grid(value: f32) -> f32 {
    (value / GRID).ceil() * GRID
}

/// `edit`, with the moves that keep zones tidy for the systems whose zone it changes, as
/// one step: a system given a zone goes to a free spot at that zone's members (inside its
/// border or just at its edge, so the border grows over nothing else); a system taken out
/// of its zone stays where it is unless it would still lie inside a zone's border, and
/// then goes just outside. Nothing else moves. An edit that changes no zone, or the zone
/// of more than [`MAX_PLACED_AT_ONCE`] systems, comes back as it was.
pub fn with_zone_moves(project: &Project, edit: Edit) -> Edit {
    let rezoned = zone_changes(project, &edit);
    // Each placement reads the whole landscape: past a few hundred at once, Auto-arrange
    // (which the zone-covers-outsider finding suggests) is the better tool.
    if rezoned.is_empty() || rezoned.len() > MAX_PLACED_AT_ONCE {
        return edit;
    }
    let mut after = project.clone();
    if apply(&mut after, edit.clone()).is_err() {
        return edit; // Applying it will say why.
    }
    let mut waiting: HashSet<SystemId> = rezoned.iter().copied().collect();
    let mut moves = Vec::new();
    for id in rezoned {
        let placed = place_rezoned(&after, id, &waiting);
        waiting.remove(&id);
        if let (Some(to), Some(system)) = (placed, after.system_mut(id))
            && system.position != to
        {
            system.position = to;
            moves.push((id, to));
        }
    }
    if moves.is_empty() {
        edit
    } else {
        Edit::Batch(vec![edit, Edit::MoveSystems(moves)])
    }
}

/// The systems `edit` gives another zone than they have in `project`, once each, in the
/// order the edit names them.
fn zone_changes(project: &Project, edit: &Edit) -> Vec<SystemId> {
    let mut set = Vec::new();
    zones_set(edit, &mut set);
    if set.is_empty() {
        return Vec::new();
    }
    let mut current: HashMap<SystemId, Option<ZoneId>> = HashMap::new();
    for system in &project.systems {
        // With a duplicated id the first system is the one a setter changes.
        current.entry(system.id).or_insert(system.zone);
    }
    let mut seen = HashSet::new();
    set.into_iter()
        .filter(|(id, zone)| current.get(id).is_some_and(|now| now != zone))
        .filter_map(|(id, _)| seen.insert(id).then_some(id))
        .collect()
}

/// Every system setter in `edit`, with the zone it sets.
fn zones_set(edit: &Edit, found: &mut Vec<(SystemId, Option<ZoneId>)>) {
    match edit {
        Edit::SetSystem(next) => found.push((next.id, next.zone)),
        Edit::Batch(edits) => edits.iter().for_each(|edit| zones_set(edit, found)),
        _ => {}
    }
}

/// Where system `id` of `project` (its zone already changed) should be, with the systems
/// `waiting` to be placed (itself among them) left out; `None` when it can stay.
fn place_rezoned(project: &Project, id: SystemId, waiting: &HashSet<SystemId>) -> Option<Point> {
    let system = project.system(id)?;
    let rect = system.rect();
    let wanted = match system.zone {
        Some(zone) if project.zone(zone).is_some() => {
            let members = project
                .systems
                .iter()
                .filter(|s| s.zone == Some(zone) && !waiting.contains(&s.id))
                .map(System::rect)
                .fold(Rect::NOTHING, Rect::union);
            if members.is_positive() {
                inside(rect, members)
            } else {
                rect // The first member: the zone is drawn where it is.
            }
        }
        Some(_) => return None, // A zone that is not there is not drawn.
        None => {
            let zones = project.zone_rects_without(waiting);
            if !zones.values().any(|region| region.overlaps(&rect)) {
                return None;
            }
            rect
        }
    };
    let piece = Piece {
        rect: wanted,
        zone: system.zone,
    };
    let (dx, dy) = nearest_free_offset_moving(project, &[piece], waiting);
    Some(Point::new(wanted.min.x + dx, wanted.min.y + dy))
}

/// `rect` moved the least way that puts it within `bounds` (to their top or left edge
/// when it is larger), on the snap grid.
fn inside(rect: Rect, bounds: Rect) -> Rect {
    let clamp = |v: f32, low: f32, high: f32| v.min(high).max(low);
    let x = clamp(rect.min.x, bounds.min.x, bounds.max.x - rect.width());
    let y = clamp(rect.min.y, bounds.min.y, bounds.max.y - rect.height());
    let at = if (x, y) == (rect.min.x, rect.min.y) {
        rect.min
    } else {
        snap_point(Point::new(x, y), GRID)
    };
    rect.translate(at.x - rect.min.x, at.y - rect.min.y)
}

#[cfg(test)]
mod tests;
