//! Putting an arrangement where the systems are: it starts where the arranged systems'
//! bounding box starts now (so "arrange the selection" stays in its area), positions are
//! whole units, and a box that would land on a system that stays (pinned, or not
//! selected) moves to the nearest free place. Bends are kept only for connections whose
//! straight line would cross another box.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::Arrangement;
use super::clusters::LaidOut;
use super::detour::{Boxes, Work, pieces, polyline};
use crate::model::{ConnectionId, Point, Project, Rect, box_rect};

/// What routing round boxes may spend per connection of the project, in steps of the
/// searches and tests of a segment against a box: a line out of a dense zone takes a few
/// thousand, and on a landscape of thousands of systems lines across the whole drawing
/// would otherwise take seconds.
const WORK_PER_CONNECTION: usize = 4_000;
/// But never less than this, nor more than that (what 20,000 connections get, about a
/// second).
const LEAST_WORK: usize = 2_000_000;
const MOST_WORK: usize = 40_000_000;

/// Lines routed together, with their share of the work.
const LINES_PER_CHUNK: usize = 64;

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
    let bends = laid
        .bends
        .into_iter()
        .map(|(id, bends)| {
            let shifted = bends
                .into_iter()
                .map(|p| Point::new((p.x + origin.x).round(), (p.y + origin.y).round()))
                .collect();
            (id, shifted)
        })
        .collect();
    let routes = routes(project, movable, &corners, bends);
    let positions = movable
        .iter()
        .zip(corners)
        .map(|(&i, corner)| (project.systems[i].id, corner))
        .collect();
    Arrangement { positions, routes }
}

/// The bends of every connection of an arranged system whose straight line would cross
/// another box: the layering's own bends where they clear every box, else a detour.
fn routes(
    project: &Project,
    movable: &[usize],
    corners: &[Point],
    layered: Vec<(ConnectionId, Vec<Point>)>,
) -> Vec<(ConnectionId, Vec<Point>)> {
    let mut rect_of: Vec<Option<Rect>> = project
        .systems
        .iter()
        .map(|s| s.position.is_finite().then(|| s.rect()))
        .collect();
    for (&i, &corner) in movable.iter().zip(corners) {
        rect_of[i] = Some(box_rect(corner, project.systems[i].size));
    }
    let index_of = project.system_indices();
    let shown: Vec<usize> = (0..rect_of.len())
        .filter(|&i| rect_of[i].is_some())
        .collect();
    let box_of: BTreeMap<usize, usize> = shown.iter().enumerate().map(|(b, &i)| (i, b)).collect();
    let boxes = Boxes::new(shown.iter().filter_map(|&i| rect_of[i]).collect());
    let arranged: BTreeSet<usize> = movable.iter().copied().collect();
    let mut layered: BTreeMap<ConnectionId, Vec<Point>> = layered.into_iter().collect();
    let lines: Vec<Line> = project
        .connections
        .iter()
        .filter_map(|connection| {
            let from = *index_of.get(&connection.from)?;
            let to = *index_of.get(&connection.to)?;
            let ends = [*box_of.get(&from)?, *box_of.get(&to)?];
            let arranged_end = arranged.contains(&from) || arranged.contains(&to);
            (ends[0] != ends[1] && arranged_end).then(|| Line {
                id: connection.id,
                ends,
                own: layered.remove(&connection.id),
            })
        })
        .collect();
    let work = (WORK_PER_CONNECTION * project.connections.len()).clamp(LEAST_WORK, MOST_WORK);
    let chunks = lines.len().div_ceil(LINES_PER_CHUNK).max(1);
    let route_chunk = |chunk: &[Line]| {
        let mut work = Work::new(work / chunks);
        chunk
            .iter()
            .filter_map(|line| line.route(&boxes, &mut work))
            .collect::<Vec<_>>()
    };
    // Chunks of a fixed size, each with its share of the work, are routed side by side:
    // the result does not depend on how many cores there are. One chunk is not worth
    // handing to another thread.
    let routed: Vec<Vec<_>> = if chunks == 1 {
        vec![route_chunk(&lines)]
    } else {
        lines.par_chunks(LINES_PER_CHUNK).map(route_chunk).collect()
    };
    routed.into_iter().flatten().collect()
}

/// A connection of an arranged system, between two boxes.
struct Line {
    id: ConnectionId,
    ends: [usize; 2],
    /// The layering's bends.
    own: Option<Vec<Point>>,
}

impl Line {
    /// Its bends, when the straight line would cross a box and a way round turns up.
    fn route(&self, boxes: &Boxes, work: &mut Work) -> Option<(ConnectionId, Vec<Point>)> {
        let [a, b] = self.ends;
        let (start, end) = (boxes.rect(a).center(), boxes.rect(b).center());
        // Asking along a long line costs too.
        if !work.spend(pieces(start, end)) || !boxes.blocks(&[start, end], self.ends) {
            return None;
        }
        let own = self.own.as_ref().map(|bends| polyline(start, bends, end));
        let mended = own.and_then(|line| boxes.mend(&line, self.ends, work));
        let bends = mended.or_else(|| boxes.detour(self.ends, work))?;
        let bends = bends
            .iter()
            .map(|p| Point::new(p.x.round(), p.y.round()))
            .collect();
        Some((self.id, bends))
    }
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
