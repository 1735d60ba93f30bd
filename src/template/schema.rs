//! What CM-010 calls the fields: the placeholder its text writes for each field it asks
//! for. Labels, help, kinds and whether a value is required live with the fields
//! (`crate::fields`), which the forms and the checks read too.

use crate::fields::{Field, ProjectField as P, SystemField as S};

/// The placeholder CM-010 writes for the field, e.g. `{LATENCY_EXPECTATIONS}`.
pub fn placeholder(field: Field) -> Option<&'static str> {
    Some(match field {
        Field::Project(f) => match f {
            P::IntegrationScope => "{SYSTEM_INTEGRATION_SCOPE}",
            P::IntegrationType => "{REAL_TIME/BATCH/HYBRID/EVENT_DRIVEN}",
            P::DataVolume => "{VOLUME_CHARACTERISTICS}",
            P::LatencyRequirements => "{LATENCY_EXPECTATIONS}",
            P::ReliabilityRequirements => "{RELIABILITY_LEVEL}",
            P::SecurityClassification => "{SECURITY_CLASSIFICATION}",
            P::RegulatoryCompliance => "{REGULATORY_REQUIREMENTS}",
            P::Name | P::Description => return None,
        },
        Field::System(f) => match f {
            S::Name => "{SYSTEM_NAME}",
            S::Purpose => "{BUSINESS_FUNCTION}",
            S::Technology => "{TECH_STACK}",
            S::DataFormat => "{JSON/XML/BINARY/CUSTOM}",
            S::Communication => "{REST/SOAP/MESSAGE_QUEUE/FILE}",
            S::Availability => "{SLA_REQUIREMENTS}",
            S::Sensitivity => "{CLASSIFICATION_LEVEL}",
            S::SlaNote | S::OwnerTeam | S::Zone | S::Tags | S::Notes => return None,
        },
        Field::Connection(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::FIELDS;

    #[test]
    fn every_cm010_placeholder_has_a_field_and_it_is_required() {
        let cm010 = [
            "{SYSTEM_INTEGRATION_SCOPE}",
            "{REAL_TIME/BATCH/HYBRID/EVENT_DRIVEN}",
            "{VOLUME_CHARACTERISTICS}",
            "{LATENCY_EXPECTATIONS}",
            "{RELIABILITY_LEVEL}",
            "{SECURITY_CLASSIFICATION}",
            "{REGULATORY_REQUIREMENTS}",
            "{SYSTEM_NAME}",
            "{BUSINESS_FUNCTION}",
            "{TECH_STACK}",
            "{JSON/XML/BINARY/CUSTOM}",
            "{REST/SOAP/MESSAGE_QUEUE/FILE}",
            "{SLA_REQUIREMENTS}",
            "{CLASSIFICATION_LEVEL}",
        ];
        for wanted in cm010 {
            let spec = FIELDS.iter().find(|f| placeholder(f.field) == Some(wanted));
            assert!(spec.is_some_and(|f| f.required), "{wanted}");
        }
    }
}
