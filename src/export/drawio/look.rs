//! The canvas's look in draw.io styles (`picture::style`): white rounded boxes with the
//! sensitivity's colour as the border, zones as tinted rounded containers with their name
//! at the top left, grey lines, dashed when asynchronous, with a head at each end of a
//! flow both ways. No style says `html=1`, so draw.io shows every label as plain text.

use crate::item_text::is_dashed;
use crate::model::{Connection, Direction, Zone};
use crate::picture::style::{self, Colour};

/// A percentage for draw.io's `fillOpacity` and `strokeOpacity`.
fn opacity(colour: Colour) -> u32 {
    (colour.opacity.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The style of a system's box, its border the sensitivity's colour (one of a few).
pub(super) fn system_with(border: Colour) -> String {
    format!(
        "rounded=1;absoluteArcSize=1;arcSize={arc};whiteSpace=wrap;fillColor={fill};\
         strokeColor={stroke};strokeWidth=2;fontColor={text};fontSize={size};\
         fontFamily={font};align=left;verticalAlign=top;spacingLeft=16;spacingTop=10;",
        arc = 2.0 * style::BOX_RADIUS,
        fill = style::BOX_FILL.hex(),
        stroke = border.hex(),
        text = style::TITLE.hex(),
        size = style::NAME_FONT,
        font = style::FONT_FAMILY,
    )
}

/// A container (`container=1`): draw.io moves its members with it.
pub(super) fn zone(zone: &Zone) -> String {
    let kind = zone.kind.as_ref();
    let (fill, stroke) = (style::zone_fill(kind), style::zone_stroke(kind));
    format!(
        "rounded=1;absoluteArcSize=1;arcSize={arc};container=1;collapsible=0;\
         recursiveResize=0;whiteSpace=wrap;fillColor={fill_hex};fillOpacity={fill_opacity};\
         strokeColor={stroke_hex};strokeOpacity={stroke_opacity};fontColor={text};\
         fontSize={size};fontFamily={font};align=left;verticalAlign=top;spacingLeft=8;\
         spacingTop=2;",
        arc = 2.0 * style::ZONE_RADIUS,
        fill_hex = fill.hex(),
        fill_opacity = opacity(fill),
        stroke_hex = stroke.hex(),
        stroke_opacity = opacity(stroke),
        text = style::zone_name(kind).hex(),
        size = style::ZONE_FONT,
        font = style::FONT_FAMILY,
    )
}

/// Whether a line is dashed and has a head at its start: the four kinds of line.
pub(super) fn line_kind(connection: &Connection) -> usize {
    usize::from(is_dashed(connection))
        + 2 * usize::from(connection.direction == Direction::BothWays)
}

/// The style of a line of `line_kind`.
pub(super) fn line(kind: usize) -> String {
    let (dashed, both_ways) = (kind & 1 == 1, kind & 2 == 2);
    let start = if both_ways {
        "block;startFill=1"
    } else {
        "none"
    };
    let dashed = if dashed {
        format!("dashed=1;dashPattern={} {};", style::DASH.0, style::DASH.1)
    } else {
        String::new()
    };
    format!(
        "edgeStyle=none;rounded=0;endArrow=block;endFill=1;startArrow={start};{dashed}\
         strokeColor={line};strokeWidth={width};fontColor={text};fontSize={size};\
         fontFamily={font};labelBackgroundColor={plate};",
        line = style::CONNECTION.hex(),
        width = style::LINE_WIDTH,
        text = style::TEXT.hex(),
        size = style::LABEL_FONT,
        font = style::FONT_FAMILY,
        plate = style::BACKGROUND.hex(),
    )
}
