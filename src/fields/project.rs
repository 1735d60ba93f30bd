//! The project's own fields: its name and description and CM-010's requirements.

use super::{Field, FieldError, FieldSpec, FieldValue, is_blank};
use crate::model::{IntegrationType, Project, Regulation, Sensitivity};

/// A field of the project (CM-010's header variables).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectField {
    Name,
    Description,
    IntegrationScope,
    IntegrationType,
    DataVolume,
    LatencyRequirements,
    ReliabilityRequirements,
    SecurityClassification,
    RegulatoryCompliance,
}

use ProjectField as F;

impl ProjectField {
    /// Every project field, in form (and prompt) order.
    pub const ALL: &'static [ProjectField] = &[
        F::Name,
        F::Description,
        F::IntegrationScope,
        F::IntegrationType,
        F::DataVolume,
        F::LatencyRequirements,
        F::ReliabilityRequirements,
        F::SecurityClassification,
        F::RegulatoryCompliance,
    ];

    pub fn spec(self) -> &'static FieldSpec {
        Field::Project(self).spec()
    }

    pub fn label(self) -> &'static str {
        self.spec().label
    }

    pub fn get(self, project: &Project) -> FieldValue {
        let r = &project.requirements;
        let text = |t: &String| FieldValue::Text(t.clone());
        match self {
            F::Name => text(&project.name),
            F::Description => text(&project.description),
            F::IntegrationScope => text(&r.integration_scope),
            F::IntegrationType => FieldValue::choice(&r.integration_type),
            F::DataVolume => text(&r.data_volume),
            F::LatencyRequirements => text(&r.latency_requirements),
            F::ReliabilityRequirements => text(&r.reliability_requirements),
            F::SecurityClassification => FieldValue::choice(&r.security_classification),
            F::RegulatoryCompliance => FieldValue::choices(&r.regulatory_compliance),
        }
    }

    /// Writes the value; one of another kind is refused and changes nothing.
    pub fn set(self, project: &mut Project, value: FieldValue) -> Result<(), FieldError> {
        let r = &mut project.requirements;
        match (self, value) {
            (F::Name, FieldValue::Text(t)) => project.name = t,
            (F::Description, FieldValue::Text(t)) => project.description = t,
            (F::IntegrationScope, FieldValue::Text(t)) => r.integration_scope = t,
            (F::DataVolume, FieldValue::Text(t)) => r.data_volume = t,
            (F::LatencyRequirements, FieldValue::Text(t)) => r.latency_requirements = t,
            (F::ReliabilityRequirements, FieldValue::Text(t)) => r.reliability_requirements = t,
            (F::IntegrationType, FieldValue::Choice(c)) => {
                r.integration_type = c.and_then(|c| c.to::<IntegrationType>())
            }
            (F::SecurityClassification, FieldValue::Choice(c)) => {
                r.security_classification = c.and_then(|c| c.to::<Sensitivity>())
            }
            (F::RegulatoryCompliance, FieldValue::Choices(list)) => {
                r.regulatory_compliance = list.iter().filter_map(|c| c.to::<Regulation>()).collect()
            }
            (_, value) => return Err(FieldError::new(self.spec().key, &value)),
        }
        Ok(())
    }

    /// Says nothing yet. Reads the field in place: checks run this over every item.
    pub fn is_empty(self, project: &Project) -> bool {
        let r = &project.requirements;
        match self {
            F::Name => is_blank(&project.name),
            F::Description => is_blank(&project.description),
            F::IntegrationScope => is_blank(&r.integration_scope),
            F::IntegrationType => r
                .integration_type
                .as_ref()
                .is_none_or(|v| v.is_blank_other()),
            F::DataVolume => is_blank(&r.data_volume),
            F::LatencyRequirements => is_blank(&r.latency_requirements),
            F::ReliabilityRequirements => is_blank(&r.reliability_requirements),
            F::SecurityClassification => r
                .security_classification
                .as_ref()
                .is_none_or(|v| v.is_blank_other()),
            F::RegulatoryCompliance => r.regulatory_compliance.iter().all(|v| is_blank(v.label())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::{Choice, FieldKind};

    #[test]
    fn every_project_field_reads_back_what_was_written() {
        for &field in ProjectField::ALL {
            let mut project = Project::new("p");
            let value = match field.spec().kind {
                FieldKind::Choice { .. } => FieldValue::Choice(Some(Choice::Known(1))),
                FieldKind::MultiChoice { .. } => {
                    FieldValue::Choices(vec![Choice::Known(0), Choice::Other("Basel III".into())])
                }
                _ => FieldValue::Text(format!("value of {}", field.spec().key)),
            };
            field.set(&mut project, value.clone()).unwrap();
            assert_eq!(field.get(&project), value, "{field:?}");
            assert!(!field.is_empty(&project), "{field:?}");
            assert_eq!(field.get(&project).is_empty(), field.is_empty(&project));
        }
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_refused() {
        let mut project = Project::new("p");
        let text = FieldValue::Text("x".into());
        assert!(F::IntegrationType.set(&mut project, text).is_err());
        assert_eq!(project.requirements.integration_type, None);
    }
}
