//! A landscape over Mermaid's limits as several diagrams that each render: first the
//! flows between zones (one node per zone, one edge per pair of zones with the number of
//! flows), then each zone with the flows inside it. A zone, or the summary, that is still
//! too big is cut into parts, each with the nodes its edges need; the limits are checked
//! on exact lengths, so every part fits.

use std::collections::HashMap;

use super::{
    CLASSES, Diagram, Edge, Limits, Node, Section, Sheet, Stroke, edge_line, header, push_label,
    render, section, utf16_len,
};
use crate::export::{rgba, zone_title};
use crate::model::Project;
use crate::picture::style;
use crate::words::count;

pub(super) fn split(project: &Project, sheet: &Sheet, limits: Limits) -> Vec<Diagram> {
    let mut group_of = vec![0; sheet.nodes.len()];
    for (g, group) in sheet.groups.iter().enumerate() {
        for &n in &group.members {
            group_of[n] = g;
        }
    }
    let mut inside: Vec<Vec<usize>> = vec![Vec::new(); sheet.groups.len()];
    let mut between: Vec<(usize, usize, usize, bool)> = Vec::new();
    let mut pair_index: HashMap<(usize, usize), usize> = HashMap::new();
    for (e, edge) in sheet.edges.iter().enumerate() {
        let (a, b) = (group_of[edge.from], group_of[edge.to]);
        if a == b {
            inside[a].push(e);
            continue;
        }
        let at = *pair_index.entry((a, b)).or_insert_with(|| {
            between.push((a, b, 0, true));
            between.len() - 1
        });
        between[at].2 += 1;
        between[at].3 &= edge.stroke.dashed;
    }
    let mut diagrams = summary(project, sheet, &between, limits);
    let mut packer = Packer::new(&sheet.nodes, &sheet.edges, limits);
    for (group, edges) in sheet.groups.iter().zip(&inside) {
        let empty = section(group.zone, &[]);
        let parts = packer.pack(&empty, &group.members, edges);
        let title = match group.zone {
            Some(_) => format!("Zone: {}", zone_title(group.zone)),
            None => "Systems in no zone".to_owned(),
        };
        for (i, part) in parts.iter().enumerate() {
            let text = render(
                &[section(group.zone, &part.nodes)],
                &sheet.nodes,
                part.edges.iter().map(|&e| &sheet.edges[e]),
            );
            diagrams.push(Diagram {
                title: numbered(&title, i, parts.len()),
                text,
            });
        }
    }
    diagrams
}

/// The flows between zones: each zone (and "No zone") a node, each pair an edge, dashed
/// when every flow in it is.
fn summary(
    project: &Project,
    sheet: &Sheet,
    between: &[(usize, usize, usize, bool)],
    limits: Limits,
) -> Vec<Diagram> {
    let id = |g: usize| match sheet.groups[g].zone {
        Some(zone) => format!("z{}", zone.id),
        None => "nozone".to_owned(),
    };
    let nodes: Vec<Node> = sheet
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let id = id(g);
            let mut label = String::new();
            push_label(&mut label, &super::shorten(zone_title(group.zone), 80));
            label.push_str("<br>");
            label.push_str(&count(group.members.len(), "system"));
            let kind = group.zone.and_then(|z| z.kind.as_ref());
            let text = format!(
                "    {id}[\"{label}\"]\n    style {id} fill:{},stroke:{}\n",
                rgba(style::zone_fill(kind)),
                rgba(style::zone_stroke(kind))
            );
            Node::new(id, text, None)
        })
        .collect();
    let edges: Vec<Edge> = between
        .iter()
        .map(|&(a, b, flows, dashed)| {
            let stroke = summary_stroke(dashed);
            let text = edge_line(&id(a), &id(b), &count(flows, "flow"), stroke);
            Edge::new(a, b, text, stroke)
        })
        .collect();
    let all: Vec<usize> = (0..nodes.len()).collect();
    let edge_list: Vec<usize> = (0..edges.len()).collect();
    let top = Section {
        open: String::new(),
        close: String::new(),
        nodes: &[],
    };
    let parts = Packer::new(&nodes, &edges, limits).pack(&top, &all, &edge_list);
    let title = format!("Flows between zones: {}", project.name.trim());
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| Diagram {
            title: numbered(&title, i, parts.len()),
            text: render(
                &[Section {
                    open: String::new(),
                    close: String::new(),
                    nodes: &part.nodes,
                }],
                &nodes,
                part.edges.iter().map(|&e| &edges[e]),
            ),
        })
        .collect()
}

fn summary_stroke(dashed: bool) -> Stroke {
    Stroke {
        dashed,
        both_ways: false,
    }
}

fn numbered(title: &str, i: usize, of: usize) -> String {
    if of == 1 {
        title.to_owned()
    } else {
        format!("{title} (part {} of {of})", i + 1)
    }
}

/// The nodes and edges of one diagram of a split.
struct Part {
    nodes: Vec<usize>,
    edges: Vec<usize>,
}

/// Fills parts greedily up to the limits, edge by edge, each with the nodes its edges
/// name; the nodes no edge names go where there is room at the end.
struct Packer<'s> {
    nodes: &'s [Node],
    edges: &'s [Edge],
    limits: Limits,
    /// The part (counted over all packs, from 1) that last took each node.
    taken_by: Vec<usize>,
    parts_made: usize,
    header: usize,
}

impl<'s> Packer<'s> {
    fn new(nodes: &'s [Node], edges: &'s [Edge], limits: Limits) -> Packer<'s> {
        Packer {
            nodes,
            edges,
            limits,
            taken_by: vec![0; nodes.len()],
            parts_made: 0,
            header: utf16_len(&header()),
        }
    }

    fn node_cost(&self, n: usize) -> usize {
        self.nodes[n].cost
    }

    fn pack(&mut self, wrapper: &Section, members: &[usize], edges: &[usize]) -> Vec<Part> {
        // Every class line's own words, whether or not it is written: an upper bound.
        let class_lines: usize = CLASSES.iter().map(|c| "  class  \n".len() + c.len()).sum();
        let fixed = self.header + utf16_len(&wrapper.open) + utf16_len(&wrapper.close);
        let fixed = fixed + class_lines;
        let mut parts = Vec::new();
        let mut part = self.start(fixed);
        for &e in edges {
            let edge = &self.edges[e];
            if !self.fits_edge(&part, edge) {
                parts.push(self.finish(part));
                part = self.start(fixed);
            }
            part.cost += edge.cost;
            part.part.edges.push(e);
            for n in [edge.from, edge.to] {
                self.take(&mut part, n);
            }
        }
        for &n in members {
            if self.taken_by[n] != 0 {
                continue;
            }
            if part.cost + self.node_cost(n) > self.limits.max_text && !part.is_empty() {
                parts.push(self.finish(part));
                part = self.start(fixed);
            }
            self.take(&mut part, n);
        }
        if !part.is_empty() || parts.is_empty() {
            parts.push(self.finish(part));
        }
        parts
    }

    fn start(&mut self, fixed: usize) -> Filling {
        self.parts_made += 1;
        Filling {
            stamp: self.parts_made,
            cost: fixed,
            part: Part {
                nodes: Vec::new(),
                edges: Vec::new(),
            },
        }
    }

    fn fits_edge(&self, filling: &Filling, edge: &Edge) -> bool {
        if filling.is_empty() {
            return true;
        }
        let mut cost = filling.cost + edge.cost;
        let ends: &[usize] = if edge.from == edge.to {
            &[edge.from]
        } else {
            &[edge.from, edge.to]
        };
        for &n in ends {
            if self.taken_by[n] != filling.stamp {
                cost += self.node_cost(n);
            }
        }
        filling.part.edges.len() < self.limits.max_edges && cost <= self.limits.max_text
    }

    fn take(&mut self, filling: &mut Filling, n: usize) {
        if self.taken_by[n] != filling.stamp {
            self.taken_by[n] = filling.stamp;
            filling.cost += self.node_cost(n);
            filling.part.nodes.push(n);
        }
    }

    fn finish(&self, mut filling: Filling) -> Part {
        // Declared in list order, as the whole diagram declares them.
        filling.part.nodes.sort_unstable();
        filling.part
    }
}

/// A part being filled, with its cost so far.
struct Filling {
    stamp: usize,
    cost: usize,
    part: Part,
}

impl Filling {
    fn is_empty(&self) -> bool {
        self.part.nodes.is_empty() && self.part.edges.is_empty()
    }
}
