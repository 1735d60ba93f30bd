//! The model as the workspace describes it, before it becomes systems and zones: its
//! elements with their parents and boundaries, its relationships, and its identifiers.

use std::collections::{HashMap, HashSet};

use super::super::report::Place;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Person,
    SoftwareSystem,
    Container,
    Component,
    /// `element`: a custom element, outside the C4 model.
    Custom,
}

impl Kind {
    pub fn from_keyword(word: &str) -> Option<Kind> {
        Some(match word {
            "person" => Kind::Person,
            "softwaresystem" => Kind::SoftwareSystem,
            "container" => Kind::Container,
            "component" => Kind::Component,
            "element" => Kind::Custom,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::SoftwareSystem => "software system",
            Kind::Container => "container",
            Kind::Component => "component",
            Kind::Custom => "custom element",
        }
    }

    /// The kind of element that may be declared inside this one.
    pub fn child(self) -> Option<Kind> {
        match self {
            Kind::SoftwareSystem => Some(Kind::Container),
            Kind::Container => Some(Kind::Component),
            _ => None,
        }
    }
}

/// What elements and relationships both have.
#[derive(Clone, Debug, Default)]
pub struct Details {
    pub description: String,
    pub technology: String,
    pub tags: Vec<String>,
    pub properties: Vec<(String, String)>,
    /// Perspectives, as note lines.
    pub notes: Vec<String>,
}

impl Details {
    /// Tags written as `"a,b"`, without the ones Structurizr gives every element.
    pub fn add_tags(&mut self, text: &str) {
        for tag in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let default = DEFAULT_TAGS.iter().any(|d| d.eq_ignore_ascii_case(tag));
            if !default && !self.tags.iter().any(|t| t == tag) {
                self.tags.push(tag.to_owned());
            }
        }
    }
}

const DEFAULT_TAGS: [&str; 7] = [
    "Element",
    "Person",
    "Software System",
    "Container",
    "Component",
    "Relationship",
    "Group",
];

#[derive(Debug)]
pub struct Element {
    pub kind: Kind,
    /// Its key for the builder: its identifier, else its name (made unique).
    pub key: String,
    pub name: String,
    pub details: Details,
    /// The element it is declared in (a container's software system, say).
    pub parent: Option<usize>,
    /// The enterprise and groups around it, outermost first.
    pub boundaries: Vec<usize>,
    pub place: Place,
    /// Declaration order among elements and boundaries, for the order of zones.
    pub order: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundaryKind {
    Enterprise,
    Group,
}

#[derive(Debug)]
pub struct Boundary {
    pub kind: BoundaryKind,
    pub name: String,
    /// Blocks with the same key are the same boundary (Structurizr groups are names).
    pub key: String,
    pub order: usize,
    pub place: Place,
}

/// A relationship's end before identifiers are resolved (an element may be used before
/// it is declared: the model is read whole first).
#[derive(Clone, Debug)]
pub enum End {
    Element(usize),
    Identifier {
        text: String,
        /// The identifiers of the elements around the statement, innermost first.
        scopes: Vec<String>,
    },
}

#[derive(Debug)]
pub struct Relationship {
    pub from: End,
    pub to: End,
    pub details: Details,
    pub place: Place,
}

#[derive(Default)]
pub struct Model {
    pub elements: Vec<Element>,
    pub boundaries: Vec<Boundary>,
    pub relationships: Vec<Relationship>,
    /// Identifiers in lower case (Structurizr ignores their case), fully qualified.
    pub identifiers: HashMap<String, usize>,
    /// The identifier each identified element was declared with, fully qualified.
    pub element_identifiers: HashMap<usize, String>,
    keys: HashSet<String>,
    order: usize,
}

impl Model {
    pub fn next_order(&mut self) -> usize {
        self.order += 1;
        self.order
    }

    /// A builder key nobody has yet, from `wanted`.
    pub fn unique_key(&mut self, wanted: &str) -> String {
        let mut key = wanted.to_owned();
        let mut n = 1;
        while self.keys.contains(&key) {
            n += 1;
            key = format!("{wanted}~{n}");
        }
        self.keys.insert(key.clone());
        key
    }

    /// The element an identifier names, as written where it is used: fully qualified,
    /// or relative to an element around the statement (hierarchical identifiers).
    pub fn find(&self, text: &str, scopes: &[String]) -> Option<usize> {
        let wanted = text.to_lowercase();
        if let Some(&index) = self.identifiers.get(&wanted) {
            return Some(index);
        }
        scopes
            .iter()
            .find_map(|scope| self.identifiers.get(&format!("{scope}.{wanted}")))
            .copied()
    }

    /// The identifiers of `element` and the elements around it, innermost first.
    pub fn scopes(&self, element: Option<usize>) -> Vec<String> {
        let mut scopes = Vec::new();
        let mut current = element;
        while let Some(index) = current {
            if let Some(identifier) = self.element_identifiers.get(&index) {
                scopes.push(identifier.clone());
            }
            current = self.elements.get(index).and_then(|e| e.parent);
        }
        scopes
    }

    pub fn name(&self, index: usize) -> &str {
        self.elements.get(index).map_or("?", |e| e.name.as_str())
    }
}
