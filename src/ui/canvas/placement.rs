//! Where every item is this frame, in scene coordinates, with what is off screen culled
//! before any shape is built. Rebuilt every frame into reused buffers: it is a few linear
//! passes, cheaper than working out whether the project changed.

use std::collections::HashMap;

use egui::{Pos2, Rect};

use super::bends::{self, Span};
use super::geometry::{
    PARALLEL_SPACING, SelfLoop, distance_to_segment, from_egui, parallel_offset, segment_may_touch,
    straight_endpoints, system_rect, to_egui,
};
use super::view::{Detail, View};
use crate::model::{Point, Project, SystemId, box_rect, zone_rect};

/// Extra room around the view, in screen points, so strokes, shadows and labels of items
/// just outside it are not cut off.
const CULL_MARGIN_ON_SCREEN: f32 = 12.0;
/// Connection labels reach further from their line than strokes do.
const LABEL_REACH_ON_SCREEN: f32 = 120.0;

#[derive(Default)]
pub(super) struct Placement {
    /// One rect per `project.systems` entry, visible or not (connections need both ends).
    pub system_rects: Vec<Rect>,
    pub systems: IdIndex,
    /// Indices into `project.systems` of the boxes that show, in drawing order.
    pub visible_systems: Vec<usize>,
    /// Zones with at least one member, that show, in drawing order.
    pub zones: Vec<PlacedZone>,
    /// Connections whose both ends exist and that show.
    pub connections: Vec<PlacedConnection>,
    /// The points of every bent connection, each one's `Span` of it.
    pub bend_points: Vec<Pos2>,
    zone_index: IdIndex,
    zone_members: Vec<Rect>,
    candidates: Vec<(usize, usize, usize)>,
    pairs: HashMap<(u64, u64), (u32, u32)>,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct PlacedZone {
    /// Index into `project.zones`.
    pub index: usize,
    pub rect: Rect,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct PlacedConnection {
    /// Index into `project.connections`.
    pub index: usize,
    pub path: ConnectionPath,
}

#[derive(Clone, Copy, Debug)]
pub(super) enum ConnectionPath {
    Straight {
        from: Pos2,
        to: Pos2,
    },
    /// A system talking to itself; `rect` is its box.
    Loop {
        shape: SelfLoop,
        rect: Rect,
    },
    /// Through the saved waypoints; the points are in `Placement::bend_points`.
    Bent {
        span: Span,
    },
}

/// The methods take the placement's `bend_points`, which bent paths point into.
impl ConnectionPath {
    pub fn distance(&self, pos: Pos2, bend_points: &[Pos2]) -> f32 {
        match *self {
            ConnectionPath::Straight { from, to } => distance_to_segment(pos, from, to),
            ConnectionPath::Loop { shape, rect } => shape.distance(pos, rect),
            ConnectionPath::Bent { span } => bends::distance(span.of(bend_points), pos),
        }
    }

    pub fn bounds(&self, bend_points: &[Pos2]) -> Rect {
        match *self {
            ConnectionPath::Straight { from, to } => Rect::from_two_pos(from, to),
            ConnectionPath::Loop { shape, .. } => shape.bounds(),
            ConnectionPath::Bent { span } => bends::bounds(span.of(bend_points)),
        }
    }

    /// The point at fraction `t` of the way along.
    pub fn at(&self, t: f32, bend_points: &[Pos2]) -> Pos2 {
        match *self {
            ConnectionPath::Straight { from, to } => from.lerp(to, t),
            ConnectionPath::Loop { shape, .. } => shape.at(t),
            ConnectionPath::Bent { span } => bends::at(span.of(bend_points), t),
        }
    }

    /// Where the line starts and ends.
    pub fn ends(&self, bend_points: &[Pos2]) -> (Pos2, Pos2) {
        match *self {
            ConnectionPath::Straight { from, to } => (from, to),
            ConnectionPath::Loop { shape, .. } => (shape.at(0.0), shape.at(1.0)),
            ConnectionPath::Bent { span } => {
                let line = span.of(bend_points);
                let first = line.first().copied().unwrap_or(Pos2::ZERO);
                (first, line.last().copied().unwrap_or(first))
            }
        }
    }

    /// Where the label goes.
    pub fn label_anchor(&self, bend_points: &[Pos2]) -> Pos2 {
        self.at(0.5, bend_points)
    }
}

impl Placement {
    /// Places `project` for `view`. Systems listed in `preview` are drawn at those
    /// positions instead of their own: a drag shows where the boxes go before the move
    /// reaches the project.
    pub fn rebuild(&mut self, project: &Project, view: &View, preview: &[(SystemId, Point)]) {
        let visible = view
            .visible_in_scene
            .expand(view.in_scene(CULL_MARGIN_ON_SCREEN));

        self.systems.rebuild(project.systems.iter().map(|s| s.id.0));
        self.system_rects.clear();
        self.system_rects
            .extend(project.systems.iter().map(system_rect));
        for (id, position) in preview {
            if let Some(i) = self.systems.get(id.0) {
                self.system_rects[i] = to_egui(box_rect(*position, project.systems[i].size));
            }
        }
        self.visible_systems.clear();
        self.visible_systems.extend(
            self.system_rects
                .iter()
                .enumerate()
                .filter(|(_, rect)| rect.intersects(visible))
                .map(|(i, _)| i),
        );

        self.place_zones(project, visible);
        self.place_connections(project, view, visible);
    }

    /// Every zone with members, seen or not: its index into `project.zones` and its
    /// region (the minimap shows all of them).
    pub fn all_zones(&self) -> impl Iterator<Item = (usize, Rect)> + '_ {
        self.zone_members
            .iter()
            .enumerate()
            .filter(|(_, members)| members.is_positive())
            .map(|(index, members)| (index, to_egui(zone_rect(from_egui(*members)))))
    }

    fn place_zones(&mut self, project: &Project, visible: Rect) {
        self.zone_index
            .rebuild(project.zones.iter().map(|z| z.id.0));
        self.zone_members.clear();
        self.zone_members.resize(project.zones.len(), Rect::NOTHING);
        for (system, rect) in project.systems.iter().zip(&self.system_rects) {
            if let Some(zone) = system.zone.and_then(|z| self.zone_index.get(z.0)) {
                self.zone_members[zone] = self.zone_members[zone].union(*rect);
            }
        }
        self.zones.clear();
        for (index, members) in self.zone_members.iter().enumerate() {
            if !members.is_positive() {
                continue; // An empty zone has nowhere to be.
            }
            let rect = to_egui(zone_rect(from_egui(*members)));
            if rect.intersects(visible) {
                self.zones.push(PlacedZone { index, rect });
            }
        }
    }

    fn place_connections(&mut self, project: &Project, view: &View, visible: Rect) {
        self.connections.clear();
        self.candidates.clear();
        self.bend_points.clear();
        let detail = view.detail();
        let reach = visible.expand(view.in_scene(LABEL_REACH_ON_SCREEN) + PARALLEL_SPACING);
        for (index, connection) in project.connections.iter().enumerate() {
            // A dangling reference (a hand edit, a half-applied merge) is not drawn.
            let (Some(from), Some(to)) = (
                self.systems.get(connection.from.0),
                self.systems.get(connection.to.0),
            ) else {
                continue;
            };
            if from == to {
                let shape = SelfLoop::around(self.system_rects[from]);
                if shape.bounds().intersects(reach) {
                    let rect = self.system_rects[from];
                    let path = ConnectionPath::Loop { shape, rect };
                    self.connections.push(PlacedConnection { index, path });
                }
                continue;
            }
            if detail == Detail::Full
                && !connection.waypoints.is_empty()
                && self.place_bent(index, from, to, reach, &connection.waypoints)
            {
                continue;
            }
            let (a, b) = (
                self.system_rects[from].center(),
                self.system_rects[to].center(),
            );
            if segment_may_touch(a, b, reach) {
                self.candidates.push((index, from, to));
            }
        }

        match detail {
            // Far out, a line from centre to centre looks the same and costs less: the box
            // drawn over it hides the part inside.
            Detail::Overview => {
                for &(index, from, to) in &self.candidates {
                    let (a, b) = (
                        self.system_rects[from].center(),
                        self.system_rects[to].center(),
                    );
                    if a != b {
                        let path = ConnectionPath::Straight { from: a, to: b };
                        self.connections.push(PlacedConnection { index, path });
                    }
                }
            }
            Detail::Full => self.place_straight_with_parallels(project),
        }
    }

    /// Places a connection along its waypoints; false when they do not make a line (the
    /// caller draws it straight). Far out the straight line looks the same and is cheaper.
    fn place_bent(
        &mut self,
        index: usize,
        from: usize,
        to: usize,
        reach: Rect,
        waypoints: &[Point],
    ) -> bool {
        let (from_rect, to_rect) = (self.system_rects[from], self.system_rects[to]);
        let Some(span) = bends::push_bent(&mut self.bend_points, from_rect, waypoints, to_rect)
        else {
            return false;
        };
        if bends::bounds(span.of(&self.bend_points)).intersects(reach) {
            let path = ConnectionPath::Bent { span };
            self.connections.push(PlacedConnection { index, path });
        }
        true
    }

    /// Connections between the same two systems (either way round) are spread sideways so
    /// each stays visible and clickable.
    fn place_straight_with_parallels(&mut self, project: &Project) {
        self.pairs.clear();
        let pair_key = |index: usize| {
            let c = &project.connections[index];
            (c.from.0.min(c.to.0), c.from.0.max(c.to.0))
        };
        for &(index, _, _) in &self.candidates {
            self.pairs.entry(pair_key(index)).or_insert((0, 0)).0 += 1;
        }
        for &(index, from, to) in &self.candidates {
            let (count, rank) = match self.pairs.get_mut(&pair_key(index)) {
                Some(entry) => {
                    let rank = entry.1;
                    entry.1 += 1;
                    (entry.0 as usize, rank as usize)
                }
                None => (1, 0),
            };
            let c = &project.connections[index];
            let offset = parallel_offset(rank, count, c.from.0 > c.to.0);
            if let Some((a, b)) =
                straight_endpoints(self.system_rects[from], self.system_rects[to], offset)
            {
                let path = ConnectionPath::Straight { from: a, to: b };
                self.connections.push(PlacedConnection { index, path });
            }
        }
    }
}

/// Maps ids to list positions. Ids come from one counter per project, so they are dense
/// and a table beats hashing; a hand-edited file with huge ids falls back to a map.
#[derive(Default)]
pub(super) struct IdIndex {
    dense: Vec<u32>,
    sparse: HashMap<u64, u32>,
}

const ABSENT: u32 = u32::MAX;

impl IdIndex {
    pub fn rebuild(&mut self, ids: impl ExactSizeIterator<Item = u64> + Clone) {
        self.dense.clear();
        self.sparse.clear();
        let count = ids.len();
        let max = ids.clone().max().unwrap_or(0);
        let dense = max <= 4 * count as u64 + 1024;
        if dense {
            self.dense.resize(max as usize + 1, ABSENT);
        }
        for (position, id) in ids.enumerate() {
            let position = u32::try_from(position).unwrap_or(ABSENT);
            // With duplicate ids (an invalid file) the first one wins, as in `Project::system`.
            if dense {
                let slot = &mut self.dense[id as usize];
                if *slot == ABSENT {
                    *slot = position;
                }
            } else {
                self.sparse.entry(id).or_insert(position);
            }
        }
    }

    pub fn get(&self, id: u64) -> Option<usize> {
        let position = if self.sparse.is_empty() {
            *self.dense.get(usize::try_from(id).ok()?)?
        } else {
            *self.sparse.get(&id)?
        };
        (position != ABSENT).then_some(position as usize)
    }
}

/// How far from the view's edge an item may be and still be kept (exposed for tests).
#[cfg(test)]
pub(super) fn cull_margin(view: &View) -> egui::Vec2 {
    egui::Vec2::splat(view.in_scene(CULL_MARGIN_ON_SCREEN))
}

#[cfg(test)]
mod tests {
    use egui::emath::TSTransform;
    use egui::{pos2, vec2};

    use super::*;
    use crate::model::{Connection, ConnectionId, System, Zone, ZoneId};

    fn project() -> Project {
        let mut p = Project::new("t");
        p.zones.push(Zone {
            id: ZoneId(1),
            name: "Cloud".into(),
            kind: None,
            notes: String::new(),
        });
        p.zones.push(Zone {
            id: ZoneId(2),
            name: "Empty".into(),
            kind: None,
            notes: String::new(),
        });
        for (id, x) in [(10, 0.0), (11, 280.0), (12, 5000.0)] {
            let mut s = System::new(SystemId(id), format!("S{id}"));
            s.position = Point::new(x, 0.0);
            s.zone = Some(ZoneId(1));
            p.systems.push(s);
        }
        let conn = |id, from, to| Connection::new(ConnectionId(id), SystemId(from), SystemId(to));
        p.connections.push(conn(20, 10, 11));
        p.connections.push(conn(21, 11, 10));
        p.connections.push(conn(22, 10, 99)); // dangling
        p.connections.push(conn(23, 11, 11)); // self loop
        p.connections.push(conn(24, 12, 12)); // off screen
        p.next_id = 25;
        p
    }

    fn view_at_1(width: f32) -> View {
        View::new(
            TSTransform::IDENTITY,
            Rect::from_min_size(pos2(-50.0, -100.0), vec2(width, 400.0)),
        )
    }

    #[test]
    fn culls_what_is_off_screen_and_skips_dangling_connections() {
        let p = project();
        let mut placement = Placement::default();
        placement.rebuild(&p, &view_at_1(800.0), &[]);
        assert_eq!(placement.visible_systems, vec![0, 1]);
        let placed: Vec<usize> = placement.connections.iter().map(|c| c.index).collect();
        assert_eq!(placed, vec![3, 0, 1], "loops first, then straight ones");
        // The zone spans all members, including the one off screen, and the empty one is absent.
        assert_eq!(placement.zones.len(), 1);
        assert!(placement.zones[0].rect.max.x > 5000.0);
    }

    #[test]
    fn the_two_directions_between_a_pair_do_not_overlap() {
        let p = project();
        let mut placement = Placement::default();
        placement.rebuild(&p, &view_at_1(800.0), &[]);
        let ys: Vec<f32> = placement
            .connections
            .iter()
            .filter_map(|c| match c.path {
                ConnectionPath::Straight { from, .. } => Some(from.y),
                ConnectionPath::Loop { .. } | ConnectionPath::Bent { .. } => None,
            })
            .collect();
        assert_eq!(ys.len(), 2);
        assert!((ys[0] - ys[1]).abs() >= PARALLEL_SPACING - 0.01, "{ys:?}");
    }

    #[test]
    fn a_connection_with_waypoints_goes_through_them() {
        let mut p = project();
        p.connections[0].waypoints = vec![Point::new(140.0, 200.0)];
        let mut placement = Placement::default();
        placement.rebuild(&p, &view_at_1(800.0), &[]);
        let bent = placement
            .connections
            .iter()
            .find(|c| c.index == 0)
            .expect("placed");
        let ConnectionPath::Bent { span } = bent.path else {
            panic!("placed straight: {:?}", bent.path);
        };
        let line = span.of(&placement.bend_points);
        assert_eq!(line.len(), 3);
        assert_eq!(line[1], pos2(140.0, 200.0));
        assert!(
            bent.path
                .distance(pos2(140.0, 198.0), &placement.bend_points)
                < 3.0
        );
        // The other direction between the pair stays straight.
        assert!(matches!(
            placement
                .connections
                .iter()
                .find(|c| c.index == 1)
                .map(|c| c.path),
            Some(ConnectionPath::Straight { .. })
        ));
    }

    #[test]
    fn preview_positions_replace_model_positions() {
        let p = project();
        let mut placement = Placement::default();
        placement.rebuild(
            &p,
            &view_at_1(800.0),
            &[(SystemId(11), Point::new(300.0, 40.0))],
        );
        assert_eq!(placement.system_rects[1].min, pos2(300.0, 40.0));
    }

    #[test]
    fn culling_keeps_a_box_that_only_just_shows() {
        let p = project();
        let view = view_at_1(800.0);
        let mut placement = Placement::default();
        // Box 11 spans x 280..480; a view ending at x = 281 still shows a sliver of it.
        let narrow = View::new(
            TSTransform::IDENTITY,
            Rect::from_min_max(
                pos2(-50.0, -100.0),
                pos2(281.0 - cull_margin(&view).x, 300.0),
            ),
        );
        placement.rebuild(&p, &narrow, &[]);
        assert!(placement.visible_systems.contains(&1));
    }

    #[test]
    fn id_index_handles_dense_sparse_and_duplicate_ids() {
        let mut index = IdIndex::default();
        index.rebuild([3u64, 1, 3].into_iter());
        assert_eq!(index.get(3), Some(0));
        assert_eq!(index.get(1), Some(1));
        assert_eq!(index.get(2), None);
        assert_eq!(index.get(u64::MAX), None);
        index.rebuild([u64::MAX - 1, 5].into_iter());
        assert_eq!(index.get(u64::MAX - 1), Some(0));
        assert_eq!(index.get(5), Some(1));
        assert_eq!(index.get(3), None);
    }
}
