//! Find a system (Ctrl+F): a box over the canvas listing the systems whose name, technology,
//! owner or tags contain what is typed. Enter or a click selects the system and frames it;
//! the arrow keys move through the list; Escape closes the box.

use egui::{RichText, TextEdit, Ui};

use super::intent::Intent;
use super::picker::Picker;
use super::selection::Selection;
use crate::model::{ItemRef, Project, System};

/// More than this many matches are counted, not listed: the list is for picking.
const MAX_LISTED: usize = 10;

#[derive(Default)]
pub struct FindBox {
    picker: Picker,
    query: String,
}

impl FindBox {
    /// Opens the box, or puts the keyboard back in it when it is open already.
    pub fn open(&mut self) {
        self.picker.open();
    }

    /// Shows the box at the top of `canvas_rect` while it is open.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        canvas_rect: egui::Rect,
        project: &Project,
        intents: &mut Vec<Intent>,
    ) {
        let top_center = canvas_rect.center_top() + egui::vec2(0.0, 44.0);
        let query = &mut self.query;
        let picked = self
            .picker
            .show(ui.ctx(), "find system", top_center, 380.0, |picker, ui| {
                contents(picker, ui, query, project)
            });
        if let Some(index) = picked {
            let id = project.systems[index].id;
            intents.extend(Intent::show(Selection::only(ItemRef::System(id))));
        }
    }
}

/// The field and the list; returns the picked system's index.
fn contents(
    picker: &mut Picker,
    ui: &mut Ui,
    query: &mut String,
    project: &Project,
) -> Option<usize> {
    let field_id = egui::Id::unique("find system field");
    picker.take_arrow_keys(ui, field_id);
    let mut closed = false;
    let field = ui
        .horizontal(|ui| {
            let label = ui.label("Find");
            let field = ui
                .add(
                    TextEdit::singleline(query)
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
    // After the field, so Enter picks from what was typed this very frame.
    let found = matches(project, query);
    let entered = picker.after_field(ui, &field, found.len().min(MAX_LISTED));
    let mut picked = entered.map(|row| found[row]);
    if closed {
        picker.close();
    }
    if query.trim().is_empty() {
        return picked;
    }
    if found.is_empty() {
        ui.label(RichText::new("No system matches").weak());
    }
    for (row, &index) in found.iter().take(MAX_LISTED).enumerate() {
        let system = &project.systems[index];
        let response = ui.selectable_label(row == picker.highlighted(), &system.name);
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
