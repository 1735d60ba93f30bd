//! File ▸ Export ▸ Picture and Edit ▸ Copy as Picture. A PNG of a big landscape takes
//! seconds, so the session only asks for the picture ([`Effect::DrawPicture`]); the app
//! draws it off the UI thread with [`draw_picture`] and hands the outcome back as
//! [`Intent::PictureDrawn`](super::Intent::PictureDrawn), which becomes a notice, the
//! clipboard's image or an error dialog here.

use std::path::{Path, PathBuf};

use super::Session;
use super::capitalised;
use super::dialog::Dialog;
use super::effect::Effect;
use crate::io;
use crate::model::Project;
use crate::picture::{PictureFormat, PictureOptions, Rgba, to_rgba};

/// Where a picture goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PictureTarget {
    File(PathBuf, PictureFormat),
    Clipboard,
}

/// What came of drawing a picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PictureOutcome {
    Written(PathBuf),
    Copied(Rgba),
    Failed {
        target: PictureTarget,
        detail: String,
    },
}

/// Draws the picture and writes it (atomically) or returns its pixels. Slow for big
/// landscapes: the app runs it on a thread of its own.
pub fn draw_picture(project: &Project, target: PictureTarget) -> PictureOutcome {
    let options = PictureOptions::default();
    let drawn = match &target {
        PictureTarget::File(path, format) => format
            .render(project, &options)
            .map_err(|error| error.to_string())
            .and_then(|bytes| {
                io::write_atomically(path, &bytes, false).map_err(|error| error.to_string())
            })
            .map(|()| PictureOutcome::Written(path.clone())),
        PictureTarget::Clipboard => to_rgba(project, &options)
            .map(PictureOutcome::Copied)
            .map_err(|error| error.to_string()),
    };
    drawn.unwrap_or_else(|detail| PictureOutcome::Failed { target, detail })
}

impl Session {
    /// Export to `path`; the extension says SVG or PNG, and a name without one gets ".png".
    pub(super) fn export_picture_to(&mut self, path: &Path, effects: &mut Vec<Effect>) {
        let path = match path.extension() {
            None => path.with_extension("png"),
            Some(_) => path.to_owned(),
        };
        let Some(format) = PictureFormat::of_path(&path) else {
            effects.push(Effect::Dialog(Dialog::Error {
                title: EXPORT_FAILED.into(),
                detail: format!(
                    "{}: pictures are written as .svg or .png; choose a name ending in one of them.",
                    path.display()
                ),
            }));
            return;
        };
        self.draw(PictureTarget::File(path, format), effects);
    }

    pub(super) fn copy_picture(&mut self, effects: &mut Vec<Effect>) {
        self.draw(PictureTarget::Clipboard, effects);
    }

    fn draw(&mut self, target: PictureTarget, effects: &mut Vec<Effect>) {
        effects.push(Effect::Notice("Drawing the picture…".into()));
        effects.push(Effect::DrawPicture {
            project: Box::new(self.document.project().clone()),
            target,
        });
    }

    pub(super) fn picture_drawn(&mut self, outcome: PictureOutcome, effects: &mut Vec<Effect>) {
        match outcome {
            PictureOutcome::Written(path) => effects.push(Effect::Notice(format!(
                "Exported the landscape to {}",
                path.display()
            ))),
            PictureOutcome::Copied(image) => {
                let size = format!("{}×{} pixels", image.width, image.height);
                effects.push(Effect::CopyImage(image));
                effects.push(Effect::Notice(format!(
                    "Copied the landscape as a picture ({size})"
                )));
            }
            PictureOutcome::Failed { target, detail } => {
                let title = match target {
                    PictureTarget::File(..) => EXPORT_FAILED,
                    PictureTarget::Clipboard => "The picture could not be copied",
                };
                effects.push(Effect::Dialog(Dialog::Error {
                    title: title.into(),
                    detail: capitalised(&detail),
                }));
            }
        }
    }
}

const EXPORT_FAILED: &str = "The picture could not be exported";
