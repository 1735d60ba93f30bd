//! What the canvas and the exported pictures write on an item: the words on boxes and
//! arrows. Egui-free, so a picture made on the command line says exactly what the canvas
//! says.

use crate::model::{Connection, InteractionStyle, Sensitivity, System};

/// An SLA as people write it: "99.95%". Rounded to thousandths, so a value that went
/// through floating point (99.07000000000001) prints as typed.
pub fn percent(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    format!("{rounded}%")
}

/// The SLA line of a system's box.
pub fn sla(system: &System) -> String {
    match system.availability.percent {
        Some(p) if p.is_finite() => format!("SLA {}", percent(p)),
        _ => "No SLA".to_owned(),
    }
}

/// The badge that names a system's data sensitivity; `None` when it is not set.
pub fn sensitivity_badge(sensitivity: Option<&Sensitivity>) -> Option<&str> {
    sensitivity
        .map(Sensitivity::label)
        .map(str::trim)
        .filter(|label| !label.is_empty())
}

/// A connection's label: its protocol and what it carries ("REST · order events").
pub fn connection_label(connection: &Connection) -> String {
    let protocol = connection
        .protocol
        .as_ref()
        .map(|p| p.label().trim())
        .filter(|p| !p.is_empty());
    let data = Some(first_line(&connection.data)).filter(|d| !d.is_empty());
    match (protocol, data) {
        (Some(p), Some(d)) => format!("{p} · {d}"),
        (Some(p), None) => p.to_owned(),
        (None, Some(d)) => d.to_owned(),
        (None, None) => String::new(),
    }
}

/// Asynchronous flows are dashed: nobody waits on the other end.
pub fn is_dashed(connection: &Connection) -> bool {
    matches!(
        connection.style,
        Some(
            InteractionStyle::AsyncMessage
                | InteractionStyle::PublishSubscribe
                | InteractionStyle::Batch
                | InteractionStyle::Streaming
        )
    )
}

/// A name or note can hold line breaks; a label shows only the first line.
pub fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Availability, Communication, ConnectionId, SystemId};

    #[test]
    fn percentages_print_as_typed() {
        assert_eq!(percent(99.95), "99.95%");
        assert_eq!(percent(99.07000000000001), "99.07%");
        assert_eq!(percent(100.0), "100%");
    }

    #[test]
    fn sla_line() {
        let mut system = System::new(SystemId(1), "A");
        assert_eq!(sla(&system), "No SLA");
        system.availability = Availability::percent(99.9);
        assert_eq!(sla(&system), "SLA 99.9%");
        system.availability = Availability::percent(f64::NAN);
        assert_eq!(sla(&system), "No SLA");
    }

    #[test]
    fn connection_labels_combine_protocol_and_data() {
        let mut c = Connection::new(ConnectionId(3), SystemId(1), SystemId(2));
        assert_eq!(connection_label(&c), "");
        c.data = "order events\nsecond line".into();
        assert_eq!(connection_label(&c), "order events");
        c.protocol = Some(Communication::Rest);
        assert_eq!(connection_label(&c), "REST · order events");
        c.data.clear();
        assert_eq!(connection_label(&c), "REST");
    }

    #[test]
    fn only_asynchronous_styles_are_dashed() {
        let mut c = Connection::new(ConnectionId(3), SystemId(1), SystemId(2));
        assert!(!is_dashed(&c));
        c.style = Some(InteractionStyle::SyncRequestResponse);
        assert!(!is_dashed(&c));
        for style in [
            InteractionStyle::AsyncMessage,
            InteractionStyle::PublishSubscribe,
            InteractionStyle::Batch,
            InteractionStyle::Streaming,
        ] {
            c.style = Some(style);
            assert!(is_dashed(&c));
        }
    }

    #[test]
    fn badges_name_the_sensitivity() {
        assert_eq!(sensitivity_badge(None), None);
        assert_eq!(
            sensitivity_badge(Some(&Sensitivity::Restricted)),
            Some("Restricted")
        );
        assert_eq!(
            sensitivity_badge(Some(&Sensitivity::Other("  ".into()))),
            None
        );
    }
}
