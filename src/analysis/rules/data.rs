//! Sensitive data: how it travels, where it goes, and whether anything is classified at all.

use super::Context;
use crate::analysis::landscape::{Landscape, Link, SENSITIVE_RANK, is_external_zone};
use crate::analysis::report::{Finding, Severity};
use crate::analysis::rule::{Concerns, Rule, name_list};
use crate::model::{Authentication, ConnectionId, Sensitivity, SystemId, join_labels};

pub static SENSITIVE_UNPROTECTED: Rule = Rule {
    id: "sensitive-unprotected",
    severity: Severity::Error,
    why: "Confidential or restricted data sent in clear text can be read on the way, and a \
          flow without authentication accepts data from, or hands it to, anyone who can \
          reach the endpoint; regulations such as GDPR, PCI DSS and HIPAA require both.",
    pattern: "Encrypt in transit (TLS, mutual TLS between services) and authenticate every \
              caller (OAuth 2 client credentials, mTLS or signed JWTs), for example \
              enforced centrally by an API gateway or the broker's access control.",
};

pub static SENSITIVE_DOWNGRADE: Rule = Rule {
    id: "sensitive-downgrade",
    severity: Severity::Warning,
    why: "Data keeps its classification wherever it goes; a system classified lower (or not \
          at all) is protected, audited and accessed as if it held less, so the data ends up \
          less protected than its owner requires.",
    pattern: "Data masking or tokenisation before the flow (send only what the target needs), \
              or raise the target's classification and controls to match the data.",
};

pub static SENSITIVE_LEAVES_ZONE: Rule = Rule {
    id: "sensitive-leaves-zone",
    severity: Severity::Warning,
    why: "Data that crosses into a partner, SaaS or DMZ zone leaves the organisation's own \
          controls: it needs a contract (a data processing agreement), minimisation and an \
          audit trail, and the crossing is where attacks and leaks happen.",
    pattern: "Route the flow through a controlled boundary (API gateway or managed file \
              transfer in the DMZ) with data masking or tokenisation, audit logging and \
              mutual TLS; document the data processing agreement, then acknowledge.",
};

pub static COMPLIANCE_WITHOUT_CLASSIFICATION: Rule = Rule {
    id: "compliance-without-classification",
    severity: Severity::Warning,
    why: "Regulations apply to particular data (personal, payment, health data); if no system \
          is marked as holding it, nobody can tell which flows the regulation covers, and \
          the data protection rules have nothing to check.",
    pattern: "Data governance: classify each system's data and mark the ones holding \
              regulated data Confidential or Restricted, so encryption, authentication and \
              boundary controls can be checked against them.",
};

pub(super) fn check(cx: &Context, findings: &mut Vec<Finding>) {
    let l = &cx.landscape;
    for link in &l.links {
        unprotected(l, link, findings);
    }
    downgrades(l, findings);
    leaving_zones(l, findings);
    unclassified_compliance(l, findings);
}

fn label(l: &Landscape, i: usize) -> String {
    l.systems[i]
        .sensitivity
        .as_ref()
        .map_or_else(|| "unclassified".to_owned(), |s| s.label().to_owned())
}

fn unprotected(l: &Landscape, link: &Link, findings: &mut Vec<Finding>) {
    let c = link.connection;
    let holder = if l.rank(link.to) > l.rank(link.from) {
        link.to
    } else {
        link.from
    };
    if l.rank(holder).is_none_or(|r| r < SENSITIVE_RANK) {
        return;
    }
    let mut gaps = Vec::new();
    if !c.encrypted {
        gaps.push("is not encrypted in transit");
    }
    match &c.authentication {
        None => gaps.push("declares no authentication"),
        Some(Authentication::NoAuthentication) => gaps.push("has no authentication"),
        Some(_) => {}
    }
    if gaps.is_empty() {
        return;
    }
    let message = format!(
        "{} carries {} data ({} is classified so) but {}.",
        l.link_label(link),
        label(l, holder),
        l.name(holder),
        gaps.join(" and "),
    );
    findings.push(SENSITIVE_UNPROTECTED.finding(message, Concerns::link(l, link)));
}

/// One finding per receiving system, listing every flow that brings it data classified
/// above it: the fix (mask, or raise its classification) is about that system.
fn downgrades(l: &Landscape, findings: &mut Vec<Finding>) {
    let mut received: Vec<Vec<(usize, &Link)>> = vec![Vec::new(); l.len()];
    for link in &l.links {
        for (source, target) in l.flows(link) {
            let Some(rank) = l.rank(source).filter(|&r| r >= SENSITIVE_RANK) else {
                continue;
            };
            let lower = match &l.systems[target].sensitivity {
                None => true,
                // Free text cannot be ranked, so it is not called lower.
                Some(Sensitivity::Other(_)) => false,
                Some(s) => s.rank().is_some_and(|t| t < rank),
            };
            if lower {
                received[target].push((source, link));
            }
        }
    }
    for (target, flows) in received.iter().enumerate().filter(|(_, f)| !f.is_empty()) {
        let top = flows.iter().map(|&(s, _)| l.rank(s)).max().flatten();
        let highest = flows
            .iter()
            .find(|&&(s, _)| l.rank(s) == top)
            .map_or(target, |&(s, _)| s);
        let sources: Vec<&str> = distinct(flows.iter().map(|&(s, _)| s))
            .map(|s| l.name(s))
            .collect();
        let message = format!(
            "{} ({}) receives {} data from {}.",
            l.name(target),
            label(l, target),
            label(l, highest),
            name_list(&sources, 6),
        );
        let (others, connections) = ends_and_connections(l, flows);
        findings.push(SENSITIVE_DOWNGRADE.finding(
            message,
            Concerns {
                subject: subject(l.id(target).0, &connections),
                ..Concerns::systems(others, connections)
            },
        ));
    }
}

/// One finding per partner or SaaS zone, listing every flow that takes sensitive data
/// into it from elsewhere: the data processing agreement and controls are per party.
fn leaving_zones(l: &Landscape, findings: &mut Vec<Finding>) {
    let zones = &l.project.zones;
    let mut leaving: Vec<Vec<(usize, &Link)>> = vec![Vec::new(); zones.len()];
    for link in &l.links {
        for (source, target) in l.flows(link) {
            let Some(zone) = l.zone(target).filter(|z| is_external_zone(z)) else {
                continue;
            };
            let sensitive = l.rank(source).is_some_and(|r| r >= SENSITIVE_RANK);
            let crosses = l.zone(source).is_none_or(|z| z.id != zone.id);
            if let Some(z) = zones.iter().position(|z| z.id == zone.id)
                && sensitive
                && crosses
            {
                leaving[z].push((source, link));
            }
        }
    }
    for (zone, flows) in zones.iter().zip(&leaving).filter(|(_, f)| !f.is_empty()) {
        let top = flows.iter().map(|&(s, _)| l.rank(s)).max().flatten();
        let highest = flows
            .iter()
            .find(|&&(s, _)| l.rank(s) == top)
            .map_or(0, |&(s, _)| s);
        let labels: Vec<String> = distinct_links(flows).map(|k| l.link_label(k)).collect();
        let kind = zone.kind.as_ref().map_or("", |k| k.label());
        let message = format!(
            "{} data leaves for the {kind} zone \"{}\": {}.",
            label(l, highest),
            zone.name,
            name_list(&labels, 6),
        );
        let (systems, connections) = ends_and_connections(l, flows);
        findings.push(SENSITIVE_LEAVES_ZONE.finding(
            message,
            Concerns {
                subject: subject(zone.id.0, &connections),
                ..Concerns::systems(systems, connections)
            },
        ));
    }
}

/// The key of a grouped finding: what it is about, and every flow in it, so a new flow
/// asks for a new look.
fn subject(about: u64, connections: &[ConnectionId]) -> Vec<u64> {
    std::iter::once(about)
        .chain(connections.iter().map(|c| c.0))
        .collect()
}

/// The systems at both ends of the flows, and their connections, in project order.
fn ends_and_connections(
    l: &Landscape,
    flows: &[(usize, &Link)],
) -> (Vec<SystemId>, Vec<ConnectionId>) {
    let ends = distinct(flows.iter().flat_map(|&(_, k)| [k.from, k.to]));
    let links = distinct_links(flows);
    (
        ends.map(|s| l.id(s)).collect(),
        links.map(|k| k.connection.id).collect(),
    )
}

fn distinct(items: impl Iterator<Item = usize>) -> impl Iterator<Item = usize> {
    let mut items: Vec<usize> = items.collect();
    items.sort_unstable();
    items.dedup();
    items.into_iter()
}

fn distinct_links<'a>(flows: &'a [(usize, &'a Link<'a>)]) -> impl Iterator<Item = &'a Link<'a>> {
    let mut links: Vec<&Link> = flows.iter().map(|&(_, k)| k).collect();
    links.sort_by_key(|k| k.connection.id);
    links.dedup_by_key(|k| k.connection.id);
    links.into_iter()
}

fn unclassified_compliance(l: &Landscape, findings: &mut Vec<Finding>) {
    let regulations = &l.project.requirements.regulatory_compliance;
    if regulations.is_empty()
        || (0..l.len()).any(|i| l.rank(i).is_some_and(|r| r >= SENSITIVE_RANK))
    {
        return;
    }
    let message = format!(
        "The landscape must comply with {}, but no system is classified Confidential or \
         Restricted.",
        join_labels(regulations),
    );
    findings.push(COMPLIANCE_WITHOUT_CLASSIFICATION.finding(message, Concerns::project()));
}

#[cfg(test)]
mod tests {
    use crate::analysis::Severity;
    use crate::analysis::testing::Build;
    use crate::model::{Authentication, Direction, Regulation, Sensitivity, ZoneKind};

    #[test]
    fn sensitive_data_in_clear_text_or_without_authentication() {
        let mut b = Build::new();
        let [shop, pay] = ["Shop", "Payments"].map(|n| b.system(n));
        b.system_mut(pay).sensitivity = Some(Sensitivity::Restricted);
        let c = b.call(shop, pay);
        b.connection_mut(c).encrypted = false;
        let f = b.only(
            "sensitive-unprotected",
            &["Shop → Payments carries Restricted data", "not encrypted"],
        );
        assert_eq!(f.severity, Severity::Error);
        assert_eq!((f.systems, f.connections), (vec![shop, pay], vec![c]));
        assert_eq!(f.key, format!("sensitive-unprotected:{c}"));
        b.connection_mut(c).encrypted = true;
        b.connection_mut(c).authentication = Some(Authentication::NoAuthentication);
        b.only("sensitive-unprotected", &["has no authentication"]);
        b.connection_mut(c).authentication = Some(Authentication::Mtls);
        assert!(b.findings("sensitive-unprotected").is_empty());
    }

    #[test]
    fn internal_data_may_travel_unencrypted() {
        let mut b = Build::new();
        let [a, x] = ["Wiki", "Search"].map(|n| b.system(n));
        let c = b.publish(a, x);
        b.connection_mut(c).encrypted = false;
        b.connection_mut(c).authentication = None;
        assert!(b.findings("sensitive-unprotected").is_empty());
    }

    #[test]
    fn confidential_data_flowing_to_a_lower_classification() {
        let mut b = Build::new();
        let [crm, wiki, mail] = ["CRM", "Wiki", "Mailer"].map(|n| b.system(n));
        b.system_mut(crm).sensitivity = Some(Sensitivity::Confidential);
        b.system_mut(mail).sensitivity = None;
        let to_wiki = b.publish(crm, wiki);
        // Data moves both ways, so the mailer's answer is not the issue: the CRM's data is.
        let with_mail = b.call(mail, crm);
        b.connection_mut(with_mail).direction = Direction::BothWays;
        let findings = b.findings("sensitive-downgrade");
        assert_eq!(findings.len(), 2, "{findings:#?}");
        let f = findings.iter().find(|f| f.systems.contains(&wiki)).unwrap();
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(
            f.message,
            "Wiki (Internal) receives Confidential data from CRM."
        );
        assert_eq!(f.connections, [to_wiki]);
        assert_eq!(f.key, format!("sensitive-downgrade:{wiki},{to_wiki}"));
        let f = findings.iter().find(|f| f.systems.contains(&mail)).unwrap();
        assert_eq!(
            f.message,
            "Mailer (unclassified) receives Confidential data from CRM."
        );
    }

    #[test]
    fn no_downgrade_to_an_equal_or_unrankable_classification() {
        let mut b = Build::new();
        let [crm, dwh, vault] = ["CRM", "Warehouse", "Vault"].map(|n| b.system(n));
        b.system_mut(crm).sensitivity = Some(Sensitivity::Confidential);
        b.system_mut(dwh).sensitivity = Some(Sensitivity::Confidential);
        b.system_mut(vault).sensitivity = Some(Sensitivity::Other("Secret".into()));
        b.publish(crm, dwh);
        b.publish(crm, vault);
        // Flowing up is fine too.
        let wiki = b.system("Wiki");
        b.publish(wiki, crm);
        assert!(b.findings("sensitive-downgrade").is_empty());
    }

    #[test]
    fn confidential_data_leaving_for_a_partner() {
        let mut b = Build::new();
        let (cloud, partner) = (
            b.zone("Cloud", ZoneKind::Cloud),
            b.zone("Carriers", ZoneKind::Partner),
        );
        let [wms, carrier] = ["Warehouse", "Carrier"].map(|n| b.system(n));
        b.system_mut(wms).sensitivity = Some(Sensitivity::Confidential);
        b.system_mut(wms).zone = Some(cloud);
        b.system_mut(carrier).zone = Some(partner);
        let c = b.call(wms, carrier);
        let f = b.only(
            "sensitive-leaves-zone",
            &[
                "Confidential data leaves for the Partner zone \"Carriers\"",
                "Warehouse → Carrier",
            ],
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!((f.systems, f.connections), (vec![wms, carrier], vec![c]));
        assert_eq!(f.key, format!("sensitive-leaves-zone:{partner},{c}"));
    }

    #[test]
    fn data_staying_inside_or_going_to_the_dmz_does_not_leave() {
        let mut b = Build::new();
        let (cloud, dmz) = (
            b.zone("Cloud", ZoneKind::Cloud),
            b.zone("DMZ", ZoneKind::Dmz),
        );
        let [core, gw, other] = ["Core", "API gateway", "Other"].map(|n| b.system(n));
        b.system_mut(core).sensitivity = Some(Sensitivity::Confidential);
        b.system_mut(gw).sensitivity = Some(Sensitivity::Confidential);
        b.system_mut(core).zone = Some(cloud);
        b.system_mut(other).zone = Some(cloud);
        b.system_mut(gw).zone = Some(dmz);
        b.call(gw, core);
        b.system_mut(other).sensitivity = Some(Sensitivity::Confidential);
        b.publish(core, other);
        assert!(b.findings("sensitive-leaves-zone").is_empty());
    }

    #[test]
    fn regulations_without_any_classified_system() {
        let mut b = Build::new();
        b.project.requirements.regulatory_compliance = vec![Regulation::Gdpr, Regulation::PciDss];
        let shop = b.system("Shop");
        let f = b.only("compliance-without-classification", &["GDPR, PCI DSS"]);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.key, "compliance-without-classification:");
        assert!(f.systems.is_empty() && f.connections.is_empty());
        b.system_mut(shop).sensitivity = Some(Sensitivity::Restricted);
        assert!(b.findings("compliance-without-classification").is_empty());
    }
}
