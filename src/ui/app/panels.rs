//! The panels around the canvas. On a small window the canvas gets the room: the first
//! layout puts the prompt and the findings into strips that open them (see
//! [`StudioApp::fit_panels_to_window`]); an open panel keeps the size it was dragged to
//! (egui remembers it by the panel's id).

use egui::{Button, CentralPanel, Panel, RichText, ScrollArea, Ui, Vec2};

use super::StudioApp;
use crate::analysis::{Report, Severity};
use crate::session::Intent;
use crate::ui::commands::Command;
use crate::ui::findings::findings_panel;
use crate::ui::forms::{properties_form, variables_form};
use crate::ui::menu::menu_bar;
use crate::ui::preview::preview_pane;
use crate::ui::readiness::readiness_checklist;
use crate::ui::status_bar::{severity_count, status_bar};
use crate::ui::toolbar::canvas_toolbar;

/// Narrower than this (points), a first launch opens with the prompt as a strip.
const COMPACT_WIDTH: f32 = 1400.0;
/// Lower than this (points), a first launch opens with the findings as a strip.
const COMPACT_HEIGHT: f32 = 860.0;

impl StudioApp {
    /// Once, on the first launch: a window too small for the canvas and every panel at
    /// once opens with the prompt and the findings folded into strips. After that the
    /// user's own choices stand.
    pub(super) fn fit_panels_to_window(&mut self, window: Vec2) {
        let preferences = &mut self.preferences;
        if preferences.panels_fitted {
            return;
        }
        preferences.panels_fitted = true;
        if window.x < COMPACT_WIDTH {
            preferences.preview_open = false;
            preferences.findings_open = false;
        }
        if window.y < COMPACT_HEIGHT {
            preferences.findings_open = false;
        }
    }

    pub(super) fn panels(&mut self, ui: &mut Ui, intents: &mut Vec<Intent>) {
        let session = &self.session;
        Panel::top("menu bar").show(ui, |ui| {
            menu_bar(
                ui,
                session.document(),
                &self.preferences,
                session.selection(),
                intents,
            );
        });
        let notice = self.notice.as_ref().map(|(text, _)| text.as_str());
        let zoom = self.canvas.zoom();
        Panel::bottom("status bar").show(ui, |ui| {
            let prompt = &session.prompt().prompt;
            let shown = status_bar(
                ui,
                session.document(),
                prompt,
                session.report(),
                zoom,
                notice,
            );
            if shown.findings_clicked {
                intents.push(Intent::Run(Command::ToggleFindings));
            }
        });
        Panel::left("inspector")
            .resizable(true)
            .default_size(320.0)
            .size_range(260.0..=720.0)
            .show_collapsible(ui, &mut self.preferences.inspector_open, |ui| {
                ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
                    ui.heading("Variables");
                    variables_form(ui, session.project(), intents);
                    ui.separator();
                    ui.heading("Properties");
                    properties_form(ui, session.project(), session.selection(), intents);
                });
            });
        if !self.preferences.preview_open {
            Panel::right("prompt strip")
                .resizable(false)
                .show(ui, |ui| prompt_strip(ui, session.report(), intents));
        }
        Panel::right("preview")
            .resizable(true)
            .default_size(380.0)
            .size_range(280.0..=960.0)
            .show_collapsible(ui, &mut self.preferences.preview_open, |ui| {
                readiness_checklist(ui, &session.report().readiness);
                ui.separator();
                preview_pane(
                    ui,
                    session,
                    &mut self.markdown,
                    &mut self.preferences.preview_rendered,
                    &mut self.changes,
                    intents,
                );
            });
        if !self.preferences.findings_open {
            Panel::bottom("findings strip")
                .resizable(false)
                .show(ui, |ui| findings_strip(ui, session.report(), intents));
        }
        Panel::bottom("findings")
            .resizable(true)
            .default_size(320.0)
            .size_range(110.0..=600.0)
            .show_collapsible(ui, &mut self.preferences.findings_open, |ui| {
                findings_panel(
                    ui,
                    session.project(),
                    session.report(),
                    session.selection(),
                    &mut self.findings,
                    intents,
                );
            });
        CentralPanel::default().show(ui, |ui| {
            canvas_toolbar(ui, &mut self.canvas.snap_to_grid, intents);
            self.canvas.show_minimap = self.preferences.minimap_shown;
            self.canvas.legend_open = self.preferences.legend_open;
            self.canvas
                .ui(ui, session.project(), session.selection(), intents);
            self.preferences.legend_open = self.canvas.legend_open;
            self.find
                .show(ui, ui.max_rect(), session.project(), intents);
        });
    }
}

/// The prompt panel folded away: a button that opens it, and how ready the prompt is.
fn prompt_strip(ui: &mut Ui, report: &Report, intents: &mut Vec<Intent>) {
    let hint = shortcut_hint(ui, Command::TogglePreview, "Show the prompt");
    if ui
        .add(Button::new("Show prompt"))
        .on_hover_text(hint)
        .clicked()
    {
        intents.push(Intent::Run(Command::TogglePreview));
    }
    ui.label(RichText::new(format!("Ready {}%", report.readiness.score_percent)).small());
}

/// The Findings panel folded away: one row with the counts, which opens it.
fn findings_strip(ui: &mut Ui, report: &Report, intents: &mut Vec<Intent>) {
    let counts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .filter(|s| report.count(*s) > 0)
        .map(|s| severity_count(report, s))
        .collect();
    let summary = if counts.is_empty() {
        "none".to_owned()
    } else {
        counts.join(", ")
    };
    let hint = shortcut_hint(ui, Command::ToggleFindings, "Show the Findings panel");
    ui.horizontal(|ui| {
        let button = Button::new(format!("Findings: {summary}"));
        if ui.add(button).on_hover_text(hint).clicked() {
            intents.push(Intent::Run(Command::ToggleFindings));
        }
    });
}

/// "Show the prompt (Ctrl+Alt+B)".
fn shortcut_hint(ui: &Ui, command: Command, text: &str) -> String {
    match command.shortcut_text(ui.ctx()) {
        Some(keys) => format!("{text} ({keys})"),
        None => text.to_owned(),
    }
}
