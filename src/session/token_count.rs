//! The prompt's exact token count. A 2 MB prompt takes tens of milliseconds to encode, too
//! long for a frame, so a large prompt is counted on a thread of its own and the last
//! finished count stays on show until the new one arrives. A small one (every bundled
//! example) is counted at once: a millisecond or two, and no "counting…" flicker.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::model::Tokenizer;
use crate::tokens::{SectionTokens, count_tokens, section_tokens};

/// Prompts up to this size are counted on the UI thread (about 6 ms at the limit).
const COUNT_AT_ONCE_UP_TO_BYTES: usize = 256 * 1024;

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
        if text.len() <= COUNT_AT_ONCE_UP_TO_BYTES {
            self.pending = None;
            self.latest = Some(TokenCount::of(text, tokenizer, generation));
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

    /// Waits for the count under way (tests only: the UI polls).
    #[cfg(test)]
    pub fn wait(&mut self) {
        if let Some((_, answer)) = self.pending.take()
            && let Ok(count) = answer.recv()
        {
            self.latest = Some(count);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big_text(word: &str) -> String {
        format!("{word} ").repeat(COUNT_AT_ONCE_UP_TO_BYTES / word.len() + 1)
    }

    #[test]
    fn a_small_prompt_is_counted_at_once() {
        let mut counter = TokenCounter::default();
        counter.request("hello world", Tokenizer::Cl100kBase, 1);
        assert!(!counter.is_counting());
        assert_eq!(counter.latest().unwrap().total, 2);
    }

    #[test]
    fn a_large_prompt_is_counted_off_thread_and_the_last_count_stays_meanwhile() {
        let mut counter = TokenCounter::default();
        let first = big_text("alpha");
        counter.request(&first, Tokenizer::O200kBase, 1);
        assert!(counter.is_counting());
        counter.wait();
        let expected = count_tokens(&first, Tokenizer::O200kBase);
        assert_eq!(counter.latest().unwrap().total, expected);

        let second = big_text("beta gamma");
        counter.request(&second, Tokenizer::O200kBase, 2);
        // Until the new count is in, the old one is what there is to show.
        assert_eq!(counter.latest().unwrap().generation, 1);
        counter.wait();
        assert_eq!(counter.latest().unwrap().generation, 2);
        assert_eq!(
            counter.latest().unwrap().total,
            count_tokens(&second, Tokenizer::O200kBase)
        );
        // The same rendering is not counted twice.
        counter.request(&second, Tokenizer::O200kBase, 2);
        assert!(!counter.is_counting());
    }

    #[test]
    fn the_thread_asks_for_a_repaint_when_done() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let asked = Arc::new(AtomicBool::new(false));
        let mut counter = TokenCounter::default();
        counter.set_repaint(Arc::new({
            let asked = Arc::clone(&asked);
            move || asked.store(true, Ordering::SeqCst)
        }));
        counter.request(&big_text("delta"), Tokenizer::O200kBase, 1);
        // The answer is sent first and the repaint asked for after, so wait for both.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let mut arrived = false;
        while !(arrived && asked.load(Ordering::SeqCst)) && std::time::Instant::now() < deadline {
            arrived |= counter.poll();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(arrived, "the count arrived");
        assert!(asked.load(Ordering::SeqCst), "a repaint was asked for");
    }
}
