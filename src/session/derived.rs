//! What the open project implies — the analysis and the prompt — kept for one content
//! revision and computed again only when it moves. A mere move on the canvas refreshes
//! only the findings about the drawing (a zone's border over a system not in it).

use crate::analysis::{self, Report};
use crate::edit::Document;
use crate::template::{Prompt, render};

/// Sizes shown above the prompt, quick enough to make with every rendering. The exact
/// token count takes longer and is made off the UI thread (`TokenCount`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PromptStats {
    pub characters: usize,
    pub words: usize,
}

impl PromptStats {
    pub fn of(text: &str) -> Self {
        PromptStats {
            characters: text.chars().count(),
            words: text.split_whitespace().count(),
        }
    }
}

/// The prompt of one revision, with the risks section taken from that revision's report.
pub struct RenderedPrompt {
    pub prompt: Result<Prompt, String>,
    pub stats: PromptStats,
    /// Grows with every rendering, across documents, so a view made for one rendering
    /// (the Markdown layout) can tell it is out of date.
    pub generation: u64,
}

impl RenderedPrompt {
    pub fn text(&self) -> Option<&str> {
        self.prompt.as_ref().ok().map(|p| p.text.as_str())
    }
}

pub(super) struct Derived {
    revision: u64,
    /// The document revision the drawing findings were last brought up to date at: a
    /// move on the canvas changes those and nothing else.
    layout_revision: u64,
    pub report: Report,
    pub prompt: RenderedPrompt,
}

impl Derived {
    pub fn of(document: &Document, generation: u64) -> Self {
        let report = analysis::analyze(document.project());
        let prompt = render_prompt(document, &report, generation);
        Derived {
            revision: document.content_revision(),
            layout_revision: document.revision(),
            report,
            prompt,
        }
    }

    /// Analyses and renders again when the content changed; says whether it did.
    pub fn refresh(&mut self, document: &Document) -> bool {
        if self.revision == document.content_revision() {
            if self.layout_revision == document.revision() {
                return false;
            }
            self.layout_revision = document.revision();
            // The prompt leaves findings about the drawing out, so it stays as it is.
            return analysis::refresh_drawing(document.project(), &mut self.report);
        }
        *self = Derived::of(document, self.prompt.generation + 1);
        true
    }

    pub fn generation(&self) -> u64 {
        self.prompt.generation
    }
}

fn render_prompt(document: &Document, report: &Report, generation: u64) -> RenderedPrompt {
    let prompt = render(document.project(), report).map_err(|e| e.to_string());
    let stats = PromptStats::of(prompt.as_ref().map_or("", |p| p.text.as_str()));
    RenderedPrompt {
        prompt,
        stats,
        generation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_count_characters_and_words() {
        let stats = PromptStats::of("⟦missing⟧ two words");
        assert_eq!(stats.characters, 19);
        assert_eq!(stats.words, 3);
    }
}
