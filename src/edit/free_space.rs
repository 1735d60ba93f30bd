//! Free space on the canvas: where new or pasted boxes can go so that they cover no other
//! box, sit in no zone but their own, do not stretch their zone over anything else, and,
//! when a place nearby allows it, lie across no connection line. (A zone's growth is
//! checked within the search area only: a very wide zone growing far from the box is not.)
//!
//! The search tries offsets on the grid, nearest first, so the answer is the free place
//! closest to where the boxes were asked for, and the same project always gives the same
//! answer.

use std::collections::{HashMap, HashSet};

use crate::model::{GRID, Point, Project, Rect, Size, SystemId, ZoneId, zone_rect};

/// Room kept between a placed box and any other box or zone.
pub const FREE_MARGIN: f32 = GRID;

/// How many grid steps each way the search looks before it gives up and puts the boxes
/// beside everything.
const SEARCH_STEPS: i32 = 60;

/// How much further away a place clear of lines may be than the nearest place clear of
/// boxes; beyond it, a line under the box is the lesser evil.
const LINE_DETOUR: f32 = 600.0;

/// Obstacles are looked up by cells of this size, in scene units.
const CELL: f32 = 400.0;

/// A box to be placed: its rect where it was asked for, and the zone it will belong to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    pub rect: Rect,
    pub zone: Option<ZoneId>,
}

/// The free position nearest `wanted_in_scene` (a box's top left corner) for a box of
/// `size` that will belong to `zone`.
pub fn nearest_free_position(
    project: &Project,
    wanted_in_scene: Point,
    size: Size,
    zone: Option<ZoneId>,
) -> Point {
    let piece = Piece {
        rect: Rect::from_min_size(wanted_in_scene, size),
        zone,
    };
    let (dx, dy) = nearest_free_offset(project, &[piece]);
    Point::new(wanted_in_scene.x + dx, wanted_in_scene.y + dy)
}

/// The smallest shift (in whole grid steps) that puts every piece in free space, all by
/// the same amount, so a group keeps its arrangement. `(0, 0)` when they are free where
/// they are.
pub fn nearest_free_offset(project: &Project, pieces: &[Piece]) -> (f32, f32) {
    nearest_free_offset_moving(project, pieces, &HashSet::new())
}

/// [`nearest_free_offset`] for pieces that are `moving` systems of the project: where
/// they are now is no obstacle, and the zones they leave are drawn without them.
pub fn nearest_free_offset_moving(
    project: &Project,
    pieces: &[Piece],
    moving: &HashSet<SystemId>,
) -> (f32, f32) {
    let Some(group) = bounds_of(pieces) else {
        return (0.0, 0.0);
    };
    let reach = SEARCH_STEPS as f32 * GRID + FREE_MARGIN;
    let obstacles = Obstacles::near_area(project, group.expand(reach), moving);
    let mut search = Search {
        obstacles: &obstacles,
        pieces,
        last_blocker: 0,
    };
    let mut clear_of_boxes: Option<((f32, f32), f32)> = None;
    for (dx, dy) in offsets_nearest_first() {
        let distance = dx.hypot(dy);
        if let Some((_, nearest)) = clear_of_boxes
            && distance > nearest + LINE_DETOUR
        {
            break;
        }
        if !search.clear_of_boxes(dx, dy) {
            continue;
        }
        if search.clear_of_lines(dx, dy) {
            return (dx, dy);
        }
        clear_of_boxes.get_or_insert(((dx, dy), distance));
    }
    match clear_of_boxes {
        Some((offset, _)) => offset,
        None => beside_everything(project, group),
    }
}

/// The pieces are clear of boxes and zones where they are (lines are not asked about),
/// with the `moving` systems taken away.
pub fn free_where_they_are(
    project: &Project,
    pieces: &[Piece],
    moving: &HashSet<SystemId>,
) -> bool {
    let Some(group) = bounds_of(pieces) else {
        return true;
    };
    let obstacles = Obstacles::near_area(project, group.expand(FREE_MARGIN), moving);
    let mut search = Search {
        obstacles: &obstacles,
        pieces,
        last_blocker: 0,
    };
    search.clear_of_boxes(0.0, 0.0)
}

/// What the pieces cover together; `None` when that is nothing a search can start from.
fn bounds_of(pieces: &[Piece]) -> Option<Rect> {
    let group = pieces
        .iter()
        .map(|p| p.rect)
        .fold(Rect::NOTHING, Rect::union);
    (group.is_positive() && group.min.is_finite() && group.max.is_finite()).then_some(group)
}

/// Grid offsets within the search range, nearest first; at equal distance, below before
/// above and right before left, so ties always break the same way.
fn offsets_nearest_first() -> Vec<(f32, f32)> {
    let range = -SEARCH_STEPS..=SEARCH_STEPS;
    let mut steps: Vec<(i32, i32)> = range
        .clone()
        .flat_map(|i| range.clone().map(move |j| (i, j)))
        .collect();
    steps.sort_by_key(|&(i, j)| (i * i + j * j, -j, -i));
    steps
        .into_iter()
        .map(|(i, j)| (i as f32 * GRID, j as f32 * GRID))
        .collect()
}

/// The shift that puts the group below or to the right of the whole landscape, whichever
/// is the shorter move: free for certain, when nothing nearer is.
fn beside_everything(project: &Project, group: Rect) -> (f32, f32) {
    let Some(bounds) = project.content_bounds() else {
        return (0.0, 0.0);
    };
    let below = bounds.max.y + FREE_MARGIN - group.min.y;
    let right = bounds.max.x + FREE_MARGIN - group.min.x;
    let snapped = |d: f32| (d / GRID).ceil() * GRID;
    if below <= right {
        (0.0, snapped(below))
    } else {
        (snapped(right), 0.0)
    }
}

struct Search<'a> {
    obstacles: &'a Obstacles,
    pieces: &'a [Piece],
    /// The piece that was blocked last: nearby offsets are usually blocked by it too, so
    /// it is tried first.
    last_blocker: usize,
}

impl Search<'_> {
    fn clear_of_boxes(&mut self, dx: f32, dy: f32) -> bool {
        let count = self.pieces.len();
        for k in 0..count {
            let index = (self.last_blocker + k) % count;
            let piece = &self.pieces[index];
            let placed = piece.rect.translate(dx, dy);
            if self.obstacles.piece_blocked(placed, piece.zone) {
                self.last_blocker = index;
                return false;
            }
        }
        true
    }

    fn clear_of_lines(&self, dx: f32, dy: f32) -> bool {
        self.pieces.iter().all(|piece| {
            let wanted = piece.rect.translate(dx, dy);
            !self
                .obstacles
                .lines
                .near(wanted)
                .any(|(a, b)| wanted.crossed_by(*a, *b))
        })
    }
}

/// Something drawn that a placed box must keep clear of.
#[derive(Clone, Copy)]
enum Area {
    /// A system's box, and the zone it is in.
    Box(Option<ZoneId>),
    /// A zone's region.
    Zone(ZoneId),
}

/// What placed boxes must keep clear of, near the search area.
struct Obstacles {
    areas: Cells<(Rect, Area)>,
    /// Connections, as the straight line between their boxes' centres.
    lines: Cells<(Point, Point)>,
    /// Each zone's region as drawn now: a box placed at its edge makes it grow.
    zones: HashMap<ZoneId, Rect>,
}

impl Obstacles {
    /// A box at `placed` for `zone` would come near another box, lie in another zone, or
    /// make its own zone (or the new one drawn around it) grow over something else.
    fn piece_blocked(&self, placed: Rect, zone: Option<ZoneId>) -> bool {
        let near = placed.expand(FREE_MARGIN);
        let box_blocked = self.areas.near(near).any(|(rect, area)| match area {
            Area::Box(_) => rect.overlaps(&near),
            Area::Zone(other) => Some(*other) != zone && rect.overlaps(&near),
        });
        if box_blocked {
            return true;
        }
        let Some(zone) = zone else {
            return false;
        };
        // What the zone's region gains: things there would look as if they were in it.
        let (now, grown) = match self.zones.get(&zone) {
            Some(&now) => (now, now.union(zone_rect(placed))),
            None => (Rect::NOTHING, zone_rect(placed)),
        };
        gained_strips(now, grown).into_iter().any(|strip| {
            let strip = strip.expand(FREE_MARGIN);
            self.areas.near(strip).any(|(rect, area)| {
                let foreign = match area {
                    Area::Box(member_of) => *member_of != Some(zone),
                    Area::Zone(other) => *other != zone,
                };
                foreign && rect.overlaps(&strip)
            })
        })
    }
}

/// The parts of `grown` outside `now` (which it contains), as up to four strips; all of
/// `grown` when `now` is nothing.
fn gained_strips(now: Rect, grown: Rect) -> Vec<Rect> {
    if !now.is_positive() {
        return vec![grown];
    }
    let rect = |x0: f32, y0: f32, x1: f32, y1: f32| {
        Rect::from_min_max(Point::new(x0, y0), Point::new(x1, y1))
    };
    [
        rect(grown.min.x, grown.min.y, grown.max.x, now.min.y),
        rect(grown.min.x, now.max.y, grown.max.x, grown.max.y),
        rect(grown.min.x, now.min.y, now.min.x, now.max.y),
        rect(now.max.x, now.min.y, grown.max.x, now.max.y),
    ]
    .into_iter()
    .filter(Rect::is_positive)
    .collect()
}

impl Obstacles {
    fn near_area(project: &Project, area: Rect, moving: &HashSet<SystemId>) -> Self {
        let mut areas = Cells::default();
        let mut centres = HashMap::new();
        for system in project.systems.iter().filter(|s| !moving.contains(&s.id)) {
            let rect = system.rect();
            centres.insert(system.id, rect.center());
            if rect.overlaps(&area) {
                areas.insert(rect.intersect(&area), (rect, Area::Box(system.zone)));
            }
        }
        // Zones as they are drawn without the moving systems.
        let zones = project.zone_rects_without(moving);
        for (&zone, &rect) in &zones {
            if rect.overlaps(&area) {
                areas.insert(rect.intersect(&area), (rect, Area::Zone(zone)));
            }
        }
        let mut lines = Cells::default();
        for connection in &project.connections {
            let (Some(&a), Some(&b)) = (centres.get(&connection.from), centres.get(&connection.to))
            else {
                // A dangling reference is not drawn; a moving system's lines move with it.
                continue;
            };
            let bounds = Rect::from_min_max(
                Point::new(a.x.min(b.x), a.y.min(b.y)),
                Point::new(a.x.max(b.x), a.y.max(b.y)),
            );
            // A self-loop is drawn at its box, which is an obstacle already.
            if connection.from != connection.to && bounds.expand(1.0).overlaps(&area) {
                lines.insert(bounds.expand(1.0).intersect(&area), (a, b));
            }
        }
        Obstacles {
            areas,
            lines,
            zones,
        }
    }
}

/// Items filed by the grid cells their bounds touch, so a look-up reads only what is near.
struct Cells<T> {
    cells: HashMap<(i32, i32), Vec<usize>>,
    items: Vec<T>,
}

impl<T> Default for Cells<T> {
    fn default() -> Self {
        Cells {
            cells: HashMap::new(),
            items: Vec::new(),
        }
    }
}

impl<T> Cells<T> {
    /// Files `item` under the cells `bounds` touches. Callers keep `bounds` to the search
    /// area, or a long line would be filed under thousands of cells.
    fn insert(&mut self, bounds: Rect, item: T) {
        let index = self.items.len();
        self.items.push(item);
        for cell in cells_of(bounds) {
            self.cells.entry(cell).or_default().push(index);
        }
    }

    /// The items whose bounds may touch `rect` (an item can come more than once).
    fn near(&self, rect: Rect) -> impl Iterator<Item = &T> {
        cells_of(rect)
            .filter_map(|cell| self.cells.get(&cell))
            .flatten()
            .map(|&index| &self.items[index])
    }
}

fn cells_of(rect: Rect) -> impl Iterator<Item = (i32, i32)> {
    // Clamped: a hand-edited file can put a box a long way off.
    let cell = |v: f32| (v / CELL).floor().clamp(-1e6, 1e6) as i32;
    let (x0, x1) = (cell(rect.min.x), cell(rect.max.x));
    let (y0, y1) = (cell(rect.min.y), cell(rect.max.y));
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

#[cfg(test)]
mod tests;
