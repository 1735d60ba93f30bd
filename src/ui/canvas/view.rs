//! How the scene maps onto the screen this frame, and how much detail that leaves room for.
//!
//! "Screen" means egui's global coordinates (points in the window); "scene" means the
//! model's canvas coordinates, where a system's position and size live.

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2, vec2};

/// The zoom range. Below 1:1 for overviews of huge landscapes; above it for reading, which
/// is fine because labels are laid out at the zoomed size rather than scaled (see `draw`).
pub(super) const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.02..=4.0;

/// Below this zoom, boxes have no text and connections no labels or heads.
pub(super) const DETAIL_MIN_ZOOM: f32 = 0.3;

/// Fit to content never zooms in further than this, so a lone system is not blown up.
const FIT_MAX_ZOOM: f32 = 1.0;

/// Space around the landscape when fitting, in screen points.
const FIT_MARGIN_ON_SCREEN: f32 = 32.0;

/// Text smaller than this on screen is unreadable, so it is not laid out at all.
pub(super) const MIN_READABLE_FONT: f32 = 5.5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Detail {
    /// Far out: plain shapes, no text.
    Overview,
    /// Boxes with text, arrows with heads and labels.
    Full,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct View {
    /// Scene → screen.
    pub to_screen: TSTransform,
    /// The canvas area on screen (already clipped to the parent's clip rect).
    pub rect_on_screen: Rect,
    /// The part of the scene that shows, for culling.
    pub visible_in_scene: Rect,
}

impl View {
    pub fn new(to_screen: TSTransform, rect_on_screen: Rect) -> Self {
        View {
            to_screen,
            rect_on_screen,
            visible_in_scene: to_screen.inverse() * rect_on_screen,
        }
    }

    pub fn zoom(&self) -> f32 {
        self.to_screen.scaling
    }

    pub fn detail(&self) -> Detail {
        if self.zoom() < DETAIL_MIN_ZOOM {
            Detail::Overview
        } else {
            Detail::Full
        }
    }

    pub fn scene_from_screen(&self, pos_on_screen: Pos2) -> Pos2 {
        self.to_screen.inverse() * pos_on_screen
    }

    pub fn screen_from_scene(&self, pos_in_scene: Pos2) -> Pos2 {
        self.to_screen * pos_in_scene
    }

    pub fn rect_on_screen(&self, rect_in_scene: Rect) -> Rect {
        self.to_screen * rect_in_scene
    }

    /// A length in scene units, measured on screen.
    pub fn on_screen(&self, length_in_scene: f32) -> f32 {
        length_in_scene * self.zoom()
    }

    /// A length on screen, in scene units (e.g. a hit tolerance of a few pixels).
    pub fn in_scene(&self, length_on_screen: f32) -> f32 {
        length_on_screen / self.zoom()
    }

    /// The screen font size for text that is `size_in_scene` big in the scene, rounded to
    /// half a point so continuous zooming reuses glyphs instead of filling the font atlas.
    /// `None` when it would be too small to read.
    pub fn font_size(&self, size_in_scene: f32) -> Option<f32> {
        let size = (self.on_screen(size_in_scene) * 2.0).round() / 2.0;
        (size >= MIN_READABLE_FONT).then_some(size)
    }
}

/// The scene rect that frames `bounds` (the landscape, in scene units) on a canvas of
/// `canvas_size` points, with a margin and `reserved_bottom` points kept free at the bottom
/// (for the legend), never zooming in past [`FIT_MAX_ZOOM`]. An empty landscape shows the
/// origin at 1:1.
pub(super) fn fit_scene_rect(
    bounds: Option<Rect>,
    canvas_size: Vec2,
    reserved_bottom: f32,
) -> Rect {
    let canvas_size = canvas_size.max(Vec2::splat(1.0));
    let Some(bounds) = bounds.filter(|b| b.is_finite() && b.is_positive()) else {
        // The origin near the top left, where a first system is likely to go.
        return Rect::from_min_size(Pos2::ZERO - Vec2::splat(40.0), canvas_size);
    };
    let reserved = vec2(0.0, reserved_bottom.clamp(0.0, canvas_size.y * 0.25));
    let margins = Vec2::splat(2.0 * FIT_MARGIN_ON_SCREEN) + reserved;
    let room = (canvas_size - margins).max(canvas_size * 0.5);
    let zoom = (room / bounds.size())
        .min_elem()
        .clamp(*ZOOM_RANGE.start(), FIT_MAX_ZOOM);
    // Centre the landscape in the space above the reserved strip.
    let centre = bounds.center() + reserved / (2.0 * zoom);
    Rect::from_center_size(centre, canvas_size / zoom)
}

/// The zoom below which a project that was just opened is not shown whole: its boxes
/// would be too small to carry their names (a landscape of hundreds of systems).
const WHOLE_MIN_ZOOM: f32 = 0.2;

/// The zoom a landscape too big to show whole opens at.
const READABLE_ZOOM: f32 = 0.6;

/// `fitted` (a whole-landscape view) when its zoom leaves the boxes room for their names;
/// otherwise the view at [`READABLE_ZOOM`] that starts at the landscape's left edge,
/// centred vertically.
pub(super) fn readable_scene_rect(fitted: Rect, bounds: Option<Rect>, canvas_size: Vec2) -> Rect {
    let zoom = (canvas_size / fitted.size()).min_elem();
    let Some(bounds) = bounds.filter(|b| b.is_finite() && b.is_positive()) else {
        return fitted;
    };
    if !zoom.is_finite() || zoom >= WHOLE_MIN_ZOOM {
        return fitted;
    }
    let size = canvas_size.max(Vec2::splat(1.0)) / READABLE_ZOOM;
    let left = bounds.min.x - FIT_MARGIN_ON_SCREEN / READABLE_ZOOM;
    let top =
        (bounds.center().y - size.y / 2.0).min(bounds.min.y - FIT_MARGIN_ON_SCREEN / READABLE_ZOOM);
    Rect::from_min_size(Pos2::new(left, top), size)
}

/// `scene_rect` zoomed by `factor` (>1 zooms in) about its centre, within [`ZOOM_RANGE`]
/// for a canvas of `canvas_size` points.
pub(super) fn zoom_scene_rect(scene_rect: Rect, factor: f32, canvas_size: Vec2) -> Rect {
    let current = (canvas_size / scene_rect.size()).min_elem();
    if !current.is_finite() || current <= 0.0 || !factor.is_finite() || factor <= 0.0 {
        return scene_rect;
    }
    let zoom = (current * factor).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
    Rect::from_center_size(scene_rect.center(), scene_rect.size() * (current / zoom))
}

/// `scene_rect` moved (not zoomed) just enough to show `target`; its left and top edges
/// win when `target` is bigger than the view.
pub(super) fn pan_to_show(scene_rect: Rect, target: Rect) -> Rect {
    let shift = |view_min: f32, view_max: f32, min: f32, max: f32| {
        if min < view_min || max - min > view_max - view_min {
            min - view_min
        } else if max > view_max {
            max - view_max
        } else {
            0.0
        }
    };
    let dx = shift(
        scene_rect.min.x,
        scene_rect.max.x,
        target.min.x,
        target.max.x,
    );
    let dy = shift(
        scene_rect.min.y,
        scene_rect.max.y,
        target.min.y,
        target.max.y,
    );
    scene_rect.translate(Vec2::new(dx, dy))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    #[test]
    fn a_readable_view_keeps_small_landscapes_whole_and_starts_big_ones_at_the_left() {
        let canvas = vec2(800.0, 600.0);
        let small = Rect::from_min_size(pos2(0.0, 0.0), vec2(600.0, 300.0));
        let fitted = fit_scene_rect(Some(small), canvas, 0.0);
        assert_eq!(readable_scene_rect(fitted, Some(small), canvas), fitted);

        let wide = Rect::from_min_size(pos2(100.0, 0.0), vec2(4000.0, 400.0));
        let fitted = fit_scene_rect(Some(wide), canvas, 0.0);
        let view = readable_scene_rect(fitted, Some(wide), canvas);
        let zoom = (canvas / view.size()).min_elem();
        assert!((zoom - READABLE_ZOOM).abs() < 1e-4);
        assert!(view.min.x < wide.min.x && view.max.x < wide.max.x);
        assert!(view.min.y <= wide.min.y);
    }

    #[test]
    fn fitting_frames_the_bounds_with_a_margin() {
        let bounds = Rect::from_min_size(pos2(0.0, 0.0), vec2(2000.0, 1000.0));
        let rect = fit_scene_rect(Some(bounds), vec2(1000.0, 800.0), 0.0);
        assert!(rect.contains_rect(bounds));
        assert!((rect.center() - bounds.center()).length() < 1e-3);
        // Same aspect as the canvas, so Scene does not letterbox it further.
        assert!((rect.aspect_ratio() - 1000.0 / 800.0).abs() < 1e-4);
    }

    #[test]
    fn fitting_a_small_landscape_does_not_zoom_in() {
        let bounds = Rect::from_min_size(pos2(0.0, 0.0), vec2(200.0, 90.0));
        let rect = fit_scene_rect(Some(bounds), vec2(1000.0, 800.0), 0.0);
        assert_eq!(rect.size(), vec2(1000.0, 800.0));
    }

    #[test]
    fn fitting_keeps_the_legend_strip_free() {
        let bounds = Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 800.0));
        let canvas = vec2(1000.0, 800.0);
        let rect = fit_scene_rect(Some(bounds), canvas, 40.0);
        let zoom = canvas.x / rect.width();
        // The landscape's bottom edge lands at least 40 points above the canvas's.
        let bottom_on_screen = (bounds.max.y - rect.min.y) * zoom;
        assert!(bottom_on_screen <= canvas.y - 40.0, "{bottom_on_screen}");
        assert!((bounds.min.y - rect.min.y) * zoom >= 0.0);
    }

    #[test]
    fn fitting_nothing_shows_the_origin() {
        let rect = fit_scene_rect(None, vec2(1000.0, 800.0), 40.0);
        assert!(rect.contains(Pos2::ZERO));
        assert_eq!(rect.size(), vec2(1000.0, 800.0));
    }

    #[test]
    fn font_sizes_round_to_half_points_and_vanish_when_tiny() {
        let view = View::new(
            TSTransform::from_scaling(0.77),
            Rect::from_min_size(Pos2::ZERO, vec2(100.0, 100.0)),
        );
        assert_eq!(view.font_size(14.0), Some(11.0)); // 10.78 → 11.0
        assert_eq!(view.font_size(5.0), None);
    }

    #[test]
    fn keyboard_zoom_stays_in_range() {
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 800.0));
        let zoomed = zoom_scene_rect(rect, 2.0, vec2(1000.0, 800.0));
        assert_eq!(zoomed.size(), vec2(500.0, 400.0));
        assert_eq!(zoomed.center(), rect.center());
        let max = zoom_scene_rect(rect, 1e6, vec2(1000.0, 800.0));
        assert_eq!(max.size(), vec2(250.0, 200.0));
    }

    #[test]
    fn the_view_converts_both_ways() {
        let to_screen = TSTransform::new(vec2(10.0, 20.0), 2.0);
        let view = View::new(
            to_screen,
            Rect::from_min_size(pos2(10.0, 20.0), vec2(200.0, 100.0)),
        );
        assert_eq!(view.screen_from_scene(pos2(1.0, 1.0)), pos2(12.0, 22.0));
        assert_eq!(view.scene_from_screen(pos2(12.0, 22.0)), pos2(1.0, 1.0));
        assert_eq!(
            view.visible_in_scene,
            Rect::from_min_size(Pos2::ZERO, vec2(100.0, 50.0))
        );
        assert_eq!(view.in_scene(4.0), 2.0);
    }

    #[test]
    fn panning_to_show_moves_only_as_far_as_needed() {
        let view = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(100.0, 100.0));
        let inside = Rect::from_min_max(egui::pos2(10.0, 10.0), egui::pos2(20.0, 20.0));
        assert_eq!(pan_to_show(view, inside), view);
        let right_below = Rect::from_min_max(egui::pos2(90.0, 95.0), egui::pos2(130.0, 110.0));
        let moved = pan_to_show(view, right_below);
        assert_eq!(moved.min, egui::pos2(30.0, 10.0));
        assert_eq!(moved.size(), view.size(), "no zoom");
        let left = Rect::from_min_max(egui::pos2(-50.0, 0.0), egui::pos2(-40.0, 10.0));
        assert_eq!(pan_to_show(view, left).min, egui::pos2(-50.0, 0.0));
    }
}
