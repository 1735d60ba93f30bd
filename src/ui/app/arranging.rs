//! Arranging a large landscape off the UI thread: the window stays responsive, and the
//! result comes back to the session as one intent, applied as one step.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::StudioApp;
use crate::layout::{Options, arrange};
use crate::model::Project;
use crate::session::{Intent, Stamp};

/// An arrangement being computed.
pub(super) struct Arranging {
    answer: Receiver<Intent>,
}

impl StudioApp {
    pub(super) fn arrange_in_background(
        &mut self,
        ctx: &egui::Context,
        project: Project,
        options: Options,
        stamp: Stamp,
    ) {
        let (send, answer) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let arrangement = arrange(&project, &options);
            let _ = send.send(Intent::Arranged {
                arrangement,
                only: options.only,
                stamp,
            });
            ctx.request_repaint();
        });
        self.arranging = Some(Arranging { answer });
    }

    /// The finished arrangement, once there is one.
    pub(super) fn poll_arranging(&mut self) -> Option<Intent> {
        let arranging = self.arranging.as_ref()?;
        match arranging.answer.try_recv() {
            Ok(intent) => {
                self.arranging = None;
                Some(intent)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.arranging = None;
                None
            }
        }
    }
}
