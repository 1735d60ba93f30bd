//! Carrying out what the session asks for: the things only the window can do.

use egui::ViewportCommand;

use super::StudioApp;
use crate::layout::Direction;
use crate::session::{Effect, Intent, Panel};
use crate::ui::canvas::{FindingMarks, ViewEffect};
use crate::ui::dialogs::ShownDialog;
use crate::ui::forms::request_field_focus;

impl StudioApp {
    /// Carries out `effects`; returns the intents some of them lead to.
    pub(super) fn carry_out(
        &mut self,
        ctx: &egui::Context,
        window: Option<&eframe::Frame>,
        effects: Vec<Effect>,
    ) -> Vec<Intent> {
        let mut follow_ups = Vec::new();
        for effect in effects {
            match self
                .canvas
                .carry_out(self.session.project(), &effect, &mut follow_ups)
            {
                ViewEffect::Done => continue,
                ViewEffect::Failed(why) => {
                    self.notify(ctx, why);
                    continue;
                }
                ViewEffect::NotTheCanvas => {}
            }
            match effect {
                Effect::Notice(text) => self.notify(ctx, text),
                Effect::Dialog(dialog) => self.dialog = Some(ShownDialog::new(dialog)),
                Effect::AskForPath { action, suggested } => {
                    self.ask_for_path(ctx, window, action, suggested)
                }
                Effect::FocusField(label) => {
                    self.preferences.inspector_open = true;
                    request_field_focus(ctx, label);
                }
                Effect::OpenFind => self.find.open(),
                Effect::OpenPalette => self.palette.open(),
                Effect::TogglePanel(panel) => self.toggle(panel),
                Effect::CopyText(text) => ctx.copy_text(text),
                Effect::CopyImage(image) => {
                    ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(
                        [image.width as usize, image.height as usize],
                        &image.pixels,
                    ))
                }
                Effect::RequestPaste => ctx.send_viewport_cmd(ViewportCommand::RequestPaste),
                Effect::Remember(path) => self.preferences.remember(&path),
                Effect::DrawPicture { project, target } => {
                    self.draw_picture_in_background(ctx, *project, target)
                }
                Effect::ArrangeInBackground {
                    project,
                    options,
                    stamp,
                } => self.arrange_in_background(ctx, *project, options, stamp),
                Effect::FlowChanged(direction) => {
                    self.preferences.flow_down = direction == Direction::Down;
                }
                Effect::ProjectReplaced => {
                    // View state about the old project's items: its ids may name others
                    // in the new one.
                    self.canvas.cancel_rename();
                    self.canvas.request_readable_view();
                    self.findings.forget_project_state();
                    self.markdown = None;
                }
                Effect::ReportChanged => self
                    .canvas
                    .set_finding_marks(FindingMarks::from_report(self.session.report())),
                Effect::RequestClose => ctx.send_viewport_cmd(ViewportCommand::Close),
                Effect::Close => {
                    self.allowed_to_close = true;
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
                // The canvas's, carried out above.
                Effect::Frame(_)
                | Effect::Reveal(_)
                | Effect::FitView
                | Effect::ZoomToActualSize
                | Effect::AddSystemInView
                | Effect::StartRename(_) => {}
            }
        }
        follow_ups
    }

    fn toggle(&mut self, panel: Panel) {
        let open = match panel {
            Panel::Inspector => &mut self.preferences.inspector_open,
            Panel::Preview => &mut self.preferences.preview_open,
            Panel::Findings => &mut self.preferences.findings_open,
            Panel::Minimap => &mut self.preferences.minimap_shown,
        };
        *open = !*open;
    }

    /// The system dialog for the path, or the typed-path dialog where there is no window.
    fn ask_for_path(
        &mut self,
        ctx: &egui::Context,
        window: Option<&eframe::Frame>,
        action: crate::session::FileAction,
        suggested: Option<std::path::PathBuf>,
    ) {
        match window {
            Some(window) => self.file_dialogs.start(action, suggested, window, ctx),
            None => self.type_a_path(action, suggested, None),
        }
    }
}
