//! Breaking cycles for layering: a feedback edge set by the greedy heuristic of Eades, Lin
//! and Smyth. The edges it picks are reversed for layering only; they are drawn as they are.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The graph as it is peeled: what is left of each node's degrees, and the queues of nodes
/// ready to leave.
struct Peeling<'a> {
    outgoing: &'a [Vec<usize>],
    incoming: &'a [Vec<usize>],
    out_degree: Vec<i64>,
    in_degree: Vec<i64>,
    removed: Vec<bool>,
    sinks: Vec<usize>,
    sources: Vec<usize>,
    /// Nodes by how much they want to go first (outgoing minus incoming edges), highest
    /// first and then by index. When a node leaves, its neighbours' new scores are pushed;
    /// an entry whose score is no longer the node's is skipped when it comes up.
    wanting: BinaryHeap<(i64, Reverse<usize>)>,
}

impl Peeling<'_> {
    fn score(&self, v: usize) -> i64 {
        self.out_degree[v] - self.in_degree[v]
    }

    /// Takes `v` out of the graph.
    fn remove(&mut self, v: usize) {
        self.removed[v] = true;
        for &u in self.incoming[v].iter() {
            if !self.removed[u] {
                self.out_degree[u] -= 1;
                if self.out_degree[u] == 0 {
                    self.sinks.push(u);
                }
            }
        }
        for &w in self.outgoing[v].iter() {
            if !self.removed[w] {
                self.in_degree[w] -= 1;
                if self.in_degree[w] == 0 && self.out_degree[w] > 0 {
                    self.sources.push(w);
                }
            }
        }
        for &u in self.incoming[v].iter().chain(self.outgoing[v].iter()) {
            if !self.removed[u] {
                self.wanting.push((self.score(u), Reverse(u)));
            }
        }
    }

    /// The next node to leave, and whether it goes to the front (else to the back).
    fn next(&mut self) -> Option<(usize, bool)> {
        while let Some(v) = self.sinks.pop() {
            if !self.removed[v] {
                return Some((v, false));
            }
        }
        while let Some(v) = self.sources.pop() {
            if !self.removed[v] && self.out_degree[v] > 0 && self.in_degree[v] == 0 {
                return Some((v, true));
            }
        }
        // Only cycles are left: take the node that most wants to go first.
        while let Some((score, Reverse(v))) = self.wanting.pop() {
            if !self.removed[v] && self.score(v) == score {
                return Some((v, true));
            }
        }
        None
    }
}

/// A sequence of the nodes in which most edges point forward: sinks go to the end, sources
/// to the front, and otherwise the node with the most outgoing over incoming edges goes
/// next. Returns each node's place in the sequence.
pub(super) fn sequence(count: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut outgoing = vec![Vec::new(); count];
    let mut incoming = vec![Vec::new(); count];
    for &(from, to) in edges.iter().filter(|(from, to)| from != to) {
        outgoing[from].push(to);
        incoming[to].push(from);
    }
    let out_degree: Vec<i64> = outgoing.iter().map(|o| o.len() as i64).collect();
    let in_degree: Vec<i64> = incoming.iter().map(|i| i.len() as i64).collect();
    let mut peeling = Peeling {
        outgoing: &outgoing,
        incoming: &incoming,
        sinks: (0..count).filter(|&v| out_degree[v] == 0).rev().collect(),
        sources: (0..count)
            .filter(|&v| in_degree[v] == 0 && out_degree[v] > 0)
            .rev()
            .collect(),
        wanting: (0..count)
            .map(|v| (out_degree[v] - in_degree[v], Reverse(v)))
            .collect(),
        out_degree,
        in_degree,
        removed: vec![false; count],
    };
    let mut front = Vec::with_capacity(count);
    let mut back = Vec::new();
    while let Some((v, to_front)) = peeling.next() {
        if to_front {
            front.push(v);
        } else {
            back.push(v);
        }
        peeling.remove(v);
    }
    let mut place = vec![0; count];
    for (index, &v) in front.iter().chain(back.iter().rev()).enumerate() {
        place[v] = index;
    }
    place
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_keeps_its_direction_and_a_cycle_loses_one_edge() {
        let place = sequence(3, &[(0, 1), (1, 2)]);
        assert!(place[0] < place[1] && place[1] < place[2]);
        let edges = [(0, 1), (1, 2), (2, 0), (2, 3)];
        let place = sequence(4, &edges);
        let backward = edges.iter().filter(|(a, b)| place[*a] > place[*b]).count();
        assert_eq!(backward, 1);
    }
}
