//! `architecture-beta`: groups as zones, services as systems, edges between their sides.
//! A junction only joins lines, so the services on either side of one are connected.

use std::collections::{BTreeMap, HashMap};

use super::super::ImportError;
use super::super::builder::{Builder, ConnectionDraft, SystemDraft};
use super::super::report::LineKind;
use super::super::source::Source;
use super::{Statement, plain_label};

/// A junction joining more pairs than this is a bus, not a join: connecting every pair
/// would invent many flows, so its lines are skipped with a report line.
const LARGEST_JUNCTION: usize = 12;

struct Edge {
    from: String,
    to: String,
    label: String,
    both_ways: bool,
    undirected: bool,
    offset: usize,
}

pub fn read(
    source: &Source,
    statements: &[Statement],
    builder: &mut Builder,
) -> Result<(), ImportError> {
    let mut junctions: BTreeMap<String, usize> = BTreeMap::new();
    let mut edges = Vec::new();
    for statement in statements {
        let text = statement.text;
        let keyword = text.split_whitespace().next().unwrap_or("");
        let rest = text[keyword.len()..].trim();
        let place = Some(source.place(statement.offset));
        match keyword {
            "group" | "service" => {
                let declared = declaration(rest).ok_or_else(|| {
                    source.error_at(
                        statement.offset,
                        &format!("expected `{keyword} id(icon)[Title]`, optionally `in group`"),
                    )
                })?;
                if keyword == "group" {
                    builder.zone(&declared.id, &declared.title, place);
                    if let Some(parent) = &declared.parent {
                        builder.line(
                            LineKind::Note,
                            place_of(source, statement),
                            format!("group “{}” is inside “{parent}”; zones do not nest, so it is a zone of its own", declared.title),
                        );
                    }
                } else {
                    let mut draft = SystemDraft {
                        name: declared.title,
                        zone: declared.parent,
                        ..SystemDraft::default()
                    };
                    if let Some(icon) = declared.icon {
                        draft.notes.push(format!("icon in Mermaid: {icon}"));
                    }
                    builder.system(&declared.id, draft, place);
                }
            }
            "junction" => {
                let id = rest.split_whitespace().next().unwrap_or("").to_owned();
                junctions.insert(id, statement.offset);
            }
            _ => edges.push(edge(text, statement.offset).ok_or_else(|| {
                source.error_at(
                    statement.offset,
                    "expected `group`, `service`, `junction` or an edge such as `a:R --> L:b`",
                )
            })?),
        }
    }
    let edges = through_junctions(source, edges, &junctions, builder);
    for edge in edges {
        let mut draft = ConnectionDraft {
            from: edge.from,
            to: edge.to,
            label: edge.label,
            both_ways: edge.both_ways,
            ..ConnectionDraft::default()
        };
        if edge.undirected {
            draft
                .notes
                .push("drawn without an arrowhead in Mermaid".to_owned());
        }
        builder.connection(draft, Some(source.place(edge.offset)));
    }
    Ok(())
}

fn place_of(source: &Source, statement: &Statement) -> Option<super::super::Place> {
    Some(source.place(statement.offset))
}

struct Declared {
    id: String,
    icon: Option<String>,
    title: String,
    parent: Option<String>,
}

/// `id(icon)[Title] in parent`.
fn declaration(text: &str) -> Option<Declared> {
    let (head, parent) = match text.rsplit_once(" in ") {
        Some((head, parent)) if !parent.contains(']') => {
            (head.trim(), Some(parent.trim().to_owned()))
        }
        _ => (text, None),
    };
    let id_end = head.find(['(', '[']).unwrap_or(head.len());
    let id = head[..id_end].trim().to_owned();
    if id.is_empty() || id.contains(char::is_whitespace) {
        return None;
    }
    let rest = &head[id_end..];
    let (icon, rest) = match rest.strip_prefix('(') {
        Some(inner) => {
            let close = inner.find(')')?;
            (Some(inner[..close].to_owned()), &inner[close + 1..])
        }
        None => (None, rest),
    };
    let title = match rest.trim().strip_prefix('[') {
        Some(inner) => plain_label(inner.strip_suffix(']')?),
        None => id.clone(),
    };
    Some(Declared {
        id,
        icon,
        title,
        parent,
    })
}

/// `a:R --> L:b`, `a{group}:B -[label]- T:b`, `a:L <--> R:b`.
fn edge(text: &str, offset: usize) -> Option<Edge> {
    let op_start = text.find(['-', '<'])?;
    let op_end = text.rfind(['-', '>'])? + 1;
    if op_end <= op_start {
        return None;
    }
    let operator = &text[op_start..op_end];
    let label = match (operator.find('['), operator.rfind(']')) {
        (Some(open), Some(close)) if open < close => plain_label(&operator[open + 1..close]),
        _ => String::new(),
    };
    let end_of = |side: &str, left: bool| -> Option<String> {
        let side = side.trim();
        let id = if left {
            side.rsplit_once(':').map_or(side, |(id, _)| id)
        } else {
            side.split_once(':').map_or(side, |(_, id)| id)
        };
        let id = id.split('{').next()?.trim();
        (!id.is_empty() && !id.contains(char::is_whitespace)).then(|| id.to_owned())
    };
    let from = end_of(&text[..op_start], true)?;
    let to = end_of(&text[op_end..], false)?;
    let (back, forward) = (operator.starts_with('<'), operator.ends_with('>'));
    let (from, to) = if back && !forward {
        (to, from)
    } else {
        (from, to)
    };
    Some(Edge {
        from,
        to,
        label,
        both_ways: back && forward,
        undirected: !back && !forward,
        offset,
    })
}

/// Edges that end at junctions replaced by edges between the services the junctions
/// join. Junctions linked to each other join as one; where the lines have arrows, flows
/// run from the services whose lines point into the junctions to those they point out to.
fn through_junctions(
    source: &Source,
    edges: Vec<Edge>,
    junctions: &BTreeMap<String, usize>,
    builder: &mut Builder,
) -> Vec<Edge> {
    let is_junction = |id: &str| junctions.contains_key(id);
    // Each junction's group: the first junction of those linked to it.
    let mut group: HashMap<&str, &str> =
        junctions.keys().map(|j| (j.as_str(), j.as_str())).collect();
    for e in edges
        .iter()
        .filter(|e| is_junction(&e.from) && is_junction(&e.to))
    {
        let (a, b) = (find(&group, &e.from), find(&group, &e.to));
        let (first, second) = if a <= b { (a, b) } else { (b, a) };
        group.insert(second, first);
    }
    // Per group: the services on its lines, each as (id, sends, receives, offset).
    let mut sides: BTreeMap<&str, Vec<(&str, bool, bool, usize)>> = BTreeMap::new();
    let mut all = Vec::new();
    for e in &edges {
        match (is_junction(&e.from), is_junction(&e.to)) {
            (false, false) => all.push(Edge {
                from: e.from.clone(),
                to: e.to.clone(),
                label: e.label.clone(),
                both_ways: e.both_ways,
                undirected: e.undirected,
                offset: e.offset,
            }),
            (true, true) => {}
            (from_junction, _) => {
                let (service, junction) = if from_junction {
                    (&e.to, &e.from)
                } else {
                    (&e.from, &e.to)
                };
                let either = e.undirected || e.both_ways;
                let sends = either || !from_junction;
                let receives = either || from_junction;
                sides
                    .entry(find(&group, junction))
                    .or_default()
                    .push((service, sends, receives, e.offset));
            }
        }
    }
    for (junction, services) in sides {
        let pure_senders: Vec<&str> = services
            .iter()
            .filter(|s| s.1 && !s.2)
            .map(|s| s.0)
            .collect();
        let pure_receivers: Vec<&str> = services
            .iter()
            .filter(|s| s.2 && !s.1)
            .map(|s| s.0)
            .collect();
        let either: Vec<&str> = services
            .iter()
            .filter(|s| s.1 && s.2)
            .map(|s| s.0)
            .collect();
        let directed = !pure_senders.is_empty() || !pure_receivers.is_empty();
        // Lines without arrows take the side the arrows leave open.
        let senders = if pure_senders.is_empty() {
            &either
        } else {
            &pure_senders
        };
        let receivers = if pure_receivers.is_empty() {
            &either
        } else {
            &pure_receivers
        };
        let at = services.first().map_or(0, |s| s.3);
        let mut pairs: Vec<(&str, &str, usize)> = Vec::new();
        for (i, &a) in senders.iter().enumerate() {
            for (j, &b) in receivers.iter().enumerate() {
                let fresh = !pairs
                    .iter()
                    .any(|&(x, y, _)| (x, y) == (a, b) || (x, y) == (b, a));
                if a != b && fresh && (directed || i < j) {
                    pairs.push((a, b, at));
                }
            }
        }
        let members: Vec<&str> = junctions
            .keys()
            .map(String::as_str)
            .filter(|j| find(&group, j) == junction)
            .collect();
        let place = Some(source.place(junctions[junction]));
        let kind = if members.len() > 1 {
            "junctions"
        } else {
            "junction"
        };
        let junction = members.join(", ");
        if pairs.len() > LARGEST_JUNCTION {
            builder.line(LineKind::Skipped, place, format!(
                "{kind} {junction} would join {} pairs of services; connect the services it joins by hand",
                pairs.len()
            ));
            continue;
        }
        builder.line(LineKind::Note, place, format!(
            "{kind} {junction}: the services on their lines are connected to each other ({} connections)",
            pairs.len()
        ));
        for (a, b, at) in pairs {
            all.push(Edge {
                from: a.to_owned(),
                to: b.to_owned(),
                label: String::new(),
                both_ways: false,
                undirected: !directed,
                offset: at,
            });
        }
    }
    all.sort_by_key(|e| e.offset);
    all
}

/// The group a junction is in: follow the links to the first junction.
fn find<'a>(group: &HashMap<&'a str, &'a str>, mut junction: &'a str) -> &'a str {
    while group[junction] != junction {
        junction = group[junction];
    }
    junction
}
