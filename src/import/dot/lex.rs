//! DOT's tokens: identifiers (plain, numerals, quoted with `+` concatenation, HTML
//! `<…>`), punctuation and edge operators, each with its byte offset. Comments (`//`,
//! `/* */`, and `#` lines) are skipped.

use super::super::ImportError;
use super::super::source::Source;

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    /// An identifier and whether it was an HTML string.
    Id(String, bool),
    Open,
    Close,
    OpenList,
    CloseList,
    Semicolon,
    Comma,
    Equals,
    Colon,
    /// `->` or `--`.
    EdgeOp,
}

pub fn tokens(source: &Source) -> Result<Vec<(Token, usize)>, ImportError> {
    let text = source.text.as_str();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line_start = true;
            i += 1;
            continue;
        }
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let at_line_start = std::mem::replace(&mut line_start, false);
        if b == b'#' && at_line_start {
            i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            continue;
        }
        if text[i..].starts_with("//") {
            i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            continue;
        }
        if text[i..].starts_with("/*") {
            let end = text[i + 2..]
                .find("*/")
                .ok_or_else(|| source.error_at(i, "this comment is never closed with */"))?;
            i += 2 + end + 2;
            continue;
        }
        let start = i;
        let token = match b {
            b'{' => Token::Open,
            b'}' => Token::Close,
            b'[' => Token::OpenList,
            b']' => Token::CloseList,
            b';' => Token::Semicolon,
            b',' => Token::Comma,
            b'=' => Token::Equals,
            b':' => Token::Colon,
            b'-' if matches!(bytes.get(i + 1), Some(b'>' | b'-')) => {
                i += 2;
                out.push((Token::EdgeOp, start));
                continue;
            }
            b'"' => {
                let (value, end) = quoted(source, i)?;
                i = end;
                out.push((Token::Id(value, false), start));
                continue;
            }
            b'<' => {
                let end = html_end(source, i)?;
                let html = super::super::html::plain_text(&text[i + 1..end - 1]);
                out.push((Token::Id(html, true), start));
                i = end;
                continue;
            }
            _ => {
                let end = plain_end(text, i);
                if end == i {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    return Err(source.error_at(i, &format!("unexpected “{c}” in DOT")));
                }
                out.push((Token::Id(text[i..end].to_owned(), false), start));
                i = end;
                continue;
            }
        };
        out.push((token, start));
        i += 1;
    }
    Ok(out)
}

/// A quoted string and any `+ "…"` joined to it; `\"` is a quote, line continuations go.
fn quoted(source: &Source, start: usize) -> Result<(String, usize), ImportError> {
    let text = source.text.as_str();
    let mut value = String::new();
    let mut i = start;
    loop {
        let mut chars = text[i + 1..].char_indices();
        let mut closed = None;
        while let Some((n, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, '"')) => value.push('"'),
                    Some((_, '\n')) => {}
                    Some((_, other)) => {
                        value.push('\\');
                        value.push(other);
                    }
                    None => break,
                },
                '"' => {
                    closed = Some(i + 1 + n + 1);
                    break;
                }
                other => value.push(other),
            }
        }
        let end =
            closed.ok_or_else(|| source.error_at(start, "this string is never closed with \""))?;
        let after = text[end..].trim_start();
        match after.strip_prefix('+') {
            Some(more) if more.trim_start().starts_with('"') => {
                i = text.len() - more.trim_start().len();
            }
            _ => return Ok((value, end)),
        }
    }
}

/// The end of an HTML string: its `<` and `>` nest.
fn html_end(source: &Source, start: usize) -> Result<usize, ImportError> {
    let mut depth = 0usize;
    for (n, b) in source.text.as_bytes()[start..].iter().enumerate() {
        match b {
            b'<' => depth += 1,
            b'>' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(start + n + 1);
                }
            }
            _ => {}
        }
    }
    Err(source.error_at(start, "this HTML label is never closed with >"))
}

/// A plain identifier or numeral: letters, digits, `_`, `.`, and `-` in a numeral.
fn plain_end(text: &str, start: usize) -> usize {
    let mut end = start;
    for (n, c) in text[start..].char_indices() {
        let numeral_sign = c == '-'
            && n == 0
            && text[start + 1..].starts_with(|d: char| d.is_ascii_digit() || d == '.');
        if c.is_alphanumeric() || c == '_' || c == '.' || numeral_sign || (c as u32) >= 0x80 {
            end = start + n + c.len_utf8();
        } else {
            break;
        }
    }
    end
}
