//! The app: a thin egui shell over a [`Session`]. It draws the panels, gives the session
//! what the widgets asked for, and carries out the effects it answers with.

mod arranging;
mod effects;
mod files;
mod panels;
mod picturing;
mod preferences;
mod screenshot;

pub use preferences::Preferences;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::Ui;

use super::canvas::{Canvas, FindingMarks};
use super::commands::Command;
use super::dialogs::ShownDialog;
use super::file_dialogs::FileDialogs;
use super::find::FindBox;
use super::findings::FindingsView;
use super::palette::CommandPalette;
use super::preview::MarkdownView;
use crate::analysis::Report;
use crate::edit::Document;
use crate::layout::Direction;
use crate::session::{Effect, FileAction, Intent, Selection, Session};

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

pub struct StudioApp {
    session: Session,
    canvas: Canvas,
    findings: FindingsView,
    find: FindBox,
    /// The Rendered view of the prompt, laid out the first time it is shown.
    markdown: Option<MarkdownView>,
    changes: super::prompt_changes::ChangesView,
    palette: CommandPalette,
    preferences: Preferences,
    dialog: Option<ShownDialog>,
    notice: Option<(String, f64)>,
    allowed_to_close: bool,
    title: String,
    launch: Launch,
    frames: u64,
    screenshot_requested: bool,
    file_dialogs: FileDialogs,
    /// An arrangement being computed off the UI thread.
    arranging: Option<arranging::Arranging>,
    picturing: picturing::Picturing,
    /// What opening the launch file asked for; carried out in the first frame, which has
    /// the window (a notice then runs its full time on screen).
    on_first_frame: Vec<Effect>,
}

impl StudioApp {
    pub fn new(mut preferences: Preferences, launch: Launch) -> Self {
        let mut session = Session::with_example();
        session.set_flow(if preferences.flow_down {
            Direction::Down
        } else {
            Direction::Right
        });
        let on_first_frame = match launch
            .file
            .clone()
            .or_else(|| preferences.last_project.clone())
        {
            // The last project was moved or deleted since: say so once, not at every launch.
            Some(path) if launch.file.is_none() && !path.exists() => {
                preferences.last_project = None;
                vec![Effect::Notice(format!(
                    "Your last project, {}, is no longer there; here is an example",
                    path.display()
                ))]
            }
            Some(path) => session.apply([Intent::FileConfirmed(FileAction::open_or_import(path))]),
            None => Vec::new(),
        };
        let mut canvas = Canvas::new();
        canvas.set_finding_marks(FindingMarks::from_report(session.report()));
        canvas.request_readable_view();
        StudioApp {
            session,
            canvas,
            findings: FindingsView::default(),
            find: FindBox::default(),
            markdown: None,
            changes: Default::default(),
            palette: CommandPalette::default(),
            preferences,
            dialog: None,
            notice: None,
            allowed_to_close: false,
            title: String::new(),
            launch,
            frames: 0,
            screenshot_requested: false,
            file_dialogs: FileDialogs::default(),
            arranging: None,
            picturing: Default::default(),
            on_first_frame,
        }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn document(&self) -> &Document {
        self.session.document()
    }

    pub fn selection(&self) -> &Selection {
        self.session.selection()
    }

    pub fn preferences(&self) -> &Preferences {
        &self.preferences
    }

    /// What the analysis found in the current project.
    pub fn report(&self) -> &Report {
        self.session.report()
    }

    /// Where the canvas is in the window.
    pub fn canvas_rect(&self) -> egui::Rect {
        self.canvas.rect_on_screen()
    }

    /// The canvas, to read what it drew.
    pub fn canvas(&self) -> &Canvas {
        &self.canvas
    }

    /// The canvas's zoom (1.0 = one scene unit per point).
    pub fn zoom(&self) -> f32 {
        self.canvas.zoom()
    }

    /// The prompt as the preview shows it and Copy copies it.
    pub fn prompt_text(&self) -> Option<&str> {
        self.session.prompt().text()
    }

    /// Opens `path` as File ▸ Open does once a path is chosen. On any error the current
    /// project stays exactly as it was.
    pub fn open(&mut self, ctx: &egui::Context, path: &Path) {
        let intent = Intent::FileConfirmed(FileAction::Open(Some(path.to_owned())));
        self.apply(ctx, None, vec![intent]);
    }

    /// Draws one frame. Widgets only collect intents; the session applies them at the end.
    /// `window` is the native window, for attaching file dialogs; without one (as in
    /// tests) files are asked for with the app's own path dialog.
    pub fn show(&mut self, ui: &mut Ui, window: Option<&eframe::Frame>) {
        let ctx = ui.ctx().clone();
        if self.frames == 0 {
            super::fonts::install(&ctx);
            let repaint = ctx.clone();
            self.session
                .set_repaint(std::sync::Arc::new(move || repaint.request_repaint()));
            self.fit_panels_to_window(ctx.viewport_rect().size());
            let effects = std::mem::take(&mut self.on_first_frame);
            let follow_ups = self.carry_out(&ctx, window, effects);
            self.apply(&ctx, window, follow_ups);
        }
        self.session.poll_token_count();
        if self.session.is_counting_tokens() {
            // The counting thread asks for a repaint when done; this covers a count begun
            // before the window gave the session its repaint callback.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let mut intents: Vec<Intent> = Command::pressed(&ctx, self.palette.is_open())
            .into_iter()
            .map(Intent::Run)
            .collect();
        self.handle_dropped_files(&ctx, &mut intents);
        self.handle_close_request(&ctx, &mut intents);
        self.panels(ui, &mut intents);
        self.palette.show(
            &ctx,
            self.session.document(),
            self.session.selection(),
            &mut self.preferences.recent_commands,
            &mut intents,
        );
        if let Some(dialog) = &mut self.dialog
            && let Some(answer) = dialog.show(&ctx)
        {
            self.dialog = None;
            intents.extend(answer);
        }
        if let Some(picked) = self.file_dialogs.poll() {
            intents.extend(self.on_file_dialog(picked));
        }
        intents.extend(self.poll_arranging());
        intents.extend(self.poll_picturing());
        self.apply(&ctx, window, intents);
        self.expire_notice(&ctx);
        self.update_title(&ctx);
        self.take_screenshot_when_settled(&ctx);
        self.frames += 1;
    }

    /// The one place the session is changed: the intents go in, the effects are carried
    /// out, and what they ask for in turn goes in again.
    pub fn apply(
        &mut self,
        ctx: &egui::Context,
        window: Option<&eframe::Frame>,
        intents: Vec<Intent>,
    ) {
        // Effects ask for at most one round more (the view adding a system); the bound
        // only guards against a loop that should not exist.
        let mut intents = intents;
        for _ in 0..4 {
            if intents.is_empty() {
                return;
            }
            let effects = self.session.apply(intents);
            intents = self.carry_out(ctx, window, effects);
        }
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
        let title = self.session.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
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
