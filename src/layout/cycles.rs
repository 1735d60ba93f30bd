//! Breaking cycles for layering: a feedback edge set by the greedy heuristic of Eades, Lin
//! and Smyth. The edges it picks are reversed for layering only; they are drawn as they are.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A sequence of the nodes in which most edges point forward: sinks go to the end, sources
/// to the front, and otherwise the node with the most outgoing over incoming edges goes
/// next. Returns each node's place in the sequence.
pub(super) fn sequence(count: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut outgoing = vec![Vec::new(); count];
    let mut incoming = vec![Vec::new(); count];
    let mut out_degree = vec![0i64; count];
    let mut in_degree = vec![0i64; count];
    for &(from, to) in edges.iter().filter(|(from, to)| from != to) {
        outgoing[from].push(to);
        incoming[to].push(from);
        out_degree[from] += 1;
        in_degree[to] += 1;
    }
    let mut removed = vec![false; count];
    let mut front = Vec::with_capacity(count);
    let mut back = Vec::new();
    let mut left = count;
    // Sinks and sources (most nodes) leave through these queues.
    let mut sinks: Vec<usize> = (0..count).filter(|&v| out_degree[v] == 0).rev().collect();
    let mut sources: Vec<usize> = (0..count)
        .filter(|&v| in_degree[v] == 0 && out_degree[v] > 0)
        .rev()
        .collect();
    let remove = |v: usize,
                  removed: &mut Vec<bool>,
                  out_degree: &mut Vec<i64>,
                  in_degree: &mut Vec<i64>,
                  sinks: &mut Vec<usize>,
                  sources: &mut Vec<usize>| {
        removed[v] = true;
        for &u in &incoming[v] {
            if !removed[u] {
                out_degree[u] -= 1;
                if out_degree[u] == 0 {
                    sinks.push(u);
                }
            }
        }
        for &w in &outgoing[v] {
            if !removed[w] {
                in_degree[w] -= 1;
                if in_degree[w] == 0 && out_degree[w] > 0 {
                    sources.push(w);
                }
            }
        }
    };
    // Nodes by how much they want to go first (outgoing minus incoming edges), highest
    // first and then by index. When a node leaves, its neighbours' new scores are pushed;
    // an entry whose score is no longer the node's is skipped when it comes up.
    let rescore = |v: usize,
                   removed: &[bool],
                   out_degree: &[i64],
                   in_degree: &[i64],
                   wanting: &mut BinaryHeap<(i64, Reverse<usize>)>| {
        for &u in incoming[v].iter().chain(&outgoing[v]) {
            if !removed[u] {
                wanting.push((out_degree[u] - in_degree[u], Reverse(u)));
            }
        }
    };
    let mut wanting: BinaryHeap<(i64, Reverse<usize>)> = (0..count)
        .map(|v| (out_degree[v] - in_degree[v], Reverse(v)))
        .collect();
    while left > 0 {
        if let Some(v) = sinks.pop() {
            if removed[v] {
                continue;
            }
            back.push(v);
            remove(
                v,
                &mut removed,
                &mut out_degree,
                &mut in_degree,
                &mut sinks,
                &mut sources,
            );
            rescore(v, &removed, &out_degree, &in_degree, &mut wanting);
            left -= 1;
            continue;
        }
        if let Some(v) = sources.pop() {
            if removed[v] || out_degree[v] == 0 {
                continue;
            }
            front.push(v);
            remove(
                v,
                &mut removed,
                &mut out_degree,
                &mut in_degree,
                &mut sinks,
                &mut sources,
            );
            rescore(v, &removed, &out_degree, &in_degree, &mut wanting);
            left -= 1;
            continue;
        }
        // Only cycles are left: take the node that most wants to go first.
        let Some((score, Reverse(v))) = wanting.pop() else {
            break;
        };
        if removed[v] {
            continue;
        }
        if out_degree[v] - in_degree[v] != score {
            continue;
        }
        front.push(v);
        remove(
            v,
            &mut removed,
            &mut out_degree,
            &mut in_degree,
            &mut sinks,
            &mut sources,
        );
        rescore(v, &removed, &out_degree, &in_degree, &mut wanting);
        left -= 1;
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
