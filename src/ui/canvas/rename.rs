//! Renaming a system or zone in place: a text field over its name on the canvas. Enter or
//! a click elsewhere keeps the new name, Escape keeps the old one.

use egui::text::{CCursor, CCursorRange};
use egui::{Key, Rect, TextEdit, Ui, vec2};

use super::Canvas;
use super::view::View;
use crate::edit::Edit;
use crate::model::{ItemRef, Project, SystemId};
use crate::ui::intent::Intent;

/// The field is never narrower than this, so short names are still comfortable to edit.
const MIN_FIELD_WIDTH_ON_SCREEN: f32 = 180.0;
const FIELD_HEIGHT_ON_SCREEN: f32 = 24.0;

pub(super) struct Renaming {
    item: ItemRef,
    text: String,
    /// Focus is asked for once, on the first frame; after that losing it ends the rename.
    focus_asked: bool,
}

impl Canvas {
    /// Starts renaming `item` (a system or zone) in place; false for anything else.
    pub fn start_rename(&mut self, project: &Project, item: ItemRef) -> bool {
        let Some(text) = current_name(project, item) else {
            return false;
        };
        // Bring an item that is out of view into it first, so the name is not typed blind.
        if name_rect(self, project, item).is_none() {
            let members: Vec<SystemId> = match item {
                ItemRef::System(id) => vec![id],
                ItemRef::Zone(zone) => project.systems_in_zone(zone).map(|s| s.id).collect(),
                ItemRef::Connection(_) | ItemRef::Project => Vec::new(),
            };
            if !self.request_frame(project, &members) {
                return false;
            }
            // Wait for the framed view before showing the field.
            self.rename_waits_for_view = true;
        }
        self.renaming = Some(Renaming {
            item,
            text,
            focus_asked: false,
        });
        true
    }

    /// Ends a rename without changing the name.
    pub fn cancel_rename(&mut self) {
        self.renaming = None;
    }

    /// Shows the rename field over the item's name, and turns its outcome into an edit.
    pub(super) fn rename_field(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        view: &View,
        intents: &mut Vec<Intent>,
    ) {
        let Some(item) = self.renaming.as_ref().map(|r| r.item) else {
            return;
        };
        let Some(name_rect_in_scene) = name_rect(self, project, item) else {
            if std::mem::take(&mut self.rename_waits_for_view) {
                ui.ctx().request_repaint();
            } else {
                // The item went away (undo, delete) or out of view while being renamed.
                self.renaming = None;
            }
            return;
        };
        self.rename_waits_for_view = false;
        let id = self.id_seed.with("rename");
        let Some(renaming) = &mut self.renaming else {
            return;
        };
        let name_rect = view.rect_on_screen(name_rect_in_scene);
        let field_rect = Rect::from_min_size(
            name_rect.min,
            vec2(
                name_rect.width().max(MIN_FIELD_WIDTH_ON_SCREEN),
                FIELD_HEIGHT_ON_SCREEN,
            ),
        );
        let old_name = current_name(project, item).unwrap_or_default();
        let response = ui.put(
            field_rect,
            TextEdit::singleline(&mut renaming.text)
                .id(id)
                .hint_text("Name"),
        );
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_label(format!("New name for {old_name}"));
        });
        if !renaming.focus_asked {
            renaming.focus_asked = true;
            response.request_focus();
            // Everything selected, so typing replaces the old name.
            if let Some(mut state) = TextEdit::load_state(ui.ctx(), id) {
                let all =
                    CCursorRange::two(CCursor::new(0), CCursor::new(renaming.text.chars().count()));
                state.cursor.set_char_range(Some(all));
                TextEdit::store_state(ui.ctx(), id, state);
            }
            return;
        }
        if response.lost_focus() {
            let cancelled = ui.input(|i| i.key_pressed(Key::Escape));
            let new_name = renaming.text.trim().to_owned();
            self.renaming = None;
            if !cancelled
                && !new_name.is_empty()
                && new_name != old_name
                && let Some(edit) = rename_edit(project, item, new_name)
            {
                intents.push(Intent::edit(edit, "Rename"));
            }
        }
    }
}

/// Where the item's name is drawn, in scene coordinates: the top of a box, or a zone's tab.
fn name_rect(canvas: &Canvas, project: &Project, item: ItemRef) -> Option<Rect> {
    match item {
        ItemRef::System(id) => {
            project.system(id)?;
            let index = canvas.placement.systems.get(id.0)?;
            // Only a box on screen: a field for one off screen would take typing unseen.
            if !canvas.placement.visible_systems.contains(&index) {
                return None;
            }
            let rect = *canvas.placement.system_rects.get(index)?;
            Some(Rect::from_min_size(rect.min, vec2(rect.width(), 0.0)))
        }
        ItemRef::Zone(id) => {
            project.zone(id)?;
            canvas
                .drawn_labels
                .zones
                .iter()
                .find(|(zone, _)| *zone == id)
                .map(|(_, rect)| *rect)
        }
        ItemRef::Connection(_) | ItemRef::Project => None,
    }
}

fn current_name(project: &Project, item: ItemRef) -> Option<String> {
    match item {
        ItemRef::System(id) => project.system(id).map(|s| s.name.clone()),
        ItemRef::Zone(id) => project.zone(id).map(|z| z.name.clone()),
        ItemRef::Connection(_) | ItemRef::Project => None,
    }
}

fn rename_edit(project: &Project, item: ItemRef, name: String) -> Option<Edit> {
    match item {
        ItemRef::System(id) => {
            let mut system = project.system(id)?.clone();
            system.name = name;
            Some(Edit::SetSystem(Box::new(system)))
        }
        ItemRef::Zone(id) => {
            let mut zone = project.zone(id)?.clone();
            zone.name = name;
            Some(Edit::SetZone(zone))
        }
        ItemRef::Connection(_) | ItemRef::Project => None,
    }
}
