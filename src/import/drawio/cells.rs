//! The cells of one page: `mxCell`s, bare or wrapped in `object` / `UserObject` (which
//! carry the id, label and custom properties), with their style and geometry.

use std::collections::HashMap;

/// The wrapper attributes that are draw.io's own, not the user's properties.
const OWN_ATTRIBUTES: &[&str] = &["id", "label", "placeholders", "tooltip", "link", "tags"];

#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub id: String,
    pub label: String,
    pub style: HashMap<String, String>,
    /// The first style token without `=`: the shape's name ("swimlane", "text", "group").
    pub kind: String,
    pub vertex: bool,
    pub edge: bool,
    pub parent: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    /// x, y, width, height, relative to the parent vertex when it has one.
    pub geometry: Option<[f32; 4]>,
    pub relative: bool,
    /// The bends of an edge, relative to its parent vertex when it has one.
    pub points: Vec<(f32, f32)>,
    /// A wrapper's custom attributes, in the order given.
    pub properties: Vec<(String, String)>,
    pub tags: Vec<String>,
    pub placeholders: bool,
    /// Byte offset of the cell in the page's XML.
    pub offset: usize,
}

impl Cell {
    pub fn style_is(&self, key: &str, value: &str) -> bool {
        self.style.get(key).is_some_and(|v| v == value)
    }

    pub fn property(&self, key: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Every cell of a parsed `<mxGraphModel>`, in document order.
pub fn cells(model: roxmltree::Node) -> Vec<Cell> {
    let Some(root) = model.children().find(|n| n.has_tag_name("root")) else {
        return Vec::new();
    };
    root.children()
        .filter(|n| n.is_element())
        .filter_map(|node| match node.tag_name().name() {
            "mxCell" => Some(cell(node, None)),
            "object" | "UserObject" => {
                let inner = node.children().find(|n| n.has_tag_name("mxCell"));
                Some(cell(inner.unwrap_or(node), Some(node)))
            }
            _ => None,
        })
        .collect()
}

fn cell(node: roxmltree::Node, wrapper: Option<roxmltree::Node>) -> Cell {
    let attribute = |name: &str| {
        wrapper
            .and_then(|w| w.attribute(name))
            .or_else(|| node.attribute(name))
            .map(str::to_owned)
    };
    let style_text = node.attribute("style").unwrap_or("");
    let mut style = HashMap::new();
    let mut kind = String::new();
    for (i, token) in style_text
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        match token.split_once('=') {
            Some((key, value)) => {
                style.insert(key.to_owned(), value.to_owned());
            }
            None if i == 0 => kind = token.to_owned(),
            None => {
                style.insert(token.to_owned(), "1".to_owned());
            }
        }
    }
    let geometry = node.children().find(|n| n.has_tag_name("mxGeometry"));
    let number = |n: roxmltree::Node, name: &str| {
        n.attribute(name)
            .and_then(|v| v.parse::<f32>().ok())
            .filter(|v| v.is_finite())
    };
    let properties = wrapper.map_or_else(Vec::new, |w| {
        w.attributes()
            .filter(|a| !OWN_ATTRIBUTES.contains(&a.name()))
            .map(|a| (a.name().to_owned(), a.value().to_owned()))
            .collect()
    });
    Cell {
        id: attribute("id").unwrap_or_default(),
        label: wrapper
            .and_then(|w| w.attribute("label"))
            .or_else(|| node.attribute("value"))
            .unwrap_or("")
            .to_owned(),
        kind,
        style,
        vertex: node.attribute("vertex") == Some("1"),
        edge: node.attribute("edge") == Some("1"),
        parent: node.attribute("parent").map(str::to_owned),
        source: node.attribute("source").map(str::to_owned),
        target: node.attribute("target").map(str::to_owned),
        geometry: geometry.map(|g| {
            [
                number(g, "x").unwrap_or(0.0),
                number(g, "y").unwrap_or(0.0),
                number(g, "width").unwrap_or(0.0),
                number(g, "height").unwrap_or(0.0),
            ]
        }),
        relative: geometry.is_some_and(|g| g.attribute("relative") == Some("1")),
        points: geometry
            .and_then(|g| {
                g.children()
                    .find(|n| n.has_tag_name("Array") && n.attribute("as") == Some("points"))
            })
            .map_or_else(Vec::new, |array| {
                array
                    .children()
                    .filter(|p| p.has_tag_name("mxPoint"))
                    .filter_map(|p| Some((number(p, "x")?, number(p, "y")?)))
                    .collect()
            }),
        properties,
        tags: attribute("tags")
            .map(|t| t.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default(),
        placeholders: wrapper.and_then(|w| w.attribute("placeholders")) == Some("1"),
        offset: wrapper.unwrap_or(node).range().start,
    }
}

/// `%name%` placeholders filled from the cell's own properties, then its ancestors'.
pub fn fill_placeholders(text: &str, lookup: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('%') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('%') {
            Some(close)
                if !after[..close].is_empty() && !after[..close].contains(char::is_whitespace) =>
            {
                match lookup(&after[..close]) {
                    Some(value) => out.push_str(&value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('%');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
