//! The canvas's gestures, its keys (fit, zoom, Escape) and adding items; the pointer's
//! part is in `pointer.rs`.

use egui::{Key, Modifiers, Pos2, Rect, Ui, Vec2};

use super::Canvas;
use super::geometry::to_egui;
use super::hit::Hit;
use super::legend;
use super::view::{fit_scene_rect, pan_to_show, readable_scene_rect, zoom_scene_rect};
use crate::edit::{Coalesce, Items, lowest_free_number, nearest_free_position};
use crate::model::{
    Connection, ConnectionId, GRID, Point, Project, Size, System, SystemId, snap_point,
};
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;

/// Room around framed items, in scene units, so their labels and badges show too.
const FRAME_MARGIN: f32 = 60.0;

/// Keyboard zoom step.
const KEY_ZOOM_STEP: f32 = 1.25;

pub(super) const NEW_SYSTEM_PREFIX: &str = "New system ";

#[derive(Clone, Debug, Default)]
pub(super) enum Gesture {
    #[default]
    Idle,
    /// Boxes being dragged.
    Move {
        /// Tells this drag's edits apart from any other's, so they merge only with each other.
        key: u64,
        grab_in_scene: Pos2,
        /// The grabbed box's start position; it alone snaps, the others keep their offsets.
        anchor_start: Point,
        start: Vec<(SystemId, Point)>,
        now: Vec<(SystemId, Point)>,
        sent: bool,
    },
    /// A rubber band from `start_in_scene` to `now_in_scene`.
    Band {
        start_in_scene: Pos2,
        now_in_scene: Pos2,
        /// Ctrl or Shift: add to the selection instead of replacing it.
        additive: bool,
    },
    /// A new connection being drawn from `from`'s handle to the pointer.
    Connect { from: SystemId, now_in_scene: Pos2 },
    /// Space + drag pans the view.
    Pan,
    /// Cancelled with Escape; waits for the button to come up. `restored` holds, for one
    /// frame, where cancelled moves put the boxes back.
    Cancelled { restored: Vec<(SystemId, Point)> },
}

impl Gesture {
    /// Positions the canvas draws instead of the project's.
    pub fn preview(&self) -> &[(SystemId, Point)] {
        match self {
            Gesture::Move { now, .. } => now,
            Gesture::Cancelled { restored } => restored,
            _ => &[],
        }
    }

    pub fn band(&self) -> Option<(Rect, bool)> {
        match self {
            Gesture::Band {
                start_in_scene,
                now_in_scene,
                additive,
            } => Some((
                Rect::from_two_pos(*start_in_scene, *now_in_scene),
                *additive,
            )),
            _ => None,
        }
    }

    /// The system a new connection is being drawn from, and where the pointer is.
    pub fn connecting(&self) -> Option<(SystemId, Pos2)> {
        match self {
            Gesture::Connect { from, now_in_scene } => Some((*from, *now_in_scene)),
            _ => None,
        }
    }

    pub fn is_idle(&self) -> bool {
        matches!(self, Gesture::Idle)
    }
}

/// Where a context menu was opened, and on what.
#[derive(Clone, Copy, Debug)]
pub(super) struct ContextTarget {
    pub hit: Option<Hit>,
    pub pos_in_scene: Pos2,
}

impl Canvas {
    /// Keys and view changes that must happen before the Scene lays out this frame:
    /// fitting, keyboard zoom, Space-panning, cancelling a drag.
    pub(super) fn before_scene(
        &mut self,
        ui: &Ui,
        project: &Project,
        selection: &Selection,
        canvas_size: Vec2,
        intents: &mut Vec<Intent>,
    ) -> Option<Selection> {
        // The app took the cancelled move back after the last frame.
        if let Gesture::Cancelled { restored } = &mut self.gesture {
            restored.clear();
        }
        // A fitted view that the user has not moved follows the canvas's size: the panels
        // settle in the first frames, and the window can be resized.
        if let Some((size, _)) = self.fitted
            && (size - canvas_size).length() > 0.5
        {
            self.fit_requested = true;
        }
        if self.fit_requested {
            self.fit_requested = false;
            let bounds = project.content_bounds().map(to_egui);
            self.scene_rect = fit_scene_rect(bounds, canvas_size, legend::RESERVED_HEIGHT);
            if self.fit_readable {
                self.scene_rect = readable_scene_rect(self.scene_rect, bounds, canvas_size);
            }
            // The Scene's own adjustment this frame is part of the fit.
            self.fitted = Some((canvas_size, Rect::NOTHING));
        }
        if let Some(target) = self.frame_target.take() {
            self.scene_rect = fit_scene_rect(
                Some(target.expand(FRAME_MARGIN)),
                canvas_size,
                legend::RESERVED_HEIGHT,
            );
            self.fitted = None;
        }
        if let Some(zoom) = self.zoom_target.take() {
            let current = (canvas_size / self.scene_rect.size()).min_elem();
            if current.is_finite() && current > 0.0 {
                self.scene_rect = zoom_scene_rect(self.scene_rect, zoom / current, canvas_size);
            }
            self.fitted = None;
        }
        if matches!(self.gesture, Gesture::Pan) {
            let delta_on_screen = ui.input(|i| i.pointer.delta());
            if self.zoom > 0.0 {
                self.scene_rect = self.scene_rect.translate(-delta_on_screen / self.zoom);
            }
        }
        // Keys typed into a field are text, and keys in a dialog are the dialog's.
        let modal_open = ui.ctx().memory(|m| m.top_modal_layer().is_some());
        if ui.ctx().text_edit_focused() || modal_open {
            return None;
        }
        let (zoom_in, zoom_out, escape) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Plus)
                    || i.consume_key(Modifiers::NONE, Key::Equals),
                i.consume_key(Modifiers::NONE, Key::Minus),
                i.key_pressed(Key::Escape),
            )
        });
        if zoom_in {
            self.scene_rect = zoom_scene_rect(self.scene_rect, KEY_ZOOM_STEP, canvas_size);
        }
        if zoom_out {
            self.scene_rect = zoom_scene_rect(self.scene_rect, 1.0 / KEY_ZOOM_STEP, canvas_size);
        }
        if escape {
            return self.on_escape(selection, intents);
        }
        None
    }

    /// Escape: a gesture in progress is cancelled; with none, the selection is cleared
    /// (unless the key was for something else: a rename, a field, a menu, the Find box).
    /// Returns the selection it chose.
    fn on_escape(&mut self, selection: &Selection, intents: &mut Vec<Intent>) -> Option<Selection> {
        if !self.gesture.is_idle() {
            self.cancel_gesture(intents);
            return None;
        }
        let escape_is_ours =
            self.renaming.is_none() && !self.rename_waits_for_view && !self.keyboard_elsewhere;
        if !escape_is_ours || selection.is_empty() {
            return None;
        }
        intents.push(Intent::Select(Selection::default()));
        Some(Selection::default())
    }

    /// Puts dragged boxes back where they started, taking back the drag's undo step so
    /// that the cancelled drag leaves no trace.
    fn cancel_gesture(&mut self, intents: &mut Vec<Intent>) {
        let cancelled = std::mem::replace(
            &mut self.gesture,
            Gesture::Cancelled {
                restored: Vec::new(),
            },
        );
        match cancelled {
            Gesture::Move {
                key, start, sent, ..
            } => {
                if sent {
                    intents.push(Intent::CancelGesture(Coalesce::Drag(key)));
                    // Drawn where they started until the app has taken the move back.
                    self.gesture = Gesture::Cancelled { restored: start };
                }
            }
            Gesture::Band { .. } | Gesture::Connect { .. } | Gesture::Pan => {}
            Gesture::Idle | Gesture::Cancelled { .. } => self.gesture = Gesture::Idle,
        }
    }

    /// Adds a system in the middle of the view (the toolbar and Edit ▸ Add System), in the
    /// free space nearest it, and selects it.
    pub fn add_system_in_view(&mut self, project: &Project, intents: &mut Vec<Intent>) {
        let placed = self.add_system_at(project, self.scene_rect.center(), intents);
        // In a crowded view the nearest free place can be out of sight: pan to it.
        self.scene_rect = pan_to_show(self.scene_rect, placed.expand(FRAME_MARGIN));
    }

    /// Pans, keeping the zoom, until these systems are in view.
    pub(super) fn reveal(&mut self, project: &Project, systems: &[SystemId]) {
        let target = super::bounds_of(project, systems);
        if target.is_positive() {
            self.scene_rect = pan_to_show(self.scene_rect, target.expand(FRAME_MARGIN));
        }
    }

    /// Adds a system in the free space nearest `pos_in_scene` (centred there when it is
    /// free, snapped), inside the zone drawn there, and selects it. Returns its box.
    pub(super) fn add_system_at(
        &self,
        project: &Project,
        pos_in_scene: Pos2,
        intents: &mut Vec<Intent>,
    ) -> Rect {
        // A placeholder: the session gives the system its id when it adds it.
        let id = SystemId(project.next_free_id());
        let number = lowest_free_number(
            project.systems.iter().map(|s| s.name.as_str()),
            NEW_SYSTEM_PREFIX,
        );
        let mut system = System::new(id, format!("{NEW_SYSTEM_PREFIX}{number}"));
        let size = Size::SYSTEM;
        let mut wanted_in_scene = Point::new(
            pos_in_scene.x - size.width / 2.0,
            pos_in_scene.y - size.height / 2.0,
        );
        if self.snap_to_grid {
            wanted_in_scene = snap_point(wanted_in_scene, GRID);
        }
        // The innermost zone under the point: adding inside a zone puts the system in it.
        system.zone = self
            .placement
            .zones
            .iter()
            .filter(|z| z.rect.contains(pos_in_scene))
            .min_by(|a, b| a.rect.area().total_cmp(&b.rect.area()))
            .map(|z| project.zones[z.index].id);
        // Whole grid steps away, so a snapped position stays on the grid.
        system.position = nearest_free_position(project, wanted_in_scene, size, system.zone);
        system.size = size;
        let placed = to_egui(system.rect());
        let items = Items {
            systems: vec![(project.systems.len(), system)],
            ..Items::default()
        };
        intents.push(Intent::Add {
            items,
            label: "Add system".into(),
        });
        placed
    }
}

/// Adds a connection from `from` to `to` and selects it, ready for its properties.
pub(super) fn connect(project: &Project, from: SystemId, to: SystemId, intents: &mut Vec<Intent>) {
    // A placeholder: the session gives the connection its id when it adds it.
    let id = ConnectionId(project.next_free_id());
    let items = Items {
        connections: vec![(project.connections.len(), Connection::new(id, from, to))],
        ..Items::default()
    };
    intents.push(Intent::Add {
        items,
        label: "Connect".into(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_system_gets_the_lowest_free_name_centred_on_the_point() {
        let mut project = Project::new("p");
        let mut far_away = System::new(SystemId(4), "New system 1");
        far_away.position = Point::new(5000.0, 5000.0);
        project.systems.push(far_away);
        project.next_id = 2; // behind the ids in use, as after a hand edit
        let canvas = Canvas::new();
        let mut intents = Vec::new();
        canvas.add_system_at(&project, Pos2::new(111.0, 49.0), &mut intents);
        let Some(Intent::Add { items, .. }) = intents.first() else {
            panic!("expected an addition, got {intents:?}");
        };
        let (_, system) = &items.systems[0];
        assert_eq!(system.name, "New system 2");
        // Centred on the point, snapped to the grid.
        assert_eq!(system.position, Point::new(20.0, 0.0));

        // Asked for on top of that one: beside it instead, clear of it.
        intents.clear();
        canvas.add_system_at(&project, Pos2::new(5100.0, 5045.0), &mut intents);
        let Some(Intent::Add { items, .. }) = intents.first() else {
            panic!("expected an addition, got {intents:?}");
        };
        let placed = items.systems[0].1.rect();
        assert!(
            !placed
                .expand(crate::edit::FREE_MARGIN - 0.1)
                .overlaps(&project.systems[0].rect())
        );
    }
}
