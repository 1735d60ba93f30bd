//! Laid-out text kept across frames. Labels are laid out at their on-screen size (that is
//! what keeps them crisp at any zoom), so a frame can need hundreds of them; laying each out
//! once and reusing the `Arc<Galley>` keeps text off the frame time.
//!
//! Galleys are laid out with the placeholder colour and coloured when painted, so hovering
//! or selecting an item (which changes its colours) reuses the same galley.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontId, Galley};

/// Entries unused for this many frames are dropped (old zoom levels, renamed items).
const KEEP_FRAMES: u64 = 120;

#[derive(Default)]
pub(super) struct LabelCache {
    entries: HashMap<u64, Entry>,
    frame: u64,
    pixels_per_point: f32,
    atlas_fill: f32,
    /// egui rebuilds its font atlas when these change (switching between dark and light
    /// themes does), and the cached galleys then point at glyphs that are gone.
    text_options: Option<egui::epaint::text::TextOptions>,
}

struct Entry {
    text: Box<str>,
    font: FontId,
    max_width: u32,
    rows: usize,
    galley: Arc<Galley>,
    last_used: u64,
}

impl LabelCache {
    /// Call once per frame before [`Self::get`].
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.frame += 1;
        let pixels_per_point = ctx.pixels_per_point();
        // egui empties its font atlas when it fills up; galleys made before then point at
        // glyphs that are gone. The fill ratio only ever drops when that happens.
        let (atlas_fill, text_options) =
            ctx.fonts(|fonts| (fonts.font_atlas_fill_ratio(), *fonts.options()));
        if pixels_per_point != self.pixels_per_point
            || atlas_fill < self.atlas_fill
            || self.text_options.as_ref() != Some(&text_options)
        {
            self.entries.clear();
        }
        self.pixels_per_point = pixels_per_point;
        self.atlas_fill = atlas_fill;
        self.text_options = Some(text_options);
        if self.frame.is_multiple_of(KEEP_FRAMES) {
            let frame = self.frame;
            self.entries
                .retain(|_, entry| entry.last_used + KEEP_FRAMES >= frame);
        }
    }

    /// `text` in `font` on one line, cut with "…" if wider than `max_width` points.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        text: &str,
        font: FontId,
        max_width: f32,
    ) -> Arc<Galley> {
        self.get_rows(ctx, text, font, max_width, 1)
    }

    /// `text` in `font` wrapped at `max_width` points into at most `rows` lines, the last
    /// cut with "…" if the text goes on.
    pub fn get_rows(
        &mut self,
        ctx: &egui::Context,
        text: &str,
        font: FontId,
        max_width: f32,
        rows: usize,
    ) -> Arc<Galley> {
        let rows = rows.max(1);
        // Whole points are fine for the cut, and keep float noise from missing the cache.
        let max_width = if max_width.is_finite() {
            max_width.max(1.0).round() as u32
        } else {
            u32::MAX
        };
        let key = {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            (text, &font, max_width, rows).hash(&mut hasher);
            hasher.finish()
        };
        let frame = self.frame;
        if let Some(entry) = self.entries.get_mut(&key)
            && *entry.text == *text
            && entry.font == font
            && entry.max_width == max_width
            && entry.rows == rows
        {
            entry.last_used = frame;
            return entry.galley.clone();
        }
        let mut job = LayoutJob::single_section(
            text.to_owned(),
            TextFormat::simple(font.clone(), Color32::PLACEHOLDER),
        );
        if max_width != u32::MAX {
            job.wrap = if rows == 1 {
                TextWrapping::truncate_at_width(max_width as f32)
            } else {
                TextWrapping {
                    max_rows: rows,
                    ..TextWrapping::wrap_at_width(max_width as f32)
                }
            };
        }
        let galley = ctx.fonts_mut(|fonts| fonts.layout_job(job));
        self.entries.insert(
            key,
            Entry {
                text: text.into(),
                font,
                max_width,
                rows,
                galley: galley.clone(),
                last_used: frame,
            },
        );
        galley
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_ctx(test: impl FnOnce(&egui::Context)) {
        let ctx = egui::Context::default();
        let mut test = Some(test);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            if let Some(test) = test.take() {
                test(ui.ctx());
            }
        });
        output.textures_delta.clear();
    }

    #[test]
    fn the_same_label_is_laid_out_once() {
        with_ctx(|ctx| {
            let mut cache = LabelCache::default();
            cache.begin_frame(ctx);
            let a = cache.get(ctx, "Order service", FontId::proportional(14.0), 300.0);
            let b = cache.get(ctx, "Order service", FontId::proportional(14.0), 300.0);
            assert!(Arc::ptr_eq(&a, &b));
            let c = cache.get(ctx, "Order service", FontId::proportional(14.5), 300.0);
            assert!(!Arc::ptr_eq(&a, &c));
            assert_eq!(cache.len(), 2);
        });
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        with_ctx(|ctx| {
            let mut cache = LabelCache::default();
            cache.begin_frame(ctx);
            let long = "Place order: cart lines, customer, delivery address and payment data";
            let galley = cache.get(ctx, long, FontId::proportional(11.0), 80.0);
            assert!(galley.size().x <= 80.5, "{}", galley.size().x);
            assert!(galley.elided);
            let shown: String = galley.rows.iter().map(|row| row.text()).collect();
            assert!(shown.ends_with('…'), "{shown}");
        });
    }

    #[test]
    fn switching_themes_lays_labels_out_again() {
        let ctx = egui::Context::default();
        let mut cache = LabelCache::default();
        let mut galleys = Vec::new();
        for theme in [egui::Theme::Dark, egui::Theme::Light] {
            ctx.set_theme(theme);
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                cache.begin_frame(ui.ctx());
                galleys.push(cache.get(
                    ui.ctx(),
                    "Order service",
                    FontId::proportional(14.0),
                    300.0,
                ));
            });
            output.textures_delta.clear();
        }
        assert!(
            !Arc::ptr_eq(&galleys[0], &galleys[1]),
            "a galley from the dark theme's font atlas was reused in the light theme"
        );
    }

    #[test]
    fn unused_entries_expire() {
        with_ctx(|ctx| {
            let mut cache = LabelCache::default();
            cache.begin_frame(ctx);
            cache.get(ctx, "old", FontId::proportional(11.0), f32::INFINITY);
            for _ in 0..=KEEP_FRAMES * 2 {
                cache.begin_frame(ctx);
            }
            assert_eq!(cache.len(), 0);
        });
    }
}
