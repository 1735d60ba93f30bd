//! Painting far out, where boxes are a few pixels and thousands of connections overlap.
//! No text, no heads, no dashes: every box and every line goes into one mesh each, built
//! directly, because at 10,000 systems and 30,000 connections the per-shape cost of the
//! tessellator would be most of the frame.
//!
//! The meshes are megabytes at that size. They are kept between frames and refilled in
//! place: egui has dropped its handle on them by the next frame, so the buffers are reused
//! instead of being allocated (and page-faulted in) anew every frame.

use std::sync::Arc;

use egui::epaint::Mesh;
use egui::{Color32, Pos2, Shape, Stroke, StrokeKind};

use super::draw::{Drawing, Emphasis, Highlight};
use super::placement::Placement;
use crate::model::{ItemRef, Project};

impl Drawing<'_> {
    pub fn overview_connections(
        &mut self,
        project: &Project,
        placement: &Placement,
        highlight: &Highlight,
    ) {
        let pixel = 1.0 / self.ctx.pixels_per_point();
        // Farthest out, thousands of lines make a haze in which nobody sees jagged edges:
        // plain one-pixel quads are a third of the data of soft-edged lines.
        let soft = self.view.zoom() >= HAZE_MAX_ZOOM;
        let color = self.palette.connection_faint;
        let mut lines = std::mem::take(&mut self.meshes.lines);
        let mesh = refill(&mut lines);
        mesh.reserve_vertices(placement.connections.len() * 6);
        mesh.reserve_triangles(placement.connections.len() * 4);
        let mut emphasised = Vec::new();
        for placed in &placement.connections {
            let connection = &project.connections[placed.index];
            // Far out, bent lines are placed straight (see `Placement::place_bent`).
            let (from, to) = placed.path.ends(&placement.bend_points);
            let (from, to) = (
                self.view.screen_from_scene(from),
                self.view.screen_from_scene(to),
            );
            match highlight.of(ItemRef::Connection(connection.id)) {
                Emphasis::Normal if soft => hairline(mesh, from, to, pixel, color),
                Emphasis::Normal => thin_quad(mesh, from, to, pixel, color),
                emphasis => emphasised.push((from, to, emphasis)),
            }
        }
        self.shapes.push(Shape::Mesh(lines.clone()));
        self.meshes.lines = lines;
        // Highlighted lines on top, so a selected one shows through the tangle.
        for (from, to, emphasis) in emphasised {
            let color = match emphasis {
                Emphasis::Selected => self.palette.accent,
                _ => self.palette.hover,
            };
            self.shapes
                .push(Shape::line_segment([from, to], Stroke::new(1.5, color)));
        }
    }

    pub fn overview_systems(
        &mut self,
        project: &Project,
        placement: &Placement,
        highlight: &Highlight,
    ) {
        let mut boxes = std::mem::take(&mut self.meshes.boxes);
        let mesh = refill(&mut boxes);
        mesh.reserve_vertices(placement.visible_systems.len() * 4);
        mesh.reserve_triangles(placement.visible_systems.len() * 2);
        let mut outlined = Vec::new();
        for &i in &placement.visible_systems {
            let system = &project.systems[i];
            let rect = self.view.rect_on_screen(placement.system_rects[i]);
            mesh.add_colored_rect(rect, self.palette.overview_box(system.sensitivity.as_ref()));
            let emphasis = highlight.of(ItemRef::System(system.id));
            if emphasis != Emphasis::Normal {
                outlined.push((rect, emphasis));
            }
        }
        self.shapes.push(Shape::Mesh(boxes.clone()));
        self.meshes.boxes = boxes;
        for (rect, emphasis) in outlined {
            let stroke = match emphasis {
                Emphasis::Selected => Stroke::new(2.0, self.palette.accent),
                _ => Stroke::new(1.5, self.palette.hover),
            };
            self.shapes
                .push(Shape::rect_stroke(rect, 1, stroke, StrokeKind::Outside));
        }
    }
}

/// Below this zoom connections are drawn without soft edges.
const HAZE_MAX_ZOOM: f32 = 0.1;

/// The far-out meshes, kept for reuse.
#[derive(Default)]
pub(super) struct OverviewMeshes {
    lines: Arc<Mesh>,
    boxes: Arc<Mesh>,
}

/// The mesh emptied for refilling, reusing its buffers if nobody else holds it (egui let go
/// of last frame's); otherwise a fresh one.
pub(super) fn refill(mesh: &mut Arc<Mesh>) -> &mut Mesh {
    if Arc::get_mut(mesh).is_none() {
        *mesh = Arc::default();
    }
    let mesh = Arc::make_mut(mesh);
    mesh.clear();
    mesh
}

/// A one-pixel line with soft edges: a bright spine and transparent sides, the way the
/// tessellator feathers thin strokes, in six vertices.
fn hairline(mesh: &mut Mesh, from: Pos2, to: Pos2, feather: f32, color: Color32) {
    let along = to - from;
    let length = along.length();
    if length <= f32::EPSILON || !length.is_finite() {
        return;
    }
    let side = along.rot90() * (feather / length);
    let base = mesh.vertices.len() as u32;
    for end in [from, to] {
        mesh.colored_vertex(end + side, Color32::TRANSPARENT);
        mesh.colored_vertex(end, color);
        mesh.colored_vertex(end - side, Color32::TRANSPARENT);
    }
    mesh.add_triangle(base, base + 1, base + 3);
    mesh.add_triangle(base + 1, base + 3, base + 4);
    mesh.add_triangle(base + 1, base + 2, base + 4);
    mesh.add_triangle(base + 2, base + 4, base + 5);
}

/// A line `width` wide as one quad: four vertices, two triangles.
fn thin_quad(mesh: &mut Mesh, from: Pos2, to: Pos2, width: f32, color: Color32) {
    let along = to - from;
    let length = along.length();
    if length <= f32::EPSILON || !length.is_finite() {
        return;
    }
    let side = along.rot90() * (width / (2.0 * length));
    let base = mesh.vertices.len() as u32;
    for corner in [from + side, from - side, to + side, to - side] {
        mesh.colored_vertex(corner, color);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base + 1, base + 2, base + 3);
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn meshes_are_refilled_in_place_once_egui_lets_go() {
        let mut mesh = Arc::new(Mesh::default());
        refill(&mut mesh).reserve_vertices(1000);
        let held_by_egui = mesh.clone();
        let capacity = |m: &Arc<Mesh>| m.vertices.capacity();
        assert!(capacity(&mesh) >= 1000);
        refill(&mut mesh);
        assert!(
            !Arc::ptr_eq(&mesh, &held_by_egui),
            "still in use: a new mesh"
        );
        drop(held_by_egui);
        let before = Arc::as_ptr(&mesh);
        refill(&mut mesh);
        assert_eq!(Arc::as_ptr(&mesh), before, "free again: reused");
    }

    #[test]
    fn a_thin_quad_is_four_vertices_and_two_triangles() {
        let mut mesh = Mesh::default();
        thin_quad(
            &mut mesh,
            pos2(0.0, 0.0),
            pos2(0.0, 10.0),
            1.0,
            Color32::WHITE,
        );
        assert_eq!(mesh.vertices.len(), 4);
        assert_eq!(mesh.indices.len(), 6);
        assert!(mesh.is_valid());
        let xs: Vec<f32> = mesh.vertices.iter().map(|v| v.pos.x).collect();
        assert_eq!(xs, vec![0.5, -0.5, 0.5, -0.5]);
    }

    #[test]
    fn a_hairline_is_six_vertices_and_four_triangles() {
        let mut mesh = Mesh::default();
        hairline(
            &mut mesh,
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            1.0,
            Color32::WHITE,
        );
        assert_eq!(mesh.vertices.len(), 6);
        assert_eq!(mesh.indices.len(), 12);
        assert!(mesh.is_valid());
        // A zero-length line adds nothing.
        hairline(
            &mut mesh,
            pos2(1.0, 1.0),
            pos2(1.0, 1.0),
            1.0,
            Color32::WHITE,
        );
        assert_eq!(mesh.vertices.len(), 6);
    }
}
