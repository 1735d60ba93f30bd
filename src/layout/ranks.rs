//! Layering: each node gets a rank (its layer) so that every edge, with feedback edges
//! reversed, points to a higher rank. Longest path first, then each node is pulled toward
//! the side it has more edges on, which shortens long edges (fewer bends, a narrower
//! drawing) without breaking any edge.

/// Ranks for an acyclic edge list (every edge `from → to` has `place[from] < place[to]`).
pub(super) fn ranks(count: usize, forward_edges: &[(usize, usize)], order: &[usize]) -> Vec<usize> {
    let mut predecessors = vec![Vec::new(); count];
    let mut successors = vec![Vec::new(); count];
    for &(from, to) in forward_edges {
        predecessors[to].push(from);
        successors[from].push(to);
    }
    // `order` lists the nodes so that every edge points forward in it.
    let mut rank = vec![0usize; count];
    for &v in order {
        rank[v] = predecessors[v]
            .iter()
            .map(|&u| rank[u] + 1)
            .max()
            .unwrap_or(0);
    }
    for _ in 0..4 {
        let mut moved = false;
        for &v in order.iter().rev() {
            let lowest = predecessors[v]
                .iter()
                .map(|&u| rank[u] + 1)
                .max()
                .unwrap_or(0);
            let highest = successors[v].iter().map(|&w| rank[w] - 1).min();
            let wanted = match highest {
                // Sources sit just before what they feed.
                Some(highest) if successors[v].len() > predecessors[v].len() => highest,
                None if predecessors[v].is_empty() => 0,
                Some(_) | None => lowest,
            };
            let wanted = wanted.max(lowest).min(highest.unwrap_or(usize::MAX));
            if wanted != rank[v] {
                rank[v] = wanted;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edge_points_to_a_higher_rank_and_sources_sit_by_their_consumer() {
        // 0 → 1 → 2 → 3, and 4 → 3: 4 belongs just before 3, not at rank 0.
        let edges = [(0, 1), (1, 2), (2, 3), (4, 3)];
        let rank = ranks(5, &edges, &[0, 4, 1, 2, 3]);
        assert!(edges.iter().all(|&(a, b)| rank[a] < rank[b]));
        assert_eq!(rank[4], rank[3] - 1);
    }
}
