//! The prompt's exact token count, made on a thread of its own: a 2 MB prompt takes tens
//! of milliseconds to encode, too long for a frame. The last finished count stays on show
//! until the new one arrives.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::model::Tokenizer;
use crate::tokens::{SectionTokens, count_tokens, section_tokens};

/// Asks the window to draw again (the UI sets it; egui-free here).
pub type Repaint = Arc<dyn Fn() + Send + Sync>;

/// The exact tokens of one prompt rendering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenCount {
    /// The rendering it was counted for (`RenderedPrompt::generation`).
    pub generation: u64,
    pub tokenizer: Tokenizer,
    pub total: usize,
    pub sections: Vec<SectionTokens>,
}

impl TokenCount {
    /// Counts now, on the calling thread.
    pub fn of(text: &str, tokenizer: Tokenizer, generation: u64) -> Self {
        TokenCount {
            generation,
            tokenizer,
            total: count_tokens(text, tokenizer),
            sections: section_tokens(text, tokenizer),
        }
    }
}

#[derive(Default)]
pub(super) struct TokenCounter {
    latest: Option<TokenCount>,
    pending: Option<(u64, Receiver<TokenCount>)>,
    repaint: Option<Repaint>,
}

impl TokenCounter {
    /// Starts counting `text`; a count still under way for an older rendering is dropped
    /// (its thread finishes and its answer goes nowhere).
    pub fn request(&mut self, text: &str, tokenizer: Tokenizer, generation: u64) {
        if self.pending.as_ref().is_some_and(|(g, _)| *g == generation)
            || self
                .latest
                .as_ref()
                .is_some_and(|c| c.generation == generation && c.tokenizer == tokenizer)
        {
            return;
        }
        let (send, answer) = channel();
        let owned: Arc<str> = Arc::from(text);
        let repaint = self.repaint.clone();
        let spawned = std::thread::Builder::new()
            .name("token count".to_owned())
            .spawn({
                let text = Arc::clone(&owned);
                move || {
                    let _ = send.send(TokenCount::of(&text, tokenizer, generation));
                    if let Some(repaint) = repaint {
                        repaint();
                    }
                }
            });
        match spawned {
            Ok(_) => self.pending = Some((generation, answer)),
            // No thread to be had: count here rather than show nothing.
            Err(_) => {
                self.pending = None;
                self.latest = Some(TokenCount::of(&owned, tokenizer, generation));
            }
        }
    }

    /// Takes a finished count; says whether one arrived.
    pub fn poll(&mut self) -> bool {
        let Some((_, answer)) = &self.pending else {
            return false;
        };
        match answer.try_recv() {
            Ok(count) => {
                self.latest = Some(count);
                self.pending = None;
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                false
            }
        }
    }

    pub fn latest(&self) -> Option<&TokenCount> {
        self.latest.as_ref()
    }

    pub fn is_counting(&self) -> bool {
        self.pending.is_some()
    }

    pub fn set_repaint(&mut self, repaint: Repaint) {
        self.repaint = Some(repaint);
    }

    /// Waits for the count under way (tests and the command line, never the UI).
    pub fn wait(&mut self) {
        if let Some((_, answer)) = self.pending.take()
            && let Ok(count) = answer.recv()
        {
            self.latest = Some(count);
        }
    }
}
