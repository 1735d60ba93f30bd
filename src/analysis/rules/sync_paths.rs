//! Synchronous coupling along paths: cycles, long chains and latency budgets. All three
//! work on the condensation DAG (see `graph`): one pass callees first, never per path.

use super::Context;
use crate::analysis::graph::Edge;
use crate::analysis::latency::budget_ms;
use crate::analysis::report::{Finding, Severity};
use crate::analysis::rule::{Concerns, Rule, name_list};
use crate::model::format_latency_ms;

pub static SYNC_CHAIN: Rule = Rule {
    id: "sync-chain",
    severity: Severity::Warning,
    why: "The first caller waits for every hop: latencies add up, availabilities multiply, \
          and one slow system at the end ties up threads and connections all the way back.",
    pattern: "Shorten the chain: let downstream steps run asynchronously (message queue, \
              publish-subscribe or a saga), keep a local read model of the data the caller \
              needs (CQRS, change data capture), and guard the hops that stay with timeouts \
              and circuit breakers.",
};

pub static SYNC_CYCLE: Rule = Rule {
    id: "sync-cycle",
    severity: Severity::Error,
    why: "Systems that call each other synchronously can deadlock or recurse, cannot be \
          started, deployed or scaled independently, and one failure takes all of them down.",
    pattern: "Break the cycle: turn one direction into events (publish-subscribe) or a \
              callback through a queue, or move the shared logic into one owning service.",
};

pub static LATENCY_BUDGET: Rule = Rule {
    id: "latency-budget",
    severity: Severity::Warning,
    why: "A caller waits for the sum of the hops it calls through; if the hops' own targets \
          already add up to more than the requirement, the requirement cannot be met when \
          they are slow.",
    pattern: "Take slow steps off the synchronous path (asynchronous messaging with a later \
              notification), cache or pre-compute responses, call independent services in \
              parallel, and give each hop a timeout that fits the budget.",
};

pub(super) fn check(cx: &Context, findings: &mut Vec<Finding>) {
    cycles(cx, findings);
    chains(cx, findings);
    latency(cx, findings);
}

fn cycles(cx: &Context, findings: &mut Vec<Finding>) {
    let (l, g) = (&cx.landscape, &cx.graph);
    for c in (0..g.components()).filter(|&c| g.is_cycle(c)) {
        let members = &g.members[c];
        let mut inner: Vec<usize> = g.inner[c].iter().map(|(_, e)| e.link).collect();
        inner.sort_unstable();
        let connections = inner.iter().map(|&k| l.links[k].connection.id).collect();
        let round = cycle_through(cx, c);
        let mut systems = round.clone();
        systems.extend(members.iter().filter(|m| !round.contains(m)));
        let mut names: Vec<&str> = round.iter().map(|&m| l.name(m)).collect();
        names.push(l.name(round[0]));
        let mut message = if round.len() == 1 {
            format!("{} calls itself synchronously.", names[0])
        } else {
            format!(
                "Synchronous calls go round in a cycle: {}.",
                names.join(" → ")
            )
        };
        if members.len() > round.len() {
            let all: Vec<&str> = members.iter().map(|&m| l.name(m)).collect();
            message.push_str(&format!(
                " In all, {} systems call each other in cycles: {}.",
                members.len(),
                name_list(&all, 8)
            ));
        }
        let systems = systems.iter().map(|&m| l.id(m)).collect();
        findings.push(SYNC_CYCLE.finding(message, Concerns::systems(systems, connections)));
    }
}

/// A shortest cycle through the component's first member, by breadth-first search over
/// the calls inside the component; the systems in call order.
fn cycle_through(cx: &Context, c: usize) -> Vec<usize> {
    let g = &cx.graph;
    let start = g.members[c][0];
    let local = |s: usize| g.members[c].binary_search(&s).ok();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); g.members[c].len()];
    for &(from, edge) in &g.inner[c] {
        if let (Some(f), Some(_)) = (local(from), local(edge.to)) {
            out[f].push(edge.to);
        }
    }
    let mut parent = vec![usize::MAX; out.len()];
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(s) = queue.pop_front() {
        for &t in &out[local(s).unwrap_or(0)] {
            if t == start {
                let mut round = vec![s];
                while *round.last().unwrap_or(&start) != start {
                    let last = round[round.len() - 1];
                    round.push(parent[local(last).unwrap_or(0)]);
                }
                round.reverse();
                round.dedup();
                return round;
            }
            let lt = local(t).unwrap_or(0);
            if parent[lt] == usize::MAX && t != start {
                parent[lt] = s;
                queue.push_back(t);
            }
        }
    }
    vec![start]
}

/// The systems a path of calls between components passes, with where it enters and
/// leaves a cycle when those differ; the separators say which: → a call, ⇄ the cycle.
fn path_through(cx: &Context, edges: &[Edge]) -> (Vec<usize>, String) {
    let l = &cx.landscape;
    let Some(first) = edges.first() else {
        return (Vec::new(), String::new());
    };
    let mut systems = vec![l.links[first.link].from];
    let mut label = l.name(systems[0]).to_owned();
    for edge in edges {
        let link = &l.links[edge.link];
        if link.from != systems[systems.len() - 1] {
            systems.push(link.from);
            label.push_str(&format!(" ⇄ {}", l.name(link.from)));
        }
        systems.push(link.to);
        label.push_str(&format!(" → {}", l.name(link.to)));
    }
    (systems, label)
}

/// A path's systems and connections; the key is the systems.
fn concerns(cx: &Context, systems: &[usize], edges: &[Edge]) -> Concerns {
    let l = &cx.landscape;
    let connections = edges
        .iter()
        .map(|e| l.links[e.link].connection.id)
        .collect();
    Concerns::systems(systems.iter().map(|&s| l.id(s)).collect(), connections)
}

/// For every component, the heaviest path of calls that starts there (by `weight`, which
/// is never negative) and its first step. One pass, callees first; ties go to the first
/// call in component order, so the result is deterministic.
fn heaviest(cx: &Context, weight: impl Fn(&Edge) -> u64) -> (Vec<u64>, Vec<Option<(usize, Edge)>>) {
    let g = &cx.graph;
    let mut total = vec![0u64; g.components()];
    let mut next = vec![None; g.components()];
    for c in 0..g.components() {
        for &(t, edge) in &g.calls[c] {
            let sum = weight(&edge).saturating_add(total[t]);
            if sum > total[c] {
                total[c] = sum;
                next[c] = Some((t, edge));
            }
        }
    }
    (total, next)
}

fn chains(cx: &Context, findings: &mut Vec<Finding>) {
    let (l, g) = (&cx.landscape, &cx.graph);
    let limit = u64::from(cx.thresholds.max_sync_chain_depth);
    let (hops, next) = heaviest(cx, |_| 1);
    // Each chain is reported once, from where it starts: a component nobody calls.
    for c in (0..g.components()).filter(|&c| !g.called[c] && hops[c] > limit) {
        let edges = follow(&next, c);
        let (systems, label) = path_through(cx, &edges);
        let message = format!(
            "{label} is a chain of {} synchronous calls, more than the {limit} allowed: {} \
             waits for all of them.",
            edges.len(),
            l.name(systems[0]),
        );
        findings.push(SYNC_CHAIN.finding(message, concerns(cx, &systems, &edges)));
    }
}

fn follow(next: &[Option<(usize, Edge)>], start: usize) -> Vec<Edge> {
    let mut edges = Vec::new();
    let mut at = start;
    while let Some((t, edge)) = next[at] {
        edges.push(edge);
        at = t;
    }
    edges
}

fn latency(cx: &Context, findings: &mut Vec<Finding>) {
    let (l, g) = (&cx.landscape, &cx.graph);
    let requirement = l.project.requirements.latency_requirements.trim();
    let Some(budget) = budget_ms(requirement) else {
        return;
    };
    let target = |e: &Edge| l.links[e.link].connection.latency_target_ms.unwrap_or(0);
    let (total, next) = heaviest(cx, target);
    for c in (0..g.components()).filter(|&c| !g.called[c] && total[c] > budget) {
        let mut edges = follow(&next, c);
        // Start at the first hop with a target: hops without one add nothing.
        let lead = edges.iter().take_while(|e| target(e) == 0).count();
        edges.drain(..lead);
        let (systems, label) = path_through(cx, &edges);
        let parts: Vec<String> = edges
            .iter()
            .filter(|e| target(e) > 0)
            .map(|e| format_latency_ms(target(e)))
            .collect();
        let sum = match parts.as_slice() {
            [_] => String::new(),
            _ => format!(" ({})", parts.join(" + ")),
        };
        let message = format!(
            "{label}: the latency targets of these synchronous calls add up to {}{sum}, more \
             than {}, the loosest response time the latency requirement names (\"{}\").",
            format_latency_ms(total[c]),
            format_latency_ms(budget),
            shorten(requirement, 80),
        );
        findings.push(LATENCY_BUDGET.finding(message, concerns(cx, &systems, &edges)));
    }
}

/// The text cut to at most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Severity;
    use crate::analysis::testing::Build;
    use crate::model::SystemId;

    fn chain(b: &mut Build, names: &[&str]) -> Vec<SystemId> {
        let ids: Vec<_> = names.iter().map(|n| b.system(n)).collect();
        for pair in ids.windows(2) {
            b.call(pair[0], pair[1]);
        }
        ids
    }

    #[test]
    fn four_synchronous_hops_are_a_chain_reported_once() {
        let mut b = Build::new();
        let ids = chain(
            &mut b,
            &[
                "Checkout",
                "Payments",
                "Fraud",
                "Bank gateway",
                "Card network",
            ],
        );
        // A branch off the chain is part of no longer chain.
        let audit = b.system("Audit");
        b.call(ids[1], audit);
        let f = b.only("sync-chain", &[]);
        assert_eq!(f.severity, Severity::Warning);
        assert!(
            f.message.starts_with("Checkout → Payments → Fraud → Bank gateway → Card network is a chain of 4 synchronous calls, more than the 3 allowed"),
            "{}",
            f.message
        );
        assert_eq!(f.systems, ids);
        assert_eq!(f.connections.len(), 4);
        // Ids are handed out in order, so these are sorted already.
        assert_eq!(
            f.key,
            format!(
                "sync-chain:{}",
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            )
        );
    }

    #[test]
    fn a_chain_of_three_hops_or_one_broken_by_a_message_is_fine() {
        let mut b = Build::new();
        chain(&mut b, &["A", "B", "C", "D"]);
        assert!(b.findings("sync-chain").is_empty());
        let mut b = Build::new();
        let ids = chain(&mut b, &["A", "B", "C", "D"]);
        let e = b.system("E");
        b.publish(ids[3], e);
        assert!(b.findings("sync-chain").is_empty());
    }

    #[test]
    fn a_complete_dag_of_thirty_systems_is_one_chain_of_29_hops() {
        // 435 synchronous calls; enumerating paths would take 2^28 of them.
        let mut b = Build::new();
        let ids: Vec<_> = (0..30).map(|i| b.system(&format!("S{i}"))).collect();
        for (i, &from) in ids.iter().enumerate() {
            for &to in &ids[i + 1..] {
                b.call(from, to);
            }
        }
        let f = b.only(
            "sync-chain",
            &["S0 → S1 → S2", "S28 → S29", "29 synchronous calls"],
        );
        assert_eq!(f.systems, ids);
        assert_eq!(f.connections.len(), 29);
    }

    #[test]
    fn calls_that_go_round_are_a_cycle() {
        let mut b = Build::new();
        let ids = chain(&mut b, &["Orders", "Stock", "Pricing"]);
        let back = b.call(ids[2], ids[0]);
        let f = b.only("sync-cycle", &["Orders → Stock → Pricing → Orders"]);
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.systems, ids);
        assert_eq!(f.connections.len(), 3);
        assert!(f.connections.contains(&back));
        // Publishing the way back instead breaks the cycle.
        b.connection_mut(back).style = Some(crate::model::InteractionStyle::PublishSubscribe);
        assert!(b.findings("sync-cycle").is_empty());
    }

    #[test]
    fn a_system_calling_itself_is_a_cycle() {
        let mut b = Build::new();
        let a = b.system("Loopy");
        let c = b.call(a, a);
        let f = b.only("sync-cycle", &["Loopy calls itself synchronously"]);
        assert_eq!((f.systems, f.connections), (vec![a], vec![c]));
    }

    #[test]
    fn a_chain_through_a_cycle_counts_the_cycle_as_one_stop() {
        let mut b = Build::new();
        let ids = chain(&mut b, &["A", "B", "C", "D", "E", "F"]);
        b.call(ids[2], ids[1]); // B ⇄ C
        let f = b.only("sync-chain", &["A → B ⇄ C → D"]);
        assert!(
            f.message.contains("chain of 4 synchronous calls"),
            "{}",
            f.message
        );
    }

    #[test]
    fn latency_targets_adding_up_past_the_requirement() {
        let mut b = Build::new();
        b.project.requirements.latency_requirements = "p95 < 500 ms".into();
        let ids = chain(&mut b, &["Checkout", "Payments", "Bank"]);
        for (k, ms) in [(0, 300), (1, 300)] {
            b.project.connections[k].latency_target_ms = Some(ms);
        }
        let f = b.only(
            "latency-budget",
            &[
                "Checkout → Payments → Bank",
                "600 ms (300 ms + 300 ms)",
                "500 ms",
            ],
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.systems, ids);
        b.project.connections[1].latency_target_ms = Some(200);
        assert!(b.findings("latency-budget").is_empty());
    }

    #[test]
    fn no_latency_finding_without_a_figure_in_the_requirement() {
        let mut b = Build::new();
        b.project.requirements.latency_requirements = "as fast as the business needs".into();
        chain(&mut b, &["A", "B"]);
        b.project.connections[0].latency_target_ms = Some(60_000);
        assert!(b.findings("latency-budget").is_empty());
    }
}
