//! How big jobs are shared between two cores: one worker takes the systems and the first
//! connections, the other the remaining connections.

/// How many connections go to the worker that also handles all systems, so both do about
/// the same amount of work; `system_cost` is what one system costs in connections.
pub(crate) fn connections_for_first_worker(
    systems: usize,
    connections: usize,
    system_cost: f64,
) -> usize {
    let systems_work = systems as f64 * system_cost;
    let share = ((connections as f64 - systems_work) / 2.0).max(0.0);
    (share as usize).min(connections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_workers_get_about_the_same_number_of_items() {
        let first = connections_for_first_worker(1_000, 3_000, 1.0);
        assert_eq!(1_000 + first, 3_000 - first);
        let weighted = connections_for_first_worker(1_000, 3_000, 1.5);
        assert_eq!(1_500 + weighted, 3_000 - weighted);
        assert_eq!(connections_for_first_worker(500, 100, 1.0), 0);
        assert_eq!(connections_for_first_worker(0, 0, 1.0), 0);
    }
}
