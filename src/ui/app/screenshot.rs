//! `--screenshot PATH`: capture the first settled frame as PNG, then quit.

use std::path::Path;
use std::sync::Arc;

use egui::ViewportCommand;

use super::StudioApp;

impl StudioApp {
    /// With `--screenshot PATH`: once the first frames have settled, capture the window,
    /// write the PNG, and close.
    pub(super) fn take_screenshot_when_settled(&mut self, ctx: &egui::Context) {
        const SETTLED_AFTER_FRAMES: u64 = 5;
        let Some(path) = self.launch.screenshot.clone() else {
            return;
        };
        if let Ok(result) = self.launch.screenshot_result.lock()
            && result.is_some()
        {
            self.allowed_to_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return;
        }
        if self.frames < SETTLED_AFTER_FRAMES {
            ctx.request_repaint();
            return;
        }
        if !self.screenshot_requested {
            self.screenshot_requested = true;
            let outcome = self.launch.screenshot_result.clone();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image: Arc<egui::ColorImage>| {
                let saved = save_png(&image, &path);
                if let Ok(mut slot) = outcome.lock() {
                    *slot = Some(saved);
                }
                repaint.request_repaint();
            });
        }
    }
}

fn save_png(image: &egui::ColorImage, path: &Path) -> Result<(), String> {
    let [width, height] = image.size;
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, image.as_raw().to_vec())
        .ok_or_else(|| "the screenshot has an unexpected size".to_owned())?;
    buffer
        .save(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
