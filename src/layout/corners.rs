//! The free space between boxes as a graph: the corners of every box, grown by the
//! clearance, each joined to the nearest corners it sees on every side. It is built once per
//! arrangement, so a route is one search over it (A*) instead of testing every pair of
//! corners of the boxes in its way, which grows with the cube of those boxes and gave
//! up in dense zones. Passing between two boxes needs only that their corners see each
//! other, so every gap wider than twice the clearance is a way through.

use pathfinding::directed::astar::astar;
use rayon::prelude::*;
use rstar::primitives::GeomWithData;
use rstar::{AABB, RTree};

use super::detour::{CLEARANCE, Work, distance, spend};
use crate::model::{Point, Rect};

/// Each corner is joined to this many corners it sees in each cone round it, nearest
/// first, trying at most so many there, among so many nearest in all; then, for a cone
/// still empty, among those within these distances.
const PER_CONE: usize = 3;
const TRIED_PER_CONE: usize = 5;
const LOOKED_AT: usize = 48;
/// From this many corners the links are found on all cores.
const PARALLEL_FROM: usize = 1_024;
/// Where the nearest corners are looked for first.
const LOOK_WITHIN: f32 = 400.0;
const FARTHER: [f32; 3] = [600.0, 2_400.0, 9_600.0];
/// How many of the nearest corners a search may enter or leave the graph by.
const NEAREST: usize = 12;
/// The search's estimate of the way left counts this much more than the distance, so it
/// heads for the goal and looks at far fewer corners; a way it finds is at most that much
/// longer than the shortest, and pulling it taut takes most of that back.
const GREED: f32 = 1.25;
/// Costs are whole numbers for the search: this many per scene unit.
const COST_SCALE: f32 = 8.0;

type Corner = GeomWithData<[f32; 2], u32>;

pub(super) struct CornerGraph {
    points: Vec<Point>,
    /// Corner `c`'s links are `links[starts[c]..starts[c + 1]]`: (corner, cost).
    starts: Vec<usize>,
    links: Vec<(u32, u64)>,
    tree: RTree<Corner>,
}

/// A place a search can be: the line's start and goal, and the corners between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Node {
    Start,
    Corner(u32),
    Goal,
}

impl CornerGraph {
    /// The graph of the corners of `rects` that `free` keeps (those inside no box), each
    /// joined to those of its nearest that it `sees`.
    pub fn new(
        rects: &[Rect],
        free: impl Fn(Point) -> bool,
        sees: impl Fn(Point, Point) -> bool + Sync,
    ) -> CornerGraph {
        let points: Vec<Point> = rects
            .iter()
            .flat_map(|rect| grown_corners(*rect))
            .filter(|&p| free(p))
            .collect();
        let tree = RTree::bulk_load(
            points
                .iter()
                .enumerate()
                .map(|(i, p)| Corner::new([p.x, p.y], i as u32))
                .collect(),
        );
        let links_of = |from| links_from(from, &points, &tree, &sees);
        // A few hundred corners are not worth other threads.
        let seen: Vec<Vec<(u32, u64)>> = if points.len() < PARALLEL_FROM {
            (0..points.len()).map(links_of).collect()
        } else {
            (0..points.len()).into_par_iter().map(links_of).collect()
        };
        // Both ways; a pair found from both of its corners is kept once.
        let mut next: Vec<Vec<(u32, u64)>> = vec![Vec::new(); points.len()];
        for (from, links) in seen.into_iter().enumerate() {
            for (to, cost) in links {
                next[from].push((to, cost));
                next[to as usize].push((from as u32, cost));
            }
        }
        let mut starts = Vec::with_capacity(points.len() + 1);
        let mut links = Vec::new();
        for mut list in next {
            starts.push(links.len());
            list.sort_unstable();
            list.dedup();
            links.extend(list);
        }
        starts.push(links.len());
        CornerGraph {
            points,
            starts,
            links,
            tree,
        }
    }

    pub fn point(&self, corner: u32) -> Point {
        self.points[corner as usize]
    }

    /// The corners of the cheapest way from `start` to `goal` that keeps off the boxes:
    /// into the graph at a corner near `start` that `sees` it, out at one near `goal`;
    /// `None` when there is none or the work runs out first.
    pub fn cheapest(
        &self,
        start: Point,
        goal: Point,
        mut sees: impl FnMut(Point, Point) -> bool,
        work: &mut Work,
    ) -> Option<Vec<u32>> {
        let exits: Vec<u32> = self.nearest(goal).collect();
        let at = |node: Node| match node {
            Node::Start => start,
            Node::Corner(c) => self.point(c),
            Node::Goal => goal,
        };
        let mut spent = false;
        let (way, _) = astar(
            &Node::Start,
            |&node| {
                let mut next = Vec::new();
                if spent {
                    return next;
                }
                let from = at(node);
                match node {
                    Node::Start => next.extend(
                        self.nearest(start)
                            .filter(|&c| sees(start, self.point(c)))
                            .map(|c| (Node::Corner(c), step_cost(start, self.point(c)))),
                    ),
                    Node::Corner(c) => {
                        let range = self.starts[c as usize]..self.starts[c as usize + 1];
                        spent = !spend(&mut work.left, range.len() + 1);
                        next.extend(
                            self.links[range]
                                .iter()
                                .map(|&(to, cost)| (Node::Corner(to), cost)),
                        );
                        if exits.contains(&c) && sees(from, goal) {
                            next.push((Node::Goal, step_cost(from, goal)));
                        }
                    }
                    Node::Goal => {}
                }
                next
            },
            |&node| (distance(at(node), goal) * COST_SCALE * GREED) as u64,
            |&node| node == Node::Goal,
        )?;
        if spent {
            return None;
        }
        Some(
            way.into_iter()
                .filter_map(|node| match node {
                    Node::Corner(c) => Some(c),
                    _ => None,
                })
                .collect(),
        )
    }

    /// The corners nearest `at`, nearest first.
    fn nearest(&self, at: Point) -> impl Iterator<Item = u32> + '_ {
        let mut near = nearest_within(&self.tree, &self.points, at, LOOK_WITHIN, NEAREST);
        if near.len() < NEAREST {
            // Far from everything: the slower search that finds them wherever they are.
            near = self
                .tree
                .nearest_neighbor_iter([at.x, at.y])
                .take(NEAREST)
                .map(|c| c.data)
                .collect();
        }
        near.into_iter()
    }
}

/// The links of one corner: in each of four cones round it (right, below, left, above),
/// the nearest few corners it sees. Taking them by cone, not just the nearest, joins the
/// corners at the edge of a dense zone to those beyond the gap, which are farther away
/// than the zone's own; a cone with none among the nearest is searched on its own.
fn links_from(
    from: usize,
    points: &[Point],
    tree: &RTree<Corner>,
    sees: &impl Fn(Point, Point) -> bool,
) -> Vec<(u32, u64)> {
    let at = points[from];
    let mut links = Cones::default();
    for to in nearest_within(tree, points, at, LOOK_WITHIN, LOOKED_AT) {
        let to = to as usize;
        if to != from {
            links.offer(at, to, points[to], sees);
        }
        if links.all_done() {
            break;
        }
    }
    for cone in 0..4 {
        for reach in FARTHER {
            if links.found[cone] > 0 || links.tried[cone] >= TRIED_PER_CONE {
                break;
            }
            let mut beyond: Vec<(u64, usize)> = tree
                .locate_in_envelope(cone_envelope(at, cone, reach))
                .map(|c| c.data as usize)
                .filter(|&to| to != from && cone_of(at, points[to]) == cone)
                .map(|to| (step_cost(at, points[to]), to))
                .collect();
            beyond.sort_unstable();
            for (_, to) in beyond {
                links.offer(at, to, points[to], sees);
            }
        }
    }
    links.links
}

/// Up to `count` corners within `reach` of `at` (along each axis), nearest first (ties by
/// index): a query of a box, cheaper than walking the tree nearest first.
fn nearest_within(
    tree: &RTree<Corner>,
    points: &[Point],
    at: Point,
    reach: f32,
    count: usize,
) -> Vec<u32> {
    let around = AABB::from_corners([at.x - reach, at.y - reach], [at.x + reach, at.y + reach]);
    let mut near: Vec<(f32, u32)> = tree
        .locate_in_envelope(around)
        .map(|c| {
            let p = points[c.data as usize];
            ((p.x - at.x).powi(2) + (p.y - at.y).powi(2), c.data)
        })
        .collect();
    near.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    near.truncate(count);
    near.into_iter().map(|(_, c)| c).collect()
}

/// What one corner has found so far, cone by cone.
#[derive(Default)]
struct Cones {
    found: [usize; 4],
    tried: [usize; 4],
    links: Vec<(u32, u64)>,
}

impl Cones {
    fn offer(&mut self, at: Point, to: usize, point: Point, sees: &impl Fn(Point, Point) -> bool) {
        let cone = cone_of(at, point);
        if self.found[cone] >= PER_CONE || self.tried[cone] >= TRIED_PER_CONE {
            return;
        }
        self.tried[cone] += 1;
        if sees(at, point) {
            self.found[cone] += 1;
            self.links.push((to as u32, step_cost(at, point)));
        }
    }

    fn all_done(&self) -> bool {
        (0..4).all(|c| self.found[c] >= PER_CONE || self.tried[c] >= TRIED_PER_CONE)
    }
}

/// Which of the four cones round `at` (right, below, left, above: each a quarter of the
/// plane about an axis) `to` is in.
fn cone_of(at: Point, to: Point) -> usize {
    let (dx, dy) = (to.x - at.x, to.y - at.y);
    if dx > 0.0 && dy.abs() <= dx {
        0
    } else if dy > 0.0 && dx.abs() < dy {
        1
    } else if dx < 0.0 && dy.abs() <= -dx {
        2
    } else {
        3
    }
}

/// The square half of the box of side `2 * reach` round `at` that holds the cone.
fn cone_envelope(at: Point, cone: usize, reach: f32) -> AABB<[f32; 2]> {
    let (x, y) = (at.x, at.y);
    match cone {
        0 => AABB::from_corners([x, y - reach], [x + reach, y + reach]),
        1 => AABB::from_corners([x - reach, y], [x + reach, y + reach]),
        2 => AABB::from_corners([x - reach, y - reach], [x, y + reach]),
        _ => AABB::from_corners([x - reach, y - reach], [x + reach, y]),
    }
}

fn step_cost(a: Point, b: Point) -> u64 {
    (distance(a, b) * COST_SCALE).round() as u64
}

/// A box's corners grown by the clearance: a line along its side keeps that far off.
pub(super) fn grown_corners(rect: Rect) -> [Point; 4] {
    let grown = rect.expand(CLEARANCE);
    [
        grown.min,
        Point::new(grown.max.x, grown.min.y),
        grown.max,
        Point::new(grown.min.x, grown.max.y),
    ]
}
