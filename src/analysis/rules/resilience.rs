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

#[cfg(test)]
mod tests {
    use crate::analysis::Severity;
    use crate::analysis::testing::Build;
    use crate::model::{Communication, InteractionStyle, Resilience};

    #[test]
    fn a_message_flow_without_dead_letter_queue_or_retries() {
        let mut b = Build::new();
        let [shop, mail] = ["Shop", "Mailer"].map(|n| b.system(n));
        let c = b.connect(
            shop,
            mail,
            Communication::MessageQueue,
            InteractionStyle::AsyncMessage,
            &[Resilience::Idempotency],
        );
        let f = b.only(
            "async-without-dlq",
            &["Shop → Mailer is asynchronous", "Mailer cannot process"],
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!((f.systems, f.connections), (vec![shop, mail], vec![c]));
        assert_eq!(f.key, format!("async-without-dlq:{c}"));
        b.connection_mut(c)
            .resilience
            .push(Resilience::DeadLetterQueue);
        assert!(b.findings("async-without-dlq").is_empty());
    }

    #[test]
    fn a_webhook_is_a_message_too_and_retries_are_enough() {
        let mut b = Build::new();
        let [carrier, orders] = ["Carrier", "Orders"].map(|n| b.system(n));
        let style = InteractionStyle::Other("Webhook (HTTP callback)".into());
        let c = b.connect(carrier, orders, Communication::Rest, style, &[]);
        b.only("async-without-dlq", &["Carrier → Orders"]);
        b.connection_mut(c)
            .resilience
            .push(Resilience::RetryWithBackoff);
        assert!(b.findings("async-without-dlq").is_empty());
    }

    #[test]
    fn a_call_without_a_timeout_even_with_a_circuit_breaker() {
        let mut b = Build::new();
        let [shop, erp] = ["Shop", "ERP"].map(|n| b.system(n));
        let c = b.connect(
            shop,
            erp,
            Communication::Soap,
            InteractionStyle::SyncRequestResponse,
            &[Resilience::CircuitBreaker],
        );
        let f = b.only(
            "sync-without-timeout",
            &[
                "Shop → ERP is a synchronous call without a timeout",
                "circuit breaker does not replace one",
            ],
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!((f.systems, f.connections), (vec![shop, erp], vec![c]));
        b.connection_mut(c).resilience.push(Resilience::Timeout);
        assert!(b.findings("sync-without-timeout").is_empty());
    }

    #[test]
    fn a_protocol_stands_in_for_a_missing_style() {
        let mut b = Build::new();
        let [shop, db] = ["Shop", "Database"].map(|n| b.system(n));
        let c = b.call(shop, db);
        b.connection_mut(c).style = None;
        b.connection_mut(c).protocol = Some(Communication::Database);
        b.connection_mut(c).resilience.clear();
        b.only("sync-without-timeout", &["Shop → Database"]);
    }
}
