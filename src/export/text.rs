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

/// Calls `out` with each piece of `text`: tabs become spaces, line breaks one `Break`,
/// other control characters and the non-characters U+FFFE and U+FFFF (which no XML may
/// hold) are dropped.
pub(crate) fn pieces(text: &str, mut out: impl FnMut(Piece)) {
    let mut after_cr = false;
    for c in text.chars() {
        let was_cr = std::mem::replace(&mut after_cr, c == '\r');
        match c {
            '\n' if was_cr => {}
            '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out(Piece::Break),
            '\t' => out(Piece::Char(' ')),
            '\u{fffe}' | '\u{ffff}' => {}
            c if c.is_control() => {}
            c => out(Piece::Char(c)),
        }
    }
}

/// At most `max` characters, ending in "…" when cut; surrounding space trimmed.
pub(crate) fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    let text = text.trim();
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

/// Characters outside XML 1.0's range are gone after `pieces`; these five are the ones
/// XML text and attribute values must escape.
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

    fn collect(text: &str) -> Vec<Piece> {
        let mut all = Vec::new();
        pieces(text, |p| all.push(p));
        all
    }

    #[test]
    fn every_kind_of_line_break_is_one_break_and_controls_go() {
        use Piece::{Break, Char};
        assert_eq!(
            collect("a\r\nb\rc\nd\u{2028}e"),
            [
                Char('a'),
                Break,
                Char('b'),
                Break,
                Char('c'),
                Break,
                Char('d'),
                Break,
                Char('e')
            ]
        );
        assert_eq!(
            collect("x\t\u{0}\u{7}\u{1b}y\u{fffe}"),
            [Char('x'), Char(' '), Char('y')]
        );
        assert_eq!(collect("\r\n\r\n"), [Break, Break]);
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
