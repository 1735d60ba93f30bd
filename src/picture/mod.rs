//! Pictures of the landscape for wikis, slides and pull requests: SVG with real text, and
//! PNG rasterised from that SVG (resvg) with a bundled font. Drawn from the core's
//! geometry (`model::geometry`), not from egui, so the command line and the headless build
//! make the same pictures as the app.
//!
//! `svg.rs` writes the elements, `draw.rs` the landscape's parts, `route.rs` where lines
//! run, `labels.rs` where their labels go, `legend.rs` the key, `style.rs` the canvas's
//! colours, `font.rs` the bundled font and its widths, `png.rs` the rasteriser.

mod draw;
mod font;
mod labels;
mod legend;
mod png;
mod route;
pub(crate) mod style;
mod svg;

use std::path::Path;

pub use png::{Rgba, to_png, to_rgba};

use crate::item_text::first_line;
use crate::model::{Point, Project, Rect, Size};
use crate::words::count;
use legend::Legend;
use svg::{Heading, Svg};

/// What a picture shows and how large a PNG is.
#[derive(Clone, Debug, PartialEq)]
pub struct PictureOptions {
    /// PNG pixels per scene unit: 2 makes slides crisp. Very large landscapes get a smaller
    /// scale, so the image stays within [`MAX_SIDE`] and [`MAX_PIXELS`].
    pub scale: f32,
    /// The project's name above the landscape.
    pub title: bool,
    /// The key to colours and line styles under the landscape.
    pub legend: bool,
}

impl Default for PictureOptions {
    fn default() -> Self {
        PictureOptions {
            scale: 2.0,
            title: true,
            legend: true,
        }
    }
}

/// The longest side of a PNG, in pixels.
pub const MAX_SIDE: u32 = 16_384;
/// The most pixels a PNG has (256 MB of pixels while it is made).
pub const MAX_PIXELS: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("the scale must be a positive number, not {0}")]
    Scale(f32),
    #[error("the picture could not be drawn: {0}")]
    Render(String),
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

/// The two kinds of picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureFormat {
    Svg,
    Png,
}

impl PictureFormat {
    /// The format a file name asks for by its extension (`.svg`, `.png`, any case).
    pub fn of_path(path: &Path) -> Option<PictureFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "svg" => Some(PictureFormat::Svg),
            "png" => Some(PictureFormat::Png),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            PictureFormat::Svg => "svg",
            PictureFormat::Png => "png",
        }
    }

    /// The file's bytes.
    pub fn render(
        self,
        project: &Project,
        options: &PictureOptions,
    ) -> Result<Vec<u8>, PictureError> {
        match self {
            PictureFormat::Svg => Ok(to_svg(project, options).into_bytes()),
            PictureFormat::Png => to_png(project, options),
        }
    }
}

/// Around the landscape.
const MARGIN: f32 = 24.0;
/// The narrowest picture, so the title and the key have room.
const MIN_WIDTH: f32 = 360.0;
const TITLE_GAP: f32 = 12.0;
const LEGEND_GAP: f32 = 20.0;
const EMPTY_NOTE: &str = "This landscape has no systems yet.";

/// The landscape as an SVG document, one scene unit to one pixel.
pub fn to_svg(project: &Project, options: &PictureOptions) -> String {
    let mut body = Svg::new();
    let content = if project.systems.is_empty() {
        let at = Point::new(0.0, 0.0);
        body.text(at, EMPTY_NOTE, style::SMALL_FONT, style::WEAK);
        Rect::from_min_size(
            at,
            Size {
                width: font::width(EMPTY_NOTE, style::SMALL_FONT),
                height: style::SMALL_FONT * style::LINE_HEIGHT,
            },
        )
    } else {
        landscape(&mut body, project)
    };
    let title = first_line(&project.name);
    let title_height = if options.title && !title.is_empty() {
        style::TITLE_FONT * style::LINE_HEIGHT + TITLE_GAP
    } else {
        0.0
    };
    let width = (content.width() + 2.0 * MARGIN).max(MIN_WIDTH);
    let legend = (options.legend && !project.systems.is_empty())
        .then(|| Legend::layout(width - 2.0 * MARGIN));
    let legend_height = legend.as_ref().map_or(0.0, |l| LEGEND_GAP + l.size.height);
    let min = Point::new(
        content.min.x - MARGIN,
        content.min.y - MARGIN - title_height,
    );
    let view = Rect::from_min_size(
        min,
        Size {
            width,
            height: title_height + content.height() + legend_height + 2.0 * MARGIN,
        },
    );
    if title_height > 0.0 {
        let fitted = font::fit(title, style::TITLE_FONT, width - 2.0 * MARGIN);
        let at = Point::new(content.min.x, min.y + MARGIN);
        body.text(at, &fitted, style::TITLE_FONT, style::TITLE);
    }
    if let Some(legend) = legend {
        legend.draw(
            &mut body,
            Point::new(content.min.x, content.max.y + LEGEND_GAP),
        );
    }
    let heading = Heading {
        title: title.to_owned(),
        description: describe(project),
        font_family: style::FONT_FALLBACKS,
    };
    body.finish(view, style::BACKGROUND, &heading)
}

/// Draws zones, lines, boxes and labels; returns the rect they cover.
fn landscape(svg: &mut Svg, project: &Project) -> Rect {
    let routes = route::routes(project);
    let zone_names = draw::zones(svg, project);
    draw::connections(svg, project, &routes);
    draw::systems(svg, project);
    let mut obstacles: Vec<Rect> = project.systems.iter().map(|s| s.rect()).collect();
    obstacles.extend(zone_names.iter().copied());
    // Arrow heads: a label over one hides which way the flow runs.
    for (_, route) in &routes {
        for t in [0.0, 1.0] {
            let (end, _) = route.at(t);
            obstacles.push(Rect::from_min_max(end, end).expand(style::ARROW_HEAD * 0.8));
        }
    }
    let placed = labels::place(project, &routes, &obstacles);
    draw::connection_labels(svg, &placed);

    let mut bounds = obstacles.iter().copied().fold(Rect::NOTHING, Rect::union);
    bounds = project.zone_rects().into_values().fold(bounds, Rect::union);
    for (_, route) in &routes {
        bounds = bounds.union(route_bounds(route));
    }
    placed.iter().map(|p| p.plate).fold(bounds, Rect::union)
}

fn route_bounds(route: &route::Route) -> Rect {
    match route {
        route::Route::Line(points) => points
            .iter()
            .fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(*p, *p))),
        route::Route::Loop { centre, radius } => {
            Rect::from_min_max(*centre, *centre).expand(*radius + 6.0)
        }
    }
}

/// "Integration landscape: 12 systems, 14 connections, 3 zones."
fn describe(project: &Project) -> String {
    format!(
        "Integration landscape: {}, {}, {}.",
        count(project.systems.len(), "system"),
        count(project.connections.len(), "connection"),
        count(project.zones.len(), "zone")
    )
}

#[cfg(test)]
mod tests;
