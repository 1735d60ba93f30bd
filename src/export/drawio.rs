//! draw.io / diagrams.net (`.drawio`, uncompressed XML): one page named after the
//! project, the canvas's layout cell for cell. Zones are containers with their systems
//! as children (draw.io's geometry of a child is relative to its container); every
//! system and connection is an `object` whose attributes are its fields, as draw.io's
//! "Edit Data" shows them, under the names our importer maps back (`import::mapping`).
//! Labels are `%name%` and `%data%` placeholders, so the field is the one place the text
//! lives, and no style says `html=1`, so no name can become markup. A connection whose
//! end the project does not have is left out.

mod look;
mod xml;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::model::{Connection, Project, Rect, System, Zone, zone_rect};

use super::csv::resilience_lines;
use xml::{attribute, geometry, number};

/// The landscape as an uncompressed `.drawio` file.
pub fn to_drawio(project: &Project) -> String {
    let ids = Ids::new(project);
    let (vertices, edges) = rayon::join(|| vertices(project, &ids), || edges(project, &ids));
    let mut out = String::with_capacity(vertices.len() + edges.len() + 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mxfile host=\"Integration Studio\">\n  <diagram id=\"landscape\"");
    attribute(&mut out, "name", &project.name);
    out.push_str(&format!(
        ">\n    <mxGraphModel grid=\"1\" gridSize=\"{grid}\" guides=\"1\" tooltips=\"1\" \
         connect=\"1\" arrows=\"1\" fold=\"1\" page=\"0\" pageScale=\"1\" math=\"0\" \
         shadow=\"0\" background=\"{background}\">\n      <root>\n        \
         <mxCell id=\"0\"/>\n        <mxCell id=\"1\" parent=\"0\"/>\n",
        grid = number(crate::model::GRID),
        background = crate::picture::style::BACKGROUND.hex(),
    ));
    out.push_str(&vertices);
    out.push_str(&edges);
    out.push_str("      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n");
    out
}

/// Every cell's id, unique even when a hand-edited project repeats an item's id: `z7`,
/// `s8`, `c9` from the items' own ids, with `-2`, `-3`… added to a repeat.
struct Ids {
    zones: Vec<String>,
    systems: Vec<String>,
    connections: Vec<String>,
}

impl Ids {
    fn new(project: &Project) -> Ids {
        let mut taken: HashSet<String> = ["0", "1"].map(str::to_owned).into();
        let mut unique = |base: String| {
            let mut id = base.clone();
            let mut n = 1;
            while !taken.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            id
        };
        Ids {
            zones: project
                .zones
                .iter()
                .map(|z| unique(format!("z{}", z.id)))
                .collect(),
            systems: project
                .systems
                .iter()
                .map(|s| unique(format!("s{}", s.id)))
                .collect(),
            connections: project
                .connections
                .iter()
                .map(|c| unique(format!("c{}", c.id)))
                .collect(),
        }
    }
}

/// The zones with members (behind everything), then every system in the project's order
/// (an import gives them back in it), each in its zone's container.
fn vertices(project: &Project, ids: &Ids) -> String {
    let mut out = String::with_capacity(900 * project.systems.len());
    // Each system's container: its cell id and corner.
    let mut parent: Vec<(&str, (f32, f32))> = vec![("1", (0.0, 0.0)); project.systems.len()];
    for group in super::groups(project) {
        let Some(zone) = group.zone else { continue };
        let Some(place) = project.zones.iter().position(|z| std::ptr::eq(z, zone)) else {
            continue;
        };
        let members = group.members.iter().map(|&i| project.systems[i].rect());
        let area = zone_rect(members.fold(Rect::NOTHING, Rect::union));
        zone_cell(&mut out, zone, &ids.zones[place], area);
        for &i in &group.members {
            parent[i] = (&ids.zones[place], (area.min.x, area.min.y));
        }
    }
    // A handful of styles, made once each.
    let mut styles: HashMap<(u8, u8, u8), String> = HashMap::new();
    for (i, s) in project.systems.iter().enumerate() {
        let border = crate::picture::style::sensitivity(s.sensitivity.as_ref());
        let style = styles
            .entry(border.rgb)
            .or_insert_with(|| look::system_with(border));
        system(
            &mut out,
            s,
            &ids.systems[i],
            parent[i].0,
            parent[i].1,
            style,
        );
    }
    out
}

/// A zone as a container; the canvas draws it round its members, so that is its box.
fn zone_cell(out: &mut String, zone: &Zone, id: &str, area: Rect) {
    out.push_str("        <object");
    attribute(out, "id", id);
    out.push_str(" label=\"%name%\" placeholders=\"1\"");
    attribute(out, "name", &zone.name);
    attribute(out, "kind", zone.kind.as_ref().map_or("", |k| k.label()));
    attribute(out, "notes", &zone.notes);
    out.push_str(">\n          <mxCell");
    attribute(out, "style", &look::zone(zone));
    out.push_str(" vertex=\"1\" parent=\"1\">\n            ");
    geometry(out, area.min.x, area.min.y, area.width(), area.height());
    out.push_str("\n          </mxCell>\n        </object>\n");
}

/// A system's box, at its place relative to `origin` (its container's corner).
fn system(out: &mut String, s: &System, id: &str, parent: &str, origin: (f32, f32), style: &str) {
    let fields: [(&str, Cow<str>); 12] = [
        ("name", s.name.as_str().into()),
        ("purpose", s.purpose.as_str().into()),
        ("technology", s.technology.as_str().into()),
        ("data_format", label(&s.data_format)),
        ("communication", label(&s.communication)),
        (
            "sla",
            s.availability
                .percent
                .map_or("".into(), |p| p.to_string().into()),
        ),
        ("sla_note", s.availability.note.as_str().into()),
        ("sensitivity", label(&s.sensitivity)),
        ("owner", s.owner_team.as_str().into()),
        // draw.io's own `tags` are split at spaces; ours may hold them.
        ("Tags", s.tags.join(", ").into()),
        ("notes", s.notes.as_str().into()),
        ("pinned", if s.pinned { "yes" } else { "no" }.into()),
    ];
    out.push_str("        <object");
    attribute(out, "id", id);
    out.push_str(" label=\"%name%\" placeholders=\"1\"");
    for (name, value) in &fields {
        attribute(out, name, value);
    }
    out.push_str(">\n          <mxCell");
    attribute(out, "style", style);
    out.push_str(" vertex=\"1\"");
    attribute(out, "parent", parent);
    out.push_str(">\n            ");
    let rect = s.rect();
    geometry(
        out,
        rect.min.x - origin.0,
        rect.min.y - origin.1,
        rect.width(),
        rect.height(),
    );
    out.push_str("\n          </mxCell>\n        </object>\n");
}

/// Every connection whose ends exist, on the top layer, so its bends are page coordinates.
fn edges(project: &Project, ids: &Ids) -> String {
    // The first system with an id, as `Project::system` finds it.
    let mut index = HashMap::new();
    for (i, s) in project.systems.iter().enumerate() {
        index.entry(s.id).or_insert(i);
    }
    let styles: Vec<String> = (0..4).map(look::line).collect();
    let mut out = String::with_capacity(900 * project.connections.len());
    for (i, c) in project.connections.iter().enumerate() {
        // A dangling end cannot be drawn: draw.io needs a cell at each end.
        let (Some(&from), Some(&to)) = (index.get(&c.from), index.get(&c.to)) else {
            continue;
        };
        let ends = (ids.systems[from].as_str(), ids.systems[to].as_str());
        let style = &styles[look::line_kind(c)];
        edge(&mut out, c, &ids.connections[i], ends, style);
    }
    out
}

fn edge(out: &mut String, c: &Connection, id: &str, (from, to): (&str, &str), style: &str) {
    let fields: [(&str, Cow<str>); 13] = [
        ("data", c.data.as_str().into()),
        ("protocol", label(&c.protocol)),
        // Not `style`: that is the cell's drawing style in draw.io.
        ("interaction", label(&c.style)),
        ("data_format", label(&c.data_format)),
        ("direction", c.direction.label().into()),
        ("frequency", c.frequency.as_str().into()),
        ("volume", c.volume.as_str().into()),
        (
            "latency_ms",
            c.latency_target_ms
                .map_or("".into(), |ms| ms.to_string().into()),
        ),
        ("authentication", label(&c.authentication)),
        ("encrypted", if c.encrypted { "yes" } else { "no" }.into()),
        ("resilience", resilience_lines(&c.resilience).into()),
        ("transformation", c.transformation.as_str().into()),
        ("notes", c.notes.as_str().into()),
    ];
    out.push_str("        <object");
    attribute(out, "id", id);
    out.push_str(" label=\"%data%\" placeholders=\"1\"");
    for (name, value) in &fields {
        attribute(out, name, value);
    }
    out.push_str(">\n          <mxCell");
    attribute(out, "style", style);
    out.push_str(" edge=\"1\" parent=\"1\"");
    attribute(out, "source", from);
    attribute(out, "target", to);
    out.push_str(">\n            <mxGeometry relative=\"1\" as=\"geometry\"");
    if c.waypoints.is_empty() {
        out.push_str("/>\n");
    } else {
        out.push_str(">\n              <Array as=\"points\">\n");
        for point in &c.waypoints {
            out.push_str(&format!(
                "                <mxPoint x=\"{}\" y=\"{}\"/>\n",
                number(point.x),
                number(point.y)
            ));
        }
        out.push_str("              </Array>\n            </mxGeometry>\n");
    }
    out.push_str("          </mxCell>\n        </object>\n");
}

/// A choice's label, blank when it is not set.
fn label<T: crate::model::Labelled>(value: &Option<T>) -> Cow<'_, str> {
    value.as_ref().map_or("", |v| v.label()).into()
}

#[cfg(test)]
mod tests;
