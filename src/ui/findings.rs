//! The Findings panel: what the analysis found in the landscape, most severe first (or
//! least), each with why it matters and the pattern that fixes it. Clicking a finding
//! selects and frames what it is about; a finding can be acknowledged with a reason, which
//! is saved in the project.

use egui::{Button, Label, RichText, ScrollArea, TextEdit, Ui};

use super::canvas::severity_color;
use super::intent::Intent;
use super::selection::Selection;
use super::status_bar::severity_count;
use crate::analysis::{Finding, Report, Severity};
use crate::edit::{Coalesce, Edit};
use crate::model::{Acknowledgement, AnalysisSettings, Project};

/// How findings are listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    MostSevereFirst,
    LeastSevereFirst,
}

/// The panel's own state: never saved with the project.
#[derive(Default)]
pub struct FindingsView {
    pub sort: SortOrder,
    pub show_acknowledged: bool,
    /// The finding being acknowledged, and the reason typed so far.
    draft: Option<(String, String)>,
    /// The finding last clicked, highlighted so the user can see which row the canvas shows.
    shown: Option<String>,
}

impl FindingsView {
    /// Drops the state that belongs to one project (another project was opened).
    pub fn forget_project_state(&mut self) {
        self.draft = None;
        self.shown = None;
    }
}

pub fn findings_panel(
    ui: &mut Ui,
    project: &Project,
    report: &Report,
    selection: &Selection,
    view: &mut FindingsView,
    intents: &mut Vec<Intent>,
) {
    // The mark says which finding the canvas shows; once the user selects something else,
    // it shows none.
    if let Some(key) = &view.shown
        && !report
            .findings
            .iter()
            .any(|f| &f.key == key && selection == &selection_of(f))
    {
        view.shown = None;
    }
    if let Some((key, _)) = &view.draft
        && !report.findings.iter().any(|f| &f.key == key)
    {
        view.draft = None;
    }
    header(ui, project, report, view, intents);
    ui.separator();
    if view.show_acknowledged {
        acknowledged_list(ui, project, report, intents);
        return;
    }
    if report.findings.is_empty() {
        ui.label(
            RichText::new("No findings: nothing in this landscape breaks a rule.")
                .color(ui.visuals().hyperlink_color),
        );
        return;
    }
    let mut order: Vec<&Finding> = report.findings.iter().collect();
    if view.sort == SortOrder::LeastSevereFirst {
        // The report is most severe first; a stable reverse by severity keeps rule order.
        order.sort_by_key(|f| f.severity);
    }
    ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("findings list")
        .show_rows(ui, row_height(ui), order.len(), |ui, rows| {
            for finding in &order[rows] {
                finding_row(ui, project, finding, view, intents);
            }
        });
}

/// One finding row: its message line and its rule line.
fn row_height(ui: &Ui) -> f32 {
    2.0 * ui.text_style_height(&egui::TextStyle::Body) + 6.0
}

fn header(
    ui: &mut Ui,
    project: &Project,
    report: &Report,
    view: &mut FindingsView,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("Findings");
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            if report.count(severity) > 0 {
                let color = severity_color(severity, ui.visuals().dark_mode);
                ui.label(RichText::new(severity_count(report, severity)).color(color));
            }
        }
        ui.separator();
        ui.label(RichText::new("Sort:").weak());
        ui.selectable_value(
            &mut view.sort,
            SortOrder::MostSevereFirst,
            "Most severe first",
        );
        ui.selectable_value(
            &mut view.sort,
            SortOrder::LeastSevereFirst,
            "Least severe first",
        );
        let settings = &project.analysis;
        let mut in_prompt = settings.include_risks_in_prompt;
        if ui
            .checkbox(&mut in_prompt, "Add to the prompt")
            .on_hover_text(
                "Adds \"Risks found in the current landscape\" to the prompt, so the assistant \
                 starts from them. Saved with the project.",
            )
            .changed()
        {
            let next = AnalysisSettings {
                include_risks_in_prompt: in_prompt,
                ..settings.clone()
            };
            let label = if in_prompt {
                "Add risks to the prompt"
            } else {
                "Leave risks out of the prompt"
            };
            intents.push(Intent::edit(
                Edit::SetAnalysisSettings(Box::new(next)),
                label,
            ));
        }
        ui.menu_button("Thresholds…", |ui| thresholds(ui, settings, intents));
        let acknowledged = report.acknowledged.len();
        let text = if view.show_acknowledged {
            "Back to findings".to_owned()
        } else {
            format!("{acknowledged} acknowledged")
        };
        if ui
            .add_enabled(
                acknowledged > 0 || view.show_acknowledged,
                Button::new(text),
            )
            .on_hover_text("Findings the team accepted, with their reasons")
            .clicked()
        {
            view.show_acknowledged = !view.show_acknowledged;
        }
    });
}

/// The rule thresholds of this project; each change is one undoable edit.
fn thresholds(ui: &mut Ui, settings: &AnalysisSettings, intents: &mut Vec<Intent>) {
    let mut next = settings.thresholds.clone();
    let rows: [(&str, &str, &mut u32, std::ops::RangeInclusive<u32>); 4] = [
        (
            "Direct connections per system",
            "More than this makes a system a point-to-point hub.",
            &mut next.max_direct_connections,
            1..=100,
        ),
        (
            "Mesh density (%)",
            "A group connected to this share of a full mesh is flagged.",
            &mut next.mesh_density_percent,
            1..=100,
        ),
        (
            "Smallest mesh (systems)",
            "Groups smaller than this are never called a mesh.",
            &mut next.mesh_min_systems,
            3..=100,
        ),
        (
            "Synchronous chain (hops)",
            "Chains of synchronous calls longer than this are flagged.",
            &mut next.max_sync_chain_depth,
            1..=50,
        ),
    ];
    egui::Grid::new("thresholds").num_columns(2).show(ui, |ui| {
        for (label, help, value, range) in rows {
            let label = ui.label(label).on_hover_text(help);
            ui.add(egui::DragValue::new(value).range(range))
                .labelled_by(label.id);
            ui.end_row();
        }
    });
    if next != settings.thresholds {
        let edit = Edit::SetAnalysisSettings(Box::new(AnalysisSettings {
            thresholds: next,
            ..settings.clone()
        }));
        let coalesce = Coalesce::Field("analysis thresholds".into());
        intents.push(Intent::merging(edit, "Change thresholds", coalesce));
    }
}

fn finding_row(
    ui: &mut Ui,
    project: &Project,
    finding: &Finding,
    view: &mut FindingsView,
    intents: &mut Vec<Intent>,
) {
    let drafting = view
        .draft
        .as_ref()
        .is_some_and(|(key, _)| *key == finding.key);
    let shown = view.shown.as_ref() == Some(&finding.key);
    if shown {
        // Painted under the row before its widgets, so the text stays on top.
        let row_in_ui = egui::Rect::from_min_size(
            ui.cursor().min,
            egui::vec2(ui.available_width(), row_height(ui)),
        );
        let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.35);
        ui.painter().rect_filled(row_in_ui, 2.0, fill);
    }
    ui.horizontal(|ui| {
        let color = severity_color(finding.severity, ui.visuals().dark_mode);
        ui.add_sized(
            [64.0, 18.0],
            Label::new(
                RichText::new(finding.severity.label().to_uppercase())
                    .color(color)
                    .small()
                    .strong(),
            ),
        );
        // The button is placed first, at the right, so the text gets what is left.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            if !drafting
                && ui
                    .button("Acknowledge…")
                    .on_hover_text(
                        "Accept this finding with a reason; it is then hidden, and the reason \
                         is saved in the project",
                    )
                    .clicked()
            {
                view.draft = Some((finding.key.clone(), String::new()));
            }
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                // The explanation holds the whole message, so a cut-off line needs no
                // tooltip of its own: one tooltip, not two stacked over the rows below.
                let message = ui
                    .add(
                        Label::new(RichText::new(&finding.message).strong())
                            .truncate()
                            .show_tooltip_when_elided(false)
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text(explanation(finding));
                message.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::ListItem, true, shown, &finding.message)
                });
                let mut clicked = message.clicked();
                if drafting {
                    acknowledge_editor(ui, project, finding, view, intents);
                } else {
                    clicked |= rule_line(ui, finding);
                }
                if clicked {
                    view.shown = Some(finding.key.clone());
                    show_on_canvas(finding, intents);
                }
            });
        });
    });
}

/// The row's second line, its rule and fix. It belongs to the row: the same tooltip and
/// the same click. Returns whether it was clicked.
fn rule_line(ui: &mut Ui, finding: &Finding) -> bool {
    let text = format!("{} · Fix: {}", finding.rule, finding.pattern);
    ui.add(
        Label::new(RichText::new(text).small().weak())
            .truncate()
            .show_tooltip_when_elided(false)
            .sense(egui::Sense::click()),
    )
    .on_hover_text(explanation(finding))
    .clicked()
}

/// The tooltip of a finding's row: the whole message, why it matters and the fix.
fn explanation(finding: &Finding) -> String {
    format!(
        "{}\n\nWhy it matters: {}\n\nPattern: {}\n\nRule: {} (click to show it on the canvas)",
        finding.message, finding.why, finding.pattern, finding.rule
    )
}

fn acknowledge_editor(
    ui: &mut Ui,
    project: &Project,
    finding: &Finding,
    view: &mut FindingsView,
    intents: &mut Vec<Intent>,
) {
    let Some((_, reason)) = &mut view.draft else {
        return;
    };
    let mut done = false;
    ui.horizontal(|ui| {
        let field = ui.add(
            TextEdit::singleline(reason)
                .hint_text("Why this is acceptable, e.g. \"accepted by the architecture board\"")
                .desired_width(ui.available_width() - 190.0),
        );
        ui.ctx().accesskit_node_builder(field.id, |node| {
            node.set_label("Reason for acknowledging");
        });
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let ready = !reason.trim().is_empty();
        if (ui.add_enabled(ready, Button::new("Acknowledge")).clicked() || entered) && ready {
            let mut next = project.analysis.clone();
            next.acknowledgements.retain(|a| a.finding != finding.key);
            next.acknowledgements.push(Acknowledgement {
                finding: finding.key.clone(),
                reason: reason.trim().to_owned(),
            });
            intents.push(Intent::edit(
                Edit::SetAnalysisSettings(Box::new(next)),
                "Acknowledge finding",
            ));
            done = true;
        }
        if ui.button("Cancel").clicked() {
            done = true;
        }
    });
    if done {
        view.draft = None;
    }
}

fn acknowledged_list(ui: &mut Ui, project: &Project, report: &Report, intents: &mut Vec<Intent>) {
    ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("acknowledged list")
        .show(ui, |ui| {
            for acknowledged in &report.acknowledged {
                let finding = &acknowledged.finding;
                ui.horizontal(|ui| {
                    ui.vertical(|ui| {
                        ui.set_max_width((ui.available_width() - 100.0).max(120.0));
                        ui.add(Label::new(RichText::new(&finding.message).weak()).truncate());
                        ui.label(
                            RichText::new(format!("Acknowledged: {}", acknowledged.reason))
                                .small()
                                .italics(),
                        );
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        if ui
                            .button("Restore")
                            .on_hover_text("Show this finding again")
                            .clicked()
                        {
                            let mut next = project.analysis.clone();
                            next.acknowledgements.retain(|a| a.finding != finding.key);
                            intents.push(Intent::edit(
                                Edit::SetAnalysisSettings(Box::new(next)),
                                "Restore finding",
                            ));
                        }
                    });
                });
                ui.separator();
            }
        });
}

/// Selects what the finding is about and frames it on the canvas.
fn show_on_canvas(finding: &Finding, intents: &mut Vec<Intent>) {
    intents.extend(Intent::show(selection_of(finding)));
}

/// What a finding is about, as a selection.
fn selection_of(finding: &Finding) -> Selection {
    Selection {
        systems: finding.systems.iter().copied().collect(),
        connections: finding.connections.iter().copied().collect(),
        zones: Default::default(),
    }
}
