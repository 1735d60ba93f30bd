//! Lines round boxes. A connection whose straight line between its boxes' centres would
//! cross another box gets bends just off the corners of the boxes in the way: the
//! cheapest way through the graph of corners that see one another (`corners`), pulled
//! taut, with the boxes along a line found with an R-tree (`rstar`), so a landscape of
//! 10,000 systems stays quick.

use std::sync::OnceLock;

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use super::corners::CornerGraph;
use crate::model::{Point, Rect};

/// Between a routed line and the boxes it passes.
pub(super) const CLEARANCE: f32 = 16.0;
/// The length of the pieces a segment is cut into to find the boxes along it.
const PIECE: f32 = 240.0;
const MOST_PIECES: f32 = 1_000.0;
/// The most one search may spend, in steps of the search and tests of a segment
/// against a box.
const MOST_PER_ROUTE: usize = 40_000;

type Boxed = GeomWithData<Rectangle<[f32; 2]>, usize>;

/// Every box of the drawing, to ask which ones a line runs through.
pub(super) struct Boxes {
    rects: Vec<Rect>,
    tree: RTree<Boxed>,
    /// Built when the first line needs a way round.
    graph: OnceLock<CornerGraph>,
}

impl Boxes {
    pub fn new(rects: Vec<Rect>) -> Boxes {
        let entries = rects
            .iter()
            .enumerate()
            .map(|(i, r)| {
                GeomWithData::new(Rectangle::from_corners(corner(r.min), corner(r.max)), i)
            })
            .collect();
        Boxes {
            rects,
            tree: RTree::bulk_load(entries),
            graph: OnceLock::new(),
        }
    }

    pub fn rect(&self, index: usize) -> Rect {
        self.rects[index]
    }

    /// Whether the polyline through `points` crosses a box other than `ends`.
    pub fn blocks(&self, points: &[Point], ends: [usize; 2]) -> bool {
        points.windows(2).any(|w| {
            self.near(w[0], w[1], 0.0)
                .any(|i| !ends.contains(&i) && self.rects[i].crossed_by(w[0], w[1]))
        })
    }

    /// The boxes that may meet the segment: those meeting the bounding boxes, grown by
    /// `margin`, of short pieces of it, so a long diagonal asks about the boxes along it
    /// rather than every box in the rectangle it spans. A box may come more than once.
    fn near(&self, a: Point, b: Point, margin: f32) -> impl Iterator<Item = usize> + '_ {
        let pieces = pieces(a, b);
        let at = move |k: usize| {
            let t = k as f32 / pieces as f32;
            Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
        };
        (0..pieces).flat_map(move |k| {
            let (p, q) = (at(k), at(k + 1));
            let envelope = AABB::from_corners(
                [p.x.min(q.x) - margin, p.y.min(q.y) - margin],
                [p.x.max(q.x) + margin, p.y.max(q.y) + margin],
            );
            self.tree
                .locate_in_envelope_intersecting(envelope)
                .map(|entry| entry.data)
        })
    }

    /// Whether the segment keeps the clearance from every box but `ends`, and what that
    /// took: the pieces asked about and the boxes looked at.
    fn clear(&self, a: Point, b: Point, ends: &[usize]) -> (bool, usize) {
        let mut looked_at = pieces(a, b);
        let clear = !self.near(a, b, CLEARANCE).any(|i| {
            looked_at += 1;
            !ends.contains(&i) && solid(self.rects[i]).crossed_by(a, b)
        });
        (clear, looked_at)
    }

    fn graph(&self) -> &CornerGraph {
        self.graph.get_or_init(|| {
            let free = |p: Point| {
                let at = AABB::from_point(corner(p));
                !self
                    .tree
                    .locate_in_envelope_intersecting(at)
                    .any(|entry| solid(self.rects[entry.data]).contains(p))
            };
            CornerGraph::new(&self.rects, free, |a, b| self.clear(a, b, &[]).0)
        })
    }

    /// Bends that take the line between the centres of the boxes `ends` round every other
    /// box; `None` when no way turns up or the work is spent.
    pub fn detour(&self, ends: [usize; 2], work: &mut Work) -> Option<Vec<Point>> {
        let (start, goal) = (self.rects[ends[0]].center(), self.rects[ends[1]].center());
        let bends = self.way_round(start, goal, ends, work)?;
        (!bends.is_empty()).then_some(bends)
    }

    /// The bends of the polyline `line` (its inner points kept) with each leg that crosses
    /// a box other than `ends` taken round it; `None` when a leg finds no way round.
    pub fn mend(&self, line: &[Point], ends: [usize; 2], work: &mut Work) -> Option<Vec<Point>> {
        let mut bends = Vec::new();
        for (k, leg) in line.windows(2).enumerate() {
            if k > 0 {
                bends.push(leg[0]);
            }
            if self.blocks(leg, ends) {
                bends.extend(self.way_round(leg[0], leg[1], ends, work)?);
            }
        }
        Some(bends)
    }

    /// One search within its own share of the work.
    fn way_round(
        &self,
        start: Point,
        goal: Point,
        ends: [usize; 2],
        work: &mut Work,
    ) -> Option<Vec<Point>> {
        if work.is_spent() {
            return None;
        }
        // Its own share: the rest is put back after.
        let total = work.left;
        let share = total.min(MOST_PER_ROUTE);
        work.left = share;
        let found = self.search(start, goal, ends, work);
        work.left = total - (share - work.left);
        found
    }

    /// From `start` to the corners it sees, through the graph, to a corner that sees
    /// `goal`; then pulled taut.
    fn search(
        &self,
        start: Point,
        goal: Point,
        ends: [usize; 2],
        work: &mut Work,
    ) -> Option<Vec<Point>> {
        let graph = self.graph();
        let looked_at = std::cell::Cell::new(0);
        let sees = |a: Point, b: Point| {
            let (clear, looked) = self.clear(a, b, &ends);
            looked_at.set(looked_at.get() + looked);
            clear
        };
        let corners = graph.cheapest(start, goal, sees, work);
        work.spend(looked_at.get());
        let points: Vec<Point> = corners?.iter().map(|&c| graph.point(c)).collect();
        Some(self.taut(&polyline(start, &points, goal), ends, work))
    }

    /// The inner points of `line` that stay when, from each point kept, the line runs
    /// straight to the last of the points after it that it sees one after another: no
    /// shortcut comes nearer a box than the clearance.
    fn taut(&self, line: &[Point], ends: [usize; 2], work: &mut Work) -> Vec<Point> {
        let mut bends = Vec::new();
        let mut from = 0;
        for to in 2..line.len() {
            if work.is_spent() {
                // The rest as found: each of its legs is known to be clear.
                bends.extend_from_slice(&line[(from + 1).max(to - 1)..line.len() - 1]);
                break;
            }
            let (clear, looked_at) = self.clear(line[from], line[to], &ends);
            work.spend(looked_at);
            if !clear {
                from = to - 1;
                bends.push(line[from]);
            }
        }
        bends
    }
}

/// How many pieces the segment is asked about in. Capped: a box placed by hand a
/// billion units away must not mean a billion pieces.
pub(super) fn pieces(a: Point, b: Point) -> usize {
    (distance(a, b) / PIECE).ceil().clamp(1.0, MOST_PIECES) as usize
}

/// The points of a line from `start` through `bends` to `end`.
pub(super) fn polyline(start: Point, bends: &[Point], end: Point) -> Vec<Point> {
    let mut line = Vec::with_capacity(bends.len() + 2);
    line.push(start);
    line.extend_from_slice(bends);
    line.push(end);
    line
}

/// A box as the search sees it: grown by a little less than the clearance, so a path
/// along its side, at the clearance, is free.
fn solid(rect: Rect) -> Rect {
    rect.expand(CLEARANCE - 1.0)
}

/// What the searches of one arrangement may still spend, in steps and segment-against-box
/// tests: a bound on the time a huge, dense landscape takes, reached the same way on
/// every machine. Lines left when it runs out stay straight.
pub(super) struct Work {
    pub(super) left: usize,
}

impl Work {
    pub fn new(tests: usize) -> Work {
        Work { left: tests }
    }

    pub fn is_spent(&self) -> bool {
        self.left == 0
    }

    pub fn spend(&mut self, tests: usize) -> bool {
        spend(&mut self.left, tests)
    }
}

/// Takes `tests` from `left`: whether there were that many.
pub(super) fn spend(left: &mut usize, tests: usize) -> bool {
    let enough = *left >= tests;
    *left = left.saturating_sub(tests);
    enough
}

fn corner(p: Point) -> [f32; 2] {
    [p.x, p.y]
}

/// With `sqrt`, which IEEE 754 rounds exactly everywhere, rather than the C library's
/// `hypot`, which may differ in the last bit between machines and so flip a tie.
pub(super) fn distance(a: Point, b: Point) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    (dx * dx + dy * dy).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Size;

    fn square(x: f32, y: f32) -> Rect {
        Rect::from_min_size(
            Point::new(x, y),
            Size {
                width: 100.0,
                height: 60.0,
            },
        )
    }

    #[test]
    fn a_line_through_a_box_goes_round_it_and_no_longer_crosses_anything() {
        let boxes = Boxes::new(vec![
            square(0.0, 0.0),
            square(400.0, 0.0),
            square(200.0, 0.0),
        ]);
        assert!(boxes.blocks(&[boxes.rect(0).center(), boxes.rect(1).center()], [0, 1]));
        let bends = boxes
            .detour([0, 1], &mut Work::new(usize::MAX))
            .expect("a way round");
        let line = polyline(boxes.rect(0).center(), &bends, boxes.rect(1).center());
        assert!(!boxes.blocks(&line, [0, 1]), "{line:?}");
        // Round one side of the box in the way, at the clearance.
        assert_eq!(bends.len(), 2, "{bends:?}");
        let y = bends[0].y;
        assert!(y == -CLEARANCE || y == 60.0 + CLEARANCE, "{bends:?}");
    }

    #[test]
    fn a_wall_of_boxes_is_passed_at_its_end() {
        let mut rects = vec![square(0.0, 0.0), square(600.0, 0.0)];
        rects.extend((0..5).map(|k| square(300.0, -150.0 + 70.0 * k as f32)));
        let boxes = Boxes::new(rects);
        let bends = boxes
            .detour([0, 1], &mut Work::new(usize::MAX))
            .expect("a way round the wall");
        let line = polyline(boxes.rect(0).center(), &bends, boxes.rect(1).center());
        assert!(!boxes.blocks(&line, [0, 1]), "{line:?}");
    }

    #[test]
    fn a_line_out_of_the_middle_of_a_dense_grid_passes_between_its_boxes() {
        // Ten by ten boxes 40 apart across and 140 along, as the layers of a zone place
        // them, and one box far to the right: the way out goes between a hundred boxes.
        let mut rects: Vec<Rect> = (0..100)
            .map(|k| square(240.0 * (k % 10) as f32, 100.0 * (k / 10) as f32))
            .collect();
        rects.push(square(4_000.0, 470.0));
        let boxes = Boxes::new(rects);
        let ends = [44, 100];
        let bends = boxes
            .detour(ends, &mut Work::new(usize::MAX))
            .expect("a way out");
        let line = polyline(boxes.rect(44).center(), &bends, boxes.rect(100).center());
        assert!(!boxes.blocks(&line, ends), "{line:?}");
        // No loop: hardly longer than the straight line.
        let length: f32 = line.windows(2).map(|w| distance(w[0], w[1])).sum();
        let straight = distance(line[0], line[line.len() - 1]);
        assert!(length < straight * 1.1, "{length} against {straight}");
    }

    #[test]
    fn spent_work_leaves_the_line_straight_and_mending_keeps_the_own_bends() {
        let boxes = Boxes::new(vec![
            square(0.0, 0.0),
            square(400.0, 0.0),
            square(200.0, 0.0),
        ]);
        assert_eq!(boxes.detour([0, 1], &mut Work::new(0)), None);
        // A line bent below the box in the way needs nothing more than its own bend...
        let (a, b) = (boxes.rect(0).center(), boxes.rect(1).center());
        let below = Point::new(250.0, 200.0);
        let mut work = Work::new(usize::MAX);
        assert_eq!(
            boxes.mend(&[a, below, b], [0, 1], &mut work),
            Some(vec![below])
        );
        // ...and one bent past it keeps its bend and goes round the box on the way there.
        let past = Point::new(350.0, 30.0);
        let mended = boxes
            .mend(&[a, past, b], [0, 1], &mut work)
            .expect("mended");
        assert_eq!(mended.last(), Some(&past), "{mended:?}");
        let line = polyline(a, &mended, b);
        assert!(!boxes.blocks(&line, [0, 1]), "{line:?}");
    }

    #[test]
    fn a_box_far_away_is_asked_about_in_a_bounded_number_of_pieces() {
        let boxes = Boxes::new(vec![
            square(0.0, 0.0),
            square(1.0e12, 0.0),
            square(5.0e11, 0.0),
        ]);
        let (a, b) = (boxes.rect(0).center(), boxes.rect(1).center());
        assert!(boxes.blocks(&[a, b], [0, 1]));
        assert!(boxes.near(a, b, 0.0).count() <= 3 * MOST_PIECES as usize);
    }
}
