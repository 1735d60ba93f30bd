//! The layered (Sugiyama) layout of one graph: cycles broken, layers assigned, long edges
//! split by dummies, crossings minimised, coordinates given. Disconnected parts are laid
//! out one by one and packed side by side (`pack`).

use std::collections::BTreeMap;

use super::coords::{Spacing, coordinates};
use super::cycles::sequence;
use super::graph::{FlowGraph, FlowLayout, FlowPoint, FlowSize, components};
use super::order::{Layers, minimise_crossings};
use super::pack::pack;
use super::ranks::ranks;

/// How much room across the flow a long edge's bend takes in its layer.
const DUMMY_ACROSS: f32 = 16.0;
/// Edges spanning more layers than this get no bends.
const LONGEST_BENT_EDGE: usize = 24;

type PartLayout = (Vec<usize>, (FlowLayout, Vec<usize>));

/// Lays out the whole graph: each connected part in layers, the parts packed.
pub(super) fn lay_out(graph: &FlowGraph, spacing: Spacing) -> FlowLayout {
    let parts = components(graph);
    // Each part: its nodes, its layout, and the indices of its edges in the whole.
    let layouts: Vec<PartLayout> = parts
        .into_iter()
        .map(|nodes| {
            let (part, edge_indices) = subgraph(graph, &nodes);
            (nodes, (layered(&part, spacing), edge_indices))
        })
        .collect();
    let extents: Vec<FlowSize> = layouts.iter().map(|(_, (l, _))| l.extent).collect();
    let (offsets, extent) = pack(
        &extents,
        spacing.between_layers,
        spacing.between_nodes * 2.0,
    );
    let mut whole = FlowLayout {
        corners: vec![FlowPoint::default(); graph.sizes.len()],
        extent,
        bends: vec![Vec::new(); graph.edges.len()],
    };
    for ((nodes, layout), offset) in layouts.into_iter().zip(offsets) {
        let (layout, edge_indices) = layout;
        let layout = layout.shifted(offset);
        for (local, &node) in nodes.iter().enumerate() {
            whole.corners[node] = layout.corners[local];
        }
        for (local, &edge) in edge_indices.iter().enumerate() {
            whole.bends[edge] = layout.bends[local].clone();
        }
    }
    whole
}

/// The nodes' subgraph, renumbered, and the indices of its edges in the whole.
fn subgraph(graph: &FlowGraph, nodes: &[usize]) -> (FlowGraph, Vec<usize>) {
    let local: BTreeMap<usize, usize> = nodes.iter().enumerate().map(|(i, &v)| (v, i)).collect();
    let mut part = FlowGraph {
        sizes: nodes.iter().map(|&v| graph.sizes[v]).collect(),
        edges: Vec::new(),
    };
    let mut indices = Vec::new();
    for (index, (from, to)) in graph.edges.iter().enumerate() {
        if let (Some(&a), Some(&b)) = (local.get(from), local.get(to)) {
            part.edges.push((a, b));
            indices.push(index);
        }
    }
    (part, indices)
}

/// One connected graph in layers.
fn layered(graph: &FlowGraph, spacing: Spacing) -> FlowLayout {
    let count = graph.sizes.len();
    let place = sequence(count, &graph.edges);
    // Oriented edges, each pair once: (from, to) → the original edges it carries.
    let mut oriented: BTreeMap<(usize, usize), Vec<(usize, bool)>> = BTreeMap::new();
    for (index, &(from, to)) in graph.edges.iter().enumerate() {
        if from == to {
            continue;
        }
        let reversed = place[from] > place[to];
        let key = if reversed { (to, from) } else { (from, to) };
        oriented.entry(key).or_default().push((index, reversed));
    }
    let forward: Vec<(usize, usize)> = oriented.keys().copied().collect();
    let mut by_place: Vec<usize> = (0..count).collect();
    by_place.sort_by_key(|&v| place[v]);
    let rank = ranks(count, &forward, &by_place);

    let mut sizes = graph.sizes.clone();
    let layer_count = rank.iter().max().map_or(0, |r| r + 1);
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); layer_count];
    for &v in &by_place {
        layers[rank[v]].push(v);
    }
    let mut chain_edges = Vec::new();
    let mut chains: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for &(from, to) in &forward {
        if rank[to] - rank[from] > LONGEST_BENT_EDGE {
            // Drawn straight and left out of the ordering: in a dense landscape such edges
            // would bring millions of dummies for little gain.
            chains.push(((from, to), Vec::new()));
            continue;
        }
        let mut previous = from;
        let mut chain = Vec::new();
        for layer in &mut layers[rank[from] + 1..rank[to]] {
            let dummy = sizes.len();
            sizes.push(FlowSize {
                along: 0.0,
                across: DUMMY_ACROSS,
            });
            layer.push(dummy);
            chain_edges.push((previous, dummy));
            chain.push(dummy);
            previous = dummy;
        }
        chain_edges.push((previous, to));
        chains.push(((from, to), chain));
    }
    let layers = best_of_starts(Layers::new(layers, sizes.len(), &chain_edges));
    let corners = coordinates(&layers, &sizes, count, spacing);

    let mut bends = vec![Vec::new(); graph.edges.len()];
    for (key, chain) in chains {
        let points: Vec<FlowPoint> = chain
            .iter()
            .map(|&d| FlowPoint {
                along: corners[d].along,
                across: corners[d].across + DUMMY_ACROSS / 2.0,
            })
            .collect();
        for &(index, reversed) in &oriented[&key] {
            let mut route = points.clone();
            if reversed {
                route.reverse();
            }
            bends[index] = route;
        }
    }
    // Bends count too: a long edge may run beside the boxes.
    let extent = extent_of(&corners, &sizes);
    FlowLayout {
        corners: corners[..count].to_vec(),
        extent,
        bends,
    }
}

/// Sweeps find a local optimum that depends on where they start: start from the layers as
/// built and from each layer reversed, and keep the order with fewer crossings (the first
/// on a tie, so the result stays the same on every run).
fn best_of_starts(layers: Layers) -> Layers {
    let mut forward = layers.clone();
    minimise_crossings(&mut forward);
    let mut reversed = layers;
    for layer in &mut reversed.layers {
        layer.reverse();
    }
    minimise_crossings(&mut reversed);
    if reversed.crossings() < forward.crossings() {
        reversed
    } else {
        forward
    }
}

fn extent_of(corners: &[FlowPoint], sizes: &[FlowSize]) -> FlowSize {
    corners
        .iter()
        .zip(sizes)
        .fold(FlowSize::default(), |e, (c, s)| FlowSize {
            along: e.along.max(c.along + s.along),
            across: e.across.max(c.across + s.across),
        })
}
