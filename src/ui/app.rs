//! The app: panels, the one place where intents change the document, and commands.

mod clipboard;
mod files;
mod preferences;
mod screenshot;

pub use preferences::Preferences;

use clipboard::PasteKind;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{CentralPanel, Panel, ScrollArea, Ui, ViewportCommand};

use super::canvas::{Canvas, FindingMarks};
use super::commands::Command;
use super::dialogs::{Dialog, PathPurpose, Pending};
use super::file_dialogs::{FileDialogs, FileRequest};
use super::find::FindBox;
use super::findings::{FindingsView, findings_panel};
use super::forms::{properties_form, request_field_focus, variables_form};
use super::intent::Intent;
use super::menu::menu_bar;
use super::preview::{RenderedPrompt, preview_pane};
use super::readiness::readiness_checklist;
use super::selection::Selection;
use super::status_bar::status_bar;
use super::toolbar::canvas_toolbar;
use crate::analysis::{self, Report};
use crate::edit::{self, Document, Edit};
use crate::examples;
use crate::io;
use crate::model::{ItemRef, SystemId};

/// How many recent files File ▸ Open Recent lists.
const RECENT_FILES: usize = 10;
/// How long a notice such as "Copied 1,234 characters" stays in the status bar.
const NOTICE_SECONDS: f64 = 3.0;

/// How the app was started.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    pub file: Option<PathBuf>,
    /// Take a screenshot of the first settled frame, write it here as PNG, and quit.
    pub screenshot: Option<PathBuf>,
    /// Where the screenshot's outcome is reported back to `main`.
    pub screenshot_result: Arc<Mutex<Option<Result<(), String>>>>,
}

/// The analysis of one document revision.
struct AnalysisCache {
    revision: u64,
    report: Report,
}

pub struct StudioApp {
    document: Document,
    selection: Selection,
    canvas: Canvas,
    analysis: AnalysisCache,
    findings: FindingsView,
    find: FindBox,
    prompt: RenderedPrompt,
    preferences: Preferences,
    dialog: Option<Dialog>,
    notice: Option<(String, f64)>,
    allowed_to_close: bool,
    title: String,
    launch: Launch,
    frames: u64,
    screenshot_requested: bool,
    file_dialogs: FileDialogs,
    /// A file to ask for; the dialog opens at the end of the frame, where the window is known.
    wanted_file: Option<FileRequest>,
}

impl StudioApp {
    pub fn new(preferences: Preferences, launch: Launch) -> Self {
        let mut dialog = None;
        let mut notice = None;
        let mut preferences = preferences;
        let document = match launch
            .file
            .clone()
            .or_else(|| preferences.last_project.clone())
        {
            // The last project was moved or deleted since: say so once, not at every launch.
            Some(path) if launch.file.is_none() && !path.exists() => {
                preferences.last_project = None;
                let text = format!(
                    "Your last project, {}, is no longer there; here is an example",
                    path.display()
                );
                notice = Some((text, 0.0));
                example_document()
            }
            Some(path) => match io::load(&path) {
                Ok(loaded) => {
                    if !loaded.problems.is_empty() {
                        dialog = Some(files::problems_on_open(&path, &loaded.problems));
                    }
                    Document::opened(loaded.project, path)
                }
                Err(error) => {
                    dialog = Some(files::load_error(&error));
                    example_document()
                }
            },
            None => example_document(),
        };
        let analysis = analyze_document(&document);
        let prompt = RenderedPrompt::of(&document, &analysis.report);
        let mut canvas = Canvas::new();
        canvas.set_finding_marks(FindingMarks::from_report(&analysis.report));
        let mut app = StudioApp {
            document,
            selection: Selection::default(),
            canvas,
            analysis,
            findings: FindingsView::default(),
            find: FindBox::default(),
            prompt,
            preferences,
            dialog,
            notice,
            allowed_to_close: false,
            title: String::new(),
            launch,
            frames: 0,
            screenshot_requested: false,
            file_dialogs: FileDialogs::default(),
            wanted_file: None,
        };
        app.canvas.request_readable_view();
        app
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    pub fn preferences(&self) -> &Preferences {
        &self.preferences
    }

    /// What the analysis found in the current project.
    pub fn report(&self) -> &Report {
        &self.analysis.report
    }

    /// The prompt as the preview shows it and Copy copies it.
    pub fn prompt_text(&self) -> Option<&str> {
        self.prompt.prompt.as_ref().ok().map(|p| p.text.as_str())
    }

    /// Draws one frame. Widgets only collect intents; they are applied at the end.
    /// `window` is the native window, for attaching file dialogs; without one (as in
    /// tests) files are asked for with the app's own path dialog.
    pub fn show(&mut self, ui: &mut Ui, window: Option<&eframe::Frame>) {
        let ctx = ui.ctx().clone();
        if self.frames == 0 {
            super::fonts::install(&ctx);
            // A notice from start-up runs its full time from the first frame on screen.
            if let Some((text, _)) = self.notice.take() {
                self.notify(&ctx, text);
            }
        }
        let mut intents: Vec<Intent> = Command::pressed(&ctx)
            .into_iter()
            .map(Intent::Run)
            .collect();
        self.handle_dropped_files(&ctx, &mut intents);
        self.handle_close_request(&ctx);

        Panel::top("menu bar").show(ui, |ui| {
            menu_bar(
                ui,
                &self.document,
                &self.preferences,
                !self.selection.systems.is_empty(),
                &mut intents,
            );
        });
        let notice = self.notice.as_ref().map(|(text, _)| text.as_str());
        let zoom = self.canvas.zoom();
        Panel::bottom("status bar").show(ui, |ui| {
            let shown = status_bar(
                ui,
                &self.document,
                &self.prompt.prompt,
                &self.analysis.report,
                zoom,
                notice,
            );
            if shown.findings_clicked {
                intents.push(Intent::Run(Command::ToggleFindings));
            }
        });
        Panel::left("inspector")
            .resizable(true)
            .default_size(360.0)
            .size_range(280.0..=720.0)
            .show_collapsible(ui, &mut self.preferences.inspector_open, |ui| {
                ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
                    ui.heading("Variables");
                    variables_form(ui, self.document.project(), &mut intents);
                    ui.separator();
                    ui.heading("Properties");
                    properties_form(ui, self.document.project(), &self.selection, &mut intents);
                });
            });
        Panel::right("preview")
            .resizable(true)
            .default_size(400.0)
            .size_range(280.0..=960.0)
            .show_collapsible(ui, &mut self.preferences.preview_open, |ui| {
                readiness_checklist(ui, &self.analysis.report.readiness);
                ui.separator();
                preview_pane(
                    ui,
                    self.document.project(),
                    &mut self.prompt,
                    &mut self.preferences.preview_rendered,
                    &mut intents,
                );
            });
        Panel::bottom("findings")
            .resizable(true)
            .default_size(190.0)
            .size_range(110.0..=600.0)
            .show_collapsible(ui, &mut self.preferences.findings_open, |ui| {
                findings_panel(
                    ui,
                    self.document.project(),
                    &self.analysis.report,
                    &self.selection,
                    &mut self.findings,
                    &mut intents,
                );
            });
        CentralPanel::default().show(ui, |ui| {
            canvas_toolbar(ui, &mut self.canvas.snap_to_grid, &mut intents);
            self.canvas
                .ui(ui, self.document.project(), &self.selection, &mut intents);
            self.find
                .show(ui, ui.max_rect(), self.document.project(), &mut intents);
        });

        if let Some(dialog) = &mut self.dialog
            && let Some(choice) = dialog.show(&ctx)
        {
            self.dialog = None;
            self.on_dialog_choice(&ctx, choice);
        }
        self.apply_intents(&ctx, intents);
        self.ask_for_wanted_file(&ctx, window);
        if let Some((request, outcome)) = self.file_dialogs.poll() {
            self.on_file_dialog(&ctx, request, outcome);
        }
        self.refresh_prompt();
        self.expire_notice(&ctx);
        self.update_title(&ctx);
        self.take_screenshot_when_settled(&ctx);
        self.frames += 1;
    }

    /// The one place where the document changes.
    pub fn apply_intents(&mut self, ctx: &egui::Context, intents: Vec<Intent>) {
        for intent in intents {
            match intent {
                Intent::Edit {
                    edit,
                    label,
                    coalesce,
                } => {
                    if let Err(error) = self.document.apply(edit, &label, coalesce) {
                        self.notify(ctx, error.to_string());
                    }
                    self.selection.retain_existing(self.document.project());
                }
                Intent::EndOfGesture => self.document.seal(),
                Intent::CancelGesture(key) => _ = self.document.abandon_gesture(&key),
                Intent::Select(selection) => self.selection = selection,
                Intent::FocusField(label) => {
                    self.preferences.inspector_open = true;
                    request_field_focus(ctx, label);
                }
                Intent::Run(command) => self.run_command(ctx, command),
            }
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewProject => self.unless_unsaved(ctx, Pending::NewProject),
            Command::OpenFile => self.unless_unsaved(ctx, Pending::OpenFile),
            Command::OpenPath(path) => self.unless_unsaved(ctx, Pending::OpenPath(path)),
            Command::Revert => self.unless_unsaved(ctx, Pending::Revert),
            Command::CheckProject => self.check_project(ctx),
            Command::Save => match self.document.path.clone() {
                Some(path) => {
                    self.save_to(ctx, &path);
                }
                None => self.ask_for_path(PathPurpose::SaveAs),
            },
            Command::SaveAs => self.ask_for_path(PathPurpose::SaveAs),
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::Undo => {
                if let Some(label) = self.document.undo() {
                    self.notify(ctx, format!("Undid {label}"));
                }
                self.selection.retain_existing(self.document.project());
            }
            Command::Redo => {
                if let Some(label) = self.document.redo() {
                    self.notify(ctx, format!("Redid {label}"));
                }
                self.selection.retain_existing(self.document.project());
            }
            Command::SelectAll => self.selection = Selection::all(self.document.project()),
            Command::DeleteSelection => self.delete_selection(ctx),
            Command::AddSystem => {
                let mut intents = Vec::new();
                self.canvas
                    .add_system_in_view(self.document.project(), &mut intents);
                self.apply_intents(ctx, intents);
            }
            Command::Rename => self.rename_selection(ctx),
            Command::Cut => self.cut_selection(ctx),
            Command::Copy => {
                self.copy_selection(ctx);
            }
            Command::Paste => self.request_paste(ctx),
            Command::PasteText(text) => self.paste_text(ctx, &text, PasteKind::Paste),
            Command::Duplicate => self.duplicate_selection(ctx),
            Command::GroupIntoZone => self.group_selection_into_zone(ctx),
            Command::Find => self.find.open(),
            Command::CopyPrompt => self.copy_prompt(ctx),
            Command::SavePromptAs => self.ask_for_path(PathPurpose::SavePrompt),
            Command::FitView => self.canvas.request_fit(),
            Command::FrameSelection => self.frame_selection(ctx),
            Command::ToggleFindings => {
                self.preferences.findings_open = !self.preferences.findings_open;
            }
            Command::ToggleInspector => {
                self.preferences.inspector_open = !self.preferences.inspector_open;
            }
            Command::TogglePreview => {
                self.preferences.preview_open = !self.preferences.preview_open;
            }
        }
    }

    fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.selection = Selection::default();
        // View state about the old project's items: its ids may name others in the new one.
        self.canvas.cancel_rename();
        self.findings.forget_project_state();
        self.canvas.request_readable_view();
        // Always: a new document's revision numbers start again, so they could match the
        // old one's and leave its prompt showing.
        self.reanalyse();
        self.prompt = RenderedPrompt::of(&self.document, &self.analysis.report);
    }

    fn delete_selection(&mut self, ctx: &egui::Context) {
        if self.selection.is_empty() {
            return;
        }
        let edit = Edit::delete(self.document.project(), &self.selection.item_ids());
        self.apply_intents(ctx, vec![Intent::edit(edit, "Delete")]);
        self.selection = Selection::default();
    }

    /// Frames the selected systems and the ends of the selected connections.
    fn frame_selection(&mut self, ctx: &egui::Context) {
        let project = self.document.project();
        let mut systems: Vec<SystemId> = self.selection.systems.iter().copied().collect();
        for connection in self
            .selection
            .connections
            .iter()
            .filter_map(|id| project.connection(*id))
        {
            systems.extend([connection.from, connection.to]);
        }
        // A zone is where its systems are.
        let zones = &self.selection.zones;
        if !zones.is_empty() {
            systems.extend(
                project
                    .systems
                    .iter()
                    .filter(|s| s.zone.is_some_and(|zone| zones.contains(&zone)))
                    .map(|s| s.id),
            );
        }
        if !self.canvas.request_frame(project, &systems) {
            self.notify(
                ctx,
                "Select systems, connections or zones to zoom to them".into(),
            );
        }
    }

    /// The problems a file could have, in the project as it is now: what is left after
    /// fixing those listed when it opened.
    fn check_project(&mut self, ctx: &egui::Context) {
        let problems = io::validate(self.document.project(), None);
        if problems.is_empty() {
            self.notify(
                ctx,
                "No problems: every reference, id and value fits".into(),
            );
        } else {
            let count = crate::words::count(problems.len(), "problem");
            let title = format!("{count} in this project");
            self.dialog = Some(files::problems_dialog(title, &problems));
        }
    }

    /// F2: renames the one selected system or zone on the canvas.
    fn rename_selection(&mut self, ctx: &egui::Context) {
        let item = self
            .selection
            .single()
            .filter(|item| matches!(item, ItemRef::System(_) | ItemRef::Zone(_)));
        let started =
            item.is_some_and(|item| self.canvas.start_rename(self.document.project(), item));
        if !started {
            self.notify(ctx, "Select one system or zone to rename it".into());
        }
    }

    /// A new zone around the selected systems, selected so its name can be typed next.
    fn group_selection_into_zone(&mut self, ctx: &egui::Context) {
        let systems: Vec<SystemId> = self.selection.systems.iter().copied().collect();
        let Some(grouping) = edit::group_into_new_zone(self.document.project(), &systems) else {
            self.notify(ctx, "Select the systems to put in a new zone".into());
            return;
        };
        let zone = grouping.zone;
        self.apply_intents(
            ctx,
            vec![
                Intent::edit(grouping.edit, "Group into New Zone"),
                Intent::Select(Selection::only(ItemRef::Zone(zone))),
            ],
        );
        let name = self.document.project().zone(zone).map(|z| z.name.clone());
        let count = crate::words::count(systems.len(), "system");
        let mut message = format!(
            "Put {count} into {}; name it with F2 or in Properties",
            name.unwrap_or_default()
        );
        if !grouping.emptied.is_empty() {
            let emptied = grouping.emptied.join(", ");
            message.push_str(&format!(
                ". {emptied}, left empty, was removed (Ctrl+Z undoes)"
            ));
        }
        self.notify(ctx, message);
    }

    fn copy_prompt(&mut self, ctx: &egui::Context) {
        if let Ok(prompt) = &self.prompt.prompt {
            ctx.copy_text(prompt.text.clone());
            let count = self.prompt.stats.characters;
            self.notify(ctx, format!("Copied {count} characters"));
        }
    }

    /// Analyses and renders again when the content changed (not on a mere move).
    fn refresh_prompt(&mut self) {
        if self.analysis.revision != self.document.content_revision() {
            self.reanalyse();
        }
        if self.prompt.revision != self.document.content_revision() {
            self.prompt = RenderedPrompt::of(&self.document, &self.analysis.report);
        }
    }

    fn reanalyse(&mut self) {
        self.analysis = analyze_document(&self.document);
        self.canvas
            .set_finding_marks(FindingMarks::from_report(&self.analysis.report));
    }

    fn notify(&mut self, ctx: &egui::Context, text: String) {
        let until = ctx.input(|i| i.time) + NOTICE_SECONDS;
        self.notice = Some((text, until));
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(NOTICE_SECONDS));
    }

    /// Clears an expired notice; a visible one asks for exactly one repaint when it expires.
    fn expire_notice(&mut self, ctx: &egui::Context) {
        if let Some((_, until)) = self.notice {
            let now = ctx.input(|i| i.time);
            if now >= until {
                self.notice = None;
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(until - now));
            }
        }
    }

    /// Sends the window title only when it changes: every viewport command asks for a
    /// repaint, and an idle app must not repaint.
    fn update_title(&mut self, ctx: &egui::Context) {
        let file = self
            .document
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or("not saved".to_owned(), |n| n.to_string_lossy().into_owned());
        let dirty = if self.document.is_dirty() { " •" } else { "" };
        let title = format!(
            "{} — {file}{dirty} — Integration Studio",
            self.document.project().name
        );
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for StudioApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        self.show(ui, Some(frame));
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.preferences);
    }
}

fn example_document() -> Document {
    let project = examples::EXAMPLES
        .first()
        .and_then(|e| e.project().ok())
        .unwrap_or_default();
    Document::new(project)
}

fn analyze_document(document: &Document) -> AnalysisCache {
    AnalysisCache {
        revision: document.content_revision(),
        report: analysis::analyze(document.project()),
    }
}
