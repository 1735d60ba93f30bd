//! Modal dialogs: unsaved changes, a typed path (always available, so files can be opened
//! and saved even where no system file dialog can be shown), errors, and the problems of a
//! file that opened.

use std::path::PathBuf;

use egui::{Modal, RichText, TextEdit};

use crate::export::TextFormat;
use crate::model::ItemRef;
use crate::session::{Dialog, FileAction, Intent, ListedProblem, Selection};

/// A dialog on screen. The first frame puts the keyboard in its first field or default
/// button, so typing goes into the dialog and not to what is behind it.
pub struct ShownDialog {
    dialog: Dialog,
    focus_given: bool,
}

impl ShownDialog {
    pub fn new(dialog: Dialog) -> Self {
        ShownDialog {
            dialog,
            focus_given: false,
        }
    }

    /// Shows the dialog; returns what the user chose once they chose (nothing for a
    /// dismissal).
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Vec<Intent>> {
        let mut answer = None;
        let take_focus = !std::mem::replace(&mut self.focus_given, true);
        let modal = Modal::new(egui::Id::unique("integration studio dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            answer = match &mut self.dialog {
                Dialog::UnsavedChanges(action) => unsaved_changes(ui, action, take_focus),
                Dialog::Path { action, text, note } => {
                    typed_path(ui, action, text, note.as_deref(), take_focus)
                }
                Dialog::Problems { title, problems } => {
                    problems_list(ui, title, problems, take_focus)
                }
                Dialog::Error { title, detail } => error(ui, title, detail, take_focus),
                Dialog::ImportReport { title, lines, text } => {
                    super::import_report::show(ui, title, lines, text, take_focus)
                }
            };
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(Vec::new());
        }
        answer
    }
}

/// Puts the keyboard on `response` in the dialog's first frame.
fn focus_first(response: &egui::Response, take_focus: bool) {
    if take_focus {
        response.request_focus();
    }
}

fn unsaved_changes(
    ui: &mut egui::Ui,
    action: &FileAction,
    take_focus: bool,
) -> Option<Vec<Intent>> {
    let mut answer = None;
    if *action == FileAction::Revert {
        // Saving first would make reverting pointless: the choice is discard or keep.
        ui.heading("Discard your changes and reload the saved file?");
        ui.label("The changes since the last save will be lost.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let reload = ui.button("Discard and Reload");
            focus_first(&reload, take_focus);
            if reload.clicked() {
                answer = Some(vec![Intent::FileConfirmed(FileAction::Revert)]);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Vec::new());
            }
        });
        return answer;
    }
    ui.heading("Save changes?");
    ui.label("This project has changes that are not saved yet.");
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let save = ui.button("Save");
        focus_first(&save, take_focus);
        if save.clicked() {
            answer = Some(vec![Intent::SaveThen(action.clone())]);
        }
        if ui.button("Don't save").clicked() {
            answer = Some(vec![Intent::FileConfirmed(action.clone())]);
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Vec::new());
        }
    });
    answer
}

fn typed_path(
    ui: &mut egui::Ui,
    action: &FileAction,
    text: &mut String,
    note: Option<&str>,
    take_focus: bool,
) -> Option<Vec<Intent>> {
    let mut answer = None;
    let (title, button, what) = match action {
        FileAction::Open(_) => ("Open project", "Open", "Path of the .ron file:".into()),
        FileAction::SavePrompt(_) => (
            "Save prompt as",
            "Save",
            "Path of the .md or .txt file:".into(),
        ),
        FileAction::ExportPicture(_) => (
            "Export picture",
            "Export",
            "Path of the .svg or .png file:".into(),
        ),
        FileAction::ExportText(TextFormat::Csv, _) => (
            "Export the landscape",
            "Export",
            "Path of the systems .csv file (the connections file is written beside it):".into(),
        ),
        FileAction::ExportText(format, _) => (
            "Export the landscape",
            "Export",
            format!(
                "Path of the {} file (.{}):",
                format.name(),
                format.extension()
            ),
        ),
        FileAction::Import(_) | FileAction::ImportInto(_) => (
            "Import a landscape",
            "Import",
            "Path of the draw.io, Structurizr, Mermaid, DOT, ArchiMate, CSV or Backstage file:"
                .into(),
        ),
        _ => ("Save project as", "Save", "Path of the .ron file:".into()),
    };
    ui.heading(title);
    if let Some(note) = note {
        ui.label(RichText::new(note).weak());
    }
    let label = ui.label(what);
    let edit = ui
        .add(
            TextEdit::singleline(text)
                .hint_text(match action {
                    FileAction::Import(_) | FileAction::ImportInto(_) => {
                        "/home/me/landscapes/landscape.drawio"
                    }
                    _ => "/home/me/landscapes/shop.ron",
                })
                .desired_width(520.0),
        )
        .labelled_by(label.id);
    focus_first(&edit, take_focus);
    let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ready = !text.trim().is_empty();
        if (ui.add_enabled(ready, egui::Button::new(button)).clicked() || entered) && ready {
            let path = with_ron_extension(text.trim(), action);
            answer = Some(vec![Intent::FileConfirmed(action.clone().with_path(path))]);
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Vec::new());
        }
    });
    answer
}

fn error(ui: &mut egui::Ui, title: &str, detail: &str, take_focus: bool) -> Option<Vec<Intent>> {
    ui.heading(RichText::new(title).color(ui.visuals().error_fg_color));
    egui::ScrollArea::both().max_height(320.0).show(ui, |ui| {
        ui.label(RichText::new(detail).monospace());
    });
    ui.add_space(8.0);
    let ok = ui.button("OK");
    focus_first(&ok, take_focus);
    ok.clicked().then(Vec::new)
}

/// A file broken by a script can have thousands of problems; the first ones say enough.
const MAX_PROBLEMS_LISTED: usize = 200;

fn problems_list(
    ui: &mut egui::Ui,
    title: &str,
    problems: &[ListedProblem],
    take_focus: bool,
) -> Option<Vec<Intent>> {
    let mut answer = None;
    // Messages wrap; without a set width the modal would shrink them to a column.
    ui.set_width(560.0);
    ui.heading(RichText::new(title).color(ui.visuals().warn_fg_color));
    ui.label(
        "These parts of the project don't fit together. Fix them here and save (File ▸ Check \
         for Problems… lists what is left), or fix the file and open it again.",
    );
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for problem in problems.iter().take(MAX_PROBLEMS_LISTED) {
                ui.separator();
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&problem.place).weak().monospace());
                    let showable = !matches!(problem.subject, ItemRef::Project);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if showable
                            && ui
                                .button("Show")
                                .on_hover_text("Select it on the canvas and close this list")
                                .clicked()
                        {
                            answer = Some(Intent::show(Selection::only(problem.subject)).into());
                        }
                    });
                });
                ui.label(&problem.message);
            }
            if let Some(rest) = problems.len().checked_sub(MAX_PROBLEMS_LISTED)
                && rest > 0
            {
                ui.separator();
                ui.label(format!(
                    "…and {rest} more: `integration-studio check FILE` lists them all."
                ));
            }
        });
    ui.add_space(8.0);
    let ok = ui.button("OK");
    focus_first(&ok, take_focus);
    if ok.clicked() {
        answer = Some(Vec::new());
    }
    answer
}

/// Saving to "shop" means "shop.ron"; opening takes the path as typed.
fn with_ron_extension(text: &str, action: &FileAction) -> PathBuf {
    let path = PathBuf::from(text);
    let saving_project = matches!(action, FileAction::SaveAs(_) | FileAction::Save);
    if saving_project && path.extension().is_none() {
        path.with_extension("ron")
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::model::SystemId;

    #[test]
    fn a_long_problem_list_stops_and_says_how_many_more_there_are() {
        let problems = (0..MAX_PROBLEMS_LISTED as u64 + 5)
            .map(|i| ListedProblem {
                place: format!("line {}, column 7", i + 1),
                message: format!("problem {i}"),
                subject: ItemRef::System(SystemId(i)),
            })
            .collect();
        let mut dialog = ShownDialog::new(Dialog::Problems {
            title: "big.ron opened with 205 problems".into(),
            problems,
        });
        let mut fonts_installed = false;
        let mut harness = Harness::builder()
            .with_size(egui::vec2(900.0, 700.0))
            .build_ui(move |ui| {
                // The app's fonts, as the app installs them on its first frame: the dialog's
                // text uses glyphs egui's default font lacks.
                if !fonts_installed {
                    crate::ui::fonts::install(ui.ctx());
                    fonts_installed = true;
                }
                dialog.show(ui.ctx());
            });
        harness.run();
        harness.get_by_label("big.ron opened with 205 problems");
        harness.get_by_label("problem 0");
        harness.get_by_label("problem 199");
        harness.get_by_label_contains("…and 5 more");
        assert!(harness.query_by_label("problem 200").is_none());
    }
}
