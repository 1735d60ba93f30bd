//! The import report dialog: the summary, then each line with its place in the source;
//! a line about an imported item can show it on the canvas, and the whole report can be
//! copied as text.

use egui::RichText;

use crate::model::ItemRef;
use crate::session::{Command, Intent, ListedProblem, Selection};

/// A source broken by a script can give thousands of lines; Copy has them all.
const MOST_LINES_SHOWN: usize = 300;

pub fn show(
    ui: &mut egui::Ui,
    title: &str,
    lines: &[ListedProblem],
    text: &str,
    take_focus: bool,
) -> Option<Vec<Intent>> {
    let mut answer = None;
    ui.set_width(640.0);
    ui.heading("Import report");
    ui.label(title);
    if lines.is_empty() {
        ui.label(RichText::new("Nothing was skipped or guessed.").weak());
    }
    ui.add_space(4.0);
    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for line in lines.iter().take(MOST_LINES_SHOWN) {
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(RichText::new(&line.place).weak().monospace());
                if !matches!(line.subject, ItemRef::Project) {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let show = ui.button("Show").on_hover_text("Select it on the canvas and close the report");
                        if show.clicked() {
                            answer = Some(Intent::show(Selection::only(line.subject)).into());
                        }
                    });
                }
            });
            ui.label(&line.message);
        }
        if let Some(rest) = lines.len().checked_sub(MOST_LINES_SHOWN)
            && rest > 0
        {
            ui.separator();
            ui.label(format!("…and {rest} more: Copy Report has them all."));
        }
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ok = ui.button("OK");
        if take_focus {
            ok.request_focus();
        }
        if ok.clicked() {
            answer = Some(Vec::new());
        }
        if ui.button("Copy Report").clicked() {
            answer = Some(vec![Intent::Run(Command::CopyText(text.to_owned()))]);
        }
    });
    answer
}
