//! The project as the rules see it: systems by position, connections with both ends
//! resolved, and names for messages. Built once per `analyze`.

use std::collections::HashMap;

use crate::model::{
    Communication, Connection, Direction, InteractionStyle, Project, Sensitivity, System, SystemId,
    Zone, ZoneKind,
};

/// A connection whose two ends exist, with the ends as system positions.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Link<'p> {
    pub connection: &'p Connection,
    pub from: usize,
    pub to: usize,
}

pub(crate) struct Landscape<'p> {
    pub project: &'p Project,
    pub systems: &'p [System],
    /// Connections in project order. One with a dangling end is left out: loading already
    /// reports it (`dangling-reference`), and no rule can say anything true about it.
    pub links: Vec<Link<'p>>,
    zones: Vec<Option<&'p Zone>>,
    intermediary: Vec<bool>,
    names: Vec<String>,
}

impl<'p> Landscape<'p> {
    pub fn new(project: &'p Project) -> Self {
        let mut index: HashMap<SystemId, usize> = HashMap::with_capacity(project.systems.len());
        for (i, system) in project.systems.iter().enumerate() {
            // With a duplicated id (a load problem) the first system keeps it.
            index.entry(system.id).or_insert(i);
        }
        let links = project
            .connections
            .iter()
            .filter_map(|connection| {
                Some(Link {
                    connection,
                    from: *index.get(&connection.from)?,
                    to: *index.get(&connection.to)?,
                })
            })
            .collect();
        let by_id: HashMap<_, _> = project.zones.iter().map(|z| (z.id, z)).collect();
        let zones = project
            .systems
            .iter()
            .map(|s| s.zone.and_then(|z| by_id.get(&z).copied()))
            .collect();
        let intermediary = project
            .systems
            .iter()
            .map(|s| {
                std::iter::once(&s.name)
                    .chain(&s.tags)
                    .any(|t| names_intermediary(t))
            })
            .collect();
        Landscape {
            project,
            systems: &project.systems,
            links,
            zones,
            intermediary,
            names: project.systems.iter().map(display_name).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.systems.len()
    }

    pub fn id(&self, i: usize) -> SystemId {
        self.systems[i].id
    }

    /// The system's name for a message; an unnamed one is called by its id.
    pub fn name(&self, i: usize) -> &str {
        &self.names[i]
    }

    /// The system's zone, when it names one that exists.
    pub fn zone(&self, i: usize) -> Option<&'p Zone> {
        self.zones[i]
    }

    /// "A → B", or "A ↔ B" when data moves both ways.
    pub fn link_label(&self, link: &Link) -> String {
        let arrow = if link.connection.direction == Direction::BothWays {
            "↔"
        } else {
            "→"
        };
        format!("{} {arrow} {}", self.name(link.from), self.name(link.to))
    }

    /// The directions data moves on a link, as (source, target) positions.
    pub fn flows(&self, link: &Link) -> impl Iterator<Item = (usize, usize)> {
        let back = link.connection.direction == Direction::BothWays && link.from != link.to;
        std::iter::once((link.from, link.to)).chain(back.then_some((link.to, link.from)))
    }

    /// Whether the system sits in a partner or SaaS zone: run by another organisation.
    pub fn is_external(&self, i: usize) -> bool {
        self.zone(i).is_some_and(is_external_zone)
    }

    /// Whether the system is itself an integration hub (a broker, bus, integration engine or
    /// API gateway): the hub-and-spoke pattern, not a point-to-point participant. Known by
    /// its name or a tag, so a team can mark one with a tag such as `broker`.
    pub fn is_intermediary(&self, i: usize) -> bool {
        self.intermediary[i]
    }

    /// The sensitivity rank of a system's data; `None` when unset or free text.
    pub fn rank(&self, i: usize) -> Option<u8> {
        self.systems[i]
            .sensitivity
            .as_ref()
            .and_then(Sensitivity::rank)
    }
}

pub(crate) fn display_name(system: &System) -> String {
    let name = system.name.trim();
    if name.is_empty() {
        format!("unnamed system {}", system.id)
    } else {
        name.to_owned()
    }
}

/// Partner and SaaS zones are run by other organisations. A DMZ is the organisation's own
/// boundary, where its gateways stand.
pub(crate) fn is_external_zone(zone: &Zone) -> bool {
    matches!(zone.kind, Some(ZoneKind::Partner | ZoneKind::Saas))
}

/// Whether a name or tag calls the system an integration hub: a broker, a service, event or
/// message bus (ESB), an integration engine, platform or hub (iPaaS), an event hub, or an
/// API gateway or API management. Whole words, any case.
fn names_intermediary(text: &str) -> bool {
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let is = |word: &str, any: &[&str]| any.iter().any(|a| word.eq_ignore_ascii_case(a));
    let mut previous = "";
    words.any(|word| {
        let hit = is(word, &["broker", "esb", "ipaas"])
            || (is(word, &["bus"]) && is(previous, &["service", "event", "message"]))
            || (is(word, &["engine", "platform"]) && is(previous, &["integration"]))
            || (is(word, &["hub"]) && is(previous, &["integration", "event"]))
            || (is(word, &["gateway", "management"]) && is(previous, &["api"]));
        previous = word;
        hit
    })
}

/// Confidential and Restricted are the classifications whose data needs protecting.
pub(crate) const SENSITIVE_RANK: u8 = 2;

/// Whether the caller waits for the answer. The interaction style decides; without one,
/// the protocols that are request/response by nature (REST, SOAP, GraphQL, gRPC, a
/// database call) count as synchronous. Any other style, free text included, does not.
pub(crate) fn is_synchronous(connection: &Connection) -> bool {
    match &connection.style {
        Some(style) => style.is_synchronous(),
        None => matches!(
            connection.protocol,
            Some(
                Communication::Rest
                    | Communication::Soap
                    | Communication::GraphQl
                    | Communication::Grpc
                    | Communication::Database
            )
        ),
    }
}

/// Whether the sender hands data off without waiting: a message, publish/subscribe or
/// streaming style; a free-text style that names a webhook or callback (an event pushed
/// over HTTP); or, with no named style, a message-queue or event-stream protocol.
pub(crate) fn is_asynchronous(connection: &Connection) -> bool {
    let by_protocol = matches!(
        connection.protocol,
        Some(Communication::MessageQueue | Communication::EventStream)
    );
    match &connection.style {
        Some(
            InteractionStyle::AsyncMessage
            | InteractionStyle::PublishSubscribe
            | InteractionStyle::Streaming,
        ) => true,
        Some(InteractionStyle::Other(text)) => {
            let text = text.to_lowercase();
            by_protocol || text.contains("webhook") || text.contains("callback")
        }
        Some(InteractionStyle::SyncRequestResponse | InteractionStyle::Batch) => false,
        None => by_protocol,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ConnectionId;

    fn connection(protocol: Option<Communication>, style: Option<InteractionStyle>) -> Connection {
        let mut c = Connection::new(ConnectionId(1), SystemId(2), SystemId(3));
        c.protocol = protocol;
        c.style = style;
        c
    }

    #[test]
    fn the_style_decides_and_the_protocol_stands_in_for_a_missing_one() {
        use Communication::*;
        use InteractionStyle::*;
        assert!(is_synchronous(&connection(
            Some(MessageQueue),
            Some(SyncRequestResponse)
        )));
        assert!(!is_synchronous(&connection(Some(Rest), Some(AsyncMessage))));
        for protocol in [Rest, Soap, GraphQl, Grpc, Database] {
            assert!(is_synchronous(&connection(Some(protocol), None)));
        }
        assert!(!is_synchronous(&connection(Some(FileTransfer), None)));
        assert!(!is_synchronous(&connection(None, None)));
        assert!(!is_synchronous(&connection(
            Some(Rest),
            Some(InteractionStyle::Other("Webhook".into()))
        )));
    }

    #[test]
    fn webhooks_queues_and_streams_are_asynchronous() {
        use Communication::*;
        use InteractionStyle::*;
        assert!(is_asynchronous(&connection(
            Some(Rest),
            Some(InteractionStyle::Other("Webhook (HTTP callback)".into()))
        )));
        assert!(is_asynchronous(&connection(Some(EventStream), None)));
        assert!(is_asynchronous(&connection(None, Some(Streaming))));
        assert!(!is_asynchronous(&connection(
            Some(MessageQueue),
            Some(Batch)
        )));
        assert!(!is_asynchronous(&connection(Some(Rest), None)));
    }

    #[test]
    fn hubs_are_known_by_name_or_tag() {
        assert!(names_intermediary("Event broker (Kafka)"));
        assert!(names_intermediary("Enterprise Service Bus"));
        assert!(names_intermediary("ESB"));
        assert!(names_intermediary("Open-banking API gateway"));
        assert!(!names_intermediary("Order service"));
        assert!(!names_intermediary("Desbury warehouse"));
    }

    #[test]
    fn dangling_connections_are_left_out() {
        let mut project = Project::new("p");
        project.systems.push(System::new(SystemId(1), "A"));
        project
            .connections
            .push(Connection::new(ConnectionId(2), SystemId(1), SystemId(9)));
        project
            .connections
            .push(Connection::new(ConnectionId(3), SystemId(1), SystemId(1)));
        let landscape = Landscape::new(&project);
        assert_eq!(landscape.links.len(), 1);
        assert_eq!(landscape.links[0].connection.id, ConnectionId(3));
    }
}
