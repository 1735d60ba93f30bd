//! Zones as clusters: each zone's systems are laid out on their own, the zone becomes one
//! block as large as the zone is drawn around them, and the blocks and the systems in no
//! zone are laid out together. So a zone's systems stay together and zones never overlap.

use std::collections::BTreeMap;

use super::Direction;
use super::coords::Spacing;
use super::graph::{FlowGraph, FlowLayout, FlowPoint, FlowSize};
use super::layered::lay_out as lay_out_graph;
use crate::model::{ConnectionId, Point, Project, Size, ZoneId};

/// How the canvas draws a zone around its systems (`ui/canvas/geometry.rs`): padding on
/// every side, and a header with the zone's name on top.
const ZONE_PADDING: f32 = 20.0;
const ZONE_HEADER: f32 = 26.0;

/// Top-left corners of the movable systems (in the order given), in screen space from
/// the origin, and the bends of the connections between them.
pub(super) struct LaidOut {
    pub corners: Vec<Point>,
    pub bends: Vec<(ConnectionId, Vec<Point>)>,
}

struct Frame {
    direction: Direction,
}

impl Frame {
    fn size(&self, size: Size) -> FlowSize {
        match self.direction {
            Direction::Right => FlowSize {
                along: size.width,
                across: size.height,
            },
            Direction::Down => FlowSize {
                along: size.height,
                across: size.width,
            },
        }
    }

    fn point(&self, point: FlowPoint) -> Point {
        match self.direction {
            Direction::Right => Point::new(point.along, point.across),
            Direction::Down => Point::new(point.across, point.along),
        }
    }

    fn flow_point(&self, point: Point) -> FlowPoint {
        match self.direction {
            Direction::Right => FlowPoint {
                along: point.x,
                across: point.y,
            },
            Direction::Down => FlowPoint {
                along: point.y,
                across: point.x,
            },
        }
    }

    fn spacing(&self) -> Spacing {
        match self.direction {
            // Labels run along horizontal lines: columns need room for them.
            Direction::Right => Spacing {
                between_layers: 140.0,
                between_nodes: 40.0,
            },
            Direction::Down => Spacing {
                between_layers: 100.0,
                between_nodes: 60.0,
            },
        }
    }
}

/// Where each movable system sits: in a zone's block, or on its own at the top.
#[derive(Clone, Copy)]
enum Home {
    Zone { block: usize, local: usize },
    Top(usize),
}

pub(super) fn lay_out(project: &Project, movable: &[usize], direction: Direction) -> LaidOut {
    let frame = Frame { direction };
    let spacing = frame.spacing();
    // Zones in the project's order, each with its movable members in order.
    let zone_order: BTreeMap<ZoneId, usize> = project
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| (z.id, i))
        .collect();
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut unzoned = Vec::new();
    for (local, &index) in movable.iter().enumerate() {
        match project.systems[index].zone.and_then(|z| zone_order.get(&z)) {
            Some(&zone) => members.entry(zone).or_default().push(local),
            None => unzoned.push(local),
        }
    }
    let mut homes = vec![Home::Top(0); movable.len()];
    let mut top = FlowGraph::default();
    let mut blocks: Vec<FlowLayout> = Vec::new();
    let mut inner_connections: Vec<Vec<ConnectionId>> = Vec::new();
    let mut by_system: BTreeMap<crate::model::SystemId, usize> = BTreeMap::new();
    for (local, &index) in movable.iter().enumerate() {
        by_system.insert(project.systems[index].id, local);
    }
    let inset = frame.flow_point(Point::new(ZONE_PADDING, ZONE_PADDING + ZONE_HEADER));
    let extra = frame.size(Size {
        width: 2.0 * ZONE_PADDING,
        height: 2.0 * ZONE_PADDING + ZONE_HEADER,
    });
    for locals in members.values() {
        let mut inner = FlowGraph {
            sizes: locals
                .iter()
                .map(|&l| frame.size(project.systems[movable[l]].size))
                .collect(),
            edges: Vec::new(),
        };
        let position: BTreeMap<usize, usize> =
            locals.iter().enumerate().map(|(i, &l)| (l, i)).collect();
        let mut ids = Vec::new();
        for c in &project.connections {
            if let (Some(a), Some(b)) = (by_system.get(&c.from), by_system.get(&c.to))
                && let (Some(&pa), Some(&pb)) = (position.get(a), position.get(b))
            {
                inner.edges.push((pa, pb));
                ids.push(c.id);
            }
        }
        inner_connections.push(ids);
        let layout = lay_out_graph(&inner, spacing);
        let block = blocks.len();
        for (i, &l) in locals.iter().enumerate() {
            homes[l] = Home::Zone { block, local: i };
        }
        top.sizes.push(FlowSize {
            along: layout.extent.along + extra.along,
            across: layout.extent.across + extra.across,
        });
        blocks.push(layout);
    }
    for &l in &unzoned {
        homes[l] = Home::Top(top.sizes.len());
        top.sizes.push(frame.size(project.systems[movable[l]].size));
    }
    let node_of = |home: Home| match home {
        Home::Zone { block, .. } => block,
        Home::Top(node) => node,
    };
    let mut top_connections = Vec::new();
    for c in &project.connections {
        if let (Some(&a), Some(&b)) = (by_system.get(&c.from), by_system.get(&c.to)) {
            let (na, nb) = (node_of(homes[a]), node_of(homes[b]));
            if na != nb {
                top.edges.push((na, nb));
                top_connections.push(c.id);
            }
        }
    }
    let placed = lay_out_graph(&top, spacing);
    let corners = homes
        .iter()
        .map(|&home| match home {
            Home::Zone { block, local } => frame.point(
                placed.corners[block]
                    .offset(inset)
                    .offset(blocks[block].corners[local]),
            ),
            Home::Top(node) => frame.point(placed.corners[node]),
        })
        .collect();
    let mut routed: Vec<(ConnectionId, Vec<FlowPoint>)> = top_connections
        .into_iter()
        .zip(placed.bends.clone())
        .collect();
    for (block, ids) in inner_connections.into_iter().enumerate() {
        let origin = placed.corners[block].offset(inset);
        for (id, bends) in ids.into_iter().zip(&blocks[block].bends) {
            routed.push((id, bends.iter().map(|b| b.offset(origin)).collect()));
        }
    }
    let bends = routed
        .into_iter()
        .filter(|(_, bends)| !bends.is_empty())
        .map(|(id, bends)| (id, bends.into_iter().map(|b| frame.point(b)).collect()))
        .collect();
    LaidOut { corners, bends }
}
