//! Starting the desktop app.

use super::app::{Launch, Preferences, StudioApp};

pub const APP_NAME: &str = "Integration Studio";

/// Opens the window and runs until it closes. Returns the screenshot's outcome when one
/// was asked for.
pub fn run(launch: Launch) -> Result<(), String> {
    let result = launch.screenshot_result.clone();
    let wants_screenshot = launch.screenshot.is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(APP_NAME)
            .with_app_id("integration-studio")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([960.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| {
            let preferences: Preferences = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            Ok(Box::new(StudioApp::new(preferences, launch)))
        }),
    )
    .map_err(|e| format!("the window could not be opened: {e}"))?;
    if wants_screenshot {
        let outcome = result
            .lock()
            .map_err(|_| "the screenshot was lost".to_owned())?
            .clone();
        return outcome
            .unwrap_or_else(|| Err("the window closed before the screenshot was taken".into()));
    }
    Ok(())
}
