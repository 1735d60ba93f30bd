//! An ArchiMate model as both sources give it, before anything is decided about it: the
//! exchange format and Archi's CSV are read into this, and one conversion makes the
//! landscape from it.

use std::collections::HashMap;

use super::super::report::Place;
use super::types::AccessType;
use crate::model::{Point, Size};

#[derive(Default)]
pub struct Model {
    pub name: String,
    pub documentation: String,
    /// Where the model itself is written (its root element, or Archi's model row).
    pub place: Option<Place>,
    /// The model's own properties, each with where it is written.
    pub properties: Vec<(String, String, Place)>,
    pub elements: Vec<Element>,
    pub relationships: Vec<Relationship>,
    /// Element id → the labels of the folders it is in, outermost first.
    pub folders: HashMap<String, Vec<String>>,
    pub views: Vec<View>,
    /// What the reader found wrong but could work round.
    pub problems: Vec<(Place, String)>,
    /// What the reader found but did not read, and why (Archi's sketches, say).
    pub skipped: Vec<(Place, String)>,
}

pub struct Element {
    pub id: String,
    /// The type as written (`ApplicationComponent`).
    pub kind: String,
    pub name: String,
    pub documentation: String,
    pub properties: Vec<(String, String)>,
    /// Archi's specialization (a user-defined subtype), when it has one.
    pub specialization: String,
    pub place: Place,
}

pub struct Relationship {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub documentation: String,
    /// An element id, or the id of another relationship (ArchiMate 3 allows both).
    pub source: String,
    pub target: String,
    pub access: AccessType,
    pub properties: Vec<(String, String)>,
    pub place: Place,
}

pub struct View {
    pub id: String,
    pub name: String,
    /// Every node that shows an element, nested ones included.
    pub nodes: Vec<ViewNode>,
    /// Relationship id → the bendpoints of the first line drawn for it (absolute, as
    /// the nodes' corners), for the lines that bend.
    pub bendpoints: HashMap<String, Vec<Point>>,
    pub place: Place,
}

pub struct ViewNode {
    pub element: String,
    /// Top-left corner and size; the exchange format gives nested nodes absolute ones.
    pub bounds: Option<(Point, Size)>,
    /// The nodes it is drawn inside, outermost first.
    pub ancestors: Vec<Ancestor>,
}

/// A node that another is drawn inside.
#[derive(Clone)]
pub enum Ancestor {
    /// A visual group (`xsi:type="Container"`): its node key and label.
    Container { key: String, label: String },
    /// A node that shows an element (a Grouping, a Node holding system software…).
    Element(String),
}

impl Model {
    pub fn display_name(element: &Element) -> String {
        if element.name.trim().is_empty() {
            format!("(unnamed {})", super::types::bare(&element.kind))
        } else {
            element.name.trim().to_owned()
        }
    }
}
