//! Drawing geometry in scene coordinates: where arrows meet box edges, parallel lines,
//! self-loops, distances for hit testing, clipping. No egui state, so all of it is
//! unit-tested. Boxes, zones and bounds are the core's (`model::geometry`); this is
//! where the canvas turns them into egui types.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::model::{self, System};

/// Distance between parallel connections that join the same two systems.
pub(super) const PARALLEL_SPACING: f32 = 18.0;

/// Radius of the loop drawn for a connection from a system to itself.
const SELF_LOOP_RADIUS: f32 = 22.0;

/// A core rect as the canvas draws it.
pub(super) fn to_egui(rect: model::Rect) -> Rect {
    Rect::from_min_max(pos2(rect.min.x, rect.min.y), pos2(rect.max.x, rect.max.y))
}

/// An egui rect as the core reads it.
pub(super) fn from_egui(rect: Rect) -> model::Rect {
    model::Rect::from_min_max(
        model::Point::new(rect.min.x, rect.min.y),
        model::Point::new(rect.max.x, rect.max.y),
    )
}

/// A system's box (see `model::box_rect` for broken values), for drawing.
pub(super) fn system_rect(system: &System) -> Rect {
    to_egui(system.rect())
}

/// Where the handle for drawing a new connection sits on a box: the middle of its right
/// edge.
pub(super) fn connect_handle(rect: Rect) -> Pos2 {
    rect.right_center()
}

/// Where a ray from `origin` (inside `rect`) in direction `dir` leaves the rect.
/// `None` for a zero direction or an origin outside the rect.
pub(super) fn ray_exit(rect: Rect, origin: Pos2, dir: Vec2) -> Option<Pos2> {
    if !rect.contains(origin) {
        return None;
    }
    let t_for = |min: f32, max: f32, o: f32, d: f32| {
        if d > 0.0 {
            (max - o) / d
        } else if d < 0.0 {
            (min - o) / d
        } else {
            f32::INFINITY
        }
    };
    let t = t_for(rect.min.x, rect.max.x, origin.x, dir.x)
        .min(t_for(rect.min.y, rect.max.y, origin.y, dir.y));
    (t.is_finite() && t >= 0.0).then(|| origin + dir * t)
}

/// The visible part of a straight connection: from the edge of `from` to the edge of `to`
/// along the centre line, shifted sideways by `offset` (for parallel connections).
/// `None` when the boxes overlap so much that nothing of the line would show.
pub(super) fn straight_endpoints(from: Rect, to: Rect, offset: f32) -> Option<(Pos2, Pos2)> {
    let between = to.center() - from.center();
    let length = between.length();
    if length < 1e-3 || !length.is_finite() {
        return None;
    }
    let dir = between / length;
    // Keep the shifted line inside both boxes, or it would miss them.
    let max_offset = 0.35 * from.size().min_elem().min(to.size().min_elem());
    let shift = dir.rot90() * offset.clamp(-max_offset, max_offset);
    let start = ray_exit(from, from.center() + shift, dir)?;
    let end = ray_exit(to, to.center() + shift, -dir)?;
    ((end - start).dot(dir) > 1.0).then_some((start, end))
}

/// Sideways offset of the `rank`-th of `count` connections between the same two systems.
/// `flipped` says the connection runs against the pair's reference direction; its offset
/// changes sign so that A→B and B→A, which have opposite normals, still end up apart.
pub(super) fn parallel_offset(rank: usize, count: usize, flipped: bool) -> f32 {
    let centred = rank as f32 - (count.saturating_sub(1)) as f32 / 2.0;
    let offset = centred * PARALLEL_SPACING;
    if flipped { -offset } else { offset }
}

/// A connection from a system to itself: a three-quarter circle around the box's top-right
/// corner, leaving through the top edge and coming back through the right edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct SelfLoop {
    pub centre: Pos2,
    pub radius: f32,
}

impl SelfLoop {
    const START_ANGLE: f32 = std::f32::consts::PI;
    const SWEEP: f32 = 1.5 * std::f32::consts::PI;

    pub fn around(rect: Rect) -> Self {
        SelfLoop {
            centre: rect.right_top(),
            radius: SELF_LOOP_RADIUS.min(0.4 * rect.size().min_elem()),
        }
    }

    pub fn bounds(&self) -> Rect {
        Rect::from_center_size(self.centre, Vec2::splat(2.0 * self.radius))
    }

    /// Points along the loop, from where it leaves the box to where it comes back.
    pub fn points(&self, segments: usize) -> Vec<Pos2> {
        (0..=segments)
            .map(|i| self.at(i as f32 / segments as f32))
            .collect()
    }

    /// The point at fraction `t` (0..=1) of the way round.
    pub fn at(&self, t: f32) -> Pos2 {
        let angle = Self::START_ANGLE + t * Self::SWEEP;
        self.centre + self.radius * vec2(angle.cos(), angle.sin())
    }

    /// The direction of travel at fraction `t`.
    pub fn direction_at(&self, t: f32) -> Vec2 {
        let angle = Self::START_ANGLE + t * Self::SWEEP;
        vec2(-angle.sin(), angle.cos())
    }

    /// Distance from `pos` to the drawn part of the loop (the part outside `rect`).
    pub fn distance(&self, pos: Pos2, rect: Rect) -> f32 {
        if rect.contains(pos) {
            return f32::INFINITY;
        }
        ((pos - self.centre).length() - self.radius).abs()
    }
}

/// Distance from `pos` to the segment `a`–`b`.
pub(super) fn distance_to_segment(pos: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq <= f32::EPSILON {
        return (pos - a).length();
    }
    let t = ((pos - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    (pos - (a + ab * t)).length()
}

/// The three corners of an arrow head whose tip is at `tip`, pointing along `dir`.
pub(super) fn arrow_head(tip: Pos2, dir: Vec2, length: f32) -> [Pos2; 3] {
    let dir = dir.normalized();
    let back = tip - dir * length;
    let side = dir.rot90() * (length * 0.45);
    [tip, back + side, back - side]
}

/// Does the segment come near `rect`? A cheap bounding-box test, used to cull.
pub(super) fn segment_may_touch(a: Pos2, b: Pos2, rect: Rect) -> bool {
    Rect::from_two_pos(a, b).intersects(rect)
}

/// The part of segment `a`–`b` inside `rect` (Liang–Barsky), with how far along the
/// segment it starts. Long lines are cut to the view before they are dashed, or a line
/// across a huge landscape would become thousands of dashes.
pub(super) fn clip_segment(a: Pos2, b: Pos2, rect: Rect) -> Option<(Pos2, Pos2, f32)> {
    let d = b - a;
    let (t0, t1) =
        from_egui(rect).clip(model::Point::new(a.x, a.y), model::Point::new(b.x, b.y))?;
    Some((a + d * t0, a + d * t1, d.length() * t0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Pos2, b: Pos2) -> bool {
        (a - b).length() < 1e-3
    }

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), vec2(w, h))
    }

    /// Where the line from the centre of `rect` towards `target` crosses its border.
    fn edge_point(rect: Rect, target: Pos2) -> Option<Pos2> {
        ray_exit(rect, rect.center(), target - rect.center())
    }

    #[test]
    fn edge_point_is_where_the_centre_line_leaves_the_box() {
        let r = rect(0.0, 0.0, 200.0, 100.0);
        assert!(close(
            edge_point(r, pos2(500.0, 50.0)).unwrap(),
            pos2(200.0, 50.0)
        ));
        assert!(close(
            edge_point(r, pos2(100.0, -300.0)).unwrap(),
            pos2(100.0, 0.0)
        ));
        // Diagonal to the upper right: the top edge is hit first (the box is wider than tall).
        assert!(close(
            edge_point(r, pos2(200.0, -50.0)).unwrap(),
            pos2(150.0, 0.0)
        ));
        assert_eq!(edge_point(r, r.center()), None);
        assert_eq!(
            ray_exit(r, pos2(-1.0, 0.0), vec2(1.0, 0.0)),
            None,
            "origin outside"
        );
    }

    #[test]
    fn straight_connections_run_between_the_facing_edges() {
        let a = rect(0.0, 0.0, 200.0, 90.0);
        let b = rect(280.0, 0.0, 200.0, 90.0);
        let (start, end) = straight_endpoints(a, b, 0.0).unwrap();
        assert!(close(start, pos2(200.0, 45.0)));
        assert!(close(end, pos2(280.0, 45.0)));
        // An offset moves the line sideways, still ending on the edges.
        let (start, end) = straight_endpoints(a, b, 9.0).unwrap();
        assert!((start.x - 200.0).abs() < 1e-3 && (end.x - 280.0).abs() < 1e-3);
        assert!((start.y - end.y).abs() < 1e-3 && (start.y - 45.0).abs() > 8.0);
    }

    #[test]
    fn overlapping_or_coincident_boxes_have_no_line() {
        let a = rect(0.0, 0.0, 200.0, 90.0);
        assert_eq!(straight_endpoints(a, a, 0.0), None);
        assert_eq!(
            straight_endpoints(a, a.translate(vec2(50.0, 0.0)), 0.0),
            None
        );
    }

    #[test]
    fn opposite_connections_of_a_pair_get_opposite_sides() {
        let a = rect(0.0, 0.0, 200.0, 90.0);
        let b = rect(280.0, 0.0, 200.0, 90.0);
        // A→B is rank 0 of 2; B→A is rank 1 of 2 and runs against the reference direction.
        let ab = straight_endpoints(a, b, parallel_offset(0, 2, false)).unwrap();
        let ba = straight_endpoints(b, a, parallel_offset(1, 2, true)).unwrap();
        assert!((ab.0.y - ba.1.y).abs() >= PARALLEL_SPACING - 1e-3);
        assert_eq!(parallel_offset(0, 1, false), 0.0);
    }

    #[test]
    fn segment_distance() {
        let (a, b) = (pos2(0.0, 0.0), pos2(10.0, 0.0));
        assert_eq!(distance_to_segment(pos2(5.0, 3.0), a, b), 3.0);
        assert_eq!(distance_to_segment(pos2(-4.0, 3.0), a, b), 5.0);
        assert_eq!(distance_to_segment(pos2(1.0, 1.0), a, a), 2f32.sqrt());
    }

    #[test]
    fn self_loop_leaves_through_the_top_and_returns_through_the_right() {
        let r = rect(0.0, 0.0, 200.0, 90.0);
        let lp = SelfLoop::around(r);
        assert!(close(lp.at(0.0), pos2(200.0 - lp.radius, 0.0)));
        assert!(close(lp.at(1.0), pos2(200.0, lp.radius)));
        // It arrives moving left, into the box.
        assert!(lp.direction_at(1.0).x < -0.99);
        assert!(lp.distance(lp.at(0.5), r) < 1e-3);
        assert_eq!(lp.distance(r.center(), r), f32::INFINITY);
    }

    #[test]
    fn rects_cross_the_edge_unchanged() {
        let core =
            model::Rect::from_min_max(model::Point::new(-3.0, 4.0), model::Point::new(5.0, 9.5));
        assert_eq!(from_egui(to_egui(core)), core);
        assert_eq!(to_egui(core), rect(-3.0, 4.0, 8.0, 5.5));
    }

    #[test]
    fn arrow_head_points_back_from_the_tip() {
        let [tip, left, right] = arrow_head(pos2(10.0, 0.0), vec2(1.0, 0.0), 4.0);
        assert_eq!(tip, pos2(10.0, 0.0));
        assert!(left.x < 10.0 && right.x < 10.0 && left.y != right.y);
    }

    #[test]
    fn culling_keeps_segments_near_the_view() {
        let view = rect(0.0, 0.0, 100.0, 100.0);
        assert!(segment_may_touch(
            pos2(-50.0, 50.0),
            pos2(150.0, 50.0),
            view
        ));
        assert!(!segment_may_touch(
            pos2(200.0, 0.0),
            pos2(300.0, 100.0),
            view
        ));
    }

    #[test]
    fn clipping_cuts_segments_to_the_view() {
        let view = rect(0.0, 0.0, 100.0, 100.0);
        let (a, b, skipped) = clip_segment(pos2(-100.0, 50.0), pos2(200.0, 50.0), view).unwrap();
        assert!(close(a, pos2(0.0, 50.0)) && close(b, pos2(100.0, 50.0)));
        assert!((skipped - 100.0).abs() < 1e-3);
        assert_eq!(
            clip_segment(pos2(-10.0, -10.0), pos2(-1.0, 200.0), view),
            None
        );
        let inside = clip_segment(pos2(10.0, 10.0), pos2(20.0, 20.0), view).unwrap();
        assert_eq!(inside, (pos2(10.0, 10.0), pos2(20.0, 20.0), 0.0));
    }
}
