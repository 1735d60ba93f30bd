//! Painting the landscape at full detail, in screen space.
//!
//! Everything is painted untransformed, at its zoomed size: text is laid out at the zoomed
//! font size (crisp at any zoom, which a scaled Scene layer is not) and lines stay sharp.
//! Shapes are collected into one list and handed to egui at once.

use std::sync::Arc;

use egui::epaint::{CornerRadius, RectShape, Shadow};
use egui::{Color32, FontId, Galley, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2, vec2};

use super::badges::FindingMarks;
use super::bends;
use super::drawn::{DrawnKind, DrawnList};
use super::geometry::{arrow_head, clip_segment, connect_handle, ray_exit};
use super::hit::Hit;
use super::labels::LabelCache;
use super::overview::OverviewMeshes;
use super::placement::{ConnectionPath, Placement};
use super::style::Palette;
use super::text;
use super::view::View;
use crate::model::{
    ConnectionId, Direction, ItemRef, Project, System, ZONE_HEADER, ZONE_PADDING, ZoneId,
};
use crate::ui::selection::Selection;

/// The lock drawn on encrypted connections.
pub(super) const LOCK: char = '🔒';

/// How an item stands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Emphasis {
    Normal,
    Hovered,
    Selected,
}

/// The selection and hover state painting needs.
pub(super) struct Highlight<'a> {
    pub selection: &'a Selection,
    pub hovered: Option<Hit>,
}

impl Highlight<'_> {
    pub fn of(&self, item: ItemRef) -> Emphasis {
        if self.selection.contains(item) {
            Emphasis::Selected
        } else if self.hovered.map(Hit::item) == Some(item) {
            Emphasis::Hovered
        } else {
            Emphasis::Normal
        }
    }
}

/// One frame's painting: where things go, in which colours, and the shapes so far.
pub(super) struct Drawing<'a> {
    pub ctx: &'a egui::Context,
    pub view: View,
    pub palette: Palette,
    pub labels: &'a mut LabelCache,
    pub meshes: &'a mut OverviewMeshes,
    pub shapes: Vec<Shape>,
    /// Whether the fonts can draw [`LOCK`]; otherwise a small padlock is drawn.
    pub lock_glyph: bool,
    /// Where boxes, text and badges went so far this frame.
    pub drawn: &'a mut DrawnList,
}

impl Drawing<'_> {
    pub(super) fn zoomed(&self, length_in_scene: f32) -> f32 {
        self.view.on_screen(length_in_scene)
    }

    fn pixel_aligned(&self, pos: Pos2) -> Pos2 {
        let ppp = self.ctx.pixels_per_point();
        pos2((pos.x * ppp).round() / ppp, (pos.y * ppp).round() / ppp)
    }

    pub(super) fn galley(&mut self, text: &str, size: f32, max_width: f32) -> Arc<Galley> {
        self.labels
            .get(self.ctx, text, FontId::proportional(size), max_width)
    }

    pub(super) fn text_at(&mut self, pos: Pos2, galley: Arc<Galley>, color: Color32) {
        let pos = self.pixel_aligned(pos);
        self.shapes.push(Shape::galley(pos, galley, color));
    }

    /// The canvas fill and a faint grid that shows the snap spacing when zoomed in.
    pub fn background(&mut self) {
        let rect = self.view.rect_on_screen;
        self.shapes
            .push(Shape::rect_filled(rect, 0, self.palette.canvas));
        // The finest grid whose lines are at least 12 points apart.
        let Some(step) = [20.0, 100.0, 500.0, 2500.0]
            .into_iter()
            .find(|step| self.zoomed(*step) >= 12.0)
        else {
            return;
        };
        let visible = self.view.visible_in_scene;
        let (minor, major) = (self.palette.grid_minor, self.palette.grid_major);
        let first = |min: f32| (min / step).floor() as i64;
        let last = |max: f32| (max / step).ceil() as i64;
        for i in first(visible.min.x)..=last(visible.max.x) {
            let x = self.view.screen_from_scene(pos2(i as f32 * step, 0.0)).x;
            let color = if i % 5 == 0 { major } else { minor };
            let x = self.pixel_aligned(pos2(x, 0.0)).x;
            self.shapes
                .push(Shape::vline(x, rect.y_range(), Stroke::new(1.0, color)));
        }
        for i in first(visible.min.y)..=last(visible.max.y) {
            let y = self.view.screen_from_scene(pos2(0.0, i as f32 * step)).y;
            let color = if i % 5 == 0 { major } else { minor };
            let y = self.pixel_aligned(pos2(0.0, y)).y;
            self.shapes
                .push(Shape::hline(rect.x_range(), y, Stroke::new(1.0, color)));
        }
    }

    /// Zones: tinted regions behind everything else.
    pub fn zones(&mut self, project: &Project, placement: &Placement, highlight: &Highlight) {
        for placed in &placement.zones {
            let zone = &project.zones[placed.index];
            let rect = self.view.rect_on_screen(placed.rect);
            let kind = zone.kind.as_ref();
            let radius = self.zoomed(12.0).clamp(2.0, 14.0);
            let stroke = match highlight.of(ItemRef::Zone(zone.id)) {
                Emphasis::Selected => Stroke::new(2.0, self.palette.accent),
                Emphasis::Hovered => Stroke::new(1.5, self.palette.zone(kind)),
                Emphasis::Normal => Stroke::new(1.0, self.palette.zone_stroke(kind)),
            };
            self.shapes.push(Shape::Rect(RectShape::new(
                rect,
                radius,
                self.palette.zone_fill(kind),
                stroke,
                StrokeKind::Inside,
            )));
        }
    }

    /// Zone names in their zones' top-left corners. Where each went is recorded (scene
    /// units): a zone is picked by its name. Far out the names go on plates over the boxes,
    /// since they are how an overview is read.
    pub fn zone_names(
        &mut self,
        project: &Project,
        placement: &Placement,
        on_plates: bool,
        name_rects: &mut Vec<(ZoneId, Rect)>,
    ) {
        name_rects.clear();
        // Readable at any zoom.
        let size = self.view.font_size(13.0).unwrap_or(0.0).max(11.0);
        for placed in &placement.zones {
            let zone = &project.zones[placed.index];
            let rect = self.view.rect_on_screen(placed.rect);
            let inset = vec2(
                self.zoomed(ZONE_PADDING * 0.6).max(6.0),
                self.zoomed(ZONE_HEADER * 0.3).max(4.0),
            );
            let max_width = rect.width() - 2.0 * inset.x;
            if max_width < 24.0 || rect.height() < size * 2.0 {
                continue;
            }
            let galley = self.galley(text::first_line(&zone.name), size, max_width);
            let kind = zone.kind.as_ref();
            let color = if self.palette.dark {
                self.palette.zone(kind).lerp_to_gamma(Color32::WHITE, 0.35)
            } else {
                self.palette.zone(kind).lerp_to_gamma(Color32::BLACK, 0.3)
            };
            let name_rect = Rect::from_min_size(rect.min + inset, galley.size()).expand(4.0);
            if on_plates {
                self.shapes
                    .push(Shape::rect_filled(name_rect, 4, self.palette.label_fill));
            }
            name_rects.push((zone.id, self.view.to_screen.inverse() * name_rect));
            // The words themselves; the plate around them is only for picking.
            let text_rect = Rect::from_min_size(rect.min + inset, galley.size());
            self.drawn
                .push(DrawnKind::ZoneName, Some(ItemRef::Zone(zone.id)), text_rect);
            self.text_at(rect.min + inset, galley, color);
        }
    }

    /// Connections: lines with heads first, then their labels on top of all lines.
    /// Where each label went is recorded in `label_rects` (scene units) for hit testing.
    pub fn connections(
        &mut self,
        project: &Project,
        placement: &Placement,
        highlight: &Highlight,
        label_rects: &mut Vec<(ConnectionId, Rect)>,
    ) {
        label_rects.clear();
        let clip = self.view.rect_on_screen.expand(16.0);
        let mut labelled = Vec::new();
        for placed in &placement.connections {
            let connection = &project.connections[placed.index];
            let emphasis = highlight.of(ItemRef::Connection(connection.id));
            let base = self.zoomed(1.5).clamp(1.0, 3.0);
            let stroke = match emphasis {
                Emphasis::Selected => Stroke::new(base + 1.0, self.palette.accent),
                Emphasis::Hovered => Stroke::new(base + 0.5, self.palette.hover),
                Emphasis::Normal => Stroke::new(base, self.palette.connection),
            };
            let dashed = text::is_dashed(connection);
            let both_ways = connection.direction == Direction::BothWays;
            let head = self.zoomed(10.0).clamp(5.0, 16.0);
            match placed.path {
                ConnectionPath::Straight { from, to } => {
                    let (from, to) = (
                        self.view.screen_from_scene(from),
                        self.view.screen_from_scene(to),
                    );
                    let dir = (to - from).normalized();
                    // The line stops inside the head, so its end does not poke through the tip.
                    let line_to = to - dir * head * 0.7;
                    let line_from = if both_ways {
                        from + dir * head * 0.7
                    } else {
                        from
                    };
                    self.line(line_from, line_to, stroke, dashed, clip);
                    self.arrow_head(to, dir, head, stroke.color);
                    if both_ways {
                        self.arrow_head(from, -dir, head, stroke.color);
                    }
                }
                ConnectionPath::Loop { shape, .. } => {
                    let points: Vec<Pos2> = shape
                        .points(20)
                        .into_iter()
                        .map(|p| self.view.screen_from_scene(p))
                        .collect();
                    self.polyline(points, stroke, dashed);
                    let tip = self.view.screen_from_scene(shape.at(1.0));
                    self.arrow_head(tip, shape.direction_at(1.0), head, stroke.color);
                    if both_ways {
                        let tail = self.view.screen_from_scene(shape.at(0.0));
                        self.arrow_head(tail, -shape.direction_at(0.0), head, stroke.color);
                    }
                }
                ConnectionPath::Bent { span } => {
                    let line = span.of(&placement.bend_points);
                    self.bent_line(line, stroke, dashed, both_ways, head);
                }
            }
            // A bent line's label sits on its longest straight stretch.
            let label_path = match placed.path {
                ConnectionPath::Bent { span } => {
                    match bends::longest_segment(span.of(&placement.bend_points)) {
                        Some((from, to)) => ConnectionPath::Straight { from, to },
                        None => continue,
                    }
                }
                path => path,
            };
            labelled.push((placed.index, label_path, emphasis));
        }
        self.connection_labels(project, labelled, label_rects);
    }

    fn polyline(&mut self, points: Vec<Pos2>, stroke: Stroke, dashed: bool) {
        if dashed {
            let (dash, gap) = self.dash_pattern();
            Shape::dashed_line_many(&points, stroke, dash, gap, &mut self.shapes);
        } else {
            self.shapes.push(Shape::line(points, stroke));
        }
    }

    /// A line through its waypoints (scene units), with its heads; like a straight one,
    /// it stops inside each head so it does not poke through the tip.
    fn bent_line(
        &mut self,
        line: &[Pos2],
        stroke: Stroke,
        dashed: bool,
        both_ways: bool,
        head: f32,
    ) {
        let mut points: Vec<Pos2> = line
            .iter()
            .map(|p| self.view.screen_from_scene(*p))
            .collect();
        let (arrival, departure) = (bends::arrival(&points), bends::departure(&points));
        let (Some(&tip), Some(&tail)) = (points.last(), points.first()) else {
            return;
        };
        if let Some(last) = points.last_mut() {
            *last = tip - arrival * head * 0.7;
        }
        if both_ways {
            points[0] = tail + departure * head * 0.7;
        }
        self.polyline(points, stroke, dashed);
        self.arrow_head(tip, arrival, head, stroke.color);
        if both_ways {
            self.arrow_head(tail, -departure, head, stroke.color);
        }
    }

    fn dash_pattern(&self) -> (f32, f32) {
        (self.zoomed(8.0).max(3.0), self.zoomed(5.0).max(2.0))
    }

    /// A straight line on screen, cut to `clip` first so long dashed lines stay cheap; the
    /// dash phase is kept, so dashes do not crawl while panning.
    fn line(&mut self, from: Pos2, to: Pos2, stroke: Stroke, dashed: bool, clip: Rect) {
        let Some((a, b, skipped)) = clip_segment(from, to, clip) else {
            return;
        };
        if dashed {
            let (dash, gap) = self.dash_pattern();
            let phase = skipped % (dash + gap);
            Shape::dashed_line_many_with_offset(
                &[a, b],
                stroke,
                &[dash],
                &[gap],
                phase,
                &mut self.shapes,
            );
        } else {
            self.shapes.push(Shape::line_segment([a, b], stroke));
        }
    }

    fn arrow_head(&mut self, tip: Pos2, dir: Vec2, length: f32, color: Color32) {
        if !self.view.rect_on_screen.expand(length).contains(tip) {
            return;
        }
        let points = arrow_head(tip, dir, length).to_vec();
        self.shapes
            .push(Shape::convex_polygon(points, color, Stroke::NONE));
    }

    /// Systems as boxes: a sensitivity stripe on the left, name, technology, SLA and a
    /// sensitivity badge.
    pub fn systems(
        &mut self,
        project: &Project,
        placement: &Placement,
        highlight: &Highlight,
        marks: &FindingMarks,
    ) {
        for &i in &placement.visible_systems {
            let system = &project.systems[i];
            let emphasis = highlight.of(ItemRef::System(system.id));
            let badged = marks.system(system.id).is_some();
            self.system_box(system, placement.system_rects[i], emphasis, badged);
        }
    }

    fn system_box(&mut self, system: &System, scene_rect: Rect, emphasis: Emphasis, badged: bool) {
        let rect = self.view.rect_on_screen(scene_rect);
        let palette = self.palette;
        let radius = self.zoomed(7.0).clamp(1.0, 12.0);
        let shadow = Shadow {
            offset: [0, 2],
            blur: 10,
            spread: 0,
            color: palette.shadow,
        };
        self.shapes.push(Shape::Rect(shadow.as_shape(rect, radius)));
        self.shapes
            .push(Shape::rect_filled(rect, radius, palette.box_fill));

        let sensitivity = system.sensitivity.as_ref();
        let tint = palette.sensitivity(sensitivity);
        let stripe = Rect::from_min_max(
            rect.min,
            pos2(rect.min.x + self.zoomed(6.0).max(2.0), rect.max.y),
        );
        let r = radius.round().clamp(0.0, 255.0) as u8;
        let stripe_radius = CornerRadius {
            nw: r,
            sw: r,
            ne: 0,
            se: 0,
        };
        self.shapes
            .push(Shape::rect_filled(stripe, stripe_radius, tint));

        let (stroke, kind) = match emphasis {
            Emphasis::Selected => (Stroke::new(2.5, palette.accent), StrokeKind::Outside),
            Emphasis::Hovered => (Stroke::new(1.5, palette.hover), StrokeKind::Inside),
            Emphasis::Normal => (Stroke::new(1.0, palette.box_stroke), StrokeKind::Inside),
        };
        self.shapes
            .push(Shape::rect_stroke(rect, radius, stroke, kind));

        self.system_text(system, rect, tint, badged);
        if system.pinned {
            self.pin(rect);
        }
        if emphasis != Emphasis::Normal {
            self.connect_handle(self.view.screen_from_scene(connect_handle(scene_rect)));
        }
    }

    /// The dot on a hovered or selected box to drag a new connection from.
    fn connect_handle(&mut self, centre: Pos2) {
        let radius = self.zoomed(5.0).clamp(3.5, 6.0);
        self.shapes.push(Shape::circle_filled(
            centre,
            radius + 1.5,
            self.palette.box_fill,
        ));
        self.shapes
            .push(Shape::circle_filled(centre, radius, self.palette.accent));
    }

    /// The connection being drawn: from the source box's edge to the pointer, or to the
    /// edge of the box it would connect to.
    pub fn connect_preview(&mut self, from: Rect, pointer: Pos2, target: Option<Rect>) {
        let end = target
            .and_then(|t| ray_exit(t, t.center(), from.center() - t.center()))
            .unwrap_or(pointer);
        let Some(start) = ray_exit(from, from.center(), end - from.center()) else {
            return;
        };
        let (start, end) = (
            self.view.screen_from_scene(start),
            self.view.screen_from_scene(end),
        );
        if (end - start).length() < 4.0 {
            return;
        }
        let stroke = Stroke::new(2.0, self.palette.accent);
        let head = self.zoomed(10.0).clamp(6.0, 16.0);
        let dir = (end - start).normalized();
        let clip = self.view.rect_on_screen;
        self.line(start, end - dir * head * 0.7, stroke, true, clip);
        self.arrow_head(end, dir, head, stroke.color);
    }

    /// The rubber band being dragged out.
    pub fn band(&mut self, band_in_scene: Rect) {
        let rect = self.view.rect_on_screen(band_in_scene);
        self.shapes.push(Shape::Rect(RectShape::new(
            rect,
            2,
            self.palette.accent.gamma_multiply(0.12),
            Stroke::new(1.0, self.palette.accent),
            StrokeKind::Inside,
        )));
    }
}
