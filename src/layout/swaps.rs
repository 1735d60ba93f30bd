//! A last look at the finished drawing: two boxes of the same size side by side in one
//! layer of one zone trade places when that uncrosses straight lines. The ordering before
//! it counts crossings layer by layer, with long edges bent through dummies; people see
//! the straight lines between boxes, which this counts. Swapping equal boxes in a layer
//! keeps every box's room, every zone's region and the direction of every flow.

use std::collections::BTreeMap;

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{RTree, RTreeObject};

use super::crossings::edges_cross;
use crate::model::{Point, Size};

/// What the passes may spend per edge, in tests of one line against another: on a dense
/// landscape of thousands of lines, every swap tried costs hundreds of tests, and the
/// first few thousand swaps find most of what there is to find. Counted, not timed, so
/// every machine stops at the same swap.
const TESTS_PER_EDGE: usize = 1_000;
/// And in all, so 10,000 systems cost no more than 1,000.
const MOST_TESTS: usize = 2_000_000;
/// Passes over all the layers; later ones find little.
const PASSES: usize = 2;

/// Which layer a box is in: its block (a zone, or the top level) and whether that
/// block's layers are columns (mates share x) or rows (mates share y).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct LayerOf {
    pub block: usize,
    pub columns: bool,
}

/// Swaps boxes (their top-left `corners`) while that removes crossings of `edges`.
pub(super) fn uncross_by_swaps(
    corners: &mut [Point],
    sizes: &[Size],
    layers: &[LayerOf],
    edges: &[(usize, usize)],
) {
    let mut incident = vec![Vec::new(); corners.len()];
    for (e, &(a, b)) in edges.iter().enumerate() {
        if a != b {
            incident[a].push(e);
            incident[b].push(e);
        }
    }
    let mut centres: Vec<Point> = corners
        .iter()
        .zip(sizes)
        .map(|(c, s)| Point::new(c.x + s.width / 2.0, c.y + s.height / 2.0))
        .collect();
    let mut rows = layer_mates(corners, sizes, layers);
    let mut lines = Lines::new(edges, &centres);
    let budget = (TESTS_PER_EDGE * edges.len()).min(MOST_TESTS);
    for _ in 0..PASSES {
        let mut improved = false;
        for row in &mut rows {
            for k in 1..row.len() {
                let (i, j) = (row[k - 1], row[k]);
                let touched = touched_edges(&incident, i, j);
                if touched.is_empty() {
                    continue;
                }
                if lines.tested > budget {
                    return;
                }
                let before = lines.crossings_of(&touched, &centres);
                centres.swap(i, j);
                let after = lines.crossings_of(&touched, &centres);
                centres.swap(i, j);
                if after < before {
                    lines.move_ends(&touched, &mut centres, (i, j));
                    corners.swap(i, j);
                    row.swap(k - 1, k);
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

type Line = GeomWithData<Rectangle<[f32; 2]>, usize>;

/// The straight lines of the edges, kept in an R-tree of their bounding boxes so a swap
/// counts crossings only against the lines near the ones it moves: two segments cross
/// only where their bounding boxes meet.
struct Lines<'a> {
    edges: &'a [(usize, usize)],
    tree: RTree<Line>,
    /// Tests of one line against another so far.
    tested: usize,
}

impl<'a> Lines<'a> {
    fn new(edges: &'a [(usize, usize)], centres: &[Point]) -> Lines<'a> {
        let entries = (0..edges.len()).map(|e| line(edges, e, centres)).collect();
        Lines {
            edges,
            tree: RTree::bulk_load(entries),
            tested: 0,
        }
    }

    /// Crossings that involve at least one of the `touched` edges, placed by `centres`.
    /// The tree holds every other edge where it is: a swap moves only touched ones.
    fn crossings_of(&mut self, touched: &[usize], centres: &[Point]) -> usize {
        let mut count = 0;
        let mut tested = 0;
        for (k, &e) in touched.iter().enumerate() {
            let envelope = line(self.edges, e, centres).geom().envelope();
            count += self
                .tree
                .locate_in_envelope_intersecting(envelope)
                .map(|entry| entry.data)
                .filter(|f| touched.binary_search(f).is_err())
                .inspect(|_| tested += 1)
                .filter(|&f| edges_cross(self.edges[e], self.edges[f], centres))
                .count();
            // Pairs of touched edges are counted once, from the earlier one.
            count += touched[k + 1..]
                .iter()
                .filter(|&&f| edges_cross(self.edges[e], self.edges[f], centres))
                .count();
            tested += touched.len() - k - 1;
        }
        self.tested += tested;
        count
    }

    /// Swaps the boxes `i` and `j` in `centres`, moving the `touched` lines with them.
    fn move_ends(&mut self, touched: &[usize], centres: &mut [Point], (i, j): (usize, usize)) {
        for &e in touched {
            self.tree.remove(&line(self.edges, e, centres));
        }
        centres.swap(i, j);
        for &e in touched {
            self.tree.insert(line(self.edges, e, centres));
        }
    }
}

fn line(edges: &[(usize, usize)], e: usize, centres: &[Point]) -> Line {
    let (a, b) = (centres[edges[e].0], centres[edges[e].1]);
    GeomWithData::new(Rectangle::from_corners([a.x, a.y], [b.x, b.y]), e)
}

/// The layer, where along the flow it is, and the box's width and height (as bits).
type MatesKey = (LayerOf, i64, u32, u32);

/// The boxes of each layer that could trade places (same block, same layer, same size),
/// in order across the layer.
fn layer_mates(corners: &[Point], sizes: &[Size], layers: &[LayerOf]) -> Vec<Vec<usize>> {
    let mut by_layer: BTreeMap<MatesKey, Vec<(i64, usize)>> = BTreeMap::new();
    for (i, (corner, size)) in corners.iter().zip(sizes).enumerate() {
        let layer = layers[i];
        let (along, across) = if layer.columns {
            (corner.x, corner.y)
        } else {
            (corner.y, corner.x)
        };
        let key = (
            layer,
            along.round() as i64,
            size.width.to_bits(),
            size.height.to_bits(),
        );
        by_layer
            .entry(key)
            .or_default()
            .push((across.round() as i64, i));
    }
    by_layer
        .into_values()
        .filter(|mates| mates.len() > 1)
        .map(|mut mates| {
            mates.sort();
            mates.into_iter().map(|(_, i)| i).collect()
        })
        .collect()
}

fn touched_edges(incident: &[Vec<usize>], i: usize, j: usize) -> Vec<usize> {
    let mut touched: Vec<usize> = incident[i].iter().chain(&incident[j]).copied().collect();
    touched.sort_unstable();
    touched.dedup();
    touched
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: Size = Size {
        width: 100.0,
        height: 50.0,
    };

    #[test]
    fn two_crossed_lines_are_uncrossed_by_swapping_the_ends() {
        // Sources a (top) and b (bottom) in one column; targets c, d in the next. a→d and
        // b→c cross; swapping c and d uncrosses them.
        let mut corners = vec![
            Point::new(0.0, 0.0),
            Point::new(0.0, 100.0),
            Point::new(300.0, 0.0),
            Point::new(300.0, 100.0),
        ];
        let layers = [LayerOf {
            block: 0,
            columns: true,
        }; 4];
        let edges = [(0, 3), (1, 2)];
        uncross_by_swaps(&mut corners, &[BOX; 4], &layers, &edges);
        let centres: Vec<Point> = corners
            .iter()
            .map(|c| Point::new(c.x + 50.0, c.y + 25.0))
            .collect();
        assert!(!edges_cross(edges[0], edges[1], &centres), "{corners:?}");
        // The set of places is the same: only who sits where changed.
        let mut places: Vec<(i64, i64)> =
            corners.iter().map(|c| (c.x as i64, c.y as i64)).collect();
        places.sort();
        assert_eq!(places, vec![(0, 0), (0, 100), (300, 0), (300, 100)]);
    }

    #[test]
    fn boxes_of_other_sizes_zones_or_layers_never_trade() {
        let mut corners = vec![
            Point::new(0.0, 0.0),
            Point::new(0.0, 100.0),
            Point::new(300.0, 0.0),
            Point::new(300.0, 100.0),
        ];
        let before = corners.clone();
        let layers = [
            LayerOf {
                block: 0,
                columns: true,
            },
            LayerOf {
                block: 0,
                columns: true,
            },
            LayerOf {
                block: 1,
                columns: true,
            },
            LayerOf {
                block: 2,
                columns: true,
            },
        ];
        let taller = Size {
            width: 100.0,
            height: 60.0,
        };
        let sizes = [BOX, taller, BOX, BOX];
        uncross_by_swaps(&mut corners, &sizes, &layers, &[(0, 3), (1, 2)]);
        assert_eq!(corners, before);
    }

    /// Every crossing with a touched edge, the slow way: against all edges.
    fn crossings_by_brute_force(
        touched: &[usize],
        edges: &[(usize, usize)],
        centres: &[Point],
    ) -> usize {
        let mut count = 0;
        for (k, &e) in touched.iter().enumerate() {
            for (f, &other) in edges.iter().enumerate() {
                if f == e || touched[..k].binary_search(&f).is_ok() {
                    continue;
                }
                count += usize::from(edges_cross(edges[e], other, centres));
            }
        }
        count
    }

    #[test]
    fn counting_near_lines_only_finds_every_crossing_before_and_after_swaps() {
        let mut seed = 7_u64;
        let mut next = move |below: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % below
        };
        let mut centres: Vec<Point> = (0..40)
            .map(|_| Point::new(next(2_000) as f32, next(1_000) as f32))
            .collect();
        let edges: Vec<(usize, usize)> = (0..120)
            .map(|_| (next(40) as usize, next(40) as usize))
            .collect();
        let mut lines = Lines::new(&edges, &centres);
        let mut checked_some_crossings = false;
        for _ in 0..200 {
            let (i, j) = (next(40) as usize, next(40) as usize);
            let mut touched: Vec<usize> = (0..edges.len())
                .filter(|&e| [edges[e].0, edges[e].1].iter().any(|&v| v == i || v == j))
                .collect();
            touched.dedup();
            let expected = crossings_by_brute_force(&touched, &edges, &centres);
            assert_eq!(lines.crossings_of(&touched, &centres), expected);
            checked_some_crossings |= expected > 0;
            lines.move_ends(&touched, &mut centres, (i, j));
        }
        assert!(checked_some_crossings);
    }
}
