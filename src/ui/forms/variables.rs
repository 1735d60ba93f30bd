//! The Variables form, generated from the template's variable schema: one row per
//! project variable, with the widget its kind calls for and its CM-010 help as a tooltip.

use egui::Ui;

use super::widgets::{choice_row, multi_choice_row, text_row};
use crate::edit::{Coalesce, Edit};
use crate::model::{IntegrationType, Project, Regulation, Requirements, Sensitivity};
use crate::template::{Scope, VariableKind, VariableSpec, variables_of};
use crate::ui::intent::Intent;

pub fn variables_form(ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
    for spec in variables_of(Scope::Project) {
        if let Some(edit) = variable_row(ui, project, spec) {
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

/// Shows one variable; returns the edit when the user changed it.
fn variable_row(ui: &mut Ui, project: &Project, spec: &VariableSpec) -> Option<Edit> {
    let r = &project.requirements;
    let (label, help, required) = (spec.label, spec.help, spec.required);
    let multiline = spec.kind == VariableKind::MultiLine;
    let text = |ui: &mut Ui, value: &str| text_row(ui, label, help, value, required, multiline);
    let requirements = |change: &dyn Fn(&mut Requirements)| {
        let mut next = r.clone();
        change(&mut next);
        Some(Edit::SetRequirements(Box::new(next)))
    };
    match spec.key {
        "project.name" => text(ui, &project.name).map(Edit::SetName),
        "project.description" => text(ui, &project.description).map(Edit::SetDescription),
        "integration_scope" => text(ui, &r.integration_scope)
            .and_then(|v| requirements(&|n| n.integration_scope = v.clone())),
        "data_volume" => {
            text(ui, &r.data_volume).and_then(|v| requirements(&|n| n.data_volume = v.clone()))
        }
        "latency_requirements" => text(ui, &r.latency_requirements)
            .and_then(|v| requirements(&|n| n.latency_requirements = v.clone())),
        "reliability_requirements" => text(ui, &r.reliability_requirements)
            .and_then(|v| requirements(&|n| n.reliability_requirements = v.clone())),
        "integration_type" => {
            choice_row::<IntegrationType>(ui, label, help, r.integration_type.as_ref(), required)
                .and_then(|v| requirements(&|n| n.integration_type = v.clone()))
        }
        "security_classification" => choice_row::<Sensitivity>(
            ui,
            label,
            help,
            r.security_classification.as_ref(),
            required,
        )
        .and_then(|v| requirements(&|n| n.security_classification = v.clone())),
        "regulatory_compliance" => {
            multi_choice_row::<Regulation>(ui, label, help, &r.regulatory_compliance, required)
                .and_then(|v| requirements(&|n| n.regulatory_compliance = v.clone()))
        }
        // A schema variable this form does not know yet: show it, so it is not lost silently.
        other => {
            ui.label(format!("{label} ({other}) cannot be edited here yet."));
            None
        }
    }
}
