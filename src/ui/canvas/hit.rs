//! What is under the pointer: the canvas's own hit testing over this frame's placement,
//! in the order things are drawn (topmost first).

use egui::{Pos2, Rect};

use super::placement::{ConnectionPath, Placement};
use crate::model::{ConnectionId, ItemRef, Project, SystemId, ZoneId};
use crate::ui::selection::Selection;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Hit {
    System(SystemId),
    Connection(ConnectionId),
    /// A zone's header strip (its name): the part of a zone that can be picked.
    Zone(ZoneId),
}

impl Hit {
    pub fn item(self) -> ItemRef {
        match self {
            Hit::System(id) => ItemRef::System(id),
            Hit::Connection(id) => ItemRef::Connection(id),
            Hit::Zone(id) => ItemRef::Zone(id),
        }
    }
}

/// Where labels were drawn last frame, in scene units: the user clicks what they saw.
/// Zones are picked by their name only, so a drag that starts on a zone's empty area is
/// still a rubber band.
#[derive(Default)]
pub(super) struct DrawnLabels {
    pub connections: Vec<(ConnectionId, Rect)>,
    pub zones: Vec<(ZoneId, Rect)>,
}

/// The topmost item at `pos_in_scene`. Boxes are drawn over connection labels, which are
/// drawn over connection lines, which are drawn over zones. `tolerance` (scene units) is
/// how near a line counts as on it.
pub(super) fn hit_test(
    project: &Project,
    placement: &Placement,
    labels: &DrawnLabels,
    pos_in_scene: Pos2,
    tolerance: f32,
) -> Option<Hit> {
    if let Some(&i) = placement
        .visible_systems
        .iter()
        .rev()
        .find(|&&i| placement.system_rects[i].contains(pos_in_scene))
    {
        return Some(Hit::System(project.systems[i].id));
    }
    if let Some((id, _)) = labels
        .connections
        .iter()
        .rev()
        .find(|(_, rect)| rect.contains(pos_in_scene))
    {
        return Some(Hit::Connection(*id));
    }
    let nearest = placement
        .connections
        .iter()
        .map(|c| {
            (
                c.index,
                c.path.distance(pos_in_scene, &placement.bend_points),
            )
        })
        .filter(|(_, distance)| *distance <= tolerance)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((index, _)) = nearest {
        return Some(Hit::Connection(project.connections[index].id));
    }
    labels
        .zones
        .iter()
        .rev()
        .find(|(_, rect)| rect.contains(pos_in_scene))
        .map(|(id, _)| Hit::Zone(*id))
}

/// What a rubber band selects: every box it touches, and every connection lying wholly
/// inside it.
pub(super) fn band_selection(project: &Project, placement: &Placement, band: Rect) -> Selection {
    let mut selection = Selection::default();
    for &i in &placement.visible_systems {
        if placement.system_rects[i].intersects(band) {
            selection.systems.insert(project.systems[i].id);
        }
    }
    for c in &placement.connections {
        let inside = match c.path {
            ConnectionPath::Straight { from, to } => band.contains(from) && band.contains(to),
            ConnectionPath::Loop { shape, .. } => band.contains_rect(shape.bounds()),
            ConnectionPath::Bent { .. } => {
                band.contains_rect(c.path.bounds(&placement.bend_points))
            }
        };
        if inside {
            selection
                .connections
                .insert(project.connections[c.index].id);
        }
    }
    selection
}

/// Everything in either selection (a Ctrl- or Shift-band adds to what was selected).
pub(super) fn union(mut a: Selection, b: &Selection) -> Selection {
    a.systems.extend(b.systems.iter().copied());
    a.connections.extend(b.connections.iter().copied());
    a.zones.extend(b.zones.iter().copied());
    a
}

#[cfg(test)]
mod tests {
    use egui::emath::TSTransform;
    use egui::{pos2, vec2};

    use super::*;
    use crate::model::{Connection, Point, System, Zone};
    use crate::ui::canvas::view::View;

    /// Two boxes side by side in a zone, joined by one connection.
    fn setup() -> (Project, Placement) {
        let mut p = Project::new("t");
        p.zones.push(Zone {
            id: ZoneId(1),
            name: "Z".into(),
            kind: None,
            notes: String::new(),
        });
        for (id, x) in [(10, 0.0), (11, 280.0)] {
            let mut s = System::new(SystemId(id), "S");
            s.position = Point::new(x, 0.0);
            s.zone = Some(ZoneId(1));
            p.systems.push(s);
        }
        p.connections.push(Connection::new(
            ConnectionId(20),
            SystemId(10),
            SystemId(11),
        ));
        let view = View::new(
            TSTransform::IDENTITY,
            Rect::from_min_size(pos2(-100.0, -100.0), vec2(800.0, 400.0)),
        );
        let mut placement = Placement::default();
        placement.rebuild(&p, &view, &[]);
        (p, placement)
    }

    #[test]
    fn boxes_then_lines_then_zone_names() {
        let (p, placement) = setup();
        let labels = DrawnLabels {
            connections: Vec::new(),
            zones: vec![(
                ZoneId(1),
                Rect::from_min_size(pos2(-10.0, -40.0), vec2(60.0, 20.0)),
            )],
        };
        let hit = |x, y| hit_test(&p, &placement, &labels, pos2(x, y), 4.0);
        assert_eq!(hit(100.0, 45.0), Some(Hit::System(SystemId(10))));
        assert_eq!(hit(240.0, 47.0), Some(Hit::Connection(ConnectionId(20))));
        assert_eq!(hit(240.0, 60.0), None, "too far from the line");
        assert_eq!(hit(0.0, -30.0), Some(Hit::Zone(ZoneId(1))));
        assert_eq!(hit(100.0, -30.0), None, "beside the zone's name");
        assert_eq!(hit(0.0, 100.0), None, "inside the zone but not on its name");
    }

    #[test]
    fn labels_are_hit_before_lines_but_after_boxes() {
        let (p, placement) = setup();
        let label = Rect::from_center_size(pos2(240.0, 45.0), vec2(120.0, 16.0));
        let labels = DrawnLabels {
            connections: vec![(ConnectionId(99), label)],
            zones: Vec::new(),
        };
        let hit = |x, y| hit_test(&p, &placement, &labels, pos2(x, y), 4.0);
        assert_eq!(hit(240.0, 50.0), Some(Hit::Connection(ConnectionId(99))));
        assert_eq!(hit(190.0, 45.0), Some(Hit::System(SystemId(10))));
    }

    #[test]
    fn a_band_selects_touched_boxes_and_enclosed_connections() {
        let (p, placement) = setup();
        let band = Rect::from_min_max(pos2(150.0, 10.0), pos2(300.0, 60.0));
        let selection = band_selection(&p, &placement, band);
        assert_eq!(selection.systems.len(), 2);
        assert!(selection.connections.contains(&ConnectionId(20)));
        let band = Rect::from_min_max(pos2(150.0, 10.0), pos2(250.0, 60.0));
        let selection = band_selection(&p, &placement, band);
        assert_eq!(selection.systems.len(), 1);
        assert!(selection.connections.is_empty());
    }
}
