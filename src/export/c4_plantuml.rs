//! A C4-PlantUML system landscape: `!include <C4/C4_Container>` (PlantUML's own standard
//! library, so no network), zones as `Enterprise_Boundary`, systems as `System`,
//! `SystemDb` or `SystemQueue` (each `_Ext` when external) with aliases of our own
//! (`s7`), flows as `Rel` or `BiRel` with the data as the label and the protocol and
//! format as the technology, sensitivity and asynchronous flows as tags with a legend.
//!
//! Every user text is written inside `"…"` with each ASCII mark that PlantUML's
//! preprocessor or its Creole markup reads (`"`, `\`, `$`, `%`, `!`, `'`, `<`, `&`, `@`,
//! `*`, `~`, doubled `-` `_` `/` `=`, …) as its `<U+XXXX>` code, which Creole turns back
//! into the character. `&#NN;` is not used: PlantUML crashes on `&#36;` and `&#92;`.

use std::fmt::Write as _;

use crate::item_text::is_dashed;
use crate::model::{Connection, Direction, Labelled, Project, Sensitivity, System, Zone};
use crate::picture::style;

use super::text::{Marks, Piece, marks, shorten, write};

/// The landscape as one C4-PlantUML diagram, laid out left to right.
pub fn to_c4_plantuml(project: &Project) -> String {
    let mut out = String::from("@startuml\n!include <C4/C4_Container>\n\ntitle ");
    push_text(&mut out, &shorten(&project.name, 120));
    out.push_str("\nLAYOUT_LEFT_RIGHT()\n\n");
    for (tag, sensitivity) in SENSITIVITY_TAGS {
        let _ = writeln!(
            out,
            "AddElementTag(\"{tag}\", $borderColor=\"{}\", $borderThickness=\"3\", $legendText=\"{}\")",
            style::sensitivity(Some(&sensitivity)).hex(),
            sensitivity.label()
        );
    }
    out.push_str(
        "AddRelTag(\"async\", $lineStyle = DashedLine(), $legendText=\"asynchronous\")\n\n",
    );
    // The elements and the relationships are written on two cores.
    let (elements, relationships) = rayon::join(|| elements(project), || relationships(project));
    out.push_str(&elements);
    out.push('\n');
    out.push_str(&relationships);
    out.push_str("\nSHOW_LEGEND()\n@enduml\n");
    out
}

const SENSITIVITY_TAGS: [(&str, Sensitivity); 4] = [
    ("public", Sensitivity::Public),
    ("internal", Sensitivity::Internal),
    ("confidential", Sensitivity::Confidential),
    ("restricted", Sensitivity::Restricted),
];

/// What a system stores or carries, as C4 draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    System,
    /// A cylinder: its name or technology names a database.
    Database,
    /// A queue: its name or technology names a broker, queue or event bus.
    Queue,
}

/// The macro for a system: its shape, `_Ext` when another organisation runs it (it is in
/// a Partner or SaaS zone, as the analysis counts it, or is tagged `external`).
pub fn macro_name(system: &System, zone: Option<&Zone>) -> &'static str {
    let external = zone.is_some_and(crate::analysis::is_external_zone)
        || system
            .tags
            .iter()
            .any(|t| t.trim().eq_ignore_ascii_case("external"));
    match (shape(system), external) {
        (Shape::System, false) => "System",
        (Shape::System, true) => "System_Ext",
        (Shape::Database, false) => "SystemDb",
        (Shape::Database, true) => "SystemDb_Ext",
        (Shape::Queue, false) => "SystemQueue",
        (Shape::Queue, true) => "SystemQueue_Ext",
    }
}

/// Whole words of the name, or of the technology's first two words (what it is, not what
/// it runs on: "PostgreSQL 16", not "COBOL on z/OS with DB2"), any case; a queue's words
/// win over a database's ("Redis queue" is a queue).
pub fn shape(system: &System) -> Shape {
    let technology = first_words(&system.technology, 2);
    let texts = [system.name.as_str(), technology];
    if texts.iter().any(|t| names_any(t, QUEUE_WORDS, QUEUE_PAIRS)) {
        Shape::Queue
    } else if texts
        .iter()
        .any(|t| names_any(t, DATABASE_WORDS, DATABASE_PAIRS))
    {
        Shape::Database
    } else {
        Shape::System
    }
}

const QUEUE_WORDS: &[&str] = &[
    "kafka",
    "rabbitmq",
    "activemq",
    "ibmmq",
    "mq",
    "amqp",
    "jms",
    "sqs",
    "sns",
    "queue",
    "queues",
    "kinesis",
    "pubsub",
    "nats",
    "mqtt",
    "servicebus",
    "eventhub",
    "eventhubs",
];
const QUEUE_PAIRS: &[(&str, &str)] = &[("event", "bus"), ("message", "bus"), ("event", "hub")];
const DATABASE_WORDS: &[&str] = &[
    "database",
    "databases",
    "db",
    "sql",
    "postgres",
    "postgresql",
    "mysql",
    "mariadb",
    "oracle",
    "mssql",
    "sqlite",
    "mongodb",
    "redis",
    "cassandra",
    "dynamodb",
    "couchdb",
    "db2",
];
const DATABASE_PAIRS: &[(&str, &str)] = &[("data", "warehouse"), ("sql", "server")];

fn first_words(text: &str, n: usize) -> &str {
    let text = text.trim_start();
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let letter = c.is_alphanumeric();
        if letter && !in_word {
            words += 1;
            if words > n {
                return &text[..i];
            }
        }
        in_word = letter;
    }
    text
}

fn names_any(text: &str, words: &[&str], pairs: &[(&str, &str)]) -> bool {
    let is = |word: &str, wanted: &str| word.eq_ignore_ascii_case(wanted);
    let mut previous = "";
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|word| {
            let hit = words.iter().any(|w| is(word, w))
                || pairs.iter().any(|(a, b)| is(previous, a) && is(word, b));
            previous = word;
            hit
        })
}

/// Every system, inside its zone's boundary or at the top level.
fn elements(project: &Project) -> String {
    let mut out = String::with_capacity(200 * project.systems.len());
    for group in super::groups(project) {
        let indent = match group.zone {
            Some(zone) => {
                let _ = write!(out, "Enterprise_Boundary(z{}, \"", zone.id);
                push_text(&mut out, &shorten(super::zone_title(Some(zone)), 80));
                out.push_str("\") {\n");
                "  "
            }
            None => "",
        };
        for &i in &group.members {
            element(&mut out, &project.systems[i], group.zone, indent);
        }
        if group.zone.is_some() {
            out.push_str("}\n");
        }
    }
    out
}

/// `System(s7, "Name", "purpose\n[technology]", $tags="confidential")`
fn element(out: &mut String, system: &System, zone: Option<&Zone>, indent: &str) {
    let _ = write!(
        out,
        "{indent}{}(s{}, \"",
        macro_name(system, zone),
        system.id
    );
    push_text(out, &shorten(super::system_title(system), 80));
    out.push_str("\", \"");
    push_text(out, &shorten(&system.purpose, 160));
    if !crate::model::is_blank(&system.technology) {
        if !crate::model::is_blank(&system.purpose) {
            out.push_str("\\n");
        }
        out.push('[');
        push_text(out, &shorten(&system.technology, 80));
        out.push(']');
    }
    out.push('"');
    if let Some((tag, _)) = SENSITIVITY_TAGS
        .iter()
        .find(|(_, s)| system.sensitivity.as_ref() == Some(s))
    {
        let _ = write!(out, ", $tags=\"{tag}\"");
    }
    out.push_str(")\n");
}

/// Every flow whose ends exist: `Rel(s1, s2, "data", "REST / JSON")`, the technology
/// always written (`""` when there is none), so nothing else can slide into its place.
fn relationships(project: &Project) -> String {
    let mut out = String::with_capacity(80 * project.connections.len());
    for (connection, _, _) in super::drawable(project) {
        let both = connection.direction == Direction::BothWays;
        let _ = write!(
            out,
            "{}(s{}, s{}, \"",
            if both { "BiRel" } else { "Rel" },
            connection.from,
            connection.to
        );
        push_text(&mut out, &shorten(&connection.data, 80));
        out.push_str("\", \"");
        push_text(&mut out, &shorten(&technology(connection), 60));
        out.push('"');
        if is_dashed(connection) {
            out.push_str(", $tags=\"async\"");
        }
        out.push_str(")\n");
    }
    out
}

/// A flow's technology: its protocol and data format, "REST / JSON", either alone, or "".
pub fn technology(connection: &Connection) -> String {
    let labels: Vec<&str> = [
        connection.protocol.as_ref().map(Labelled::label),
        connection.data_format.as_ref().map(Labelled::label),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .filter(|l| !l.is_empty())
    .collect();
    labels.join(" / ")
}

/// The ASCII marks PlantUML's preprocessor, its macros or Creole may read. Letters,
/// digits, space and `.,:;()?+` are never special inside a quoted argument.
const MARKS: Marks = marks(b"!\"#$%&'*<>@[\\]^`{|}~-_/=");

/// `-`, `_`, `/` and `=` mean something only doubled (`--strike--`, `__under__`,
/// `//italic//`, `==`), so only the second of a pair is written as its code.
fn push_text(out: &mut String, text: &str) {
    write(out, text, &MARKS, |out, piece| match piece {
        Piece::Break => out.push_str("\\n"),
        Piece::Char(c @ ('-' | '_' | '/' | '=')) if !out.ends_with(c) => out.push(c),
        Piece::Char(c) if c.is_ascii() => {
            let _ = write!(out, "<U+{:04X}>", u32::from(c));
        }
        Piece::Char(c) => out.push(c),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SystemId, ZoneId, ZoneKind};

    fn written(text: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, text);
        out
    }

    #[test]
    fn marks_are_written_as_codes_and_breaks_as_plantuml_line_breaks() {
        assert_eq!(written("a \"b\" \\n"), "a <U+0022>b<U+0022> <U+005C>n");
        assert_eq!(
            written("$x %y !z 'c"),
            "<U+0024>x <U+0025>y <U+0021>z <U+0027>c"
        );
        assert_eq!(written("@startuml\nx"), "<U+0040>startuml\\nx");
        assert_eq!(written("a-b --c"), "a-b -<U+002D>c");
        assert_eq!(written("Größe 😀"), "Größe 😀");
    }

    #[test]
    fn shapes_come_from_whole_words_and_external_from_the_zone_or_a_tag() {
        let mut system = System::new(SystemId(1), "Orders");
        system.technology = "PostgreSQL 16".into();
        assert_eq!(shape(&system), Shape::Database);
        system.technology = "Kafka".into();
        assert_eq!(shape(&system), Shape::Queue);
        system.technology = "Java".into();
        system.name = "Enterprise event bus".into();
        assert_eq!(shape(&system), Shape::Queue);
        system.name = "Dbase importer".into();
        assert_eq!(shape(&system), Shape::System);
        system.technology = "COBOL on z/OS with DB2".into();
        assert_eq!(shape(&system), Shape::System);
        system.technology = "IBM MQ 9.3".into();
        assert_eq!(shape(&system), Shape::Queue);
        system.technology = "Java".into();
        let partner = Zone {
            id: ZoneId(2),
            name: "Partners".into(),
            kind: Some(ZoneKind::Partner),
            notes: String::new(),
        };
        assert_eq!(macro_name(&system, Some(&partner)), "System_Ext");
        system.tags = vec!["External".into()];
        system.name = "Ledger".into();
        system.technology = "Oracle".into();
        assert_eq!(macro_name(&system, None), "SystemDb_Ext");
    }
}
