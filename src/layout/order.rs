//! Ordering the nodes within each layer to reduce crossings: barycentre sweeps down and up
//! until a sweep no longer improves the count, then transposition of neighbours, keeping
//! the best order seen. The layers hold real nodes and the dummies of long edges.

/// Nodes by layer, in order; edges only between adjacent layers, from layer `l` to `l + 1`.
#[derive(Clone, Debug)]
pub(super) struct Layers {
    pub layers: Vec<Vec<usize>>,
    /// For each node, its neighbours in the next layer and in the previous one.
    pub down: Vec<Vec<usize>>,
    pub up: Vec<Vec<usize>>,
}

impl Layers {
    pub fn new(layers: Vec<Vec<usize>>, node_count: usize, edges: &[(usize, usize)]) -> Layers {
        let mut down = vec![Vec::new(); node_count];
        let mut up = vec![Vec::new(); node_count];
        for &(from, to) in edges {
            down[from].push(to);
            up[to].push(from);
        }
        Layers { layers, down, up }
    }

    fn positions(&self, node_count: usize) -> Vec<usize> {
        let mut position = vec![0; node_count];
        for layer in &self.layers {
            for (index, &v) in layer.iter().enumerate() {
                position[v] = index;
            }
        }
        position
    }

    /// Every crossing between adjacent layers.
    pub fn crossings(&self) -> usize {
        let position = self.positions(self.down.len());
        self.layers
            .windows(2)
            .map(|pair| bilayer_crossings(&pair[0], pair[1].len(), &self.down, &position))
            .sum()
    }
}

/// Crossings between two layers, counted with a Fenwick tree over the lower ends of the
/// edges taken in the order of their upper ends (Barth, Jünger and Mutzel).
fn bilayer_crossings(
    upper: &[usize],
    lower_len: usize,
    down: &[Vec<usize>],
    position: &[usize],
) -> usize {
    let mut ends: Vec<usize> = Vec::new();
    for &v in upper {
        let start = ends.len();
        ends.extend(down[v].iter().map(|&w| position[w]));
        ends[start..].sort_unstable();
    }
    let size = lower_len + 1;
    let mut tree = vec![0usize; size + 1];
    let mut crossings = 0;
    for (seen, &end) in ends.iter().enumerate() {
        // Edges already seen whose end lies after this one cross it.
        let mut at_or_before = 0;
        let mut i = end + 1;
        while i > 0 {
            at_or_before += tree[i];
            i &= i - 1;
        }
        crossings += seen - at_or_before;
        let mut i = end + 1;
        while i <= size {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    crossings
}

/// How many sweeps at most; a sweep that does not improve counts towards stopping.
const MAX_SWEEPS: usize = 24;
const PATIENCE: usize = 3;

/// Reorders the layers to reduce crossings; the result is the best order found.
pub(super) fn minimise_crossings(layers: &mut Layers) {
    let mut best = layers.layers.clone();
    let mut best_crossings = layers.crossings();
    let mut without_improvement = 0;
    for sweep in 0..MAX_SWEEPS {
        if best_crossings == 0 {
            break;
        }
        barycentre_sweep(layers, sweep % 2 == 0);
        let crossings = layers.crossings();
        if crossings < best_crossings {
            best_crossings = crossings;
            best = layers.layers.clone();
            without_improvement = 0;
        } else {
            without_improvement += 1;
            if without_improvement >= PATIENCE {
                break;
            }
        }
    }
    layers.layers = best;
    transpose(layers);
}

/// One sweep: each layer sorted by the mean position of its neighbours in the layer before
/// (downwards) or after (upwards). Nodes with no neighbours there keep their place.
fn barycentre_sweep(layers: &mut Layers, downwards: bool) {
    let count = layers.down.len();
    let mut position = layers.positions(count);
    let order: Vec<usize> = if downwards {
        (1..layers.layers.len()).collect()
    } else {
        (0..layers.layers.len().saturating_sub(1)).rev().collect()
    };
    for l in order {
        let neighbours = if downwards { &layers.up } else { &layers.down };
        let mut keyed: Vec<(f64, usize, usize)> = layers.layers[l]
            .iter()
            .enumerate()
            .map(|(index, &v)| {
                let near = &neighbours[v];
                let key = if near.is_empty() {
                    index as f64
                } else {
                    near.iter().map(|&u| position[u] as f64).sum::<f64>() / near.len() as f64
                };
                (key, index, v)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        layers.layers[l] = keyed.into_iter().map(|(_, _, v)| v).collect();
        for (index, &v) in layers.layers[l].iter().enumerate() {
            position[v] = index;
        }
    }
}

/// Crossings among the edges of `a` and `b` (with `a` before `b`) on one side.
fn pair_crossings(a: &[usize], b: &[usize], position: &[usize]) -> usize {
    a.iter()
        .map(|&x| b.iter().filter(|&&y| position[x] > position[y]).count())
        .sum()
}

/// Swaps neighbours in a layer while that removes crossings; stops when a pass changes
/// nothing (or after a bound, for huge layers).
fn transpose(layers: &mut Layers) {
    let count = layers.down.len();
    let mut position = layers.positions(count);
    for _ in 0..8 {
        let mut improved = false;
        for l in 0..layers.layers.len() {
            for i in 0..layers.layers[l].len().saturating_sub(1) {
                let (v, w) = (layers.layers[l][i], layers.layers[l][i + 1]);
                let now = pair_crossings(&layers.up[v], &layers.up[w], &position)
                    + pair_crossings(&layers.down[v], &layers.down[w], &position);
                let swapped = pair_crossings(&layers.up[w], &layers.up[v], &position)
                    + pair_crossings(&layers.down[w], &layers.down[v], &position);
                if swapped < now {
                    layers.layers[l].swap(i, i + 1);
                    position[v] = i + 1;
                    position[w] = i;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossings_are_counted_and_removed() {
        // 0,1 above 2,3: 0→3 and 1→2 cross once.
        let mut layers = Layers::new(vec![vec![0, 1], vec![2, 3]], 4, &[(0, 3), (1, 2)]);
        assert_eq!(layers.crossings(), 1);
        minimise_crossings(&mut layers);
        assert_eq!(layers.crossings(), 0);
    }

    #[test]
    fn the_count_matches_a_direct_count() {
        let edges = [(0, 5), (0, 6), (1, 4), (2, 4), (2, 7), (3, 5)];
        let layers = Layers::new(vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7]], 8, &edges);
        let position = layers.positions(8);
        let mut direct = 0;
        for (i, &(a, b)) in edges.iter().enumerate() {
            for &(c, d) in &edges[i + 1..] {
                let (pa, pb, pc, pd) = (position[a], position[b], position[c], position[d]);
                if (pa < pc && pb > pd) || (pa > pc && pb < pd) {
                    direct += 1;
                }
            }
        }
        assert_eq!(layers.crossings(), direct);
    }
}
