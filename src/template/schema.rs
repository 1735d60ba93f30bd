//! The variables a prompt needs, described once: the app's forms, the missing-value list
//! and the template all take their labels, help and kinds from here. The help texts are
//! CM-010's "Customization Variables" where CM-010 has one.

use crate::model::{
    Communication, DataFormat, IntegrationType, InteractionStyle, Project, Regulation, Sensitivity,
};

/// Which kind of item a variable belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Project,
    System,
    Connection,
}

/// What widget fits a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VariableKind {
    SingleLine,
    MultiLine,
    /// One of the options, or free text.
    Choice {
        options: &'static [&'static str],
    },
    /// Any number of the options, plus free text.
    MultiChoice {
        options: &'static [&'static str],
    },
    /// A number from 0 to 100.
    Percentage,
}

/// One variable of the prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VariableSpec {
    /// Stable key, e.g. `latency_requirements` or `system.purpose`.
    pub key: &'static str,
    /// The placeholder CM-010 writes for it, e.g. `{LATENCY_EXPECTATIONS}`.
    pub placeholder: Option<&'static str>,
    pub label: &'static str,
    pub help: &'static str,
    pub kind: VariableKind,
    pub required: bool,
    pub scope: Scope,
}

const fn var(
    scope: Scope,
    key: &'static str,
    placeholder: Option<&'static str>,
    label: &'static str,
    kind: VariableKind,
    help: &'static str,
) -> VariableSpec {
    VariableSpec {
        key,
        placeholder,
        label,
        help,
        kind,
        required: true,
        scope,
    }
}

use Scope::{Connection as C, Project as P, System as S};
use VariableKind::{MultiLine, Percentage, SingleLine};

/// Every variable, project ones first in the order CM-010's header lists them.
pub const VARIABLES: &[VariableSpec] = &[
    var(
        P,
        "project.name",
        None,
        "Project Name",
        SingleLine,
        "What this landscape is called; it heads the prompt.",
    ),
    VariableSpec {
        required: false,
        ..var(
            P,
            "project.description",
            None,
            "Description",
            MultiLine,
            "Background the assistant should know: the business, the goal of this analysis, known pain points.",
        )
    },
    var(
        P,
        "integration_scope",
        Some("{SYSTEM_INTEGRATION_SCOPE}"),
        "Integration Scope",
        MultiLine,
        "Scope of systems being integrated.",
    ),
    var(
        P,
        "integration_type",
        Some("{REAL_TIME/BATCH/HYBRID/EVENT_DRIVEN}"),
        "Integration Type",
        VariableKind::Choice {
            options: IntegrationType::LABELS,
        },
        "Primary integration approach.",
    ),
    var(
        P,
        "data_volume",
        Some("{VOLUME_CHARACTERISTICS}"),
        "Data Volume",
        SingleLine,
        "Expected data volume and transaction rates.",
    ),
    var(
        P,
        "latency_requirements",
        Some("{LATENCY_EXPECTATIONS}"),
        "Latency Requirements",
        SingleLine,
        "Performance requirements and response times.",
    ),
    var(
        P,
        "reliability_requirements",
        Some("{RELIABILITY_LEVEL}"),
        "Reliability Requirements",
        SingleLine,
        "Availability and reliability requirements.",
    ),
    var(
        P,
        "security_classification",
        Some("{SECURITY_CLASSIFICATION}"),
        "Security Level",
        VariableKind::Choice {
            options: Sensitivity::LABELS,
        },
        "Security level and compliance requirements.",
    ),
    var(
        P,
        "regulatory_compliance",
        Some("{REGULATORY_REQUIREMENTS}"),
        "Compliance",
        VariableKind::MultiChoice {
            options: Regulation::LABELS,
        },
        "Applicable regulations and standards.",
    ),
    var(
        S,
        "system.name",
        Some("{SYSTEM_NAME}"),
        "System Name",
        SingleLine,
        "Individual system names in integration scope.",
    ),
    var(
        S,
        "system.purpose",
        Some("{BUSINESS_FUNCTION}"),
        "Purpose",
        SingleLine,
        "Core business purpose of each system.",
    ),
    var(
        S,
        "system.technology",
        Some("{TECH_STACK}"),
        "Technology",
        SingleLine,
        "Technology stack: languages, frameworks, products and where it runs.",
    ),
    var(
        S,
        "system.data_format",
        Some("{JSON/XML/BINARY/CUSTOM}"),
        "Data Format",
        VariableKind::Choice {
            options: DataFormat::LABELS,
        },
        "The main format the system exchanges data in.",
    ),
    var(
        S,
        "system.communication",
        Some("{REST/SOAP/MESSAGE_QUEUE/FILE}"),
        "Communication",
        VariableKind::Choice {
            options: Communication::LABELS,
        },
        "How the system mainly communicates with others.",
    ),
    var(
        S,
        "system.availability",
        Some("{SLA_REQUIREMENTS}"),
        "Availability",
        Percentage,
        "The availability SLA as a percentage, e.g. 99.95, with a note for maintenance windows or exclusions.",
    ),
    var(
        S,
        "system.sensitivity",
        Some("{CLASSIFICATION_LEVEL}"),
        "Data Sensitivity",
        VariableKind::Choice {
            options: Sensitivity::LABELS,
        },
        "Classification of the data the system holds: Public, Internal, Confidential or Restricted.",
    ),
    var(
        C,
        "connection.data",
        None,
        "Data",
        SingleLine,
        "What the flow carries, e.g. \"order events\" or \"nightly customer extract\".",
    ),
    var(
        C,
        "connection.protocol",
        None,
        "Protocol",
        VariableKind::Choice {
            options: Communication::LABELS,
        },
        "How the data travels: REST, message queue, file transfer…",
    ),
    var(
        C,
        "connection.style",
        None,
        "Interaction Style",
        VariableKind::Choice {
            options: InteractionStyle::LABELS,
        },
        "Whether the sender waits (synchronous), hands off a message, publishes, batches or streams.",
    ),
];

/// The variable with this key.
pub fn variable(key: &str) -> Option<&'static VariableSpec> {
    VARIABLES.iter().find(|v| v.key == key)
}

/// The variables of one scope, in form order.
pub fn variables_of(scope: Scope) -> impl Iterator<Item = &'static VariableSpec> {
    VARIABLES.iter().filter(move |v| v.scope == scope)
}

/// A project-scope variable's value, in the shape its kind edits.
#[derive(Clone, Debug, PartialEq)]
pub enum VariableValue {
    Text(String),
    Choice(Option<String>),
    Choices(Vec<String>),
}

/// A value did not fit the variable it was meant for.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{key} cannot take {value:?}: {reason}")]
pub struct VariableError {
    pub key: String,
    pub value: String,
    pub reason: &'static str,
}

/// Reads a project-scope variable; `None` for keys that are not project variables.
pub fn project_value(project: &Project, key: &str) -> Option<VariableValue> {
    let r = &project.requirements;
    let label = |v: &Option<String>| v.clone();
    Some(match key {
        "project.name" => VariableValue::Text(project.name.clone()),
        "project.description" => VariableValue::Text(project.description.clone()),
        "integration_scope" => VariableValue::Text(r.integration_scope.clone()),
        "data_volume" => VariableValue::Text(r.data_volume.clone()),
        "latency_requirements" => VariableValue::Text(r.latency_requirements.clone()),
        "reliability_requirements" => VariableValue::Text(r.reliability_requirements.clone()),
        "integration_type" => {
            VariableValue::Choice(label(&r.integration_type.as_ref().map(|v| v.to_string())))
        }
        "security_classification" => VariableValue::Choice(label(
            &r.security_classification.as_ref().map(|v| v.to_string()),
        )),
        "regulatory_compliance" => VariableValue::Choices(
            r.regulatory_compliance
                .iter()
                .map(ToString::to_string)
                .collect(),
        ),
        _ => return None,
    })
}

/// Writes a project-scope variable. Choice labels are matched case-insensitively; other
/// text is kept as the user's own value.
pub fn set_project_value(
    project: &mut Project,
    key: &str,
    value: VariableValue,
) -> Result<(), VariableError> {
    let mismatch = |reason| VariableError {
        key: key.to_owned(),
        value: format!("{value:?}"),
        reason,
    };
    let r = &mut project.requirements;
    match (key, &value) {
        ("project.name", VariableValue::Text(t)) => project.name = t.clone(),
        ("project.description", VariableValue::Text(t)) => project.description = t.clone(),
        ("integration_scope", VariableValue::Text(t)) => r.integration_scope = t.clone(),
        ("data_volume", VariableValue::Text(t)) => r.data_volume = t.clone(),
        ("latency_requirements", VariableValue::Text(t)) => r.latency_requirements = t.clone(),
        ("reliability_requirements", VariableValue::Text(t)) => {
            r.reliability_requirements = t.clone()
        }
        ("integration_type", VariableValue::Choice(c)) => {
            r.integration_type = c.as_deref().and_then(IntegrationType::from_label)
        }
        ("security_classification", VariableValue::Choice(c)) => {
            r.security_classification = c.as_deref().and_then(Sensitivity::from_label)
        }
        ("regulatory_compliance", VariableValue::Choices(list)) => {
            r.regulatory_compliance = list
                .iter()
                .filter_map(|l| Regulation::from_label(l))
                .collect()
        }
        _ if variable(key).is_some_and(|v| v.scope == Scope::Project) => {
            return Err(mismatch("the value is not of the variable's kind"));
        }
        _ => return Err(mismatch("there is no project variable with this key")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_project_variable_reads_and_writes_a_field() {
        for spec in variables_of(Scope::Project) {
            let mut project = Project::new("p");
            let value = match spec.kind {
                VariableKind::Choice { options } => VariableValue::Choice(Some(options[1].into())),
                VariableKind::MultiChoice { options } => {
                    VariableValue::Choices(vec![options[0].into(), "Basel III".into()])
                }
                _ => VariableValue::Text(format!("value of {}", spec.key)),
            };
            set_project_value(&mut project, spec.key, value.clone()).unwrap();
            assert_eq!(
                project_value(&project, spec.key),
                Some(value),
                "{}",
                spec.key
            );
        }
    }

    #[test]
    fn wrong_kinds_and_unknown_keys_are_refused() {
        let mut project = Project::new("p");
        let text = VariableValue::Text("x".into());
        assert!(set_project_value(&mut project, "integration_type", text.clone()).is_err());
        assert!(set_project_value(&mut project, "system.name", text).is_err());
    }

    #[test]
    fn every_cm010_placeholder_has_a_variable() {
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
        for placeholder in cm010 {
            assert!(
                VARIABLES.iter().any(|v| v.placeholder == Some(placeholder)),
                "{placeholder}"
            );
        }
    }
}
