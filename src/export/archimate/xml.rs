//! Writing the exchange format's XML: user text as character data, and the file in
//! pieces joined once.

use super::super::text::{XML_MARKS, push_xml_char};

/// `<tag>text</tag>` on a line of its own.
pub(super) fn tagged(out: &mut String, indent: &str, tag: &str, text: &str) {
    for piece in [indent, "<", tag, ">"] {
        out.push_str(piece);
    }
    push_text(out, text);
    for piece in ["</", tag, ">\n"] {
        out.push_str(piece);
    }
}

/// Text written in pieces, some on other cores, joined once at the end (a landscape's
/// export is tens of megabytes: each copy of it counts).
#[derive(Default)]
pub(super) struct Pieces(pub Vec<String>);

impl Pieces {
    /// The piece being written.
    pub fn text(&mut self) -> &mut String {
        if self.0.is_empty() {
            self.0.push(String::new());
        }
        let last = self.0.len() - 1;
        &mut self.0[last]
    }

    pub fn push_str(&mut self, text: &str) {
        self.text().push_str(text);
    }

    /// Each item written by `write`, in chunks on every core, in order.
    pub fn parallel<T: Sync>(&mut self, items: &[T], write: impl Fn(&mut String, &T) + Sync) {
        use rayon::prelude::*;
        let parts: Vec<String> = items
            .par_chunks(1024)
            .map(|chunk| {
                let mut out = String::with_capacity(1024 * chunk.len());
                for item in chunk {
                    write(&mut out, item);
                }
                out
            })
            .collect();
        self.0.extend(parts);
        self.0.push(String::new());
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(String::len).sum()
    }
}

/// User text as XML character data, kept as it is where XML 1.0 can hold it: markup
/// escaped, `\r` as `&#13;` (a parser would make a bare one `\n`), tabs and line feeds
/// kept, and the characters XML 1.0 cannot hold at all (the other C0 controls, U+FFFE,
/// U+FFFF) dropped.
pub(super) fn push_text(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if !XML_MARKS[usize::from(bytes[i])] {
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
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("&#13;"),
            '\u{fffe}' | '\u{ffff}' => {}
            c if u32::from(c) < 0x20 => {}
            c => push_xml_char(out, c),
        }
        start = i;
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, t);
        out
    }

    #[test]
    fn text_keeps_what_xml_can_hold_and_drops_the_rest() {
        assert_eq!(text("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(
            text("one\r\ntwo\rthree\tfour\n"),
            "one&#13;\ntwo&#13;three\tfour\n"
        );
        assert_eq!(text("x\u{0}\u{7}\u{1b}y\u{fffe}\u{ffff}z"), "xyz");
        assert_eq!(text("\u{85}\u{2028}é😀\u{7f}"), "\u{85}\u{2028}é😀\u{7f}");
    }
}
