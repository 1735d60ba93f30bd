//! Protocols, interaction styles and data formats guessed from a technology or
//! description text ("HTTPS/JSON", "Kafka topic", "SFTP nightly"). Every guess is shown
//! in the report; the table is in docs/import.md.

use crate::model::{Communication, DataFormat, InteractionStyle};

/// What a text says about a connection, each with the word that said it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Guess {
    pub protocol: Option<(Communication, String)>,
    pub style: Option<(InteractionStyle, String)>,
    pub format: Option<(DataFormat, String)>,
}

/// The first rule whose word appears in the text wins, so the more specific come first.
const PROTOCOLS: &[(&[&str], Communication, Option<InteractionStyle>)] = &[
    (
        &["grpc"],
        Communication::Grpc,
        Some(InteractionStyle::SyncRequestResponse),
    ),
    (
        &["graphql"],
        Communication::GraphQl,
        Some(InteractionStyle::SyncRequestResponse),
    ),
    (
        &["soap", "wsdl"],
        Communication::Soap,
        Some(InteractionStyle::SyncRequestResponse),
    ),
    (
        &[
            "kafka",
            "kinesis",
            "eventbridge",
            "eventhub",
            "eventhubs",
            "pubsub",
            "sns",
            "nats",
            "topic",
            "topics",
            "event",
            "events",
            "asyncapi",
            "stream",
            "streams",
        ],
        Communication::EventStream,
        Some(InteractionStyle::PublishSubscribe),
    ),
    (
        &[
            "amqp",
            "rabbitmq",
            "jms",
            "mq",
            "ibmmq",
            "activemq",
            "sqs",
            "queue",
            "queues",
            "mqtt",
            "servicebus",
            "message",
            "messages",
            "messaging",
        ],
        Communication::MessageQueue,
        Some(InteractionStyle::AsyncMessage),
    ),
    (
        &[
            "sftp", "ftp", "ftps", "scp", "file", "files", "csv", "nfs", "smb",
        ],
        Communication::FileTransfer,
        Some(InteractionStyle::Batch),
    ),
    (
        &[
            "jdbc",
            "odbc",
            "sql",
            "database",
            "db",
            "postgres",
            "postgresql",
            "mysql",
            "oracle",
            "mongodb",
            "redis",
            "tcp/ip",
        ],
        Communication::Database,
        Some(InteractionStyle::SyncRequestResponse),
    ),
    (
        &[
            "rest",
            "restful",
            "http",
            "https",
            "openapi",
            "json/https",
            "api",
            "webhook",
            "webhooks",
        ],
        Communication::Rest,
        Some(InteractionStyle::SyncRequestResponse),
    ),
];

const STYLES: &[(&[&str], InteractionStyle)] = &[
    (
        &[
            "nightly",
            "daily",
            "hourly",
            "weekly",
            "batch",
            "cron",
            "scheduled",
        ],
        InteractionStyle::Batch,
    ),
    (&["streaming"], InteractionStyle::Streaming),
    (&["async", "asynchronous"], InteractionStyle::AsyncMessage),
];

const FORMATS: &[(&[&str], DataFormat)] = &[
    (&["json"], DataFormat::Json),
    (&["xml", "soap"], DataFormat::Xml),
    (&["avro"], DataFormat::Avro),
    (&["protobuf", "proto", "grpc"], DataFormat::Protobuf),
    (&["csv"], DataFormat::Csv),
];

/// Guesses from `text`, word by word (case ignored; "HTTPS/JSON" is two words).
pub fn guess(text: &str) -> Guess {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let find = |list: &[&str]| {
        words
            .iter()
            .find(|w| list.contains(w) || list.contains(&w.replace('-', "").as_str()))
            .map(|w| (*w).to_owned())
    };
    let mut result = Guess::default();
    for (list, protocol, style) in PROTOCOLS {
        if let Some(word) = find(list) {
            result.protocol = Some((protocol.clone(), word.clone()));
            result.style = style.clone().map(|s| (s, word));
            break;
        }
    }
    // A word about timing says more about the style than the protocol's usual one.
    for (list, style) in STYLES {
        if let Some(word) = find(list) {
            result.style = Some((style.clone(), word));
            break;
        }
    }
    for (list, format) in FORMATS {
        if let Some(word) = find(list) {
            result.format = Some((format.clone(), word));
            break;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protocol(text: &str) -> Option<Communication> {
        guess(text).protocol.map(|(p, _)| p)
    }

    #[test]
    fn the_issue_examples_guess_what_a_person_would() {
        let rest = guess("HTTPS/JSON");
        assert_eq!(rest.protocol.unwrap().0, Communication::Rest);
        assert_eq!(rest.format.unwrap().0, DataFormat::Json);
        assert_eq!(protocol("JDBC"), Some(Communication::Database));
        let kafka = guess("Kafka topic");
        assert_eq!(kafka.protocol.unwrap().0, Communication::EventStream);
        assert_eq!(kafka.style.unwrap().0, InteractionStyle::PublishSubscribe);
        let sftp = guess("SFTP nightly");
        assert_eq!(sftp.protocol.unwrap().0, Communication::FileTransfer);
        assert_eq!(sftp.style.unwrap().0, InteractionStyle::Batch);
        assert_eq!(protocol("gRPC"), Some(Communication::Grpc));
    }

    #[test]
    fn words_inside_other_words_do_not_count_and_silence_guesses_nothing() {
        assert_eq!(protocol("Makes API calls to"), Some(Communication::Rest));
        assert_eq!(protocol("Reads from and writes to"), None);
        assert_eq!(protocol("dbt models"), None);
        assert_eq!(guess(""), Guess::default());
    }
}
