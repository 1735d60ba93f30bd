//! Wrapping a long layered drawing into rows, as text wraps: a landscape whose zones form
//! one long chain would otherwise be a strip many times wider than a screen, and Fit would
//! shrink it until nothing can be read. The columns are cut into consecutive runs of about
//! equal length, and each run goes below the one before, so data still flows the same way
//! within a row and rows read in order.

use super::graph::{FlowLayout, FlowPoint, FlowSize};

/// How much longer than wide (along the flow, in flow space) a drawing may be before it
/// wraps: screens are about 1.6 times as wide as high.
pub(super) const ASPECT: f32 = 1.6;
/// Wrapping only pays when it gives at least two rows of this many times the aspect.
const WRAP_FROM: f32 = 2.5;

/// `layout` wrapped into rows, or `None` when it is not far longer than wide (or wrapping
/// would not cut it); `gap` separates the rows.
pub(super) fn wrapped(layout: &FlowLayout, sizes: &[FlowSize], gap: f32) -> Option<FlowLayout> {
    let extent = layout.extent;
    if extent.across <= 0.0 || extent.along / extent.across < ASPECT * WRAP_FROM {
        return None;
    }
    let rows = into_rows(layout, sizes, gap);
    (rows.corners != layout.corners).then_some(rows)
}

fn into_rows(layout: &FlowLayout, sizes: &[FlowSize], gap: f32) -> FlowLayout {
    let extent = layout.extent;
    let rows = ((extent.along / extent.across / ASPECT).sqrt().round() as usize).max(2);
    // Where columns start, in order; a row break may fall only between columns.
    let mut starts: Vec<f32> = layout.corners.iter().map(|c| c.along).collect();
    starts.sort_by(f32::total_cmp);
    starts.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let row_length = extent.along / rows as f32;
    let mut breaks = vec![0f32];
    for &start in &starts {
        let row_start = *breaks.last().unwrap_or(&0.0);
        if start - row_start >= row_length && breaks.len() < rows {
            breaks.push(start);
        }
    }
    if breaks.len() < 2 {
        return layout.clone();
    }
    let row_of = |along: f32| breaks.iter().rposition(|&b| along + 0.5 >= b).unwrap_or(0);
    // Each row is as high as what it holds.
    let mut row_height = vec![0f32; breaks.len()];
    for (corner, size) in layout.corners.iter().zip(sizes) {
        let row = row_of(corner.along);
        row_height[row] = row_height[row].max(corner.across + size.across);
    }
    let mut row_top = vec![0f32; breaks.len()];
    for row in 1..breaks.len() {
        row_top[row] = row_top[row - 1] + row_height[row - 1] + gap;
    }
    let moved = |point: FlowPoint| {
        let row = row_of(point.along);
        FlowPoint {
            along: point.along - breaks[row],
            across: point.across + row_top[row],
        }
    };
    let corners: Vec<FlowPoint> = layout.corners.iter().map(|&c| moved(c)).collect();
    // A bend between rows would draw a line across the whole drawing: straight is better.
    let bends = layout
        .bends
        .iter()
        .map(|bends| {
            let rows: Vec<usize> = bends.iter().map(|b| row_of(b.along)).collect();
            if rows.windows(2).all(|pair| pair[0] == pair[1]) {
                bends.iter().map(|&b| moved(b)).collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    let extent = corners
        .iter()
        .zip(sizes)
        .fold(FlowSize::default(), |e, (c, s)| FlowSize {
            along: e.along.max(c.along + s.along),
            across: e.across.max(c.across + s.across),
        });
    FlowLayout {
        corners,
        extent,
        bends,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_strip_becomes_rows_and_a_square_stays() {
        let size = FlowSize {
            along: 100.0,
            across: 100.0,
        };
        let strip = FlowLayout {
            corners: (0..12)
                .map(|i| FlowPoint {
                    along: i as f32 * 200.0,
                    across: 0.0,
                })
                .collect(),
            extent: FlowSize {
                along: 2300.0,
                across: 100.0,
            },
            bends: Vec::new(),
        };
        let rows = wrapped(&strip, &[size; 12], 60.0).expect("a strip wraps");
        assert!(
            rows.extent.along < strip.extent.along / 2.0,
            "{:?}",
            rows.extent
        );
        assert!(rows.extent.across > strip.extent.across);
        // Order along a row is kept, and nothing overlaps.
        for (i, a) in rows.corners.iter().enumerate() {
            for b in &rows.corners[i + 1..] {
                let apart =
                    (a.along - b.along).abs() >= 100.0 || (a.across - b.across).abs() >= 100.0;
                assert!(apart);
            }
        }
        let square = FlowLayout {
            corners: vec![FlowPoint::default()],
            extent: size,
            bends: vec![],
        };
        assert_eq!(wrapped(&square, &[size], 60.0).map(|l| l.corners), None);
    }
}
