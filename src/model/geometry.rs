//! Canvas geometry that belongs to the model, so a layout travels with the project file.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{Project, System, SystemId, ZoneId};

/// A point in scene (canvas) coordinates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// A size in scene (canvas) units.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Size {
    pub width: f32,
    pub height: f32,
}

impl Size {
    /// The size a new system box gets.
    pub const SYSTEM: Size = Size {
        width: 200.0,
        height: 90.0,
    };
}

impl Default for Size {
    fn default() -> Self {
        Size::SYSTEM
    }
}

impl Point {
    pub fn new(x: f32, y: f32) -> Self {
        Point { x, y }
    }

    pub fn is_finite(&self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

/// The snap grid, in scene units: the canvas snaps boxes to it, and free places are
/// searched in its steps.
pub const GRID: f32 = 20.0;

/// Space between a zone's border and its member systems.
pub const ZONE_PADDING: f32 = 20.0;

/// Extra space above a zone's members for its name.
pub const ZONE_HEADER: f32 = 26.0;

/// An axis-aligned rectangle in scene coordinates, from `min` (top left) to `max`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

impl Rect {
    /// Contains nothing; the union with it is the other rect.
    pub const NOTHING: Rect = Rect {
        min: Point {
            x: f32::INFINITY,
            y: f32::INFINITY,
        },
        max: Point {
            x: f32::NEG_INFINITY,
            y: f32::NEG_INFINITY,
        },
    };

    pub fn from_min_size(min: Point, size: Size) -> Rect {
        Rect {
            min,
            max: Point::new(min.x + size.width, min.y + size.height),
        }
    }

    pub fn from_min_max(min: Point, max: Point) -> Rect {
        Rect { min, max }
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn center(&self) -> Point {
        Point::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    /// Has an area: not empty, not [`Rect::NOTHING`].
    pub fn is_positive(&self) -> bool {
        self.width() > 0.0 && self.height() > 0.0
    }

    pub fn contains(&self, point: Point) -> bool {
        (self.min.x..=self.max.x).contains(&point.x) && (self.min.y..=self.max.y).contains(&point.y)
    }

    /// The two share some area; touching edges do not count.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    pub fn union(self, other: Rect) -> Rect {
        Rect {
            min: Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Point::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }

    /// The part both cover; not positive when they do not overlap.
    pub fn intersect(&self, other: &Rect) -> Rect {
        Rect {
            min: Point::new(self.min.x.max(other.min.x), self.min.y.max(other.min.y)),
            max: Point::new(self.max.x.min(other.max.x), self.max.y.min(other.max.y)),
        }
    }

    /// Grown by `by` on every side.
    pub fn expand(&self, by: f32) -> Rect {
        Rect {
            min: Point::new(self.min.x - by, self.min.y - by),
            max: Point::new(self.max.x + by, self.max.y + by),
        }
    }

    pub fn translate(&self, dx: f32, dy: f32) -> Rect {
        Rect {
            min: Point::new(self.min.x + dx, self.min.y + dy),
            max: Point::new(self.max.x + dx, self.max.y + dy),
        }
    }

    /// Does the segment from `a` to `b` pass through the rect?
    pub fn crossed_by(&self, a: Point, b: Point) -> bool {
        // Most segments asked about are nowhere near: skip the divisions.
        let apart = a.x.max(b.x) < self.min.x
            || a.x.min(b.x) > self.max.x
            || a.y.max(b.y) < self.min.y
            || a.y.min(b.y) > self.max.y;
        !apart && self.clip(a, b).is_some()
    }

    /// The part of the segment from `a` to `b` inside the rect, as the fractions of the way
    /// from `a` where it enters and leaves (Liang–Barsky); `None` when it misses.
    pub fn clip(&self, a: Point, b: Point) -> Option<(f32, f32)> {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
        for (p, q) in [
            (-dx, a.x - self.min.x),
            (dx, self.max.x - a.x),
            (-dy, a.y - self.min.y),
            (dy, self.max.y - a.y),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        (t0 <= t1).then_some((t0, t1))
    }
}

/// A box at `position` with `size`. A hand-edited file can hold nonsense (NaN, negative
/// sizes); such a box falls back to the default size at the origin instead of poisoning
/// culling, fitting and placement.
pub fn box_rect(position: Point, size: Size) -> Rect {
    let valid_size = size.width.is_finite()
        && size.height.is_finite()
        && size.width >= 1.0
        && size.height >= 1.0;
    let size = if valid_size { size } else { Size::SYSTEM };
    let position = if position.is_finite() {
        position
    } else {
        Point::default()
    };
    Rect::from_min_size(position, size)
}

/// The region a zone covers, given the bounds of its members: padding all round, and room
/// for the name on top.
pub fn zone_rect(members: Rect) -> Rect {
    Rect {
        min: Point::new(
            members.min.x - ZONE_PADDING,
            members.min.y - ZONE_PADDING - ZONE_HEADER,
        ),
        max: Point::new(members.max.x + ZONE_PADDING, members.max.y + ZONE_PADDING),
    }
}

/// The nearest multiple of `grid`.
pub fn snap(value: f32, grid: f32) -> f32 {
    (value / grid).round() * grid
}

pub fn snap_point(point: Point, grid: f32) -> Point {
    Point::new(snap(point.x, grid), snap(point.y, grid))
}

impl System {
    /// This system's box in scene coordinates (see [`box_rect`] for broken values).
    pub fn rect(&self) -> Rect {
        box_rect(self.position, self.size)
    }
}

impl Project {
    /// The region each zone with members covers; a zone without members has none.
    pub fn zone_rects(&self) -> HashMap<ZoneId, Rect> {
        self.zone_rects_without(&HashSet::new())
    }

    /// The regions the zones would cover without the `left_out` systems (systems about
    /// to move elsewhere).
    pub fn zone_rects_without(&self, left_out: &HashSet<SystemId>) -> HashMap<ZoneId, Rect> {
        let mut members: HashMap<ZoneId, Rect> = HashMap::new();
        for system in self.systems.iter().filter(|s| !left_out.contains(&s.id)) {
            if let Some(zone) = system.zone {
                let bounds = members.entry(zone).or_insert(Rect::NOTHING);
                *bounds = bounds.union(system.rect());
            }
        }
        members
            .into_iter()
            .map(|(zone, members)| (zone, zone_rect(members)))
            .collect()
    }

    /// Everything drawn: every box, with room for zone borders when there are zones.
    pub fn content_bounds(&self) -> Option<Rect> {
        let bounds = self
            .systems
            .iter()
            .map(System::rect)
            .fold(Rect::NOTHING, Rect::union);
        // Zones reach beyond their members, so leave room for them too.
        let has_zones = self.systems.iter().any(|s| s.zone.is_some());
        let bounds = if has_zones { zone_rect(bounds) } else { bounds };
        bounds.is_positive().then_some(bounds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SystemId;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(
            Point::new(x, y),
            Size {
                width: w,
                height: h,
            },
        )
    }

    #[test]
    fn rects_overlap_only_when_they_share_area() {
        let a = rect(0.0, 0.0, 100.0, 50.0);
        assert!(a.overlaps(&rect(99.0, 49.0, 10.0, 10.0)));
        assert!(!a.overlaps(&rect(100.0, 0.0, 10.0, 10.0)), "touching");
        assert!(!a.overlaps(&Rect::NOTHING));
        assert_eq!(Rect::NOTHING.union(a), a);
        assert_eq!(
            a.expand(5.0).translate(5.0, 5.0),
            rect(0.0, 0.0, 110.0, 60.0)
        );
        assert_eq!(a.center(), Point::new(50.0, 25.0));
    }

    #[test]
    fn segments_cross_a_rect_only_through_it() {
        let r = rect(0.0, 0.0, 100.0, 100.0);
        assert!(r.crossed_by(Point::new(-50.0, 50.0), Point::new(150.0, 50.0)));
        assert!(
            r.crossed_by(Point::new(10.0, 10.0), Point::new(20.0, 20.0)),
            "inside"
        );
        assert!(!r.crossed_by(Point::new(-10.0, -10.0), Point::new(-1.0, 200.0)));
        assert!(!r.crossed_by(Point::new(200.0, 0.0), Point::new(300.0, 100.0)));
    }

    #[test]
    fn broken_model_geometry_falls_back_to_defaults() {
        let broken = Size {
            width: -5.0,
            height: f32::INFINITY,
        };
        let r = box_rect(Point::new(f32::NAN, 3.0), broken);
        assert_eq!(r, rect(0.0, 0.0, Size::SYSTEM.width, Size::SYSTEM.height));
    }

    #[test]
    fn a_zone_surrounds_its_members_with_room_for_the_name() {
        let members = rect(0.0, 0.0, 480.0, 90.0);
        let zone = zone_rect(members);
        assert_eq!(
            zone.min,
            Point::new(-ZONE_PADDING, -ZONE_PADDING - ZONE_HEADER)
        );
        assert_eq!(
            zone.max,
            Point::new(480.0 + ZONE_PADDING, 90.0 + ZONE_PADDING)
        );
    }

    #[test]
    fn zone_rects_and_content_bounds_cover_the_members() {
        let mut project = Project::new("p");
        let zone = project.allocate_zone_id();
        for (i, x) in [0.0, 300.0, 5000.0].into_iter().enumerate() {
            let mut system = System::new(SystemId(10 + i as u64), "s");
            system.position = Point::new(x, 0.0);
            system.zone = (i < 2).then_some(zone);
            project.systems.push(system);
        }
        let zones = project.zone_rects();
        assert_eq!(zones[&zone], zone_rect(rect(0.0, 0.0, 500.0, 90.0)));
        let bounds = project.content_bounds().unwrap();
        assert!(bounds.contains(Point::new(5199.0, 89.0)));
        assert!(bounds.min.y < 0.0, "room for the zone header");
        assert_eq!(Project::new("empty").content_bounds(), None);
    }

    #[test]
    fn snapping_rounds_to_the_grid() {
        assert_eq!(snap(29.0, GRID), 20.0);
        assert_eq!(snap(31.0, GRID), 40.0);
        assert_eq!(snap(-11.0, GRID), -20.0);
        assert_eq!(
            snap_point(Point::new(9.0, 11.0), GRID),
            Point::new(0.0, 20.0)
        );
    }
}
