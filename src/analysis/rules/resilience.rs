//! Failure handling on connections: dead-letter queues and retries for messages, timeouts
//! for calls.

use super::Context;
use crate::analysis::landscape::{is_asynchronous, is_synchronous};
use crate::analysis::report::{Finding, Severity};
use crate::analysis::rule::{Concerns, Rule};
use crate::model::Resilience;

pub static ASYNC_WITHOUT_DLQ: Rule = Rule {
    id: "async-without-dlq",
    severity: Severity::Warning,
    why: "A message the consumer cannot process is either retried forever (blocking the \
          queue or partition behind it) or dropped; without a dead-letter queue or retries \
          nobody sees it again, and data is silently lost.",
    pattern: "Dead-letter queue plus retry with exponential backoff: park poison messages \
              where they can be inspected, alerted on and replayed, and make the consumer \
              idempotent so redelivery is safe.",
};

pub static SYNC_WITHOUT_TIMEOUT: Rule = Rule {
    id: "sync-without-timeout",
    severity: Severity::Warning,
    why: "A call without a timeout waits as long as the callee hangs: the caller's threads \
          and connections run out and the failure cascades upstream. A circuit breaker alone \
          does not help, because a call that hangs never fails, so the breaker never opens.",
    pattern: "Timeout management: a timeout on every synchronous call, derived from the \
              latency budget, combined with a circuit breaker and a fallback for graceful \
              degradation.",
};

pub(super) fn check(cx: &Context, findings: &mut Vec<Finding>) {
    let l = &cx.landscape;
    for link in &l.links {
        let c = link.connection;
        let has = |measure: Resilience| c.resilience.contains(&measure);
        if is_asynchronous(c)
            && !has(Resilience::DeadLetterQueue)
            && !has(Resilience::RetryWithBackoff)
        {
            let message = format!(
                "{} is asynchronous but has neither a dead-letter queue nor retries: a message \
                 {} cannot process is lost or blocks the ones behind it.",
                l.link_label(link),
                l.name(link.to),
            );
            findings.push(ASYNC_WITHOUT_DLQ.finding(message, Concerns::link(l, link)));
        }
        if is_synchronous(c) && !has(Resilience::Timeout) {
            let breaker = if has(Resilience::CircuitBreaker) {
                " Its circuit breaker does not replace one: a hanging call never fails, so \
                 the breaker never opens."
            } else {
                ""
            };
            let message = format!(
                "{} is a synchronous call without a timeout: when {} hangs, {} waits with it.{breaker}",
                l.link_label(link),
                l.name(link.to),
                l.name(link.from),
            );
            findings.push(SYNC_WITHOUT_TIMEOUT.finding(message, Concerns::link(l, link)));
        }
    }
}
