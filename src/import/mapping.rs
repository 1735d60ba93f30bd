//! Properties from a source mapped to our fields by name (case, spaces, `-` and `_`
//! ignored, common synonyms accepted); whatever has no home becomes a `key: value` line
//! in the item's notes, so nothing is dropped.

use crate::model::{
    Authentication, Availability, Communication, Connection, DataFormat, Direction,
    InteractionStyle, Resilience, Sensitivity, System, Zone, ZoneKind,
};

/// What became of one property.
#[derive(Debug, PartialEq)]
pub enum Mapped {
    /// Set on a field.
    Field(&'static str),
    /// Kept as a `key: value` line in the notes.
    Notes,
    /// Has a home but the value does not fit it; kept in the notes, with the reason.
    Unfit(String),
}

/// The key as compared: lower case, without spaces, `-`, `_` and `.`.
pub fn normalised(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.' | '\t'))
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn system_property(system: &mut System, key: &str, value: &str) -> Mapped {
    let value = value.trim();
    if value.is_empty() {
        return Mapped::Notes;
    }
    let field = match normalised(key).as_str() {
        "owner" | "ownerteam" | "team" | "owningteam" | "responsible" => {
            set_text(&mut system.owner_team, value);
            "owner"
        }
        "sla" | "availability" | "uptime" | "availabilitysla" => {
            return match percent(value) {
                Some(p) => {
                    system.availability = Availability::percent(p);
                    Mapped::Field("availability")
                }
                None => {
                    add_note(&mut system.notes, key, value);
                    Mapped::Unfit(format!(
                        "{key} “{value}” is not a percentage such as 99.95; kept in the notes"
                    ))
                }
            };
        }
        "sensitivity" | "classification" | "dataclassification" | "confidentiality"
        | "datasensitivity" => {
            system.sensitivity = Sensitivity::from_label(value);
            "sensitivity"
        }
        "dataformat" | "format" => {
            system.data_format = DataFormat::from_label(value);
            "data format"
        }
        "protocol" | "communication" => {
            system.communication = Communication::from_label(value);
            "communication"
        }
        "technology" | "tech" | "techstack" | "technologystack" => {
            set_text(&mut system.technology, value);
            "technology"
        }
        "description" | "purpose" | "businessfunction" => {
            set_text(&mut system.purpose, value);
            "purpose"
        }
        "tags" | "tag" | "labels" => {
            add_tags(&mut system.tags, value);
            "tags"
        }
        "slanote" | "availabilitynote" => {
            set_text(&mut system.availability.note, value);
            "SLA note"
        }
        "notes" | "note" | "comments" => {
            set_text(&mut system.notes, value);
            "notes"
        }
        "pinned" => return yes_no(&mut system.pinned, &mut system.notes, key, value),
        _ => {
            add_note(&mut system.notes, key, value);
            return Mapped::Notes;
        }
    };
    Mapped::Field(field)
}

pub fn connection_property(connection: &mut Connection, key: &str, value: &str) -> Mapped {
    let value = value.trim();
    if value.is_empty() {
        return Mapped::Notes;
    }
    let field = match normalised(key).as_str() {
        "protocol" | "communication" => {
            connection.protocol = Communication::from_label(value);
            "protocol"
        }
        "style" | "interaction" | "interactionstyle" => {
            connection.style = InteractionStyle::from_label(value);
            "interaction style"
        }
        "dataformat" | "format" => {
            connection.data_format = DataFormat::from_label(value);
            "data format"
        }
        "data" | "payload" | "carries" => {
            set_text(&mut connection.data, value);
            "data"
        }
        "frequency" | "schedule" => {
            set_text(&mut connection.frequency, value);
            "frequency"
        }
        "volume" => {
            set_text(&mut connection.volume, value);
            "volume"
        }
        "authentication" | "auth" => {
            connection.authentication = Authentication::from_label(value);
            "authentication"
        }
        "direction" => {
            connection.direction = Direction::from_label(value).unwrap_or_default();
            "direction"
        }
        "encrypted" | "encryption" | "tls" => {
            return yes_no(&mut connection.encrypted, &mut connection.notes, key, value);
        }
        "resilience" => {
            for measure in list_items(value).filter_map(Resilience::from_label) {
                if !connection.resilience.contains(&measure) {
                    connection.resilience.push(measure);
                }
            }
            "resilience"
        }
        "transformation" | "mapping" => {
            set_text(&mut connection.transformation, value);
            "transformation"
        }
        "notes" | "note" | "comments" => {
            set_text(&mut connection.notes, value);
            "notes"
        }
        "latency" | "latencyms" | "latencytarget" | "latencytargetms" => {
            let digits = value.trim_end_matches("ms").trim();
            return match digits.parse::<u64>() {
                Ok(ms) => {
                    connection.latency_target_ms = Some(ms);
                    Mapped::Field("latency target")
                }
                Err(_) => {
                    add_note(&mut connection.notes, key, value);
                    Mapped::Unfit(format!(
                        "{key} “{value}” is not a number of milliseconds; kept in the notes"
                    ))
                }
            };
        }
        _ => {
            add_note(&mut connection.notes, key, value);
            return Mapped::Notes;
        }
    };
    Mapped::Field(field)
}

/// A zone's kind and notes; anything else is a `key: value` line in its notes.
pub fn zone_property(zone: &mut Zone, key: &str, value: &str) -> Mapped {
    let value = value.trim();
    if value.is_empty() {
        return Mapped::Notes;
    }
    match normalised(key).as_str() {
        "kind" | "zonekind" | "trustzone" | "zonetype" => {
            zone.kind = ZoneKind::from_label(value);
            Mapped::Field("kind")
        }
        "notes" | "note" | "comments" | "description" => {
            set_text(&mut zone.notes, value);
            Mapped::Field("notes")
        }
        _ => {
            add_note(&mut zone.notes, key, value);
            Mapped::Notes
        }
    }
}

/// The items of a list: one per line when it has several lines (as our exports write
/// lists whose items may hold commas), else split at `,` and `;`.
fn list_items(value: &str) -> impl Iterator<Item = &str> {
    let by_line = value.contains('\n');
    value
        .split(move |c| {
            if by_line {
                c == '\n'
            } else {
                c == ',' || c == ';'
            }
        })
        .map(str::trim)
}

/// A yes-or-no field: "yes", "true", "1" and "no", "false", "0" in any case; anything else
/// is kept in the notes.
fn yes_no(field: &mut bool, notes: &mut String, key: &str, value: &str) -> Mapped {
    match value.to_ascii_lowercase().as_str() {
        "yes" | "true" | "1" | "y" => *field = true,
        "no" | "false" | "0" | "n" => *field = false,
        _ => {
            add_note(notes, key, value);
            return Mapped::Unfit(format!(
                "{key} “{value}” is neither yes nor no; kept in the notes"
            ));
        }
    }
    Mapped::Field("yes or no")
}

/// "99.95" and "99.95%" are percentages; words such as "four nines" are not guessed.
pub fn percent(text: &str) -> Option<f64> {
    let number = text.trim().trim_end_matches('%').trim();
    let p: f64 = number.parse().ok()?;
    (p.is_finite() && (0.0..=100.0).contains(&p)).then_some(p)
}

fn set_text(field: &mut String, value: &str) {
    if field.trim().is_empty() {
        *field = value.to_owned();
    } else if field.trim() != value {
        field.push('\n');
        field.push_str(value);
    }
}

pub fn add_note(notes: &mut String, key: &str, value: &str) {
    if !notes.is_empty() {
        notes.push('\n');
    }
    notes.push_str(key.trim());
    notes.push_str(": ");
    notes.push_str(value);
}

pub fn add_tags(tags: &mut Vec<String>, value: &str) {
    for tag in value
        .split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SystemId;

    #[test]
    fn fields_are_matched_by_name_and_the_rest_goes_to_notes() {
        let mut s = System::new(SystemId(1), "CRM");
        assert_eq!(
            system_property(&mut s, "Owner Team", "Sales IT"),
            Mapped::Field("owner")
        );
        assert_eq!(
            system_property(&mut s, "SLA", "99.95%"),
            Mapped::Field("availability")
        );
        assert_eq!(
            system_property(&mut s, "data_classification", "confidential"),
            Mapped::Field("sensitivity")
        );
        assert_eq!(
            system_property(&mut s, "cost centre", "4711"),
            Mapped::Notes
        );
        assert_eq!(s.owner_team, "Sales IT");
        assert_eq!(s.availability.percent, Some(99.95));
        assert_eq!(s.sensitivity, Some(Sensitivity::Confidential));
        assert_eq!(s.notes, "cost centre: 4711");
    }

    #[test]
    fn an_sla_in_words_is_not_guessed_but_kept() {
        let mut s = System::new(SystemId(1), "CRM");
        let mapped = system_property(&mut s, "availability", "four nines");
        assert!(matches!(mapped, Mapped::Unfit(_)), "{mapped:?}");
        assert_eq!(s.availability.percent, None);
        assert_eq!(s.notes, "availability: four nines");
        assert_eq!(percent("99.95"), Some(99.95));
        assert_eq!(percent("101"), None);
    }

    #[test]
    fn every_field_a_csv_export_writes_has_a_home() {
        use crate::model::ConnectionId;
        let mut s = System::new(SystemId(1), "CRM");
        for (key, value) in [
            ("sla note", "business hours"),
            ("Notes", "line one"),
            ("pinned", "yes"),
        ] {
            assert!(matches!(
                system_property(&mut s, key, value),
                Mapped::Field(_)
            ));
        }
        assert_eq!(s.availability.note, "business hours");
        assert_eq!(s.notes, "line one");
        assert!(s.pinned);
        let mut c = Connection::new(ConnectionId(1), SystemId(1), SystemId(2));
        for (key, value) in [
            ("direction", "Both ways"),
            ("encrypted", "yes"),
            ("resilience", "Timeout, Circuit breaker, Timeout"),
            ("transformation", "XML to JSON"),
            ("notes", "see ADR-7"),
        ] {
            assert!(matches!(
                connection_property(&mut c, key, value),
                Mapped::Field(_)
            ));
        }
        assert_eq!(c.direction, Direction::BothWays);
        assert!(c.encrypted);
        assert_eq!(
            c.resilience,
            [Resilience::Timeout, Resilience::CircuitBreaker]
        );
        assert_eq!(c.transformation, "XML to JSON");
        assert_eq!(c.notes, "see ADR-7");
        let unfit = connection_property(&mut c, "encrypted", "sometimes");
        assert!(matches!(unfit, Mapped::Unfit(_)), "{unfit:?}");
        assert!(c.notes.ends_with("encrypted: sometimes"));
    }
}
