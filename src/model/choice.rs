//! Enumerations whose every value also has an "other" escape hatch, so no user is forced
//! into a wrong choice. One macro keeps their labels, parsing and serde shape identical.

/// Anything with a label to show people.
pub trait Labelled {
    fn label(&self) -> &str;
}

/// What forms need to offer any choice enum: its named values, and the free-text escape.
pub trait ChoiceEnum: Labelled + Clone + PartialEq + Sized + 'static {
    fn known() -> &'static [Self];
    fn parse_label(label: &str) -> Option<Self>;
    fn other(text: String) -> Self;
    /// The user's text when this is the free-text value.
    fn other_text(&self) -> Option<&str>;
}

/// Declares a choice enum: the listed variants plus `Other(String)` for free text.
///
/// Serde writes the variant names (`Json`, `Other("EDIFACT")`), which keeps project files
/// readable; the labels are what people see in the prompt and the form.
macro_rules! choice_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $($variant:ident => $label:literal),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($variant,)+
            /// Free text for anything the list does not name.
            Other(String),
        }

        impl $name {
            /// Every named value, in the order a form should offer them.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];
            /// The labels of [`Self::KNOWN`], in the same order.
            pub const LABELS: &'static [&'static str] = &[$($label),+];

            /// The label shown to people; for `Other` the user's own text.
            pub fn label(&self) -> &str {
                match self {
                    $($name::$variant => $label,)+
                    $name::Other(text) => text,
                }
            }

            /// Parses a label (case-insensitive, ignoring surrounding space). Unknown text
            /// becomes `Other`; blank text is `None`.
            pub fn from_label(label: &str) -> Option<Self> {
                let label = label.trim();
                if label.is_empty() {
                    return None;
                }
                Some(
                    Self::KNOWN
                        .iter()
                        .zip(Self::LABELS)
                        .find(|(_, known)| known.eq_ignore_ascii_case(label))
                        .map(|(value, _)| value.clone())
                        .unwrap_or_else(|| $name::Other(label.to_owned())),
                )
            }

            /// True for an `Other` whose text is blank, which says nothing.
            pub fn is_blank_other(&self) -> bool {
                matches!(self, $name::Other(text) if $crate::model::is_blank(text))
            }
        }

        impl Labelled for $name {
            fn label(&self) -> &str {
                $name::label(self)
            }
        }

        impl ChoiceEnum for $name {
            fn known() -> &'static [Self] {
                Self::KNOWN
            }

            fn parse_label(label: &str) -> Option<Self> {
                Self::from_label(label)
            }

            fn other(text: String) -> Self {
                $name::Other(text)
            }

            fn other_text(&self) -> Option<&str> {
                match self {
                    $name::Other(text) => Some(text),
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

choice_enum! {
    /// CM-010's `{REAL_TIME/BATCH/HYBRID/EVENT_DRIVEN}`: the primary integration approach.
    IntegrationType {
        RealTime => "Real-time",
        Batch => "Batch",
        Hybrid => "Hybrid",
        EventDriven => "Event-driven",
    }
}

choice_enum! {
    /// How sensitive data is, from least to most.
    Sensitivity {
        Public => "Public",
        Internal => "Internal",
        Confidential => "Confidential",
        Restricted => "Restricted",
    }
}

choice_enum! {
    /// A regulation or standard the landscape must comply with.
    Regulation {
        Gdpr => "GDPR",
        Ccpa => "CCPA",
        Hipaa => "HIPAA",
        PciDss => "PCI DSS",
        Sox => "SOX",
        Psd2 => "PSD2",
        Iso27001 => "ISO 27001",
        Soc2 => "SOC 2",
    }
}

choice_enum! {
    /// How data is encoded.
    DataFormat {
        Json => "JSON",
        Xml => "XML",
        Avro => "Avro",
        Protobuf => "Protocol Buffers",
        Csv => "CSV",
        Binary => "Binary",
    }
}

choice_enum! {
    /// How a system talks, or which protocol a data flow uses.
    Communication {
        Rest => "REST",
        Soap => "SOAP",
        GraphQl => "GraphQL",
        Grpc => "gRPC",
        MessageQueue => "Message queue",
        EventStream => "Event stream",
        FileTransfer => "File transfer",
        Database => "Database",
    }
}

choice_enum! {
    /// The interaction style of a data flow.
    InteractionStyle {
        SyncRequestResponse => "Synchronous request/response",
        AsyncMessage => "Asynchronous message",
        PublishSubscribe => "Publish/subscribe",
        Batch => "Batch",
        Streaming => "Streaming",
    }
}

choice_enum! {
    /// Which way data moves on a connection.
    Direction {
        OneWay => "One way",
        BothWays => "Both ways",
    }
}

choice_enum! {
    /// How the caller of a data flow proves who it is.
    Authentication {
        NoAuthentication => "None",
        ApiKey => "API key",
        OAuth2 => "OAuth 2",
        Mtls => "mTLS",
        Jwt => "JWT",
        Saml => "SAML",
        Basic => "Basic",
    }
}

choice_enum! {
    /// A resilience measure on a data flow.
    Resilience {
        RetryWithBackoff => "Retry with backoff",
        CircuitBreaker => "Circuit breaker",
        Timeout => "Timeout",
        DeadLetterQueue => "Dead-letter queue",
        Idempotency => "Idempotency",
        Compensation => "Compensation",
    }
}

choice_enum! {
    /// The kind of trust boundary a zone is.
    ZoneKind {
        OnPremises => "On-premises",
        Cloud => "Cloud",
        Partner => "Partner",
        Dmz => "DMZ",
        Saas => "SaaS",
    }
}

// The enum comes from `choice_enum!`, which cannot mark a variant `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for Direction {
    fn default() -> Self {
        Direction::OneWay
    }
}

impl Sensitivity {
    /// Position on the Public → Restricted scale; `None` for free text, which cannot be ranked.
    pub fn rank(&self) -> Option<u8> {
        match self {
            Sensitivity::Public => Some(0),
            Sensitivity::Internal => Some(1),
            Sensitivity::Confidential => Some(2),
            Sensitivity::Restricted => Some(3),
            Sensitivity::Other(_) => None,
        }
    }
}

impl InteractionStyle {
    /// Whether the caller waits for the answer: the coupling that chains availability.
    pub fn is_synchronous(&self) -> bool {
        matches!(self, InteractionStyle::SyncRequestResponse)
    }
}

/// Joins the labels of several choices for a sentence: "GDPR, PCI DSS".
/// Copies each label once, with no `Display` detour: the prompt joins labels for every one
/// of thousands of connections.
pub fn join_labels<T: Labelled>(values: &[T]) -> String {
    let mut joined = String::new();
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            joined.push_str(", ");
        }
        joined.push_str(value.label());
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_back_to_their_variant() {
        for (value, label) in DataFormat::KNOWN.iter().zip(DataFormat::LABELS) {
            assert_eq!(DataFormat::from_label(label).as_ref(), Some(value));
            assert_eq!(value.label(), *label);
        }
    }

    #[test]
    fn unknown_label_becomes_other_and_blank_is_none() {
        assert_eq!(
            DataFormat::from_label("  EDIFACT "),
            Some(DataFormat::Other("EDIFACT".into()))
        );
        assert_eq!(DataFormat::from_label("json"), Some(DataFormat::Json));
        assert_eq!(DataFormat::from_label("   "), None);
        assert!(DataFormat::Other(" ".into()).is_blank_other());
    }

    #[test]
    fn sensitivity_ranks_public_lowest() {
        assert!(Sensitivity::Public.rank() < Sensitivity::Restricted.rank());
        assert_eq!(Sensitivity::Other("Secret".into()).rank(), None);
    }
}
