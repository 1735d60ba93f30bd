//! `render --stats`: the prompt's size instead of the prompt, as text or JSON.

use clap::ValueEnum;
use serde_json::json;

use crate::model::Tokenizer;
use crate::session::{PromptStats, TokenCount};
use crate::tokens::{tokenizer_name, tokenizer_named};

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum StatsFormat {
    #[default]
    Text,
    Json,
}

/// Parses `--tokenizer`; the error names the choices.
pub fn parse_tokenizer(name: &str) -> Result<Tokenizer, String> {
    tokenizer_named(name).ok_or_else(|| {
        format!("unknown tokenizer “{name}”; the choices are o200k_base and cl100k_base")
    })
}

/// What `--stats` prints, in `format`.
pub fn stats_text(text: &str, tokenizer: Tokenizer, format: StatsFormat) -> String {
    let stats = PromptStats::of(text);
    let count = TokenCount::of(text, tokenizer, 0);
    match format {
        StatsFormat::Text => as_text(&stats, &count),
        StatsFormat::Json => format!("{:#}\n", as_json(&stats, &count)),
    }
}

fn as_text(stats: &PromptStats, count: &TokenCount) -> String {
    let mut out = format!(
        "characters: {}\nwords: {}\ntokens: {} ({})\n\n",
        stats.characters,
        stats.words,
        count.total,
        tokenizer_name(count.tokenizer)
    );
    out.push_str(&format!(
        "{:<18} {:>10} {:>10}\n",
        "section", "characters", "tokens"
    ));
    for s in &count.sections {
        out.push_str(&format!(
            "{:<18} {:>10} {:>10}\n",
            s.section.label(),
            s.characters,
            s.tokens
        ));
    }
    out
}

/// The shape docs/cli.md documents.
fn as_json(stats: &PromptStats, count: &TokenCount) -> serde_json::Value {
    let sections: Vec<_> = count
        .sections
        .iter()
        .map(|s| {
            json!({
                "section": s.section.label(),
                "characters": s.characters,
                "tokens": s.tokens,
            })
        })
        .collect();
    json!({
        "characters": stats.characters,
        "words": stats.words,
        "tokens": count.total,
        "tokenizer": tokenizer_name(count.tokenizer),
        "sections": sections,
    })
}
