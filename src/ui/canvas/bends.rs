//! Bent connections: lines through the waypoints Auto-arrange saved, so they go round the
//! boxes a straight line would cross. The points of every bent line this frame live in one
//! buffer of the placement; a connection holds only its span of it, so placed connections
//! stay small and copyable.

use egui::{Pos2, Rect, Vec2};

use super::geometry::{distance_to_segment, ray_exit};
use crate::model::Point;

/// A bent line's points (both ends included) in the placement's buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    start: u32,
    end: u32,
}

impl Span {
    pub fn of(self, points: &[Pos2]) -> &[Pos2] {
        points
            .get(self.start as usize..self.end as usize)
            .unwrap_or(&[])
    }
}

/// Appends the line from box `from` through `waypoints` to box `to`, starting and ending on
/// the boxes' edges. `None` (and nothing appended) when an end cannot be found, such as a
/// waypoint inside its own box: the caller draws a straight line instead.
pub(super) fn push_bent(
    points: &mut Vec<Pos2>,
    from: Rect,
    waypoints: &[Point],
    to: Rect,
) -> Option<Span> {
    let first = waypoints.first()?;
    let last = waypoints.last()?;
    let (first, last) = (Pos2::new(first.x, first.y), Pos2::new(last.x, last.y));
    if from.contains(first) || to.contains(last) {
        return None;
    }
    let start = ray_exit(from, from.center(), (first - from.center()).normalized())?;
    let end = ray_exit(to, to.center(), (last - to.center()).normalized())?;
    let begin = points.len();
    points.push(start);
    points.extend(waypoints.iter().map(|p| Pos2::new(p.x, p.y)));
    points.push(end);
    Some(Span {
        start: begin as u32,
        end: points.len() as u32,
    })
}

/// Total length of the line.
pub(super) fn length(line: &[Pos2]) -> f32 {
    line.windows(2).map(|w| (w[1] - w[0]).length()).sum()
}

/// The point at fraction `t` (0..=1) of the line's length.
pub(super) fn at(line: &[Pos2], t: f32) -> Pos2 {
    let Some(&first) = line.first() else {
        return Pos2::ZERO;
    };
    let mut left = length(line) * t.clamp(0.0, 1.0);
    for w in line.windows(2) {
        let step = (w[1] - w[0]).length();
        if left <= step && step > 0.0 {
            return w[0] + (w[1] - w[0]) * (left / step);
        }
        left -= step;
    }
    line.last().copied().unwrap_or(first)
}

/// The direction the line arrives in at its end.
pub(super) fn arrival(line: &[Pos2]) -> Vec2 {
    match line {
        [.., a, b] => (*b - *a).normalized(),
        _ => Vec2::X,
    }
}

/// The direction the line leaves in at its start.
pub(super) fn departure(line: &[Pos2]) -> Vec2 {
    match line {
        [a, b, ..] => (*b - *a).normalized(),
        _ => Vec2::X,
    }
}

pub(super) fn distance(line: &[Pos2], pos: Pos2) -> f32 {
    line.windows(2)
        .map(|w| distance_to_segment(pos, w[0], w[1]))
        .fold(f32::INFINITY, f32::min)
}

pub(super) fn bounds(line: &[Pos2]) -> Rect {
    Rect::from_points(line)
}

/// The longest straight stretch, where a label fits best.
pub(super) fn longest_segment(line: &[Pos2]) -> Option<(Pos2, Pos2)> {
    line.windows(2)
        .map(|w| (w[0], w[1]))
        .max_by(|a, b| (a.1 - a.0).length().total_cmp(&(b.1 - b.0).length()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    fn boxes() -> (Rect, Rect) {
        (
            Rect::from_min_size(pos2(0.0, 0.0), vec2(100.0, 50.0)),
            Rect::from_min_size(pos2(400.0, 0.0), vec2(100.0, 50.0)),
        )
    }

    #[test]
    fn a_bent_line_starts_and_ends_on_the_box_edges() {
        let (from, to) = boxes();
        let mut points = Vec::new();
        let waypoints = [Point::new(150.0, 200.0), Point::new(350.0, 200.0)];
        let span = push_bent(&mut points, from, &waypoints, to).unwrap();
        let line = span.of(&points);
        assert_eq!(line.len(), 4);
        assert_eq!(line[0].y, 50.0, "leaves through the bottom edge");
        assert_eq!(line[3].y, 50.0, "arrives through the bottom edge");
        assert_eq!(line[1], pos2(150.0, 200.0));
        assert!(distance(line, pos2(250.0, 205.0)) <= 5.0);
        assert!(
            distance(line, pos2(250.0, 25.0)) > 100.0,
            "not the straight line"
        );
    }

    #[test]
    fn a_waypoint_inside_its_own_box_falls_back_to_a_straight_line() {
        let (from, to) = boxes();
        let mut points = Vec::new();
        let inside = [Point::new(50.0, 25.0)];
        assert!(push_bent(&mut points, from, &inside, to).is_none());
        assert!(points.is_empty());
    }

    #[test]
    fn the_middle_is_half_way_along_the_length() {
        let line = [pos2(0.0, 0.0), pos2(100.0, 0.0), pos2(100.0, 100.0)];
        assert_eq!(at(&line, 0.5), pos2(100.0, 0.0));
        assert_eq!(at(&line, 0.25), pos2(50.0, 0.0));
        assert_eq!(arrival(&line), vec2(0.0, 1.0));
        assert_eq!(departure(&line), vec2(1.0, 0.0));
    }
}
