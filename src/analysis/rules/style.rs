//! Connections whose interaction style contradicts the project's integration type.

use super::Context;
use crate::analysis::landscape::{Landscape, Link, is_synchronous};
use crate::analysis::report::{Finding, Severity};
use crate::analysis::rule::{Concerns, Rule, name_list};
use crate::model::{Communication, IntegrationType, InteractionStyle};

pub static STYLE_BATCH_IN_REALTIME: Rule = Rule {
    id: "style-batch-in-realtime",
    severity: Severity::Warning,
    why: "The project is declared real-time, but a batch or file transfer delivers changes \
          only when the next run comes: until then the target works on stale data, and a \
          failed run delays everything by a whole cycle.",
    pattern: "Change data capture or event streaming instead of a nightly batch: publish each \
              change as it happens (transactional outbox, CDC connector, event stream) and \
              let the target subscribe.",
};

pub static STYLE_SYNC_IN_EVENT_DRIVEN: Rule = Rule {
    id: "style-sync-in-event-driven",
    severity: Severity::Warning,
    why: "The project is declared event-driven, but here one system waits on another: the \
          two are coupled in time, and the caller fails whenever the callee is slow or down.",
    pattern: "Event-driven architecture: publish domain events (publish-subscribe) and let \
              the other side react, with a saga for multi-step processes; keep synchronous \
              calls for queries that need an answer at once, behind a timeout and a circuit \
              breaker, then acknowledge them.",
};

pub(super) fn check(cx: &Context, findings: &mut Vec<Finding>) {
    let l = &cx.landscape;
    match l.project.requirements.integration_type {
        Some(IntegrationType::RealTime) => {
            for link in l.links.iter().filter(|k| is_batch(k)) {
                let c = link.connection;
                let when = match c.frequency.trim() {
                    "" => String::new(),
                    f => format!(" ({f})"),
                };
                let message = format!(
                    "{} moves data in batches{when} in a real-time landscape: {} sees changes \
                     only after the next run.",
                    l.link_label(link),
                    l.name(link.to),
                );
                findings.push(STYLE_BATCH_IN_REALTIME.finding(message, Concerns::link(l, link)));
            }
        }
        Some(IntegrationType::EventDriven) => sync_callers(l, findings),
        _ => {}
    }
}

/// One finding per caller, naming everything it calls synchronously. Calls into partner
/// and SaaS systems are left out: their APIs are synchronous by design and not the
/// team's to change (availability and timeout rules still cover them).
fn sync_callers(l: &Landscape, findings: &mut Vec<Finding>) {
    let mut calls: Vec<Vec<&Link>> = vec![Vec::new(); l.len()];
    for link in &l.links {
        if is_synchronous(link.connection) && !l.is_external(link.to) {
            calls[link.from].push(link);
        }
    }
    for (caller, links) in calls
        .iter()
        .enumerate()
        .filter(|(_, links)| !links.is_empty())
    {
        let mut callees: Vec<usize> = links.iter().map(|k| k.to).collect();
        callees.sort_unstable();
        callees.dedup();
        let names: Vec<&str> = callees.iter().map(|&c| l.name(c)).collect();
        let message = format!(
            "{} calls {} synchronously in an event-driven landscape: it waits on {} instead \
             of reacting to {} events.",
            l.name(caller),
            name_list(&names, 6),
            if callees.len() == 1 { "it" } else { "them" },
            if callees.len() == 1 { "its" } else { "their" },
        );
        let callees = callees.iter().map(|&c| l.id(c)).collect();
        let connections = links.iter().map(|k| k.connection.id).collect();
        findings.push(
            STYLE_SYNC_IN_EVENT_DRIVEN
                .finding(message, Concerns::about(l.id(caller), callees, connections)),
        );
    }
}

fn is_batch(link: &Link) -> bool {
    let c = link.connection;
    c.style == Some(InteractionStyle::Batch) || c.protocol == Some(Communication::FileTransfer)
}

#[cfg(test)]
mod tests {
    use crate::analysis::Severity;
    use crate::analysis::testing::Build;
    use crate::model::{Communication, IntegrationType, InteractionStyle, ZoneKind};

    #[test]
    fn a_nightly_batch_in_a_real_time_landscape() {
        let mut b = Build::new();
        b.project.requirements.integration_type = Some(IntegrationType::RealTime);
        let [erp, shop] = ["ERP", "Shop"].map(|n| b.system(n));
        let c = b.connect(
            erp,
            shop,
            Communication::FileTransfer,
            InteractionStyle::Batch,
            &[],
        );
        b.connection_mut(c).frequency = "nightly at 01:00".into();
        let f = b.only(
            "style-batch-in-realtime",
            &[
                "ERP → Shop moves data in batches (nightly at 01:00)",
                "Shop sees changes",
            ],
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!((f.systems, f.connections), (vec![erp, shop], vec![c]));
        assert_eq!(f.key, format!("style-batch-in-realtime:{c}"));
        // Streaming the changes instead is what the pattern asks for.
        let c = b.connection_mut(c);
        c.protocol = Some(Communication::EventStream);
        c.style = Some(InteractionStyle::Streaming);
        assert!(b.findings("style-batch-in-realtime").is_empty());
    }

    #[test]
    fn a_batch_in_a_batch_landscape_is_fine() {
        let mut b = Build::new();
        b.project.requirements.integration_type = Some(IntegrationType::Batch);
        let [erp, shop] = ["ERP", "Shop"].map(|n| b.system(n));
        b.connect(
            erp,
            shop,
            Communication::FileTransfer,
            InteractionStyle::Batch,
            &[],
        );
        assert!(b.findings("style-batch-in-realtime").is_empty());
    }

    #[test]
    fn synchronous_calls_in_an_event_driven_landscape_one_finding_per_caller() {
        let mut b = Build::new();
        b.project.requirements.integration_type = Some(IntegrationType::EventDriven);
        let psp = b.zone("PSP", ZoneKind::Partner);
        let [orders, stock, erp, adyen] = ["Orders", "Stock", "ERP", "Adyen"].map(|n| b.system(n));
        b.system_mut(adyen).zone = Some(psp);
        let c1 = b.call(orders, stock);
        let c2 = b.call(orders, erp);
        b.call(orders, adyen); // a partner's API: left out
        let f = b.only(
            "style-sync-in-event-driven",
            &["Orders calls Stock and ERP synchronously"],
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(
            (f.systems, f.connections),
            (vec![orders, stock, erp], vec![c1, c2])
        );
        assert_eq!(f.key, format!("style-sync-in-event-driven:{orders}"));
    }

    #[test]
    fn events_in_an_event_driven_landscape_are_fine() {
        let mut b = Build::new();
        b.project.requirements.integration_type = Some(IntegrationType::EventDriven);
        let [orders, stock] = ["Orders", "Stock"].map(|n| b.system(n));
        b.publish(orders, stock);
        assert!(b.findings("style-sync-in-event-driven").is_empty());
    }
}
