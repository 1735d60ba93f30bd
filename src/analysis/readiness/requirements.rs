//! Phase 1, "define integration requirements": the requirements, the data flows and the
//! constraints, read straight from the project.

use super::criterion::{Criterion, count, gap_sentence, line, name_list, quoted};
use super::{CONSTRAINTS_IDENTIFIED, DATA_FLOWS_MAPPED, Landscape, REQUIREMENTS_DEFINED, filled};
use crate::analysis::report::{CheckStatus, Phase, ReadinessCheck};
use crate::fields::{ConnectionField as C, ProjectField, ProjectField as P, SystemField};
use crate::model::{Connection, Project, join_labels};

const PHASE: Phase = Phase::DefineIntegrationRequirements;

/// The single-system rule whose acknowledgement means "this system stands alone on purpose".
pub const ORPHAN_RULE: &str = "orphan-system";
/// The rule that finds regulations with no system marked as holding regulated data.
pub const COMPLIANCE_RULE: &str = "compliance-without-classification";

/// Scope, type, volume, latency and reliability are filled in.
pub(super) fn requirements_defined(project: &Project) -> ReadinessCheck {
    let fields = [
        P::IntegrationScope,
        P::IntegrationType,
        P::DataVolume,
        P::LatencyRequirements,
        P::ReliabilityRequirements,
    ];
    let criterion = fields_criterion(project, &fields);
    line(PHASE, REQUIREMENTS_DEFINED, vec![criterion])
}

/// There are systems and data flows between them, every system takes part in one, and
/// every flow says what it carries, its protocol and its interaction style.
pub(super) fn data_flows_mapped(landscape: &Landscape) -> ReadinessCheck {
    let project = landscape.project;
    let systems = project.systems.len();
    if systems == 0 {
        let reason = "No systems are modelled yet.";
        return line(PHASE, DATA_FLOWS_MAPPED, vec![Criterion::failed(reason)]);
    }
    if project.connections.is_empty() {
        let reason = format!(
            "No data flows are modelled between the {}.",
            count(systems, "system")
        );
        return line(PHASE, DATA_FLOWS_MAPPED, vec![Criterion::failed(reason)]);
    }
    let connected = landscape.connected_systems();
    let alone: Vec<_> = project
        .systems
        .iter()
        .filter(|s| !connected.contains(&s.id))
        .collect();
    let (accepted, unexplained): (Vec<_>, Vec<_>) = alone
        .into_iter()
        .partition(|s| landscape.acknowledged.subject(ORPHAN_RULE, s.id.0));
    let flows = count(project.connections.len(), "data flow");
    let mut joined = format!("Every system takes part in a data flow ({flows} in all)");
    if !accepted.is_empty() {
        joined += &format!(
            ", but {} acknowledged as standing alone",
            name_list(accepted.iter().map(|s| quoted(&s.name)), accepted.len())
        );
    }
    joined.push('.');
    let systems_connected =
        Criterion::coverage(systems - unexplained.len(), systems, joined, || {
            let names = unexplained.iter().map(|s| quoted(&s.name));
            gap_sentence("No data flow", systems, "system", names)
        });
    let flows_described = landscape.share_of_flows_named(
        |c| description_gaps(landscape, c).is_empty(),
        |c| {
            let gaps = description_gaps(landscape, c).join(", ");
            format!("{} (no {gaps})", landscape.flow_name(c))
        },
        "Every data flow says what it carries, its protocol and its interaction style.",
        "Missing data, protocol or interaction style",
    );
    line(
        PHASE,
        DATA_FLOWS_MAPPED,
        vec![systems_connected, flows_described],
    )
}

/// The security level, compliance, latency and reliability are set, every system's data
/// sensitivity is known, and no regulation is left without classified data to apply to.
pub(super) fn constraints_identified(landscape: &Landscape) -> ReadinessCheck {
    let project = landscape.project;
    let r = &project.requirements;
    let fields = [
        P::SecurityClassification,
        P::RegulatoryCompliance,
        P::LatencyRequirements,
        P::ReliabilityRequirements,
    ];
    let mut criteria = vec![fields_criterion(project, &fields)];
    if let (Some(level), CheckStatus::Passed) = (&r.security_classification, criteria[0].status) {
        // Say which constraints were found, not just that the fields are not blank.
        criteria[0].reason = format!(
            "Security Level ({level}), Compliance ({}), Latency Requirements and Reliability \
             Requirements are filled in.",
            join_labels(&r.regulatory_compliance)
        );
    }
    let systems = project.systems.len();
    let unclassified: Vec<_> = project
        .systems
        .iter()
        .filter(|s| SystemField::Sensitivity.is_empty(s))
        .collect();
    let sensitivity = SystemField::Sensitivity.label();
    criteria.push(if systems == 0 {
        Criterion::failed(format!(
            "No systems are modelled, so no {sensitivity} is known."
        ))
    } else {
        Criterion::coverage(
            systems - unclassified.len(),
            systems,
            format!("Every system has a {sensitivity}."),
            || {
                let names = unclassified.iter().map(|s| quoted(&s.name));
                gap_sentence(&format!("No {sensitivity}"), systems, "system", names)
            },
        )
    });
    // Only spoken of when it finds something: the criteria above already say what passed.
    let unclassified_regulated = landscape.findings_of(&[COMPLIANCE_RULE]);
    if !unclassified_regulated.is_empty() {
        criteria.extend(Criterion::from_findings(&unclassified_regulated, ""));
    }
    line(PHASE, CONSTRAINTS_IDENTIFIED, criteria)
}

/// A share of project fields that are filled in, named by their labels.
fn fields_criterion(project: &Project, fields: &[ProjectField]) -> Criterion {
    let labels = |set: bool| -> Vec<String> {
        fields
            .iter()
            .filter(|f| f.is_empty(project) != set)
            .map(|f| f.label().to_owned())
            .collect()
    };
    let set = labels(true);
    let unset = labels(false);
    let passed = format!("{} are filled in.", name_list(set.clone(), set.len()));
    Criterion::coverage(set.len(), fields.len(), passed, || {
        format!("Not filled in: {}.", unset.join(", "))
    })
}

/// What a data flow leaves unsaid of the three things a map needs. A missing protocol or
/// style the team acknowledged (`connection-underspecified`) is not held against it.
fn description_gaps(landscape: &Landscape, c: &Connection) -> Vec<&'static str> {
    let mut gaps = Vec::new();
    if !filled(C::Data, c) {
        gaps.push("data");
    }
    if !landscape.underspecified_accepted(c) {
        if !filled(C::Protocol, c) {
            gaps.push("protocol");
        }
        if !filled(C::Style, c) {
            gaps.push("interaction style");
        }
    }
    gaps
}
