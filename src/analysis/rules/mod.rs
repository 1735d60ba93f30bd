//! The integration rules, one file per family. Each family pushes its findings; `analyze`
//! sorts them and sets the acknowledged ones apart. docs/rules.md documents every rule.

mod availability;
mod completeness;
mod data;
mod format;
mod resilience;
mod style;
mod sync_paths;
mod topology;
mod zones;

use rayon::prelude::*;

use super::availability::Composite;
use super::graph::SyncGraph;
use super::landscape::Landscape;
use super::report::Finding;
use super::rule::Rule;
use crate::model::Thresholds;

/// What the rules read: the landscape and what is derived from it once.
pub(crate) struct Context<'p> {
    pub landscape: Landscape<'p>,
    pub graph: SyncGraph,
    pub composite: Vec<Composite>,
    pub thresholds: &'p Thresholds,
}

/// Every rule, in the order docs/rules.md lists them.
pub static RULES: &[&Rule] = &[
    &topology::P2P_HUB,
    &topology::P2P_MESH,
    &sync_paths::SYNC_CHAIN,
    &sync_paths::SYNC_CYCLE,
    &availability::AVAILABILITY_BELOW_SLA,
    &data::SENSITIVE_UNPROTECTED,
    &data::SENSITIVE_DOWNGRADE,
    &data::SENSITIVE_LEAVES_ZONE,
    &style::STYLE_BATCH_IN_REALTIME,
    &style::STYLE_SYNC_IN_EVENT_DRIVEN,
    &resilience::ASYNC_WITHOUT_DLQ,
    &resilience::SYNC_WITHOUT_TIMEOUT,
    &format::FORMAT_MISMATCH,
    &data::COMPLIANCE_WITHOUT_CLASSIFICATION,
    &sync_paths::LATENCY_BUDGET,
    &completeness::ORPHAN_SYSTEM,
    &completeness::CONNECTION_UNDERSPECIFIED,
    &completeness::DUPLICATE_NAME,
    &completeness::REQUIRED_FIELD_EMPTY,
    &zones::ZONE_COVERS_OUTSIDER,
];

/// Rules about how the landscape is drawn, not about the integration: the prompt, which
/// describes the model and not the picture, leaves their findings out.
pub static DRAWING_RULES: &[&str] = &[zones::ZONE_COVERS_OUTSIDER.id];

pub(crate) use zones::drawing_findings;

/// Every rule's findings, unsorted. The families share nothing but the context, so they
/// run on both cores.
pub(crate) fn run(cx: &Context) -> Vec<Finding> {
    let families: [fn(&Context, &mut Vec<Finding>); 9] = [
        topology::check,
        sync_paths::check,
        availability::check,
        data::check,
        style::check,
        resilience::check,
        format::check,
        completeness::check,
        zones::check,
    ];
    families
        .par_iter()
        .map(|family| {
            let mut findings = Vec::new();
            family(cx, &mut findings);
            findings
        })
        .flatten_iter()
        .collect()
}
