//! The Template chooser above the prompt preview: which built-in template renders the
//! prompt. Choosing one is an edit of the project's prompt settings, so it is saved with
//! the project (the whole team copies the same prompt) and undone like any other edit.

use egui::{ComboBox, Ui};

use super::intent::Intent;
use crate::edit::Edit;
use crate::model::Project;
use crate::template::BUILTIN_TEMPLATES;

/// The undo step's name.
const EDIT_LABEL: &str = "Prompt template";

pub fn template_chooser(ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
    let current = project.prompt.template.as_str();
    ui.horizontal(|ui| {
        let label = ui.label("Template");
        let mut chosen = None;
        let combo = ComboBox::from_id_salt("prompt template")
            // An unknown name (a newer file's template) is shown as it is; the preview
            // says why it cannot render.
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (name, description) in BUILTIN_TEMPLATES {
                    let option = ui
                        .selectable_label(name == current, name)
                        .on_hover_text(description);
                    if option.clicked() && name != current {
                        chosen = Some(name);
                    }
                }
            });
        combo
            .response
            .labelled_by(label.id)
            .on_hover_text("The template that renders the prompt; saved with the project");
        if let Some(name) = chosen {
            let mut settings = project.prompt.clone();
            settings.template = name.to_owned();
            intents.push(Intent::edit(
                Edit::SetPromptSettings(Box::new(settings)),
                EDIT_LABEL,
            ));
        }
    });
}
