//! The graphs the layout works on: boxes with sizes and directed edges by index, in flow
//! space, where `along` is the direction data flows (layer after layer) and `across` is
//! the direction boxes of one layer are stacked in.

/// A size in flow space.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct FlowSize {
    pub along: f32,
    pub across: f32,
}

/// A point in flow space.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct FlowPoint {
    pub along: f32,
    pub across: f32,
}

impl FlowSize {
    /// Along and across swapped.
    pub fn transposed(self) -> FlowSize {
        FlowSize {
            along: self.across,
            across: self.along,
        }
    }
}

impl FlowPoint {
    /// Along and across swapped.
    pub fn transposed(self) -> FlowPoint {
        FlowPoint {
            along: self.across,
            across: self.along,
        }
    }

    pub fn offset(self, by: FlowPoint) -> FlowPoint {
        FlowPoint {
            along: self.along + by.along,
            across: self.across + by.across,
        }
    }
}

/// Boxes and the flows between them. Edges may repeat and may be loops.
#[derive(Clone, Debug, Default)]
pub(super) struct FlowGraph {
    pub sizes: Vec<FlowSize>,
    pub edges: Vec<(usize, usize)>,
}

/// Where a graph's boxes went: their top-left corners, the extent of the whole, and the
/// bend points of each edge (empty for a straight one), all in flow space.
#[derive(Clone, Debug, Default)]
pub(super) struct FlowLayout {
    pub corners: Vec<FlowPoint>,
    pub extent: FlowSize,
    pub bends: Vec<Vec<FlowPoint>>,
}

impl FlowLayout {
    /// The layout with along and across swapped: one laid out flowing across the page,
    /// turned to sit in a drawing that flows along it.
    pub fn transposed(self) -> FlowLayout {
        FlowLayout {
            corners: self
                .corners
                .into_iter()
                .map(FlowPoint::transposed)
                .collect(),
            extent: self.extent.transposed(),
            bends: self
                .bends
                .into_iter()
                .map(|bends| bends.into_iter().map(FlowPoint::transposed).collect())
                .collect(),
        }
    }

    /// Moves everything by `by`.
    pub fn shifted(mut self, by: FlowPoint) -> FlowLayout {
        for corner in &mut self.corners {
            *corner = corner.offset(by);
        }
        for bends in &mut self.bends {
            for bend in bends {
                *bend = bend.offset(by);
            }
        }
        self
    }
}

/// The weakly connected parts of a graph, each a sorted list of node indices, ordered by
/// their smallest node, so the result depends only on the graph.
pub(super) fn components(graph: &FlowGraph) -> Vec<Vec<usize>> {
    let count = graph.sizes.len();
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut node: usize) -> usize {
        while parent[node] != node {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        node
    }
    for &(from, to) in &graph.edges {
        let (a, b) = (root(&mut parent, from), root(&mut parent, to));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for node in 0..count {
        let r = root(&mut parent, node);
        by_root.entry(r).or_default().push(node);
    }
    by_root.into_values().collect()
}
