//! The key along the bottom-left edge: what the stripe colours and line styles mean.
//! One slim row at a fixed size on screen, whatever the zoom, so it hides little of the
//! landscape; fitting keeps the landscape above it (see [`RESERVED_HEIGHT`]).

use egui::epaint::RectShape;
use egui::{Color32, FontId, Galley, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};
use std::sync::Arc;

use super::draw::{Drawing, LOCK};
use crate::model::Sensitivity;

const FONT: f32 = 11.5;
const ROW: f32 = 22.0;
const PADDING: f32 = 8.0;
const SWATCH: f32 = 16.0;
/// Between a swatch and its text, and between items.
const GAP: f32 = 5.0;
const ITEM_GAP: f32 = 14.0;
const MARGIN: f32 = 8.0;

/// Screen space the key takes at the bottom of the canvas, which fitting leaves free.
pub(super) const RESERVED_HEIGHT: f32 = ROW + 2.0 * MARGIN;

#[derive(Clone, Copy)]
enum Swatch {
    Colour(Color32),
    Line { dashed: bool },
    Lock,
}

impl Drawing<'_> {
    /// Draws the key; returns where (nothing on a cramped canvas).
    pub fn legend(&mut self) -> Option<Rect> {
        let canvas = self.view.rect_on_screen;
        // On a cramped canvas the landscape matters more than the key.
        if canvas.width() < 320.0 || canvas.height() < 200.0 {
            return None;
        }
        let palette = self.palette;
        let mut items: Vec<(Swatch, &str)> = Sensitivity::KNOWN
            .iter()
            .map(|s| (Swatch::Colour(palette.sensitivity(Some(s))), s.label()))
            .collect();
        items.push((Swatch::Colour(palette.sensitivity(None)), "Other / not set"));
        let styles_start = items.len();
        items.push((Swatch::Line { dashed: false }, "Synchronous"));
        items.push((Swatch::Line { dashed: true }, "Asynchronous"));
        items.push((Swatch::Lock, "Encrypted"));

        let laid_out: Vec<(Swatch, Arc<Galley>)> = items
            .into_iter()
            .map(|(swatch, text)| (swatch, self.text(text)))
            .collect();
        let widths: Vec<f32> = laid_out
            .iter()
            .map(|(_, galley)| SWATCH + GAP + galley.size().x)
            .collect();

        // Items flow left to right and wrap, most of all on a narrow canvas.
        let max_width = canvas.width() - 2.0 * MARGIN - 2.0 * PADDING;
        let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
        let mut row_width = 0.0;
        for (i, width) in widths.iter().enumerate() {
            let gap = if i == styles_start {
                2.0 * ITEM_GAP
            } else {
                ITEM_GAP
            };
            let needed = if row_width > 0.0 { gap + width } else { *width };
            if row_width > 0.0 && row_width + needed > max_width {
                rows.push(Vec::new());
                row_width = *width;
            } else {
                row_width += needed;
            }
            if let Some(row) = rows.last_mut() {
                row.push(i);
            }
        }
        let widest = rows
            .iter()
            .map(|row| row_extent(row, &widths, styles_start))
            .fold(0.0, f32::max);
        let size = vec2(widest + 2.0 * PADDING, rows.len() as f32 * ROW);
        let rect = Rect::from_min_size(
            pos2(canvas.min.x + MARGIN, canvas.max.y - MARGIN - size.y),
            size,
        );
        self.shapes.push(Shape::Rect(RectShape::new(
            rect,
            6,
            palette.legend_fill,
            Stroke::new(1.0, palette.legend_stroke),
            StrokeKind::Inside,
        )));
        for (r, row) in rows.iter().enumerate() {
            let mid = rect.min.y + (r as f32 + 0.5) * ROW;
            let mut x = rect.min.x + PADDING;
            for (k, &i) in row.iter().enumerate() {
                if k > 0 {
                    x += if i == styles_start {
                        2.0 * ITEM_GAP
                    } else {
                        ITEM_GAP
                    };
                }
                let (swatch, galley) = &laid_out[i];
                self.swatch(*swatch, pos2(x, mid));
                let text_pos = pos2(x + SWATCH + GAP, mid - galley.size().y / 2.0);
                self.shapes.push(Shape::galley(
                    text_pos.round(),
                    galley.clone(),
                    palette.text,
                ));
                x += widths[i];
            }
        }
        Some(rect)
    }

    fn text(&mut self, text: &str) -> Arc<Galley> {
        self.labels
            .get(self.ctx, text, FontId::proportional(FONT), f32::INFINITY)
    }

    /// A swatch whose left edge is at `left_mid.x`, centred on `left_mid.y`.
    fn swatch(&mut self, swatch: Swatch, left_mid: Pos2) {
        let palette = self.palette;
        let (from, to) = (left_mid, left_mid + vec2(SWATCH, 0.0));
        match swatch {
            Swatch::Colour(colour) => {
                let r = Rect::from_min_size(left_mid - vec2(0.0, 5.0), vec2(SWATCH, 10.0));
                self.shapes.push(Shape::rect_filled(r, 2, colour));
            }
            Swatch::Line { dashed: false } => {
                self.shapes.push(Shape::line_segment(
                    [from, to],
                    Stroke::new(1.5, palette.connection),
                ));
            }
            Swatch::Line { dashed: true } => {
                self.shapes.extend(Shape::dashed_line(
                    &[from, to],
                    Stroke::new(1.5, palette.connection),
                    4.0,
                    3.0,
                ));
            }
            Swatch::Lock if self.lock_glyph => {
                let galley = self.text(&LOCK.to_string());
                let pos = left_mid + vec2((SWATCH - galley.size().x) / 2.0, -galley.size().y / 2.0);
                self.shapes
                    .push(Shape::galley(pos.round(), galley, palette.text));
            }
            Swatch::Lock => self.padlock(left_mid + vec2(SWATCH / 2.0, 0.0), FONT, palette.text),
        }
    }
}

/// The width of one row of items.
fn row_extent(row: &[usize], widths: &[f32], styles_start: usize) -> f32 {
    row.iter()
        .enumerate()
        .map(|(k, &i)| {
            let gap = match k {
                0 => 0.0,
                _ if i == styles_start => 2.0 * ITEM_GAP,
                _ => ITEM_GAP,
            };
            gap + widths[i]
        })
        .sum()
}
