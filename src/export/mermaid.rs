//! A Mermaid `flowchart LR`: zones as subgraphs, systems as nodes with ids of our own
//! (`s12`), sensitivity as classes, asynchronous flows dashed, each edge labelled with its
//! protocol and data. Mermaid refuses to render a diagram over 500 edges or 50,000
//! characters (its `maxEdges` and `maxTextSize`); a bigger landscape is split by zone
//! (`split.rs`), or refused with the numbers when splitting is turned off.

mod architecture;
mod split;

pub use architecture::to_architecture;

use crate::item_text::connection_label;
use crate::model::{Connection, Direction, Project, Sensitivity, System, Zone};
use crate::picture::style;

use super::text::{Marks, Piece, marks, shorten, write};

/// What Mermaid renders at most; the defaults are Mermaid 11's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// `maxEdges`: a flowchart with more edges fails to render.
    pub max_edges: usize,
    /// `maxTextSize`, in UTF-16 code units as JavaScript counts: a longer text renders as
    /// "Maximum text size in diagram exceeded".
    pub max_text: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_edges: 500,
            max_text: 50_000,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MermaidOptions {
    /// Refuse a landscape over the limits instead of splitting it.
    pub no_split: bool,
    pub limits: Limits,
}

/// One Mermaid diagram and what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub title: String,
    pub text: String,
}

/// The landscape as one diagram, or split by zone into several.
#[derive(Clone, Debug, PartialEq)]
pub struct Mermaid {
    pub diagrams: Vec<Diagram>,
    /// The whole landscape's size, when that was over the limits and so split.
    pub split_from: Option<Size>,
}

/// How big a diagram is, in the units of [`Limits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub edges: usize,
    pub chars: usize,
}

/// A landscape over Mermaid's limits, with splitting turned off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "as one Mermaid diagram the landscape has {} edges and {} characters, over Mermaid's \
     limits of {} edges (maxEdges) and {} characters (maxTextSize), so it would not render",
    size.edges, size.chars, limits.max_edges, limits.max_text
)]
pub struct TooBig {
    pub size: Size,
    pub limits: Limits,
}

impl Mermaid {
    /// One diagram: its text, ready for a `.mmd` file. Several: Markdown with a heading
    /// and a `mermaid` block for each, as a README or wiki page shows them.
    pub fn to_text(&self) -> String {
        match self.diagrams.as_slice() {
            [one] => one.text.clone(),
            _ => super::markdown::diagrams(self, 1),
        }
    }
}

/// The landscape as Mermaid, split by zone when it is over `options.limits`.
pub fn to_mermaid(project: &Project, options: &MermaidOptions) -> Result<Mermaid, TooBig> {
    let sheet = Sheet::of(project);
    let sections = sheet.sections();
    let size = Size {
        edges: sheet.edges.len(),
        chars: length(&sections, &sheet.nodes, sheet.edges.iter()),
    };
    let limits = options.limits;
    if size.edges <= limits.max_edges && size.chars <= limits.max_text {
        let title = project.name.clone();
        let text = render(&sections, &sheet.nodes, sheet.edges.iter());
        let diagrams = vec![Diagram { title, text }];
        return Ok(Mermaid {
            diagrams,
            split_from: None,
        });
    }
    if options.no_split {
        return Err(TooBig { size, limits });
    }
    Ok(Mermaid {
        diagrams: split::split(project, &sheet, limits),
        split_from: Some(size),
    })
}

/// A node's line(s) and what its class line needs.
struct Node {
    id: String,
    text: String,
    class: Option<usize>,
    /// Its share of a diagram's length: its lines, and its id in its class line.
    cost: usize,
}

impl Node {
    fn new(id: String, text: String, class: Option<usize>) -> Node {
        let cost = utf16_len(&text) + class.map_or(0, |_| id.len() + 1);
        Node {
            id,
            text,
            class,
            cost,
        }
    }
}

/// An edge between two nodes of the same table.
struct Edge {
    from: usize,
    to: usize,
    text: String,
    stroke: Stroke,
    cost: usize,
}

impl Edge {
    fn new(from: usize, to: usize, text: String, stroke: Stroke) -> Edge {
        Edge {
            from,
            to,
            cost: utf16_len(&text),
            text,
            stroke,
        }
    }
}

/// A subgraph (or, with empty `open` and `close`, the top level) and its nodes.
struct Section<'a> {
    open: String,
    close: String,
    nodes: &'a [usize],
}

/// Every system's node and every drawable connection's edge, written once: the whole
/// diagram and the parts of a split are put together from them.
struct Sheet<'a> {
    /// In the project's system order.
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    groups: Vec<super::Group<'a>>,
}

/// The classes systems get, by sensitivity: name and stroke colour.
const CLASSES: [&str; 5] = [
    "public",
    "internal",
    "confidential",
    "restricted",
    "unclassified",
];

fn class_of(sensitivity: Option<&Sensitivity>) -> usize {
    match sensitivity {
        Some(Sensitivity::Public) => 0,
        Some(Sensitivity::Internal) => 1,
        Some(Sensitivity::Confidential) => 2,
        Some(Sensitivity::Restricted) => 3,
        Some(Sensitivity::Other(_)) | None => 4,
    }
}

/// The first line of every diagram: the direction and the class definitions, in the
/// canvas's colours (a white box, its border the sensitivity's colour).
fn header() -> String {
    let mut text = String::from("flowchart LR\n");
    let samples = [
        Some(Sensitivity::Public),
        Some(Sensitivity::Internal),
        Some(Sensitivity::Confidential),
        Some(Sensitivity::Restricted),
        None,
    ];
    for (name, sensitivity) in CLASSES.iter().zip(samples) {
        let stroke = style::sensitivity(sensitivity.as_ref()).hex();
        text.push_str(&format!(
            "  classDef {name} fill:#ffffff,stroke:{stroke},stroke-width:2px,color:#000000\n"
        ));
    }
    text
}

impl<'a> Sheet<'a> {
    fn of(project: &'a Project) -> Sheet<'a> {
        // The nodes and the edges are written on two cores.
        let (nodes, edges) = rayon::join(
            || project.systems.iter().map(system_node).collect(),
            || edges_of(project),
        );
        let groups = super::groups(project);
        Sheet {
            nodes,
            edges,
            groups,
        }
    }

    /// The whole landscape's sections: a subgraph per zone, then the systems in none.
    fn sections(&self) -> Vec<Section<'_>> {
        self.groups
            .iter()
            .map(|g| section(g.zone, &g.members))
            .collect()
    }
}

/// A zone's subgraph, tinted like the canvas's zone; the systems in no zone stand at the
/// top level.
fn section<'n>(zone: Option<&Zone>, nodes: &'n [usize]) -> Section<'n> {
    let Some(zone) = zone else {
        return Section {
            open: String::new(),
            close: String::new(),
            nodes,
        };
    };
    let id = format!("z{}", zone.id);
    let mut open = format!("  subgraph {id}[\"");
    push_label(&mut open, &shorten(super::zone_title(Some(zone)), 80));
    open.push_str("\"]\n");
    let kind = zone.kind.as_ref();
    let close = format!(
        "  end\n  style {id} fill:{},stroke:{},color:{}\n",
        super::rgba(style::zone_fill(kind)),
        super::rgba(style::zone_stroke(kind)),
        style::zone_name(kind).hex()
    );
    Section { open, close, nodes }
}

/// Every drawable connection's edge.
fn edges_of(project: &Project) -> Vec<Edge> {
    super::drawable(project)
        .into_iter()
        .map(|(connection, from, to)| {
            let stroke = style_of(connection);
            let text = edge_line(
                &format!("s{}", connection.from),
                &format!("s{}", connection.to),
                &connection_label(connection),
                stroke,
            );
            Edge::new(from, to, text, stroke)
        })
        .collect()
}

/// How an edge is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stroke {
    dashed: bool,
    both_ways: bool,
}

fn style_of(connection: &Connection) -> Stroke {
    Stroke {
        dashed: crate::item_text::is_dashed(connection),
        both_ways: connection.direction == Direction::BothWays,
    }
}

fn system_node(system: &System) -> Node {
    let id = format!("s{}", system.id);
    let mut text = String::with_capacity(160);
    text.push_str("    ");
    text.push_str(&id);
    text.push_str("[\"");
    push_label(&mut text, &shorten(super::system_title(system), 80));
    if !crate::model::is_blank(&system.technology) {
        text.push_str("<br>");
        push_label(&mut text, &shorten(&system.technology, 60));
    }
    text.push_str("\"]\n");
    Node::new(id, text, Some(class_of(system.sensitivity.as_ref())))
}

/// `  s1 -->|"REST · orders"| s2`, dashed (`-.->`) and two-headed (`<-->`) as needed.
fn edge_line(from: &str, to: &str, label: &str, stroke: Stroke) -> String {
    let arrow = match (stroke.dashed, stroke.both_ways) {
        (false, false) => "-->",
        (true, false) => "-.->",
        (false, true) => "<-->",
        (true, true) => "<-.->",
    };
    let label = shorten(label, 80);
    let mut text = String::with_capacity(32 + label.len());
    for piece in ["  ", from, " ", arrow] {
        text.push_str(piece);
    }
    if !label.is_empty() {
        text.push_str("|\"");
        push_label(&mut text, &label);
        text.push_str("\"|");
    }
    for piece in [" ", to, "\n"] {
        text.push_str(piece);
    }
    text
}

/// Writes user text for inside a quoted Mermaid label: letters, digits, spaces and a
/// few harmless marks as they are, every other ASCII character as Mermaid's entity code
/// (`#35;` for `#`), so no quote, bracket, pipe, `%%`, `;`, `:` or `<` can end the label
/// or turn into markup; other characters (emoji, any script) as they are; line breaks
/// as `<br>`.
fn push_label(out: &mut String, text: &str) {
    // ASCII punctuation but ` .,-_/()+*='!?@$~^`.
    const MARKS: Marks = marks(b"\"#%&:;<>[\\]`{|}");
    write(out, text, &MARKS, |out, piece| match piece {
        Piece::Break => out.push_str("<br>"),
        Piece::Char(c) if c.is_ascii() => {
            let _ = std::fmt::Write::write_fmt(out, format_args!("#{};", u32::from(c)));
        }
        Piece::Char(c) => out.push(c),
    });
}

/// Puts a diagram together: the header, each section's nodes (in a subgraph when it
/// has one), the edges, then one `class` line per class used.
fn render<'e>(
    sections: &[Section],
    nodes: &[Node],
    edges: impl Iterator<Item = &'e Edge>,
) -> String {
    let mut text = header();
    let mut classes: [Vec<&str>; CLASSES.len()] = Default::default();
    for section in sections {
        text.push_str(&section.open);
        for &n in section.nodes {
            let node = &nodes[n];
            text.push_str(&node.text);
            if let Some(class) = node.class {
                classes[class].push(&node.id);
            }
        }
        text.push_str(&section.close);
    }
    for edge in edges {
        text.push_str(&edge.text);
    }
    for (name, ids) in CLASSES.iter().zip(&classes) {
        if !ids.is_empty() {
            text.push_str(&format!("  class {} {name}\n", ids.join(",")));
        }
    }
    text
}

/// The length `render` would give, without writing the text: a landscape far over the
/// limits is measured, not written.
fn length<'e>(
    sections: &[Section],
    nodes: &[Node],
    edges: impl Iterator<Item = &'e Edge>,
) -> usize {
    let mut used = [false; CLASSES.len()];
    let mut total = utf16_len(&header());
    for section in sections {
        total += utf16_len(&section.open) + utf16_len(&section.close);
        for &n in section.nodes {
            total += nodes[n].cost;
            if let Some(class) = nodes[n].class {
                used[class] = true;
            }
        }
    }
    total += edges.map(|e| e.cost).sum::<usize>();
    // Each class line's own words, `  class ` and ` NAME\n`, less the one comma its ids
    // (counted in the nodes' costs, each with a comma) do not have.
    let lines = CLASSES.iter().zip(used).filter(|(_, used)| *used);
    total + lines.map(|(name, _)| 9 + name.len()).sum::<usize>()
}

/// The length JavaScript gives a string, which is what `maxTextSize` is compared with.
fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests;
