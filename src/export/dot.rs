//! A Graphviz DOT `digraph`: zones as `cluster_` subgraphs tinted like the canvas's
//! zones, systems as rounded boxes with their sensitivity's colour as the border,
//! asynchronous flows dashed, flows both ways with two heads. Every user string goes into
//! an HTML-like label (`label=<…>`), where only XML's five characters need escaping:
//! a quoted DOT string would read `\` before `"` as an escaped quote, and `\n`, `\N` or
//! `&amp;` as label escapes.

use std::fmt::Write as _;

use crate::item_text::{connection_label, is_dashed, sla};
use crate::model::{Direction, Project, System, Zone};
use crate::picture::style;

use super::text::{Piece, XML_MARKS, push_xml_char, wrap, write};

/// The landscape as DOT, laid out left to right.
pub fn to_dot(project: &Project) -> String {
    let mut out = String::from("digraph landscape {\n");
    out.push_str(&format!(
        "  graph [rankdir=LR, fontname=\"{font}\", fontsize={title}, labelloc=t, \
         bgcolor=\"{background}\", nodesep=0.4, ranksep=0.8]\n  label=<",
        font = style::FONT_FAMILY,
        title = style::TITLE_FONT,
        background = style::BACKGROUND.hex(),
    ));
    push_lines(&mut out, &project.name, 80, 3);
    out.push_str(">\n");
    out.push_str(&format!(
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"{fill}\", \
         color=\"{stroke}\", penwidth=2, fontname=\"{font}\", fontsize={name}, \
         fontcolor=\"{text}\", margin=\"0.15,0.08\"]\n",
        fill = style::BOX_FILL.hex(),
        stroke = style::BOX_STROKE.hex(),
        font = style::FONT_FAMILY,
        name = style::NAME_FONT,
        text = style::TITLE.hex(),
    ));
    out.push_str(&format!(
        "  edge [color=\"{line}\", fontname=\"{font}\", fontsize={label}, \
         fontcolor=\"{text}\", penwidth={width}, arrowsize=0.8]\n",
        line = style::CONNECTION.hex(),
        font = style::FONT_FAMILY,
        label = style::LABEL_FONT,
        text = style::TEXT.hex(),
        width = style::LINE_WIDTH,
    ));
    // The boxes and the lines are written on two cores.
    let (nodes, edges) = rayon::join(|| nodes(project), || edges(project));
    out.push_str(&nodes);
    out.push_str(&edges);
    out.push_str("}\n");
    out
}

/// Every system, in its zone's cluster or at the top level.
fn nodes(project: &Project) -> String {
    let mut out = String::with_capacity(400 * project.systems.len());
    for group in super::groups(project) {
        match group.zone {
            Some(zone) => cluster(&mut out, zone, &group.members, project),
            None => {
                for &i in &group.members {
                    node(&mut out, &project.systems[i], "  ");
                }
            }
        }
    }
    out
}

/// Every flow whose ends exist: `s1 -> s2 [label=<…>, style=dashed, dir=both]`.
fn edges(project: &Project) -> String {
    let mut out = String::with_capacity(100 * project.connections.len());
    for (connection, _, _) in super::drawable(project) {
        let _ = write!(out, "  s{} -> s{} [", connection.from, connection.to);
        let label = connection_label(connection);
        let mut separator = "";
        if !label.is_empty() {
            out.push_str("label=<");
            push_lines(&mut out, &label, 32, 2);
            out.push('>');
            separator = ", ";
        }
        if is_dashed(connection) {
            out.push_str(separator);
            out.push_str("style=dashed");
            separator = ", ";
        }
        if connection.direction == Direction::BothWays {
            out.push_str(separator);
            out.push_str("dir=both");
        }
        out.push_str("]\n");
    }
    out
}

fn cluster(out: &mut String, zone: &Zone, members: &[usize], project: &Project) {
    let kind = zone.kind.as_ref();
    out.push_str(&format!(
        "  subgraph cluster_z{id} {{\n    graph [style=\"rounded,filled\", \
         fillcolor=\"{fill}\", color=\"{stroke}\", fontcolor=\"{name}\", fontsize={size}, \
         labeljust=l, penwidth=1.5]\n    label=<",
        id = zone.id,
        fill = super::rgba(style::zone_fill(kind)),
        stroke = super::rgba(style::zone_stroke(kind)),
        name = style::zone_name(kind).hex(),
        size = style::ZONE_FONT,
    ));
    push_html(out, super::zone_title(Some(zone)));
    out.push_str(">\n");
    for &i in members {
        node(out, &project.systems[i], "    ");
    }
    out.push_str("  }\n");
}

/// `s12 [label=<<b>Name</b><br/>technology<br/>SLA 99.95% · Confidential>, color=…]`:
/// what the canvas writes on a box, the border in the sensitivity's colour.
fn node(out: &mut String, system: &System, indent: &str) {
    let _ = write!(out, "{indent}s{} [label=<<b>", system.id);
    push_lines(out, super::system_title(system), 28, 3);
    out.push_str("</b>");
    // `style::SMALL_FONT` in `style::TEXT`, as the canvas writes a box's second lines.
    let small = "<br/><font point-size=\"11.5\" color=\"#505050\">";
    if !crate::model::is_blank(&system.technology) {
        out.push_str(small);
        push_lines(out, &system.technology, 36, 2);
        out.push_str("</font>");
    }
    out.push_str(small);
    push_html(out, &sla(system));
    if let Some(badge) = crate::item_text::sensitivity_badge(system.sensitivity.as_ref()) {
        out.push_str(" · ");
        push_html(out, badge);
    }
    out.push_str("</font>");
    let colour = style::sensitivity(system.sensitivity.as_ref()).hex();
    let _ = writeln!(out, ">, color=\"{colour}\"]");
}

/// Text wrapped to a label's width (a picture of a landscape, like the canvas, shows the
/// start of a long text), its lines joined with `<br/>`.
fn push_lines(out: &mut String, text: &str, width: usize, max_lines: usize) {
    let text = text.trim();
    if text.len() <= width && !text.contains(['\n', '\r']) {
        return push_html(out, text);
    }
    for (i, line) in wrap(text, width, max_lines).iter().enumerate() {
        if i > 0 {
            out.push_str("<br/>");
        }
        push_html(out, line);
    }
}

/// User text inside an HTML-like label: XML-escaped, line breaks as `<br/>`.
fn push_html(out: &mut String, text: &str) {
    write(out, text, &XML_MARKS, |out, piece| match piece {
        Piece::Break => out.push_str("<br/>"),
        Piece::Char(c) => push_xml_char(out, c),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Connection, ConnectionId, InteractionStyle, SystemId, ZoneId};

    #[test]
    fn the_small_lines_are_in_the_canvas_s_font_and_colour() {
        let expected = format!(
            "<br/><font point-size=\"{}\" color=\"{}\">",
            style::SMALL_FONT,
            style::TEXT.hex()
        );
        let mut project = Project::new("p");
        project.systems.push(System::new(SystemId(1), "A"));
        assert!(to_dot(&project).contains(&expected));
    }

    #[test]
    fn names_are_xml_escaped_in_html_labels() {
        let mut project = Project::new("a\\\" -> b");
        let mut system = System::new(SystemId(1), "<b>&amp;\"q\"</b>\nline two");
        system.zone = Some(ZoneId(9));
        project.systems.push(system);
        project.systems.push(System::new(SystemId(2), "B"));
        project.zones.push(Zone {
            id: ZoneId(9),
            name: "}; digraph {".into(),
            kind: None,
            notes: String::new(),
        });
        let mut flow = Connection::new(ConnectionId(3), SystemId(1), SystemId(2));
        flow.style = Some(InteractionStyle::AsyncMessage);
        flow.direction = Direction::BothWays;
        project.connections.push(flow);
        let dot = to_dot(&project);
        assert!(dot.contains("label=<a\\&quot; -&gt; b>"), "{dot}");
        assert!(dot.contains("<b>&lt;b&gt;&amp;amp;&quot;q&quot;&lt;/b&gt;<br/>line two</b>"));
        assert!(dot.contains("subgraph cluster_z9 {"));
        assert!(dot.contains("label=<}; digraph {>"));
        assert!(dot.contains("s1 -> s2 [style=dashed, dir=both]"));
    }
}
