//! A system's fields: CM-010's per-system block and what a team keeps beside it.

use super::{Field, FieldError, FieldSpec, FieldValue, is_blank};
use crate::model::{Communication, DataFormat, Sensitivity, System};

/// A field of a system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SystemField {
    Name,
    Purpose,
    Technology,
    DataFormat,
    Communication,
    /// The SLA's percentage.
    Availability,
    /// What the SLA's percentage excludes.
    SlaNote,
    Sensitivity,
    OwnerTeam,
    Zone,
    Tags,
    Notes,
}

use SystemField as F;

impl SystemField {
    /// Every system field, in form order.
    pub const ALL: &'static [SystemField] = &[
        F::Name,
        F::Purpose,
        F::Technology,
        F::DataFormat,
        F::Communication,
        F::Availability,
        F::SlaNote,
        F::Sensitivity,
        F::OwnerTeam,
        F::Zone,
        F::Tags,
        F::Notes,
    ];

    pub fn spec(self) -> &'static FieldSpec {
        Field::System(self).spec()
    }

    pub fn label(self) -> &'static str {
        self.spec().label
    }

    pub fn get(self, s: &System) -> FieldValue {
        let text = |t: &String| FieldValue::Text(t.clone());
        match self {
            F::Name => text(&s.name),
            F::Purpose => text(&s.purpose),
            F::Technology => text(&s.technology),
            F::DataFormat => FieldValue::choice(&s.data_format),
            F::Communication => FieldValue::choice(&s.communication),
            F::Availability => FieldValue::Percent(s.availability.percent),
            F::SlaNote => text(&s.availability.note),
            F::Sensitivity => FieldValue::choice(&s.sensitivity),
            F::OwnerTeam => text(&s.owner_team),
            F::Zone => FieldValue::Zone(s.zone),
            F::Tags => FieldValue::Tags(s.tags.clone()),
            F::Notes => text(&s.notes),
        }
    }

    /// Writes the value; one of another kind is refused and changes nothing. Tags are
    /// kept trimmed and without blanks.
    pub fn set(self, s: &mut System, value: FieldValue) -> Result<(), FieldError> {
        match (self, value) {
            (F::Name, FieldValue::Text(t)) => s.name = t,
            (F::Purpose, FieldValue::Text(t)) => s.purpose = t,
            (F::Technology, FieldValue::Text(t)) => s.technology = t,
            (F::DataFormat, FieldValue::Choice(c)) => {
                s.data_format = c.and_then(|c| c.to::<DataFormat>())
            }
            (F::Communication, FieldValue::Choice(c)) => {
                s.communication = c.and_then(|c| c.to::<Communication>())
            }
            (F::Availability, FieldValue::Percent(p)) => s.availability.percent = p,
            (F::SlaNote, FieldValue::Text(t)) => s.availability.note = t,
            (F::Sensitivity, FieldValue::Choice(c)) => {
                s.sensitivity = c.and_then(|c| c.to::<Sensitivity>())
            }
            (F::OwnerTeam, FieldValue::Text(t)) => s.owner_team = t,
            (F::Zone, FieldValue::Zone(z)) => s.zone = z,
            (F::Tags, FieldValue::Tags(tags)) => {
                s.tags = tags
                    .iter()
                    .map(|t| t.trim())
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect()
            }
            (F::Notes, FieldValue::Text(t)) => s.notes = t,
            (_, value) => return Err(FieldError::new(self.spec().key, &value)),
        }
        Ok(())
    }

    /// Says nothing yet. The SLA counts as given when it has a percentage or a note.
    /// Reads the field in place: checks run this over every system.
    pub fn is_empty(self, s: &System) -> bool {
        match self {
            F::Name => is_blank(&s.name),
            F::Purpose => is_blank(&s.purpose),
            F::Technology => is_blank(&s.technology),
            F::DataFormat => s.data_format.as_ref().is_none_or(|v| v.is_blank_other()),
            F::Communication => s.communication.as_ref().is_none_or(|v| v.is_blank_other()),
            F::Availability => s.availability.is_empty(),
            F::SlaNote => is_blank(&s.availability.note),
            F::Sensitivity => s.sensitivity.as_ref().is_none_or(|v| v.is_blank_other()),
            F::OwnerTeam => is_blank(&s.owner_team),
            F::Zone => s.zone.is_none(),
            F::Tags => s.tags.iter().all(|t| is_blank(t)),
            F::Notes => is_blank(&s.notes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::{Choice, FieldKind};
    use crate::model::{SystemId, ZoneId};

    #[test]
    fn every_system_field_reads_back_what_was_written() {
        for &field in SystemField::ALL {
            let mut system = System::new(SystemId(1), "");
            let value = match field.spec().kind {
                FieldKind::Choice { .. } => FieldValue::Choice(Some(Choice::Known(1))),
                FieldKind::Percent => FieldValue::Percent(Some(99.5)),
                FieldKind::Zone => FieldValue::Zone(Some(ZoneId(3))),
                FieldKind::Tags => FieldValue::Tags(vec!["tier-1".into()]),
                _ => FieldValue::Text(format!("value of {}", field.spec().key)),
            };
            field.set(&mut system, value.clone()).unwrap();
            assert_eq!(field.get(&system), value, "{field:?}");
            assert!(!field.is_empty(&system), "{field:?}");
        }
    }

    #[test]
    fn an_sla_with_only_a_note_is_not_empty() {
        let mut system = System::new(SystemId(1), "a");
        assert!(F::Availability.is_empty(&system));
        F::SlaNote
            .set(&mut system, FieldValue::Text("best effort".into()))
            .unwrap();
        assert!(!F::Availability.is_empty(&system));
        assert!(
            F::Availability
                .set(&mut system, FieldValue::Flag(true))
                .is_err()
        );
    }
}
