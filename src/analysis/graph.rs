//! The graph of synchronous calls and its condensation: every strongly connected component
//! (a set of systems that call each other in a cycle) becomes one node, which leaves a DAG.
//! Paths and reachable sets are computed on that DAG, so nothing is ever enumerated per path.

use super::landscape::Landscape;
use crate::model::Connection;

/// A synchronous call from one system to another, by positions, with its link index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Edge {
    pub to: usize,
    pub link: usize,
}

pub(crate) struct SyncGraph {
    /// Component of each system. Components are numbered callees first: every call
    /// between two components goes from a higher number to a lower one.
    pub component: Vec<usize>,
    /// Members of each component, in project order.
    pub members: Vec<Vec<usize>>,
    /// Calls between components, per calling component, ordered by callee component and
    /// then connection order.
    pub calls: Vec<Vec<(usize, Edge)>>,
    /// Calls inside one component (the cycles), per component.
    pub inner: Vec<Vec<(usize, Edge)>>,
    /// Whether some other component calls this one.
    pub called: Vec<bool>,
}

impl SyncGraph {
    /// The graph of the connections `counts` accepts (the synchronous ones, or a subset).
    pub fn new(landscape: &Landscape, counts: impl Fn(&Connection) -> bool) -> Self {
        let n = landscape.len();
        let mut out: Vec<Vec<Edge>> = vec![Vec::new(); n];
        for (link, l) in landscape.links.iter().enumerate() {
            if counts(l.connection) {
                out[l.from].push(Edge { to: l.to, link });
            }
        }
        let component = strongly_connected(&out);
        let count = component.iter().max().map_or(0, |&c| c + 1);
        let mut members = vec![Vec::new(); count];
        let mut calls = vec![Vec::new(); count];
        let mut inner = vec![Vec::new(); count];
        let mut called = vec![false; count];
        for (system, edges) in out.iter().enumerate() {
            let c = component[system];
            members[c].push(system);
            for &edge in edges {
                let target = component[edge.to];
                if target == c {
                    inner[c].push((system, edge));
                } else {
                    calls[c].push((target, edge));
                    called[target] = true;
                }
            }
        }
        for list in &mut calls {
            list.sort_by_key(|&(target, edge)| (target, edge.link));
        }
        SyncGraph {
            component,
            members,
            calls,
            inner,
            called,
        }
    }

    pub fn components(&self) -> usize {
        self.members.len()
    }

    /// A component that is a real cycle: several systems, or one that calls itself.
    pub fn is_cycle(&self, c: usize) -> bool {
        self.members[c].len() > 1 || !self.inner[c].is_empty()
    }
}

/// Tarjan's algorithm without recursion (a chain of 10,000 calls must not overflow the
/// stack). Components come out callees first, which is the order later passes need.
fn strongly_connected(out: &[Vec<Edge>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = out.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut component = vec![UNSEEN; n];
    let mut next_order = 0;
    let mut next_component = 0;
    // (system, how many of its edges are done)
    let mut frames: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        frames.push((root, 0));
        order[root] = next_order;
        low[root] = next_order;
        next_order += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(frame) = frames.last_mut() {
            let v = frame.0;
            if let Some(edge) = out[v].get(frame.1) {
                frame.1 += 1;
                let w = edge.to;
                if order[w] == UNSEEN {
                    order[w] = next_order;
                    low[w] = next_order;
                    next_order += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    frames.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            frames.pop();
            if low[v] == order[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = next_component;
                    if w == v {
                        break;
                    }
                }
                next_component += 1;
            }
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[v]);
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<Edge>> {
        let mut out = vec![Vec::new(); n];
        for (link, &(from, to)) in edges.iter().enumerate() {
            out[from].push(Edge { to, link });
        }
        out
    }

    #[test]
    fn cycles_share_a_component_and_callees_come_first() {
        // 0 → 1 → 2 → 1, 2 → 3
        let component = strongly_connected(&graph(4, &[(0, 1), (1, 2), (2, 1), (2, 3)]));
        assert_eq!(component[1], component[2]);
        assert!(component[0] > component[1]);
        assert!(component[1] > component[3]);
        assert_ne!(component[0], component[3]);
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let n = 200_000;
        let edges: Vec<_> = (1..n).map(|i| (i - 1, i)).collect();
        let component = strongly_connected(&graph(n, &edges));
        assert_eq!(component[0], n - 1);
        assert_eq!(component[n - 1], 0);
    }
}
