//! The landscape canvas: systems, zones and connections on an `egui::Scene` with pan and
//! zoom.
//!
//! How a frame goes:
//! 1. `input::before_scene`: fit, keyboard zoom and Space-panning change the view.
//! 2. The Scene lays out and pans/zooms (middle-drag, scroll, Ctrl+scroll, pinch). Its
//!    background response is the canvas's ONE response; primary drags are left to us.
//! 3. `placement`: where every item is, culled to the view.
//! 4. `input`: the app's own hit testing turns the response into intents.
//! 5. `access`: an AccessKit node per visible item.
//! 6. `draw` / `overview` / `legend`: paint in screen space, at the zoomed size.
//!
//! The canvas never changes the project: it returns [`Intent`]s.

mod access;
mod badges;
mod bends;
mod box_text;
mod draw;
mod drawn;
mod edge_labels;
mod geometry;
mod hit;
mod icons;
mod input;
mod labels;
mod legend;
mod menu;
mod minimap;
mod overview;
mod placement;
mod pointer;
mod rename;
mod style;
mod text;
mod view;

use std::borrow::Cow;

use egui::containers::DragPanButtons;
use egui::{CursorIcon, Id, PointerButton, Rect, Scene};

pub use self::badges::{FindingMarks, severity_color};
use self::draw::{Drawing, Highlight};
use self::drawn::DrawnList;
pub use self::drawn::{Drawn, DrawnKind};
use self::hit::{DrawnLabels, Hit, band_selection, union};
use self::input::{ContextTarget, Gesture};
use self::labels::LabelCache;
pub use self::minimap::MINIMAP_LABEL;
use self::minimap::Minimap;
use self::overview::OverviewMeshes;
use self::placement::Placement;
use self::rename::Renaming;
use self::style::Palette;
use self::view::{Detail, View, ZOOM_RANGE};
use super::intent::Intent;
use super::selection::Selection;
use crate::model::{Project, SystemId};
use crate::session::Effect;

/// The canvas's view state: where it looks, the gesture in progress, and caches.
pub struct Canvas {
    /// Snap dragged and added boxes to a 20-unit grid (hold Alt while dragging to place
    /// freely).
    pub snap_to_grid: bool,
    /// Show the minimap while part of the landscape is out of view (View ▸ Show Minimap).
    pub show_minimap: bool,
    /// The legend shows its key (else only its toggle); the app remembers it.
    pub legend_open: bool,
    /// The visible region, in scene coordinates.
    scene_rect: Rect,
    /// Where the canvas was on screen last frame.
    rect_on_screen: Rect,
    fit_requested: bool,
    /// Frame this part of the scene on the next frame (Zoom to Selection, a finding).
    frame_target: Option<Rect>,
    /// The requested fit should keep text readable (when a project opens) rather than
    /// show everything (Fit to content).
    fit_readable: bool,
    /// Zoom to this (about the view's centre) on the next frame.
    zoom_target: Option<f32>,
    /// The view shows the whole landscape as fitted on a canvas of this size, and the
    /// user has not moved it since: when the canvas changes size (panels settling in the
    /// first frames, the window resized) it is fitted again.
    fitted: Option<(egui::Vec2, Rect)>,
    /// Last frame's zoom, for Space-panning before the Scene runs.
    zoom: f32,
    gesture: Gesture,
    gestures_started: u64,
    /// Seeds the coalesce keys of drags, so they cannot collide with other widgets' keys.
    id_seed: Id,
    hovered: Option<Hit>,
    /// The box whose connect handle is under the pointer.
    on_handle: Option<SystemId>,
    context: Option<ContextTarget>,
    placement: Placement,
    /// Where labels were drawn last frame: clickable like the items they name.
    drawn_labels: DrawnLabels,
    labels: LabelCache,
    meshes: OverviewMeshes,
    minimap: Minimap,
    renaming: Option<Renaming>,
    /// A rename started on an item out of view; the field shows once the view framed it.
    rename_waits_for_view: bool,
    /// Which items the analysis has findings on, for their badges.
    finding_marks: FindingMarks,
    /// Where this frame's boxes, text and badges went, on screen.
    drawn: DrawnList,
    /// Last frame, the keyboard was somewhere else (a field, a menu, a dialog): an Escape
    /// now is for that, not a request to clear the selection.
    keyboard_elsewhere: bool,
}

impl Default for Canvas {
    fn default() -> Self {
        Canvas {
            snap_to_grid: true,
            show_minimap: true,
            legend_open: true,
            scene_rect: Rect::ZERO,
            rect_on_screen: Rect::ZERO,
            fit_requested: true,
            frame_target: None,
            fit_readable: true,
            zoom_target: None,
            fitted: None,
            zoom: 1.0,
            gesture: Gesture::Idle,
            gestures_started: 0,
            id_seed: Id::unique("integration_studio_canvas"),
            hovered: None,
            on_handle: None,
            context: None,
            placement: Placement::default(),
            drawn_labels: DrawnLabels::default(),
            labels: LabelCache::default(),
            meshes: OverviewMeshes::default(),
            minimap: Minimap::default(),
            renaming: None,
            rename_waits_for_view: false,
            finding_marks: FindingMarks::default(),
            drawn: DrawnList::default(),
            keyboard_elsewhere: false,
        }
    }
}

/// The boxes of these systems together (nothing when none of them exists).
pub(super) fn bounds_of(project: &Project, systems: &[SystemId]) -> Rect {
    let systems: std::collections::HashSet<SystemId> = systems.iter().copied().collect();
    project
        .systems
        .iter()
        .filter(|s| systems.contains(&s.id))
        .map(geometry::system_rect)
        .fold(Rect::NOTHING, Rect::union)
}

/// What became of an effect given to [`Canvas::carry_out`].
#[derive(Debug, PartialEq, Eq)]
pub enum ViewEffect {
    Done,
    Failed(String),
    NotTheCanvas,
}

impl Canvas {
    pub fn new() -> Self {
        Canvas::default()
    }

    /// Frames the whole landscape on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_requested = true;
        self.fit_readable = false;
    }

    /// Frames the landscape for a project just opened: all of it while that leaves the
    /// systems' names on screen, otherwise as much as fits at a readable zoom, from its
    /// left edge, where a left-to-right flow starts. F shows everything.
    pub fn request_readable_view(&mut self) {
        self.fit_requested = true;
        self.fit_readable = true;
    }

    /// Zooms to `zoom` (1.0 = 100%) about the middle of the view on the next frame.
    pub fn request_zoom(&mut self, zoom: f32) {
        self.zoom_target = Some(zoom);
    }

    /// Where the canvas was on screen last frame.
    pub fn rect_on_screen(&self) -> Rect {
        self.rect_on_screen
    }

    /// Where last frame's boxes, text and badges went, on screen, in drawing order.
    pub fn drawn(&self) -> &[Drawn] {
        &self.drawn.items
    }

    /// Frames these systems on the next frame; false (and nothing changes) when none of
    /// them exists.
    pub fn request_frame(&mut self, project: &Project, systems: &[SystemId]) -> bool {
        let target = bounds_of(project, systems);
        if !target.is_positive() {
            return false;
        }
        self.frame_target = Some(target);
        true
    }

    /// Carries out the session's effects that are about the view: framing, fitting, adding
    /// in the middle of the view, renaming in place. Says
    /// whether `effect` was one of them, and why it could not be done if it failed.
    pub fn carry_out(
        &mut self,
        project: &Project,
        effect: &Effect,
        follow_ups: &mut Vec<Intent>,
    ) -> ViewEffect {
        match effect {
            Effect::Frame(systems) if !self.request_frame(project, systems) => {
                ViewEffect::Failed("Those systems are no longer there".into())
            }
            Effect::StartRename(item) if !self.start_rename(project, *item) => {
                ViewEffect::Failed("Select one system or zone to rename it".into())
            }
            Effect::Frame(_) | Effect::StartRename(_) => ViewEffect::Done,
            Effect::Reveal(systems) => {
                self.reveal(project, systems);
                ViewEffect::Done
            }
            Effect::FitView => {
                self.request_fit();
                ViewEffect::Done
            }
            Effect::ZoomToActualSize => {
                self.request_zoom(1.0);
                ViewEffect::Done
            }
            Effect::AddSystemInView => {
                self.add_system_in_view(project, follow_ups);
                ViewEffect::Done
            }
            _ => ViewEffect::NotTheCanvas,
        }
    }

    /// The items to badge with their findings; set when the analysis changes.
    pub fn set_finding_marks(&mut self, marks: FindingMarks) {
        self.finding_marks = marks;
    }

    /// The current zoom (1.0 = one scene unit per point), for the status bar.
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// Where the view is, in scene coordinates: its centre is the middle of the canvas.
    pub fn visible_scene_rect(&self) -> Rect {
        self.scene_rect
    }

    /// Draws the landscape and turns pointer input into intents.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        selection: &Selection,
        intents: &mut Vec<Intent>,
    ) {
        // The area Scene::show is about to take.
        let rect_on_screen = Rect::from_min_size(ui.cursor().min, ui.available_size_before_wrap());
        let mut out = Vec::new();
        let escaped = self.before_scene(ui, project, selection, rect_on_screen.size(), &mut out);

        let scene = Scene::new()
            .zoom_range(ZOOM_RANGE)
            .drag_pan_buttons(DragPanButtons::MIDDLE);
        let mut scene_rect = self.scene_rect;
        let inner = scene.show(ui, &mut scene_rect, |ui| {
            ui.ctx()
                .layer_transform_to_global(ui.layer_id())
                .unwrap_or_default()
        });
        self.scene_rect = scene_rect;
        self.keep_fitted_or_forget(scene_rect);
        let response = inner.response;
        let canvas_id = response.id;
        let view = View::new(inner.inner, rect_on_screen.intersect(ui.clip_rect()));
        self.zoom = view.zoom();
        self.rect_on_screen = view.rect_on_screen;

        self.placement
            .rebuild(project, &view, self.gesture.preview());
        let preview_before = self.gesture.preview().to_vec();
        let pointer = self.handle_pointer(ui, &response, project, selection, &view, &mut out);
        // A drag moved boxes this frame: draw them where the pointer put them now. On the
        // frame a drag ends the gesture is gone but the project does not have the last
        // move yet, so the last preview still holds.
        let preview_now: &[_] = if self.gesture.preview().is_empty() {
            pointer.moved.as_deref().unwrap_or(&[])
        } else {
            self.gesture.preview()
        };
        if preview_now != preview_before.as_slice() {
            let preview_now = preview_now.to_vec();
            self.placement.rebuild(project, &view, &preview_now);
        }

        // Node ids hang off this canvas's place in the UI, so they are stable and unique.
        let base_id = ui.scope_id().with("canvas_items");
        let mut selected = pointer.selected.or(escaped);
        if let Some(hit) = access::expose(ui.ctx(), base_id, project, self, &view, selection) {
            let chosen = Selection::only(hit.item());
            out.push(Intent::Select(chosen.clone()));
            selected = Some(chosen);
        }

        // Show the selection as it will be once the app applies our intents, and a rubber
        // band's catch while it is being dragged.
        let band = self.gesture.band();
        let shown = match (selected, band) {
            (Some(chosen), _) => Cow::Owned(chosen),
            (None, Some((band, additive))) => {
                let caught = band_selection(project, &self.placement, band);
                Cow::Owned(if additive {
                    union(caught, selection)
                } else {
                    caught
                })
            }
            // The common case: no copy, even of a select-all of ten thousand boxes.
            (None, None) => Cow::Borrowed(selection),
        };
        let legend = self.paint(ui, project, &view, &shown, band.map(|(rect, _)| rect));
        // Over the landscape, under the rename field and the menus.
        self.minimap(ui, project, &view, legend.map(|(_, area)| area));
        if let Some((toggle, _)) = legend {
            self.legend_toggle(ui, toggle);
        }

        self.context_menu(&response, project, selection, &mut out);
        self.rename_field(ui, project, &view, &mut out);
        self.set_cursor(ui, &response);
        if let Some(hit) = self.hovered
            && self.gesture.is_idle()
            && view.detail() == Detail::Full
            && !response.context_menu_opened()
        {
            response.on_hover_ui_at_pointer(|ui| menu::tooltip(ui, project, hit));
        }

        self.keyboard_elsewhere = ui.ctx().any_popup_open()
            || ui.ctx().memory(|m| {
                m.top_modal_layer().is_some() || m.focused().is_some_and(|id| id != canvas_id)
            });

        if !out.is_empty() {
            // The app applies these after this frame; one more frame shows the result.
            ui.ctx().request_repaint();
            intents.extend(out);
        }
    }

    /// Paints the frame; returns where the legend's toggle goes and all the legend covers.
    fn paint(
        &mut self,
        ui: &egui::Ui,
        project: &Project,
        view: &View,
        selection: &Selection,
        band: Option<Rect>,
    ) -> Option<(Rect, Rect)> {
        self.labels.begin_frame(ui.ctx());
        self.drawn.clear();
        let lock_glyph = ui
            .ctx()
            .fonts_mut(|fonts| fonts.has_glyph(&egui::FontId::proportional(12.0), draw::LOCK));
        let highlight = Highlight {
            selection,
            hovered: self.hovered,
        };
        let mut drawing = Drawing {
            ctx: ui.ctx(),
            view: *view,
            palette: Palette::new(ui.visuals()),
            labels: &mut self.labels,
            meshes: &mut self.meshes,
            shapes: Vec::with_capacity(64 + 8 * self.placement.visible_systems.len()),
            lock_glyph,
            drawn: &mut self.drawn,
        };
        drawing.background();
        drawing.zones(project, &self.placement, &highlight);
        // The legend keeps off the boxes, so it is placed before anything that keeps off it.
        let boxes: Vec<Rect> = self
            .placement
            .visible_systems
            .iter()
            .map(|&i| view.rect_on_screen(self.placement.system_rects[i]))
            .collect();
        let legend = drawing.plan_legend(&boxes, self.legend_open);
        let zone_names = &mut self.drawn_labels.zones;
        match view.detail() {
            Detail::Overview => {
                self.drawn_labels.connections.clear();
                drawing.overview_connections(project, &self.placement, &highlight);
                drawing.overview_systems(project, &self.placement, &highlight);
                drawing.zone_names(project, &self.placement, true, zone_names);
                drawing.overview_names(project, &self.placement);
            }
            Detail::Full => {
                drawing.zone_names(project, &self.placement, false, zone_names);
                let badges = drawing.place_badges(project, &self.placement, &self.finding_marks);
                let labels = &mut self.drawn_labels.connections;
                drawing.connections(project, &self.placement, &highlight, labels);
                drawing.systems(project, &self.placement, &highlight, &self.finding_marks);
                drawing.finding_badges(badges);
            }
        }
        if let Some(band) = band {
            drawing.band(band);
        }
        if let Some((from, pointer)) = self.gesture.connecting()
            && let Some(from) = self.placement.systems.get(from.0)
        {
            let target = match self.hovered {
                Some(Hit::System(to)) => self.placement.systems.get(to.0),
                _ => None,
            };
            let rects = &self.placement.system_rects;
            drawing.connect_preview(rects[from], pointer, target.map(|t| rects[t]));
        }
        let toggle = legend.as_ref().map(|plan| (plan.toggle, plan.area()));
        if let Some(plan) = legend {
            drawing.legend(plan);
        }
        let shapes = drawing.shapes;
        ui.painter_at(view.rect_on_screen).extend(shapes);
        toggle
    }

    /// The legend's toggle: a real button over the canvas, so it can be clicked, focused
    /// and found by its label.
    fn legend_toggle(&mut self, ui: &egui::Ui, toggle: Rect) {
        let button = egui::Button::selectable(self.legend_open, "Legend")
            .small()
            .wrap_mode(egui::TextWrapMode::Extend);
        let hint = if self.legend_open {
            "Hide the key to colours and lines"
        } else {
            "Show the key to colours and lines"
        };
        // In an area of its own: the Scene's layer lies over the canvas's.
        let clicked = egui::Area::new(self.id_seed.with("legend toggle"))
            .order(egui::Order::Middle)
            .fixed_pos(toggle.min)
            .show(ui.ctx(), |ui| {
                ui.add_sized(toggle.size(), button)
                    .on_hover_text(hint)
                    .clicked()
            })
            .inner;
        if clicked {
            self.legend_open = !self.legend_open;
        }
    }

    /// After the Scene has run: the view is still a fit unless the user moved it.
    fn keep_fitted_or_forget(&mut self, scene_rect: Rect) {
        if let Some((size, fitted_rect)) = self.fitted {
            let moved = (scene_rect.min - fitted_rect.min).length() > 0.5
                || (scene_rect.size() - fitted_rect.size()).length() > 0.5;
            if fitted_rect == Rect::NOTHING {
                // The fit was made this frame: what the Scene made of it is the fit.
                self.fitted = Some((size, scene_rect));
            } else if moved {
                self.fitted = None;
            }
        }
    }

    fn set_cursor(&self, ui: &egui::Ui, response: &egui::Response) {
        let icon = match (&self.gesture, self.hovered) {
            (Gesture::Move { .. } | Gesture::Pan, _) => Some(CursorIcon::Grabbing),
            (Gesture::Band { .. } | Gesture::Connect { .. }, _) => Some(CursorIcon::Crosshair),
            _ if response.dragged_by(PointerButton::Middle) => Some(CursorIcon::Grabbing),
            (Gesture::Idle, _)
                if response.hovered()
                    && ui.input(|i| i.key_down(egui::Key::Space))
                    && !ui.ctx().text_edit_focused() =>
            {
                Some(CursorIcon::Grab)
            }
            (Gesture::Idle, _) if self.on_handle.is_some() => Some(CursorIcon::Crosshair),
            (Gesture::Idle, Some(Hit::System(_) | Hit::Zone(_))) => Some(CursorIcon::Grab),
            (Gesture::Idle, Some(Hit::Connection(_))) => Some(CursorIcon::PointingHand),
            _ => None,
        };
        if let Some(icon) = icon {
            ui.ctx().set_cursor_icon(icon);
        }
    }
}
