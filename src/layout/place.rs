//! Putting an arrangement where the systems are: it starts where the arranged systems'
//! bounding box starts now (so "arrange the selection" stays in its area), positions are
//! whole units, and a box that would land on a system that stays (pinned, or not
//! selected) moves to the nearest free place. Bends are kept only for connections whose
//! straight line would cross another box.

use super::Arrangement;
use super::clusters::LaidOut;
use crate::model::{Point, Project, Rect, box_rect};

/// Space kept between a moved box and one that stays.
const MARGIN: f32 = 20.0;
/// The step of the search for a free place.
const STEP: f32 = 20.0;

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
        .map(|(_, s)| s.rect())
        .collect();
    if !staying.is_empty() {
        clear_of_staying(project, movable, &mut corners, &staying);
    }
    let mut boxes: Vec<Rect> = staying;
    boxes.extend(
        movable
            .iter()
            .zip(&corners)
            .map(|(&i, &c)| box_rect(c, project.systems[i].size)),
    );
    let local_of: std::collections::BTreeMap<_, usize> = movable
        .iter()
        .enumerate()
        .map(|(local, &i)| (project.systems[i].id, local))
        .collect();
    let rect_of = |id| {
        let local = *local_of.get(&id)?;
        Some(box_rect(
            corners[local],
            project.systems[movable[local]].size,
        ))
    };
    let routes = laid
        .bends
        .into_iter()
        .filter_map(|(id, bends)| {
            let connection = project.connection(id)?;
            let (from, to) = (rect_of(connection.from)?, rect_of(connection.to)?);
            let (a, b) = (from.center(), to.center());
            let blocked = boxes
                .iter()
                .any(|r| !same(r, &from) && !same(r, &to) && r.crossed_by(a, b));
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
            let rect = box_rect(corner, size).expand(MARGIN);
            staying.iter().any(|s| s.overlaps(&rect))
                || corners.iter().enumerate().any(|(other, &c)| {
                    other != local
                        && box_rect(c, project.systems[movable[other]].size).overlaps(&rect)
                })
        };
        let wanted = corners[local];
        if !staying
            .iter()
            .any(|s| s.overlaps(&box_rect(wanted, size).expand(MARGIN)))
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
