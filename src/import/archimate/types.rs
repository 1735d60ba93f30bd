//! What each ArchiMate element and relationship type becomes, shared by the exchange
//! format and Archi's CSV. Type names are compared without a namespace prefix, without
//! a `Relationship` suffix (Archi CSV, exchange format 2.1) and ignoring case; the 2.1
//! names (`InfrastructureService`, `UsedBy`, `Network`…) are the 3.x ones they became.

/// What an element becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementClass {
    /// A box on the landscape: something that runs and exchanges data.
    System,
    /// An interface or service: stands for the one system that realises or offers it,
    /// and is a system of its own when no single imported system does.
    Offered,
    /// Application or technology behaviour: stands for the one system assigned to it,
    /// and is skipped when there is none.
    Behaviour,
    /// A data object or artifact: what flows carry, not a system.
    Data,
    /// A Grouping, Location or Facility: a zone for the systems it composes or aggregates.
    Group,
    /// And / Or junctions: flows pass through them.
    Junction,
    /// A network or path: the medium flows use, not a system.
    Network,
    /// Not landscape data here; the layer, for the report.
    OutOfScope(&'static str),
    /// Not a type this importer knows.
    Unknown,
}

const SYSTEMS: &[&str] = &[
    "ApplicationComponent",
    "ApplicationCollaboration",
    "Node",
    "Device",
    "SystemSoftware",
    "TechnologyCollaboration",
    "Equipment",
];
const OFFERED: &[&str] = &[
    "ApplicationInterface",
    "ApplicationService",
    "TechnologyInterface",
    "TechnologyService",
    "InfrastructureInterface",
    "InfrastructureService",
];
const BEHAVIOUR: &[&str] = &[
    "ApplicationFunction",
    "ApplicationProcess",
    "ApplicationInteraction",
    "ApplicationEvent",
    "TechnologyFunction",
    "TechnologyProcess",
    "TechnologyInteraction",
    "TechnologyEvent",
    "InfrastructureFunction",
];
const DATA: &[&str] = &["DataObject", "Artifact"];
const GROUPS: &[&str] = &["Grouping", "Location", "Facility"];
const JUNCTIONS: &[&str] = &["Junction", "AndJunction", "OrJunction"];
const NETWORKS: &[&str] = &[
    "CommunicationNetwork",
    "Path",
    "DistributionNetwork",
    "Network",
    "CommunicationPath",
];
const BUSINESS: &[&str] = &[
    "BusinessActor",
    "BusinessRole",
    "BusinessCollaboration",
    "BusinessInterface",
    "BusinessProcess",
    "BusinessFunction",
    "BusinessInteraction",
    "BusinessEvent",
    "BusinessService",
    "BusinessObject",
    "Contract",
    "Representation",
    "Product",
];
const MOTIVATION: &[&str] = &[
    "Stakeholder",
    "Driver",
    "Assessment",
    "Goal",
    "Outcome",
    "Principle",
    "Requirement",
    "Constraint",
    "Meaning",
    "Value",
];
const STRATEGY: &[&str] = &["Resource", "Capability", "ValueStream", "CourseOfAction"];
const MIGRATION: &[&str] = &[
    "WorkPackage",
    "Deliverable",
    "ImplementationEvent",
    "Plateau",
    "Gap",
];
const PHYSICAL: &[&str] = &["Material"];

/// The type name as written, without a namespace prefix: `archimate:Node` → `Node`.
pub fn bare(kind: &str) -> &str {
    let kind = kind.trim();
    kind.rsplit_once(':').map_or(kind, |(_, name)| name)
}

pub fn element_class(kind: &str) -> ElementClass {
    let kind = bare(kind);
    let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(kind));
    let classes: [(&[&str], ElementClass); 13] = [
        (SYSTEMS, ElementClass::System),
        (OFFERED, ElementClass::Offered),
        (BEHAVIOUR, ElementClass::Behaviour),
        (DATA, ElementClass::Data),
        (GROUPS, ElementClass::Group),
        (JUNCTIONS, ElementClass::Junction),
        (NETWORKS, ElementClass::Network),
        (BUSINESS, ElementClass::OutOfScope("business layer")),
        (MOTIVATION, ElementClass::OutOfScope("motivation")),
        (STRATEGY, ElementClass::OutOfScope("strategy")),
        (
            MIGRATION,
            ElementClass::OutOfScope("implementation and migration"),
        ),
        (PHYSICAL, ElementClass::OutOfScope("physical")),
        (&["ArchimateModel"], ElementClass::OutOfScope("model")),
    ];
    classes
        .into_iter()
        .find(|(names, _)| is(names))
        .map_or(ElementClass::Unknown, |(_, class)| class)
}

/// What a relationship becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelationClass {
    /// A data flow, source → target.
    Flow,
    /// A trigger, source → target: the event goes that way.
    Triggering,
    /// Source serves target. The connection keeps ArchiMate's arrow, from the provider to
    /// the consumer: what the consumer asks for comes back from the provider, and the
    /// lines then point the way the source's diagram drew them.
    Serving,
    /// Accessor → passive element; the access type says which way the data goes.
    Access,
    /// Says how two things are built or related, not that data moves; kept as a note on
    /// the source (with this verb) when both ends are systems, or used for zones and for
    /// the systems that services stand for.
    Structural(Structure),
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Structure {
    Composition,
    Aggregation,
    Assignment,
    Realization,
    Specialization,
    Association,
    Influence,
}

impl Structure {
    /// How the note on the source system reads: "is composed of CRM".
    pub fn verb(self) -> &'static str {
        match self {
            Structure::Composition => "is composed of",
            Structure::Aggregation => "aggregates",
            Structure::Assignment => "is assigned to",
            Structure::Realization => "realizes",
            Structure::Specialization => "is a specialization of",
            Structure::Association => "is associated with",
            Structure::Influence => "influences",
        }
    }

    /// Whether it says the target is part of the source (what makes a group a zone).
    pub fn is_membership(self) -> bool {
        matches!(self, Structure::Composition | Structure::Aggregation)
    }
}

pub fn relation_class(kind: &str) -> RelationClass {
    let kind = bare(kind);
    let kind = kind
        .strip_suffix("Relationship")
        .or_else(|| kind.strip_suffix("relationship"))
        .unwrap_or(kind)
        .to_ascii_lowercase();
    match kind.as_str() {
        "flow" => RelationClass::Flow,
        "triggering" => RelationClass::Triggering,
        "serving" | "usedby" => RelationClass::Serving,
        "access" => RelationClass::Access,
        "composition" => RelationClass::Structural(Structure::Composition),
        "aggregation" => RelationClass::Structural(Structure::Aggregation),
        "assignment" => RelationClass::Structural(Structure::Assignment),
        "realization" | "realisation" => RelationClass::Structural(Structure::Realization),
        "specialization" | "specialisation" => RelationClass::Structural(Structure::Specialization),
        "association" => RelationClass::Structural(Structure::Association),
        "influence" => RelationClass::Structural(Structure::Influence),
        _ => RelationClass::Unknown,
    }
}

/// The relationship type as people write it: `ServingRelationship` → `Serving`.
pub fn relation_name(kind: &str) -> &str {
    let kind = bare(kind);
    kind.strip_suffix("Relationship").unwrap_or(kind)
}

/// Which way an Access relationship moves the data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AccessType {
    /// The exchange format's default, and Archi's.
    #[default]
    Write,
    Read,
    ReadWrite,
    /// Access without saying which way.
    Access,
}

impl AccessType {
    pub fn from_name(name: &str) -> Option<AccessType> {
        match name.trim().to_ascii_lowercase().as_str() {
            "write" => Some(AccessType::Write),
            "read" => Some(AccessType::Read),
            "readwrite" => Some(AccessType::ReadWrite),
            "access" => Some(AccessType::Access),
            _ => None,
        }
    }

    pub fn writes(self) -> bool {
        matches!(self, AccessType::Write | AccessType::ReadWrite)
    }

    pub fn reads(self) -> bool {
        matches!(self, AccessType::Read | AccessType::ReadWrite)
    }

    pub fn verb(self) -> &'static str {
        match self {
            AccessType::Write => "writes",
            AccessType::Read => "reads",
            AccessType::ReadWrite => "reads and writes",
            AccessType::Access => "accesses",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_matched_without_prefix_suffix_or_case() {
        assert_eq!(element_class("ApplicationComponent"), ElementClass::System);
        assert_eq!(
            element_class("archimate:applicationcomponent"),
            ElementClass::System
        );
        assert_eq!(element_class("TechnologyService"), ElementClass::Offered);
        assert_eq!(
            element_class("InfrastructureService"),
            ElementClass::Offered
        );
        assert_eq!(element_class("DataObject"), ElementClass::Data);
        assert_eq!(
            element_class("BusinessActor"),
            ElementClass::OutOfScope("business layer")
        );
        assert_eq!(element_class("Sprocket"), ElementClass::Unknown);
        assert_eq!(relation_class("Serving"), RelationClass::Serving);
        assert_eq!(relation_class("UsedByRelationship"), RelationClass::Serving);
        assert_eq!(
            relation_class("CompositionRelationship"),
            RelationClass::Structural(Structure::Composition)
        );
        assert_eq!(relation_class("Nonsense"), RelationClass::Unknown);
        assert_eq!(relation_name("AssignmentRelationship"), "Assignment");
        assert_eq!(
            AccessType::from_name("ReadWrite"),
            Some(AccessType::ReadWrite)
        );
    }
}
