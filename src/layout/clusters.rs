//! Zones as clusters: each zone's systems are laid out on their own, the zone becomes one
//! block as large as the zone is drawn around them, and the blocks and the systems in no
//! zone are laid out together. So a zone's systems stay together and zones never overlap.

use std::collections::BTreeMap;

use super::Direction;
use super::coords::Spacing;
use super::crossings::straight_crossings;
use super::graph::{FlowGraph, FlowLayout, FlowPoint, FlowSize};
use super::layered::lay_out as lay_out_graph;
use super::wrap::wrapped;
use crate::model::{
    ConnectionId, Point, Project, Size, SystemId, ZONE_HEADER, ZONE_PADDING, ZoneId,
};

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
    /// Screen (x, y) as (along, across): the same for flowing right, swapped flowing down.
    fn to_flow(&self, x: f32, y: f32) -> (f32, f32) {
        match self.direction {
            Direction::Right => (x, y),
            Direction::Down => (y, x),
        }
    }

    fn size(&self, size: Size) -> FlowSize {
        let (along, across) = self.to_flow(size.width, size.height);
        FlowSize { along, across }
    }

    fn point(&self, point: FlowPoint) -> Point {
        // Swapping is its own inverse.
        let (x, y) = self.to_flow(point.along, point.across);
        Point::new(x, y)
    }

    fn flow_point(&self, point: Point) -> FlowPoint {
        let (along, across) = self.to_flow(point.x, point.y);
        FlowPoint { along, across }
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

/// One zone's systems laid out on their own, and the connections among them.
struct Block {
    layout: FlowLayout,
    connections: Vec<ConnectionId>,
}

/// The movable systems by where they belong.
struct Groups {
    /// Each zone's members (indices into `movable`), zones in the project's order.
    zones: Vec<Vec<usize>>,
    unzoned: Vec<usize>,
    /// Where in `movable` each system is.
    by_system: BTreeMap<SystemId, usize>,
}

impl Groups {
    fn of(project: &Project, movable: &[usize]) -> Groups {
        let zone_order: BTreeMap<ZoneId, usize> = project
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| (z.id, i))
            .collect();
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut unzoned = Vec::new();
        let mut by_system = BTreeMap::new();
        for (local, &index) in movable.iter().enumerate() {
            let system = &project.systems[index];
            by_system.insert(system.id, local);
            match system.zone.and_then(|z| zone_order.get(&z)) {
                Some(&zone) => members.entry(zone).or_default().push(local),
                None => unzoned.push(local),
            }
        }
        Groups {
            zones: members.into_values().collect(),
            unzoned,
            by_system,
        }
    }

    /// The movable ends of each connection between two movable systems.
    fn ends<'a>(
        &'a self,
        project: &'a Project,
    ) -> impl Iterator<Item = (ConnectionId, usize, usize)> + 'a {
        project.connections.iter().filter_map(|c| {
            Some((
                c.id,
                *self.by_system.get(&c.from)?,
                *self.by_system.get(&c.to)?,
            ))
        })
    }
}

pub(super) fn lay_out(project: &Project, movable: &[usize], direction: Direction) -> LaidOut {
    let frame = Frame { direction };
    let groups = Groups::of(project, movable);
    // The size as drawn: a nonsense size in a hand-edited file counts as the default.
    let size_of = |local: usize| {
        let rect = project.systems[movable[local]].rect();
        frame.size(Size {
            width: rect.width(),
            height: rect.height(),
        })
    };
    let mut homes = vec![Home::Top(0); movable.len()];
    for (block, locals) in groups.zones.iter().enumerate() {
        for (i, &l) in locals.iter().enumerate() {
            homes[l] = Home::Zone { block, local: i };
        }
    }
    // Zone blocks first (their sizes are known once they are laid out), then the rest.
    let mut top = FlowGraph {
        sizes: vec![FlowSize::default(); groups.zones.len()],
        edges: Vec::new(),
    };
    for &l in &groups.unzoned {
        homes[l] = Home::Top(top.sizes.len());
        top.sizes.push(size_of(l));
    }
    // One pass over the connections: inside a zone, or between top-level nodes.
    let mut inner: Vec<Vec<(ConnectionId, usize, usize)>> = vec![Vec::new(); groups.zones.len()];
    let mut top_connections = Vec::new();
    for (id, a, b) in groups.ends(project) {
        match (homes[a], homes[b]) {
            (
                Home::Zone { block, local: la },
                Home::Zone {
                    block: other,
                    local: lb,
                },
            ) if block == other => {
                inner[block].push((id, la, lb));
            }
            (home_a, home_b) => {
                let (na, nb) = (node_of(home_a), node_of(home_b));
                if na != nb {
                    top.edges.push((na, nb));
                    top_connections.push(id);
                }
            }
        }
    }
    let extra = frame.size(Size {
        width: 2.0 * ZONE_PADDING,
        height: 2.0 * ZONE_PADDING + ZONE_HEADER,
    });
    let blocks: Vec<Block> = groups
        .zones
        .iter()
        .zip(inner)
        .map(|(locals, edges)| zone_block(locals, edges, &size_of, &frame))
        .collect();
    for (block, zone) in blocks.iter().enumerate() {
        top.sizes[block] = FlowSize {
            along: zone.layout.extent.along + extra.along,
            across: zone.layout.extent.across + extra.across,
        };
    }
    let spacing = frame.spacing();
    let straight = lay_out_graph(&top, spacing);
    let rows = wrapped(&straight, &top.sizes, spacing.between_layers);
    let laid = place_in_blocks(&frame, &homes, &blocks, straight, top_connections.clone());
    match rows {
        Some(rows) => {
            let rows = place_in_blocks(&frame, &homes, &blocks, rows, top_connections);
            fewer_crossings_or_rows(project, &groups, movable, laid, rows)
        }
        None => laid,
    }
}

fn node_of(home: Home) -> usize {
    match home {
        Home::Zone { block, .. } => block,
        Home::Top(node) => node,
    }
}

/// Above this many connections the crossing count would cost more than wrapping saves.
const WRAP_CHECKED_UP_TO: usize = 1_000;

/// The landscape wrapped into rows, unless that adds crossings (more than a tenth, or two):
/// rows read better at Fit, but not at any price.
fn fewer_crossings_or_rows(
    project: &Project,
    groups: &Groups,
    movable: &[usize],
    straight: LaidOut,
    rows: LaidOut,
) -> LaidOut {
    let edges: Vec<(usize, usize)> = groups.ends(project).map(|(_, a, b)| (a, b)).collect();
    if edges.len() > WRAP_CHECKED_UP_TO {
        return straight;
    }
    let crossings = |laid: &LaidOut| {
        let centres: Vec<Point> = laid
            .corners
            .iter()
            .zip(movable)
            .map(|(corner, &i)| {
                let rect = project.systems[i].rect();
                Point::new(
                    corner.x + rect.width() / 2.0,
                    corner.y + rect.height() / 2.0,
                )
            })
            .collect();
        straight_crossings(&centres, &edges)
    };
    let (before, after) = (crossings(&straight), crossings(&rows));
    if after <= before + (before / 10).max(2) {
        rows
    } else {
        straight
    }
}

/// A zone's members laid out among themselves, with the connections among them (by their
/// places in `locals`).
fn zone_block(
    locals: &[usize],
    edges: Vec<(ConnectionId, usize, usize)>,
    size_of: &impl Fn(usize) -> FlowSize,
    frame: &Frame,
) -> Block {
    let inner = FlowGraph {
        sizes: locals.iter().map(|&l| size_of(l)).collect(),
        edges: edges.iter().map(|&(_, a, b)| (a, b)).collect(),
    };
    Block {
        layout: lay_out_graph(&inner, frame.spacing()),
        connections: edges.into_iter().map(|(id, _, _)| id).collect(),
    }
}

/// Screen positions: a zone's systems inside their block, below its header.
fn place_in_blocks(
    frame: &Frame,
    homes: &[Home],
    blocks: &[Block],
    placed: FlowLayout,
    top_connections: Vec<ConnectionId>,
) -> LaidOut {
    let inset = frame.flow_point(Point::new(ZONE_PADDING, ZONE_PADDING + ZONE_HEADER));
    let origin_of = |block: usize| placed.corners[block].offset(inset);
    let corners = homes
        .iter()
        .map(|&home| match home {
            Home::Zone { block, local } => {
                frame.point(origin_of(block).offset(blocks[block].layout.corners[local]))
            }
            Home::Top(node) => frame.point(placed.corners[node]),
        })
        .collect();
    let mut routed: Vec<(ConnectionId, Vec<FlowPoint>)> = top_connections
        .into_iter()
        .zip(placed.bends.clone())
        .collect();
    for (block, zone) in blocks.iter().enumerate() {
        for (&id, bends) in zone.connections.iter().zip(&zone.layout.bends) {
            let bends = bends.iter().map(|b| b.offset(origin_of(block))).collect();
            routed.push((id, bends));
        }
    }
    let bends = routed
        .into_iter()
        .filter(|(_, bends)| !bends.is_empty())
        .map(|(id, bends)| (id, bends.into_iter().map(|b| frame.point(b)).collect()))
        .collect();
    LaidOut { corners, bends }
}
