//! The landscape canvas. (Being written.)

use crate::model::Project;

use super::intent::Intent;
use super::selection::Selection;

/// The canvas's view state: where it looks, and the gesture in progress.
#[derive(Default)]
pub struct Canvas {}

impl Canvas {
    pub fn new() -> Self {
        Canvas::default()
    }

    /// Frames the whole landscape on the next frame.
    pub fn request_fit(&mut self) {}

    /// Draws the landscape and turns pointer input into intents.
    pub fn ui(
        &mut self,
        _ui: &mut egui::Ui,
        _project: &Project,
        _selection: &Selection,
        _intents: &mut Vec<Intent>,
    ) {
    }
}
