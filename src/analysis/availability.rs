//! Composite availability: a system is up only when it and everything it synchronously
//! depends on, directly or not, are up. The figure is the product over the *set* of
//! systems reachable by synchronous calls, so a shared dependency (a diamond) or a cycle
//! counts each system once.
//!
//! A call guarded by a circuit breaker is not a hard dependency: the breaker's fallback
//! answers while the callee is down, so the caller degrades instead of failing. Every
//! other synchronous call is.
//!
//! Reachable sets are bit sets over the condensation DAG (see `graph`), built callees
//! first. A component's set starts as a copy of its largest callee's set, and the product
//! is carried along with it; only members the other callees add are multiplied in. That
//! keeps the work near linear where sets overlap, as they do in real landscapes.

use std::cmp::Ordering;

use super::bitset::BitSet;
use super::graph::SyncGraph;
use super::landscape::{Landscape, is_synchronous};
use super::report::SystemAvailability;
use crate::model::{Connection, Resilience};

/// How many weakest or unrated dependencies a message names at most.
pub(crate) const NAMED: usize = 3;
/// Lists keep one more than they name, because a system drops itself from its own list.
const KEPT: usize = NAMED + 1;

/// One system's composite availability.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Composite {
    /// The system's own SLA as a fraction, when it has a valid one.
    pub own: Option<f64>,
    /// Its own availability times that of every system it synchronously reaches.
    pub effective: f64,
    /// Its dependencies with the lowest availability, lowest first.
    pub weakest: Vec<usize>,
    /// Dependencies without a valid SLA (counted as 100%), by position.
    pub unrated: Vec<usize>,
}

/// Whether the caller is down when the callee is: a synchronous call with no circuit breaker.
pub(crate) fn is_hard_dependency(connection: &Connection) -> bool {
    is_synchronous(connection) && !connection.resilience.contains(&Resilience::CircuitBreaker)
}

/// A system's SLA as a fraction; unset, not a number or outside 0–100 count as unknown
/// (loading reports the last two as `sla-out-of-range`).
pub(crate) fn own_fraction(landscape: &Landscape, i: usize) -> Option<f64> {
    let availability = &landscape.systems[i].availability;
    match availability.percent {
        Some(p) if availability.is_in_range() => Some(p / 100.0),
        _ => None,
    }
}

/// Per-component facts carried from callees to callers.
struct Reach {
    /// Product of the availability of every system the component reaches, its own included.
    product: f64,
    weakest: Vec<usize>,
    unrated: Vec<usize>,
}

pub(crate) fn composite(landscape: &Landscape, graph: &SyncGraph) -> Vec<Composite> {
    let own: Vec<Option<f64>> = (0..landscape.len())
        .map(|i| own_fraction(landscape, i))
        .collect();
    let rate = |i: usize| own[i].unwrap_or(1.0);
    let count = graph.components();
    // Only components that someone calls can be in another's set: they get the bits.
    let mut bit_of = vec![usize::MAX; count];
    let mut component_of_bit = Vec::new();
    for (c, &called) in graph.called.iter().enumerate() {
        if called {
            bit_of[c] = component_of_bit.len();
            component_of_bit.push(c);
        }
    }
    let own_product: Vec<f64> = graph
        .members
        .iter()
        .map(|members| members.iter().map(|&m| rate(m)).product())
        .collect();
    let mut sets: Vec<Option<BitSet>> = vec![None; count];
    let mut sizes = vec![0usize; count];
    let mut reach: Vec<Reach> = Vec::with_capacity(count);
    // Callees have lower numbers, so each component's callees are done before it.
    for c in 0..count {
        let (mut weakest, mut unrated): (Vec<usize>, Vec<usize>) =
            graph.members[c].iter().partition(|&&m| own[m].is_some());
        let mut callees: Vec<usize> = graph.calls[c].iter().map(|&(t, _)| t).collect();
        callees.dedup();
        let mut product = own_product[c];
        if let Some(&largest) = callees
            .iter()
            .max_by_key(|&&t| (sizes[t], std::cmp::Reverse(t)))
        {
            let mut set = match &sets[largest] {
                Some(set) => set.clone(),
                None => single(component_of_bit.len(), bit_of[largest]),
            };
            product *= reach[largest].product;
            for &t in callees.iter().filter(|&&t| t != largest) {
                match &sets[t] {
                    Some(other) => set.union_with_new(other, |bit| {
                        product *= own_product[component_of_bit[bit]];
                    }),
                    None if !set.contains(bit_of[t]) => {
                        set.insert(bit_of[t]);
                        product *= own_product[t];
                    }
                    None => {}
                }
            }
            for &t in &callees {
                weakest.extend_from_slice(&reach[t].weakest);
                unrated.extend_from_slice(&reach[t].unrated);
            }
            if graph.called[c] {
                set.insert(bit_of[c]);
            }
            sizes[c] = set.len();
            sets[c] = Some(set);
        } else {
            sizes[c] = 1;
        }
        reach.push(Reach {
            product,
            weakest: lowest(weakest, |a, b| rate(a).total_cmp(&rate(b))),
            unrated: lowest(unrated, |_, _| Ordering::Equal),
        });
    }
    (0..landscape.len())
        .map(|i| {
            let r = &reach[graph.component[i]];
            let others = |list: &[usize]| {
                list.iter()
                    .copied()
                    .filter(|&m| m != i)
                    .take(NAMED)
                    .collect()
            };
            Composite {
                own: own[i],
                effective: r.product,
                weakest: others(&r.weakest),
                unrated: others(&r.unrated),
            }
        })
        .collect()
}

fn single(len: usize, bit: usize) -> BitSet {
    let mut set = BitSet::new(len);
    set.insert(bit);
    set
}

/// The first `KEPT` distinct systems by `order`, then by position (project order).
fn lowest(mut list: Vec<usize>, order: impl Fn(usize, usize) -> Ordering) -> Vec<usize> {
    list.sort_by(|&a, &b| order(a, b).then(a.cmp(&b)));
    list.dedup();
    list.truncate(KEPT);
    list
}

/// The report's availability table: every system, in project order.
pub(crate) fn report(landscape: &Landscape, composite: &[Composite]) -> Vec<SystemAvailability> {
    composite
        .iter()
        .enumerate()
        .map(|(i, c)| SystemAvailability {
            system: landscape.id(i),
            // As written, so 99.95 stays 99.95 rather than a fraction times 100.
            own_percent: c.own.and(landscape.systems[i].availability.percent),
            effective_percent: c.own.map(|_| c.effective * 100.0),
        })
        .collect()
}
