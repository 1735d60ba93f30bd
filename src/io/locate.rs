//! Finds where a value sits in RON text, so a problem found in the parsed model can be
//! reported at `file:line:col`. ron's `Value` keeps no positions, so this walks the text.
//!
//! It is only ever asked about text ron has already accepted, but it must still never
//! panic or loop on anything else: every step consumes at least one byte.

use std::collections::{HashMap, HashSet};

use super::error::{TextPosition, position_at};

/// Positions of values by path, e.g. `systems[3].availability.percent`. A field's
/// position is that of its name; a list element's is that of its first character.
pub struct PathIndex {
    positions: HashMap<String, usize>,
    text_len: usize,
}

impl PathIndex {
    /// Indexes every path up to `max_depth` levels deep (`systems[3].zone` is three levels).
    pub fn build(text: &str, max_depth: usize) -> Self {
        Self::walk(text, max_depth, None)
    }

    /// Indexes only `paths` and their ancestors, skipping every other subtree: a few
    /// problems in a 20 MB file cost one quick pass, not a path for every value.
    pub fn for_paths<'p>(text: &str, paths: impl IntoIterator<Item = &'p str>) -> Self {
        let mut wanted = HashSet::new();
        let mut max_depth = 0;
        for path in paths {
            let mut ancestor = Some(path);
            let mut depth = 0;
            while let Some(p) = ancestor.filter(|p| !p.is_empty()) {
                wanted.insert(p.to_owned());
                ancestor = parent_path(p);
                depth += 1;
            }
            max_depth = max_depth.max(depth);
        }
        Self::walk(text, max_depth, Some(wanted))
    }

    fn walk(text: &str, max_depth: usize, wanted: Option<HashSet<String>>) -> Self {
        let mut walker = Walker {
            bytes: text.as_bytes(),
            at: 0,
            max_depth,
            positions: HashMap::new(),
            stop_at: None,
            wanted,
        };
        walker.skip_attributes();
        walker.value(String::new(), 0);
        PathIndex {
            positions: walker.positions,
            text_len: text.len(),
        }
    }

    /// The position of `path`, or of its nearest indexed ancestor, in `text` (the text
    /// the index was built from).
    pub fn position(&self, text: &str, path: &str) -> Option<TextPosition> {
        debug_assert_eq!(text.len(), self.text_len);
        let mut path = path;
        loop {
            if let Some(&offset) = self.positions.get(path) {
                return Some(position_at(text, offset));
            }
            path = parent_path(path)?;
        }
    }
}

/// The byte offset of the value of a top-level field, found without reading the rest of
/// the file: the format version sits near the top, and big files should not be walked twice.
pub fn top_level_field_value(text: &str, field: &str) -> Option<usize> {
    let mut walker = Walker {
        bytes: text.as_bytes(),
        at: 0,
        max_depth: 1,
        positions: HashMap::new(),
        stop_at: Some(field.to_owned()),
        wanted: None,
    };
    walker.skip_attributes();
    walker.value(String::new(), 0);
    walker.positions.remove(field)
}

fn parent_path(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

struct Walker<'a> {
    bytes: &'a [u8],
    at: usize,
    max_depth: usize,
    positions: HashMap<String, usize>,
    /// In lookup mode, the top-level field whose *value* offset is wanted; walking stops there.
    stop_at: Option<String>,
    /// When set, only these paths (and their ancestors) are walked into and recorded.
    wanted: Option<HashSet<String>>,
}

impl Walker<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.at + ahead).copied()
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
            || self
                .stop_at
                .as_ref()
                .is_some_and(|f| self.positions.contains_key(f))
    }

    fn skip_trivia(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => self.at += 1,
                b'/' if self.peek_at(1) == Some(b'/') => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.at += 1;
                    }
                }
                b'/' if self.peek_at(1) == Some(b'*') => self.skip_block_comment(),
                _ => return,
            }
        }
    }

    fn skip_block_comment(&mut self) {
        self.at += 2;
        let mut depth = 1usize;
        while depth > 0 && self.at < self.bytes.len() {
            match (self.peek(), self.peek_at(1)) {
                (Some(b'/'), Some(b'*')) => {
                    depth += 1;
                    self.at += 2;
                }
                (Some(b'*'), Some(b'/')) => {
                    depth -= 1;
                    self.at += 2;
                }
                _ => self.at += 1,
            }
        }
    }

    /// `#![enable(...)]` lines before the value.
    fn skip_attributes(&mut self) {
        loop {
            self.skip_trivia();
            if self.peek() != Some(b'#') {
                return;
            }
            while self.peek().is_some_and(|b| b != b'[') {
                self.at += 1;
            }
            self.skip_balanced();
        }
    }

    fn record(&mut self, path: &str, offset: usize) {
        if self.stop_at.is_none() {
            self.positions.entry(path.to_owned()).or_insert(offset);
        }
    }

    fn is_unwanted(&self, path: &str) -> bool {
        !path.is_empty() && self.wanted.as_ref().is_some_and(|w| !w.contains(path))
    }

    fn value(&mut self, path: String, depth: usize) {
        self.skip_trivia();
        let start = self.at;
        let depth = if self.is_unwanted(&path) {
            // Nothing below is wanted: step over the value as quickly as possible.
            usize::MAX
        } else {
            self.record(&path, start);
            depth
        };
        match self.peek() {
            None => {}
            Some(b'(' | b'[' | b'{') if depth >= self.max_depth => self.skip_balanced(),
            Some(b'(') => self.parenthesised(&path, depth),
            Some(b'[') => self.list(&path, depth),
            Some(b'{') => self.skip_balanced(),
            Some(b'"') => self.skip_string(),
            Some(b'\'') => self.skip_char_literal(),
            Some(b'r' | b'b') if self.raw_or_byte_string_ahead() => self.skip_prefixed_string(),
            Some(b) if is_ident_byte(b) => {
                self.skip_ident();
                self.skip_trivia();
                // A struct name, enum variant or `Some` wraps the value in parentheses.
                if self.peek() == Some(b'(') && depth < self.max_depth {
                    self.parenthesised(&path, depth);
                } else if self.peek() == Some(b'(') {
                    self.skip_balanced();
                }
            }
            Some(b'-' | b'+' | b'.') => self.skip_ident(),
            Some(_) => self.at += 1,
        }
    }

    fn parenthesised(&mut self, path: &str, depth: usize) {
        self.at += 1; // '('
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b')') => {
                    self.at += 1;
                    return;
                }
                Some(b',') => {
                    self.at += 1;
                    continue;
                }
                Some(b']' | b'}') => {
                    // Mismatched closer: text ron would reject. Step over it and go on.
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            let before = self.at;
            if let Some(field) = self.field_name() {
                let child = join_field(path, &field);
                if !self.is_unwanted(&child) {
                    self.record(&child, before);
                }
                self.at += 1; // ':'
                if depth == 0 && self.stop_at.as_deref() == Some(field.as_str()) {
                    self.skip_trivia();
                    self.positions.insert(field, self.at);
                    return;
                }
                self.value(child, depth + 1);
            } else {
                // A tuple or newtype element, such as `Other("EDIFACT")`: same path.
                self.value(path.to_owned(), depth + 1);
            }
            if self.done() {
                return;
            }
            if self.at == before {
                self.at += 1;
            }
        }
    }

    fn list(&mut self, path: &str, depth: usize) {
        self.at += 1; // '['
        let mut index = 0usize;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b']') => {
                    self.at += 1;
                    return;
                }
                Some(b',') => {
                    self.at += 1;
                    continue;
                }
                Some(b')' | b'}') => {
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            let before = self.at;
            self.value(format!("{path}[{index}]"), depth + 1);
            index += 1;
            if self.at == before {
                self.at += 1;
            }
        }
    }

    /// Reads `name:` (not `name::`) and leaves the cursor on the colon; otherwise moves nothing.
    fn field_name(&mut self) -> Option<String> {
        let start = self.at;
        if !self.peek().is_some_and(is_ident_byte) {
            return None;
        }
        self.skip_ident();
        let name = String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned();
        self.skip_trivia();
        if self.peek() == Some(b':') && self.peek_at(1) != Some(b':') {
            Some(name.trim_start_matches("r#").to_owned())
        } else {
            self.at = start;
            None
        }
    }

    fn skip_ident(&mut self) {
        if self.bytes[self.at..].starts_with(b"r#") {
            self.at += 2;
        }
        while self
            .peek()
            .is_some_and(|b| is_ident_byte(b) || matches!(b, b'.' | b'+' | b'-'))
        {
            self.at += 1;
        }
    }

    fn raw_or_byte_string_ahead(&self) -> bool {
        let rest = &self.bytes[self.at..];
        rest.starts_with(b"r\"")
            || rest.starts_with(b"r#\"")
            || rest.starts_with(b"r##")
            || rest.starts_with(b"b\"")
            || rest.starts_with(b"br")
    }

    fn skip_prefixed_string(&mut self) {
        if self.peek() == Some(b'b') {
            self.at += 1;
        }
        if self.peek() != Some(b'r') {
            self.skip_string();
            return;
        }
        self.at += 1;
        let mut hashes = 0usize;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.at += 1;
        }
        if self.peek() != Some(b'"') {
            return;
        }
        self.at += 1;
        while self.at < self.bytes.len() {
            if self.bytes[self.at] == b'"'
                && self.bytes[self.at + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&b| b == b'#')
                    .count()
                    == hashes
            {
                self.at += 1 + hashes;
                return;
            }
            self.at += 1;
        }
    }

    fn skip_string(&mut self) {
        self.at += 1; // opening quote
        while let Some(b) = self.peek() {
            self.at += 1;
            match b {
                b'\\' => self.at += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    fn skip_char_literal(&mut self) {
        self.at += 1;
        while let Some(b) = self.peek() {
            self.at += 1;
            match b {
                b'\\' => self.at += 1,
                b'\'' => return,
                _ => {}
            }
        }
    }

    /// Skips a bracketed value without looking inside, other than for strings and comments.
    fn skip_balanced(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.at += 1;
                }
                b')' | b']' | b'}' => {
                    self.at += 1;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                b'"' => self.skip_string(),
                b'\'' => self.skip_char_literal(),
                b'/' if matches!(self.peek_at(1), Some(b'/' | b'*')) => self.skip_trivia(),
                _ => self.at += 1,
            }
        }
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn join_field(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"#![enable(implicit_some)]
(
    format_version: 2, // trailing comment
    name: "a (tricky) \"name\" ]",
    systems: [
        (
            id: 1,
            availability: (percent: 120.0, note: ""),
        ),
        /* a comment ( */ (id: 2, zone: 7, data_format: Other("x, y")),
    ],
)
"#;

    #[test]
    fn finds_fields_and_list_elements() {
        let index = PathIndex::build(TEXT, 4);
        let at = |p| index.position(TEXT, p).map(|p| (p.line, p.column));
        assert_eq!(at("format_version"), Some((3, 5)));
        assert_eq!(at("systems[0].id"), Some((7, 13)));
        assert_eq!(at("systems[0].availability.percent"), Some((8, 28)));
        assert_eq!(at("systems[1].zone"), Some((10, 35)));
        assert_eq!(at("systems[1]"), Some((10, 27)));
    }

    #[test]
    fn a_targeted_index_finds_exactly_what_a_full_one_does() {
        let full = PathIndex::build(TEXT, 4);
        let paths = [
            "systems[0].availability.percent",
            "systems[1].zone",
            "format_version",
        ];
        let targeted = PathIndex::for_paths(TEXT, paths);
        for path in paths {
            assert_eq!(
                targeted.position(TEXT, path),
                full.position(TEXT, path),
                "{path}"
            );
        }
        assert!(targeted.positions.len() < full.positions.len());
    }

    #[test]
    fn unknown_paths_fall_back_to_the_nearest_ancestor() {
        let index = PathIndex::build(TEXT, 2);
        let at = index.position(TEXT, "systems[1].zone").unwrap();
        assert_eq!((at.line, at.column), (10, 27));
    }

    #[test]
    fn finds_a_top_level_value_without_walking_further() {
        let offset = top_level_field_value(TEXT, "format_version").unwrap();
        assert!(TEXT[offset..].starts_with("2,"));
        assert_eq!(top_level_field_value("(name: 1)", "format_version"), None);
    }

    #[test]
    fn never_panics_or_hangs_on_any_prefix_of_the_text() {
        for cut in 0..=TEXT.len() {
            if TEXT.is_char_boundary(cut) {
                let _ = PathIndex::build(&TEXT[..cut], 8);
                let _ = top_level_field_value(&TEXT[..cut], "format_version");
            }
        }
        for junk in [
            "r#", "r##\"x", "b", "'", "\"\\", "/*", "(((", ")]}", "#", "#![",
        ] {
            let _ = PathIndex::build(junk, 8);
        }
    }
}
