//! Pointer and keyboard gestures on the canvas's one response, turned into intents.
//!
//! A drag of boxes sends the absolute positions of the moved boxes on every frame, all
//! with the same coalesce key, then `EndOfGesture`: the history merges them into one undo
//! step. While dragging, the canvas draws the boxes where the pointer puts them itself, so
//! the picture never lags the pointer by a frame.

use egui::{Key, Modifiers, PointerButton, Pos2, Rect, Response, Ui, Vec2};

use super::Canvas;
use super::geometry::{GRID, connect_handle, snap_point};
use super::hit::{Hit, band_selection, hit_test, union};
use super::legend;
use super::placement::Placement;
use super::view::{Detail, View, fit_scene_rect, readable_scene_rect, zoom_scene_rect};
use crate::edit::{Coalesce, Edit, Items, lowest_free_number, nearest_free_position};
use crate::model::{Connection, ConnectionId, ItemRef, Point, Project, Size, System, SystemId};
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;

/// Room around framed items, in scene units, so their labels and badges show too.
const FRAME_MARGIN: f32 = 60.0;

/// How near (in screen points) the pointer must be to a connect handle to grab it.
const HANDLE_REACH_ON_SCREEN: f32 = 8.0;

/// How near (in screen points) the pointer must be to a line to be on it.
const LINE_TOLERANCE_ON_SCREEN: f32 = 6.0;

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
    ) {
        // The app took the cancelled move back after the last frame.
        if let Gesture::Cancelled { restored } = &mut self.gesture {
            restored.clear();
        }
        if self.fit_requested {
            self.fit_requested = false;
            let bounds = Placement::content_bounds(project);
            self.scene_rect = fit_scene_rect(bounds, canvas_size, legend::RESERVED_HEIGHT);
            if self.fit_readable {
                self.scene_rect = readable_scene_rect(self.scene_rect, bounds, canvas_size);
            }
        }
        if let Some(target) = self.frame_target.take() {
            self.scene_rect = fit_scene_rect(
                Some(target.expand(FRAME_MARGIN)),
                canvas_size,
                legend::RESERVED_HEIGHT,
            );
        }
        if matches!(self.gesture, Gesture::Pan) {
            let delta_on_screen = ui.input(|i| i.pointer.delta());
            if self.zoom > 0.0 {
                self.scene_rect = self.scene_rect.translate(-delta_on_screen / self.zoom);
            }
        }
        // Keys typed into a field are text, not canvas commands.
        if ui.ctx().text_edit_focused() {
            return;
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
            self.on_escape(selection, intents);
        }
    }

    /// Escape: a gesture in progress is cancelled; with none, the selection is cleared
    /// (unless the key was for something else: a rename, a field, a menu, the Find box).
    fn on_escape(&mut self, selection: &Selection, intents: &mut Vec<Intent>) {
        if self.gesture.is_idle() {
            let escape_is_ours =
                self.renaming.is_none() && !self.rename_waits_for_view && !self.keyboard_elsewhere;
            if escape_is_ours && !selection.is_empty() {
                intents.push(Intent::Select(Selection::default()));
            }
        } else {
            self.cancel_gesture(intents);
        }
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

    /// Clicks, drags, double-clicks and secondary clicks on the canvas response.
    /// Returns the positions to draw dragged boxes at this frame, when a drag moved them.
    pub(super) fn handle_pointer(
        &mut self,
        ui: &Ui,
        response: &Response,
        project: &Project,
        selection: &Selection,
        view: &View,
        intents: &mut Vec<Intent>,
    ) {
        let modifiers = ui.input(|i| i.modifiers);
        let additive = modifiers.command || modifiers.ctrl || modifiers.shift;
        let tolerance = view.in_scene(LINE_TOLERANCE_ON_SCREEN);
        let hit_at = |canvas: &Canvas, pos: Pos2| {
            hit_test(
                project,
                &canvas.placement,
                &canvas.drawn_labels,
                pos,
                tolerance,
            )
        };
        // The pointer in scene coordinates: egui's own positions are in screen coordinates.
        let pointer_in_scene = ui
            .input(|i| i.pointer.interact_pos().or(i.pointer.latest_pos()))
            .map(|p| view.scene_from_screen(p));

        let under_pointer = |canvas: &Canvas| {
            response.hover_pos()?;
            let pos = ui.input(|i| i.pointer.latest_pos())?;
            hit_at(canvas, view.scene_from_screen(pos))
        };
        let on_handle = |canvas: &Canvas| {
            response.hover_pos()?;
            let pos = ui.input(|i| i.pointer.latest_pos())?;
            canvas.handle_at(project, view, view.scene_from_screen(pos))
        };
        self.on_handle = match self.gesture {
            Gesture::Idle => on_handle(self),
            _ => None,
        };
        self.hovered = match &self.gesture {
            // On a handle (which reaches out past the box's edge) the box stays hovered,
            // so its handle keeps showing.
            Gesture::Idle => self
                .on_handle
                .map(Hit::System)
                .or_else(|| under_pointer(self)),
            // While connecting, the box the connection would go to.
            Gesture::Connect { from, .. } => {
                under_pointer(self).filter(|hit| matches!(hit, Hit::System(to) if to != from))
            }
            _ => None,
        };

        if response.drag_started_by(PointerButton::Primary) {
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .map(|p| view.scene_from_screen(p));
            if let Some(origin) = origin {
                let space = ui.input(|i| i.key_down(Key::Space));
                self.gesture = if space && !ui.ctx().text_edit_focused() {
                    // egui reports a drag once the pointer has moved a little: catch up.
                    let moved_on_screen = ui.input(|i| {
                        i.pointer
                            .latest_pos()
                            .zip(i.pointer.press_origin())
                            .map_or(Vec2::ZERO, |(now, origin)| now - origin)
                    });
                    self.scene_rect = self
                        .scene_rect
                        .translate(-view.in_scene(1.0) * moved_on_screen);
                    ui.ctx().request_repaint();
                    Gesture::Pan
                } else if let Some(from) = self.handle_at(project, view, origin) {
                    Gesture::Connect {
                        from,
                        now_in_scene: origin,
                    }
                } else {
                    let hit = hit_at(self, origin);
                    self.start_drag(project, selection, hit, origin, additive, intents)
                };
            }
        }

        if (response.dragged_by(PointerButton::Primary) || response.drag_stopped())
            && let Some(pointer) = pointer_in_scene
        {
            self.update_drag(pointer, modifiers, intents);
        }

        if response.drag_stopped() {
            match std::mem::take(&mut self.gesture) {
                Gesture::Move { sent: true, .. } => intents.push(Intent::EndOfGesture),
                Gesture::Band {
                    start_in_scene,
                    now_in_scene,
                    additive,
                } => {
                    let band = Rect::from_two_pos(start_in_scene, now_in_scene);
                    let caught = band_selection(project, &self.placement, band);
                    let chosen = if additive {
                        union(caught, selection)
                    } else {
                        caught
                    };
                    if chosen != *selection {
                        intents.push(Intent::Select(chosen));
                    }
                }
                Gesture::Connect { from, now_in_scene } => {
                    if let Some(Hit::System(to)) = hit_at(self, now_in_scene)
                        && to != from
                    {
                        connect(project, from, to, intents);
                    }
                }
                _ => {}
            }
        }
        // A drag that ended outside any frame we saw (focus lost) must not stay stuck.
        if !self.gesture.is_idle() && !ui.input(|i| i.pointer.any_down()) && !response.dragged() {
            if let Gesture::Move { sent: true, .. } = self.gesture {
                intents.push(Intent::EndOfGesture);
            }
            self.gesture = Gesture::Idle;
        }

        let click_pos = response.interact_pointer_pos().and(pointer_in_scene);
        if response.clicked()
            && let Some(pos) = click_pos
        {
            let hit = hit_at(self, pos);
            let chosen = match hit {
                Some(hit) if additive => {
                    let mut chosen = selection.clone();
                    chosen.toggle(hit.item());
                    chosen
                }
                Some(hit) => Selection::only(hit.item()),
                None if additive => selection.clone(),
                None => Selection::default(),
            };
            if chosen != *selection {
                intents.push(Intent::Select(chosen));
            }
        }
        if response.double_clicked()
            && let Some(pos) = click_pos
        {
            match hit_at(self, pos) {
                Some(hit @ (Hit::System(_) | Hit::Zone(_))) => {
                    self.start_rename(project, hit.item());
                    ui.ctx().request_repaint();
                }
                Some(Hit::Connection(_)) => {}
                // Lost in empty space, with the whole landscape out of view: bring it back
                // rather than add a system nobody can see the others from.
                None if self.placement.visible_systems.is_empty()
                    && !project.systems.is_empty() =>
                {
                    self.request_fit();
                    ui.ctx().request_repaint();
                }
                None => self.add_system_at(project, pos, intents),
            }
        }
        if response.secondary_clicked()
            && let Some(pos) = click_pos
        {
            self.context = Some(ContextTarget {
                hit: hit_at(self, pos),
                pos_in_scene: pos,
            });
        }
    }

    fn start_drag(
        &mut self,
        project: &Project,
        selection: &Selection,
        hit: Option<Hit>,
        origin: Pos2,
        additive: bool,
        intents: &mut Vec<Intent>,
    ) -> Gesture {
        let (anchor, moving): (SystemId, Vec<SystemId>) = match hit {
            Some(Hit::System(id)) => {
                // Dragging an unselected box selects it first, then drags the selection.
                let chosen = if selection.systems.contains(&id) {
                    selection.clone()
                } else if additive {
                    let mut chosen = selection.clone();
                    chosen.systems.insert(id);
                    chosen
                } else {
                    Selection::only(ItemRef::System(id))
                };
                if chosen != *selection {
                    intents.push(Intent::Select(chosen.clone()));
                }
                (id, chosen.systems.into_iter().collect())
            }
            // Dragging a zone by its name moves everything in it.
            Some(Hit::Zone(zone)) => {
                let chosen = Selection::only(ItemRef::Zone(zone));
                if chosen != *selection {
                    intents.push(Intent::Select(chosen));
                }
                let members: Vec<SystemId> = project
                    .systems
                    .iter()
                    .filter(|s| s.zone == Some(zone))
                    .map(|s| s.id)
                    .collect();
                match members.first() {
                    Some(&first) => (first, members),
                    None => return Gesture::Idle,
                }
            }
            Some(Hit::Connection(_)) | None => {
                return Gesture::Band {
                    start_in_scene: origin,
                    now_in_scene: origin,
                    additive,
                };
            }
        };
        // Through the index: a select-all of ten thousand boxes must not search the list
        // once per box.
        let position_of = |id: SystemId| {
            self.placement
                .systems
                .get(id.0)
                .map(|i| project.systems[i].position)
        };
        let start: Vec<(SystemId, Point)> = moving
            .iter()
            .filter_map(|&id| position_of(id).map(|p| (id, p)))
            .collect();
        let Some(anchor_start) = position_of(anchor) else {
            return Gesture::Idle;
        };
        self.gestures_started += 1;
        Gesture::Move {
            key: self.id_seed.with(self.gestures_started).value(),
            grab_in_scene: origin,
            anchor_start,
            now: start.clone(),
            start,
            sent: false,
        }
    }

    fn update_drag(
        &mut self,
        pointer_in_scene: Pos2,
        modifiers: Modifiers,
        intents: &mut Vec<Intent>,
    ) {
        let snap = self.snap_to_grid && !modifiers.alt;
        let index = &self.placement.systems;
        match &mut self.gesture {
            Gesture::Move {
                key,
                grab_in_scene,
                anchor_start,
                start,
                now,
                sent,
            } => {
                // A box deleted mid-drag (an undo, say) would make the whole move fail.
                start.retain(|(id, _)| index.get(id.0).is_some());
                let delta = pointer_in_scene - *grab_in_scene;
                let mut target = Point::new(anchor_start.x + delta.x, anchor_start.y + delta.y);
                if snap {
                    target = snap_point(target, GRID);
                }
                let (dx, dy) = (target.x - anchor_start.x, target.y - anchor_start.y);
                let moved: Vec<(SystemId, Point)> = start
                    .iter()
                    .map(|(id, p)| (*id, Point::new(p.x + dx, p.y + dy)))
                    .collect();
                if moved != *now && !moved.is_empty() {
                    *now = moved;
                    *sent = true;
                    intents.push(Intent::merging(
                        Edit::MoveSystems(now.clone()),
                        "Move",
                        Coalesce::Drag(*key),
                    ));
                }
            }
            Gesture::Band { now_in_scene, .. } | Gesture::Connect { now_in_scene, .. } => {
                *now_in_scene = pointer_in_scene;
            }
            Gesture::Idle | Gesture::Pan | Gesture::Cancelled { .. } => {}
        }
    }

    /// The system whose connect handle is at `pos_in_scene`, if any. Handles show on
    /// hovered and selected boxes, at full detail only.
    fn handle_at(&self, project: &Project, view: &View, pos_in_scene: Pos2) -> Option<SystemId> {
        if view.detail() != Detail::Full {
            return None;
        }
        let reach = view.in_scene(HANDLE_REACH_ON_SCREEN);
        self.placement
            .visible_systems
            .iter()
            .rev()
            .find(|&&i| {
                (connect_handle(self.placement.system_rects[i]) - pos_in_scene).length() <= reach
            })
            .map(|&i| project.systems[i].id)
    }

    /// Adds a system in the middle of the view (the toolbar and Edit ▸ Add System), in the
    /// free space nearest it, and selects it.
    pub fn add_system_in_view(&self, project: &Project, intents: &mut Vec<Intent>) {
        self.add_system_at(project, self.scene_rect.center(), intents);
    }

    /// Adds a system in the free space nearest `pos_in_scene` (centred there when it is
    /// free, snapped), inside the zone drawn there, and selects it.
    pub(super) fn add_system_at(
        &self,
        project: &Project,
        pos_in_scene: Pos2,
        intents: &mut Vec<Intent>,
    ) {
        // Not `allocate_system_id`: widgets never mutate the project.
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
        let items = Items {
            systems: vec![(project.systems.len(), system)],
            ..Items::default()
        };
        intents.push(Intent::edit(Edit::Insert(items), "Add system"));
        intents.push(Intent::Select(Selection::only(ItemRef::System(id))));
    }
}

/// Adds a connection from `from` to `to` and selects it, ready for its properties.
pub(super) fn connect(project: &Project, from: SystemId, to: SystemId, intents: &mut Vec<Intent>) {
    // Not `allocate_connection_id`: widgets never mutate the project.
    let id = ConnectionId(project.next_free_id());
    let items = Items {
        connections: vec![(project.connections.len(), Connection::new(id, from, to))],
        ..Items::default()
    };
    intents.push(Intent::edit(Edit::Insert(items), "Connect"));
    intents.push(Intent::Select(Selection::only(ItemRef::Connection(id))));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_system_gets_a_fresh_id_and_the_lowest_free_name() {
        let mut project = Project::new("p");
        let mut far_away = System::new(SystemId(4), "New system 1");
        far_away.position = Point::new(5000.0, 5000.0);
        project.systems.push(far_away);
        project.next_id = 2; // behind the ids in use, as after a hand edit
        let canvas = Canvas::new();
        let mut intents = Vec::new();
        canvas.add_system_at(&project, Pos2::new(111.0, 49.0), &mut intents);
        let Some(Intent::Edit {
            edit: Edit::Insert(items),
            ..
        }) = intents.first()
        else {
            panic!("expected an insert, got {intents:?}");
        };
        let (index, system) = &items.systems[0];
        assert_eq!(*index, 1);
        assert_eq!(system.id, SystemId(5));
        assert_eq!(system.name, "New system 2");
        // Centred on the point, snapped to the grid.
        assert_eq!(system.position, Point::new(20.0, 0.0));

        // Asked for on top of that one: beside it instead, clear of it.
        intents.clear();
        canvas.add_system_at(&project, Pos2::new(5100.0, 5045.0), &mut intents);
        let Some(Intent::Edit {
            edit: Edit::Insert(items),
            ..
        }) = intents.first()
        else {
            panic!("expected an insert, got {intents:?}");
        };
        let placed = items.systems[0].1.rect();
        assert!(
            !placed
                .expand(crate::edit::FREE_MARGIN - 0.1)
                .overlaps(&project.systems[0].rect())
        );
        assert!(matches!(&intents[1], Intent::Select(s) if s.systems.contains(&SystemId(5))));
    }
}
