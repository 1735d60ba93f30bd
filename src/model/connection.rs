use serde::{Deserialize, Serialize};

use super::{
    Authentication, Communication, ConnectionId, DataFormat, Direction, InteractionStyle, Point,
    Resilience, SystemId,
};

/// A data flow from one system to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Connection {
    pub id: ConnectionId,
    pub from: SystemId,
    pub to: SystemId,
    /// What the flow carries, e.g. "order events".
    #[serde(default)]
    pub data: String,
    #[serde(default)]
    pub protocol: Option<Communication>,
    #[serde(default)]
    pub style: Option<InteractionStyle>,
    #[serde(default)]
    pub data_format: Option<DataFormat>,
    #[serde(default)]
    pub direction: Direction,
    /// How often, e.g. "on every order" or "nightly at 02:00".
    #[serde(default)]
    pub frequency: String,
    /// How much, e.g. "~2,000 messages/min at peak".
    #[serde(default)]
    pub volume: String,
    /// The end-to-end latency this flow must meet, in milliseconds.
    #[serde(default)]
    pub latency_target_ms: Option<u64>,
    #[serde(default)]
    pub authentication: Option<Authentication>,
    #[serde(default)]
    pub encrypted: bool,
    #[serde(default)]
    pub resilience: Vec<Resilience>,
    /// How data is mapped between the two ends' formats, if it is.
    #[serde(default)]
    pub transformation: String,
    #[serde(default)]
    pub notes: String,
    /// Where the line bends on its way from `from` to `to`, in scene units; empty for a
    /// straight line. Auto-arrange sets them where a straight line would run through
    /// another box; moving one end by hand drops them. Written only when there are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waypoints: Vec<Point>,
}

impl Connection {
    pub fn new(id: ConnectionId, from: SystemId, to: SystemId) -> Self {
        Connection {
            id,
            from,
            to,
            data: String::new(),
            protocol: None,
            style: None,
            data_format: None,
            direction: Direction::OneWay,
            frequency: String::new(),
            volume: String::new(),
            latency_target_ms: None,
            authentication: None,
            encrypted: false,
            resilience: Vec::new(),
            transformation: String::new(),
            notes: String::new(),
            waypoints: Vec::new(),
        }
    }

    /// A flow from a system to itself makes sense only through something that stores the
    /// data in between (a queue, topic or stream): a system calling itself synchronously
    /// is a modelling mistake.
    pub fn is_meaningful_self_loop(&self) -> bool {
        matches!(
            self.style,
            Some(
                InteractionStyle::AsyncMessage
                    | InteractionStyle::PublishSubscribe
                    | InteractionStyle::Streaming
            )
        )
    }
}

/// Formats a latency in the largest unit that keeps it a whole number: "250 ms", "2 s", "24 h".
pub fn format_latency_ms(ms: u64) -> String {
    const UNITS: [(u64, &str); 4] = [(3_600_000, "h"), (60_000, "min"), (1_000, "s"), (1, "ms")];
    for (size, unit) in UNITS {
        if ms >= size && ms.is_multiple_of(size) {
            return format!("{} {unit}", ms / size);
        }
    }
    format!("{ms} ms")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latency_uses_the_largest_whole_unit() {
        assert_eq!(format_latency_ms(250), "250 ms");
        assert_eq!(format_latency_ms(2_000), "2 s");
        assert_eq!(format_latency_ms(1_500), "1500 ms");
        assert_eq!(format_latency_ms(86_400_000), "24 h");
        assert_eq!(format_latency_ms(0), "0 ms");
    }
}
