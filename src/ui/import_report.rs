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
    // As tall from the first frame as it settles, so the buttons do not jump.
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .min_scrolled_height(360.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for line in lines.iter().take(MOST_LINES_SHOWN) {
                ui.separator();
                if let Some(intents) = place_row(ui, line) {
                    answer = Some(intents);
                }
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

/// The line's place in the source and, for a line about an item, its Show button.
fn place_row(ui: &mut egui::Ui, line: &ListedProblem) -> Option<Vec<Intent>> {
    let about_an_item = !matches!(line.subject, ItemRef::Project);
    // A line about the whole source has no place and nothing to show: no empty row.
    if line.place.is_empty() && !about_an_item {
        return None;
    }
    let mut answer = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new(&line.place).weak().monospace());
        if about_an_item {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let show = ui
                    .button("Show")
                    .on_hover_text("Select it on the canvas and close the report");
                if show.clicked() {
                    answer = Some(Intent::show(Selection::only(line.subject)).into());
                }
            });
        }
    });
    answer
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use crate::model::{ItemRef, SystemId};
    use crate::session::{Dialog, Intent, ListedProblem, Selection};
    use crate::ui::dialogs::ShownDialog;

    #[test]
    fn show_selects_the_item_a_line_is_about_and_copy_takes_the_whole_report() {
        let lines = vec![
            ListedProblem {
                place: "shop.gv:3:1".into(),
                message: "note: the source has no positions".into(),
                subject: ItemRef::Project,
            },
            ListedProblem {
                place: "shop.gv:7:3".into(),
                message: "guessed: Web → API: protocol REST".into(),
                subject: ItemRef::System(SystemId(4)),
            },
        ];
        let dialog = ShownDialog::new(Dialog::ImportReport {
            title: "imported 2 systems".into(),
            lines,
            text: "the whole report".into(),
        });
        let answer = std::rc::Rc::new(std::cell::RefCell::new(None));
        let seen = answer.clone();
        let mut dialog = dialog;
        let mut harness = Harness::builder()
            .with_size(egui::vec2(900.0, 700.0))
            .build_ui(move |ui| {
                // The app's fonts: report lines use glyphs egui's default font lacks.
                crate::ui::fonts::install(ui.ctx());
                if let Some(given) = dialog.show(ui.ctx()) {
                    *seen.borrow_mut() = Some(given);
                }
            });
        harness.run_steps(4);
        harness.get_by_label("shop.gv:7:3");
        // Only the line about an item can show it.
        assert_eq!(harness.query_all_by_label("Show").count(), 1);
        harness.get_by_label("Show").click();
        harness.run_steps(2);
        let given = answer.borrow_mut().take().expect("Show answers");
        let wanted: Vec<Intent> =
            Intent::show(Selection::only(ItemRef::System(SystemId(4)))).into();
        // Intents carry no equality; their debug text shows the same thing.
        assert_eq!(format!("{given:?}"), format!("{wanted:?}"));
        harness.get_by_label("Copy Report").click();
        harness.run_steps(2);
        let copied = answer.borrow_mut().take().expect("Copy answers");
        let wanted = vec![Intent::Run(crate::session::Command::CopyText(
            "the whole report".into(),
        ))];
        assert_eq!(format!("{copied:?}"), format!("{wanted:?}"));
    }
}
