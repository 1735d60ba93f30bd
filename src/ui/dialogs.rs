//! Modal dialogs: unsaved changes, a typed path (always available, so files can be opened
//! and saved even where no system file dialog can be shown), errors, and the problems of a
//! file that opened.

use std::path::PathBuf;

use egui::{Modal, RichText, TextEdit};

use crate::model::ItemRef;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    NewProject,
    OpenFile,
    OpenPath(PathBuf),
    Revert,
    Quit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    SavePrompt,
}

#[derive(Clone, Debug)]
pub enum Dialog {
    UnsavedChanges(Pending),
    Path {
        purpose: PathPurpose,
        text: String,
        /// Why the app asks itself, e.g. that no system dialog is available.
        note: Option<String>,
    },
    Error {
        title: String,
        detail: String,
    },
    /// A project opened, but parts of it don't fit together (a connection to a system
    /// that is not there, a duplicate id…). Each problem can be shown on the canvas.
    Problems {
        title: String,
        problems: Vec<ListedProblem>,
    },
}

/// One problem of an opened file, as the Problems dialog lists it.
#[derive(Clone, Debug)]
pub struct ListedProblem {
    /// "line 12, column 5", or the place in the model when the line is not known.
    pub place: String,
    pub message: String,
    pub subject: ItemRef,
}

/// What the user chose in a dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    SaveThen(Pending),
    DiscardThen(Pending),
    Open(PathBuf),
    SaveTo(PathBuf),
    SavePromptTo(PathBuf),
    /// Select and frame the item a problem is about.
    Show(ItemRef),
    Dismiss,
}

impl Dialog {
    /// Shows the dialog; returns the user's choice once they made one.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let mut choice = None;
        let modal = Modal::new(egui::Id::unique("integration studio dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match self {
                Dialog::UnsavedChanges(pending) => {
                    ui.heading("Save changes?");
                    ui.label("This project has changes that are not saved yet.");
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            choice = Some(Choice::SaveThen(pending.clone()));
                        }
                        if ui.button("Don't save").clicked() {
                            choice = Some(Choice::DiscardThen(pending.clone()));
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Some(Choice::Dismiss);
                        }
                    });
                }
                Dialog::Path {
                    purpose,
                    text,
                    note,
                } => {
                    let (title, action, what) = match purpose {
                        PathPurpose::Open => ("Open project", "Open", "Path of the .ron file:"),
                        PathPurpose::SaveAs => {
                            ("Save project as", "Save", "Path of the .ron file:")
                        }
                        PathPurpose::SavePrompt => {
                            ("Save prompt as", "Save", "Path of the .md or .txt file:")
                        }
                    };
                    ui.heading(title);
                    if let Some(note) = note {
                        ui.label(RichText::new(note.as_str()).weak());
                    }
                    let label = ui.label(what);
                    let edit = ui
                        .add(
                            TextEdit::singleline(text)
                                .hint_text("/home/me/landscapes/shop.ron")
                                .desired_width(520.0),
                        )
                        .labelled_by(label.id);
                    let entered =
                        edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let ready = !text.trim().is_empty();
                        if (ui.add_enabled(ready, egui::Button::new(action)).clicked() || entered)
                            && ready
                        {
                            let path = with_ron_extension(text.trim(), *purpose);
                            choice = Some(match purpose {
                                PathPurpose::Open => Choice::Open(path),
                                PathPurpose::SaveAs => Choice::SaveTo(path),
                                PathPurpose::SavePrompt => Choice::SavePromptTo(path),
                            });
                        }
                        if ui.button("Cancel").clicked() {
                            choice = Some(Choice::Dismiss);
                        }
                    });
                }
                Dialog::Problems { title, problems } => {
                    choice = problems_list(ui, title, problems);
                }
                Dialog::Error { title, detail } => {
                    ui.heading(RichText::new(title.as_str()).color(ui.visuals().error_fg_color));
                    egui::ScrollArea::both().max_height(320.0).show(ui, |ui| {
                        ui.label(RichText::new(detail.as_str()).monospace());
                    });
                    ui.add_space(8.0);
                    if ui.button("OK").clicked() {
                        choice = Some(Choice::Dismiss);
                    }
                }
            }
        });
        if modal.should_close() && choice.is_none() {
            choice = Some(Choice::Dismiss);
        }
        choice
    }
}

/// A file broken by a script can have thousands of problems; the first ones say enough.
const MAX_PROBLEMS_LISTED: usize = 200;

fn problems_list(ui: &mut egui::Ui, title: &str, problems: &[ListedProblem]) -> Option<Choice> {
    let mut choice = None;
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
                            choice = Some(Choice::Show(problem.subject));
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
    if ui.button("OK").clicked() {
        choice = Some(Choice::Dismiss);
    }
    choice
}

/// Saving to "shop" means "shop.ron"; opening takes the path as typed.
fn with_ron_extension(text: &str, purpose: PathPurpose) -> PathBuf {
    let path = PathBuf::from(text);
    if purpose == PathPurpose::SaveAs && path.extension().is_none() {
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
        let mut dialog = Dialog::Problems {
            title: "big.ron opened with 205 problems".into(),
            problems,
        };
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
