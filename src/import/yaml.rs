//! YAML documents as a small tree that keeps where each node starts, read from the
//! events of `saphyr-parser`. Aliases are expanded within a budget of nodes relative to
//! the text's size, so a "billion laughs" file is an error, not a hang.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

use super::ImportError;
use super::source::Source;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Scalar(String),
    Sequence(Vec<Node>),
    Mapping(Vec<(String, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    /// 1-based line and column where the node starts.
    pub line: usize,
    pub column: usize,
    /// How many nodes this one holds, itself included: what expanding an alias costs.
    size: usize,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Mapping(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a scalar (numbers and booleans as written).
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(text) => Some(text),
            _ => None,
        }
    }

    /// A scalar's text at `key`, when there is one and it is not blank.
    pub fn text_at(&self, key: &str) -> Option<&str> {
        self.get(key)?.text().filter(|t| !t.trim().is_empty())
    }

    /// The scalars of a sequence at `key` (a lone scalar counts as a list of one).
    pub fn texts_at(&self, key: &str) -> Vec<(&str, &Node)> {
        match self.get(key).map(|n| (&n.value, n)) {
            Some((Value::Sequence(items), _)) => {
                items.iter().filter_map(|n| Some((n.text()?, n))).collect()
            }
            Some((Value::Scalar(text), node)) => vec![(text.as_str(), node)],
            _ => Vec::new(),
        }
    }

    /// An empty mapping, to read a missing section as one.
    pub fn default_mapping() -> Node {
        Node {
            value: Value::Mapping(Vec::new()),
            line: 0,
            column: 0,
            size: 1,
        }
    }

    pub fn sequence(&self) -> &[Node] {
        match &self.value {
            Value::Sequence(items) => items,
            _ => &[],
        }
    }

    pub fn entries(&self) -> &[(String, Node)] {
        match &self.value {
            Value::Mapping(entries) => entries,
            _ => &[],
        }
    }
}

/// More expanded nodes than this per byte of text means aliases are multiplying.
const NODES_PER_BYTE: usize = 4;

enum Open {
    Sequence(Vec<Node>, usize, (usize, usize)),
    Mapping(Vec<(String, Node)>, Option<String>, usize, (usize, usize)),
}

/// Every document of the stream.
pub fn documents(source: &Source) -> Result<Vec<Node>, ImportError> {
    let budget = source.text.len().saturating_mul(NODES_PER_BYTE) + 10_000;
    let mut spent = 0usize;
    let mut parser = Parser::new_from_str(&source.text);
    let mut documents = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| {
            let m = e.marker();
            let offset = source.offset_of(m.line(), m.col() + 1);
            source.error_at(offset, &format!("this YAML cannot be read: {}", e.info()))
        })?;
        let at = (span.start.line(), span.start.col() + 1);
        let finished = match event {
            Event::Scalar(text, _, anchor, _) => Some((leaf(text.into_owned(), at), anchor)),
            Event::Alias(anchor) => {
                let node = anchors.get(&anchor).cloned().ok_or_else(|| {
                    source.error_at(source.offset_of(at.0, at.1), "this alias names no anchor")
                })?;
                spent += node.size;
                if spent > budget {
                    return Err(source.error_at(
                        source.offset_of(at.0, at.1),
                        "aliases here expand to far more data than the file holds (a YAML bomb?); \
                         not read",
                    ));
                }
                Some((node, 0))
            }
            Event::SequenceStart(anchor, _) => {
                stack.push(Open::Sequence(Vec::new(), anchor, at));
                None
            }
            Event::MappingStart(anchor, _) => {
                stack.push(Open::Mapping(Vec::new(), None, anchor, at));
                None
            }
            Event::SequenceEnd | Event::MappingEnd => stack.pop().map(close),
            _ => None,
        };
        let Some((node, anchor)) = finished else {
            continue;
        };
        spent += 1;
        if anchor != 0 {
            anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => documents.push(node),
            Some(Open::Sequence(items, ..)) => items.push(node),
            Some(Open::Mapping(entries, key, ..)) => match key.take() {
                None => *key = Some(node.text().unwrap_or("").to_owned()),
                Some(k) => entries.push((k, node)),
            },
        }
    }
    Ok(documents)
}

fn leaf(text: String, at: (usize, usize)) -> Node {
    Node {
        value: Value::Scalar(text),
        line: at.0,
        column: at.1,
        size: 1,
    }
}

fn close(open: Open) -> (Node, usize) {
    let (value, anchor, at, size) = match open {
        Open::Sequence(items, anchor, at) => {
            let size = 1 + items.iter().map(|n| n.size).sum::<usize>();
            (Value::Sequence(items), anchor, at, size)
        }
        Open::Mapping(entries, _, anchor, at) => {
            let size = 1 + entries.iter().map(|(_, n)| n.size).sum::<usize>();
            (Value::Mapping(entries), anchor, at, size)
        }
    };
    let node = Node {
        value,
        line: at.0,
        column: at.1,
        size,
    };
    (node, anchor)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn read(text: &str) -> Result<Vec<Node>, ImportError> {
        documents(&Source::new(Path::new("c.yaml"), text.to_owned()))
    }

    #[test]
    fn documents_keep_their_places() {
        let docs =
            read("---\nkind: Component\nmetadata:\n  name: a\n  tags: [x, y]\n---\nkind: API\n")
                .unwrap();
        assert_eq!(docs.len(), 2);
        let name = docs[0].get("metadata").unwrap().get("name").unwrap();
        assert_eq!((name.text(), name.line, name.column), (Some("a"), 4, 9));
        assert_eq!(docs[0].get("metadata").unwrap().texts_at("tags").len(), 2);
        assert_eq!(docs[1].text_at("kind"), Some("API"));
    }

    #[test]
    fn a_yaml_bomb_is_refused_quickly() {
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (i, name) in "bcdefghi".chars().enumerate() {
            let previous = (b'a' + i as u8) as char;
            let refs = vec![format!("*{previous}"); 9].join(",");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        // Nine levels of nine: 387 million nodes if expanded. The budget stops it early.
        let error = read(&text).unwrap_err();
        assert!(error.to_string().contains("bomb"), "{error}");
    }

    #[test]
    fn broken_yaml_says_where() {
        let error = read("kind: Component\nmetadata:\n  name: [a\n").unwrap_err();
        assert!(error.position().is_some(), "{error}");
    }
}
