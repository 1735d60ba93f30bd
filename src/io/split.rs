//! Finds the `systems` and `connections` lists of a project file and the commas between
//! their items, so a big file can be parsed on both cores.
//!
//! The scan reads strings, raw strings, characters and comments the way RON does, so every
//! bracket and comma it reports is structure, never text; a cut between two items is
//! therefore always a cut ron itself would make. Anything it does not expect makes it give
//! up, and the caller parses the whole file in one piece instead.

use std::ops::Range;

use memchr::{memchr, memchr2};

/// A top-level list: where its brackets are, and the commas that end its items.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct ListSpan {
    /// Byte offsets of `[` and `]`.
    pub open: usize,
    pub close: usize,
    /// Byte offsets of the commas between (and after) its items.
    pub commas: Vec<usize>,
}

impl ListSpan {
    /// The list text with `[` and `]`.
    pub fn whole(&self) -> Range<usize> {
        self.open..self.close + 1
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct TopLevelLists {
    pub systems: Option<ListSpan>,
    pub connections: Option<ListSpan>,
}

/// Scans `text` once; `None` when it is not a plainly shaped project file.
pub(crate) fn top_level_lists(text: &str) -> Option<TopLevelLists> {
    let bytes = text.as_bytes();
    let mut found = TopLevelLists::default();
    let mut depth = 0usize;
    // The list being read at depth 2, if it is one of the two wanted.
    let mut current: Option<(&'static str, ListSpan)> = None;
    let mut at = 0;
    while at < bytes.len() {
        // Outside strings a file is mostly indentation, names and numbers: skip them in a
        // loop the compiler can keep free of bounds checks.
        let Some(skip) = bytes[at..]
            .iter()
            .position(|&b| SIGNIFICANT[usize::from(b)])
        else {
            break;
        };
        at += skip;
        let byte = bytes[at];
        match byte {
            b'"' => at = after_string(bytes, at)?,
            b'\'' => at = after_char(bytes, at)?,
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => at = after_block_comment(bytes, at)?,
            b'(' | b'[' | b'{' => {
                if depth == 1 && bytes[at] == b'[' {
                    current = match field_name_before(bytes, at) {
                        Some("systems") => Some(("systems", span_at(at))),
                        Some("connections") => Some(("connections", span_at(at))),
                        _ => None,
                    };
                }
                depth += 1;
                at += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 1
                    && let Some((name, mut span)) = current.take()
                {
                    span.close = at;
                    let slot = if name == "systems" {
                        &mut found.systems
                    } else {
                        &mut found.connections
                    };
                    if slot.replace(span).is_some() {
                        return None; // the same field twice: let ron say so
                    }
                }
                at += 1;
            }
            b',' => {
                if depth == 2
                    && let Some((_, span)) = current.as_mut()
                {
                    span.commas.push(at);
                }
                at += 1;
            }
            b'r' | b'b' if starts_raw_string(bytes, at) => at = after_raw_string(bytes, at)?,
            _ => at += 1,
        }
    }
    (depth == 0).then_some(found)
}

/// The bytes that can start a string, comment or bracket, or separate items.
static SIGNIFICANT: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let significant = b"\"'/()[]{},rb";
    while i < significant.len() {
        table[significant[i] as usize] = true;
        i += 1;
    }
    table
};

fn span_at(open: usize) -> ListSpan {
    ListSpan {
        open,
        ..ListSpan::default()
    }
}

/// `name:` right before `at` (white space allowed around the colon).
fn field_name_before(bytes: &[u8], at: usize) -> Option<&str> {
    let before = &bytes[..at];
    let colon = before.iter().rposition(|b| !b.is_ascii_whitespace())?;
    if before[colon] != b':' {
        return None;
    }
    let end = before[..colon]
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())?
        + 1;
    let start = before[..end]
        .iter()
        .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        .map_or(0, |i| i + 1);
    std::str::from_utf8(&before[start..end]).ok()
}

/// Offset after the normal string starting at `at` (a `"`).
pub(crate) fn after_string(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        i += memchr2(b'"', b'\\', bytes.get(i..)?)?;
        if bytes[i] == b'\\' {
            i += 2;
        } else {
            return Some(i + 1);
        }
    }
}

/// Offset after a character literal such as `'a'` or `'\''`.
pub(crate) fn after_char(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    if bytes.get(i) == Some(&b'\\') {
        i += 2;
    }
    let close = memchr(b'\'', bytes.get(i..)?)?;
    Some(i + close + 1)
}

/// `r"`, `r#"`, `br"`… where `r` (or `b`) does not end a longer identifier.
pub(crate) fn starts_raw_string(bytes: &[u8], at: usize) -> bool {
    let ident_before = at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
    if ident_before {
        return false;
    }
    let rest = &bytes[at..];
    let rest = rest.strip_prefix(b"b").unwrap_or(rest);
    let Some(rest) = rest.strip_prefix(b"r") else {
        return false;
    };
    let hashes = rest.iter().take_while(|&&b| b == b'#').count();
    rest.get(hashes) == Some(&b'"')
}

pub(crate) fn after_raw_string(bytes: &[u8], at: usize) -> Option<usize> {
    let quote = at + memchr(b'"', &bytes[at..])?;
    let hashes = bytes[at..quote].iter().filter(|&&b| b == b'#').count();
    let mut i = quote + 1;
    loop {
        i += memchr(b'"', &bytes[i..])?;
        let closing = &bytes[i + 1..];
        if closing.len() >= hashes && closing[..hashes].iter().all(|&b| b == b'#') {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
}

/// Offset after a (nestable) block comment starting at `at`.
pub(crate) fn after_block_comment(bytes: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at;
    loop {
        i += memchr2(b'/', b'*', &bytes[i..])?;
        match (bytes[i], bytes.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_both_lists_and_their_item_commas() {
        let text = r##"#![enable(implicit_some)]
(
    name: "a ], [ ( \" systems: [",
    systems: [(id: 1, tags: ["x, y"]), /* ], */ (id: 2, notes: r#"]","#)],
    zones: [],
    connections: [
        (id: 3, c: ')'), // ],
        (id: 4),
    ],
)"##;
        let lists = top_level_lists(text).unwrap();
        let systems = lists.systems.unwrap();
        assert_eq!(&text[systems.whole()][..9], "[(id: 1, ");
        assert_eq!(systems.commas.len(), 1);
        let connections = lists.connections.unwrap();
        assert_eq!(connections.commas.len(), 2);
        assert!(text[connections.commas[0]..].starts_with(", // ],"));
    }

    #[test]
    fn gives_up_on_anything_unbalanced() {
        for text in [
            "(systems: [",
            "(systems: [)]]",
            "\"open",
            "(a: r#\"x\")",
            "/* open",
        ] {
            assert_eq!(top_level_lists(text), None, "{text}");
        }
    }
}
