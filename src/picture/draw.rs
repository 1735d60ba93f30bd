//! The landscape's parts as SVG, in the canvas's visual language: zones as tinted regions
//! with their names, boxes with the sensitivity stripe, name, technology, SLA and badge,
//! solid (synchronous) and dashed (asynchronous) lines with arrow heads, and labels.

use super::font;
use super::labels::{self, Placed};
use super::route::Route;
use super::style::{self, Colour};
use super::svg::{Paint, Svg, num};
use crate::item_text::{first_line, is_dashed, sensitivity_badge, sla};
use crate::model::{Direction, Point, Project, Rect, System, ZONE_HEADER, ZONE_PADDING};

/// Zones behind everything else; returns where their names went.
pub fn zones(svg: &mut Svg, project: &Project) -> Vec<Rect> {
    let rects = project.zone_rects();
    let mut names = Vec::new();
    svg.open_group("zones", None);
    for zone in &project.zones {
        let Some(&rect) = rects.get(&zone.id) else {
            continue;
        };
        let kind = zone.kind.as_ref();
        let name = first_line(&zone.name);
        svg.open_group("zone", Some(name));
        let paint = Paint::fill(style::zone_fill(kind)).and_stroke(1.0, style::zone_stroke(kind));
        svg.rect(rect.expand(-0.5), style::ZONE_RADIUS, paint, "");
        let inset = Point::new(
            rect.min.x + ZONE_PADDING * 0.6,
            rect.min.y + ZONE_HEADER * 0.3,
        );
        let fitted = font::fit(
            name,
            style::ZONE_FONT,
            rect.width() - 2.0 * ZONE_PADDING * 0.6,
        );
        if !fitted.is_empty() {
            svg.text(inset, &fitted, style::ZONE_FONT, style::zone_name(kind));
            names.push(Rect::from_min_size(
                inset,
                crate::model::Size {
                    width: font::width(&fitted, style::ZONE_FONT),
                    height: style::ZONE_FONT * style::LINE_HEIGHT,
                },
            ));
        }
        svg.close_group();
    }
    svg.close_group();
    names
}

/// Every system's box.
pub fn systems(svg: &mut Svg, project: &Project) {
    svg.open_group("systems", None);
    for system in &project.systems {
        system_box(svg, system);
    }
    svg.close_group();
}

fn system_box(svg: &mut Svg, system: &System) {
    let rect = system.rect();
    let name = first_line(&system.name);
    svg.open_group("system", Some(name));
    let radius = style::BOX_RADIUS
        .min(rect.height() / 2.0)
        .min(rect.width() / 2.0);
    shadow(svg, rect, radius);
    svg.rect(rect, radius, Paint::fill(style::BOX_FILL), "");
    let tint = style::sensitivity(system.sensitivity.as_ref());
    svg.path(&stripe(rect, radius), Paint::fill(tint));
    svg.rect(
        rect.expand(-0.5),
        radius,
        Paint::stroke(1.0, style::BOX_STROKE),
        "",
    );
    system_text(svg, system, rect, tint);
    svg.close_group();
}

/// The canvas's soft shadow, 2 down, as a few translucent layers: a blur filter on every
/// box made the PNG of 400 systems take twice as long.
fn shadow(svg: &mut Svg, rect: Rect, radius: f32) {
    for spread in [3.0, 2.0, 1.0] {
        let layer = rect.translate(0.0, 2.0).expand(spread);
        svg.rect(layer, radius + spread, Paint::fill(style::SHADOW), "");
    }
}

/// The sensitivity stripe down the box's left edge, rounded with the box's corners.
fn stripe(rect: Rect, radius: f32) -> String {
    let width = style::STRIPE_WIDTH.min(rect.width());
    let r = radius.min(width);
    let (x, y, bottom) = (rect.min.x, rect.min.y, rect.max.y);
    format!(
        "M{right} {y}V{bottom}H{xr}A{r} {r} 0 0 1 {x} {yb}V{yt}A{r} {r} 0 0 1 {xr} {y}Z",
        right = num(x + width),
        y = num(y),
        bottom = num(bottom),
        xr = num(x + r),
        r = num(r),
        x = num(x),
        yb = num(bottom - r),
        yt = num(y + r),
    )
}

/// The rows of text of a box, each only where it fits, as the canvas lays them out.
fn system_text(svg: &mut Svg, system: &System, rect: Rect, tint: Colour) {
    let line = |size: f32| size * style::LINE_HEIGHT;
    let left = rect.min.x + 16.0;
    let right = rect.max.x - 10.0;
    let top = rect.min.y + 10.0;
    let bottom = rect.max.y - 9.0;
    let width = right - left;
    if width < 8.0 || top + line(style::NAME_FONT) > rect.max.y {
        return;
    }
    // A long name takes a second line where the box is tall enough for it and the
    // technology's row; the technology goes first.
    let two_rows = top + 2.0 * line(style::NAME_FONT) + 2.0 + line(style::SMALL_FONT)
        <= bottom - line(style::SMALL_FONT);
    let rows = if two_rows { 2 } else { 1 };
    let name = font::wrap(first_line(&system.name), style::NAME_FONT, width, rows);
    for (i, row) in name.iter().enumerate() {
        let at = Point::new(left, top + i as f32 * line(style::NAME_FONT));
        svg.text(at, row, style::NAME_FONT, style::TITLE);
    }
    let below_name = top + name.len().max(1) as f32 * line(style::NAME_FONT) + 2.0;

    let mut bottom_row_top = bottom;
    let row_top = bottom - line(style::SMALL_FONT);
    if row_top >= below_name {
        bottom_row_top = row_top;
        let colour = if system.availability.percent.is_some() {
            style::TEXT
        } else {
            style::WEAK
        };
        let sla = font::fit(&sla(system), style::SMALL_FONT, width * 0.5);
        svg.text(Point::new(left, row_top), &sla, style::SMALL_FONT, colour);
        if let Some(badge) = sensitivity_badge(system.sensitivity.as_ref()) {
            sensitivity_pill(svg, badge, tint, Point::new(right, bottom), width * 0.5);
        }
    }
    let technology = first_line(&system.technology);
    if !technology.is_empty() && below_name + line(style::SMALL_FONT) <= bottom_row_top {
        let technology = font::fit(technology, style::SMALL_FONT, width);
        svg.text(
            Point::new(left, below_name),
            &technology,
            style::SMALL_FONT,
            style::WEAK,
        );
    }
}

/// A pill with the sensitivity's name in its colour, its bottom-right corner at `corner`.
fn sensitivity_pill(svg: &mut Svg, label: &str, tint: Colour, corner: Point, max_width: f32) {
    let size = style::BADGE_FONT;
    let padding = (size * 0.5, size * 0.15);
    let text = font::fit(label, size, max_width - 2.0 * padding.0);
    if text.is_empty() {
        return;
    }
    let width = font::width(&text, size) + 2.0 * padding.0;
    let height = size * style::LINE_HEIGHT + 2.0 * padding.1;
    let plate = Rect::from_min_max(Point::new(corner.x - width, corner.y - height), corner);
    let (fill, ink) = style::badge(tint);
    svg.rect(plate, height / 2.0, Paint::fill(fill), "");
    let at = Point::new(plate.min.x + padding.0, plate.min.y + padding.1);
    svg.text(at, &text, size, ink);
}

/// Every connection's line and arrow heads.
pub fn connections(svg: &mut Svg, project: &Project, routes: &[(usize, Route)]) {
    svg.open_group("connections", None);
    for (index, route) in routes {
        let connection = &project.connections[*index];
        let name = project.connection_name(connection);
        svg.open_group("connection", Some(&name));
        let mut paint = Paint::stroke(style::LINE_WIDTH, style::CONNECTION);
        if is_dashed(connection) {
            paint = paint.dashed(style::DASH);
        }
        let both_ways = connection.direction == Direction::BothWays;
        match route {
            Route::Line(points) => line(svg, points, paint, both_ways),
            Route::Loop { radius, .. } => {
                let (start, tail) = route.at(0.0);
                let (end, heading) = route.at(1.0);
                let d = format!(
                    "M{} {}A{r} {r} 0 1 1 {} {}",
                    num(start.x),
                    num(start.y),
                    num(end.x),
                    num(end.y),
                    r = num(*radius)
                );
                svg.path(&d, paint);
                arrow_head(svg, end, heading);
                if both_ways {
                    arrow_head(svg, start, Point::new(-tail.x, -tail.y));
                }
            }
        }
        svg.close_group();
    }
    svg.close_group();
}

/// A line through `points` whose ends stop inside the heads, so no line pokes through a tip.
fn line(svg: &mut Svg, points: &[Point], paint: Paint, both_ways: bool) {
    let mut drawn = points.to_vec();
    let n = drawn.len();
    let back = style::ARROW_HEAD * 0.7;
    let end_dir = direction(points[n - 2], points[n - 1]);
    drawn[n - 1] = Point::new(
        points[n - 1].x - end_dir.x * back,
        points[n - 1].y - end_dir.y * back,
    );
    let start_dir = direction(points[0], points[1]);
    if both_ways {
        drawn[0] = Point::new(
            points[0].x + start_dir.x * back,
            points[0].y + start_dir.y * back,
        );
    }
    svg.polyline(&drawn, paint);
    arrow_head(svg, points[n - 1], end_dir);
    if both_ways {
        arrow_head(svg, points[0], Point::new(-start_dir.x, -start_dir.y));
    }
}

fn direction(from: Point, to: Point) -> Point {
    let length = (to.x - from.x).hypot(to.y - from.y);
    if length <= f32::EPSILON {
        return Point::new(1.0, 0.0);
    }
    Point::new((to.x - from.x) / length, (to.y - from.y) / length)
}

fn arrow_head(svg: &mut Svg, tip: Point, dir: Point) {
    let length = style::ARROW_HEAD;
    let back = Point::new(tip.x - dir.x * length, tip.y - dir.y * length);
    let side = Point::new(-dir.y * length * 0.45, dir.x * length * 0.45);
    let corners = [
        tip,
        Point::new(back.x + side.x, back.y + side.y),
        Point::new(back.x - side.x, back.y - side.y),
    ];
    svg.polygon(&corners, style::CONNECTION);
}

/// The labels on their plates, over the lines.
pub fn connection_labels(svg: &mut Svg, placed: &[Placed]) {
    svg.open_group("labels", None);
    for label in placed {
        let plate = label.plate;
        let radius = (plate.height() / 2.0).min(8.0);
        svg.rect(plate, radius, Paint::fill(style::LABEL_FILL), "");
        let mut left = plate.min.x + labels::PADDING.0;
        if label.locked {
            let centre = Point::new(left + style::LABEL_FONT * 0.45, plate.center().y);
            if label.text.is_empty() {
                padlock(svg, plate.center(), style::LABEL_FONT, style::TEXT);
            } else {
                padlock(svg, centre, style::LABEL_FONT, style::TEXT);
            }
            left += labels::LOCK_WIDTH;
        }
        let top = plate.center().y - style::LABEL_FONT * style::LINE_HEIGHT / 2.0;
        svg.text(
            Point::new(left, top),
            &label.text,
            style::LABEL_FONT,
            style::TEXT,
        );
    }
    svg.close_group();
}

/// A small padlock, as the canvas draws one where the font has no lock emoji: a body and
/// a shackle.
pub fn padlock(svg: &mut Svg, centre: Point, size: f32, colour: Colour) {
    let body = Rect::from_min_max(
        Point::new(
            centre.x - size * 0.31,
            centre.y + size * 0.15 - size * 0.225,
        ),
        Point::new(
            centre.x + size * 0.31,
            centre.y + size * 0.15 + size * 0.225,
        ),
    );
    let radius = size * 0.2;
    let d = format!(
        "M{} {}A{r} {r} 0 0 1 {} {}",
        num(centre.x - radius),
        num(body.min.y),
        num(centre.x + radius),
        num(body.min.y),
        r = num(radius)
    );
    svg.path(&d, Paint::stroke((size * 0.11).max(1.0), colour));
    svg.rect(body, size * 0.08, Paint::fill(colour), "");
}
