//! A connection's fields: its ends, what it carries and how.

use super::{Field, FieldError, FieldSpec, FieldValue, is_blank};
use crate::model::{
    Authentication, Communication, Connection, DataFormat, Direction, InteractionStyle, Resilience,
};

/// A field of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConnectionField {
    From,
    To,
    Data,
    Protocol,
    Style,
    DataFormat,
    Direction,
    Frequency,
    Volume,
    LatencyTarget,
    Authentication,
    Encrypted,
    Resilience,
    Transformation,
    Notes,
}

use ConnectionField as F;

impl ConnectionField {
    /// Every connection field, in form order.
    pub const ALL: &'static [ConnectionField] = &[
        F::From,
        F::To,
        F::Data,
        F::Protocol,
        F::Style,
        F::DataFormat,
        F::Direction,
        F::Frequency,
        F::Volume,
        F::LatencyTarget,
        F::Authentication,
        F::Encrypted,
        F::Resilience,
        F::Transformation,
        F::Notes,
    ];

    pub fn spec(self) -> &'static FieldSpec {
        Field::Connection(self).spec()
    }

    pub fn label(self) -> &'static str {
        self.spec().label
    }

    pub fn get(self, c: &Connection) -> FieldValue {
        let text = |t: &String| FieldValue::Text(t.clone());
        match self {
            F::From => FieldValue::System(c.from),
            F::To => FieldValue::System(c.to),
            F::Data => text(&c.data),
            F::Protocol => FieldValue::choice(&c.protocol),
            F::Style => FieldValue::choice(&c.style),
            F::DataFormat => FieldValue::choice(&c.data_format),
            F::Direction => FieldValue::choice(&Some(c.direction.clone())),
            F::Frequency => text(&c.frequency),
            F::Volume => text(&c.volume),
            F::LatencyTarget => FieldValue::Number(c.latency_target_ms),
            F::Authentication => FieldValue::choice(&c.authentication),
            F::Encrypted => FieldValue::Flag(c.encrypted),
            F::Resilience => FieldValue::choices(&c.resilience),
            F::Transformation => text(&c.transformation),
            F::Notes => text(&c.notes),
        }
    }

    /// Writes the value; one of another kind is refused and changes nothing. A connection
    /// always has a direction, so "none" leaves it as it is.
    pub fn set(self, c: &mut Connection, value: FieldValue) -> Result<(), FieldError> {
        match (self, value) {
            (F::From, FieldValue::System(id)) => c.from = id,
            (F::To, FieldValue::System(id)) => c.to = id,
            (F::Data, FieldValue::Text(t)) => c.data = t,
            (F::Protocol, FieldValue::Choice(v)) => {
                c.protocol = v.and_then(|v| v.to::<Communication>())
            }
            (F::Style, FieldValue::Choice(v)) => {
                c.style = v.and_then(|v| v.to::<InteractionStyle>())
            }
            (F::DataFormat, FieldValue::Choice(v)) => {
                c.data_format = v.and_then(|v| v.to::<DataFormat>())
            }
            (F::Direction, FieldValue::Choice(v)) => {
                if let Some(direction) = v.and_then(|v| v.to::<Direction>()) {
                    c.direction = direction;
                }
            }
            (F::Frequency, FieldValue::Text(t)) => c.frequency = t,
            (F::Volume, FieldValue::Text(t)) => c.volume = t,
            (F::LatencyTarget, FieldValue::Number(n)) => c.latency_target_ms = n,
            (F::Authentication, FieldValue::Choice(v)) => {
                c.authentication = v.and_then(|v| v.to::<Authentication>())
            }
            (F::Encrypted, FieldValue::Flag(on)) => c.encrypted = on,
            (F::Resilience, FieldValue::Choices(list)) => {
                c.resilience = list.iter().filter_map(|v| v.to::<Resilience>()).collect()
            }
            (F::Transformation, FieldValue::Text(t)) => c.transformation = t,
            (F::Notes, FieldValue::Text(t)) => c.notes = t,
            (_, value) => return Err(FieldError::new(self.spec().key, &value)),
        }
        Ok(())
    }

    /// Says nothing yet. Reads the field in place: checks run this over every connection.
    pub fn is_empty(self, c: &Connection) -> bool {
        match self {
            F::From | F::To | F::Encrypted => false,
            F::Data => is_blank(&c.data),
            F::Protocol => c.protocol.as_ref().is_none_or(|v| v.is_blank_other()),
            F::Style => c.style.as_ref().is_none_or(|v| v.is_blank_other()),
            F::DataFormat => c.data_format.as_ref().is_none_or(|v| v.is_blank_other()),
            F::Direction => c.direction.is_blank_other(),
            F::Frequency => is_blank(&c.frequency),
            F::Volume => is_blank(&c.volume),
            F::LatencyTarget => c.latency_target_ms.is_none(),
            F::Authentication => c.authentication.as_ref().is_none_or(|v| v.is_blank_other()),
            F::Resilience => c.resilience.iter().all(|v| is_blank(v.label())),
            F::Transformation => is_blank(&c.transformation),
            F::Notes => is_blank(&c.notes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::{Choice, FieldKind};
    use crate::model::{ConnectionId, SystemId};

    #[test]
    fn every_connection_field_reads_back_what_was_written() {
        for &field in ConnectionField::ALL {
            let mut c = Connection::new(ConnectionId(1), SystemId(1), SystemId(2));
            let value = match field.spec().kind {
                FieldKind::Choice { .. } => FieldValue::Choice(Some(Choice::Known(1))),
                FieldKind::MultiChoice { .. } => {
                    FieldValue::Choices(vec![Choice::Known(1), Choice::Other("Bulkhead".into())])
                }
                FieldKind::Number => FieldValue::Number(Some(250)),
                FieldKind::Flag => FieldValue::Flag(true),
                FieldKind::System => FieldValue::System(SystemId(7)),
                _ => FieldValue::Text(format!("value of {}", field.spec().key)),
            };
            field.set(&mut c, value.clone()).unwrap();
            assert_eq!(field.get(&c), value, "{field:?}");
            assert!(!field.is_empty(&c), "{field:?}");
        }
    }

    #[test]
    fn a_direction_cannot_be_cleared() {
        let mut c = Connection::new(ConnectionId(1), SystemId(1), SystemId(2));
        F::Direction.set(&mut c, FieldValue::Choice(None)).unwrap();
        assert_eq!(c.direction, Direction::OneWay);
    }
}
