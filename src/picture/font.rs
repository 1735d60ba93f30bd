//! The one font a picture uses, bundled so the PNG needs no system font, and its widths,
//! so text is cut to fit its box before it is written.

use std::sync::OnceLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// DejaVu Sans (licence: assets/fonts/DejaVuSans-LICENSE.txt).
pub const BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Other renderers of the SVG may use a slightly wider face (see
/// `style::FONT_FALLBACKS`); text is cut as if it were this much wider.
const SLACK: f32 = 1.06;

/// Advance widths per 1 unit of font size, for the characters a landscape usually has;
/// anything else is looked up in the font.
struct Metrics {
    ascii: [f32; 128],
    missing: f32,
}

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let mut ascii = [0.6; 128];
        let mut missing = 0.6;
        if let Ok(font) = FontRef::new(BYTES) {
            let glyphs = font.glyph_metrics(Size::new(1.0), LocationRef::default());
            let charmap = font.charmap();
            for (code, width) in ascii.iter_mut().enumerate() {
                if let Some(advance) = charmap
                    .map(code as u32)
                    .and_then(|glyph| glyphs.advance_width(glyph))
                {
                    *width = advance;
                }
            }
            missing = glyphs.advance_width(Default::default()).unwrap_or(missing);
        }
        Metrics { ascii, missing }
    })
}

fn advance(c: char) -> f32 {
    let metrics = metrics();
    if let Some(width) = metrics.ascii.get(c as usize) {
        return *width;
    }
    FontRef::new(BYTES)
        .ok()
        .and_then(|font| {
            let glyph = font.charmap().map(c)?;
            font.glyph_metrics(Size::new(1.0), LocationRef::default())
                .advance_width(glyph)
        })
        .unwrap_or(metrics.missing)
}

/// How wide `text` is at `size`, with room for a wider fallback face.
pub fn width(text: &str, size: f32) -> f32 {
    text.chars().map(advance).sum::<f32>() * size * SLACK
}

/// `text` cut with "…" to at most `max_width` at `size`; empty when not even the ellipsis
/// fits.
pub fn fit(text: &str, size: f32, max_width: f32) -> String {
    if width(text, size) <= max_width {
        return text.to_owned();
    }
    let ellipsis = width("…", size);
    let mut used = ellipsis;
    let mut kept = String::new();
    for c in text.chars() {
        let next = advance(c) * size * SLACK;
        if used + next > max_width {
            break;
        }
        used += next;
        kept.push(c);
    }
    if used > max_width {
        return String::new();
    }
    let mut cut = kept.trim_end().to_owned();
    cut.push('…');
    cut
}

/// `text` broken at spaces into at most `max_lines` lines no wider than `max_width`; the
/// last line is cut with "…" when the text does not end there.
pub fn wrap(text: &str, size: f32, max_width: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() && lines.len() < max_lines {
        if lines.len() + 1 == max_lines || width(rest, size) <= max_width {
            lines.push(fit(rest, size, max_width));
            break;
        }
        // The longest run of words that fits; a first word too long for a line is cut.
        let mut end = None;
        for (at, _) in rest.match_indices(' ') {
            if width(&rest[..at], size) > max_width {
                break;
            }
            end = Some(at);
        }
        match end {
            Some(at) => {
                lines.push(rest[..at].trim_end().to_owned());
                rest = rest[at..].trim_start();
            }
            None => {
                lines.push(fit(rest, size, max_width));
                break;
            }
        }
    }
    lines.retain(|line| !line.is_empty());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let narrow = width("iiii", 10.0);
        let wide = width("WWWW", 10.0);
        assert!(narrow > 0.0 && wide > 2.0 * narrow);
        assert!((width("ab", 20.0) - 2.0 * width("ab", 10.0)).abs() < 1e-3);
        assert!(width("→ ·", 12.0) > 0.0);
    }

    #[test]
    fn text_is_cut_with_an_ellipsis_to_fit() {
        assert_eq!(fit("Shop", 14.0, 500.0), "Shop");
        let cut = fit("A rather long system name indeed", 14.0, 100.0);
        assert!(cut.ends_with('…') && cut.len() < 30, "{cut}");
        assert!(width(&cut, 14.0) <= 100.0);
        assert_eq!(fit("Shop", 14.0, 2.0), "");
    }

    #[test]
    fn long_names_wrap_at_spaces_onto_few_lines() {
        assert_eq!(wrap("Shop", 14.0, 170.0, 2), vec!["Shop"]);
        let lines = wrap(
            "Payment gateway (Adyen) for all card payments",
            14.0,
            170.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], "Payment gateway");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|line| width(line, 14.0) <= 170.0));
        let one_word = wrap("Supercalifragilisticexpialidocious", 14.0, 100.0, 2);
        assert_eq!(one_word.len(), 1);
        assert!(one_word[0].ends_with('…'));
    }
}
