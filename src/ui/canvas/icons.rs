//! Small pictures drawn on the canvas: the padlock of an encrypted flow, the pin of a
//! pinned box.

use egui::{Color32, Pos2, Rect, Shape, Stroke, pos2, vec2};

use super::draw::Drawing;

impl Drawing<'_> {
    /// A small padlock for fonts without the lock emoji: a body and a shackle.
    pub fn padlock(&mut self, centre: Pos2, size: f32, color: Color32) {
        let body = Rect::from_center_size(
            centre + vec2(0.0, size * 0.15),
            vec2(size * 0.62, size * 0.45),
        );
        let radius = size * 0.2;
        let shackle_centre = pos2(centre.x, body.top());
        let points: Vec<Pos2> = (0..=10)
            .map(|i| {
                let angle = std::f32::consts::PI * (1.0 + i as f32 / 10.0);
                shackle_centre + radius * vec2(angle.cos(), angle.sin())
            })
            .collect();
        self.shapes.push(Shape::line(
            points,
            Stroke::new((size * 0.11).max(1.0), color),
        ));
        self.shapes
            .push(Shape::rect_filled(body, (size * 0.08) as u8, color));
    }

    /// A push pin stuck into the top edge of a pinned box, clear of its name and badges.
    pub(super) fn pin(&mut self, rect: Rect) {
        let palette = self.palette;
        let radius = self.zoomed(4.5).clamp(2.0, 7.0);
        let head = pos2(rect.max.x - self.zoomed(34.0), rect.min.y);
        let needle = Stroke::new((radius * 0.35).max(1.0), palette.box_stroke);
        self.shapes.push(Shape::line_segment(
            [head, head + vec2(0.0, radius * 2.2)],
            needle,
        ));
        self.shapes
            .push(Shape::circle_filled(head, radius, palette.accent));
        self.shapes.push(Shape::circle_stroke(
            head,
            radius,
            Stroke::new(1.0, palette.box_stroke),
        ));
    }
}
