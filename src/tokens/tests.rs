use super::*;
use crate::analysis::analyze;
use crate::examples::EXAMPLES;
use crate::template::render;

/// tiktoken's own test (tests/test_encoding.py, `test_simple`): cl100k_base encodes
/// "hello world" as [15339, 1917].
#[test]
fn hello_world_is_two_tokens_as_tiktoken_publishes() {
    assert_eq!(count_tokens("hello world", Tokenizer::Cl100kBase), 2);
    assert_eq!(
        bpe_openai::cl100k_base().encode("hello world"),
        vec![15339, 1917]
    );
    assert_eq!(count_tokens("hello world", Tokenizer::O200kBase), 2);
}

/// OpenAI's cookbook ("How to count tokens with tiktoken"): "tiktoken is great!" is
/// [83, 1609, 5963, 374, 2294, 0] in cl100k_base. o200k_base's ids are those of
/// js-tiktoken's test cases and openai/harmony's tests ("hello world" is [24912, 2375]).
#[test]
fn published_examples_have_their_published_tokens() {
    assert_eq!(
        bpe_openai::cl100k_base().encode("tiktoken is great!"),
        vec![83, 1609, 5963, 374, 2294, 0]
    );
    assert_eq!(count_tokens("tiktoken is great!", Tokenizer::Cl100kBase), 6);
    assert_eq!(
        bpe_openai::o200k_base().encode("hello world"),
        vec![24912, 2375]
    );
    assert_eq!(
        bpe_openai::o200k_base().encode(" 日本語とEnglish 12345!\n"),
        vec![17428, 40909, 5330, 28881, 220, 7633, 2548, 4175]
    );
}

#[test]
fn empty_text_has_no_tokens() {
    assert_eq!(count_tokens("", Tokenizer::O200kBase), 0);
    assert_eq!(count_tokens("", Tokenizer::Cl100kBase), 0);
}

/// The two crates implement the same encodings; they must agree on awkward text too.
#[test]
fn bpe_openai_and_tiktoken_agree() {
    let project = EXAMPLES[0].project().unwrap();
    let prompt = render(&project, &analyze(&project)).unwrap().text;
    let texts = [
        "hello world",
        "  leading spaces,\ttabs\r\nand CRLF",
        "⟦missing: Purpose⟧ — naïve café 日本語のテキスト 🚀🚀",
        "<|endoftext|> is plain text here",
        "12345678901234567890 1,234.56",
        prompt.as_str(),
    ];
    for text in texts {
        assert_eq!(
            count_tokens(text, Tokenizer::O200kBase),
            tiktoken_rs::o200k_base_singleton()
                .encode_ordinary(text)
                .len(),
            "o200k_base: {text:.40}"
        );
        assert_eq!(
            count_tokens(text, Tokenizer::Cl100kBase),
            tiktoken_rs::cl100k_base_singleton()
                .encode_ordinary(text)
                .len(),
            "cl100k_base: {text:.40}"
        );
    }
}

#[test]
fn names_round_trip_and_unknown_names_are_none() {
    for tokenizer in [Tokenizer::O200kBase, Tokenizer::Cl100kBase] {
        assert_eq!(tokenizer_named(tokenizer_name(tokenizer)), Some(tokenizer));
    }
    assert_eq!(tokenizer_named("gpt2"), None);
    assert_eq!(tokenizer_named(""), None);
}

/// Every bundled example has all six parts, in order, covering the whole prompt.
#[test]
fn sections_of_the_bundled_examples() {
    for example in EXAMPLES {
        let project = example.project().unwrap();
        let text = render(&project, &analyze(&project)).unwrap().text;
        let ranges = section_ranges(&text);
        let found: Vec<Section> = ranges.iter().map(|(s, _)| *s).collect();
        let expected: Vec<Section> = Section::ALL
            .into_iter()
            .filter(|s| *s != Section::Risks || text.contains("## Risks found"))
            .collect();
        assert_eq!(found, expected, "{}", example.name);
        assert_eq!(ranges[0].1.start, 0);
        assert_eq!(ranges.last().unwrap().1.end, text.len());
        for pair in ranges.windows(2) {
            assert_eq!(pair[0].1.end, pair[1].1.start);
        }
        let systems = &text[ranges[1].1.clone()];
        assert!(systems.starts_with("## System Integration Landscape"));
        let last = &text[ranges.last().unwrap().1.clone()];
        assert!(last.starts_with("## Expected Output Format"));
        let parts = section_tokens(&text, Tokenizer::O200kBase);
        let sum: usize = parts.iter().map(|p| p.tokens).sum();
        let whole = count_tokens(&text, Tokenizer::O200kBase);
        // Boundaries may split a merge: a token or so per boundary.
        assert!(sum.abs_diff(whole) <= parts.len(), "{sum} vs {whole}");
        assert!(parts.iter().all(|p| p.tokens > 0));
    }
}

#[test]
fn text_without_headings_is_all_header() {
    let ranges = section_ranges("just some text\n## Data Flows not at the start");
    assert_eq!(ranges.len(), 2);
    assert_eq!(ranges[0], (Section::Header, 0..15));
    assert_eq!(ranges[1].0, Section::DataFlows);
    let ranges = section_ranges("plain x ## Data Flows");
    assert_eq!(ranges, vec![(Section::Header, 0..21)]);
    assert!(section_ranges("").is_empty());
}
