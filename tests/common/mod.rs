//! Shared by the whole-app kittest tests: the app on its first-launch example, and typing
//! into a field found by its label.

#![allow(dead_code)] // Each test file uses its own part of this.

use egui::OutputCommand;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use integration_studio::ui::{Launch, Preferences, StudioApp};

/// The app as a new user first sees it: the e-commerce example, in a laptop-sized window.
pub fn app() -> Harness<'static, StudioApp> {
    app_with(Preferences::default(), Launch::default())
}

/// The app as launched with these remembered preferences and command line.
pub fn app_with(preferences: Preferences, launch: Launch) -> Harness<'static, StudioApp> {
    let app = StudioApp::new(preferences, launch);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_ui_state(|ui, app: &mut StudioApp| app.show(ui, None), app);
    harness.run();
    harness
}

/// Focuses the text field labelled `label` and types `text` at its end.
pub fn type_into(harness: &mut Harness<'static, StudioApp>, label: &str, text: &str) {
    type_into_role(harness, Role::TextInput, label, text);
}

pub fn type_into_role(
    harness: &mut Harness<'static, StudioApp>,
    role: Role,
    label: &str,
    text: &str,
) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// The text the app puts on the clipboard within a few frames, if any.
pub fn text_copied_soon(harness: &mut Harness<'static, StudioApp>) -> Option<String> {
    for _ in 0..4 {
        harness.step();
        let copied = harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                OutputCommand::CopyText(text) => Some(text.clone()),
                _ => None,
            });
        if copied.is_some() {
            return copied;
        }
    }
    None
}

/// Scrolls the canvas far from the landscape, so that framing has to bring items back.
pub fn look_elsewhere(harness: &mut Harness<'static, StudioApp>) {
    harness.hover_at(egui::pos2(700.0, 300.0));
    for _ in 0..30 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.step();
    }
    harness.run();
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
pub struct DroppedPath(pub std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
