//! What holds for the whole analysis: order, determinism, acknowledgements, and no panic
//! on any input.

use super::testing::Build;
use super::{RULES, Severity, analyze};
use crate::model::{
    Acknowledgement, Availability, Connection, ConnectionId, Project, Sensitivity, System, SystemId,
};

/// A landscape that trips several rules at once.
fn troubled() -> Build {
    let mut b = Build::new();
    let [a, x, y, z] = ["Checkout", "Payments", "Fraud", "Bank"].map(|n| b.system(n));
    for (id, sla) in [(a, 99.9), (x, 99.9), (y, 99.5), (z, 99.9)] {
        b.sla(id, sla);
    }
    b.call(a, x);
    b.call(x, y);
    let c = b.call(y, z);
    b.call(z, x);
    b.system_mut(z).sensitivity = Some(Sensitivity::Restricted);
    b.connection_mut(c).encrypted = false;
    b.system("Lonely");
    b
}

#[test]
fn findings_come_most_severe_first_then_by_rule_and_key() {
    let report = troubled().report();
    let order: Vec<_> = report
        .findings
        .iter()
        .map(|f| (std::cmp::Reverse(f.severity), f.rule, f.key.clone()))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert_eq!(report.worst(), Some(Severity::Error));
    assert!(report.count(Severity::Error) >= 2, "{:#?}", report.findings);
    assert!(report.count(Severity::Info) >= 1);
}

#[test]
fn the_same_project_gives_the_same_report() {
    let b = troubled();
    assert_eq!(analyze(&b.project), analyze(&b.project.clone()));
    let big = crate::synthetic::landscape(300, 900, 5);
    assert_eq!(analyze(&big), analyze(&big));
}

#[test]
fn an_acknowledged_finding_moves_aside_with_its_reason() {
    let mut b = troubled();
    let before = b.report();
    let cycle = before
        .findings
        .iter()
        .find(|f| f.rule == "sync-cycle")
        .unwrap()
        .clone();
    b.project.analysis.acknowledgements.push(Acknowledgement {
        finding: cycle.key.clone(),
        reason: "Payments and the bank reconcile synchronously; fixed in Q3".into(),
    });
    b.project.analysis.acknowledgements.push(Acknowledgement {
        finding: "sync-cycle:999".into(),
        reason: "stale: matches nothing".into(),
    });
    let after = b.report();
    assert!(after.findings.iter().all(|f| f.key != cycle.key));
    assert_eq!(after.findings.len(), before.findings.len() - 1);
    assert_eq!(after.acknowledged.len(), 1);
    assert_eq!(after.acknowledged[0].finding, cycle);
    assert_eq!(
        after.acknowledged[0].reason,
        "Payments and the bank reconcile synchronously; fixed in Q3"
    );
}

#[test]
fn a_complete_decoupled_landscape_trips_no_rule() {
    let mut b = Build::new();
    let [shop, broker, stock] = ["Shop", "Event broker", "Stock"].map(|n| b.system(n));
    for id in [shop, broker, stock] {
        b.sla(id, 99.9);
        b.system_mut(id).sensitivity = Some(Sensitivity::Confidential);
    }
    b.publish(shop, broker);
    b.publish(broker, stock);
    assert_eq!(b.rules(), Vec::<&str>::new());
    assert_eq!(b.report().availability.len(), 3);
}

#[test]
fn every_rule_has_a_distinct_id_and_says_why_and_how() {
    let mut ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len());
    assert_eq!(RULES.len(), 20);
    for rule in RULES {
        assert!(
            rule.why.len() > 40 && rule.pattern.len() > 40,
            "{}",
            rule.id
        );
    }
}

#[test]
fn an_empty_project_has_nothing_but_empty_values_to_report() {
    let report = analyze(&Project::new(""));
    let rules: Vec<_> = report.findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["required-field-empty"]);
    assert!(report.availability.is_empty());
}

#[test]
fn broken_input_does_not_panic() {
    let mut project = Project::new("broken");
    let mut a = System::new(SystemId(1), "");
    a.availability = Availability::percent(f64::NAN);
    a.sensitivity = Some(Sensitivity::Other(String::new()));
    let mut x = System::new(SystemId(1), "Duplicate id");
    x.availability = Availability::percent(f64::INFINITY);
    let mut y = System::new(SystemId(3), "Y");
    y.zone = Some(crate::model::ZoneId(77)); // no such zone
    y.availability = Availability::percent(-1.0);
    project.systems = vec![a, x, y];
    let mut self_loop = Connection::new(ConnectionId(4), SystemId(3), SystemId(3));
    self_loop.protocol = Some(crate::model::Communication::Rest);
    project.connections = vec![
        self_loop,
        Connection::new(ConnectionId(5), SystemId(1), SystemId(42)),
        Connection::new(ConnectionId(6), SystemId(42), SystemId(43)),
        Connection::new(ConnectionId(7), SystemId(1), SystemId(3)),
    ];
    project.requirements.latency_requirements = "99999999999999999999999999 s".into();
    project.analysis.thresholds.max_sync_chain_depth = 0;
    project.analysis.thresholds.mesh_min_systems = 0;
    project.analysis.thresholds.mesh_density_percent = 0;
    project.analysis.thresholds.max_direct_connections = 0;
    let report = analyze(&project);
    assert_eq!(report.availability.len(), 3);
    assert!(report.findings.iter().any(|f| f.rule == "sync-cycle"));
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.message.contains("unnamed system 1"))
    );
}
