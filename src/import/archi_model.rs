//! Archi's own model files (`.archimate`: the root `archimate:model` in Archi's namespace),
//! read into the same `Model` as the exchange format, so both follow one set of rules (see
//! `archimate`, and docs/import.md for the whole mapping). Everything sits in `folder`s:
//! elements, relationships and views are all `element`s told apart by their `xsi:type`,
//! and the folders they are in are kept as the exchange format's organizations are. A
//! model that holds images is saved as a zip archive instead (see `archive`).

mod archive;
mod diagram;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use roxmltree::Node;

use super::archimate::model::{Element, Model, Relationship};
use super::archimate::types::{AccessType, bare, relation_name};
use super::archimate::xml::{children, identifier, localized, xsi_type};
use super::report::Place;
use super::source::Source;

pub use archive::{is_zip, unzip};

/// The namespace of Archi 4 and later; Archi 1 to 3 wrote the same layout in `LEGACY`.
pub const NAMESPACE: &str = "http://www.archimatetool.com/archimate";
const LEGACY: &str = "http://www.bolton.ac.uk/archimate";

pub fn is_archi_model(root: Node) -> bool {
    root.tag_name().name() == "model"
        && matches!(root.tag_name().namespace(), Some(NAMESPACE | LEGACY))
}

/// What a folder's `element` is, by its type.
enum Kind {
    Element,
    Relationship,
    /// An ArchiMate view: its diagram objects give positions and groups.
    View,
    /// A sketch or canvas view: drawings, not ArchiMate elements.
    Drawing,
}

fn kind_of(node: Node) -> Kind {
    let kind = bare(xsi_type(node));
    match kind {
        "ArchimateDiagramModel" => Kind::View,
        "SketchModel" | "CanvasModel" => Kind::Drawing,
        // An unknown type between two things is still a relationship, to be reported so.
        _ if kind.ends_with("Relationship")
            || (node.has_attribute("source") && node.has_attribute("target")) =>
        {
            Kind::Relationship
        }
        _ => Kind::Element,
    }
}

pub fn parse(source: &Source, root: Node) -> Model {
    let mut reader = Reader {
        source,
        profiles: profiles(root),
        model: Model::default(),
    };
    reader.model.name = name_of(root);
    reader.model.documentation = localized(root, "purpose");
    reader.model.place = Some(reader.place(root));
    for property in children(root, "property") {
        let (key, value) = key_value(property);
        let place = reader.place(property);
        reader.model.properties.push((key, value, place));
    }
    for folder in children(root, "folder") {
        reader.folder(folder, &mut Vec::new());
    }
    reader.model
}

struct Reader<'s> {
    source: &'s Source,
    /// Profile id → its name: Archi's specializations.
    profiles: HashMap<String, String>,
    model: Model,
}

impl Reader<'_> {
    fn place(&self, node: Node) -> Place {
        self.source.place(node.range().start)
    }

    /// A folder and those in it; `path` holds the names of the folders around it.
    fn folder(&mut self, folder: Node, path: &mut Vec<String>) {
        let name = folder.attribute("name").unwrap_or("").trim().to_owned();
        self.folder_lines(folder, &name);
        let named = !name.is_empty();
        if named {
            path.push(name);
        }
        for child in folder.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "folder" => self.folder(child, path),
                "element" => self.item(child, path),
                _ => {}
            }
        }
        if named {
            path.pop();
        }
    }

    /// A folder's documentation and properties have no home: a folder is at most a zone.
    fn folder_lines(&mut self, folder: Node, name: &str) {
        if !localized(folder, "documentation").is_empty() {
            let place = self.place(folder);
            let message = format!("the documentation of folder “{name}” is not imported");
            self.model.skipped.push((place, message));
        }
        for property in children(folder, "property") {
            let (key, value) = key_value(property);
            let message = format!(
                "property “{key}” = “{value}” of folder “{name}” is not imported: folders \
                 have no properties here"
            );
            self.model.skipped.push((self.place(property), message));
        }
    }

    fn item(&mut self, node: Node, path: &[String]) {
        match kind_of(node) {
            Kind::Element => {
                let element = self.element(node);
                let folders = self.model.folders.entry(element.id.clone());
                folders.or_insert_with(|| path.to_vec());
                self.model.elements.push(element);
            }
            Kind::Relationship => {
                let relationship = self.relationship(node);
                self.model.relationships.push(relationship);
            }
            Kind::View => {
                let view = diagram::view(self.source, node);
                self.model.views.push(view);
            }
            Kind::Drawing => {
                let message = format!(
                    "{} “{}” is not imported: it draws no ArchiMate elements",
                    drawing_name(node),
                    name_of(node)
                );
                self.model.skipped.push((self.place(node), message));
            }
        }
    }

    fn element(&self, node: Node) -> Element {
        Element {
            id: identifier(node),
            kind: element_kind(node),
            name: name_of(node),
            documentation: localized(node, "documentation"),
            properties: properties(node),
            specialization: self.specialization(node).unwrap_or_default(),
            place: self.place(node),
        }
    }

    fn relationship(&mut self, node: Node) -> Relationship {
        let mut properties = properties(node);
        // As Archi's CSV does: a relationship has no tags to hold it.
        if let Some(specialization) = self.specialization(node) {
            properties.push(("specialization".to_owned(), specialization));
        }
        let place = self.place(node);
        let access = node.attribute("accessType").unwrap_or("0");
        let access = access_type(access).unwrap_or_else(|| {
            let message = format!(
                "access type “{access}” is not one of 0 (write), 1 (read), 2 (access) or 3 \
                 (read and write); taken as write"
            );
            self.model.problems.push((place.clone(), message));
            AccessType::Write
        });
        Relationship {
            id: identifier(node),
            // `archimate:FlowRelationship` is the exchange format's `Flow`.
            kind: relation_name(xsi_type(node)).to_owned(),
            name: name_of(node),
            documentation: localized(node, "documentation"),
            source: node.attribute("source").unwrap_or("").to_owned(),
            target: node.attribute("target").unwrap_or("").to_owned(),
            access,
            properties,
            place,
        }
    }

    /// The name of the first profile the concept has (Archi gives one at most).
    fn specialization(&self, node: Node) -> Option<String> {
        let first = node.attribute("profiles")?.split_whitespace().next()?;
        self.profiles.get(first).cloned()
    }
}

fn drawing_name(node: Node) -> &'static str {
    match bare(xsi_type(node)) {
        "SketchModel" => "sketch view",
        _ => "canvas",
    }
}

/// The type as the exchange format names it: Archi's one `Junction` is an And junction,
/// or an Or junction with `type="or"`.
fn element_kind(node: Node) -> String {
    match bare(xsi_type(node)) {
        "Junction" if node.attribute("type") == Some("or") => "OrJunction".to_owned(),
        "Junction" => "AndJunction".to_owned(),
        kind => kind.to_owned(),
    }
}

/// Archi writes the access type as a number, and leaves out the default, write.
fn access_type(number: &str) -> Option<AccessType> {
    match number.trim() {
        "0" => Some(AccessType::Write),
        "1" => Some(AccessType::Read),
        "2" => Some(AccessType::Access),
        "3" => Some(AccessType::ReadWrite),
        _ => None,
    }
}

fn name_of(node: Node) -> String {
    node.attribute("name").unwrap_or("").trim().to_owned()
}

fn key_value(property: Node) -> (String, String) {
    let attribute = |name| property.attribute(name).unwrap_or("").to_owned();
    (attribute("key"), attribute("value"))
}

fn properties(node: Node) -> Vec<(String, String)> {
    children(node, "property").map(key_value).collect()
}

fn profiles(root: Node) -> HashMap<String, String> {
    children(root, "profile")
        .map(|profile| (identifier(profile), name_of(profile)))
        .collect()
}
