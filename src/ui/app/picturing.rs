//! Pictures drawn off the UI thread: a PNG of a big landscape takes seconds, and the
//! window keeps drawing meanwhile. Each outcome comes back to the session as an intent.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::StudioApp;
use crate::model::Project;
use crate::session::{Intent, PictureTarget, draw_picture};

/// The pictures being drawn, oldest first.
#[derive(Default)]
pub(super) struct Picturing {
    answers: Vec<Receiver<Intent>>,
}

impl StudioApp {
    pub(super) fn draw_picture_in_background(
        &mut self,
        ctx: &egui::Context,
        project: Project,
        target: PictureTarget,
    ) {
        let (send, answer) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = send.send(Intent::PictureDrawn(draw_picture(&project, target)));
            ctx.request_repaint();
        });
        self.picturing.answers.push(answer);
    }

    /// The pictures finished since the last frame.
    pub(super) fn poll_picturing(&mut self) -> Vec<Intent> {
        let mut done = Vec::new();
        self.picturing
            .answers
            .retain(|answer| match answer.try_recv() {
                Ok(intent) => {
                    done.push(intent);
                    false
                }
                Err(TryRecvError::Empty) => true,
                Err(TryRecvError::Disconnected) => false,
            });
        done
    }

    /// A picture is still being drawn.
    pub fn is_drawing_picture(&self) -> bool {
        !self.picturing.answers.is_empty()
    }
}
