//! The pieces on small texts, and hostile input that must never panic; whole workspaces
//! are tested in tests/import_structurizr.rs.

use std::path::Path;

use super::lex::{Token, tokens};
use crate::import::{Format, ImportError, Options, Source, import_source};

fn lexed(text: &str) -> Vec<Token> {
    let source = Source::new(Path::new("t.dsl"), text.to_owned());
    tokens(&source)
        .unwrap_or_else(|e| panic!("{}", e.report()))
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

fn word(w: &str) -> Token {
    Token::Word(w.to_owned())
}

fn text(t: &str) -> Token {
    Token::Text(t.to_owned())
}

fn import(text: &str) -> Result<crate::import::Imported, ImportError> {
    let source = Source::new(Path::new("workspace.dsl"), text.to_owned());
    import_source(&source, Format::Structurizr, &Options::default())
}

#[test]
fn words_quotes_braces_and_line_ends() {
    assert_eq!(
        lexed("a = softwareSystem \"A b\" {\n  url ${X}/y\n}\n"),
        [
            word("a"),
            word("="),
            word("softwareSystem"),
            text("A b"),
            Token::Open,
            Token::End,
            word("url"),
            word("${X}/y"),
            Token::End,
            Token::Close,
            Token::End,
        ]
    );
    assert_eq!(
        lexed(r#"d "say \"hi\"""#),
        [word("d"), text("say \"hi\""), Token::End]
    );
}

#[test]
fn comments_start_a_line_or_are_between_slash_stars() {
    assert_eq!(
        lexed("# one\n  // two\nurl https://x.org/#top\n/* three\n four */ a\n"),
        [
            word("url"),
            word("https://x.org/#top"),
            Token::End,
            word("a"),
            Token::End,
        ]
    );
}

#[test]
fn a_backslash_at_the_end_joins_the_next_line() {
    let joined = [word("a"), word("->"), word("b"), text("d"), Token::End];
    assert_eq!(lexed("a -> b \\\n    \"d\"\n"), joined);
    assert_eq!(lexed("a -> b\\\n    \"d\"\n"), joined);
}

#[test]
fn a_text_block_loses_the_indentation_of_its_first_line() {
    let block = "description \"\"\"\n    First\n      second\n\n    third\n    \"\"\"\n";
    assert_eq!(
        lexed(block),
        [
            word("description"),
            text("First\n  second\n\nthird"),
            Token::End
        ]
    );
}

#[test]
fn a_brace_alone_on_the_next_line_opens_the_block() {
    let imported = import("workspace\n{\n  model\n  {\n    a = softwareSystem \"A\"\n  }\n}\n");
    let imported = imported.unwrap_or_else(|e| panic!("{}", e.report()));
    assert_eq!(imported.project.systems.len(), 1);
}

#[test]
fn unclosed_quotes_comments_and_blocks_are_errors_where_they_open() {
    for (text, line, column) in [
        (
            "workspace {\n  model {\n    a = softwareSystem \"A\n",
            3,
            24,
        ),
        ("workspace {\n/* never\n", 2, 1),
        (
            "workspace {\n  model {\n    a = softwareSystem \"A\"\n  }\n",
            1,
            11,
        ),
    ] {
        let error = import(text).expect_err(text);
        let position = error.position().expect(text);
        assert_eq!((position.line, position.column), (line, column), "{text}");
    }
}

#[test]
fn blocks_nested_without_end_are_refused_not_recursed_into() {
    let mut text = String::from("workspace {\n model {\n");
    for _ in 0..5_000 {
        text.push_str("group \"g\" {\n");
    }
    let error = import(&text).expect_err("refused");
    assert!(
        error.to_string().contains("nest deeper than 100"),
        "{error}"
    );
}

#[test]
fn a_fixture_cut_off_at_every_line_never_panics() {
    let path = Path::new("tests/fixtures/import/structurizr/big-bank-plc.dsl");
    let text = std::fs::read_to_string(path).unwrap();
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        end += line.len();
        for cut in [end - line.len() / 2, end] {
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let source = Source::new(path, text[..cut].to_owned());
            if let Err(ImportError::Parse { position, .. }) =
                import_source(&source, Format::Structurizr, &Options::default())
            {
                assert!(position.line >= 1 && position.column >= 1);
            }
        }
    }
}

#[test]
fn changed_bytes_never_panic() {
    let path = Path::new("tests/fixtures/import/structurizr/groups.dsl");
    let original = std::fs::read(path).unwrap();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize
    };
    let alphabet = b"{}\"\\=-> \n#/*!$abc.";
    for _ in 0..400 {
        let mut bytes = original.clone();
        for _ in 0..1 + next() % 6 {
            let at = next() % bytes.len();
            bytes[at] = alphabet[next() % alphabet.len()];
        }
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let source = Source::new(path, text);
        let _ = import_source(&source, Format::Structurizr, &Options::default());
    }
}
