//! The status bar: which file, whether it is saved, and how complete the prompt is.

use egui::{RichText, Ui};

use super::canvas::severity_color;
use super::commands::Command;
use crate::analysis::{Report, Severity};
use crate::edit::Document;
use crate::template::Prompt;
use crate::words::count;

/// What the user did in the status bar.
pub struct StatusBarResponse {
    /// The findings summary was clicked: show or hide the Findings panel.
    pub findings_clicked: bool,
}

pub fn status_bar(
    ui: &mut Ui,
    document: &Document,
    prompt: &Result<Prompt, String>,
    report: &Report,
    zoom: f32,
    notice: Option<&str>,
) -> StatusBarResponse {
    let mut findings_clicked = false;
    ui.horizontal(|ui| {
        let file = document
            .path
            .as_ref()
            .map_or("Not saved yet".to_owned(), |p| p.display().to_string());
        ui.label(RichText::new(file).small());
        if document.is_dirty() {
            ui.separator();
            ui.label(
                RichText::new("Unsaved changes")
                    .small()
                    .color(ui.visuals().warn_fg_color),
            );
        } else if document.path.is_some() {
            ui.separator();
            ui.label(RichText::new("Saved").small().weak());
        }
        ui.separator();
        let project = document.project();
        ui.label(
            RichText::new(format!(
                "{} · {} · {}",
                count(project.systems.len(), "system"),
                count(project.connections.len(), "connection"),
                count(project.zones.len(), "zone")
            ))
            .small(),
        );
        if let Ok(prompt) = prompt {
            ui.separator();
            let text = match prompt.missing.len() {
                0 => "Prompt complete".to_owned(),
                1 => "1 value missing".to_owned(),
                n => format!("{n} values missing"),
            };
            ui.label(RichText::new(text).small());
        }
        ui.separator();
        findings_clicked = findings_summary(ui, report);
        ui.separator();
        ui.label(RichText::new(format!("Zoom {:.0}%", zoom * 100.0)).small());
        if let Some(notice) = notice {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(notice).small().strong());
            });
        }
    });
    StatusBarResponse { findings_clicked }
}

/// "2 errors · 5 warnings", coloured by the worst; clicking it shows the Findings panel.
fn findings_summary(ui: &mut Ui, report: &Report) -> bool {
    let parts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .filter(|severity| report.count(*severity) > 0)
        .map(|severity| severity_count(report, severity))
        .collect();
    let (text, color) = match report.worst() {
        None => ("No findings".to_owned(), ui.visuals().weak_text_color()),
        Some(worst) => (
            parts.join(" · "),
            severity_color(worst, ui.visuals().dark_mode),
        ),
    };
    let hover = Command::ToggleFindings.hover_text(ui.ctx(), "Show or hide the Findings panel");
    ui.add(egui::Button::new(RichText::new(text).small().color(color)).frame(false))
        .on_hover_text(hover)
        .clicked()
}

/// "1 error", "3 warnings", "2 info": the same words in the status bar and the Findings panel.
pub fn severity_count(report: &Report, severity: Severity) -> String {
    let n = report.count(severity);
    match severity {
        // "Info" has no plural in the sense meant here.
        Severity::Info => format!("{n} info"),
        Severity::Error | Severity::Warning => count(n, severity.label()),
    }
}
