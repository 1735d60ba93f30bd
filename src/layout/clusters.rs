//! Zones as clusters: each zone's systems are laid out on their own, the zone becomes one
//! block as large as the zone is drawn around them, and the blocks and the systems in no
//! zone are laid out together. So a zone's systems stay together and zones never overlap.

use std::collections::BTreeMap;

use super::Direction;
use super::coords::Spacing;
use super::crossings::straight_crossings;
use super::graph::{FlowGraph, FlowLayout, FlowPoint, FlowSize};
use super::layered::lay_out as lay_out_graph;
use super::swaps::{LayerOf, uncross_by_swaps};
use super::wrap::{ASPECT, wrapped};
use crate::model::{
    ConnectionId, Point, Project, Size, SystemId, ZONE_HEADER, ZONE_PADDING, ZoneId,
};

/// Top-left corners of the movable systems (in the order given), in screen space from
/// the origin, and the bends of the connections between them.
pub(super) struct LaidOut {
    pub corners: Vec<Point>,
    pub bends: Vec<(ConnectionId, Vec<Point>)>,
    /// The layer each system is in, for the last pass that swaps boxes.
    pub layers: Vec<LayerOf>,
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

    /// The frame flowing the other way.
    fn crossed(&self) -> Frame {
        Frame {
            direction: match self.direction {
                Direction::Right => Direction::Down,
                Direction::Down => Direction::Right,
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

/// One zone's systems laid out on their own, and the connections among them.
struct Block {
    layout: FlowLayout,
    connections: Vec<ConnectionId>,
    /// Its systems flow across the landscape's flow.
    turned: bool,
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
    let skeleton = Skeleton {
        frame: &frame,
        homes: &homes,
        inner: &inner,
        top: &top,
        top_connections: &top_connections,
    };
    let along = skeleton.laid_out(Inner::Along, &groups, &size_of);
    // Zones stacked across the flow make a zone chain many times wider than high: try
    // each zone turned a quarter, its flow across the page, and keep what reads better.
    // Above the size where crossings are compared the straight drawing is kept anyway.
    let turnable = inner.iter().any(|edges| !edges.is_empty())
        && groups.ends(project).count() <= WRAP_CHECKED_UP_TO;
    let across = turnable.then(|| skeleton.laid_out(Inner::Across, &groups, &size_of));
    let mut laid = along.pick(project, &groups, movable, across);
    let sizes: Vec<Size> = movable
        .iter()
        .map(|&i| {
            let rect = project.systems[i].rect();
            Size {
                width: rect.width(),
                height: rect.height(),
            }
        })
        .collect();
    let edges: Vec<(usize, usize)> = groups.ends(project).map(|(_, a, b)| (a, b)).collect();
    uncross_by_swaps(&mut laid.corners, &sizes, &laid.layers, &edges);
    laid
}

/// Which way a zone's own systems flow: the way the landscape does, or across it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inner {
    Along,
    Across,
}

/// What every way of laying out the landscape shares.
struct Skeleton<'a> {
    frame: &'a Frame,
    homes: &'a [Home],
    inner: &'a [Vec<(ConnectionId, usize, usize)>],
    top: &'a FlowGraph,
    top_connections: &'a [ConnectionId],
}

/// A finished layout, straight and (when it is long) wrapped into rows.
struct Candidate {
    straight: LaidOut,
    rows: Option<LaidOut>,
}

impl Skeleton<'_> {
    fn laid_out(
        &self,
        inner_flow: Inner,
        groups: &Groups,
        size_of: &impl Fn(usize) -> FlowSize,
    ) -> Candidate {
        let frame = self.frame;
        let extra = frame.size(Size {
            width: 2.0 * ZONE_PADDING,
            height: 2.0 * ZONE_PADDING + ZONE_HEADER,
        });
        let blocks: Vec<Block> = groups
            .zones
            .iter()
            .zip(self.inner)
            .map(|(locals, edges)| zone_block(locals, edges.clone(), size_of, frame, inner_flow))
            .collect();
        let mut top = self.top.clone();
        for (block, zone) in blocks.iter().enumerate() {
            top.sizes[block] = FlowSize {
                along: zone.layout.extent.along + extra.along,
                across: zone.layout.extent.across + extra.across,
            };
        }
        let spacing = frame.spacing();
        let straight = lay_out_graph(&top, spacing);
        let rows = wrapped(&straight, &top.sizes, spacing.between_layers);
        let connections = self.top_connections.to_vec();
        let place =
            |layout| place_in_blocks(frame, self.homes, &blocks, layout, connections.clone());
        Candidate {
            rows: rows.map(place),
            straight: place(straight),
        }
    }
}

impl Candidate {
    /// The layout that shows largest at Fit among those that add few crossings to the
    /// fewest any of them has: rows read better at Fit, but not at any price.
    fn pick(
        self,
        project: &Project,
        groups: &Groups,
        movable: &[usize],
        other: Option<Candidate>,
    ) -> LaidOut {
        let edges: Vec<(usize, usize)> = groups.ends(project).map(|(_, a, b)| (a, b)).collect();
        let mut all = vec![self.straight];
        all.extend(self.rows);
        if let Some(other) = other {
            all.push(other.straight);
            all.extend(other.rows);
        }
        if edges.len() > WRAP_CHECKED_UP_TO {
            return all.swap_remove(0);
        }
        let measured: Vec<(usize, f32)> = all
            .iter()
            .map(|laid| measure(project, movable, &edges, laid))
            .collect();
        let fewest = measured.iter().map(|m| m.0).min().unwrap_or(0);
        let allowed = fewest + (fewest / 10).max(2);
        let best = (0..all.len())
            .filter(|&i| measured[i].0 <= allowed)
            .min_by(|&a, &b| measured[a].1.total_cmp(&measured[b].1))
            .unwrap_or(0);
        all.swap_remove(best)
    }
}

/// Crossings, and how small Fit would draw it: the side that limits Fit on a screen
/// `ASPECT` times as wide as high.
fn measure(
    project: &Project,
    movable: &[usize],
    edges: &[(usize, usize)],
    laid: &LaidOut,
) -> (usize, f32) {
    let rects: Vec<crate::model::Rect> = laid
        .corners
        .iter()
        .zip(movable)
        .map(|(corner, &i)| {
            let rect = project.systems[i].rect();
            crate::model::box_rect(
                *corner,
                Size {
                    width: rect.width(),
                    height: rect.height(),
                },
            )
        })
        .collect();
    let centres: Vec<Point> = rects.iter().map(|r| r.center()).collect();
    let (mut min, mut max) = (
        Point::new(f32::MAX, f32::MAX),
        Point::new(f32::MIN, f32::MIN),
    );
    for r in &rects {
        min = Point::new(min.x.min(r.min.x), min.y.min(r.min.y));
        max = Point::new(max.x.max(r.max.x), max.y.max(r.max.y));
    }
    let limiting = ((max.x - min.x) / ASPECT).max(max.y - min.y);
    (straight_crossings(&centres, edges), limiting)
}

fn node_of(home: Home) -> usize {
    match home {
        Home::Zone { block, .. } => block,
        Home::Top(node) => node,
    }
}

/// Above this many connections the crossing count would cost more than wrapping saves.
const WRAP_CHECKED_UP_TO: usize = 1_000;

/// A zone's members laid out among themselves, with the connections among them (by their
/// places in `locals`), flowing along the landscape's flow or across it.
fn zone_block(
    locals: &[usize],
    edges: Vec<(ConnectionId, usize, usize)>,
    size_of: &impl Fn(usize) -> FlowSize,
    frame: &Frame,
    inner_flow: Inner,
) -> Block {
    let turned = inner_flow == Inner::Across;
    let sizes = locals.iter().map(|&l| size_of(l));
    let inner = FlowGraph {
        sizes: sizes
            .map(|s| if turned { s.transposed() } else { s })
            .collect(),
        edges: edges.iter().map(|&(_, a, b)| (a, b)).collect(),
    };
    let spacing = if turned {
        frame.crossed().spacing()
    } else {
        frame.spacing()
    };
    let layout = lay_out_graph(&inner, spacing);
    Block {
        layout: if turned { layout.transposed() } else { layout },
        connections: edges.into_iter().map(|(id, _, _)| id).collect(),
        turned,
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
    let flows_right = frame.direction == Direction::Right;
    let layers = homes
        .iter()
        .map(|&home| match home {
            Home::Zone { block, .. } => LayerOf {
                block,
                columns: flows_right != blocks[block].turned,
            },
            Home::Top(_) => LayerOf {
                block: blocks.len(),
                columns: flows_right,
            },
        })
        .collect();
    LaidOut {
        corners,
        bends,
        layers,
    }
}
