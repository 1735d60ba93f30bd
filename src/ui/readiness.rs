//! The Integration Pattern Module's readiness checklist, above the prompt: how far the
//! landscape has got through its two phases, line by line, with the reasons.

use egui::{CollapsingHeader, RichText, Ui};

use super::canvas::severity_color;
use crate::analysis::{CheckStatus, Phase, Readiness, Severity};

pub fn readiness_checklist(ui: &mut Ui, readiness: &Readiness) {
    let title = format!("Readiness {}%", readiness.score_percent);
    CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("readiness")
        .default_open(true)
        .show(ui, |ui| {
            for (phase, heading) in [
                (
                    Phase::DefineIntegrationRequirements,
                    "1. Define integration requirements",
                ),
                (
                    Phase::DesignIntegrationArchitecture,
                    "2. Design integration architecture",
                ),
            ] {
                ui.label(RichText::new(heading).small().weak());
                for check in readiness.checks.iter().filter(|c| c.phase == phase) {
                    let dark = ui.visuals().dark_mode;
                    let (mark, color) = match check.status {
                        CheckStatus::Passed => ("Passed", ui.visuals().hyperlink_color),
                        CheckStatus::Partial => {
                            ("Partial", severity_color(Severity::Warning, dark))
                        }
                        CheckStatus::Failed => ("Failed", severity_color(Severity::Error, dark)),
                    };
                    ui.horizontal_top(|ui| {
                        ui.add_sized(
                            [52.0, 16.0],
                            egui::Label::new(RichText::new(mark).small().strong().color(color)),
                        );
                        let line = ui.label(check.label);
                        if !check.reasons.is_empty() {
                            line.on_hover_text(check.reasons.join("\n"));
                        }
                    });
                    // The first reason in view; the rest on hover, so the prompt keeps its room.
                    if check.status != CheckStatus::Passed
                        && let Some(reason) = check.reasons.first()
                    {
                        ui.horizontal_top(|ui| {
                            ui.add_space(58.0);
                            ui.add(
                                egui::Label::new(RichText::new(reason).small().weak()).truncate(),
                            )
                            .on_hover_text(check.reasons.join("\n"));
                        });
                    }
                }
            }
        });
}
