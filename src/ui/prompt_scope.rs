//! The Scope row above the prompt preview: what the prompt is about. Each change is one
//! undoable edit of the project's prompt settings, so the scope is saved with the project
//! and the whole team copies the same prompt.

use egui::containers::menu::{MenuButton, MenuConfig};
use egui::{Button, PopupCloseBehavior, Ui};

use super::intent::Intent;
use super::selection::Selection;
use crate::edit::{Coalesce, Edit};
use crate::model::{Project, PromptScope, PromptSettings, SystemId};
use crate::words::count;

/// The most hops the row offers: past a few, a scope grows into most landscapes.
const MAX_HOPS: u32 = 5;

const EDIT_LABEL: &str = "Prompt scope";

pub fn scope_row(ui: &mut Ui, project: &Project, selection: &Selection, intents: &mut Vec<Intent>) {
    let scope = &project.prompt.scope;
    let selected: Vec<SystemId> = selection.systems.iter().copied().collect();
    ui.horizontal_wrapped(|ui| {
        ui.label("Scope");
        // Ticking zones one after another should not close the menu each time.
        let config = MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside);
        let (button, _) = MenuButton::new(summary(project, scope))
            .config(config)
            .ui(ui, |ui| scope_menu(ui, project, scope, &selected, intents));
        button.on_hover_text("What the prompt is about");
        let use_selection = ui
            .add_enabled(!selected.is_empty(), Button::new("Use selection"))
            .on_hover_text(
                "Make the prompt about the systems selected on the canvas, and any zones chosen",
            )
            .on_disabled_hover_text("Select systems on the canvas first");
        if use_selection.clicked() {
            // The chosen zones stay: the selection becomes the systems part of the union.
            let next = PromptScope {
                zones: scope.zones.clone(),
                systems: selected.clone(),
                hops: scope.hops,
            };
            intents.push(edit(project, next));
        }
        let label = ui.label("Hops");
        let mut hops = scope.hops.min(MAX_HOPS);
        let drag = ui
            .add_enabled(
                !scope.is_whole_landscape(),
                egui::DragValue::new(&mut hops).range(0..=MAX_HOPS),
            )
            .labelled_by(label.id)
            .on_hover_text("Also include systems this many data flows away, either direction");
        if drag.changed() && hops != scope.hops {
            let next = PromptScope {
                hops,
                ..scope.clone()
            };
            // A drag through several values is one undo step.
            let coalesce = Coalesce::Field("prompt scope hops".into());
            intents.push(Intent::merging(
                set_scope(project, next),
                EDIT_LABEL,
                coalesce,
            ));
        }
    });
}

fn scope_menu(
    ui: &mut Ui,
    project: &Project,
    scope: &PromptScope,
    selected: &[SystemId],
    intents: &mut Vec<Intent>,
) {
    if ui
        .radio(scope.is_whole_landscape(), "Whole landscape")
        .clicked()
        && !scope.is_whole_landscape()
    {
        intents.push(edit(project, PromptScope::default()));
        ui.close();
    }
    ui.menu_button("Zones…", |ui| {
        if project.zones.is_empty() {
            ui.label("This project has no zones yet");
        }
        for zone in &project.zones {
            let mut chosen = scope.zones.contains(&zone.id);
            // Every checkbox needs a name a screen reader can read.
            let name = match zone.name.trim() {
                "" => format!("Unnamed zone {}", zone.id),
                name => name.to_owned(),
            };
            if ui.checkbox(&mut chosen, name).changed() {
                let mut next = scope.clone();
                next.zones.retain(|&z| z != zone.id);
                if chosen {
                    next.zones.push(zone.id);
                }
                intents.push(edit(project, next));
            }
        }
    });
    let only_systems = scope.zones.is_empty() && !scope.systems.is_empty();
    let systems = ui
        .add_enabled(
            !selected.is_empty(),
            egui::RadioButton::new(only_systems, "Selected systems"),
        )
        .on_hover_text("The systems selected on the canvas")
        .on_disabled_hover_text("Select systems on the canvas first");
    if systems.clicked() {
        let next = PromptScope {
            zones: Vec::new(),
            systems: selected.to_vec(),
            hops: scope.hops,
        };
        intents.push(edit(project, next));
        ui.close();
    }
}

/// "Whole landscape", "Zone Payments", "2 zones + 3 systems".
fn summary(project: &Project, scope: &PromptScope) -> String {
    if scope.is_whole_landscape() {
        return "Whole landscape".to_owned();
    }
    let zones = match scope.zones.as_slice() {
        [] => None,
        [one] => Some(match project.zone(*one) {
            Some(zone) => format!("Zone {}", zone.name),
            None => "1 zone".to_owned(),
        }),
        many => Some(count(many.len(), "zone")),
    };
    let systems = match scope.systems.as_slice() {
        [] => None,
        [one] => Some(format!("System {}", project.system_name(*one))),
        many => Some(count(many.len(), "system")),
    };
    let mut text = [zones, systems]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" + ");
    if scope.hops > 0 {
        text.push_str(&format!(" ± {}", count(scope.hops as usize, "hop")));
    }
    text
}

fn set_scope(project: &Project, scope: PromptScope) -> Edit {
    Edit::SetPromptSettings(Box::new(PromptSettings {
        scope,
        ..project.prompt.clone()
    }))
}

fn edit(project: &Project, scope: PromptScope) -> Intent {
    Intent::edit(set_scope(project, scope), EDIT_LABEL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ZoneId;

    #[test]
    fn the_summary_names_one_zone_and_counts_more() {
        let project = crate::examples::find("ecommerce")
            .unwrap()
            .project()
            .unwrap();
        let mut scope = PromptScope::default();
        assert_eq!(summary(&project, &scope), "Whole landscape");
        scope.zones = vec![ZoneId(2)];
        assert_eq!(summary(&project, &scope), "Zone Payment service provider");
        scope.zones.push(ZoneId(3));
        scope.systems = vec![SystemId(900), SystemId(901)];
        scope.hops = 1;
        assert_eq!(summary(&project, &scope), "2 zones + 2 systems ± 1 hop");
    }
}
