//! The strip above the canvas: the commands people reach for while drawing, and a reminder
//! of the gestures that have no button.

use egui::{Button, RichText, Ui};

use super::commands::Command;
use super::intent::Intent;

pub fn canvas_toolbar(ui: &mut Ui, snap_to_grid: &mut bool, intents: &mut Vec<Intent>) {
    ui.horizontal(|ui| {
        for (command, label) in [
            (Command::AddSystem, "+ Add system"),
            (Command::FitView, "Fit to content"),
        ] {
            let hover = command.hover_text(ui.ctx(), command.label());
            if ui.add(Button::new(label)).on_hover_text(hover).clicked() {
                intents.push(Intent::Run(command));
            }
        }
        ui.checkbox(snap_to_grid, "Snap to grid")
            .on_hover_text("Dragged and added boxes line up on a 20-unit grid; hold Alt to place freely");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(
                        "Double-click: add or rename · Drag a box's handle: connect · Right-click: more",
                    )
                    .small()
                    .weak(),
                )
                .truncate(),
            );
        });
    });
    ui.add_space(2.0);
}
