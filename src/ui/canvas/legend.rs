//! The key along the bottom-left edge: what the stripe colours and line styles mean.
//! One slim row at a fixed size on screen, whatever the zoom, so it hides little of the
//! landscape; fitting keeps the landscape above it (see [`RESERVED_HEIGHT`]). Where it
//! would cover a box it moves to the top-left corner, or shrinks to its toggle; the toggle
//! closes it for good (remembered by the app).

use egui::epaint::RectShape;
use egui::{Color32, FontId, Galley, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2, vec2};
use std::sync::Arc;

use super::draw::{Drawing, LOCK};
use super::drawn::DrawnKind;
use crate::model::Sensitivity;

const FONT: f32 = 11.5;
const ROW: f32 = 22.0;
const PADDING: f32 = 8.0;
const SWATCH: f32 = 16.0;
/// Between a swatch and its text, and between items.
const GAP: f32 = 5.0;
const ITEM_GAP: f32 = 14.0;
const MARGIN: f32 = 8.0;
/// The toggle button at the legend's start.
pub(super) const TOGGLE_WIDTH: f32 = 64.0;

/// Screen space the key takes at the bottom of the canvas, which fitting leaves free.
pub(super) const RESERVED_HEIGHT: f32 = ROW + 2.0 * MARGIN;

#[derive(Clone, Copy)]
enum Swatch {
    Colour(Color32),
    Line { dashed: bool },
    Lock,
}

/// The legend as laid out this frame: where it goes and what it holds.
pub(super) struct LegendPlan {
    /// The toggle that opens and closes the key, at the legend's start.
    pub toggle: Rect,
    /// The key itself when it is open and has room: its plate, and its items by row.
    key: Option<Key>,
}

impl LegendPlan {
    /// All the legend covers: its toggle and, when open, its key.
    pub fn area(&self) -> Rect {
        self.key
            .as_ref()
            .map_or(self.toggle, |key| key.rect.union(self.toggle))
    }
}

struct Key {
    rect: Rect,
    items: Vec<(Swatch, Arc<Galley>)>,
    widths: Vec<f32>,
    rows: Vec<Vec<usize>>,
    styles_start: usize,
}

impl Drawing<'_> {
    /// Lays the legend out in the first bottom-left or top-left corner where it covers no
    /// box and no zone name; with no such corner, or when closed, only its toggle shows.
    /// `None` on a canvas too cramped for a key.
    pub fn plan_legend(&mut self, obstacles: &[Rect], open: bool) -> Option<LegendPlan> {
        let canvas = self.view.rect_on_screen;
        // On a cramped canvas the landscape matters more than the key.
        if canvas.width() < 320.0 || canvas.height() < 200.0 {
            return None;
        }
        let key = open.then(|| self.lay_out_key(canvas.width() - TOGGLE_WIDTH - GAP));
        let toggle_size = vec2(TOGGLE_WIDTH, ROW);
        let key_size = key.as_ref().map(|k| k.rect.size());
        let free = |rect: Rect| !obstacles.iter().any(|o| o.intersects(rect.expand(2.0)));
        let corner = |size: Vec2, top: bool| {
            let y = if top {
                canvas.min.y + MARGIN
            } else {
                canvas.max.y - MARGIN - size.y
            };
            Rect::from_min_size(pos2(canvas.min.x + MARGIN, y), size)
        };
        let whole = |key: Vec2| vec2(TOGGLE_WIDTH + GAP + key.x, key.y.max(ROW));
        if let (Some(mut key), Some(key_size)) = (key, key_size) {
            for top in [false, true] {
                let rect = corner(whole(key_size), top);
                if free(rect) {
                    key.rect =
                        Rect::from_min_size(rect.min + vec2(TOGGLE_WIDTH + GAP, 0.0), key_size);
                    let toggle = Rect::from_min_size(rect.min, toggle_size);
                    self.drawn.push(DrawnKind::Legend, None, rect);
                    return Some(LegendPlan {
                        toggle,
                        key: Some(key),
                    });
                }
            }
        }
        let toggle = [false, true]
            .map(|top| corner(toggle_size, top))
            .into_iter()
            .find(|rect| free(*rect))
            .unwrap_or_else(|| corner(toggle_size, false));
        self.drawn.push(DrawnKind::Legend, None, toggle);
        Some(LegendPlan { toggle, key: None })
    }

    /// The key's items, flowed into rows no wider than `room`; placed at the origin.
    fn lay_out_key(&mut self, room: f32) -> Key {
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

        let items: Vec<(Swatch, Arc<Galley>)> = items
            .into_iter()
            .map(|(swatch, text)| (swatch, self.text(text)))
            .collect();
        let widths: Vec<f32> = items
            .iter()
            .map(|(_, galley)| SWATCH + GAP + galley.size().x)
            .collect();

        // Items flow left to right and wrap, most of all on a narrow canvas.
        let max_width = room - 2.0 * MARGIN - 2.0 * PADDING;
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
        Key {
            rect: Rect::from_min_size(Pos2::ZERO, size),
            items,
            widths,
            rows,
            styles_start,
        }
    }

    /// Paints the planned key (the toggle is a real button, added by the canvas).
    pub fn legend(&mut self, plan: LegendPlan) {
        let Some(key) = plan.key else {
            return;
        };
        let palette = self.palette;
        let rect = key.rect;
        self.shapes.push(Shape::Rect(RectShape::new(
            rect,
            6,
            palette.legend_fill,
            Stroke::new(1.0, palette.legend_stroke),
            StrokeKind::Inside,
        )));
        for (r, row) in key.rows.iter().enumerate() {
            let mid = rect.min.y + (r as f32 + 0.5) * ROW;
            let mut x = rect.min.x + PADDING;
            for (k, &i) in row.iter().enumerate() {
                if k > 0 {
                    x += if i == key.styles_start {
                        2.0 * ITEM_GAP
                    } else {
                        ITEM_GAP
                    };
                }
                let (swatch, galley) = &key.items[i];
                self.swatch(*swatch, pos2(x, mid));
                let text_pos = pos2(x + SWATCH + GAP, mid - galley.size().y / 2.0);
                self.shapes.push(Shape::galley(
                    text_pos.round(),
                    galley.clone(),
                    palette.text,
                ));
                x += key.widths[i];
            }
        }
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
