//! The key under the landscape: what the stripe colours and line styles mean, as the
//! canvas's legend says it, wrapped to the picture's width.

use super::draw::padlock;
use super::font;
use super::style::{self, Colour};
use super::svg::{Paint, Svg};
use crate::model::{Point, Rect, Sensitivity, Size};

const ROW: f32 = 22.0;
const PADDING: f32 = 8.0;
const SWATCH: f32 = 16.0;
/// Between a swatch and its text, and between items.
const GAP: f32 = 5.0;
const ITEM_GAP: f32 = 14.0;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Swatch {
    Colour(Colour),
    Line { dashed: bool },
    Lock,
}

/// The key laid out: each item's swatch, text and place.
pub struct Legend {
    items: Vec<(Swatch, &'static str, Point)>,
    pub size: Size,
}

fn items() -> Vec<(Swatch, &'static str)> {
    let mut items: Vec<(Swatch, &str)> = Sensitivity::KNOWN
        .iter()
        .map(|s| (Swatch::Colour(style::sensitivity(Some(s))), s.label()))
        .collect();
    items.push((Swatch::Colour(style::sensitivity(None)), "Other / not set"));
    items.push((Swatch::Line { dashed: false }, "Synchronous"));
    items.push((Swatch::Line { dashed: true }, "Asynchronous"));
    items.push((Swatch::Lock, "Encrypted"));
    items
}

impl Legend {
    /// Items flow left to right and wrap at `max_width`; the line styles start a group of
    /// their own.
    pub fn layout(max_width: f32) -> Legend {
        let all = items();
        let styles_start = all.len() - 3;
        let mut placed = Vec::new();
        let (mut x, mut row, mut widest) = (0.0_f32, 0_usize, 0.0_f32);
        let inner = (max_width - 2.0 * PADDING).max(SWATCH * 4.0);
        for (i, (swatch, text)) in all.into_iter().enumerate() {
            let width = SWATCH + GAP + font::width(text, style::LEGEND_FONT);
            let gap = if i == styles_start {
                2.0 * ITEM_GAP
            } else {
                ITEM_GAP
            };
            if x > 0.0 && x + gap + width > inner {
                row += 1;
                x = 0.0;
            } else if x > 0.0 {
                x += gap;
            }
            let mid = (row as f32 + 0.5) * ROW;
            placed.push((swatch, text, Point::new(PADDING + x, mid)));
            x += width;
            widest = widest.max(x);
        }
        Legend {
            items: placed,
            size: Size {
                width: widest + 2.0 * PADDING,
                height: (row + 1) as f32 * ROW,
            },
        }
    }

    /// Draws the key with its top-left corner at `origin`.
    pub fn draw(&self, svg: &mut Svg, origin: Point) {
        svg.open_group("legend", Some("Legend"));
        let plate = Rect::from_min_size(origin, self.size);
        let paint = Paint::fill(style::LEGEND_FILL).and_stroke(1.0, style::LEGEND_STROKE);
        svg.rect(plate.expand(-0.5), 6.0, paint, "");
        for &(swatch, text, at) in &self.items {
            let left_mid = Point::new(origin.x + at.x, origin.y + at.y);
            draw_swatch(svg, swatch, left_mid);
            let top = left_mid.y - style::LEGEND_FONT * style::LINE_HEIGHT / 2.0;
            let text_at = Point::new(left_mid.x + SWATCH + GAP, top);
            svg.text(text_at, text, style::LEGEND_FONT, style::TEXT);
        }
        svg.close_group();
    }
}

/// A swatch whose left edge is at `left_mid.x`, centred on `left_mid.y`.
fn draw_swatch(svg: &mut Svg, swatch: Swatch, left_mid: Point) {
    let to = Point::new(left_mid.x + SWATCH, left_mid.y);
    match swatch {
        Swatch::Colour(colour) => {
            let min = Point::new(left_mid.x, left_mid.y - 5.0);
            let rect = Rect::from_min_size(
                min,
                Size {
                    width: SWATCH,
                    height: 10.0,
                },
            );
            svg.rect(rect, 2.0, Paint::fill(colour), "");
        }
        Swatch::Line { dashed } => {
            let mut paint = Paint::stroke(style::LINE_WIDTH, style::CONNECTION);
            if dashed {
                paint = paint.dashed((4.0, 3.0));
            }
            svg.polyline(&[left_mid, to], paint);
        }
        Swatch::Lock => padlock(
            svg,
            Point::new(left_mid.x + SWATCH / 2.0, left_mid.y),
            style::LEGEND_FONT,
            style::TEXT,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_wraps_to_the_width_it_is_given() {
        let wide = Legend::layout(2000.0);
        assert_eq!(wide.size.height, ROW);
        let narrow = Legend::layout(300.0);
        assert!(narrow.size.height > ROW);
        assert!(narrow.size.width <= 300.0);
        assert_eq!(narrow.items.len(), wide.items.len());
    }
}
