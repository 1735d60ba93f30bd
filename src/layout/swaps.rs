//! A last look at the finished drawing: two boxes of the same size side by side in one
//! layer of one zone trade places when that uncrosses straight lines. The ordering before
//! it counts crossings layer by layer, with long edges bent through dummies; people see
//! the straight lines between boxes, which this counts. Swapping equal boxes in a layer
//! keeps every box's room, every zone's region and the direction of every flow.

use std::collections::BTreeMap;

use super::crossings::edges_cross;
use crate::model::{Point, Size};

/// Above this many connections a pass would cost more than the crossings it saves.
pub(super) const SWAPS_UP_TO: usize = 1_000;
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
    if edges.len() > SWAPS_UP_TO {
        return;
    }
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
    for _ in 0..PASSES {
        let mut improved = false;
        for row in &mut rows {
            for k in 1..row.len() {
                let (i, j) = (row[k - 1], row[k]);
                let touched = touched_edges(&incident, i, j);
                if touched.is_empty() {
                    continue;
                }
                let before = crossings_of(&touched, edges, &centres);
                centres.swap(i, j);
                let after = crossings_of(&touched, edges, &centres);
                if after < before {
                    corners.swap(i, j);
                    row.swap(k - 1, k);
                    improved = true;
                } else {
                    centres.swap(i, j);
                }
            }
        }
        if !improved {
            break;
        }
    }
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

/// Crossings that involve at least one of the `touched` edges.
fn crossings_of(touched: &[usize], edges: &[(usize, usize)], centres: &[Point]) -> usize {
    let mut count = 0;
    for (k, &e) in touched.iter().enumerate() {
        for (f, &other) in edges.iter().enumerate() {
            // Pairs of touched edges are counted once, from the earlier one.
            if f == e || touched[..k].binary_search(&f).is_ok() {
                continue;
            }
            count += usize::from(edges_cross(edges[e], other, centres));
        }
    }
    count
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
}
