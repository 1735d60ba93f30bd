//! Colours of the canvas, for the dark and the light theme. The greys come from the theme's
//! own visuals where they fit; the meaning colours (sensitivity, zone kinds) are picked per
//! theme so they read well on either background.

use egui::{Color32, Visuals};

use crate::model::{Sensitivity, ZoneKind};

#[derive(Clone, Copy, Debug)]
pub(super) struct Palette {
    pub dark: bool,
    pub canvas: Color32,
    pub grid_minor: Color32,
    pub grid_major: Color32,
    pub box_fill: Color32,
    pub box_stroke: Color32,
    pub shadow: Color32,
    pub title: Color32,
    pub text: Color32,
    pub weak: Color32,
    pub connection: Color32,
    /// Connections far out, where thousands of them overlap.
    pub connection_faint: Color32,
    /// Selection outlines and the rubber band.
    pub accent: Color32,
    pub hover: Color32,
    pub label_fill: Color32,
    pub legend_fill: Color32,
    pub legend_stroke: Color32,
}

impl Palette {
    pub fn new(visuals: &Visuals) -> Self {
        let dark = visuals.dark_mode;
        let gray = Color32::from_gray;
        let (canvas, grid_minor, grid_major, box_fill, box_stroke, shadow) = if dark {
            (
                gray(22),
                gray(30),
                gray(38),
                gray(38),
                gray(72),
                Color32::from_black_alpha(110),
            )
        } else {
            (
                gray(241),
                gray(234),
                gray(226),
                gray(255),
                gray(188),
                Color32::from_black_alpha(38),
            )
        };
        let (connection, accent, hover) = if dark {
            (gray(150), Color32::from_rgb(90, 170, 255), gray(200))
        } else {
            (gray(105), Color32::from_rgb(0, 110, 220), gray(70))
        };
        Palette {
            dark,
            canvas,
            grid_minor,
            grid_major,
            box_fill,
            box_stroke,
            shadow,
            title: visuals.strong_text_color(),
            text: visuals.text_color(),
            weak: visuals.weak_text_color(),
            connection,
            connection_faint: connection.gamma_multiply(if dark { 0.35 } else { 0.45 }),
            accent,
            hover,
            label_fill: canvas.gamma_multiply(0.92),
            legend_fill: visuals.window_fill.gamma_multiply(0.95),
            legend_stroke: visuals.window_stroke.color,
        }
    }

    /// The colour that says how sensitive a system's data is. Free text and "not set" are
    /// neutral: they cannot be ranked.
    pub fn sensitivity(&self, sensitivity: Option<&Sensitivity>) -> Color32 {
        let rgb = |dark: (u8, u8, u8), light: (u8, u8, u8)| {
            let (r, g, b) = if self.dark { dark } else { light };
            Color32::from_rgb(r, g, b)
        };
        match sensitivity {
            Some(Sensitivity::Public) => rgb((96, 196, 122), (28, 140, 70)),
            Some(Sensitivity::Internal) => rgb((96, 165, 250), (30, 100, 205)),
            Some(Sensitivity::Confidential) => rgb((242, 170, 60), (184, 108, 0)),
            Some(Sensitivity::Restricted) => rgb((240, 98, 98), (200, 40, 40)),
            Some(Sensitivity::Other(_)) | None => rgb((135, 135, 135), (140, 140, 140)),
        }
    }

    /// A zone's tint, by the kind of trust boundary it is.
    pub fn zone(&self, kind: Option<&ZoneKind>) -> Color32 {
        let (r, g, b) = match kind {
            Some(ZoneKind::Cloud) => (70, 140, 230),
            Some(ZoneKind::OnPremises) => (160, 130, 90),
            Some(ZoneKind::Partner) => (165, 105, 210),
            Some(ZoneKind::Dmz) => (225, 125, 55),
            Some(ZoneKind::Saas) => (40, 165, 160),
            Some(ZoneKind::Other(_)) | None => (128, 128, 128),
        };
        Color32::from_rgb(r, g, b)
    }

    pub fn zone_fill(&self, kind: Option<&ZoneKind>) -> Color32 {
        self.zone(kind)
            .gamma_multiply(if self.dark { 0.10 } else { 0.09 })
    }

    pub fn zone_stroke(&self, kind: Option<&ZoneKind>) -> Color32 {
        self.zone(kind)
            .gamma_multiply(if self.dark { 0.55 } else { 0.65 })
    }

    /// A system's fill far out, where the box is a few pixels: tinted by its sensitivity,
    /// so the overview still shows where the sensitive data is.
    pub fn overview_box(&self, sensitivity: Option<&Sensitivity>) -> Color32 {
        let tint = self.sensitivity(sensitivity);
        self.box_fill
            .lerp_to_gamma(tint, if self.dark { 0.45 } else { 0.55 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_sensitivity_has_its_own_colour_and_other_is_neutral() {
        for visuals in [Visuals::dark(), Visuals::light()] {
            let palette = Palette::new(&visuals);
            let colours: Vec<Color32> = Sensitivity::KNOWN
                .iter()
                .map(|s| palette.sensitivity(Some(s)))
                .collect();
            for (i, a) in colours.iter().enumerate() {
                for b in &colours[i + 1..] {
                    assert_ne!(a, b);
                }
            }
            let other = palette.sensitivity(Some(&Sensitivity::Other("Secret".into())));
            assert_eq!(other, palette.sensitivity(None));
            assert!(!colours.contains(&other));
        }
    }

    #[test]
    fn boxes_stand_out_from_the_canvas_in_both_themes() {
        for visuals in [Visuals::dark(), Visuals::light()] {
            let p = Palette::new(&visuals);
            let luma = |c: Color32| c.r() as i32 + c.g() as i32 + c.b() as i32;
            assert!((luma(p.box_fill) - luma(p.canvas)).abs() >= 30);
            assert!((luma(p.title) - luma(p.box_fill)).abs() >= 300);
        }
    }
}
