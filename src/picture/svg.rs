//! Writing SVG: elements as text, every user string escaped, numbers short.

use std::fmt::Write;

use super::style::{Colour, LINE_HEIGHT};
use crate::model::{Point, Rect};

/// The SVG text, built element by element.
pub struct Svg {
    text: String,
}

/// How a shape is filled and outlined.
#[derive(Clone, Copy, Debug, Default)]
pub struct Paint {
    pub fill: Option<Colour>,
    pub stroke: Option<(f32, Colour)>,
    /// Dash and gap lengths.
    pub dash: Option<(f32, f32)>,
}

impl Paint {
    pub fn fill(colour: Colour) -> Paint {
        Paint {
            fill: Some(colour),
            ..Paint::default()
        }
    }

    pub fn stroke(width: f32, colour: Colour) -> Paint {
        Paint {
            stroke: Some((width, colour)),
            ..Paint::default()
        }
    }

    pub fn and_stroke(mut self, width: f32, colour: Colour) -> Paint {
        self.stroke = Some((width, colour));
        self
    }

    pub fn dashed(mut self, dash: (f32, f32)) -> Paint {
        self.dash = Some(dash);
        self
    }
}

impl Svg {
    /// An empty document; [`Svg::finish`] gives it its size and title.
    pub fn new() -> Svg {
        Svg {
            text: String::with_capacity(64 * 1024),
        }
    }

    /// A group, with a tooltip (`<title>`) naming what it is.
    pub fn open_group(&mut self, class: &str, title: Option<&str>) {
        let _ = write!(self.text, "<g class=\"{class}\">");
        if let Some(title) = title {
            let _ = write!(self.text, "<title>{}</title>", escape(title));
        }
        self.text.push('\n');
    }

    pub fn close_group(&mut self) {
        self.text.push_str("</g>\n");
    }

    pub fn rect(&mut self, rect: Rect, radius: f32, paint: Paint, extra: &str) {
        let _ = write!(
            self.text,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
            num(rect.min.x),
            num(rect.min.y),
            num(rect.width().max(0.0)),
            num(rect.height().max(0.0)),
        );
        if radius > 0.0 {
            let _ = write!(self.text, " rx=\"{}\"", num(radius));
        }
        self.paint(paint);
        let _ = writeln!(self.text, "{extra}/>");
    }

    pub fn path(&mut self, d: &str, paint: Paint) {
        let _ = write!(self.text, "<path d=\"{d}\"");
        self.paint(paint);
        self.text.push_str("/>\n");
    }

    pub fn polyline(&mut self, points: &[Point], paint: Paint) {
        self.text.push_str("<polyline points=\"");
        for (i, p) in points.iter().enumerate() {
            if i > 0 {
                self.text.push(' ');
            }
            let _ = write!(self.text, "{},{}", num(p.x), num(p.y));
        }
        self.text.push('"');
        self.paint(Paint {
            fill: None,
            ..paint
        });
        self.text.push_str("/>\n");
    }

    pub fn polygon(&mut self, points: &[Point], colour: Colour) {
        self.text.push_str("<polygon points=\"");
        for (i, p) in points.iter().enumerate() {
            if i > 0 {
                self.text.push(' ');
            }
            let _ = write!(self.text, "{},{}", num(p.x), num(p.y));
        }
        self.text.push('"');
        self.paint(Paint::fill(colour));
        self.text.push_str("/>\n");
    }

    /// One line of text whose box's top-left corner is at `top_left`.
    pub fn text(&mut self, top_left: Point, text: &str, size: f32, colour: Colour) {
        if text.is_empty() {
            return;
        }
        // The baseline: DejaVu's ascent (0.93 em) plus half the line's extra leading.
        let baseline = top_left.y + size * (0.93 + (LINE_HEIGHT - 1.164) / 2.0);
        let _ = write!(
            self.text,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\"",
            num(top_left.x),
            num(baseline),
            num(size),
            colour.hex()
        );
        if colour.opacity < 1.0 {
            let _ = write!(self.text, " fill-opacity=\"{}\"", num(colour.opacity));
        }
        let _ = writeln!(self.text, ">{}</text>", escape(text));
    }

    fn paint(&mut self, paint: Paint) {
        match paint.fill {
            Some(colour) => {
                let _ = write!(self.text, " fill=\"{}\"", colour.hex());
                if colour.opacity < 1.0 {
                    let _ = write!(self.text, " fill-opacity=\"{}\"", num(colour.opacity));
                }
            }
            None => self.text.push_str(" fill=\"none\""),
        }
        if let Some((width, colour)) = paint.stroke {
            let _ = write!(
                self.text,
                " stroke=\"{}\" stroke-width=\"{}\"",
                colour.hex(),
                num(width)
            );
            if colour.opacity < 1.0 {
                let _ = write!(self.text, " stroke-opacity=\"{}\"", num(colour.opacity));
            }
        }
        if let Some((dash, gap)) = paint.dash {
            let _ = write!(
                self.text,
                " stroke-dasharray=\"{} {}\"",
                num(dash),
                num(gap)
            );
        }
    }

    /// The whole document: `view` is the scene rect it shows, at one pixel per unit, on
    /// `background`.
    pub fn finish(self, view: Rect, background: Colour, heading: &Heading) -> String {
        let mut text = String::with_capacity(self.text.len() + 1024);
        let _ = write!(
            text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"{x} {y} {w} {h}\" font-family=\"{font}\" role=\"img\">\n\
             <title>{title}</title>\n<desc>{description}</desc>\n",
            x = num(view.min.x),
            y = num(view.min.y),
            w = num(view.width()),
            h = num(view.height()),
            font = escape(heading.font_family),
            title = escape(&heading.title),
            description = escape(&heading.description),
        );
        let mut back = Svg { text };
        back.rect(view, 0.0, Paint::fill(background), "");
        back.text.push_str(&self.text);
        back.text.push_str("</svg>\n");
        back.text
    }
}

/// What the document says about itself.
pub struct Heading<'a> {
    pub title: String,
    pub description: String,
    pub font_family: &'a str,
}

impl Default for Svg {
    fn default() -> Self {
        Svg::new()
    }
}

/// A number as SVG wants it: at most two decimals, no trailing zeros; nonsense is 0.
pub fn num(value: f32) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let text = format!("{:.2}", value);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" | "" => "0".to_owned(),
        _ => text.to_owned(),
    }
}

/// User text made safe for XML: markup characters escaped, and characters XML 1.0 cannot
/// hold at all (control characters, U+FFFE/U+FFFF) dropped, line breaks and tabs as spaces.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(' '),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_cannot_escape_their_text() {
        assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&apos;");
        assert_eq!(escape("a\u{0}b\u{1b}c\u{7f}\u{85}d\ne"), "abcd e");
        assert_eq!(escape("Bestellung → ÄÖÜ 注文"), "Bestellung → ÄÖÜ 注文");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
    }
}
