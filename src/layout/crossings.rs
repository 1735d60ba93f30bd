//! Crossings of straight lines between box centres: the measure the layout is judged by
//! (benches/layout.rs counts it for ours, dot and ELK alike) and the one it checks before
//! wrapping a long drawing into rows.

use crate::model::Point;

/// How many pairs of the segments `(points[a], points[b])` cross properly; segments that
/// share an end never count, nor do loops.
pub fn straight_crossings(points: &[Point], edges: &[(usize, usize)]) -> usize {
    let segments: Vec<(usize, usize)> = edges.iter().copied().filter(|(a, b)| a != b).collect();
    let mut count = 0;
    for (i, &a) in segments.iter().enumerate() {
        for &b in &segments[i + 1..] {
            count += usize::from(edges_cross(a, b, points));
        }
    }
    count
}

/// Do the straight lines of two edges (by their ends' places in `points`) cross properly?
/// Lines that share an end never do, nor do loops.
pub(super) fn edges_cross(
    (a1, a2): (usize, usize),
    (b1, b2): (usize, usize),
    points: &[Point],
) -> bool {
    if a1 == a2 || b1 == b2 || a1 == b1 || a1 == b2 || a2 == b1 || a2 == b2 {
        return false;
    }
    let (p1, p2, q1, q2) = (points[a1], points[a2], points[b1], points[b2]);
    side(p1, p2, q1) * side(p1, p2, q2) < 0 && side(q1, q2, p1) * side(q1, q2, p2) < 0
}

/// Which side of the line a–b the point c is on (0: on it, within a tolerance).
fn side(a: Point, b: Point, c: Point) -> i32 {
    let cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    if cross > 1e-3 {
        1
    } else if cross < -1e-3 {
        -1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_x_crosses_once_and_shared_ends_never() {
        let points = [
            Point::new(0.0, 0.0),
            Point::new(10.0, 10.0),
            Point::new(0.0, 10.0),
            Point::new(10.0, 0.0),
        ];
        assert_eq!(straight_crossings(&points, &[(0, 1), (2, 3)]), 1);
        assert_eq!(straight_crossings(&points, &[(0, 1), (0, 3)]), 0);
        assert_eq!(straight_crossings(&points, &[(0, 2), (1, 3)]), 0);
    }
}
