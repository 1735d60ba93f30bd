//! Exact token counts of the prompt, by OpenAI's published byte-pair encodings, and the
//! prompt's parts found by their CM-010 headings. No egui: the CLI and the app share it.
//!
//! `bpe-openai` counts; it was about as exact as `tiktoken-rs` and faster on a 2 MB
//! prompt (docs/prompt.md has the figures).

use crate::model::Tokenizer;

/// The number of tokens `text` takes in `tokenizer`'s encoding. Special tokens such as
/// `<|endoftext|>` are counted as ordinary text, as an API counts a prompt that contains them.
pub fn count_tokens(text: &str, tokenizer: Tokenizer) -> usize {
    encoding(tokenizer).count(text)
}

fn encoding(tokenizer: Tokenizer) -> &'static bpe_openai::Tokenizer {
    match tokenizer {
        Tokenizer::O200kBase => bpe_openai::o200k_base(),
        Tokenizer::Cl100kBase => bpe_openai::cl100k_base(),
    }
}

/// The encoding's name as OpenAI spells it: `o200k_base`, `cl100k_base`.
pub fn tokenizer_name(tokenizer: Tokenizer) -> &'static str {
    match tokenizer {
        Tokenizer::O200kBase => "o200k_base",
        Tokenizer::Cl100kBase => "cl100k_base",
    }
}

/// The encoding called `name` (as [`tokenizer_name`] spells it), if there is one.
pub fn tokenizer_named(name: &str) -> Option<Tokenizer> {
    [Tokenizer::O200kBase, Tokenizer::Cl100kBase]
        .into_iter()
        .find(|t| tokenizer_name(*t).eq_ignore_ascii_case(name.trim()))
}

/// The parts of a CM-010 prompt, in the order the template writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Header,
    Systems,
    DataFlows,
    Risks,
    AnalysisRequest,
    ExpectedOutput,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Header,
        Section::Systems,
        Section::DataFlows,
        Section::Risks,
        Section::AnalysisRequest,
        Section::ExpectedOutput,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Header => "Header",
            Section::Systems => "Systems",
            Section::DataFlows => "Data flows",
            Section::Risks => "Risks",
            Section::AnalysisRequest => "Analysis request",
            Section::ExpectedOutput => "Expected output",
        }
    }

    /// The line that starts the section (the header starts the text).
    fn heading(self) -> Option<&'static str> {
        match self {
            Section::Header => None,
            Section::Systems => Some("## System Integration Landscape"),
            Section::DataFlows => Some("## Data Flows"),
            Section::Risks => Some("## Risks found in the current landscape"),
            Section::AnalysisRequest => Some("Please provide comprehensive"),
            Section::ExpectedOutput => Some("## Expected Output Format"),
        }
    }
}

/// One part of the prompt and its exact size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionTokens {
    pub section: Section,
    pub characters: usize,
    pub tokens: usize,
}

/// Byte ranges of the sections present in `text`, in order. A heading is found only at the
/// start of a line and after the previous section's, so a system called "## Data Flows"
/// in a description cannot move a boundary backwards. Text before the first heading
/// (or all of it, in a template without these headings) is the header.
pub fn section_ranges(text: &str) -> Vec<(Section, std::ops::Range<usize>)> {
    let mut starts: Vec<(Section, usize)> = vec![(Section::Header, 0)];
    let mut from = 0;
    for section in &Section::ALL[1..] {
        let Some(heading) = section.heading() else {
            continue;
        };
        if let Some(at) = line_starting_with(text, heading, from) {
            starts.push((*section, at));
            from = at + heading.len();
        }
    }
    let mut ranges = Vec::with_capacity(starts.len());
    for (i, (section, start)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |(_, next)| *next);
        // An empty header (the text begins with a known heading) is no part at all.
        if end > *start || *section != Section::Header {
            ranges.push((*section, *start..end));
        }
    }
    ranges
}

/// The byte offset of the first line at or after `from` that begins with `prefix`.
fn line_starting_with(text: &str, prefix: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while at <= text.len() {
        let rest = text.get(at..)?;
        let found = rest.find(prefix)? + at;
        if found == 0 || text.as_bytes()[found - 1] == b'\n' {
            return Some(found);
        }
        at = found + prefix.len();
    }
    None
}

/// Each section's characters and exact tokens. Each is encoded on its own, so their sum
/// can differ from the whole text's count by a token or so where a boundary splits what
/// the encoder would merge (the line break before a heading); count the whole separately.
pub fn section_tokens(text: &str, tokenizer: Tokenizer) -> Vec<SectionTokens> {
    section_ranges(text)
        .into_iter()
        .map(|(section, range)| {
            let part = &text[range];
            SectionTokens {
                section,
                characters: part.chars().count(),
                tokens: count_tokens(part, tokenizer),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
