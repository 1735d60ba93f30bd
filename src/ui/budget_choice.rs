//! The token budget above the prompt preview, and what the preview says about it. The
//! budget is a project setting: saved with it, undone like any edit.

use egui::{ComboBox, DragValue, RichText, Ui};

use super::intent::Intent;
use crate::edit::{Coalesce, Edit};
use crate::model::{Project, PromptSettings};
use crate::session::BudgetNote;
use crate::template::budget::BUDGET_CHOICES;
use crate::words::thousands;

const EDIT_LABEL: &str = "Token budget";

/// What "Custom" starts from.
const CUSTOM_START: u32 = 50_000;

/// "Budget [128k ▾]", and a number field when the budget is none of the usual ones.
pub fn budget_choice(ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
    let current = project.prompt.budget;
    let preset = current.and_then(|b| BUDGET_CHOICES.iter().find(|(_, n)| *n == b));
    let shown = match (current, preset) {
        (None, _) => "No budget".to_owned(),
        (Some(_), Some((name, _))) => (*name).to_owned(),
        (Some(_), None) => "Custom".to_owned(),
    };
    let label = ui.label("Budget");
    let mut chosen: Option<Option<u32>> = None;
    let combo = ComboBox::from_id_salt("token budget")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(current.is_none(), "No budget")
                .clicked()
            {
                chosen = Some(None);
            }
            for (name, tokens) in BUDGET_CHOICES {
                let option = ui
                    .selectable_label(current == Some(tokens), name)
                    .on_hover_text(format!("{} tokens", thousands(tokens as usize)));
                if option.clicked() {
                    chosen = Some(Some(tokens));
                }
            }
            if ui
                .selectable_label(current.is_some() && preset.is_none(), "Custom")
                .clicked()
            {
                chosen = Some(Some(current.unwrap_or(CUSTOM_START)));
            }
        });
    combo.response.labelled_by(label.id).on_hover_text(
        "The most tokens the prompt may take: over it, the prompt is condensed step by step",
    );
    if let (Some(tokens), None) = (current, preset) {
        let mut edited = tokens;
        let field = ui.add(
            DragValue::new(&mut edited)
                .range(1_000..=10_000_000)
                .speed(500)
                .suffix(" tokens"),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Custom budget")
        });
        if edited != tokens {
            intents.push(Intent::merging(
                set_budget(project, Some(edited)),
                EDIT_LABEL,
                Coalesce::Field("prompt budget".to_owned()),
            ));
        }
        if field.drag_stopped() || field.lost_focus() {
            intents.push(Intent::EndOfGesture);
        }
    }
    if let Some(budget) = chosen.filter(|b| *b != current) {
        intents.push(Intent::edit(set_budget(project, budget), EDIT_LABEL));
    }
}

fn set_budget(project: &Project, budget: Option<u32>) -> Edit {
    Edit::SetPromptSettings(Box::new(PromptSettings {
        budget,
        ..project.prompt.clone()
    }))
}

/// What was condensed, and the warning when even the tightest form is over.
pub fn budget_note(ui: &mut Ui, note: &BudgetNote) {
    if let Some(summary) = &note.summary {
        ui.label(RichText::new(summary).small());
    }
    if let Some(advice) = &note.advice {
        ui.colored_label(ui.visuals().warn_fg_color, RichText::new(advice).small());
    }
}
