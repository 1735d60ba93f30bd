//! What the open project implies — the analysis and the prompt — kept for one content
//! revision and computed again only when it moves. A mere move on the canvas refreshes
//! only the findings about the drawing (a zone's border over a system not in it).

use crate::analysis::{self, Report};
use crate::edit::Document;
use crate::template::budget::fit_to_budget;
use crate::template::{Prompt, render, template_for};

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
    /// Under a token budget: what was condensed, and advice when even that is over.
    pub budget: Option<BudgetNote>,
    /// Grows with every rendering, across documents, so a view made for one rendering
    /// (the Markdown layout) can tell it is out of date.
    pub generation: u64,
}

impl RenderedPrompt {
    pub fn text(&self) -> Option<&str> {
        self.prompt.as_ref().ok().map(|p| p.text.as_str())
    }
}

/// What the preview says about the token budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetNote {
    pub budget: u32,
    pub fits: bool,
    /// "The full prompt is 9,324 tokens, over the budget of 8,000; condensed to …", or
    /// none when the full prompt fits.
    pub summary: Option<String>,
    /// When even the tightest form is over: by how much, and a scope to try.
    pub advice: Option<String>,
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

/// The prompt as Copy gives it: condensed to the project's budget when it has one.
fn render_prompt(document: &Document, report: &Report, generation: u64) -> RenderedPrompt {
    let project = document.project();
    let settings = &project.prompt;
    let (prompt, budget) = match settings.budget {
        None => (render(project, report).map_err(|e| e.to_string()), None),
        Some(budget) => {
            let fitted = template_for(project).and_then(|template| {
                fit_to_budget(template, project, report, budget, settings.tokenizer)
            });
            match fitted {
                Ok(fitted) => {
                    let note = BudgetNote {
                        budget,
                        fits: fitted.fits(),
                        summary: fitted.summary(),
                        advice: fitted.advice(project),
                    };
                    (Ok(fitted.prompt), Some(note))
                }
                Err(error) => (Err(error.to_string()), None),
            }
        }
    };
    let stats = PromptStats::of(prompt.as_ref().map_or("", |p| p.text.as_str()));
    RenderedPrompt {
        prompt,
        stats,
        budget,
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
