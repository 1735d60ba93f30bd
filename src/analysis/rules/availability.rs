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
            let unrated: Vec<String> = c.unrated.iter().map(|&d| l.name(d)).collect();
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
