//! A D2 diagram: zones as containers tinted like the canvas's zones, systems inside them
//! with their sensitivity's colour as the border (a cylinder for a database, a queue for
//! a message queue), asynchronous flows dashed, flows both ways with two heads. Keys are
//! ids of our own (`z3`, `s7`; a flow names its ends by path, `z3.s7 -> s2`), so no name
//! can be read as a keyword, a path or an edge; every user string is a double-quoted
//! label, where D2 reads `\`, `"` and `$` (a substitution, `${x}`) and nothing else.

use std::fmt::Write as _;

use crate::item_text::{connection_label, is_dashed};
use crate::model::{Communication, Direction, Project, System, Zone};
use crate::picture::style::{self, Colour};

use super::text::{Marks, Piece, marks, wrap, write};

/// The landscape as D2, laid out left to right.
pub fn to_d2(project: &Project) -> String {
    let mut out = String::from("direction: right\n");
    if !crate::model::is_blank(&project.name) {
        // A text shape near the top is D2's way to give a diagram a title.
        out.push_str("title: ");
        push_label(&mut out, &project.name, 80, 3);
        let _ = writeln!(
            out,
            " {{\n  shape: text\n  near: top-center\n  style: {{font-size: {}; bold: true; \
             font-color: \"{}\"}}\n}}",
            style::TITLE_FONT,
            style::TITLE.hex()
        );
    }
    let paths = paths(project);
    // The boxes and the lines are written on two cores.
    let (nodes, edges) = rayon::join(|| nodes(project), || edges(project, &paths));
    out.push_str(&nodes);
    out.push_str(&edges);
    out
}

/// For each system (by its place in `Project::systems`), the prefix of its key's path:
/// its zone's container (`"z3."`), or `""` at the top level.
fn paths(project: &Project) -> Vec<String> {
    let mut paths = vec![String::new(); project.systems.len()];
    for group in super::groups(project) {
        if let Some(zone) = group.zone {
            for &i in &group.members {
                paths[i] = format!("z{}.", zone.id);
            }
        }
    }
    paths
}

/// Every system, in its zone's container or at the top level.
fn nodes(project: &Project) -> String {
    let mut out = String::with_capacity(300 * project.systems.len());
    for group in super::groups(project) {
        match group.zone {
            Some(zone) => container(&mut out, zone, &group.members, project),
            None => {
                for &i in &group.members {
                    node(&mut out, &project.systems[i], "");
                }
            }
        }
    }
    out
}

/// `z3: "Cloud" { style: {...}  s7: ... }`.
fn container(out: &mut String, zone: &Zone, members: &[usize], project: &Project) {
    let kind = zone.kind.as_ref();
    let _ = write!(out, "z{}: ", zone.id);
    push_label(out, super::zone_title(Some(zone)), 60, 2);
    let _ = writeln!(
        out,
        " {{\n  style: {{fill: \"{fill}\"; stroke: \"{stroke}\"; font-color: \"{name}\"; \
         font-size: {size}; border-radius: {radius}}}",
        fill = opaque(style::zone_fill(kind)).hex(),
        stroke = opaque(style::zone_stroke(kind)).hex(),
        name = style::zone_name(kind).hex(),
        size = style::ZONE_FONT,
        radius = style::ZONE_RADIUS,
    );
    for &i in members {
        node(out, &project.systems[i], "  ");
    }
    out.push_str("}\n");
}

/// `s7: "Name\nTechnology" { shape: cylinder; style: {...} }`: the name and technology,
/// the border in the sensitivity's colour.
fn node(out: &mut String, system: &System, indent: &str) {
    let _ = write!(out, "{indent}s{}: \"", system.id);
    push_lines(out, super::system_title(system), 28, 3);
    if !crate::model::is_blank(&system.technology) {
        out.push_str("\\n");
        push_lines(out, &system.technology, 36, 2);
    }
    out.push_str("\" {\n");
    let shape = match system.communication {
        Some(Communication::Database) => Some("cylinder"),
        Some(Communication::MessageQueue) => Some("queue"),
        _ => None,
    };
    if let Some(shape) = shape {
        let _ = writeln!(out, "{indent}  shape: {shape}");
    }
    let _ = write!(
        out,
        "{indent}  style: {{fill: \"{fill}\"; stroke: \"{stroke}\"; stroke-width: 2; \
         font-color: \"{text}\"",
        fill = style::BOX_FILL.hex(),
        stroke = style::sensitivity(system.sensitivity.as_ref()).hex(),
        text = style::TITLE.hex(),
    );
    if shape.is_none() {
        let _ = write!(out, "; border-radius: {}", style::BOX_RADIUS);
    }
    let _ = writeln!(out, "}}\n{indent}}}");
}

/// Every flow whose ends exist, by path from the top: `z3.s7 -> s2: "REST · data"`.
fn edges(project: &Project, paths: &[String]) -> String {
    let mut out = String::with_capacity(100 * project.connections.len());
    for (connection, from, to) in super::drawable(project) {
        let arrow = if connection.direction == Direction::BothWays {
            "<->"
        } else {
            "->"
        };
        let _ = write!(
            out,
            "{}s{} {arrow} {}s{}",
            paths[from], connection.from, paths[to], connection.to
        );
        let label = connection_label(connection);
        if !label.is_empty() {
            out.push_str(": ");
            push_label(&mut out, &label, 32, 2);
        }
        let _ = write!(
            out,
            " {{style: {{stroke: \"{line}\"; font-color: \"{text}\"",
            line = style::CONNECTION.hex(),
            text = style::TEXT.hex(),
        );
        if is_dashed(connection) {
            out.push_str("; stroke-dash: 3");
        }
        out.push_str("}}\n");
    }
    out
}

/// A colour with its opacity as drawn over D2's white page: D2 reads `#rrggbb`.
fn opaque(colour: Colour) -> Colour {
    Colour::gray(255).mix(colour.with_opacity(1.0), colour.opacity.clamp(0.0, 1.0))
}

/// What D2 reads inside a double-quoted string: `\` escapes, `"` ends it, `$` starts a
/// substitution (`${x}`; a `$` without `{` is an error).
const D2_MARKS: Marks = marks(b"\\\"$");

/// User text as a double-quoted D2 string, wrapped to a label's width.
fn push_label(out: &mut String, text: &str, width: usize, max_lines: usize) {
    out.push('"');
    push_lines(out, text, width, max_lines);
    out.push('"');
}

/// Text wrapped to `width` (a picture shows the start of a long text, as the canvas
/// does), its lines joined with `\n`, escaped for a double-quoted string.
fn push_lines(out: &mut String, text: &str, width: usize, max_lines: usize) {
    let text = text.trim();
    if text.len() <= width && !text.contains(['\n', '\r']) {
        return push_escaped(out, text);
    }
    for (i, line) in wrap(text, width, max_lines).iter().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        push_escaped(out, line);
    }
}

/// `\` as `\\`, `"` as `\"`, `$` as `\$`, a line break as `\n`.
fn push_escaped(out: &mut String, text: &str) {
    write(out, text, &D2_MARKS, |out, piece| match piece {
        Piece::Break => out.push_str("\\n"),
        Piece::Char(c) => {
            if matches!(c, '\\' | '"' | '$') {
                out.push('\\');
            }
            out.push(c);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Connection, ConnectionId, InteractionStyle, SystemId, ZoneId, ZoneKind};

    #[test]
    fn labels_escape_backslashes_quotes_and_substitutions() {
        let mut out = String::new();
        push_escaped(&mut out, "a\\\"b ${x} $ # | @i ...@j\nz");
        assert_eq!(out, "a\\\\\\\"b \\${x} \\$ # | @i ...@j\\nz");
    }

    #[test]
    fn flows_name_their_ends_by_path_and_async_ones_are_dashed() {
        let mut project = Project::new("P");
        let mut a = System::new(SystemId(1), "A");
        a.zone = Some(ZoneId(9));
        a.communication = Some(Communication::Database);
        project.systems.push(a);
        project.systems.push(System::new(SystemId(2), "B"));
        project.zones.push(Zone {
            id: ZoneId(9),
            name: "Cloud".into(),
            kind: Some(ZoneKind::Cloud),
            notes: String::new(),
        });
        let mut flow = Connection::new(ConnectionId(3), SystemId(1), SystemId(2));
        flow.style = Some(InteractionStyle::AsyncMessage);
        flow.direction = Direction::BothWays;
        flow.data = "orders".into();
        project.connections.push(flow);
        project
            .connections
            .push(Connection::new(ConnectionId(4), SystemId(2), SystemId(7)));
        let d2 = to_d2(&project);
        assert!(d2.contains("z9: \"Cloud\" {\n"), "{d2}");
        assert!(d2.contains("  s1: \"A\" {\n    shape: cylinder\n"), "{d2}");
        assert!(d2.contains("z9.s1 <-> s2: \"orders\" {style: {"), "{d2}");
        assert!(d2.contains("; stroke-dash: 3}}\n"), "{d2}");
        assert!(!d2.contains("s7"), "a flow to a missing system is left out");
    }

    #[test]
    fn zone_tints_are_made_opaque_over_white() {
        assert_eq!(
            opaque(Colour::rgb(0, 0, 0).with_opacity(0.5)).hex(),
            "#808080"
        );
    }
}
