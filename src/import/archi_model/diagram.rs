//! An Archi view's diagram objects as the exchange format gives them: each `child` that
//! shows an element is a node, and a group (or anything else drawn around others) is a
//! container. Archi writes each object's bounds relative to the object it is drawn in, so
//! the corners of those around it are added to make them absolute.

use roxmltree::Node;

use super::super::archimate::model::{Ancestor, View, ViewNode};
use super::super::archimate::xml::{children, identifier};
use super::super::source::Source;
use crate::model::{Point, Size};

/// The size Archi draws an object at when its bounds give none (width and height -1).
const ARCHI_DEFAULT_SIZE: Size = Size {
    width: 120.0,
    height: 55.0,
};

pub fn view(source: &Source, node: Node) -> View {
    let mut nodes = Vec::new();
    walk(node, Point::new(0.0, 0.0), &mut Vec::new(), &mut nodes);
    View {
        id: identifier(node),
        name: node.attribute("name").unwrap_or("").trim().to_owned(),
        nodes,
        // Archi's own bendpoints are relative to the line's ends; not read.
        bendpoints: Default::default(),
        place: source.place(node.range().start),
    }
}

/// The objects drawn in `parent`, whose top-left corner is at `origin` on the view.
fn walk(parent: Node, origin: Point, ancestors: &mut Vec<Ancestor>, out: &mut Vec<ViewNode>) {
    for child in children(parent, "child") {
        let (corner, size) = bounds(child, origin);
        let ancestor = match child.attribute("archimateElement") {
            Some(element) => {
                out.push(ViewNode {
                    element: element.to_owned(),
                    bounds: Some((corner, size)),
                    ancestors: ancestors.clone(),
                });
                Ancestor::Element(element.to_owned())
            }
            None => Ancestor::Container {
                key: format!("container:{}", identifier(child)),
                label: child.attribute("name").unwrap_or("").trim().to_owned(),
            },
        };
        ancestors.push(ancestor);
        walk(child, corner, ancestors, out);
        ancestors.pop();
    }
}

/// The object's absolute corner and its size. Archi leaves out what is at its default: a
/// missing `x` or `y` is 0, a missing (or -1) width or height is the default size.
fn bounds(child: Node, origin: Point) -> (Point, Size) {
    let bounds = children(child, "bounds").next();
    let number = |name: &str| {
        bounds
            .and_then(|b| b.attribute(name))
            .and_then(|v| v.trim().parse::<f32>().ok())
            .filter(|v| v.is_finite())
    };
    let corner = Point::new(
        origin.x + number("x").unwrap_or(0.0),
        origin.y + number("y").unwrap_or(0.0),
    );
    let size = Size {
        width: number("width")
            .filter(|w| *w > 0.0)
            .unwrap_or(ARCHI_DEFAULT_SIZE.width),
        height: number("height")
            .filter(|h| *h > 0.0)
            .unwrap_or(ARCHI_DEFAULT_SIZE.height),
    };
    (corner, size)
}
