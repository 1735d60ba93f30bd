//! Modal dialogs: unsaved changes, a typed path (always available, so files can be opened
//! and saved even where no system file dialog can be shown), and errors.

use std::path::PathBuf;

use egui::{Modal, RichText, TextEdit};

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
}

/// What the user chose in a dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    SaveThen(Pending),
    DiscardThen(Pending),
    Open(PathBuf),
    SaveTo(PathBuf),
    SavePromptTo(PathBuf),
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

/// Saving to "shop" means "shop.ron"; opening takes the path as typed.
fn with_ron_extension(text: &str, purpose: PathPurpose) -> PathBuf {
    let path = PathBuf::from(text);
    if purpose == PathPurpose::SaveAs && path.extension().is_none() {
        path.with_extension("ron")
    } else {
        path
    }
}
