//! From a parsed DOT graph to drafts: which attributes are landscape data (labels,
//! positions, and custom attributes such as `owner`), and which only style the drawing.

use std::collections::{BTreeSet, HashSet};

use super::super::builder::{Builder, ConnectionDraft, SystemDraft};
use super::super::report::LineKind;
use super::super::source::Source;
use super::{Attributes, Graph};
use crate::model::{Point, Size};

/// Attributes that only say how something is drawn.
const STYLING: &[&str] = &[
    "arrowhead",
    "arrowsize",
    "arrowtail",
    "center",
    "class",
    "color",
    "colorscheme",
    "compound",
    "concentrate",
    "constraint",
    "decorate",
    "dir",
    "distortion",
    "dpi",
    "fillcolor",
    "fixedsize",
    "fontcolor",
    "fontname",
    "fontnames",
    "fontpath",
    "fontsize",
    "forcelabels",
    "gradientangle",
    "group",
    "headclip",
    "headport",
    "height",
    "id",
    "image",
    "imagepos",
    "imagescale",
    "labelangle",
    "labeldistance",
    "labelfloat",
    "labelfontcolor",
    "labelfontname",
    "labelfontsize",
    "labeljust",
    "labelloc",
    "layout",
    "lhead",
    "lp",
    "ltail",
    "margin",
    "minlen",
    "mode",
    "model",
    "nodesep",
    "nojustify",
    "ordering",
    "orientation",
    "outputorder",
    "overlap",
    "pad",
    "page",
    "pencolor",
    "penwidth",
    "peripheries",
    "pin",
    "pos",
    "rank",
    "rankdir",
    "ranksep",
    "ratio",
    "regular",
    "rotate",
    "samehead",
    "sametail",
    "sep",
    "shape",
    "shapefile",
    "sides",
    "size",
    "skew",
    "sortv",
    "splines",
    "style",
    "tailclip",
    "tailport",
    "weight",
    "width",
    "xlp",
    "bb",
    "newrank",
    "clusterrank",
    "fontsize",
    "searchsize",
    "showboxes",
    "stylesheet",
    "truecolor",
    "bgcolor",
    "charset",
    "label_scheme",
];

/// Attributes that name or describe, not style.
const LABELS: &[&str] = &[
    "label",
    "xlabel",
    "headlabel",
    "taillabel",
    "tooltip",
    "comment",
    "url",
    "href",
];

fn get<'a>(attributes: &'a Attributes, key: &str) -> Option<&'a str> {
    attributes
        .iter()
        .rev()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.as_str())
}

pub(super) fn into_drafts(graph: Graph, source: &Source, builder: &mut Builder) {
    let graph_name = get(&graph.attributes, "name").unwrap_or("").to_owned();
    let title = get(&graph.attributes, "label").map(|l| text_of(l, "", &graph_name));
    builder.set_name(title.as_deref().unwrap_or(&graph_name));
    let mut styling: BTreeSet<String> = BTreeSet::new();
    for (i, cluster) in graph.clusters.iter().enumerate() {
        let name = match get(&cluster.attributes, "label") {
            Some(label) => text_of(label, &cluster.key, &graph_name).replace('\n', " "),
            None => cluster
                .key
                .trim_start_matches("cluster")
                .trim_start_matches(['_', ' '])
                .to_owned(),
        };
        let name = if name.is_empty() {
            cluster.key.clone()
        } else {
            name
        };
        builder.zone(
            &format!("cluster {i}"),
            &name,
            Some(source.place(cluster.offset)),
        );
    }
    for node in &graph.nodes {
        let label = get(&node.attributes, "label").unwrap_or("\\N");
        let shape = get(&node.attributes, "shape").unwrap_or("");
        let text = if shape.eq_ignore_ascii_case("record") || shape.eq_ignore_ascii_case("mrecord")
        {
            record_text(&text_of(label, &node.key, &graph_name))
        } else {
            text_of(label, &node.key, &graph_name)
        };
        let mut lines = text.lines();
        let mut draft = SystemDraft {
            name: lines.next().unwrap_or(&node.key).to_owned(),
            purpose: lines.collect::<Vec<_>>().join("\n"),
            zone: node.cluster.map(|c| format!("cluster {c}")),
            bounds: bounds(&node.attributes),
            ..SystemDraft::default()
        };
        for (key, value) in distinct(&node.attributes) {
            let lower = key.to_lowercase();
            match lower.as_str() {
                "label" | "pos" => {}
                "tooltip" if draft.purpose.is_empty() => draft.purpose = value.clone(),
                _ if STYLING.contains(&lower.as_str()) => {
                    styling.insert(lower);
                }
                _ => draft.properties.push((key.clone(), value.clone())),
            }
        }
        if draft.name.trim().is_empty() {
            draft.name = node.key.clone();
        }
        builder.system(&node.key, draft, Some(source.place(node.offset)));
    }
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for edge in &graph.edges {
        let place = source.place(edge.offset);
        let (mut from, mut to) = (edge.from.clone(), edge.to.clone());
        let dir = get(&edge.attributes, "dir").map(str::to_lowercase);
        if dir.as_deref() == Some("back") {
            std::mem::swap(&mut from, &mut to);
        }
        if graph.strict {
            let key = if graph.directed || from < to {
                (from.clone(), to.clone())
            } else {
                (to.clone(), from.clone())
            };
            if !seen.insert(key) {
                builder.line(
                    LineKind::Note,
                    Some(place),
                    format!("edge {from} → {to} again: a strict graph keeps one"),
                );
                continue;
            }
        }
        let label = ["label", "xlabel", "headlabel", "taillabel"]
            .iter()
            .find_map(|k| get(&edge.attributes, k))
            .map(|l| text_of(l, "", &graph_name).replace('\n', " "))
            .unwrap_or_default();
        let mut draft = ConnectionDraft {
            from,
            to,
            label,
            both_ways: dir.as_deref() == Some("both"),
            ..ConnectionDraft::default()
        };
        if !graph.directed && dir.is_none() {
            draft
                .notes
                .push("undirected in DOT: imported from the first node to the second".to_owned());
        }
        if let Some(style) =
            get(&edge.attributes, "style").filter(|s| s.contains("dash") || s.contains("dot"))
        {
            draft.notes.push(format!("drawn {style} in DOT"));
        }
        for (key, value) in distinct(&edge.attributes) {
            let lower = key.to_lowercase();
            if LABELS.contains(&lower.as_str())
                && lower != "comment"
                && lower != "url"
                && lower != "href"
                && lower != "tooltip"
            {
                continue;
            }
            if STYLING.contains(&lower.as_str()) {
                styling.insert(lower);
            } else {
                draft.properties.push((key.clone(), value.clone()));
            }
        }
        builder.connection(draft, Some(place));
    }
    if !styling.is_empty() {
        let list: Vec<String> = styling.into_iter().collect();
        builder.line(
            LineKind::Note,
            Some(source.place_at(1, 1)),
            format!(
                "drawing attributes not imported (they style, not describe): {}",
                list.join(", ")
            ),
        );
    }
}

/// Each attribute once, the last value winning, in the order first given.
fn distinct(attributes: &Attributes) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (key, value) in attributes {
        match out.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(key)) {
            Some(entry) => entry.1 = value.clone(),
            None => out.push((key.clone(), value.clone())),
        }
    }
    out
}

/// A label's text: `\N` the node's name, `\G` the graph's, `\n` `\l` `\r` line breaks.
fn text_of(label: &str, node: &str, graph: &str) -> String {
    label
        .replace("\\N", node)
        .replace("\\G", graph)
        .replace("\\n", "\n")
        .replace("\\l", "\n")
        .replace("\\r", "\n")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A record label's fields (`{<p1> a | b}`) as lines, ports and braces gone.
fn record_text(label: &str) -> String {
    label
        .split(['|', '{', '}'])
        .map(|field| {
            let field = field.trim();
            match field.strip_prefix('<').and_then(|f| f.split_once('>')) {
                Some((_, rest)) => rest.trim(),
                None => field,
            }
        })
        .filter(|f| !f.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `pos="x,y"` (points, y upwards, the centre) with `width` and `height` (inches).
fn bounds(attributes: &Attributes) -> Option<(Point, Size)> {
    let pos = get(attributes, "pos")?.trim_end_matches('!');
    let (x, y) = pos.split_once(',')?;
    let (x, y): (f32, f32) = (x.trim().parse().ok()?, y.trim().parse().ok()?);
    let inches = |key, default: f32| {
        get(attributes, key)
            .and_then(|v| v.parse::<f32>().ok())
            .filter(|v| v.is_finite() && *v > 0.0)
            .unwrap_or(default)
    };
    let size = Size {
        width: inches("width", 0.75) * 72.0,
        height: inches("height", 0.5) * 72.0,
    };
    (x.is_finite() && y.is_finite()).then(|| {
        (
            Point::new(x - size.width / 2.0, -y - size.height / 2.0),
            size,
        )
    })
}
