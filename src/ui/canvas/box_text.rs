//! The words on a box: its name, technology, SLA and sensitivity. The name stays readable
//! at every zoom where the box is more than a few points big: below its natural size it is
//! drawn at [`NAME_MIN_FONT`], cut with "…", and the secondary lines go first. A box with
//! a finding badge keeps the badge's corner free of text.

use std::sync::Arc;

use egui::{Color32, FontId, Galley, Pos2, Rect, Shape, pos2, vec2};

use super::badges::{BADGE_RADIUS, system_badge_centre};
use super::draw::Drawing;
use super::drawn::DrawnKind;
use super::placement::Placement;
use super::text;
use crate::model::{ItemRef, Project, System};

/// The smallest a system's name is drawn on screen, in points.
pub(super) const NAME_MIN_FONT: f32 = 11.0;
/// Below this size on screen the technology, SLA and sensitivity lines are left out.
const DETAIL_MIN_FONT: f32 = 8.0;
/// Narrower than this on screen, a box has no room for even a shortened name.
const NAME_MIN_WIDTH: f32 = 14.0;
/// Far out, names are drawn only while this few boxes show: they are how a small
/// landscape is read, and in a big one they would be a haze of ellipses.
const OVERVIEW_NAMES_MAX: usize = 400;

impl Drawing<'_> {
    /// The name's size on screen for text that is `size_in_scene` big in the scene, never
    /// below [`NAME_MIN_FONT`], in half points (so zooming reuses glyphs).
    fn name_font(&self, size_in_scene: f32) -> f32 {
        ((self.zoomed(size_in_scene) * 2.0).round() / 2.0).max(NAME_MIN_FONT)
    }

    /// The text rows of a box, each only where it fits: a box can be resized small.
    pub(super) fn system_text(&mut self, system: &System, rect: Rect, tint: Color32, badged: bool) {
        let item = Some(ItemRef::System(system.id));
        let palette = self.palette;
        let stripe = self.zoomed(6.0).max(2.0);
        let left = rect.min.x + self.zoomed(16.0).max(stripe + 4.0);
        let mut right = rect.max.x - self.zoomed(10.0).max(3.0);
        let bottom = rect.max.y - self.zoomed(9.0);
        let name_size = self.name_font(14.0);
        // The badge has the top-right corner: the name and the lines below keep clear.
        if badged {
            right = right.min(system_badge_centre(rect).x - BADGE_RADIUS - 2.0);
        }
        let small = self
            .view
            .font_size(11.5)
            .filter(|size| *size >= DETAIL_MIN_FONT);
        // Without its secondary lines a box has room for a name on two lines.
        let rows = if small.is_some() { 1 } else { 2 };
        let Some((name, top)) = self.name_galley(system, rect, left..=right, name_size, rows)
        else {
            return;
        };
        let width = right - left;
        let below_name = top + name.size().y + self.zoomed(2.0);
        let name_rect = Rect::from_min_size(pos2(left, top), name.size());
        self.drawn.push(DrawnKind::SystemName, item, name_rect);
        self.text_at(name_rect.min, name, palette.title);

        let badge_size = self.view.font_size(10.5);
        // The bottom row: SLA on the left, the sensitivity badge on the right.
        let mut bottom_row_top = bottom;
        if let Some(size) = small {
            let sla = self.galley(&text::sla(system), size, width * 0.5);
            let row_top = bottom - sla.size().y;
            if row_top >= below_name {
                bottom_row_top = row_top;
                let color = if system.availability.percent.is_some() {
                    palette.text
                } else {
                    palette.weak
                };
                let sla_rect = Rect::from_min_size(pos2(left, row_top), sla.size());
                self.drawn.push(DrawnKind::SystemDetail, item, sla_rect);
                self.text_at(sla_rect.min, sla, color);
                if let (Some(size), Some(badge)) = (
                    badge_size,
                    text::sensitivity_badge(system.sensitivity.as_ref()),
                ) {
                    let corner = pos2(rect.max.x - self.zoomed(10.0), bottom);
                    let plate = self.badge(badge, size, tint, corner, width * 0.5);
                    self.drawn.push(DrawnKind::SystemDetail, item, plate);
                }
            }
        }
        if let Some(size) = small
            && !system.technology.trim().is_empty()
        {
            let technology = self.galley(text::first_line(&system.technology), size, width);
            if below_name + technology.size().y <= bottom_row_top {
                let rect = Rect::from_min_size(pos2(left, below_name), technology.size());
                self.drawn.push(DrawnKind::SystemDetail, item, rect);
                self.text_at(rect.min, technology, palette.weak);
            }
        }
    }

    /// The name on at most `rows` lines between `x.start()` and `x.end()`, and where its
    /// top goes: at the box's usual padding, or centred in a box too short for that. Fewer
    /// lines where the box is too low; `None` when not even one fits.
    fn name_galley(
        &mut self,
        system: &System,
        rect: Rect,
        x: std::ops::RangeInclusive<f32>,
        size: f32,
        rows: usize,
    ) -> Option<(Arc<Galley>, f32)> {
        let width = x.end() - x.start();
        if width < NAME_MIN_WIDTH {
            return None;
        }
        let text = text::first_line(&system.name);
        // Two lines only where no word has to be broken to get there: "Custom / er" reads
        // worse than "Customer i…".
        let font = FontId::proportional(size);
        let rows = if rows > 1
            && text.split_whitespace().any(|word| {
                let word = self.labels.get(self.ctx, word, font.clone(), f32::INFINITY);
                word.size().x > width
            }) {
            1
        } else {
            rows
        };
        let name = (1..=rows)
            .rev()
            .map(|rows| {
                self.labels
                    .get_rows(self.ctx, text, FontId::proportional(size), width, rows)
            })
            .find(|name| name.size().y <= rect.height() - 2.0)?;
        let height = name.size().y;
        let top = rect.min.y + self.zoomed(10.0);
        let top = if top + height <= rect.max.y - 2.0 {
            top
        } else {
            rect.center().y - height / 2.0
        };
        Some((name, top))
    }

    /// Far out, a name on each box big enough for one, where no zone name covers it.
    pub fn overview_names(&mut self, project: &Project, placement: &Placement) {
        if placement.visible_systems.len() > OVERVIEW_NAMES_MAX {
            return;
        }
        for &i in &placement.visible_systems {
            let system = &project.systems[i];
            let rect = self.view.rect_on_screen(placement.system_rects[i]);
            let (left, right) = (rect.min.x + 5.0, rect.max.x - 3.0);
            if right - left < 2.0 * NAME_MIN_WIDTH {
                continue;
            }
            let name = self.galley(text::first_line(&system.name), NAME_MIN_FONT, right - left);
            if name.size().y > rect.height() - 2.0 {
                continue;
            }
            let top = rect.center().y - name.size().y / 2.0;
            let name_rect = Rect::from_min_size(pos2(left, top), name.size());
            if !self.drawn.is_free(name_rect) {
                continue;
            }
            let item = Some(ItemRef::System(system.id));
            self.drawn.push(DrawnKind::SystemName, item, name_rect);
            self.text_at(name_rect.min, name, self.palette.title);
        }
    }

    /// A pill with the sensitivity's name in its colour, its bottom-right corner at
    /// `corner`. Returns the pill.
    fn badge(
        &mut self,
        label: &str,
        size: f32,
        tint: Color32,
        corner: Pos2,
        max_width: f32,
    ) -> Rect {
        let padding = vec2(size * 0.5, size * 0.15);
        let galley = self.galley(label, size, max_width - 2.0 * padding.x);
        let plate = Rect::from_min_max(corner - galley.size() - 2.0 * padding, corner);
        let fill = tint.gamma_multiply(if self.palette.dark { 0.22 } else { 0.14 });
        self.shapes.push(Shape::rect_filled(
            plate,
            (plate.height() / 2.0).min(255.0) as u8,
            fill,
        ));
        let text = if self.palette.dark {
            tint.lerp_to_gamma(Color32::WHITE, 0.2)
        } else {
            tint.lerp_to_gamma(Color32::BLACK, 0.2)
        };
        self.text_at(plate.min + padding, galley, text);
        plate
    }
}
