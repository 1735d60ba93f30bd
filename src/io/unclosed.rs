//! What a file that ends too early leaves open: the text, comment, list or record that was
//! opened and never closed, said in words with the place it was opened ("the `purpose`
//! text opened on line 12, column 8, in the system \"Web Shop\" opened on line 9, column
//! 5"). ron only says "Expected end of string" or "Unexpected end of RON".
//!
//! The scan reads strings, raw strings, characters and comments the way RON does (with
//! the scanner of `split`), so a bracket inside a text never counts.

use std::ops::Range;

use super::error::position_at;
use super::split::{
    after_block_comment, after_char, after_raw_string, after_string, starts_raw_string,
};

/// Deeper than this is no project file: the scan gives up rather than keep a huge stack.
const MAX_DEPTH: usize = 1_000;

/// What is open where the file ends, from the outermost in.
#[derive(Debug, Default)]
pub(crate) struct OpenAtEnd {
    open: Vec<Opened>,
    /// Whether the file's value had begun at all (anything past the `#![enable]` lines).
    began: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Character,
    Comment,
    /// `( … )`: a record such as a system, or a value such as `Other("…")`.
    Record,
    List,
    Map,
    /// The `#![enable(…)]` line before the project.
    Attribute,
}

#[derive(Debug)]
struct Opened {
    kind: Kind,
    /// Byte offset of the opening bracket, quote or `/*`.
    at: usize,
    /// The `field:` this is the value of, as a byte range of the text.
    field: Option<Range<usize>>,
    /// For a record, the text of its `name:` field, once read.
    name: Option<Range<usize>>,
}

impl OpenAtEnd {
    /// Scans `text` to its end; `None` when it closes more than it opened (then it is not
    /// a file that ends too early) or nests absurdly deep.
    pub(crate) fn scan(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let mut state = OpenAtEnd::default();
        // A `name:` just read, waiting for its value.
        let mut field: Option<Range<usize>> = None;
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            let next = bytes.get(at + 1).copied();
            let closed = match byte {
                b'"' => after_string(bytes, at).ok_or(Kind::Text),
                b'b' if next == Some(b'"') => after_string(bytes, at + 1).ok_or(Kind::Text),
                b'r' | b'b' if starts_raw_string(bytes, at) => {
                    after_raw_string(bytes, at).ok_or(Kind::Text)
                }
                b'\'' => after_char(bytes, at).ok_or(Kind::Character),
                b'/' if next == Some(b'/') => {
                    Ok(memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i))
                }
                b'/' if next == Some(b'*') => after_block_comment(bytes, at).ok_or(Kind::Comment),
                _ => {
                    at = state.structure(bytes, at, &mut field)?;
                    continue;
                }
            };
            match closed {
                Ok(end) => {
                    if matches!(byte, b'"' | b'r' | b'b') {
                        state.began |= state.open.is_empty();
                        state.note_text(bytes, at..end, field.take());
                    }
                    at = end;
                }
                Err(kind) => {
                    state.began |= state.open.is_empty() && kind != Kind::Comment;
                    let field = if kind == Kind::Comment {
                        None
                    } else {
                        field.take()
                    };
                    state.push(kind, at, field)?;
                    break;
                }
            }
        }
        Some(state)
    }

    /// Reads the structure byte at `at` (brackets, commas, field names); returns where to
    /// go on.
    fn structure(
        &mut self,
        bytes: &[u8],
        at: usize,
        field: &mut Option<Range<usize>>,
    ) -> Option<usize> {
        match bytes[at] {
            b'[' if self.open.is_empty() && bytes[..at].ends_with(b"#!") => {
                self.push(Kind::Attribute, at - 2, None)?;
            }
            open @ (b'(' | b'[' | b'{') => {
                self.began |= self.open.is_empty();
                let kind = match open {
                    b'(' => Kind::Record,
                    b'[' => Kind::List,
                    _ => Kind::Map,
                };
                self.push(kind, at, field.take())?;
            }
            b')' | b']' | b'}' => {
                self.open.pop()?;
                *field = None;
            }
            b',' => *field = None,
            // The `#!` of the attribute line, which is not the project's value.
            b'#' | b'!' => {}
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let end = at
                    + bytes[at..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                        .count();
                let after = bytes[end..].iter().find(|b| !b.is_ascii_whitespace());
                if after == Some(&b':') {
                    *field = Some(at..end);
                } else {
                    // A value such as `true`, `Hybrid` or the `Other` of `Other("…")`.
                    self.began |= self.open.is_empty();
                }
                return Some(end);
            }
            b if !b.is_ascii_whitespace() => self.began |= self.open.is_empty(),
            _ => {}
        }
        Some(at + 1)
    }

    fn push(&mut self, kind: Kind, at: usize, field: Option<Range<usize>>) -> Option<()> {
        if self.open.len() >= MAX_DEPTH {
            return None;
        }
        self.open.push(Opened {
            kind,
            at,
            field,
            name: None,
        });
        Some(())
    }

    /// A closed text at `quoted` (with its quotes): the name of the record it is in?
    fn note_text(&mut self, bytes: &[u8], quoted: Range<usize>, field: Option<Range<usize>>) {
        let is_name = field.is_some_and(|f| &bytes[f] == b"name");
        if let Some(record) = self.open.last_mut().filter(|o| o.kind == Kind::Record)
            && is_name
            && bytes[quoted.start] == b'"'
        {
            record.name = Some(quoted.start + 1..quoted.end - 1);
        }
    }

    /// What the file ends inside, in words, e.g. "inside the `purpose` text opened on line
    /// 12, column 8, in the system \"Web Shop\" opened on line 9, column 5"; or "before the
    /// project begins". `None` when nothing is open: the file is complete, whatever else
    /// is wrong with it.
    pub(crate) fn describe(&self, text: &str) -> Option<String> {
        let Some(innermost) = self.open.len().checked_sub(1) else {
            return (!self.began).then(|| "before the project begins".to_owned());
        };
        if let Some(attribute) = self.open.iter().find(|o| o.kind == Kind::Attribute) {
            return Some(format!(
                "inside the `#![enable(…)]` line opened {}",
                place(text, attribute.at)
            ));
        }
        let what = self.name_of(text, innermost);
        let opened = &self.open[innermost];
        let mut sentence = match opened.kind {
            Kind::Text | Kind::Character | Kind::Comment => {
                format!("inside {what} opened {}", place(text, opened.at))
            }
            _ => format!("before {what} opened {} is closed", place(text, opened.at)),
        };
        // The system, connection or zone around it, so the user knows where to look.
        if let Some(item) = (0..innermost)
            .rev()
            .find(|&i| self.item_kind(text, i).is_some())
        {
            let item_at = place(text, self.open[item].at);
            sentence += &format!(", in {} opened {item_at}", self.name_of(text, item));
        }
        Some(sentence)
    }

    /// What to type to close the innermost open thing, for the hint after the message.
    pub(crate) fn closer(&self) -> Option<&'static str> {
        Some(match self.open.last()?.kind {
            Kind::Text => "`\"`",
            Kind::Character => "`'`",
            Kind::Comment => "`*/`",
            Kind::Record => "`)`",
            Kind::List | Kind::Attribute => "`]`",
            Kind::Map => "`}`",
        })
    }

    /// "the `tags` list", "the system \"Web Shop\"", "a text in the `data_format` value"…
    fn name_of(&self, text: &str, index: usize) -> String {
        let opened = &self.open[index];
        if let Some(item) = self.item_kind(text, index) {
            return match &opened.name {
                Some(name) => format!("the {item} \"{}\"", shortened(&text[name.clone()])),
                None => format!("the {item}"),
            };
        }
        let (noun, one) = match opened.kind {
            Kind::Text => ("text", "a text"),
            Kind::Character => ("character", "a character"),
            Kind::Comment => return "a comment".to_owned(),
            Kind::Record if index == 0 => return "the project".to_owned(),
            Kind::Record => ("value", "an entry"),
            Kind::List => ("list", "a list"),
            Kind::Map => ("map", "a map"),
            Kind::Attribute => ("line", "the `#![enable(…)]` line"),
        };
        if let Some(field) = &opened.field {
            return format!("the `{}` {noun}", &text[field.clone()]);
        }
        match index.checked_sub(1) {
            Some(parent) => format!("{one} in {}", self.name_of(text, parent)),
            None => one.to_owned(),
        }
    }

    /// "system", "connection" or "zone" when the record at `index` is one of the project's.
    fn item_kind(&self, text: &str, index: usize) -> Option<&'static str> {
        let opened = &self.open[index];
        let list = self.open.get(index.checked_sub(1)?)?;
        if opened.kind != Kind::Record || list.kind != Kind::List || index != 2 {
            return None;
        }
        match &text[list.field.clone()?] {
            "systems" => Some("system"),
            "connections" => Some("connection"),
            "zones" => Some("zone"),
            _ => None,
        }
    }
}

/// "on line 12, column 8"
fn place(text: &str, at: usize) -> String {
    let position = position_at(text, at);
    format!("on line {}, column {}", position.line, position.column)
}

/// A name as quoted in a message: one line, at most 40 characters.
fn shortened(name: &str) -> String {
    const MAX: usize = 40;
    let line = name.lines().next().unwrap_or_default();
    if line.chars().count() <= MAX && line.len() == name.len() {
        return line.to_owned();
    }
    let cut: String = line.chars().take(MAX).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn described(text: &str) -> Option<String> {
        OpenAtEnd::scan(text)?.describe(text)
    }

    #[test]
    fn names_the_innermost_open_thing_and_the_item_around_it() {
        let text =
            "(\n  systems: [\n    (\n      id: 1,\n      name: \"Shop\",\n      purpose: \"Sells";
        assert_eq!(
            described(text).unwrap(),
            "inside the `purpose` text opened on line 6, column 16, in the system \"Shop\" \
             opened on line 3, column 5"
        );
        let text = "(\n  systems: [\n    (\n      id: 1,\n      tags: [\"a\", \"b";
        assert_eq!(
            described(text).unwrap(),
            "inside a text in the `tags` list opened on line 5, column 19, in the system \
             opened on line 3, column 5"
        );
        let text = "(\n  connections: [(id: 1, data_format: Other(\"x\"), ";
        assert_eq!(
            described(text).unwrap(),
            "before the connection opened on line 2, column 17 is closed"
        );
        assert_eq!(
            described("(\n  systems: [").unwrap(),
            "before the `systems` list opened on line 2, column 12 is closed"
        );
        assert_eq!(
            described("(\n  forma").unwrap(),
            "before the project opened on line 1, column 1 is closed"
        );
    }

    #[test]
    fn brackets_in_texts_and_comments_do_not_count() {
        let text = "(name: \"a ( [\", /* ) ] */ notes: r#\"]\"# // )\n, data: Other(\"b";
        assert_eq!(
            described(text).unwrap(),
            "inside a text in the `data` value opened on line 2, column 15"
        );
        assert_eq!(
            described("(name: \"x\") /* /* */").unwrap(),
            "inside a comment opened on line 1, column 13"
        );
    }

    #[test]
    fn a_complete_or_empty_file_and_the_attribute_line() {
        assert_eq!(described("(name: \"x\") trailing"), None);
        assert_eq!(described("(name: \"x\"))"), None);
        assert_eq!(described("").unwrap(), "before the project begins");
        assert_eq!(
            described("#![enable(implicit_some)]\n").unwrap(),
            "before the project begins"
        );
        assert_eq!(
            described("#![enable(impl").unwrap(),
            "inside the `#![enable(…)]` line opened on line 1, column 1"
        );
    }

    #[test]
    fn absurd_nesting_gives_up() {
        assert!(OpenAtEnd::scan(&"[".repeat(MAX_DEPTH + 1)).is_none());
    }
}
