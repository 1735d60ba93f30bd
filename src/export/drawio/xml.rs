//! Writing draw.io's XML: attribute values escaped with the shared XML escaping of
//! `export::text`, and numbers as draw.io reads them.

use super::super::text::{Piece, XML_MARKS, push_xml_char, write};

/// ` name="value"`, the value escaped: `&`, `<`, `>`, `"` and `'` as entities, every
/// line break as `&#10;` (a literal one would become a space when read back), tabs as
/// spaces, and characters XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF)
/// dropped.
pub(super) fn attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    write(out, value, &XML_MARKS, |out, piece| match piece {
        Piece::Break => out.push_str("&#10;"),
        Piece::Char(c) => push_xml_char(out, c),
    });
    out.push('"');
}

/// A coordinate or length: the shortest text that reads back as the same `f32`; nonsense
/// is 0.
pub(super) fn number(value: f32) -> String {
    if !value.is_finite() || value == 0.0 {
        return "0".to_owned();
    }
    format!("{value}")
}

/// `<mxGeometry x=".." y=".." width=".." height=".." as="geometry"/>`.
pub(super) fn geometry(out: &mut String, x: f32, y: f32, width: f32, height: f32) {
    out.push_str(&format!(
        "<mxGeometry x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" as=\"geometry\"/>",
        number(x),
        number(y),
        number(width),
        number(height)
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(value: &str) -> String {
        let mut out = String::new();
        attribute(&mut out, "a", value);
        out
    }

    #[test]
    fn attribute_values_cannot_break_out_of_their_quotes() {
        assert_eq!(
            escaped("\"<b>&amp;'</b>"),
            " a=\"&quot;&lt;b&gt;&amp;amp;&#39;&lt;/b&gt;\""
        );
        assert_eq!(
            escaped("one\ntwo\r\nthree\rfour"),
            " a=\"one&#10;two&#10;three&#10;four\""
        );
        assert_eq!(
            escaped("tab\there\u{0}\u{7}\u{1b}\u{fffe}\u{ffff}x"),
            " a=\"tab herex\""
        );
        assert_eq!(escaped("😀 שלום"), " a=\"😀 שלום\"");
    }

    #[test]
    fn numbers_read_back_as_the_same_value() {
        assert_eq!(number(300.0), "300");
        assert_eq!(number(-20.5), "-20.5");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(f32::NAN), "0");
        assert_eq!(number(0.1).parse::<f32>().unwrap(), 0.1);
    }
}
