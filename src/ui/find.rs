//! Find a system (Ctrl+F): a box over the canvas listing the systems whose name, technology,
//! owner or tags contain what is typed. Enter or a click selects the system and frames it;
//! the arrow keys move through the list; Escape closes the box.

use egui::{Align2, Key, Modifiers, RichText, TextEdit, Ui};

use super::intent::Intent;
use super::selection::Selection;
use crate::model::{ItemRef, Project, System};

/// More than this many matches are counted, not listed: the list is for picking.
const MAX_LISTED: usize = 10;

#[derive(Default)]
pub struct FindBox {
    open: bool,
    query: String,
    /// The listed match that Enter picks.
    highlighted: usize,
    /// How many matches were listed last frame, for the arrow keys.
    listed: usize,
    focus_asked: bool,
}

impl FindBox {
    /// Opens the box, or puts the keyboard back in it when it is open already.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_asked = false;
    }

    /// Shows the box at the top of `canvas_rect` while it is open.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        canvas_rect: egui::Rect,
        project: &Project,
        intents: &mut Vec<Intent>,
    ) {
        if !self.open {
            return;
        }
        let mut picked = None;
        let area = egui::Area::new(egui::Id::unique("find system"))
            .order(egui::Order::Foreground)
            .pivot(Align2::CENTER_TOP)
            .fixed_pos(canvas_rect.center_top() + egui::vec2(0.0, 44.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_width(380.0);
                    picked = self.contents(ui, project);
                });
            });
        // Like a menu: Escape, or a click anywhere else, closes it; nothing is left open
        // that the keyboard cannot reach.
        let (escape, pressed_at) = ui.input(|i| {
            // Not `press_origin`: a click's press and release can arrive in one frame, and
            // the release clears it.
            let press = i.pointer.any_pressed().then(|| i.pointer.interact_pos());
            (i.key_pressed(Key::Escape), press.flatten())
        });
        let clicked_elsewhere = pressed_at.is_some_and(|at| !area.response.rect.contains(at));
        if let Some(index) = picked {
            let id = project.systems[index].id;
            intents.extend(Intent::show(Selection::only(ItemRef::System(id))));
        }
        if picked.is_some() || escape || clicked_elsewhere {
            self.open = false;
        }
    }

    /// The field and the list; returns the picked system's index.
    fn contents(&mut self, ui: &mut Ui, project: &Project) -> Option<usize> {
        let field_id = egui::Id::unique("find system field");
        // Taken before the field sees them: a single-line field would move its cursor.
        // The list is last frame's, which is what the user sees.
        if ui.memory(|m| m.has_focus(field_id)) {
            ui.input_mut(|i| {
                if i.consume_key(Modifiers::NONE, Key::ArrowDown)
                    && self.highlighted + 1 < self.listed
                {
                    self.highlighted += 1;
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                    self.highlighted = self.highlighted.saturating_sub(1);
                }
            });
        }
        let mut picked = None;
        let mut closed = false;
        let field = ui
            .horizontal(|ui| {
                let label = ui.label("Find");
                let field = ui
                    .add(
                        TextEdit::singleline(&mut self.query)
                            .id(field_id)
                            .hint_text("Name, technology, owner or tag")
                            .desired_width(280.0),
                    )
                    .labelled_by(label.id);
                closed = ui
                    .small_button("×")
                    .on_hover_text("Close (Escape)")
                    .clicked();
                field
            })
            .inner;
        if field.changed() {
            self.highlighted = 0;
        }
        // After the field, so Enter picks from what was typed this very frame.
        let found = matches(project, &self.query);
        self.listed = found.len().min(MAX_LISTED);
        self.highlighted = self.highlighted.min(self.listed.saturating_sub(1));
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if enter && self.listed > 0 {
            picked = Some(found[self.highlighted]);
        }
        // The field keeps the keyboard: Enter with nothing to pick must not strand it.
        if !self.focus_asked || (enter && picked.is_none()) {
            field.request_focus();
            self.focus_asked = true;
        }
        if closed {
            self.open = false;
        }
        if self.query.trim().is_empty() {
            return picked;
        }
        if found.is_empty() {
            ui.label(RichText::new("No system matches").weak());
        }
        for (row, &index) in found.iter().take(MAX_LISTED).enumerate() {
            let system = &project.systems[index];
            let response = ui.selectable_label(row == self.highlighted, &system.name);
            let response = if system.technology.is_empty() {
                response
            } else {
                response.on_hover_text(&system.technology)
            };
            if response.clicked() {
                picked = Some(index);
            }
        }
        if found.len() > MAX_LISTED {
            let more = found.len() - MAX_LISTED;
            ui.label(RichText::new(format!("…and {more} more; type more of the name")).weak());
        }
        picked
    }
}

/// Indexes of the systems that match `query`, best first: names that start with it, then
/// names that contain it, then technology, owner or tags that contain it. Case is ignored;
/// within each group, the project's order is kept.
pub fn matches(project: &Project, query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let rank = |system: &System| -> Option<u8> {
        let name = system.name.to_lowercase();
        if name.starts_with(&query) {
            Some(0)
        } else if name.contains(&query) {
            Some(1)
        } else {
            let mut others = [&system.technology, &system.owner_team]
                .into_iter()
                .chain(&system.tags);
            others
                .any(|text| text.to_lowercase().contains(&query))
                .then_some(2)
        }
    };
    let mut ranked: Vec<(u8, usize)> = project
        .systems
        .iter()
        .enumerate()
        .filter_map(|(index, system)| Some((rank(system)?, index)))
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, index)| index).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SystemId;

    fn project() -> Project {
        let mut project = Project::new("p");
        for (i, (name, technology)) in [
            ("Order service", "Java"),
            ("Orders archive", "S3"),
            ("Back office", "Kotlin, order admin"),
            ("CRM", "Salesforce"),
        ]
        .into_iter()
        .enumerate()
        {
            let mut system = System::new(SystemId(i as u64 + 1), name);
            system.technology = technology.into();
            project.systems.push(system);
        }
        project.systems[3].tags = vec!["customer".into()];
        project
    }

    #[test]
    fn names_that_start_with_the_query_come_first_then_names_then_the_rest() {
        let project = project();
        let names = |query: &str| -> Vec<&str> {
            matches(&project, query)
                .into_iter()
                .map(|i| project.systems[i].name.as_str())
                .collect()
        };
        assert_eq!(
            names("ORDER"),
            ["Order service", "Orders archive", "Back office"]
        );
        assert_eq!(names(" office "), ["Back office"]);
        assert_eq!(names("custom"), ["CRM"]);
        assert!(names("").is_empty());
        assert!(names("mainframe").is_empty());
    }
}
