//! Phase 2, "design integration architecture": judged mostly by the findings of the rules
//! that look at the architecture, the protocols and the error handling, plus the share of
//! data flows that state their protocol, format and resilience.

use super::criterion::{Criterion, line};
use super::{
    ARCHITECTURE_WELL_DESIGNED, ERROR_HANDLING_COMPREHENSIVE, Landscape, PROTOCOLS_APPROPRIATE,
    filled,
};
use crate::analysis::report::{Phase, ReadinessCheck};
use crate::fields::ConnectionField as C;

const PHASE: Phase = Phase::DesignIntegrationArchitecture;

/// Rules whose findings say the architecture itself is flawed. `latency-budget` joins the
/// synchronous-path rules it belongs with.
pub const ARCHITECTURE_RULES: &[&str] = &[
    "p2p-hub",
    "p2p-mesh",
    "sync-chain",
    "sync-cycle",
    "latency-budget",
    "availability-below-sla",
    "style-batch-in-realtime",
    "style-sync-in-event-driven",
];
/// Rules whose findings say a protocol, a format or the protection of the data on a flow
/// does not fit (the module's phase 2 designs authentication and authorisation here too).
pub const PROTOCOL_RULES: &[&str] = &[
    "format-mismatch",
    "sensitive-unprotected",
    "sensitive-downgrade",
    "sensitive-leaves-zone",
    "connection-underspecified",
];
/// Rules whose findings say failures are not handled.
pub const ERROR_HANDLING_RULES: &[&str] = &["async-without-dlq", "sync-without-timeout"];

/// No architecture findings: no hubs or meshes, no synchronous chains or cycles, SLAs
/// that the dependencies allow, interaction styles that fit the integration type. The
/// rules can only judge flows whose interaction style is known, so that share counts too:
/// a clean result over flows nobody could judge would claim too much.
pub(super) fn architecture_well_designed(landscape: &Landscape) -> ReadinessCheck {
    let label = ARCHITECTURE_WELL_DESIGNED;
    if let Some(nothing) = nothing_to_assess(landscape, label) {
        return nothing;
    }
    let mut criteria = vec![landscape.share_of_flows(
        |c| landscape.underspecified_accepted(c) || filled(C::Style, c),
        "Every data flow's interaction style is known, so the rules could judge them all.",
        "No interaction style, so the rules cannot judge the coupling",
    )];
    criteria.extend(Criterion::from_findings(
        &landscape.findings_of(ARCHITECTURE_RULES),
        "No point-to-point hub or mesh, no synchronous chain or cycle, every SLA is \
         reachable through its synchronous dependencies, and the interaction styles fit the \
         integration type.",
    ));
    line(PHASE, label, criteria)
}

/// Every data flow names its protocol, interaction style and data format, and no finding
/// says a format, a protection or a specification falls short.
pub(super) fn protocols_appropriate(landscape: &Landscape) -> ReadinessCheck {
    let label = PROTOCOLS_APPROPRIATE;
    if let Some(nothing) = nothing_to_assess(landscape, label) {
        return nothing;
    }
    let mut criteria = vec![
        landscape.share_of_flows(
            |c| {
                landscape.underspecified_accepted(c)
                    || (filled(C::Protocol, c) && filled(C::Style, c))
            },
            "Every data flow names its protocol and interaction style.",
            "No protocol or interaction style",
        ),
        landscape.share_of_flows(
            |c| filled(C::DataFormat, c),
            "Every data flow names its data format.",
            "No data format",
        ),
    ];
    criteria.extend(Criterion::from_findings(
        &landscape.findings_of(PROTOCOL_RULES),
        "Formats match at both ends, sensitive data travels encrypted and authenticated, and \
         no data flow is underspecified.",
    ));
    line(PHASE, label, criteria)
}

/// Every data flow has a resilience measure, and no finding says an asynchronous flow
/// lacks a dead-letter queue or a synchronous call a timeout.
pub(super) fn error_handling_comprehensive(landscape: &Landscape) -> ReadinessCheck {
    let label = ERROR_HANDLING_COMPREHENSIVE;
    if let Some(nothing) = nothing_to_assess(landscape, label) {
        return nothing;
    }
    let mut criteria = vec![landscape.share_of_flows(
        |c| !c.resilience.is_empty(),
        "Every data flow has at least one resilience measure.",
        "No resilience measure such as retry, circuit breaker, timeout, dead-letter queue, \
         idempotency or compensation",
    )];
    criteria.extend(Criterion::from_findings(
        &landscape.findings_of(ERROR_HANDLING_RULES),
        "Asynchronous flows have dead-letter queues and synchronous calls have timeouts.",
    ));
    line(PHASE, label, criteria)
}

/// A design can only be judged once there are data flows.
fn nothing_to_assess(landscape: &Landscape, label: &'static str) -> Option<ReadinessCheck> {
    if !landscape.project.connections.is_empty() {
        return None;
    }
    let reason = "No data flows are modelled yet, so there is no design to assess.";
    Some(line(PHASE, label, vec![Criterion::failed(reason)]))
}
