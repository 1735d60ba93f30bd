use super::*;
use crate::analysis::Severity;
use crate::model::{Zone, ZoneId};

/// A → B → C → D → E, with A and B in zone "Front", E in zone "Back" and F alone.
fn chain() -> Project {
    let mut p = Project::new("Chain");
    for name in ["Front", "Back"] {
        let id = p.allocate_zone_id();
        p.zones.push(Zone {
            id,
            name: name.into(),
            kind: None,
            notes: String::new(),
        });
    }
    let (front, back) = (p.zones[0].id, p.zones[1].id);
    for name in ["A", "B", "C", "D", "E", "F"] {
        let id = p.allocate_system_id();
        let mut s = System::new(id, name);
        s.zone = match name {
            "A" | "B" => Some(front),
            "E" => Some(back),
            _ => None,
        };
        p.systems.push(s);
    }
    for pair in 0..4 {
        let id = p.allocate_connection_id();
        let (from, to) = (p.systems[pair].id, p.systems[pair + 1].id);
        let mut c = Connection::new(id, from, to);
        c.data = format!("data {pair}");
        p.connections.push(c);
    }
    p
}

fn id(p: &Project, name: &str) -> SystemId {
    p.systems.iter().find(|s| s.name == name).unwrap().id
}

fn names(p: &Project, ids: &[SystemId]) -> Vec<String> {
    ids.iter().map(|&s| p.system_name(s)).collect()
}

fn around(p: &Project, systems: &[&str], hops: u32) -> ScopeResolution {
    let scope = PromptScope {
        zones: Vec::new(),
        systems: systems.iter().map(|n| id(p, n)).collect(),
        hops,
    };
    ScopeResolution::new(p, &scope)
}

#[test]
fn zones_and_systems_combine_as_a_union() {
    let p = chain();
    let scope = PromptScope {
        zones: vec![p.zones[1].id],
        systems: vec![id(&p, "A")],
        hops: 0,
    };
    let r = ScopeResolution::new(&p, &scope);
    assert_eq!(names(&p, &r.systems), ["A", "E"]);
    assert_eq!(r.describe(&p, 0), "zone Back, system A — 2 of 6 systems");
}

#[test]
fn hops_follow_data_flows_in_either_direction() {
    let p = chain();
    assert_eq!(names(&p, &around(&p, &["C"], 0).systems), ["C"]);
    assert_eq!(names(&p, &around(&p, &["C"], 1).systems), ["B", "C", "D"]);
    assert_eq!(
        names(&p, &around(&p, &["C"], 2).systems),
        ["A", "B", "C", "D", "E"]
    );
    // A hop count far past the landscape's diameter stops at what is reachable.
    assert_eq!(
        names(&p, &around(&p, &["C"], u32::MAX).systems),
        ["A", "B", "C", "D", "E"]
    );
}

#[test]
fn hops_expand_from_zone_members_too() {
    let p = chain();
    let scope = PromptScope {
        zones: vec![p.zones[0].id],
        systems: Vec::new(),
        hops: 1,
    };
    let r = ScopeResolution::new(&p, &scope);
    assert_eq!(names(&p, &r.systems), ["A", "B", "C"]);
    assert_eq!(
        r.describe(&p, 1),
        "zone Front, plus 1 hop along data flows — 3 of 6 systems"
    );
}

#[test]
fn flows_are_inside_crossing_or_outside() {
    let p = chain();
    let r = around(&p, &["B", "C"], 0);
    let c = |n: usize| p.connections[n].id;
    assert_eq!(r.inside, [c(1)]);
    assert_eq!(r.crossing, [c(0), c(2)]);
    assert_eq!(r.other_flows, 1);
}

#[test]
fn outside_systems_at_the_boundary_get_a_context_entry_and_the_rest_a_count() {
    let mut p = chain();
    p.connections[1].direction = Direction::BothWays;
    let r = around(&p, &["C"], 0);
    let texts: Vec<&str> = r.context.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "**B** (zone: Front) — exchanges data 1 with C",
            "**D** — receives data 2 from C",
        ]
    );
    // A, E and F; A → B and D → E.
    assert_eq!((r.other_systems, r.other_flows), (3, 2));
    assert_eq!(
        r.outside_line(),
        "3 other systems and 2 data flows are outside this scope and not shown."
    );
}

#[test]
fn an_outside_system_with_several_flows_lists_them_all_in_one_entry() {
    let mut p = chain();
    let (d, c) = (id(&p, "D"), id(&p, "C"));
    let back = p.allocate_connection_id();
    let mut flow = Connection::new(back, d, c);
    flow.data = "acks".into();
    p.connections.push(flow);
    let r = around(&p, &["C"], 0);
    assert_eq!(
        r.context[1].text,
        "**D** — receives data 2 from C; sends acks to C"
    );
}

#[test]
fn the_outside_line_counts_in_the_singular_and_disappears_when_nothing_is_left() {
    let p = chain();
    let r = around(&p, &["A", "B", "C", "D", "E"], 0);
    assert_eq!(
        r.outside_line(),
        "1 other system is outside this scope and not shown."
    );
    let all = around(&p, &["A", "B", "C", "D", "E", "F"], 0);
    assert_eq!(all.outside_line(), "");
    assert!(all.context.is_empty());
}

#[test]
fn stale_ids_are_ignored() {
    let p = chain();
    let scope = PromptScope {
        zones: vec![ZoneId(900)],
        systems: vec![SystemId(901), id(&p, "F")],
        hops: 2,
    };
    let r = ScopeResolution::new(&p, &scope);
    assert_eq!(names(&p, &r.systems), ["F"]);
    assert_eq!(
        r.describe(&p, 2),
        "system F, plus 2 hops along data flows — 1 of 6 systems"
    );

    let gone = PromptScope {
        zones: vec![ZoneId(900)],
        systems: vec![SystemId(901)],
        hops: 1,
    };
    let r = ScopeResolution::new(&p, &gone);
    assert!(r.systems.is_empty() && r.inside.is_empty() && r.crossing.is_empty());
    assert!(r.context.is_empty());
    assert_eq!((r.other_systems, r.other_flows), (6, 4));
    assert!(
        r.describe(&p, 1)
            .starts_with("zones and systems that are no longer")
    );
    assert!(r.no_systems().contains("no longer in the project"));
}

#[test]
fn a_flow_to_a_system_missing_from_the_file_reaches_nothing() {
    let mut p = chain();
    let broken = p.allocate_connection_id();
    p.connections
        .push(Connection::new(broken, id(&p, "C"), SystemId(999)));
    let r = around(&p, &["C"], 3);
    assert_eq!(names(&p, &r.systems), ["A", "B", "C", "D", "E"]);
    // It still crosses the boundary, but has no outside system to describe.
    assert!(r.crossing.contains(&broken));
    assert_eq!(r.context.len(), 0);
}

#[test]
fn many_chosen_systems_are_counted_in_the_scope_line() {
    let p = chain();
    let r = around(&p, &["A", "B", "C", "F"], 0);
    assert_eq!(r.describe(&p, 0), "4 chosen systems — 4 of 6 systems");
    let r = around(&p, &["A", "C", "F"], 0);
    assert_eq!(r.describe(&p, 0), "systems A, C and F — 3 of 6 systems");
}

#[test]
fn a_finding_touches_the_scope_through_a_system_or_a_flow() {
    let p = chain();
    let r = around(&p, &["C"], 0);
    let finding = |systems: Vec<SystemId>, connections: Vec<ConnectionId>| Finding {
        rule: "test",
        severity: Severity::Warning,
        message: String::new(),
        why: String::new(),
        pattern: String::new(),
        systems,
        connections,
        key: String::new(),
    };
    assert!(r.touches(&finding(vec![id(&p, "C")], vec![])));
    // B → C crosses the boundary.
    assert!(r.touches(&finding(vec![], vec![p.connections[1].id])));
    assert!(!r.touches(&finding(vec![id(&p, "A")], vec![p.connections[0].id])));
}

#[test]
fn the_scoped_part_keeps_the_zones_chosen_or_holding_a_system_in_scope() {
    let mut p = chain();
    let empty = p.allocate_zone_id();
    p.zones.push(Zone {
        id: empty,
        name: "Empty".into(),
        kind: None,
        notes: String::new(),
    });
    p.prompt.scope = PromptScope {
        zones: vec![empty],
        systems: vec![id(&p, "B")],
        hops: 0,
    };
    let scoped = Scoped::new(&p);
    let zones: Vec<&str> = scoped
        .project
        .zones
        .iter()
        .map(|z| z.name.as_str())
        .collect();
    assert_eq!(zones, ["Front", "Empty"]);
    assert_eq!(names(&p, &scoped.resolution.systems), ["B"]);
    assert_eq!(scoped.project.connections.len(), 2);
}
