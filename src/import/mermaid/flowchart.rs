//! `flowchart` / `graph`: nodes, links and subgraphs.

use std::collections::{BTreeMap, HashMap};

use super::super::ImportError;
use super::super::builder::{Builder, ConnectionDraft, SystemDraft};
use super::super::source::Source;
use super::link::{Link, LinkHead, parse_link};
use super::{Statement, plain_label};

/// Statements that style or script the drawing: no landscape data in them.
const STYLING: &[&str] = &[
    "classDef",
    "class",
    "style",
    "linkStyle",
    "click",
    "accTitle",
    "accDescr",
];

#[derive(Default)]
struct Flow {
    nodes: Vec<Node>,
    node_index: HashMap<String, usize>,
    links: Vec<(String, String, Link, usize)>,
    subgraphs: Vec<Subgraph>,
    open: Vec<usize>,
    /// Styling statements by keyword: how many, and where the first is.
    styling: BTreeMap<&'static str, (usize, usize)>,
}

struct Node {
    key: String,
    label: Option<String>,
    shape: Option<&'static str>,
    offset: usize,
    subgraph: Option<usize>,
}

struct Subgraph {
    key: String,
    title: String,
    offset: usize,
    parent: Option<usize>,
}

pub fn read(
    source: &Source,
    statements: &[Statement],
    builder: &mut Builder,
) -> Result<(), ImportError> {
    let mut flow = Flow::default();
    for statement in statements {
        flow.statement(source, statement)?;
    }
    if let Some(&open) = flow.open.last() {
        let subgraph = &flow.subgraphs[open];
        return Err(source.error_at(
            subgraph.offset,
            &format!("subgraph “{}” is never closed with `end`", subgraph.title),
        ));
    }
    flow.into_drafts(source, builder);
    Ok(())
}

impl Flow {
    fn statement(&mut self, source: &Source, statement: &Statement) -> Result<(), ImportError> {
        let text = statement.text;
        let keyword = text.split_whitespace().next().unwrap_or("");
        let keyword = keyword.split(':').next().unwrap_or(keyword);
        if let Some(&styling) = STYLING.iter().find(|&&k| k == keyword) {
            let entry = self.styling.entry(styling).or_insert((0, statement.offset));
            entry.0 += 1;
            return Ok(());
        }
        match keyword {
            "subgraph" => {
                self.open_subgraph(text["subgraph".len()..].trim(), statement.offset);
                Ok(())
            }
            "end" if text == "end" => {
                if self.open.pop().is_none() {
                    return Err(source.error_at(statement.offset, "`end` without a `subgraph`"));
                }
                Ok(())
            }
            "direction" => Ok(()),
            _ => self.chain(source, statement),
        }
    }

    fn open_subgraph(&mut self, header: &str, offset: usize) {
        let (key, title) = match header.find('[') {
            Some(open) if header.ends_with(']') => (
                header[..open].trim().to_owned(),
                plain_label(&header[open + 1..header.len() - 1]),
            ),
            _ => (plain_label(header), plain_label(header)),
        };
        self.subgraphs.push(Subgraph {
            key,
            title,
            offset,
            parent: self.open.last().copied(),
        });
        self.open.push(self.subgraphs.len() - 1);
    }

    /// `a --> b & c -- text --> d`: groups of nodes joined by links.
    fn chain(&mut self, source: &Source, statement: &Statement) -> Result<(), ImportError> {
        let text = statement.text;
        let (mut from, mut at) = self.group(source, statement, 0)?;
        loop {
            at = skip_space(text, at);
            if at >= text.len() {
                return Ok(());
            }
            let Some((link, length)) = parse_link(&text[at..]) else {
                return Err(source.error_at(
                    statement.offset + at,
                    "expected a link such as `-->`, `---` or `-.->`, or the end of the statement",
                ));
            };
            at = skip_space(text, at + length);
            if at >= text.len() {
                return Err(source.error_at(
                    statement.offset + at,
                    "the link leads nowhere: a node should follow it",
                ));
            }
            let (to, after) = self.group(source, statement, at)?;
            for a in &from {
                for b in &to {
                    let place = statement.offset;
                    self.links.push((a.clone(), b.clone(), link.clone(), place));
                }
            }
            from = to;
            at = after;
        }
    }

    /// `a & b:::class & c[Label]`: the keys of the nodes, and where the group ends.
    fn group(
        &mut self,
        source: &Source,
        statement: &Statement,
        mut at: usize,
    ) -> Result<(Vec<String>, usize), ImportError> {
        let text = statement.text;
        let mut keys = Vec::new();
        loop {
            at = skip_space(text, at);
            let (key, label, shape, end) = node(&text[at..]).ok_or_else(|| {
                source.error_at(
                    statement.offset + at,
                    "expected a node id such as `A` or `A[Label]`",
                )
            })?;
            self.mention(&key, label, shape, statement.offset + at);
            keys.push(key);
            at = skip_space(text, at + end);
            match text[at..].strip_prefix('&') {
                Some(_) => at += 1,
                None => return Ok((keys, at)),
            }
        }
    }

    fn mention(
        &mut self,
        key: &str,
        label: Option<String>,
        shape: Option<&'static str>,
        offset: usize,
    ) {
        let subgraph = self.open.last().copied();
        match self.node_index.get(key) {
            Some(&i) => {
                let node = &mut self.nodes[i];
                node.label = node.label.take().or(label);
                node.shape = node.shape.or(shape);
                // A node named inside a subgraph belongs to it, wherever it was first named.
                if node.subgraph.is_none() {
                    node.subgraph = subgraph;
                }
            }
            None => {
                self.node_index.insert(key.to_owned(), self.nodes.len());
                self.nodes.push(Node {
                    key: key.to_owned(),
                    label,
                    shape,
                    offset,
                    subgraph,
                });
            }
        }
    }

    fn into_drafts(self, source: &Source, builder: &mut Builder) {
        let subgraph_keys: HashMap<&str, usize> = self
            .subgraphs
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), i))
            .collect();
        for (i, subgraph) in self.subgraphs.iter().enumerate() {
            builder.zone(
                &zone_key(i),
                &subgraph.title,
                Some(source.place(subgraph.offset)),
            );
            if let Some(parent) = subgraph.parent {
                builder.line(
                    super::super::LineKind::Note,
                    Some(source.place(subgraph.offset)),
                    format!(
                        "subgraph “{}” is inside “{}”; zones do not nest, so it is a zone of its own",
                        subgraph.title, self.subgraphs[parent].title
                    ),
                );
            }
        }
        for node in &self.nodes {
            if subgraph_keys.contains_key(node.key.as_str()) {
                continue;
            }
            let mut draft = SystemDraft {
                name: node.label.clone().unwrap_or_else(|| node.key.clone()),
                zone: node.subgraph.map(zone_key),
                ..SystemDraft::default()
            };
            if let Some(shape) = node.shape {
                draft.notes.push(format!("drawn as {shape} in Mermaid"));
            }
            builder.system(&node.key, draft, Some(source.place(node.offset)));
        }
        for (from, to, link, offset) in self.links {
            let place = source.place(offset);
            if let Some(end) = [&from, &to]
                .into_iter()
                .find(|k| subgraph_keys.contains_key(k.as_str()))
            {
                builder.skipped(
                    place,
                    format!(
                        "link {from} → {to}: “{end}” is a subgraph, and a zone is not a system"
                    ),
                );
                continue;
            }
            if link.head == LinkHead::Invisible {
                builder.skipped(
                    place,
                    format!("invisible link {from} ~~~ {to} only spaces the drawing"),
                );
                continue;
            }
            let (from, to) = if link.head == LinkHead::Back {
                (to, from)
            } else {
                (from, to)
            };
            let mut draft = ConnectionDraft {
                from,
                to,
                label: link.label.unwrap_or_default(),
                both_ways: link.head == LinkHead::Both,
                ..ConnectionDraft::default()
            };
            if link.dotted {
                draft.notes.push("drawn dotted in Mermaid".to_owned());
            }
            if link.head == LinkHead::None {
                draft
                    .notes
                    .push("drawn without an arrowhead in Mermaid".to_owned());
            }
            builder.connection(draft, Some(place));
        }
        for (keyword, (count, offset)) in self.styling {
            builder.line(
                super::super::LineKind::Note,
                Some(source.place(offset)),
                format!(
                    "{count} `{keyword}` statement(s) not imported: they style the drawing, \
                     not the landscape"
                ),
            );
        }
    }
}

fn zone_key(subgraph: usize) -> String {
    format!("subgraph {subgraph}")
}

fn skip_space(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start().len()
}

/// Node shapes: opening and closing brackets, longest first, and what the shape means.
const SHAPES: &[(&str, &str, &str)] = &[
    ("(((", ")))", "a double circle"),
    ("((", "))", "a circle"),
    ("([", "])", "a stadium"),
    ("[[", "]]", "a subroutine"),
    ("[(", ")]", "a database (cylinder)"),
    ("{{", "}}", "a hexagon"),
    ("[/", "/]", "a parallelogram"),
    ("[/", "\\]", "a trapezoid"),
    ("[\\", "\\]", "a parallelogram"),
    ("[\\", "/]", "a trapezoid"),
    ("[", "]", "a rectangle"),
    ("(", ")", "a rounded rectangle"),
    ("{", "}", "a rhombus"),
    (">", "]", "an asymmetric shape"),
];

/// One node at the start of `text`: its key, label, shape and length.
fn node(text: &str) -> Option<(String, Option<String>, Option<&'static str>, usize)> {
    let key_end = key_length(text);
    if key_end == 0 {
        return None;
    }
    let key = text[..key_end].to_owned();
    let rest = &text[key_end..];
    let (label, shape, mut end) = if let Some(body) = rest.strip_prefix("@{") {
        let close = body.find('}')?;
        let (label, shape) = shape_object(&body[..close]);
        (label, shape, key_end + 2 + close + 1)
    } else {
        match SHAPES
            .iter()
            .filter(|(open, _, _)| rest.starts_with(open))
            .find_map(|&(open, close, name)| {
                let inner = &rest[open.len()..];
                let length = closing(inner, close)?;
                Some((
                    plain_label(&inner[..length]),
                    name,
                    open.len() + length + close.len(),
                ))
            }) {
            Some((label, name, length)) => {
                let shape = (name != "a rectangle").then_some(name);
                (Some(label), shape, key_end + length)
            }
            None => (None, None, key_end),
        }
    };
    if let Some(class) = text[end..].strip_prefix(":::") {
        end += 3 + key_length(class);
    }
    Some((key, label, shape, end))
}

/// Where `close` ends the label that starts `inner`: after a quoted label, or at its first
/// occurrence.
fn closing(inner: &str, close: &str) -> Option<usize> {
    if let Some(quoted) = inner.strip_prefix('"') {
        let end = quoted.find('"')? + 2;
        return inner[end..].starts_with(close).then_some(end);
    }
    inner.find(close)
}

/// `shape: cyl, label: "Orders"` of the `A@{ … }` syntax.
fn shape_object(body: &str) -> (Option<String>, Option<&'static str>) {
    let mut label = None;
    let mut shape = None;
    for pair in body.split(',') {
        let Some((key, value)) = pair.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches('"');
        match key.trim() {
            "label" => label = Some(plain_label(value)),
            "shape" => {
                shape = Some(match value {
                    "cyl" | "cylinder" | "database" | "db" => "a database (cylinder)",
                    "circle" | "circ" => "a circle",
                    "diam" | "diamond" | "decision" => "a rhombus",
                    _ => "a shape of its own",
                })
            }
            _ => {}
        }
    }
    (label, shape)
}

/// How long the node key at the start of `text` is: letters, digits, `_`, and `-` or `.`
/// when they do not start a link.
fn key_length(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let joins = matches!(c, '-' | '.')
            && bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
            && i > 0;
        if c.is_alphanumeric() || c == '_' || joins {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}
