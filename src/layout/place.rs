//! Putting an arrangement where the systems are: it starts where the arranged systems'
//! bounding box starts now (so "arrange the selection" stays in its area), positions are
//! whole units, and a box that would land on a system that stays (pinned, or not
//! selected) moves to the nearest free place. Bends are kept only for connections whose
//! straight line would cross another box.

use super::Arrangement;
use super::clusters::LaidOut;
use crate::model::{Point, Project, Size};

/// Space kept between a moved box and one that stays.
const MARGIN: f32 = 20.0;
/// The step of the search for a free place.
const STEP: f32 = 20.0;

#[derive(Clone, Copy, Debug)]
struct Rect {
    min: Point,
    max: Point,
}

impl Rect {
    fn at(corner: Point, size: Size) -> Rect {
        Rect {
            min: corner,
            max: Point::new(corner.x + size.width, corner.y + size.height),
        }
    }

    fn grown(self, by: f32) -> Rect {
        Rect {
            min: Point::new(self.min.x - by, self.min.y - by),
            max: Point::new(self.max.x + by, self.max.y + by),
        }
    }

    fn overlaps(&self, other: &Rect) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    fn centre(&self) -> Point {
        Point::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    /// Whether the segment from `a` to `b` passes through the inside (Liang–Barsky).
    fn cut_by(&self, a: Point, b: Point) -> bool {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let (mut t0, mut t1) = (0f32, 1f32);
        for (p, q) in [
            (-dx, a.x - self.min.x),
            (dx, self.max.x - a.x),
            (-dy, a.y - self.min.y),
            (dy, self.max.y - a.y),
        ] {
            if p == 0.0 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t0 < t1
    }
}

pub(super) fn settle(project: &Project, movable: &[usize], laid: LaidOut) -> Arrangement {
    let origin = movable
        .iter()
        .map(|&i| project.systems[i].position)
        .filter(Point::is_finite)
        .fold(None, |least: Option<Point>, p| {
            Some(least.map_or(p, |l| Point::new(l.x.min(p.x), l.y.min(p.y))))
        })
        .unwrap_or_default();
    let mut corners: Vec<Point> = laid
        .corners
        .iter()
        .map(|c| Point::new((c.x + origin.x).round(), (c.y + origin.y).round()))
        .collect();
    let is_movable: std::collections::BTreeSet<usize> = movable.iter().copied().collect();
    let staying: Vec<Rect> = project
        .systems
        .iter()
        .enumerate()
        .filter(|(i, s)| !is_movable.contains(i) && s.position.is_finite())
        .map(|(_, s)| Rect::at(s.position, s.size))
        .collect();
    if !staying.is_empty() {
        clear_of_staying(project, movable, &mut corners, &staying);
    }
    let mut boxes: Vec<Rect> = staying;
    boxes.extend(
        movable
            .iter()
            .zip(&corners)
            .map(|(&i, &c)| Rect::at(c, project.systems[i].size)),
    );
    let rect_of = |id| {
        movable
            .iter()
            .position(|&i| project.systems[i].id == id)
            .map(|local| Rect::at(corners[local], project.systems[movable[local]].size))
    };
    let routes = laid
        .bends
        .into_iter()
        .filter_map(|(id, bends)| {
            let connection = project.connection(id)?;
            let (from, to) = (rect_of(connection.from)?, rect_of(connection.to)?);
            let (a, b) = (from.centre(), to.centre());
            let blocked = boxes
                .iter()
                .any(|r| !same(r, &from) && !same(r, &to) && r.cut_by(a, b));
            let rounded = bends
                .into_iter()
                .map(|p| Point::new((p.x + origin.x).round(), (p.y + origin.y).round()))
                .collect();
            blocked.then_some((id, rounded))
        })
        .collect();
    let positions = movable
        .iter()
        .zip(corners)
        .map(|(&i, corner)| (project.systems[i].id, corner))
        .collect();
    Arrangement { positions, routes }
}

fn same(a: &Rect, b: &Rect) -> bool {
    a.min == b.min && a.max == b.max
}

/// Moves each arranged box that lands on a staying one to the nearest free place, clear
/// of every staying box and every other arranged box.
fn clear_of_staying(project: &Project, movable: &[usize], corners: &mut [Point], staying: &[Rect]) {
    for local in 0..movable.len() {
        let size = project.systems[movable[local]].size;
        let blocked = |corner: Point, corners: &[Point]| {
            let rect = Rect::at(corner, size).grown(MARGIN);
            staying.iter().any(|s| s.overlaps(&rect))
                || corners.iter().enumerate().any(|(other, &c)| {
                    other != local
                        && Rect::at(c, project.systems[movable[other]].size).overlaps(&rect)
                })
        };
        let wanted = corners[local];
        if !staying
            .iter()
            .any(|s| s.overlaps(&Rect::at(wanted, size).grown(MARGIN)))
        {
            continue;
        }
        corners[local] = nearest_free(wanted, |c| !blocked(c, corners));
    }
}

/// The nearest point to `wanted`, on rings of grid steps, where `free` holds.
fn nearest_free(wanted: Point, free: impl Fn(Point) -> bool) -> Point {
    for ring in 1..2_000i32 {
        let mut best: Option<(f32, Point)> = None;
        for dx in -ring..=ring {
            for dy in -ring..=ring {
                if dx.abs() != ring && dy.abs() != ring {
                    continue;
                }
                let candidate =
                    Point::new(wanted.x + dx as f32 * STEP, wanted.y + dy as f32 * STEP);
                let distance = (dx * dx + dy * dy) as f32;
                if best.is_none_or(|(d, _)| distance < d) && free(candidate) {
                    best = Some((distance, candidate));
                }
            }
        }
        if let Some((_, point)) = best {
            return point;
        }
    }
    wanted
}
