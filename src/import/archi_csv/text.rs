//! Archi's CSV as the table reader takes it. Archi writes CRLF and allows `#` comment
//! lines; the table reader counts neither comment lines nor blank lines, and counts CRLF
//! records a line short, so here line ends become LF, comment and blank lines between
//! records become an empty record (`""`, which the reader drops), and those before the
//! header are taken out and counted, so every row keeps its line in the file. A quoted
//! field still open at the end of the file means it was cut off.

use super::super::ImportError;
use super::super::source::Source;

#[derive(Debug)]
pub struct Cleaned {
    pub text: String,
    /// Lines taken out before the header: add to a row's line to get the file's line.
    pub shift: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the field's end, or the first of a doubled quote.
    QuoteInQuoted,
}

pub fn clean(source: &Source) -> Result<Cleaned, ImportError> {
    let text = &source.text;
    let is_skipped = |line: &str| line.trim().is_empty() || line.starts_with('#');
    let header = text.lines().find(|l| !is_skipped(l)).unwrap_or("");
    let separator = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&s| header.bytes().filter(|&b| b == s).count())
        .unwrap_or(b',');
    let mut cleaned = Cleaned {
        text: String::with_capacity(text.len()),
        shift: 0,
    };
    let mut header_seen = false;
    let mut state = State::FieldStart;
    let mut quote_start = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.strip_suffix('\n').unwrap_or(line);
        let body = body.strip_suffix('\r').unwrap_or(body);
        if state != State::Quoted && is_skipped(body) {
            if header_seen {
                cleaned.text.push_str("\"\"\n");
            } else {
                cleaned.shift += 1;
            }
            continue;
        }
        header_seen = true;
        for (at, byte) in body.bytes().enumerate() {
            let before = state;
            state = next(state, byte, separator);
            if before == State::FieldStart && state == State::Quoted {
                quote_start = start + at;
            }
        }
        if state != State::Quoted {
            state = State::FieldStart;
        }
        cleaned.text.push_str(body);
        cleaned.text.push('\n');
    }
    if state == State::Quoted {
        return Err(source.error_at(
            quote_start,
            "a quoted field starts here and is never closed: the file may be cut off",
        ));
    }
    Ok(cleaned)
}

fn next(state: State, byte: u8, separator: u8) -> State {
    match (state, byte) {
        (State::FieldStart, b'"') => State::Quoted,
        (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b) if b == separator => {
            State::FieldStart
        }
        (State::FieldStart | State::Unquoted, _) => State::Unquoted,
        (State::Quoted, b'"') => State::QuoteInQuoted,
        (State::Quoted, _) => State::Quoted,
        (State::QuoteInQuoted, b'"') => State::Quoted,
        // `"text" ,` — Archi writes a space after a closing quote; the reader keeps it.
        (State::QuoteInQuoted, _) => State::Unquoted,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn cleaned(text: &str) -> Result<Cleaned, ImportError> {
        clean(&Source::new(Path::new("e.csv"), text.to_owned()))
    }

    #[test]
    fn comments_blank_lines_and_crlf_keep_every_line_in_place() {
        let c = cleaned("# c\r\n\"ID\",\"Name\"\r\n# c\r\n\"1\",\"a\r\n# not a comment\r\n\"\r\n\r\n\"2\" ,\"b\"")
            .unwrap();
        assert_eq!(c.shift, 1);
        assert_eq!(
            c.text,
            "\"ID\",\"Name\"\n\"\"\n\"1\",\"a\n# not a comment\n\"\n\"\"\n\"2\" ,\"b\"\n"
        );
    }

    #[test]
    fn an_unclosed_quote_is_a_cut_off_file() {
        let error = cleaned("\"ID\",\"Name\"\n\"1\",\"a \"\"b\"\" and on").unwrap_err();
        let position = error.position().unwrap();
        assert_eq!((position.line, position.column), (2, 5));
        assert!(cleaned("\"ID\";\"Name\"\n\"1\";\"a\"\"\"").is_ok());
    }
}
