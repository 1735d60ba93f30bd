//! The status bar: which file, whether it is saved, and how complete the prompt is.

use egui::{RichText, Ui};

use crate::edit::Document;
use crate::template::Prompt;

pub fn status_bar(
    ui: &mut Ui,
    document: &Document,
    prompt: &Result<Prompt, String>,
    zoom: f32,
    notice: Option<&str>,
) {
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
                "{} systems · {} connections · {} zones",
                project.systems.len(),
                project.connections.len(),
                project.zones.len()
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
        ui.label(RichText::new(format!("Zoom {:.0}%", zoom * 100.0)).small());
        if let Some(notice) = notice {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(notice).small().strong());
            });
        }
    });
}
