//! The table of fields: what each is called, what it means, what widget fits it.

use super::{ConnectionField, ProjectField, SystemField};
use crate::model::{
    Authentication, Communication, DataFormat, Direction, IntegrationType, InteractionStyle,
    Regulation, Resilience, Sensitivity,
};

/// Which kind of item a field belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Project,
    System,
    Connection,
}

/// What a field holds, and so which widget fits it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    SingleLine,
    /// Text that may run to several lines; the form's field grows with it. The prompt
    /// decides for itself whether it keeps the line breaks.
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
    Percent,
    /// A whole number, e.g. milliseconds.
    Number,
    /// Yes or no.
    Flag,
    /// One of the project's zones, or none.
    Zone,
    /// One of the project's systems.
    System,
    /// Free labels.
    Tags,
}

/// Any field of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Project(ProjectField),
    System(SystemField),
    Connection(ConnectionField),
}

impl From<ProjectField> for Field {
    fn from(field: ProjectField) -> Self {
        Field::Project(field)
    }
}

impl From<SystemField> for Field {
    fn from(field: SystemField) -> Self {
        Field::System(field)
    }
}

impl From<ConnectionField> for Field {
    fn from(field: ConnectionField) -> Self {
        Field::Connection(field)
    }
}

/// One field described.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub field: Field,
    /// Stable key, e.g. `latency_requirements` or `system.purpose`.
    pub key: &'static str,
    pub label: &'static str,
    pub help: &'static str,
    pub kind: FieldKind,
    /// The prompt shows `⟦missing: Label⟧` while it is empty.
    pub required: bool,
    pub scope: Scope,
    /// Shown when several items are selected, and set on all of them at once.
    pub shared: bool,
}

impl Field {
    const fn scope(self) -> Scope {
        match self {
            Field::Project(_) => Scope::Project,
            Field::System(_) => Scope::System,
            Field::Connection(_) => Scope::Connection,
        }
    }

    /// Where the field's spec sits in [`FIELDS`].
    const fn index(self) -> usize {
        match self {
            Field::Project(f) => f as usize,
            Field::System(f) => ProjectField::ALL.len() + f as usize,
            Field::Connection(f) => ProjectField::ALL.len() + SystemField::ALL.len() + f as usize,
        }
    }

    pub fn spec(self) -> &'static FieldSpec {
        &FIELDS[self.index()]
    }
}

/// A field with the defaults: optional, one item at a time.
const fn spec(
    field: Field,
    key: &'static str,
    label: &'static str,
    kind: FieldKind,
    help: &'static str,
) -> FieldSpec {
    FieldSpec {
        field,
        key,
        label,
        help,
        kind,
        required: false,
        scope: field.scope(),
        shared: false,
    }
}

impl FieldSpec {
    const fn required(self) -> Self {
        FieldSpec {
            required: true,
            ..self
        }
    }

    const fn shared(self) -> Self {
        FieldSpec {
            shared: true,
            ..self
        }
    }
}

use ConnectionField as C;
use FieldKind::{Flag, MultiLine, Number, Percent, SingleLine, Tags};
use ProjectField as P;
use SystemField as S;

const fn choice(options: &'static [&'static str]) -> FieldKind {
    FieldKind::Choice { options }
}

const fn choices(options: &'static [&'static str]) -> FieldKind {
    FieldKind::MultiChoice { options }
}

/// Every field: the project's in the order CM-010's header lists them, then a system's and
/// a connection's in form order. The help texts are CM-010's "Customization Variables"
/// where CM-010 has one.
#[rustfmt::skip] // A table: each entry its field, key, label and kind, then its help.
pub const FIELDS: &[FieldSpec] = &[
    spec(Field::Project(P::Name), "project.name", "Project Name", SingleLine,
        "What this landscape is called; it heads the prompt.").required(),
    spec(Field::Project(P::Description), "project.description", "Description", MultiLine,
        "Background the assistant should know: the business, the goal of this analysis, known pain points."),
    spec(Field::Project(P::IntegrationScope), "integration_scope", "Integration Scope", MultiLine,
        "Scope of systems being integrated.").required(),
    spec(Field::Project(P::IntegrationType), "integration_type", "Integration Type", choice(IntegrationType::LABELS),
        "Primary integration approach.").required(),
    spec(Field::Project(P::DataVolume), "data_volume", "Data Volume", MultiLine,
        "Expected data volume and transaction rates.").required(),
    spec(Field::Project(P::LatencyRequirements), "latency_requirements", "Latency Requirements", MultiLine,
        "Performance requirements and response times.").required(),
    spec(Field::Project(P::ReliabilityRequirements), "reliability_requirements", "Reliability Requirements", MultiLine,
        "Availability and reliability requirements.").required(),
    spec(Field::Project(P::SecurityClassification), "security_classification", "Security Level", choice(Sensitivity::LABELS),
        "Security level and compliance requirements.").required(),
    spec(Field::Project(P::RegulatoryCompliance), "regulatory_compliance", "Compliance", choices(Regulation::LABELS),
        "Applicable regulations and standards.").required(),
    spec(Field::System(S::Name), "system.name", "System Name", SingleLine,
        "Individual system names in integration scope.").required(),
    spec(Field::System(S::Purpose), "system.purpose", "Purpose", SingleLine,
        "Core business purpose of each system.").required(),
    spec(Field::System(S::Technology), "system.technology", "Technology", SingleLine,
        "Technology stack: languages, frameworks, products and where it runs.").required().shared(),
    spec(Field::System(S::DataFormat), "system.data_format", "Data Format", choice(DataFormat::LABELS),
        "The main format the system exchanges data in.").required().shared(),
    spec(Field::System(S::Communication), "system.communication", "Communication", choice(Communication::LABELS),
        "How the system mainly communicates with others.").required().shared(),
    spec(Field::System(S::Availability), "system.availability", "Availability", Percent,
        "The availability SLA as a percentage, e.g. 99.95, with a note for maintenance windows or exclusions.").required().shared(),
    spec(Field::System(S::SlaNote), "system.sla_note", "SLA note", SingleLine,
        "What the percentage excludes or depends on, e.g. a maintenance window.").shared(),
    spec(Field::System(S::Sensitivity), "system.sensitivity", "Data Sensitivity", choice(Sensitivity::LABELS),
        "Classification of the data the system holds: Public, Internal, Confidential or Restricted.").required().shared(),
    spec(Field::System(S::OwnerTeam), "system.owner_team", "Owner team", SingleLine,
        "The team that owns and runs the system.").shared(),
    spec(Field::System(S::Zone), "system.zone", "Zone", FieldKind::Zone,
        "The trust boundary the system sits in.").shared(),
    spec(Field::System(S::Tags), "system.tags", "Tags", Tags,
        "Comma-separated labels, e.g. tier-1, legacy.").shared(),
    spec(Field::System(S::Notes), "system.notes", "Notes", MultiLine,
        "Anything the assistant should know about this system."),
    spec(Field::Connection(C::From), "connection.from", "From", FieldKind::System,
        "The system that sends or calls."),
    spec(Field::Connection(C::To), "connection.to", "To", FieldKind::System,
        "The system that receives or is called."),
    spec(Field::Connection(C::Data), "connection.data", "Data", SingleLine,
        "What the flow carries, e.g. \"order events\" or \"nightly customer extract\".").required(),
    spec(Field::Connection(C::Protocol), "connection.protocol", "Protocol", choice(Communication::LABELS),
        "How the data travels: REST, message queue, file transfer…").required().shared(),
    spec(Field::Connection(C::Style), "connection.style", "Interaction Style", choice(InteractionStyle::LABELS),
        "Whether the sender waits (synchronous), hands off a message, publishes, batches or streams.").required().shared(),
    spec(Field::Connection(C::DataFormat), "connection.data_format", "Data Format", choice(DataFormat::LABELS),
        "The format on the wire.").shared(),
    spec(Field::Connection(C::Direction), "connection.direction", "Direction", choice(Direction::LABELS),
        "One way, or both ways."),
    spec(Field::Connection(C::Frequency), "connection.frequency", "Frequency", SingleLine,
        "How often, e.g. \"on every order\" or \"nightly at 02:00\"."),
    spec(Field::Connection(C::Volume), "connection.volume", "Volume", SingleLine,
        "How much, e.g. \"~2,000 messages/min at peak\"."),
    spec(Field::Connection(C::LatencyTarget), "connection.latency_target_ms", "Latency (ms)", Number,
        "The latency target in milliseconds."),
    spec(Field::Connection(C::Authentication), "connection.authentication", "Authentication", choice(Authentication::LABELS),
        "How the caller proves who it is.").shared(),
    spec(Field::Connection(C::Encrypted), "connection.encrypted", "Encrypted in transit", Flag,
        "Whether the data is encrypted on its way, e.g. with TLS.").shared(),
    spec(Field::Connection(C::Resilience), "connection.resilience", "Resilience", choices(Resilience::LABELS),
        "Measures that keep the flow working when something fails.").shared(),
    spec(Field::Connection(C::Transformation), "connection.transformation", "Transformation", SingleLine,
        "How data is mapped between the two ends' formats."),
    spec(Field::Connection(C::Notes), "connection.notes", "Notes", MultiLine,
        "Anything the assistant should know about this flow."),
];

/// The field with this key.
pub fn by_key(key: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.key == key)
}

/// The fields of one scope, in form order.
pub fn fields_of(scope: Scope) -> impl Iterator<Item = &'static FieldSpec> {
    FIELDS.iter().filter(move |f| f.scope == scope)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_finds_its_own_spec() {
        let all = ProjectField::ALL
            .iter()
            .map(|&f| Field::Project(f))
            .chain(SystemField::ALL.iter().map(|&f| Field::System(f)))
            .chain(ConnectionField::ALL.iter().map(|&f| Field::Connection(f)));
        let mut count = 0;
        for field in all {
            assert_eq!(field.spec().field, field);
            count += 1;
        }
        assert_eq!(count, FIELDS.len());
    }

    #[test]
    fn keys_are_unique() {
        for spec in FIELDS {
            assert_eq!(
                by_key(spec.key).map(|s| s.field),
                Some(spec.field),
                "{}",
                spec.key
            );
        }
    }
}
