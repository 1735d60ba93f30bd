//! Packing the disconnected parts of a landscape side by side: rows (shelves) filled left
//! to right up to a width that makes the whole roughly as wide as a screen is, largest
//! parts first, so a few big parts and many lone systems do not end up as one long row.

use super::graph::{FlowPoint, FlowSize};

/// Wider than high, as screens are (in flow space: `along` is the width).
const ASPECT: f32 = 1.6;

/// Offsets for parts of the given extents, and the extent of the whole.
pub(super) fn pack(
    extents: &[FlowSize],
    gap_along: f32,
    gap_across: f32,
) -> (Vec<FlowPoint>, FlowSize) {
    let mut order: Vec<usize> = (0..extents.len()).collect();
    // Larger first; ties by place, so the packing depends only on the input.
    order.sort_by(|&a, &b| {
        let area = |i: usize| extents[i].along * extents[i].across;
        area(b).total_cmp(&area(a)).then(a.cmp(&b))
    });
    let area: f32 = extents
        .iter()
        .map(|e| (e.along + gap_along) * (e.across + gap_across))
        .sum();
    let widest = extents.iter().map(|e| e.along).fold(0f32, f32::max);
    let row_width = (area * ASPECT).sqrt().max(widest);
    let mut offsets = vec![FlowPoint::default(); extents.len()];
    let (mut x, mut y, mut row_height) = (0f32, 0f32, 0f32);
    let mut whole = FlowSize::default();
    for i in order {
        let extent = extents[i];
        if x > 0.0 && x + extent.along > row_width {
            y += row_height + gap_across;
            x = 0.0;
            row_height = 0.0;
        }
        offsets[i] = FlowPoint {
            along: x,
            across: y,
        };
        x += extent.along + gap_along;
        row_height = row_height.max(extent.across);
        whole.along = whole.along.max(offsets[i].along + extent.along);
        whole.across = whole.across.max(y + extent.across);
    }
    (offsets, whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_small_parts_make_rows_not_one_long_line() {
        let extents = vec![
            FlowSize {
                along: 200.0,
                across: 90.0
            };
            25
        ];
        let (offsets, whole) = pack(&extents, 40.0, 40.0);
        assert!(whole.along < 2000.0, "{whole:?}");
        assert!(whole.along / whole.across < 3.0, "{whole:?}");
        // Nothing overlaps.
        for (i, a) in offsets.iter().enumerate() {
            for b in &offsets[i + 1..] {
                let apart =
                    (a.along - b.along).abs() >= 200.0 || (a.across - b.across).abs() >= 90.0;
                assert!(apart, "{a:?} {b:?}");
            }
        }
    }
}
