//! The Variables form, generated from the project's fields: one row per field, with the
//! widget its kind calls for and its CM-010 help as a tooltip.

use egui::Ui;

use super::field_row::{Place, field_row};
use crate::edit::{Coalesce, set_project_field};
use crate::fields::{Common, ProjectField};
use crate::model::Project;
use crate::ui::intent::Intent;

pub fn variables_form(ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
    let place = Place {
        project,
        other_end: None,
    };
    for &field in ProjectField::ALL {
        let spec = field.spec();
        let shown = Common::Same(field.get(project));
        if let Some(value) = field_row(ui, place, spec, &shown)
            && let Ok(edit) = set_project_field(project, field, value)
        {
            let coalesce = Coalesce::Field(format!("variable {}", spec.key));
            intents.push(Intent::merging(
                edit,
                format!("Edit {}", spec.label),
                coalesce,
            ));
        }
        ui.add_space(2.0);
    }
}
