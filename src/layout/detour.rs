//! Lines round boxes. A connection whose straight line between its boxes' centres would
//! cross another box gets bends just off the corners of the boxes in the way: the shortest
//! path through corners that see one another (A* from `pathfinding`), among the boxes in
//! the way (found with an R-tree from `rstar`), so a landscape of 10,000 systems stays quick.

use pathfinding::directed::astar::astar;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use crate::model::{Point, Rect};

/// Between a routed line and the boxes it passes.
const CLEARANCE: f32 = 16.0;
/// The most boxes one route goes round, and the most times the search widens to take in
/// boxes its last answer ran into; beyond these the line stays straight. The search costs
/// grow with the square of the boxes.
const MOST_OBSTACLES: usize = 24;
const ROUNDS: usize = 8;
/// The length of the pieces a segment is cut into to find the boxes along it.
const PIECE: f32 = 240.0;
const MOST_PIECES: f32 = 1_000.0;
/// The most one search may spend, in tests of a segment against a box.
const MOST_PER_ROUTE: usize = 150_000;
/// Costs are whole numbers for the search: this many per scene unit.
const COST_SCALE: f32 = 8.0;

type Boxed = GeomWithData<Rectangle<[f32; 2]>, usize>;

/// Every box of the drawing, to ask which ones a line runs through.
pub(super) struct Boxes {
    rects: Vec<Rect>,
    tree: RTree<Boxed>,
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
        // Capped: a box placed by hand a billion units away must not mean a billion pieces.
        let pieces = (distance(a, b) / PIECE).ceil().clamp(1.0, MOST_PIECES) as usize;
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

    /// Bends that take the line between the centres of the boxes `ends` round every other
    /// box; `None` when no such path turns up among a few dozen boxes or the work is spent.
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

    /// The search starts with the boxes the straight line crosses and adds those its
    /// answer still crosses, so it looks only at boxes in the way.
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
        let mut mine = Work::new(work.left.min(MOST_PER_ROUTE));
        let found = self.search(start, goal, ends, &mut mine);
        work.left -= work.left.min(MOST_PER_ROUTE) - mine.left;
        found
    }

    fn search(
        &self,
        start: Point,
        goal: Point,
        ends: [usize; 2],
        work: &mut Work,
    ) -> Option<Vec<Point>> {
        let mut obstacles = self.in_the_way(&[start, goal], ends, &[], work);
        for _ in 0..ROUNDS {
            let rects: Vec<Rect> = obstacles.iter().map(|&i| self.rects[i]).collect();
            let bends = shortest_way_round(start, goal, &rects, work)?;
            let line = polyline(start, &bends, goal);
            let more = self.in_the_way(&line, ends, &obstacles, work);
            if more.is_empty() {
                return Some(bends);
            }
            obstacles.extend(more);
            obstacles.sort_unstable();
            if obstacles.len() > MOST_OBSTACLES {
                return None;
            }
        }
        None
    }

    /// The boxes other than `ends` and `known` that come nearer the polyline than the
    /// clearance, in index order.
    fn in_the_way(
        &self,
        line: &[Point],
        ends: [usize; 2],
        known: &[usize],
        work: &mut Work,
    ) -> Vec<usize> {
        let mut looked_at = 0;
        let mut found: Vec<usize> = line
            .windows(2)
            .flat_map(|w| {
                self.near(w[0], w[1], CLEARANCE)
                    .inspect(|_| looked_at += 1)
                    .filter(|&i| solid(self.rects[i]).crossed_by(w[0], w[1]))
                    .collect::<Vec<_>>()
            })
            .filter(|i| !ends.contains(i) && known.binary_search(i).is_err())
            .collect();
        work.spend(looked_at);
        found.sort_unstable();
        found.dedup();
        found
    }
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

/// The shortest path from `start` to `goal` through corners of the obstacles grown by the
/// clearance, crossing none of them: its bends.
fn shortest_way_round(
    start: Point,
    goal: Point,
    obstacles: &[Rect],
    work: &mut Work,
) -> Option<Vec<Point>> {
    let solids: Vec<Rect> = obstacles.iter().copied().map(solid).collect();
    let mut nodes = vec![start, goal];
    for rect in obstacles {
        let grown = rect.expand(CLEARANCE);
        for node in [
            grown.min,
            Point::new(grown.max.x, grown.min.y),
            grown.max,
            Point::new(grown.min.x, grown.max.y),
        ] {
            if !solids.iter().any(|s| s.contains(node)) {
                nodes.push(node);
            }
        }
    }
    let sees = |a: Point, b: Point| !solids.iter().any(|s| s.crossed_by(a, b));
    let cost = |a: Point, b: Point| (distance(a, b) * COST_SCALE).round() as u64;
    let (path, _) = astar(
        &0usize,
        |&at| {
            let from = nodes[at];
            if !work.spend(nodes.len() * solids.len()) {
                return Vec::new();
            }
            (0..nodes.len())
                .filter(|&to| to != at && sees(from, nodes[to]))
                .map(|to| (to, cost(from, nodes[to])))
                .collect::<Vec<_>>()
        },
        |&at| cost(nodes[at], goal),
        |&at| at == 1,
    )?;
    Some(path[1..path.len() - 1].iter().map(|&i| nodes[i]).collect())
}

/// What the searches of one arrangement may still spend, in segment-against-box tests:
/// a bound on the time a huge, dense landscape takes, reached the same way on every
/// machine. Lines left when it runs out stay straight.
pub(super) struct Work {
    left: usize,
}

impl Work {
    pub fn new(tests: usize) -> Work {
        Work { left: tests }
    }

    pub fn is_spent(&self) -> bool {
        self.left == 0
    }

    fn spend(&mut self, tests: usize) -> bool {
        let enough = self.left >= tests;
        self.left = self.left.saturating_sub(tests);
        enough
    }
}

fn corner(p: Point) -> [f32; 2] {
    [p.x, p.y]
}

/// With `sqrt`, which IEEE 754 rounds exactly everywhere, rather than the C library's
/// `hypot`, which may differ in the last bit between machines and so flip a tie.
fn distance(a: Point, b: Point) -> f32 {
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
