//! Finding groups of systems that are densely connected point to point.
//!
//! A "group" is found the way the k-core decomposition finds a graph's core: peel off the
//! least connected system again and again (ties: the one first in the project), then
//! replay the peeling backwards. While replaying, systems rejoin and the connected pieces
//! grow and merge; every piece, at every moment, is a candidate. A group is a candidate
//! with enough systems and density that no later, larger piece containing it also has.
//! Peeling strips the loosely attached systems first, so a mesh inside a big landscape
//! stands out even when the landscape as a whole is sparse. It takes O(m log n) time.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A dense group: its members (by position, ascending) and how many pairs of them are
/// directly connected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Group {
    pub members: Vec<usize>,
    pub pairs: u64,
}

/// Dense groups among `n` systems joined by the distinct undirected `pairs` (a < b).
pub(crate) fn dense_groups(
    n: usize,
    pairs: &[(usize, usize)],
    min_size: usize,
    percent: u32,
) -> Vec<Group> {
    let neighbours = adjacency(n, pairs);
    let order = peeling_order(&neighbours);
    let is_dense = |size: u64, pairs: u64| {
        size >= min_size as u64 && pairs * 200 >= u64::from(percent) * size * (size - 1)
    };
    let mut pieces = Pieces::new(n);
    let mut groups: Vec<Option<Group>> = Vec::new();
    let mut joined = vec![false; n];
    let mut seen_by = vec![usize::MAX; n];
    for &v in order.iter().rev() {
        joined[v] = true;
        let mut roots = Vec::new();
        let mut new_pairs = 0;
        for &w in &neighbours[v] {
            if joined[w] {
                new_pairs += 1;
                let root = pieces.find(w);
                if seen_by[root] != v {
                    seen_by[root] = v;
                    roots.push(root);
                }
            }
        }
        let size = 1 + roots.iter().map(|&r| pieces.size[r]).sum::<u64>();
        let pair_count = new_pairs + roots.iter().map(|&r| pieces.pairs[r]).sum::<u64>();
        let dense = is_dense(size, pair_count);
        if !dense {
            // Pieces that were dense stop growing here: they are groups.
            for &r in &roots {
                if pieces.dense[r] {
                    pieces.emit(r, &mut groups);
                }
            }
        }
        let root = pieces.join(v, &roots, pair_count, dense);
        if dense {
            // A dense piece supersedes the smaller groups inside it.
            for g in std::mem::take(&mut pieces.emitted[root]) {
                groups[g] = None;
            }
        }
    }
    for (v, &joined) in joined.iter().enumerate() {
        if joined && pieces.find(v) == v && pieces.dense[v] {
            pieces.emit(v, &mut groups);
        }
    }
    let mut groups: Vec<Group> = groups
        .into_iter()
        .flatten()
        .filter_map(|g| without_hangers_on(g, &neighbours))
        .filter(|g| is_dense(g.members.len() as u64, g.pairs))
        .collect();
    groups.sort_by(|a, b| a.members.cmp(&b.members));
    groups
}

/// A dense piece can carry a system hanging on by one or two connections (a mesh of four
/// plus one neighbour is still 70% dense). Such members are dropped, one at a time: any
/// with fewer than half the group's average number of connections inside the group.
fn without_hangers_on(mut group: Group, neighbours: &[Vec<usize>]) -> Option<Group> {
    loop {
        let inside = |v: usize| {
            neighbours[v]
                .iter()
                .filter(|w| group.members.binary_search(w).is_ok())
                .count() as u64
        };
        let degrees: Vec<u64> = group.members.iter().map(|&v| inside(v)).collect();
        let n = group.members.len() as u64;
        // The average is 2 * pairs / n, so "below half of it" is degree * n < pairs.
        let Some(weakest) = (0..group.members.len())
            .filter(|&k| degrees[k] * n < group.pairs)
            .min_by_key(|&k| (degrees[k], k))
        else {
            return Some(group);
        };
        group.pairs -= degrees[weakest];
        group.members.remove(weakest);
        if group.members.is_empty() {
            return None;
        }
    }
}

fn adjacency(n: usize, pairs: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut neighbours = vec![Vec::new(); n];
    for &(a, b) in pairs {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    neighbours
}

/// Systems in the order they are peeled: fewest remaining neighbours first.
fn peeling_order(neighbours: &[Vec<usize>]) -> Vec<usize> {
    let mut degree: Vec<usize> = neighbours.iter().map(Vec::len).collect();
    let mut heap: BinaryHeap<Reverse<(usize, usize)>> = degree
        .iter()
        .enumerate()
        .map(|(v, &d)| Reverse((d, v)))
        .collect();
    let mut removed = vec![false; neighbours.len()];
    let mut order = Vec::with_capacity(neighbours.len());
    while let Some(Reverse((d, v))) = heap.pop() {
        if removed[v] || d != degree[v] {
            continue; // a stale entry
        }
        removed[v] = true;
        order.push(v);
        for &w in &neighbours[v] {
            if !removed[w] {
                degree[w] -= 1;
                heap.push(Reverse((degree[w], w)));
            }
        }
    }
    order
}

/// Union-find over the replayed pieces, with each piece's members as a linked list.
struct Pieces {
    parent: Vec<usize>,
    size: Vec<u64>,
    pairs: Vec<u64>,
    dense: Vec<bool>,
    /// Groups already emitted from inside this piece.
    emitted: Vec<Vec<usize>>,
    head: Vec<usize>,
    tail: Vec<usize>,
    next: Vec<usize>,
}

const NONE: usize = usize::MAX;

impl Pieces {
    fn new(n: usize) -> Self {
        Pieces {
            parent: (0..n).collect(),
            size: vec![1; n],
            pairs: vec![0; n],
            dense: vec![false; n],
            emitted: vec![Vec::new(); n],
            head: (0..n).collect(),
            tail: (0..n).collect(),
            next: vec![NONE; n],
        }
    }

    fn find(&mut self, mut v: usize) -> usize {
        let mut root = v;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        while self.parent[v] != root {
            let up = self.parent[v];
            self.parent[v] = root;
            v = up;
        }
        root
    }

    /// Merges `v` and the pieces `roots` into one piece; returns its root.
    fn join(&mut self, v: usize, roots: &[usize], pairs: u64, dense: bool) -> usize {
        let root = roots
            .iter()
            .copied()
            .max_by_key(|&r| (self.size[r], Reverse(r)))
            .unwrap_or(v);
        for &other in roots.iter().chain([&v]).filter(|&&r| r != root) {
            self.parent[other] = root;
            self.size[root] += self.size[other];
            let moved = std::mem::take(&mut self.emitted[other]);
            self.emitted[root].extend(moved);
            self.next[self.tail[root]] = self.head[other];
            self.tail[root] = self.tail[other];
        }
        self.pairs[root] = pairs;
        self.dense[root] = dense;
        root
    }

    fn emit(&mut self, root: usize, groups: &mut Vec<Option<Group>>) {
        let mut members = Vec::with_capacity(self.size[root] as usize);
        let mut at = self.head[root];
        while at != NONE {
            members.push(at);
            at = self.next[at];
        }
        members.sort_unstable();
        self.emitted[root].push(groups.len());
        groups.push(Some(Group {
            members,
            pairs: self.pairs[root],
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clique(members: &[usize]) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                pairs.push((a.min(b), a.max(b)));
            }
        }
        pairs
    }

    #[test]
    fn two_meshes_joined_by_a_path_are_two_groups() {
        let mut pairs = clique(&[0, 1, 2, 3]);
        pairs.extend(clique(&[6, 7, 8, 9]));
        pairs.extend([(3, 4), (4, 5), (5, 6)]);
        let groups = dense_groups(10, &pairs, 4, 60);
        let members: Vec<_> = groups.iter().map(|g| g.members.clone()).collect();
        assert_eq!(members, [vec![0, 1, 2, 3], vec![6, 7, 8, 9]]);
        assert!(groups.iter().all(|g| g.pairs == 6));
    }

    #[test]
    fn a_mesh_inside_a_sparse_landscape_stands_out() {
        // A 5-system mesh missing one pair, each member also talking to a few leaves.
        let mut pairs: Vec<_> = clique(&[0, 1, 2, 3, 4])
            .into_iter()
            .filter(|&p| p != (0, 1))
            .collect();
        for leaf in 5..20 {
            pairs.push((leaf % 5, leaf));
        }
        let groups = dense_groups(20, &pairs, 4, 60);
        assert_eq!(
            groups,
            [Group {
                members: vec![0, 1, 2, 3, 4],
                pairs: 9
            }]
        );
    }

    #[test]
    fn a_chain_or_a_star_is_no_mesh() {
        let chain: Vec<_> = (1..10).map(|i| (i - 1, i)).collect();
        assert!(dense_groups(10, &chain, 4, 60).is_empty());
        let star: Vec<_> = (1..10).map(|i| (0, i)).collect();
        assert!(dense_groups(10, &star, 4, 60).is_empty());
    }

    #[test]
    fn a_larger_dense_piece_supersedes_the_groups_inside_it() {
        // Two 4-meshes fully joined to each other form one 8-system mesh.
        let pairs = clique(&[0, 1, 2, 3, 4, 5, 6, 7]);
        let groups = dense_groups(8, &pairs, 4, 60);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].members, (0..8).collect::<Vec<_>>());
    }
}
