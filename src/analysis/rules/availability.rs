//! Composite availability below the promised SLA (the numbers come from `availability`).

use super::Context;
use crate::analysis::availability::NAMED;
use crate::analysis::report::{Finding, Severity};
use crate::analysis::rule::{Concerns, Rule, name_list, percent_apart};

pub static AVAILABILITY_BELOW_SLA: Rule = Rule {
    id: "availability-below-sla",
    severity: Severity::Warning,
    why: "A system that waits synchronously on others is down whenever any of them is: its \
          availability is at most the product of all of theirs, so its SLA is a promise it \
          cannot keep.",
    pattern: "Decouple the weakest dependencies: asynchronous messaging or a local replica \
              (change data capture) instead of a call, a cache or a fallback behind a circuit \
              breaker with a timeout for graceful degradation, or an SLA that reflects the \
              dependencies.",
};

/// Differences below this (in percent) are rounding, not a shortfall.
const TOLERANCE: f64 = 1e-9;

pub(super) fn check(cx: &Context, findings: &mut Vec<Finding>) {
    let l = &cx.landscape;
    for (i, c) in cx.composite.iter().enumerate() {
        // A partner's or SaaS vendor's SLA is theirs to keep; the table still has the figure.
        let Some(own) = c.own.filter(|_| !l.is_external(i)) else {
            continue;
        };
        let (own, effective) = (own * 100.0, c.effective * 100.0);
        if own - effective <= TOLERANCE {
            continue;
        }
        let shown_own = l.systems[i].availability.percent.unwrap_or(own);
        let weakest: Vec<String> = c
            .weakest
            .iter()
            .map(|&d| {
                let p = l.systems[d].availability.percent.unwrap_or(100.0);
                format!("{} ({p}%)", l.name(d))
            })
            .collect();
        let mut message = format!(
            "{}: {} effective vs {shown_own}% SLA, because it waits synchronously on systems \
             that are down more often; weakest: {}.",
            l.name(i),
            percent_apart(effective, own),
            name_list(&weakest, NAMED),
        );
        if !c.unrated.is_empty() {
            let unrated: Vec<&str> = c.unrated.iter().map(|&d| l.name(d)).collect();
            let list = name_list(&unrated, NAMED);
            message.push_str(&match unrated.len() {
                1 => format!(" The figure is optimistic: {list} has no SLA and counts as 100%."),
                n if n < NAMED => {
                    format!(" The figure is optimistic: {list} have no SLA and count as 100%.")
                }
                _ => format!(
                    " The figure is optimistic: dependencies without an SLA count as 100% \
                     ({list}, perhaps more)."
                ),
            });
        }
        let weakest = c.weakest.iter().map(|&d| l.id(d)).collect();
        findings.push(
            AVAILABILITY_BELOW_SLA.finding(message, Concerns::about(l.id(i), weakest, Vec::new())),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Severity;
    use crate::analysis::testing::Build;
    use crate::model::{SystemId, ZoneKind};

    fn effective(b: &Build, id: SystemId) -> Option<f64> {
        let report = b.report();
        let row = report.availability.iter().find(|a| a.system == id).unwrap();
        row.effective_percent
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_shared_dependency_counts_once() {
        // A → B → D and A → C → D: D's 99% is in A's figure once, not twice.
        let mut b = Build::new();
        let [a, x, y, d] = ["Shop", "Cart", "Pricing", "Database"].map(|n| b.system(n));
        for (id, sla) in [(a, 99.9), (x, 99.8), (y, 99.7), (d, 99.0)] {
            b.sla(id, sla);
        }
        for (from, to) in [(a, x), (a, y), (x, d), (y, d)] {
            b.call(from, to);
        }
        let expected = 0.999 * 0.998 * 0.997 * 0.99 * 100.0;
        assert!(
            close(effective(&b, a).unwrap(), expected),
            "{:?}",
            effective(&b, a)
        );
        assert!(close(effective(&b, x).unwrap(), 0.998 * 0.99 * 100.0));
        assert_eq!(effective(&b, d), Some(0.99 * 100.0));
        let f = b.findings("availability-below-sla");
        let shop = f.iter().find(|f| f.systems[0] == a).unwrap();
        assert_eq!(shop.severity, Severity::Warning);
        assert_eq!(shop.key, format!("availability-below-sla:{a}"));
        assert!(
            shop.message
                .starts_with("Shop: 98.41% effective vs 99.9% SLA"),
            "{}",
            shop.message
        );
        assert!(
            shop.message
                .contains("weakest: Database (99%), Pricing (99.7%) and Cart (99.8%)"),
            "{}",
            shop.message
        );
        assert_eq!(shop.systems, [a, d, y, x]);
        // D calls nothing, so its figure is its own SLA and it is not flagged.
        assert!(f.iter().all(|f| f.systems[0] != d));
    }

    #[test]
    fn every_member_of_a_cycle_counts_once() {
        let mut b = Build::new();
        let [a, x, c] = ["A", "B", "Caller"].map(|n| b.system(n));
        for (id, sla) in [(a, 99.9), (x, 99.8), (c, 99.5)] {
            b.sla(id, sla);
        }
        b.call(a, x);
        b.call(x, a);
        b.call(c, a);
        let pair = 0.999 * 0.998 * 100.0;
        assert!(close(effective(&b, a).unwrap(), pair));
        assert!(close(effective(&b, x).unwrap(), pair));
        assert!(close(effective(&b, c).unwrap(), 0.995 * pair));
    }

    #[test]
    fn a_dependency_without_an_sla_counts_as_full_and_makes_the_figure_optimistic() {
        let mut b = Build::new();
        let [a, x, z] = ["Portal", "Gateway", "Records"].map(|n| b.system(n));
        b.sla(a, 99.9);
        b.sla(z, 99.5);
        b.call(a, x);
        assert_eq!(effective(&b, a), Some(99.9));
        assert!(b.findings("availability-below-sla").is_empty());
        b.call(x, z);
        assert_eq!(effective(&b, x), None, "no SLA of its own, no figure");
        let f = b.only(
            "availability-below-sla",
            &["Portal: 99.40% effective vs 99.9% SLA", "Records (99.5%)"],
        );
        assert!(
            f.message.contains("optimistic: Gateway has no SLA"),
            "{}",
            f.message
        );
    }

    #[test]
    fn asynchronous_flows_and_guarded_calls_are_no_hard_dependency() {
        let mut b = Build::new();
        let [a, x, y] = ["Shop", "Mailer", "Recommendations"].map(|n| b.system(n));
        for id in [a, x, y] {
            b.sla(id, 99.0);
        }
        b.publish(a, x);
        let guarded = b.call(a, y);
        b.connection_mut(guarded)
            .resilience
            .push(crate::model::Resilience::CircuitBreaker);
        assert_eq!(effective(&b, a), Some(99.0));
        assert!(b.findings("availability-below-sla").is_empty());
    }

    #[test]
    fn a_partner_system_is_not_held_to_its_sla_but_keeps_its_figure() {
        let mut b = Build::new();
        let partner = b.zone("Card networks", ZoneKind::Partner);
        let [scheme, us] = ["Card scheme", "Card processing"].map(|n| b.system(n));
        b.system_mut(scheme).zone = Some(partner);
        b.sla(scheme, 99.999);
        b.sla(us, 99.9);
        b.call(scheme, us);
        assert!(b.findings("availability-below-sla").is_empty());
        assert!(close(
            effective(&b, scheme).unwrap(),
            0.99999 * 0.999 * 100.0
        ));
    }

    #[test]
    fn nonsense_percentages_count_as_no_sla() {
        let mut b = Build::new();
        let [a, x, y] = ["A", "B", "C"].map(|n| b.system(n));
        b.sla(a, f64::NAN);
        b.sla(x, 250.0);
        b.sla(y, -3.0);
        b.call(a, x);
        b.call(x, y);
        let report = b.report();
        assert!(
            report
                .availability
                .iter()
                .all(|r| r.own_percent.is_none() && r.effective_percent.is_none())
        );
        assert!(b.findings("availability-below-sla").is_empty());
    }
}
