//! Coordinates for ordered layers. Along the flow, each layer is a column as wide as its
//! widest box, with room for labels between columns. Across it, boxes keep their order and
//! their spacing, and are pulled toward their neighbours in the layers on either side:
//! each pass solves, per layer, the closest ordered placement to where the neighbours
//! want each box (a weighted isotonic regression, by pool-adjacent-violators), so long
//! edges run straight and short ones near level.

use super::graph::{FlowPoint, FlowSize};
use super::order::Layers;

/// The gaps the layout keeps.
#[derive(Clone, Copy, Debug)]
pub(super) struct Spacing {
    /// Between columns: connection labels sit here.
    pub between_layers: f32,
    /// Between boxes of one column.
    pub between_nodes: f32,
}

const PASSES: usize = 8;
/// Dummies (the bends of long edges) pull harder, so long edges stay straight.
const DUMMY_WEIGHT: f64 = 4.0;

/// Top-left corners of every node (dummies included, as points of zero length along).
pub(super) fn coordinates(
    layers: &Layers,
    sizes: &[FlowSize],
    real_count: usize,
    spacing: Spacing,
) -> Vec<FlowPoint> {
    let count = sizes.len();
    let mut along = vec![0f32; count];
    let mut x = 0f32;
    for layer in &layers.layers {
        let width = layer.iter().map(|&v| sizes[v].along).fold(0f32, f32::max);
        for &v in layer {
            // Centred in its column, so lines meet boxes of different widths evenly.
            along[v] = x + (width - sizes[v].along) / 2.0;
        }
        x += width + spacing.between_layers;
    }
    let mut centre = packed_centres(layers, sizes, spacing);
    for pass in 0..PASSES {
        let downwards = pass % 2 == 0;
        let order: Vec<usize> = if downwards {
            (0..layers.layers.len()).collect()
        } else {
            (0..layers.layers.len()).rev().collect()
        };
        for l in order {
            let layer = &layers.layers[l];
            let wanted: Vec<(f64, f64)> = layer
                .iter()
                .map(|&v| {
                    let near: Vec<usize> = if pass < 2 {
                        // The first passes follow one side; later both.
                        if downwards {
                            layers.up[v].clone()
                        } else {
                            layers.down[v].clone()
                        }
                    } else {
                        layers.up[v]
                            .iter()
                            .chain(&layers.down[v])
                            .copied()
                            .collect()
                    };
                    let weight = if v >= real_count { DUMMY_WEIGHT } else { 1.0 };
                    if near.is_empty() {
                        (centre[v], 0.01)
                    } else {
                        let mean = near.iter().map(|&u| centre[u]).sum::<f64>() / near.len() as f64;
                        (mean, weight * near.len() as f64)
                    }
                })
                .collect();
            let gaps: Vec<f64> = layer
                .windows(2)
                .map(|pair| {
                    ((sizes[pair[0]].across + sizes[pair[1]].across) / 2.0
                        + gap(pair, real_count, spacing)) as f64
                })
                .collect();
            let placed = ordered_closest(&wanted, &gaps);
            for (&v, c) in layer.iter().zip(placed) {
                centre[v] = c;
            }
        }
    }
    let top = (0..count)
        .map(|v| centre[v] - sizes[v].across as f64 / 2.0)
        .fold(f64::INFINITY, f64::min);
    let top = if top.is_finite() { top } else { 0.0 };
    (0..count)
        .map(|v| FlowPoint {
            along: along[v],
            across: (centre[v] - sizes[v].across as f64 / 2.0 - top) as f32,
        })
        .collect()
}

/// Dummies may run closer to each other than boxes do.
fn gap(pair: &[usize], real_count: usize, spacing: Spacing) -> f32 {
    if pair[0] >= real_count && pair[1] >= real_count {
        spacing.between_nodes / 2.0
    } else {
        spacing.between_nodes
    }
}

/// Each layer stacked from zero, as the start.
fn packed_centres(layers: &Layers, sizes: &[FlowSize], spacing: Spacing) -> Vec<f64> {
    let mut centre = vec![0f64; sizes.len()];
    for layer in &layers.layers {
        let mut y = 0f64;
        for &v in layer {
            centre[v] = y + sizes[v].across as f64 / 2.0;
            y += (sizes[v].across + spacing.between_nodes) as f64;
        }
    }
    centre
}

/// The placement `p` closest (weighted least squares) to `wanted` with
/// `p[i + 1] - p[i] >= gaps[i]`. Shifting by the running sum of gaps turns this into plain
/// isotonic regression, solved by pooling adjacent violators.
fn ordered_closest(wanted: &[(f64, f64)], gaps: &[f64]) -> Vec<f64> {
    let mut offset = Vec::with_capacity(wanted.len());
    let mut sum = 0.0;
    for i in 0..wanted.len() {
        offset.push(sum);
        if i < gaps.len() {
            sum += gaps[i];
        }
    }
    // Blocks of pooled values: (mean, weight, how many).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(wanted.len());
    for (i, &(target, weight)) in wanted.iter().enumerate() {
        blocks.push((target - offset[i], weight, 1));
        while blocks.len() > 1 {
            let last = blocks[blocks.len() - 1];
            let before = blocks[blocks.len() - 2];
            if before.0 <= last.0 {
                break;
            }
            let weight = before.1 + last.1;
            let mean = (before.0 * before.1 + last.0 * last.1) / weight;
            blocks.pop();
            let merged = blocks.last_mut().expect("two blocks were there");
            *merged = (mean, weight, before.2 + last.2);
        }
    }
    let mut placed = Vec::with_capacity(wanted.len());
    for (mean, _, count) in blocks {
        for _ in 0..count {
            let i = placed.len();
            placed.push(mean + offset[i]);
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_ordered_placement_keeps_gaps_and_targets_where_it_can() {
        let placed = ordered_closest(&[(0.0, 1.0), (0.0, 1.0), (100.0, 1.0)], &[10.0, 10.0]);
        assert_eq!(placed, [-5.0, 5.0, 100.0]);
        let placed = ordered_closest(&[(50.0, 1.0), (0.0, 1.0)], &[10.0]);
        assert!(placed[1] - placed[0] >= 10.0 - 1e-9);
    }
}
