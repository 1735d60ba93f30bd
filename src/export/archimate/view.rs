//! The one diagram: our canvas as ArchiMate nodes. Each zone's Grouping is a node around
//! its members' nodes (the zone's region as the canvas draws it), each system a node of
//! its box, each flow a connection between the nodes with a bendpoint per waypoint.
//! Coordinates are whole numbers and, in the exchange format, absolute for nested nodes
//! too; the schema wants them non-negative, so when anything lies left of or above the
//! origin the whole picture moves right and down just enough.

use std::fmt::Write as _;

use super::xml::{Pieces, tagged};
use super::{Flow, Ids};
use crate::model::{Point, Project, Rect, System, zone_rect};
use crate::picture::style::{self, Colour};

pub const VIEW_ID: &str = "id-view";

/// A node's corner and size, in whole numbers before the move.
#[derive(Clone, Copy)]
struct Bounds {
    x: i64,
    y: i64,
    w: i64,
    h: i64,
}

fn whole(value: f32) -> i64 {
    // `as` saturates, and NaN (kept out by `box_rect` and the finite checks) would be 0.
    value.round() as i64
}

fn system_bounds(system: &System) -> Bounds {
    let rect = system.rect();
    Bounds {
        x: whole(rect.min.x),
        y: whole(rect.min.y),
        w: whole(rect.width()).max(1),
        h: whole(rect.height()).max(1),
    }
}

fn zone_bounds(members: Rect) -> Bounds {
    let rect = zone_rect(members);
    let (x, y) = (whole(rect.min.x), whole(rect.min.y));
    Bounds {
        x,
        y,
        w: whole(rect.max.x).saturating_sub(x).max(1),
        h: whole(rect.max.y).saturating_sub(y).max(1),
    }
}

/// The waypoints a bendpoint can be written for: the finite ones.
fn bends<'a>(flow: &Flow<'a>) -> impl Iterator<Item = (i64, i64)> + 'a {
    let points = flow.connection.waypoints.iter();
    points
        .filter(|p| p.is_finite())
        .map(|p: &Point| (whole(p.x), whole(p.y)))
}

/// `<views>` with the diagram.
pub fn views(project: &Project, ids: &Ids, drawable: &[Flow<'_>]) -> Pieces {
    let systems: Vec<Bounds> = project.systems.iter().map(system_bounds).collect();
    // Each zone's members, and the region around them.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); project.zones.len()];
    let mut regions = vec![Rect::NOTHING; project.zones.len()];
    let mut loose = Vec::new();
    for (i, system) in project.systems.iter().enumerate() {
        match ids.zone_of(system) {
            Some(z) => {
                members[z].push(i);
                regions[z] = regions[z].union(system.rect());
            }
            None => loose.push(i),
        }
    }
    let zones: Vec<Option<Bounds>> = members
        .iter()
        .zip(&regions)
        .map(|(m, r)| (!m.is_empty()).then(|| zone_bounds(*r)))
        .collect();
    let corners = systems
        .iter()
        .chain(zones.iter().flatten())
        .map(|b| (b.x, b.y))
        .chain(drawable.iter().flat_map(bends));
    let (min_x, min_y) = corners.fold((0, 0), |(x, y), (a, b)| (x.min(a), y.min(b)));
    let shift = Shift {
        x: min_x.saturating_neg(),
        y: min_y.saturating_neg(),
    };
    let mut out = Pieces::default();
    let _ = writeln!(
        out.text(),
        "  <views>\n    <diagrams>\n      <view identifier=\"{VIEW_ID}\" xsi:type=\"Diagram\">"
    );
    let name = if crate::model::is_blank(&project.name) {
        "Landscape"
    } else {
        project.name.as_str()
    };
    tagged(out.text(), "        ", "name", name);
    for (z, zone) in project.zones.iter().enumerate() {
        let Some(bounds) = zones[z] else { continue };
        let kind = zone.kind.as_ref();
        let colours = (style::zone_fill(kind), style::zone_stroke(kind));
        let id = &ids.zones[z];
        node(out.text(), &node_id(id), id, shift.apply(bounds), colours);
        out.parallel(&members[z], |out, &i| {
            system_node(out, project, ids, i, shift.apply(systems[i]));
        });
        out.push_str("        </node>\n");
    }
    out.parallel(&loose, |out, &i| {
        system_node(out, project, ids, i, shift.apply(systems[i]));
    });
    out.parallel(drawable, |out, flow| connection(out, ids, flow, shift));
    out.push_str("      </view>\n    </diagrams>\n  </views>\n");
    out
}

fn node_id(element: &str) -> String {
    format!("id-v{}", element.trim_start_matches("id"))
}

fn system_node(out: &mut String, project: &Project, ids: &Ids, i: usize, bounds: Bounds) {
    let id = &ids.systems[i];
    let colours = system_colours(&project.systems[i]);
    node(out, &node_id(id), id, bounds, colours);
    out.push_str("        </node>\n");
}

fn connection(out: &mut String, ids: &Ids, flow: &Flow<'_>, shift: Shift) {
    let relationship = &ids.connections[flow.place];
    let _ = writeln!(
        out,
        "        <connection identifier=\"{}\" relationshipRef=\"{relationship}\" \
         xsi:type=\"Relationship\" source=\"{}\" target=\"{}\">",
        node_id(relationship),
        node_id(&ids.systems[flow.from]),
        node_id(&ids.systems[flow.to]),
    );
    for (x, y) in bends(flow) {
        let (x, y) = (x.saturating_add(shift.x), y.saturating_add(shift.y));
        let _ = writeln!(out, "          <bendpoint x=\"{x}\" y=\"{y}\"/>");
    }
    out.push_str("        </connection>\n");
}

/// How far everything moves right and down.
#[derive(Clone, Copy)]
struct Shift {
    x: i64,
    y: i64,
}

impl Shift {
    fn apply(self, b: Bounds) -> Bounds {
        Bounds {
            x: b.x.saturating_add(self.x).max(0),
            y: b.y.saturating_add(self.y).max(0),
            ..b
        }
    }
}

/// A box in white with its sensitivity's colour as the border, as the canvas draws it.
fn system_colours(system: &System) -> (Colour, Colour) {
    (
        style::BOX_FILL,
        style::sensitivity(system.sensitivity.as_ref()),
    )
}

/// An element's node, opened: its members' nodes go inside.
fn node(out: &mut String, id: &str, element: &str, b: Bounds, (fill, line): (Colour, Colour)) {
    let _ = write!(
        out,
        "        <node identifier=\"{id}\" elementRef=\"{element}\" xsi:type=\"Element\" \
         x=\"{}\" y=\"{}\" w=\"{}\" h=\"{}\">\n          <style>",
        b.x, b.y, b.w, b.h
    );
    colour(out, "fillColor", fill);
    colour(out, "lineColor", line);
    out.push_str("</style>\n");
}

/// `<fillColor r g b a/>`: the alpha is a percentage in the exchange format.
fn colour(out: &mut String, tag: &str, colour: Colour) {
    let (r, g, b) = colour.rgb;
    let alpha = (colour.opacity.clamp(0.0, 1.0) * 100.0).round() as u8;
    let _ = write!(out, "<{tag} r=\"{r}\" g=\"{g}\" b=\"{b}\" a=\"{alpha}\"/>");
}
