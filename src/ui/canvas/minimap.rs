//! The minimap: the whole landscape, small, in the canvas's bottom-right corner, with the
//! part that shows as a rectangle. A click centres the view on the point clicked; a drag
//! moves the view along (grabbing the rectangle drags it without a jump). It shows only
//! while part of the landscape is out of view, and can be switched off (View ▸ Show
//! Minimap).
//!
//! Cheap at any size: every box and zone is one quad in one mesh, refilled in place from
//! the placement the canvas makes anyway; no text, no per-item shapes.
//!
//! It is a widget of its own on a layer above the canvas (below menus, popups and
//! dialogs): a press in it reaches neither the Scene (no pan, no zoom) nor the canvas's
//! gestures (no rubber band, no drag).

use std::sync::Arc;

use egui::accesskit::Role;
use egui::epaint::{Mesh, RectShape};
use egui::{
    Align2, AreaState, CursorIcon, LayerId, Order, Pos2, Rect, Sense, Shape, Stroke, StrokeKind,
    Ui, UiBuilder, Vec2, WidgetInfo, vec2,
};

use super::Canvas;
use super::overview::refill;
use super::placement::Placement;
use super::style::Palette;
use super::view::View;
use crate::model::Project;

/// The minimap's accessible label.
pub const MINIMAP_LABEL: &str = "Minimap";

/// The largest the minimap gets, in screen points, and at most this share of the canvas.
const MAX_SIZE: Vec2 = vec2(220.0, 150.0);
const MAX_SHARE_OF_CANVAS: f32 = 0.3;
/// A long thin landscape still gets a minimap this wide and high.
const MIN_SIDE: f32 = 40.0;
/// Between the border and the map.
const PADDING: f32 = 6.0;
/// From the canvas's edges and from the legend.
const MARGIN: f32 = 8.0;
/// On a canvas smaller than this the landscape matters more than the minimap.
const MIN_CANVAS: Vec2 = vec2(320.0, 200.0);
/// A box is never drawn smaller than this, so ten thousand of them still show.
const MIN_BOX: f32 = 1.5;
/// Nor is the view's rectangle.
const MIN_VIEW_RECT: f32 = 8.0;

#[derive(Default)]
pub(super) struct Minimap {
    /// The map's quads, kept between frames and refilled in place.
    mesh: Arc<Mesh>,
    /// While the pointer is held in the minimap: the view's centre relative to the point
    /// under the pointer (scene units), and the region the map showed at the press, kept
    /// so the map does not rescale under the pointer.
    held: Option<(Vec2, Rect)>,
}

/// Where the minimap is on screen and how it maps the scene onto itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct MapLayout {
    /// The whole minimap: background, border and map.
    pub rect: Rect,
    /// The scene region it shows, fitted into `rect` and centred.
    shown_in_scene: Rect,
    /// Screen points per scene unit.
    scale: f32,
}

impl MapLayout {
    /// The minimap for `shown_in_scene` on a canvas at `canvas` (screen), in its
    /// bottom-right corner, lifted above the legend when they would meet. `None` when the
    /// canvas is too small for one.
    pub fn new(shown_in_scene: Rect, canvas: Rect, legend: Option<Rect>) -> Option<Self> {
        let finite = shown_in_scene.is_finite() && canvas.is_finite();
        if !finite || !shown_in_scene.is_positive() || canvas.width() < MIN_CANVAS.x {
            return None;
        }
        if canvas.height() < MIN_CANVAS.y {
            return None;
        }
        let room = MAX_SIZE.min(canvas.size() * MAX_SHARE_OF_CANVAS) - Vec2::splat(2.0 * PADDING);
        let scale = (room / shown_in_scene.size()).min_elem();
        if !scale.is_finite() || scale <= 0.0 {
            return None;
        }
        let size =
            (shown_in_scene.size() * scale + Vec2::splat(2.0 * PADDING)).max(Vec2::splat(MIN_SIDE));
        let corner = canvas.max - Vec2::splat(MARGIN);
        let mut rect = Rect::from_min_max(corner - size, corner);
        if let Some(legend) = legend
            && legend.expand(MARGIN / 2.0).intersects(rect)
        {
            rect = rect.translate(vec2(0.0, legend.min.y - MARGIN - rect.max.y));
        }
        if rect.min.y < canvas.min.y + MARGIN {
            return None;
        }
        Some(MapLayout {
            rect,
            shown_in_scene,
            scale,
        })
    }

    /// Where the centre of the shown region is drawn: the minimap's centre.
    fn on_map(&self, pos_in_scene: Pos2) -> Pos2 {
        self.rect.center() + (pos_in_scene - self.shown_in_scene.center()) * self.scale
    }

    pub fn rect_on_map(&self, rect_in_scene: Rect) -> Rect {
        Rect::from_min_max(
            self.on_map(rect_in_scene.min),
            self.on_map(rect_in_scene.max),
        )
    }

    pub fn scene_from_map(&self, pos_on_map: Pos2) -> Pos2 {
        self.shown_in_scene.center() + (pos_on_map - self.rect.center()) / self.scale
    }
}

/// Every box and every zone region, dragged boxes where they are being dragged to.
fn landscape_bounds(placement: &Placement) -> Rect {
    let boxes = placement
        .system_rects
        .iter()
        .fold(Rect::NOTHING, |bounds, rect| bounds.union(*rect));
    placement
        .all_zones()
        .fold(boxes, |bounds, (_, zone)| bounds.union(zone))
}

impl Canvas {
    /// Draws the minimap (when part of the landscape is out of view) and moves the view
    /// when it is clicked or dragged. `legend` is where the legend was drawn, to keep
    /// clear of it.
    pub(super) fn minimap(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        view: &View,
        legend: Option<Rect>,
    ) {
        let landscape = landscape_bounds(&self.placement);
        let everything_in_view = view
            .visible_in_scene
            .expand(view.in_scene(1.0))
            .contains_rect(landscape);
        let held = self.minimap.held.map(|(_, shown)| shown);
        if !self.show_minimap || !landscape.is_positive() || (everything_in_view && held.is_none())
        {
            self.minimap.held = None;
            return;
        }
        // The view too, so that the rectangle is on the map even far from the landscape.
        let shown = held.unwrap_or_else(|| landscape.union(view.visible_in_scene));

        let Some(layout) = MapLayout::new(shown, view.rect_on_screen, legend) else {
            self.minimap.held = None;
            return;
        };
        let ui = &map_ui(ui, self.id_seed.with("minimap"), layout.rect);
        let response = ui.interact(
            layout.rect,
            self.id_seed.with("minimap"),
            Sense::click_and_drag(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, MINIMAP_LABEL));
        self.follow_minimap_pointer(ui, &response, &layout, view);

        let palette = Palette::new(ui.visuals());
        let mut mesh = std::mem::take(&mut self.minimap.mesh);
        fill_map(
            refill(&mut mesh),
            &layout,
            project,
            &self.placement,
            &palette,
        );
        let painter = ui.painter_at(layout.rect);
        painter.add(RectShape::new(
            layout.rect,
            4,
            palette.legend_fill,
            Stroke::NONE,
            StrokeKind::Inside,
        ));
        painter.add(Shape::Mesh(mesh.clone()));
        self.minimap.mesh = mesh;
        // Never smaller than a few points, so it is found on a map of ten thousand boxes;
        // a halo in the canvas colour sets it off from boxes of the accent's hue.
        let on_map = layout.rect_on_map(view.visible_in_scene);
        let in_view = Rect::from_center_size(
            on_map.center(),
            on_map.size().max(Vec2::splat(MIN_VIEW_RECT)),
        )
        .intersect(layout.rect.shrink(1.0));
        if in_view.is_positive() {
            painter.rect_stroke(
                in_view,
                1,
                Stroke::new(3.5, palette.canvas),
                StrokeKind::Middle,
            );
            painter.rect(
                in_view,
                1,
                palette.accent.gamma_multiply(0.14),
                Stroke::new(1.5, palette.accent),
                StrokeKind::Middle,
            );
        }
        painter.rect_stroke(
            layout.rect,
            4,
            Stroke::new(1.0, palette.legend_stroke),
            StrokeKind::Inside,
        );
    }

    /// A press centres the view on the point under the pointer (or, on the view's
    /// rectangle, grabs it), and the view follows the pointer until the button comes up.
    fn follow_minimap_pointer(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        layout: &MapLayout,
        view: &View,
    ) {
        let pointer = response.interact_pointer_pos();
        let primary = ui.input(|i| i.pointer.primary_down());
        match pointer {
            Some(pos_on_map) if response.is_pointer_button_down_on() && primary => {
                let under_pointer = layout.scene_from_map(pos_on_map);
                let view_rect = layout.rect_on_map(view.visible_in_scene);
                let centre = self.scene_rect.center();
                let (offset, _) = *self.minimap.held.get_or_insert_with(|| {
                    let offset = if view_rect.contains(pos_on_map) {
                        centre - under_pointer
                    } else {
                        Vec2::ZERO
                    };
                    (offset, layout.shown_in_scene)
                });
                self.centre_view_on(ui, under_pointer + offset);
                ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
            }
            _ => self.minimap.held = None,
        }
        if response.clicked()
            && let Some(pos_on_map) = pointer
        {
            self.centre_view_on(ui, layout.scene_from_map(pos_on_map));
        }
        if response.hovered() && self.minimap.held.is_none() {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
        }
    }

    fn centre_view_on(&mut self, ui: &Ui, centre_in_scene: Pos2) {
        let moved = Rect::from_center_size(centre_in_scene, self.scene_rect.size());
        if moved.is_finite() && moved != self.scene_rect {
            self.scene_rect = moved;
            ui.ctx().request_repaint();
        }
    }
}

/// A `Ui` for the minimap on a layer of its own above the canvas's (the Scene's layer is
/// above the canvas's own in egui's hit test, and would take the pointer), registered so
/// that egui's hit test finds it there.
fn map_ui(ui: &mut Ui, id: egui::Id, rect: Rect) -> Ui {
    let layer = LayerId::new(Order::Middle, id);
    ui.ctx().memory_mut(|memory| {
        memory.areas_mut().set_state(
            layer,
            AreaState {
                pivot_pos: Some(rect.min),
                pivot: Align2::LEFT_TOP,
                size: Some(rect.size()),
                interactable: true,
                last_became_visible_at: None,
            },
        );
    });
    ui.new_child(UiBuilder::new().layer_id(layer).max_rect(rect))
}

/// The map's quads: zones as faint regions, then every box in its sensitivity colour.
fn fill_map(
    mesh: &mut Mesh,
    layout: &MapLayout,
    project: &Project,
    placement: &Placement,
    palette: &Palette,
) {
    let zone_alpha = if palette.dark { 0.22 } else { 0.18 };
    for (index, zone) in placement.all_zones() {
        let kind = project.zones.get(index).and_then(|z| z.kind.as_ref());
        let color = palette.zone(kind).gamma_multiply(zone_alpha);
        mesh.add_colored_rect(layout.rect_on_map(zone), color);
    }
    mesh.reserve_vertices(4 * placement.system_rects.len());
    mesh.reserve_triangles(2 * placement.system_rects.len());
    for (system, rect) in project.systems.iter().zip(&placement.system_rects) {
        let on_map = layout.rect_on_map(*rect);
        let shown =
            Rect::from_center_size(on_map.center(), on_map.size().max(Vec2::splat(MIN_BOX)));
        mesh.add_colored_rect(shown, palette.sensitivity(system.sensitivity.as_ref()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    const CANVAS: Rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(1000.0, 700.0));

    #[test]
    fn the_map_sits_in_the_bottom_right_corner_and_maps_both_ways() {
        let shown = Rect::from_min_size(pos2(-500.0, 100.0), vec2(4000.0, 2000.0));
        let layout = MapLayout::new(shown, CANVAS, None).unwrap();
        assert!(CANVAS.contains_rect(layout.rect));
        assert!((layout.rect.max - (CANVAS.max - Vec2::splat(MARGIN))).length() < 1e-3);
        assert!(layout.rect.width() <= MAX_SIZE.x && layout.rect.height() <= MAX_SIZE.y);
        // The whole region is on the map, inside the padding.
        let on_map = layout.rect_on_map(shown);
        assert!(layout.rect.shrink(PADDING - 0.01).contains_rect(on_map));
        let p = pos2(1234.0, 567.0);
        assert!((layout.scene_from_map(layout.on_map(p)) - p).length() < 1e-2);
        assert_eq!(layout.scene_from_map(layout.rect.center()), shown.center());
    }

    #[test]
    fn a_thin_landscape_still_gets_a_usable_map() {
        let shown = Rect::from_min_size(pos2(0.0, 0.0), vec2(100_000.0, 90.0));
        let layout = MapLayout::new(shown, CANVAS, None).unwrap();
        assert!(layout.rect.height() >= MIN_SIDE);
        assert!(layout.rect_on_map(shown).height() > 0.0);
    }

    #[test]
    fn the_map_keeps_clear_of_the_legend_and_of_tiny_canvases() {
        let shown = Rect::from_min_size(pos2(0.0, 0.0), vec2(3000.0, 2000.0));
        let legend = Rect::from_min_max(pos2(8.0, 640.0), pos2(995.0, 692.0));
        let layout = MapLayout::new(shown, CANVAS, Some(legend)).unwrap();
        assert!(!layout.rect.intersects(legend));
        assert!(layout.rect.max.y <= legend.min.y - MARGIN + 1e-3);
        let tiny = Rect::from_min_size(Pos2::ZERO, vec2(300.0, 180.0));
        assert_eq!(MapLayout::new(shown, tiny, None), None);
        assert_eq!(MapLayout::new(Rect::NOTHING, CANVAS, None), None);
    }
}
