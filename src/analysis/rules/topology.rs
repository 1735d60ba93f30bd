//! Point-to-point sprawl: hubs with too many direct connections, and meshes.

use super::Context;
use crate::analysis::landscape::Link;
use crate::analysis::mesh::dense_groups;
use crate::analysis::report::{Finding, Severity};
use crate::analysis::rule::{Concerns, Rule, name_list};

pub static P2P_HUB: Rule = Rule {
    id: "p2p-hub",
    severity: Severity::Warning,
    why: "Every direct connection is an interface the system's team must build, change and \
          keep running; past a handful, changes ripple everywhere and nobody sees the whole \
          set of contracts.",
    pattern: "Hub-and-spoke integration: put a message broker or an integration platform \
              (or an API gateway for synchronous calls) between this system and its partners, \
              so each partner connects once to the hub.",
};

pub static P2P_MESH: Rule = Rule {
    id: "p2p-mesh",
    severity: Severity::Warning,
    why: "n systems wired point to point need up to n(n-1)/2 interfaces; each new member \
          adds one per existing member, and a change to one format or endpoint touches all \
          of them.",
    pattern: "Replace the mesh with a bus or a broker (publish-subscribe or hub-and-spoke): \
              each system publishes and subscribes once, and a canonical data model keeps \
              the mappings to one per system.",
};

pub(super) fn check(cx: &Context, findings: &mut Vec<Finding>) {
    hubs(cx, findings);
    meshes(cx, findings);
}

/// Connections through a broker, bus, integration engine or gateway are the hub-and-spoke
/// pattern, not point-to-point: they do not count, and the hub itself is never a finding.
fn point_to_point<'a>(cx: &'a Context) -> impl Iterator<Item = (usize, &'a Link<'a>)> {
    let l = &cx.landscape;
    l.links
        .iter()
        .enumerate()
        .filter(|(_, link)| !l.is_intermediary(link.from) && !l.is_intermediary(link.to))
}

fn hubs(cx: &Context, findings: &mut Vec<Finding>) {
    let l = &cx.landscape;
    let mut touching: Vec<Vec<usize>> = vec![Vec::new(); l.len()];
    for (k, link) in point_to_point(cx) {
        touching[link.from].push(k);
        if link.to != link.from {
            touching[link.to].push(k);
        }
    }
    let limit = cx.thresholds.max_direct_connections as usize;
    for (i, links) in touching.iter().enumerate() {
        if links.len() <= limit {
            continue;
        }
        let mut partners: Vec<usize> = links
            .iter()
            .map(|&k| {
                let link = &l.links[k];
                if link.from == i { link.to } else { link.from }
            })
            .collect();
        partners.sort_unstable();
        partners.dedup();
        let names: Vec<&str> = partners.iter().map(|&p| l.name(p)).collect();
        let message = format!(
            "{} has {} direct connections, more than the {limit} allowed: with {}.",
            l.name(i),
            links.len(),
            name_list(&names, 6),
        );
        let connections = links.iter().map(|&k| l.links[k].connection.id).collect();
        findings.push(P2P_HUB.finding(message, Concerns::systems(vec![l.id(i)], connections)));
    }
}

fn meshes(cx: &Context, findings: &mut Vec<Finding>) {
    let l = &cx.landscape;
    let mut pairs: Vec<(usize, usize)> = point_to_point(cx)
        .map(|(_, link)| link)
        .filter(|link| link.from != link.to)
        .map(|link| (link.from.min(link.to), link.from.max(link.to)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    // Two systems are a connection, not a mesh.
    let min_size = (cx.thresholds.mesh_min_systems as usize).max(3);
    let percent = cx.thresholds.mesh_density_percent;
    let groups = dense_groups(l.len(), &pairs, min_size, percent);
    if groups.is_empty() {
        return;
    }
    let mut group_of = vec![usize::MAX; l.len()];
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.members {
            group_of[m] = g;
        }
    }
    let mut inside = vec![Vec::new(); groups.len()];
    for (_, link) in point_to_point(cx) {
        let g = group_of[link.from];
        if g != usize::MAX && g == group_of[link.to] && link.from != link.to {
            inside[g].push(link.connection.id);
        }
    }
    for (group, connections) in groups.iter().zip(inside) {
        let n = group.members.len() as u64;
        let possible = n * (n - 1) / 2;
        let names: Vec<&str> = group.members.iter().map(|&m| l.name(m)).collect();
        let message = format!(
            "{} are meshed point to point: {} of the {possible} possible pairs are directly \
             connected ({}%, threshold {percent}%).",
            name_list(&names, 8),
            group.pairs,
            group.pairs * 100 / possible.max(1),
        );
        let systems = group.members.iter().map(|&m| l.id(m)).collect();
        findings.push(P2P_MESH.finding(message, Concerns::systems(systems, connections)));
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::Build;

    #[test]
    fn a_system_with_too_many_connections_is_a_hub() {
        let mut b = Build::new();
        let hub = b.system("Order service");
        let mut partners = Vec::new();
        for i in 0..7 {
            let p = b.system(&format!("Partner {i}"));
            partners.push(b.publish(hub, p));
        }
        let findings = b.findings("p2p-hub");
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(f.severity, crate::analysis::Severity::Warning);
        assert_eq!(f.systems, [hub]);
        assert_eq!(f.connections, partners);
        assert_eq!(f.key, format!("p2p-hub:{hub}"));
        assert!(
            f.message
                .starts_with("Order service has 7 direct connections, more than the 6"),
            "{}",
            f.message
        );
        assert!(f.message.contains("Partner 0"), "{}", f.message);
    }

    #[test]
    fn six_connections_are_within_the_limit() {
        let mut b = Build::new();
        let hub = b.system("Order service");
        for i in 0..6 {
            let p = b.system(&format!("Partner {i}"));
            b.publish(hub, p);
        }
        assert!(b.findings("p2p-hub").is_empty());
    }

    #[test]
    fn a_broker_is_no_hub_and_connections_to_it_are_not_direct() {
        let mut b = Build::new();
        let broker = b.system("Event broker");
        let shop = b.system("Shop");
        b.publish(shop, broker);
        for i in 0..7 {
            let p = b.system(&format!("Consumer {i}"));
            b.publish(broker, p);
            b.publish(p, broker);
        }
        for i in 0..6 {
            let p = b.system(&format!("Partner {i}"));
            b.publish(shop, p);
        }
        assert!(b.findings("p2p-hub").is_empty());
    }

    #[test]
    fn four_systems_all_talking_to_each_other_are_a_mesh() {
        let mut b = Build::new();
        let names = ["Shop", "Stock", "Billing", "Shipping"];
        let ids: Vec<_> = names.iter().map(|n| b.system(n)).collect();
        let mut connections = Vec::new();
        for (i, &a) in ids.iter().enumerate() {
            for &c in &ids[i + 1..] {
                connections.push(b.publish(a, c));
            }
        }
        let findings = b.findings("p2p-mesh");
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(f.severity, crate::analysis::Severity::Warning);
        assert_eq!(f.systems, ids);
        assert_eq!(f.connections, connections);
        assert!(
            f.message
                .starts_with("Shop, Stock, Billing and Shipping are meshed"),
            "{}",
            f.message
        );
        assert!(
            f.message.contains("6 of the 6 possible pairs"),
            "{}",
            f.message
        );
    }

    #[test]
    fn the_same_systems_through_a_broker_are_no_mesh() {
        let mut b = Build::new();
        let broker = b.system("Broker");
        for name in ["Shop", "Stock", "Billing", "Shipping"] {
            let s = b.system(name);
            b.publish(s, broker);
        }
        assert!(b.findings("p2p-mesh").is_empty());
    }
}
