//! The colours and sizes of a picture: the canvas's light theme (`ui::canvas::style`),
//! written down once more without egui so the command line draws the same landscape.
//! Sizes are in scene units, as the canvas draws them at 100 %.

use crate::model::{Sensitivity, ZoneKind};

/// An sRGB colour with its opacity (0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colour {
    pub rgb: (u8, u8, u8),
    pub opacity: f32,
}

impl Colour {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Colour {
        Colour {
            rgb: (r, g, b),
            opacity: 1.0,
        }
    }

    pub const fn gray(level: u8) -> Colour {
        Colour::rgb(level, level, level)
    }

    pub const fn with_opacity(self, opacity: f32) -> Colour {
        Colour {
            rgb: self.rgb,
            opacity,
        }
    }

    /// Part of the way towards `other` (both opaque): 0 is `self`, 1 is `other`.
    pub fn mix(self, other: Colour, towards: f32) -> Colour {
        let channel = |a: u8, b: u8| (a as f32 + (b as f32 - a as f32) * towards).round() as u8;
        Colour::rgb(
            channel(self.rgb.0, other.rgb.0),
            channel(self.rgb.1, other.rgb.1),
            channel(self.rgb.2, other.rgb.2),
        )
    }

    /// `#rrggbb`, as SVG writes it.
    pub fn hex(&self) -> String {
        let (r, g, b) = self.rgb;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

pub const BACKGROUND: Colour = Colour::gray(241);
pub const BOX_FILL: Colour = Colour::gray(255);
pub const BOX_STROKE: Colour = Colour::gray(188);
pub const TITLE: Colour = Colour::gray(0);
pub const TEXT: Colour = Colour::gray(80);
pub const WEAK: Colour = Colour::gray(140);
pub const CONNECTION: Colour = Colour::gray(105);
/// Label plates: the canvas colour, nearly opaque, so a line under a label fades.
/// One layer of a box's shadow; three overlap under the box's edge.
pub const SHADOW: Colour = Colour::gray(0).with_opacity(0.045);
pub const LABEL_FILL: Colour = BACKGROUND.with_opacity(0.92);
pub const LEGEND_FILL: Colour = Colour::gray(248).with_opacity(0.95);
pub const LEGEND_STROKE: Colour = Colour::gray(190);

/// The one font the pictures name; it is bundled for the PNG (see `font`).
pub const FONT_FAMILY: &str = "DejaVu Sans";
/// What an SVG viewer without DejaVu Sans should use: faces of about its width.
pub const FONT_FALLBACKS: &str = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";

pub const BOX_RADIUS: f32 = 7.0;
pub const STRIPE_WIDTH: f32 = 6.0;
pub const ZONE_RADIUS: f32 = 12.0;
pub const LINE_WIDTH: f32 = 1.5;
pub const DASH: (f32, f32) = (8.0, 5.0);
pub const ARROW_HEAD: f32 = 10.0;
pub const NAME_FONT: f32 = 14.0;
pub const SMALL_FONT: f32 = 11.5;
pub const BADGE_FONT: f32 = 10.5;
pub const ZONE_FONT: f32 = 13.0;
pub const LABEL_FONT: f32 = 11.0;
pub const LEGEND_FONT: f32 = 11.5;
pub const TITLE_FONT: f32 = 18.0;
/// A line of text is this many times its font size high.
pub const LINE_HEIGHT: f32 = 1.2;

/// The colour that says how sensitive a system's data is. Free text and "not set" are
/// neutral: they cannot be ranked.
pub fn sensitivity(sensitivity: Option<&Sensitivity>) -> Colour {
    match sensitivity {
        Some(Sensitivity::Public) => Colour::rgb(28, 140, 70),
        Some(Sensitivity::Internal) => Colour::rgb(30, 100, 205),
        Some(Sensitivity::Confidential) => Colour::rgb(184, 108, 0),
        Some(Sensitivity::Restricted) => Colour::rgb(200, 40, 40),
        Some(Sensitivity::Other(_)) | None => Colour::rgb(140, 140, 140),
    }
}

/// A zone's tint, by the kind of trust boundary it is.
pub fn zone(kind: Option<&ZoneKind>) -> Colour {
    match kind {
        Some(ZoneKind::Cloud) => Colour::rgb(70, 140, 230),
        Some(ZoneKind::OnPremises) => Colour::rgb(160, 130, 90),
        Some(ZoneKind::Partner) => Colour::rgb(165, 105, 210),
        Some(ZoneKind::Dmz) => Colour::rgb(225, 125, 55),
        Some(ZoneKind::Saas) => Colour::rgb(40, 165, 160),
        Some(ZoneKind::Other(_)) | None => Colour::gray(128),
    }
}

pub fn zone_fill(kind: Option<&ZoneKind>) -> Colour {
    zone(kind).with_opacity(0.09)
}

pub fn zone_stroke(kind: Option<&ZoneKind>) -> Colour {
    zone(kind).with_opacity(0.65)
}

/// A zone's name: its tint, darkened to read on the light fill.
pub fn zone_name(kind: Option<&ZoneKind>) -> Colour {
    zone(kind).mix(Colour::gray(0), 0.3)
}

/// A sensitivity badge's plate and text.
pub fn badge(tint: Colour) -> (Colour, Colour) {
    (tint.with_opacity(0.14), tint.mix(Colour::gray(0), 0.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_written_as_svg_hex() {
        assert_eq!(Colour::rgb(0, 110, 220).hex(), "#006edc");
        assert_eq!(Colour::gray(255).mix(Colour::gray(0), 0.5).hex(), "#808080");
    }

    #[test]
    fn every_known_sensitivity_has_its_own_colour() {
        let colours: Vec<Colour> = Sensitivity::KNOWN
            .iter()
            .map(|s| sensitivity(Some(s)))
            .collect();
        for (i, a) in colours.iter().enumerate() {
            assert!(!colours[i + 1..].contains(a));
            assert_ne!(*a, sensitivity(None));
        }
    }
}
