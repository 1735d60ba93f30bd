//! What every text format does to user text before its own escaping: line breaks told
//! apart from characters, control characters dropped, long labels shortened.

use std::borrow::Cow;

/// One piece of user text as a format writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Piece {
    Char(char),
    /// A line break of any kind (`\r\n`, `\r`, `\n`, NEL, U+2028, U+2029), once.
    Break,
}

/// Which bytes of user text a format must look at: its own ASCII marks, the control
/// characters, and the first bytes of the other characters `write` handles (C1 controls
/// and NEL: `C2`; U+2028 and U+2029: `E2`; U+FFFE and U+FFFF: `EF`). Every other byte is
/// copied as it is, in runs, which keeps escaping fast.
pub(crate) type Marks = [bool; 256];

pub(crate) const fn marks(ascii: &[u8]) -> Marks {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table[0xef] = true;
    let mut i = 0;
    while i < ascii.len() {
        table[ascii[i] as usize] = true;
        i += 1;
    }
    table
}

/// Writes `text` to `out`, handing `piece` each marked character and each line break
/// (`\r\n`, `\r`, `\n`, NEL, U+2028, U+2029: one `Break`). Tabs become spaces; other
/// control characters and U+FFFE and U+FFFF (which no XML may hold) are dropped.
pub(crate) fn write(
    out: &mut String,
    text: &str,
    marks: &Marks,
    mut piece: impl FnMut(&mut String, Piece),
) {
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if !marks[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        // A marked byte is ASCII or a first byte, so `i` is on a character's boundary.
        out.push_str(&text[start..i]);
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        match c {
            '\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                piece(out, Piece::Break);
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => piece(out, Piece::Break),
            '\t' => out.push(' '),
            '\u{fffe}' | '\u{ffff}' => {}
            c if c.is_control() => {}
            c => piece(out, Piece::Char(c)),
        }
        start = i;
    }
    out.push_str(&text[start..]);
}

/// At most `max` characters, ending in "…" when cut; surrounding space trimmed.
pub(crate) fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    let text = text.trim();
    // No more bytes than `max` is no more characters: the common case, without counting.
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let keep = text
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(text.len(), |(at, _)| at);
            Cow::Owned(format!("{}…", text[..keep].trim_end()))
        }
    }
}

/// Text in lines of at most `width` characters, broken between words (a longer word
/// is cut), at most `max_lines` of them, the last ending in "…" when text is left over.
/// The text's own line breaks are kept.
pub(crate) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    for paragraph in text.trim().lines() {
        let (mut line, mut length) = (String::new(), 0);
        for word in paragraph.split_whitespace() {
            let mut rest = word;
            while !rest.is_empty() {
                let n = rest.chars().count();
                let gap = usize::from(length > 0);
                if length + gap + n <= width {
                    if gap == 1 {
                        line.push(' ');
                    }
                    line.push_str(rest);
                    length += gap + n;
                    break;
                }
                if length > 0 {
                    lines.push(std::mem::take(&mut line));
                    length = 0;
                    continue;
                }
                // A word longer than a line: its first `width` characters on one.
                let at = rest
                    .char_indices()
                    .nth(width)
                    .map_or(rest.len(), |(i, _)| i);
                lines.push(rest[..at].to_owned());
                rest = &rest[at..];
            }
        }
        if length > 0 {
            lines.push(line);
        }
        if lines.len() > max_lines {
            break;
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(width - 1).collect();
            *last = format!("{}…", kept.trim_end());
        }
    }
    lines
}

/// The five characters XML text and attribute values must escape; `write` has dropped
/// those outside XML 1.0's range.
pub(crate) const XML_MARKS: Marks = marks(b"&<>\"'");

pub(crate) fn push_xml_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` written with `|` and `é`'s first byte marked: marks in brackets, breaks
    /// as `/`.
    fn written(text: &str) -> String {
        let mut out = String::new();
        write(&mut out, text, &marks(b"|"), |out, piece| match piece {
            Piece::Break => out.push('/'),
            Piece::Char(c) => out.push_str(&format!("[{c}]")),
        });
        out
    }

    #[test]
    fn every_kind_of_line_break_is_one_break_and_controls_go() {
        assert_eq!(written("a\r\nb\rc\nd\u{2028}e\u{85}f"), "a/b/c/d/e/f");
        assert_eq!(written("x\t\u{0}\u{7}\u{1b}y\u{fffe}\u{9f}"), "x y");
        assert_eq!(written("\r\n\r\n"), "//");
        assert_eq!(written("a|b"), "a[|]b");
        // Characters sharing a marked first byte with those handled pass through.
        assert_eq!(
            written("°\u{a0}€\u{fffd}é😀"),
            "[°][\u{a0}][€][\u{fffd}]é😀"
        );
    }

    #[test]
    fn text_wraps_between_words_and_ends_in_an_ellipsis_when_cut() {
        assert_eq!(wrap("Order service", 20, 2), ["Order service"]);
        assert_eq!(
            wrap("Place order: cart lines and customer", 14, 2),
            ["Place order:", "cart lines an…"]
        );
        assert_eq!(wrap("abcdefghij", 4, 3), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("abcdefghijkl", 4, 2), ["abcd", "efg…"]);
        assert_eq!(wrap("one\ntwo\nthree", 10, 2), ["one", "two…"]);
        assert_eq!(wrap("a b c d e f", 3, 2), ["a b", "c…"]);
        assert_eq!(wrap("one\ntwo", 10, 2), ["one", "two"]);
        assert!(wrap("  ", 10, 2).is_empty());
    }

    #[test]
    fn long_text_is_cut_on_a_character_with_an_ellipsis() {
        assert_eq!(shorten("  short  ", 10), "short");
        assert_eq!(shorten("abcdefghij", 10), "abcdefghij");
        assert_eq!(shorten("abcdefghijk", 10), "abcdefghi…");
        assert_eq!(shorten("😀😀😀😀", 3), "😀😀…");
        assert_eq!(shorten("ab cd", 4), "ab…");
    }
}
