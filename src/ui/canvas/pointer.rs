//! Clicks, drags, double-clicks and secondary clicks on the canvas's one response, turned
//! into intents and into a [`PointerOutcome`]: what the rest of the frame draws from.
//!
//! A drag of boxes sends the absolute positions of the moved boxes on every frame, all
//! with the same coalesce key, then `EndOfGesture`: the history merges them into one undo
//! step. While dragging, the canvas draws the boxes where the pointer puts them itself, so
//! the picture never lags the pointer by a frame.

use egui::{Key, Modifiers, PointerButton, Pos2, Rect, Response, Ui, Vec2};

use super::Canvas;
use super::geometry::connect_handle;
use super::hit::{Hit, band_selection, hit_test, union};
use super::input::{ContextTarget, Gesture, connect};
use super::view::{Detail, View};
use crate::edit::{Coalesce, Edit};
use crate::model::{GRID, ItemRef, Point, Project, SystemId, snap_point};
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;

/// How near (in screen points) the pointer must be to a connect handle to grab it.
const HANDLE_REACH_ON_SCREEN: f32 = 8.0;

/// How near (in screen points) the pointer must be to a line to be on it.
const LINE_TOLERANCE_ON_SCREEN: f32 = 6.0;

/// What the pointer did this frame. The intents go to the app, which applies them after
/// the frame; the canvas draws this frame from these.
#[derive(Debug, Default)]
pub(super) struct PointerOutcome {
    /// Where a drag put the moved boxes this frame.
    pub moved: Option<Vec<(SystemId, Point)>>,
    /// The selection the app will have once it applies this frame's intents.
    pub selected: Option<Selection>,
}

impl PointerOutcome {
    fn select(&mut self, chosen: Selection, intents: &mut Vec<Intent>) {
        intents.push(Intent::Select(chosen.clone()));
        self.selected = Some(chosen);
    }
}

/// What every step of one frame's pointer handling reads.
struct PointerFrame<'a> {
    ui: &'a Ui,
    response: &'a Response,
    project: &'a Project,
    selection: &'a Selection,
    view: &'a View,
    /// Ctrl or Shift: add to the selection instead of replacing it.
    additive: bool,
    /// The pointer in scene coordinates: egui's own positions are in screen coordinates.
    pointer_in_scene: Option<Pos2>,
}

impl PointerFrame<'_> {
    fn hit_at(&self, canvas: &Canvas, pos_in_scene: Pos2) -> Option<Hit> {
        let tolerance = self.view.in_scene(LINE_TOLERANCE_ON_SCREEN);
        let labels = &canvas.drawn_labels;
        hit_test(
            self.project,
            &canvas.placement,
            labels,
            pos_in_scene,
            tolerance,
        )
    }

    /// Where the pointer is while it hovers the canvas.
    fn hover_in_scene(&self) -> Option<Pos2> {
        self.response.hover_pos()?;
        let pos = self.ui.input(|i| i.pointer.latest_pos())?;
        Some(self.view.scene_from_screen(pos))
    }
}

impl Canvas {
    /// Clicks, drags, double-clicks and secondary clicks on the canvas response.
    pub(super) fn handle_pointer(
        &mut self,
        ui: &Ui,
        response: &Response,
        project: &Project,
        selection: &Selection,
        view: &View,
        intents: &mut Vec<Intent>,
    ) -> PointerOutcome {
        let modifiers = ui.input(|i| i.modifiers);
        let frame = PointerFrame {
            ui,
            response,
            project,
            selection,
            view,
            additive: modifiers.command || modifiers.ctrl || modifiers.shift,
            pointer_in_scene: ui
                .input(|i| i.pointer.interact_pos().or(i.pointer.latest_pos()))
                .map(|p| view.scene_from_screen(p)),
        };
        let mut outcome = PointerOutcome::default();
        self.update_hover(&frame);
        if response.drag_started_by(PointerButton::Primary) {
            self.begin_gesture(&frame, intents, &mut outcome);
        }
        if (response.dragged_by(PointerButton::Primary) || response.drag_stopped())
            && let Some(pointer) = frame.pointer_in_scene
        {
            self.update_drag(pointer, modifiers, intents, &mut outcome);
        }
        if response.drag_stopped() {
            self.finish_gesture(&frame, intents, &mut outcome);
        }
        // A drag that ended outside any frame we saw (focus lost) must not stay stuck.
        if !self.gesture.is_idle() && !ui.input(|i| i.pointer.any_down()) && !response.dragged() {
            if let Gesture::Move { sent: true, .. } = self.gesture {
                intents.push(Intent::EndOfGesture);
            }
            self.gesture = Gesture::Idle;
        }
        self.on_clicks(&frame, intents, &mut outcome);
        outcome
    }

    /// What is under the pointer: a connect handle, or the item to highlight.
    fn update_hover(&mut self, frame: &PointerFrame) {
        let on_handle = |canvas: &Canvas| {
            let pos = frame.hover_in_scene()?;
            canvas.handle_at(frame.project, frame.view, pos)
        };
        let under_pointer = |canvas: &Canvas| frame.hit_at(canvas, frame.hover_in_scene()?);
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
    }

    /// A primary drag started: pan (with Space), connect (from a handle), move boxes, or
    /// a rubber band.
    fn begin_gesture(
        &mut self,
        frame: &PointerFrame,
        intents: &mut Vec<Intent>,
        outcome: &mut PointerOutcome,
    ) {
        let (ui, view) = (frame.ui, frame.view);
        let Some(origin) = ui
            .input(|i| i.pointer.press_origin())
            .map(|p| view.scene_from_screen(p))
        else {
            return;
        };
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
        } else if let Some(from) = self.handle_at(frame.project, view, origin) {
            Gesture::Connect {
                from,
                now_in_scene: origin,
            }
        } else {
            let hit = frame.hit_at(self, origin);
            self.start_drag(frame, hit, origin, intents, outcome)
        };
    }

    /// The primary drag ended: a move is one undo step, a band selects, a connection is
    /// made.
    fn finish_gesture(
        &mut self,
        frame: &PointerFrame,
        intents: &mut Vec<Intent>,
        outcome: &mut PointerOutcome,
    ) {
        match std::mem::take(&mut self.gesture) {
            Gesture::Move { sent: true, .. } => intents.push(Intent::EndOfGesture),
            Gesture::Band {
                start_in_scene,
                now_in_scene,
                additive,
            } => {
                let band = Rect::from_two_pos(start_in_scene, now_in_scene);
                let caught = band_selection(frame.project, &self.placement, band);
                let chosen = if additive {
                    union(caught, frame.selection)
                } else {
                    caught
                };
                if chosen != *frame.selection {
                    outcome.select(chosen, intents);
                }
            }
            Gesture::Connect { from, now_in_scene } => {
                if let Some(Hit::System(to)) = frame.hit_at(self, now_in_scene)
                    && to != from
                {
                    connect(frame.project, from, to, intents);
                }
            }
            _ => {}
        }
    }

    /// Click selects, double-click renames or adds a system, secondary click opens the
    /// context menu.
    fn on_clicks(
        &mut self,
        frame: &PointerFrame,
        intents: &mut Vec<Intent>,
        outcome: &mut PointerOutcome,
    ) {
        let response = frame.response;
        let Some(pos) = response.interact_pointer_pos().and(frame.pointer_in_scene) else {
            return;
        };
        if response.clicked() {
            let selection = frame.selection;
            let chosen = match frame.hit_at(self, pos) {
                Some(hit) if frame.additive => {
                    let mut chosen = selection.clone();
                    chosen.toggle(hit.item());
                    chosen
                }
                Some(hit) => Selection::only(hit.item()),
                None if frame.additive => selection.clone(),
                None => Selection::default(),
            };
            if chosen != *selection {
                outcome.select(chosen, intents);
            }
        }
        if response.double_clicked() {
            self.on_double_click(frame, pos, intents);
        }
        if response.secondary_clicked() {
            self.context = Some(ContextTarget {
                hit: frame.hit_at(self, pos),
                pos_in_scene: pos,
            });
        }
    }

    fn on_double_click(&mut self, frame: &PointerFrame, pos: Pos2, intents: &mut Vec<Intent>) {
        let project = frame.project;
        match frame.hit_at(self, pos) {
            Some(hit @ (Hit::System(_) | Hit::Zone(_))) => {
                self.start_rename(project, hit.item());
                frame.ui.ctx().request_repaint();
            }
            Some(Hit::Connection(_)) => {}
            // Lost in empty space, with the whole landscape out of view: bring it back
            // rather than add a system nobody can see the others from.
            None if self.placement.visible_systems.is_empty() && !project.systems.is_empty() => {
                self.request_fit();
                frame.ui.ctx().request_repaint();
            }
            None => _ = self.add_system_at(project, pos, intents),
        }
    }

    fn start_drag(
        &mut self,
        frame: &PointerFrame,
        hit: Option<Hit>,
        origin: Pos2,
        intents: &mut Vec<Intent>,
        outcome: &mut PointerOutcome,
    ) -> Gesture {
        let (project, selection) = (frame.project, frame.selection);
        let (anchor, moving): (SystemId, Vec<SystemId>) = match hit {
            Some(Hit::System(id)) => {
                // Dragging an unselected box selects it first, then drags the selection.
                let chosen = if selection.systems.contains(&id) {
                    selection.clone()
                } else if frame.additive {
                    let mut chosen = selection.clone();
                    chosen.systems.insert(id);
                    chosen
                } else {
                    Selection::only(ItemRef::System(id))
                };
                if chosen != *selection {
                    outcome.select(chosen.clone(), intents);
                }
                (id, chosen.systems.into_iter().collect())
            }
            // Dragging a zone by its name moves everything in it.
            Some(Hit::Zone(zone)) => {
                let chosen = Selection::only(ItemRef::Zone(zone));
                if chosen != *selection {
                    outcome.select(chosen, intents);
                }
                let members: Vec<SystemId> = project.systems_in_zone(zone).map(|s| s.id).collect();
                match members.first() {
                    Some(&first) => (first, members),
                    None => return Gesture::Idle,
                }
            }
            Some(Hit::Connection(_)) | None => {
                return Gesture::Band {
                    start_in_scene: origin,
                    now_in_scene: origin,
                    additive: frame.additive,
                };
            }
        };
        self.start_move(project, anchor, &moving, origin)
    }

    fn start_move(
        &mut self,
        project: &Project,
        anchor: SystemId,
        moving: &[SystemId],
        origin: Pos2,
    ) -> Gesture {
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
        outcome: &mut PointerOutcome,
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
                    outcome.moved = Some(now.clone());
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
}
