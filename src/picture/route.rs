//! Where each connection runs in a picture: from box edge to box edge, through its
//! waypoints, spread apart when several join the same two systems, or as a loop on the
//! box's corner when a system feeds itself. The canvas's rules (`ui::canvas::geometry`),
//! in the core's types.

use std::collections::HashMap;

use crate::model::{Point, Project, Rect, SystemId};

/// Between parallel connections that join the same two systems.
const PARALLEL_SPACING: f32 = 18.0;
const SELF_LOOP_RADIUS: f32 = 22.0;

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// From the edge of the source box to the edge of the target box; two points or more.
    Line(Vec<Point>),
    /// Three quarters of a circle around the box's top-right corner, leaving through the
    /// top edge and coming back through the right edge.
    Loop { centre: Point, radius: f32 },
}

impl Route {
    /// A point a fraction `t` (0–1) of the way along, and the direction of travel there.
    pub fn at(&self, t: f32) -> (Point, Point) {
        match self {
            Route::Line(points) => along(points, t),
            Route::Loop { centre, radius } => {
                let angle = std::f32::consts::PI * (1.0 + 1.5 * t);
                let point = Point::new(
                    centre.x + radius * angle.cos(),
                    centre.y + radius * angle.sin(),
                );
                (point, Point::new(-angle.sin(), angle.cos()))
            }
        }
    }

    /// Length along the route, in scene units.
    pub fn length(&self) -> f32 {
        match self {
            Route::Line(points) => points.windows(2).map(|w| distance(w[0], w[1])).sum(),
            Route::Loop { radius, .. } => 1.5 * std::f32::consts::PI * radius,
        }
    }
}

/// The route of every connection that can be drawn (both ends exist and show), by its
/// index in `project.connections`.
pub fn routes(project: &Project) -> Vec<(usize, Route)> {
    let rects: HashMap<SystemId, Rect> = project.systems.iter().map(|s| (s.id, s.rect())).collect();
    let pair = |from: SystemId, to: SystemId| (from.0.min(to.0), from.0.max(to.0));
    // Straight connections between the same two systems, either way round.
    let mut pairs: HashMap<(u64, u64), (usize, usize)> = HashMap::new();
    for c in &project.connections {
        if c.from != c.to && c.waypoints.is_empty() {
            pairs.entry(pair(c.from, c.to)).or_default().0 += 1;
        }
    }
    let mut routes = Vec::new();
    for (index, c) in project.connections.iter().enumerate() {
        let (Some(&from), Some(&to)) = (rects.get(&c.from), rects.get(&c.to)) else {
            continue;
        };
        let route = if c.from == c.to {
            Some(self_loop(from))
        } else if c.waypoints.iter().any(|p| p.is_finite()) {
            bent(from, to, &c.waypoints)
        } else {
            let (count, rank) = pairs.get_mut(&pair(c.from, c.to)).map_or((1, 0), |entry| {
                entry.1 += 1;
                (entry.0, entry.1 - 1)
            });
            let offset = parallel_offset(rank, count, c.from.0 > c.to.0);
            straight(from, to, offset).map(|(a, b)| Route::Line(vec![a, b]))
        };
        if let Some(route) = route {
            routes.push((index, route));
        }
    }
    routes
}

fn self_loop(rect: Rect) -> Route {
    Route::Loop {
        centre: Point::new(rect.max.x, rect.min.y),
        radius: SELF_LOOP_RADIUS.min(0.4 * rect.width().min(rect.height())),
    }
}

/// Through the waypoints that lie outside both end boxes; `None` when none does.
fn bent(from: Rect, to: Rect, waypoints: &[Point]) -> Option<Route> {
    let bends: Vec<Point> = waypoints
        .iter()
        .copied()
        .filter(|p| p.is_finite() && !from.contains(*p) && !to.contains(*p))
        .collect();
    let (first, last) = (*bends.first()?, *bends.last()?);
    let start = ray_exit(from, from.center(), minus(first, from.center()))?;
    let end = ray_exit(to, to.center(), minus(last, to.center()))?;
    let mut points = vec![start];
    points.extend(bends);
    points.push(end);
    Some(Route::Line(points))
}

/// Sideways offset of the `rank`-th of `count` connections between the same two systems;
/// A→B and B→A have opposite normals, so `flipped` turns the offset round.
fn parallel_offset(rank: usize, count: usize, flipped: bool) -> f32 {
    let centred = rank as f32 - count.saturating_sub(1) as f32 / 2.0;
    let offset = centred * PARALLEL_SPACING;
    if flipped { -offset } else { offset }
}

/// From edge to edge along the centre line, shifted sideways by `offset`; `None` when
/// the boxes overlap so much that nothing of the line would show.
fn straight(from: Rect, to: Rect, offset: f32) -> Option<(Point, Point)> {
    let between = minus(to.center(), from.center());
    let length = distance(to.center(), from.center());
    if length < 1e-3 || !length.is_finite() {
        return None;
    }
    let dir = Point::new(between.x / length, between.y / length);
    let smallest = from
        .width()
        .min(from.height())
        .min(to.width())
        .min(to.height());
    let shift = offset.clamp(-0.35 * smallest, 0.35 * smallest);
    let normal = Point::new(-dir.y * shift, dir.x * shift);
    let start = ray_exit(from, plus(from.center(), normal), dir)?;
    let end = ray_exit(to, plus(to.center(), normal), Point::new(-dir.x, -dir.y))?;
    let ahead = (end.x - start.x) * dir.x + (end.y - start.y) * dir.y;
    (ahead > 1.0).then_some((start, end))
}

/// Where a ray from `origin` (inside `rect`) along `dir` leaves the rect.
fn ray_exit(rect: Rect, origin: Point, dir: Point) -> Option<Point> {
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
    (t.is_finite() && t >= 0.0).then(|| Point::new(origin.x + dir.x * t, origin.y + dir.y * t))
}

/// The point a fraction `t` of the way along a polyline, and the direction there.
fn along(points: &[Point], t: f32) -> (Point, Point) {
    let total: f32 = points.windows(2).map(|w| distance(w[0], w[1])).sum();
    let mut left = total * t.clamp(0.0, 1.0);
    let mut last = (points[0], Point::new(1.0, 0.0));
    for w in points.windows(2) {
        let length = distance(w[0], w[1]);
        if length <= 0.0 {
            continue;
        }
        let dir = Point::new((w[1].x - w[0].x) / length, (w[1].y - w[0].y) / length);
        if left <= length {
            let point = Point::new(w[0].x + dir.x * left, w[0].y + dir.y * left);
            return (point, dir);
        }
        left -= length;
        last = (w[1], dir);
    }
    last
}

pub fn distance(a: Point, b: Point) -> f32 {
    (b.x - a.x).hypot(b.y - a.y)
}

fn minus(a: Point, b: Point) -> Point {
    Point::new(a.x - b.x, a.y - b.y)
}

fn plus(a: Point, b: Point) -> Point {
    Point::new(a.x + b.x, a.y + b.y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Connection, ConnectionId, System};

    fn two_boxes() -> Project {
        let mut project = Project::new("p");
        for (id, x) in [(1, 0.0), (2, 400.0)] {
            let mut system = System::new(SystemId(id), "s");
            system.position = Point::new(x, 0.0);
            project.systems.push(system);
        }
        project
    }

    #[test]
    fn a_straight_connection_runs_from_edge_to_edge() {
        let mut project = two_boxes();
        let c = Connection::new(ConnectionId(1), SystemId(1), SystemId(2));
        project.connections.push(c);
        let routes = routes(&project);
        assert_eq!(
            routes,
            vec![(
                0,
                Route::Line(vec![Point::new(200.0, 45.0), Point::new(400.0, 45.0)])
            )]
        );
    }

    #[test]
    fn parallel_connections_are_spread_apart() {
        let mut project = two_boxes();
        for (id, from, to) in [(1, 1, 2), (2, 2, 1)] {
            let c = Connection::new(ConnectionId(id), SystemId(from), SystemId(to));
            project.connections.push(c);
        }
        let ys: Vec<f32> = routes(&project)
            .iter()
            .map(|(_, route)| route.at(0.5).0.y)
            .collect();
        assert_eq!(ys.len(), 2);
        assert!((ys[0] - ys[1]).abs() >= PARALLEL_SPACING - 0.1, "{ys:?}");
    }

    #[test]
    fn waypoints_bend_the_line_and_dangling_ends_are_not_drawn() {
        let mut project = two_boxes();
        let mut c = Connection::new(ConnectionId(1), SystemId(1), SystemId(2));
        c.waypoints = vec![Point::new(300.0, -100.0)];
        project.connections.push(c);
        project
            .connections
            .push(Connection::new(ConnectionId(2), SystemId(1), SystemId(9)));
        let routes = routes(&project);
        assert_eq!(routes.len(), 1);
        let Route::Line(points) = &routes[0].1 else {
            panic!("a bent line");
        };
        assert_eq!(points.len(), 3);
        assert_eq!(points[1], Point::new(300.0, -100.0));
        assert!(project.systems[0].rect().contains(points[0]));
        assert!(project.systems[1].rect().contains(points[2]));
    }

    #[test]
    fn a_self_loop_sits_on_the_top_right_corner() {
        let mut project = two_boxes();
        project
            .connections
            .push(Connection::new(ConnectionId(1), SystemId(1), SystemId(1)));
        let (_, route) = &routes(&project)[0];
        let (start, _) = route.at(0.0);
        let (end, heading) = route.at(1.0);
        assert!((start.y - 0.0).abs() < 1e-3 && start.x < 200.0);
        assert!((end.x - 200.0).abs() < 1e-3 && end.y > 0.0);
        assert!(heading.x < -0.99, "comes back into the box");
    }
}
