//! Reading the exchange format's XML into a `Model`. Names are matched without their
//! namespace, so the 2.1, 3.0 and 3.1 schemas all read; a DTD is refused (roxmltree's
//! default), so no entity is ever expanded and no external file is ever opened.

use std::collections::HashMap;

use roxmltree::{Document, Node, ParsingOptions};

use super::super::ImportError;
use super::super::source::Source;
use super::model::{Ancestor, Element, Model, Relationship, View, ViewNode};
use super::types::AccessType;
use crate::model::{Point, Size};

pub const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// More XML nodes than any real model has (Archisurance has about 10,000): a bound on
/// the memory a hostile file can make the parser take.
const NODES_LIMIT: u32 = 5_000_000;

/// Deeper than any real model nests its folders or diagrams (Archisurance: 8 levels), and
/// shallow enough that the readers, which walk them recursively, never run out of stack.
const DEEPEST: usize = 256;

/// The XML of an ArchiMate source, Archi's own model files included: UTF-8 without NULs,
/// no DTD, at most `NODES_LIMIT` nodes nested at most `DEEPEST` deep.
pub fn document(source: &Source) -> Result<Document<'_>, ImportError> {
    // UTF-16 without a byte-order mark is valid UTF-8 full of NULs; say what it is.
    if let Some(at) = memchr::memchr(0, source.text.as_bytes()) {
        return Err(source.error_at(
            at,
            "this file has NUL bytes: it is UTF-16 or binary, not UTF-8 text \
             (save it as UTF-8 and import it again)",
        ));
    }
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(&source.text, options)
        .map_err(|error| xml_error(source, &error))?;
    if let Some(node) = too_deep(&document) {
        let message =
            format!("the XML nests more than {DEEPEST} elements deep: too deep to import");
        return Err(source.error_at(node.range().start, &message));
    }
    Ok(document)
}

/// The first element nested deeper than `DEEPEST`, found without recursion: the elements
/// come in document order, and those still open end after the next one starts.
fn too_deep<'a, 'input>(document: &'a Document<'input>) -> Option<Node<'a, 'input>> {
    let mut open_ends: Vec<usize> = Vec::new();
    for node in document.descendants().filter(Node::is_element) {
        let range = node.range();
        while open_ends.last().is_some_and(|&end| end <= range.start) {
            open_ends.pop();
        }
        if open_ends.len() >= DEEPEST {
            return Some(node);
        }
        open_ends.push(range.end);
    }
    None
}

/// Reads an exchange-format model from its root element.
pub fn parse(source: &Source, root: Node) -> Result<Model, ImportError> {
    check_root(source, root)?;
    let mut reader = Reader {
        source,
        definitions: property_definitions(root),
        model: Model::default(),
    };
    reader.model.name = name_of(root);
    reader.model.documentation = localized(root, "documentation");
    reader.model_properties(root);
    for child in root.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "elements" => reader.elements(child),
            "relationships" => reader.relationships(child),
            "organizations" | "organization" => {
                for item in children(child, "item") {
                    folders(item, &mut Vec::new(), &mut reader.model.folders);
                }
            }
            "views" => reader.views(child),
            _ => {}
        }
    }
    Ok(reader.model)
}

/// The exchange format's root is an ArchiMate `<model>` in the Open Group's namespace (or
/// in none).
fn check_root(source: &Source, root: Node) -> Result<(), ImportError> {
    let at = root.range().start;
    let namespace = root.tag_name().namespace().unwrap_or("");
    if root.tag_name().name() != "model"
        || !(namespace.is_empty() || namespace.contains("opengroup.org/xsd/archimate"))
    {
        return Err(source.error_at(
            at,
            &format!(
                "this is not an ArchiMate model: its root element is <{}>{}, not <model> in \
                 the namespace http://www.opengroup.org/xsd/archimate/3.0/ (the exchange \
                 format) or <archimate:model> in {} (an Archi model)",
                root.tag_name().name(),
                if namespace.is_empty() {
                    String::new()
                } else {
                    format!(" in {namespace}")
                },
                super::super::archi_model::NAMESPACE,
            ),
        ));
    }
    Ok(())
}

fn xml_error(source: &Source, error: &roxmltree::Error) -> ImportError {
    use roxmltree::Error as E;
    let at = |pos: roxmltree::TextPos| source.offset_of(pos.row as usize, pos.col as usize);
    let end = source.text.len();
    let (offset, message) = match error {
        E::DtdDetected => (
            source.text.find("<!DOCTYPE").unwrap_or(0),
            "this XML has a DTD (<!DOCTYPE …>): DTDs and entities are not read, for \
             safety; remove the DOCTYPE and import again"
                .to_owned(),
        ),
        E::UnknownEntityReference(name, pos) => (
            at(*pos),
            format!("unknown entity &{name};: only the five XML entities are read"),
        ),
        E::UnexpectedEndOfStream | E::UnclosedRootNode => (
            end,
            "the XML ends before the model does: the file may be cut off".to_owned(),
        ),
        E::NoRootNode => (end, "there is no XML element in this file".to_owned()),
        E::NodesLimitReached => (
            0,
            format!("more than {NODES_LIMIT} XML nodes: too large to import"),
        ),
        other => (
            at(other.pos()),
            format!("this is not well-formed XML: {other}"),
        ),
    };
    source.error_at(offset, &message)
}

struct Reader<'s> {
    source: &'s Source,
    /// propertyDefinitionRef → its name.
    definitions: HashMap<String, String>,
    model: Model,
}

impl Reader<'_> {
    fn place(&self, node: Node) -> super::super::report::Place {
        self.source.place(node.range().start)
    }

    fn model_properties(&mut self, root: Node) {
        for property in property_nodes(root) {
            let place = self.place(property);
            let (key, value) = self.property(property);
            self.model.properties.push((key, value, place));
        }
    }

    fn property(&mut self, node: Node) -> (String, String) {
        let reference = node
            .attribute("propertyDefinitionRef")
            .or_else(|| node.attribute("identifierref"))
            .unwrap_or("");
        let key = match self.definitions.get(reference) {
            Some(name) => name.clone(),
            None => {
                let place = self.place(node);
                self.model.problems.push((
                    place,
                    format!("property definition “{reference}” is not defined; its id is the key"),
                ));
                reference.to_owned()
            }
        };
        (key, localized(node, "value"))
    }

    fn properties(&mut self, node: Node) -> Vec<(String, String)> {
        property_nodes(node).map(|p| self.property(p)).collect()
    }

    fn elements(&mut self, list: Node) {
        for node in children(list, "element") {
            let element = Element {
                id: identifier(node),
                kind: xsi_type(node).to_owned(),
                name: name_of(node),
                documentation: localized(node, "documentation"),
                properties: self.properties(node),
                specialization: String::new(),
                place: self.place(node),
            };
            self.model.elements.push(element);
        }
    }

    fn relationships(&mut self, list: Node) {
        for node in children(list, "relationship") {
            let access = node.attribute("accessType").unwrap_or("Write");
            let relationship = Relationship {
                id: identifier(node),
                kind: xsi_type(node).to_owned(),
                name: name_of(node),
                documentation: localized(node, "documentation"),
                source: node.attribute("source").unwrap_or("").to_owned(),
                target: node.attribute("target").unwrap_or("").to_owned(),
                access: AccessType::from_name(access).unwrap_or_default(),
                properties: self.properties(node),
                place: self.place(node),
            };
            if AccessType::from_name(access).is_none() {
                let message = format!(
                    "access type “{access}” is not one of Write, Read, ReadWrite, Access; \
                     taken as Write"
                );
                self.model
                    .problems
                    .push((relationship.place.clone(), message));
            }
            self.model.relationships.push(relationship);
        }
    }

    fn views(&mut self, views: Node) {
        // 3.x: views/diagrams/view; 2.1: views/view.
        let diagrams = children(views, "diagrams").flat_map(|d| children(d, "view"));
        for node in children(views, "view").chain(diagrams) {
            let mut view = View {
                id: identifier(node),
                name: name_of(node),
                nodes: Vec::new(),
                bendpoints: super::bendpoints::read(node),
                place: self.place(node),
            };
            self.nodes(node, &mut Vec::new(), &mut view.nodes);
            self.model.views.push(view);
        }
    }

    fn nodes(&self, parent: Node, ancestors: &mut Vec<Ancestor>, out: &mut Vec<ViewNode>) {
        for node in children(parent, "node") {
            let element = node
                .attribute("elementRef")
                .or_else(|| node.attribute("elementref"));
            let ancestor = match element {
                Some(element) => {
                    out.push(ViewNode {
                        element: element.to_owned(),
                        bounds: bounds(node),
                        ancestors: ancestors.clone(),
                    });
                    Ancestor::Element(element.to_owned())
                }
                None => Ancestor::Container {
                    key: format!("container:{}", identifier(node)),
                    label: localized(node, "label"),
                },
            };
            ancestors.push(ancestor);
            self.nodes(node, ancestors, out);
            ancestors.pop();
        }
    }
}

fn bounds(node: Node) -> Option<(Point, Size)> {
    let number = |name: &str| {
        node.attribute(name)
            .and_then(|v| v.trim().parse::<f32>().ok())
            .filter(|v| v.is_finite())
    };
    let (x, y) = (number("x")?, number("y")?);
    let (width, height) = (number("w")?, number("h")?);
    (width > 0.0 && height > 0.0).then(|| (Point::new(x, y), Size { width, height }))
}

/// Folder labels down to each element reference, outermost first.
fn folders(item: Node, path: &mut Vec<String>, out: &mut HashMap<String, Vec<String>>) {
    if let Some(reference) = item
        .attribute("identifierRef")
        .or_else(|| item.attribute("identifierref"))
    {
        out.entry(reference.to_owned())
            .or_insert_with(|| path.clone());
    }
    let label = localized(item, "label");
    let labelled = !label.trim().is_empty();
    if labelled {
        path.push(label.trim().to_owned());
    }
    for child in children(item, "item") {
        folders(child, path, out);
    }
    if labelled {
        path.pop();
    }
}

fn property_definitions(root: Node) -> HashMap<String, String> {
    let lists = root
        .children()
        .filter(|n| matches!(n.tag_name().name(), "propertyDefinitions" | "propertydefs"));
    lists
        .flat_map(|list| list.children().filter(Node::is_element))
        .map(|definition| {
            let name = match localized(definition, "name") {
                name if name.is_empty() => definition.attribute("name").unwrap_or("").to_owned(),
                name => name,
            };
            (identifier(definition), name)
        })
        .collect()
}

fn property_nodes<'a, 'input>(node: Node<'a, 'input>) -> impl Iterator<Item = Node<'a, 'input>> {
    children(node, "properties").flat_map(|list| children(list, "property"))
}

pub fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children()
        .filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// The exchange format's `identifier`, or Archi's `id`.
pub fn identifier(node: Node) -> String {
    match node
        .attribute("identifier")
        .or_else(|| node.attribute("id"))
    {
        Some(id) => id.to_owned(),
        // Without an identifier nothing can refer to it; where it is keeps it apart.
        None => format!("at byte {}", node.range().start),
    }
}

pub fn xsi_type<'a>(node: Node<'a, '_>) -> &'a str {
    node.attribute((XSI, "type")).unwrap_or("")
}

/// The name: a `name` child (3.x), or a `label` child (2.1).
fn name_of(node: Node) -> String {
    match localized(node, "name") {
        name if name.is_empty() => localized(node, "label"),
        name => name,
    }
}

/// The text of the child `name` in the language wanted: one with no language or in
/// English, else the first.
pub fn localized(node: Node, name: &'static str) -> String {
    let mut first = None;
    for child in children(node, name) {
        let lang = child.attribute(("http://www.w3.org/XML/1998/namespace", "lang"));
        if lang.is_none_or(|l| l.is_empty() || l.to_ascii_lowercase().starts_with("en")) {
            return text(child);
        }
        first.get_or_insert(child);
    }
    first.map(text).unwrap_or_default()
}

pub fn text(node: Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect::<String>()
        .trim()
        .to_owned()
}
