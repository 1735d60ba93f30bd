//! The PNG: the SVG rasterised by resvg, with the bundled font as the only one, so a
//! machine without fonts (a CI runner) makes the same picture.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use super::{MAX_PIXELS, MAX_SIDE, PictureError, PictureOptions, font, style, to_svg};
use crate::model::Project;

/// An image as rows of straight (not premultiplied) RGBA bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rgba {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// The landscape as PNG bytes, at `options.scale` pixels per scene unit.
pub fn to_png(project: &Project, options: &PictureOptions) -> Result<Vec<u8>, PictureError> {
    render(project, options)?
        .encode_png()
        .map_err(|error| PictureError::Encode(error.to_string()))
}

/// The landscape as pixels, for the clipboard.
pub fn to_rgba(project: &Project, options: &PictureOptions) -> Result<Rgba, PictureError> {
    let pixmap = render(project, options)?;
    let pixels = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Ok(Rgba {
        width: pixmap.width(),
        height: pixmap.height(),
        pixels,
    })
}

fn render(project: &Project, options: &PictureOptions) -> Result<Pixmap, PictureError> {
    if !(options.scale.is_finite() && options.scale > 0.0) {
        return Err(PictureError::Scale(options.scale));
    }
    let svg = to_svg(project, options);
    let tree = usvg::Tree::from_str(&svg, &usvg_options())
        .map_err(|error| PictureError::Render(error.to_string()))?;
    let size = tree.size();
    let scale = fitting_scale(options.scale, size.width(), size.height());
    let width = (size.width() * scale).ceil().max(1.0) as u32;
    let height = (size.height() * scale).ceil().max(1.0) as u32;
    let mut pixmap = Pixmap::new(width, height).ok_or_else(|| {
        PictureError::Render(format!("no room for a {width}×{height} pixel image"))
    })?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// `wanted`, or less where the image would be larger than the limits.
fn fitting_scale(wanted: f32, width: f32, height: f32) -> f32 {
    let side = MAX_SIDE as f32 / width.max(height).max(1.0);
    let area = (MAX_PIXELS as f32 / (width * height).max(1.0)).sqrt();
    wanted.min(side).min(area)
}

/// The bundled font, loaded once; "sans-serif" and unnamed text use it too.
fn usvg_options() -> usvg::Options<'static> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_data(font::BYTES.to_vec());
        fonts.set_sans_serif_family(style::FONT_FAMILY);
        Arc::new(fonts)
    });
    usvg::Options {
        font_family: style::FONT_FAMILY.to_owned(),
        fontdb: fonts.clone(),
        ..usvg::Options::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_pictures_are_scaled_down_to_the_limits() {
        assert_eq!(fitting_scale(2.0, 1000.0, 500.0), 2.0);
        let scale = fitting_scale(2.0, 50_000.0, 400.0);
        assert!(50_000.0 * scale <= MAX_SIDE as f32 + 0.5);
        let scale = fitting_scale(2.0, 12_000.0, 12_000.0);
        assert!((12_000.0 * scale).powi(2) <= MAX_PIXELS as f32 * 1.001);
    }
}
