//! Positions from one of the model's diagrams: the view `--view` names, else the first
//! that shows an imported system. Its nodes give the boxes' corners and sizes (absolute
//! in the exchange format, nested nodes too), and the named groups drawn around systems
//! can give their zones.

use std::collections::HashMap;
use std::path::Path;

use super::super::ImportError;
use super::super::builder::Builder;
use super::super::report::LineKind;
use super::landscape::Convert;
use super::model::{Ancestor, View};
use super::types::ElementClass;
use crate::model::{Point, Size};

/// A zone as the source names it.
#[derive(Clone, Debug)]
pub struct ZoneRef {
    pub key: String,
    pub name: String,
}

pub struct Layout {
    /// The view's name, and where it is in the model's list.
    pub view: String,
    view_index: usize,
    /// System (element index) → its box on the view.
    pub bounds: HashMap<usize, (Point, Size)>,
    /// System → the innermost named group it is drawn in on the view.
    pub groups: HashMap<usize, ZoneRef>,
}

impl Layout {
    /// The bends of the lines on the view the positions come from.
    pub fn bendpoints<'m>(
        &self,
        model: &'m super::model::Model,
    ) -> Option<&'m HashMap<String, Vec<Point>>> {
        model.views.get(self.view_index).map(|v| &v.bendpoints)
    }
}

pub fn layout(
    convert: &Convert,
    wanted: Option<&str>,
    path: &Path,
    builder: &mut Builder,
) -> Result<Option<Layout>, ImportError> {
    let views = &convert.model.views;
    let shows_system = |view: &View| {
        view.nodes.iter().any(|node| {
            convert
                .element(&node.element)
                .is_some_and(|index| convert.classes[index] == ElementClass::System)
        })
    };
    let chosen = match wanted {
        Some(name) => Some(named(views, name).ok_or_else(|| not_found(views, name, path))?),
        None => views.iter().position(shows_system),
    };
    let Some((view_index, view)) = chosen.and_then(|i| Some((i, views.get(i)?))) else {
        if !views.is_empty() {
            builder.line(
                LineKind::Note,
                None,
                format!(
                    "none of the {} views shows an imported system, so none gives positions",
                    views.len()
                ),
            );
        }
        return Ok(None);
    };
    let mut message = format!("positions from view “{}”", view.name);
    if wanted.is_none() && views.len() > 1 {
        message.push_str(&format!(
            ", the first that shows a system; --view NAME takes another of the {} views",
            views.len()
        ));
    }
    builder.line(LineKind::Note, Some(view.place.clone()), message);
    Ok(Some(Layout {
        view: view.name.clone(),
        view_index,
        bounds: HashMap::new(),
        groups: HashMap::new(),
    }))
}

/// Fills in the boxes and groups, once it is known which elements are systems.
pub fn place_systems(convert: &Convert, layout: &mut Layout) {
    let Some(view) = convert.model.views.get(layout.view_index) else {
        return;
    };
    // A service drawn where its system is not gives that system its box.
    let mut stand_in_bounds = HashMap::new();
    for node in &view.nodes {
        let Some(index) = convert.element(&node.element) else {
            continue;
        };
        let Some(system) = convert.system_of[index] else {
            continue;
        };
        if system != index {
            if let Some(bounds) = node.bounds {
                stand_in_bounds.entry(system).or_insert(bounds);
            }
            continue;
        }
        if let Some(bounds) = node.bounds {
            layout.bounds.entry(system).or_insert(bounds);
        }
        if let Some(group) = innermost_group(convert, &node.ancestors) {
            layout.groups.entry(system).or_insert(group);
        }
    }
    for (system, bounds) in stand_in_bounds {
        layout.bounds.entry(system).or_insert(bounds);
    }
}

/// The innermost named container, or Grouping / Location node, around a node.
fn innermost_group(convert: &Convert, ancestors: &[Ancestor]) -> Option<ZoneRef> {
    ancestors.iter().rev().find_map(|ancestor| match ancestor {
        Ancestor::Container { key, label } if !label.trim().is_empty() => Some(ZoneRef {
            key: key.clone(),
            name: label.trim().to_owned(),
        }),
        Ancestor::Element(id) => {
            let index = convert.element(id)?;
            let named = !convert.model.elements[index].name.trim().is_empty();
            (convert.classes[index] == ElementClass::Group && named).then(|| ZoneRef {
                key: format!("group:{id}"),
                name: convert.name(index),
            })
        }
        Ancestor::Container { .. } => None,
    })
}

/// The view with this name (exactly, then ignoring case), or this identifier.
fn named(views: &[View], name: &str) -> Option<usize> {
    let name = name.trim();
    views
        .iter()
        .position(|v| v.name.trim() == name)
        .or_else(|| {
            views
                .iter()
                .position(|v| v.name.trim().eq_ignore_ascii_case(name))
        })
        .or_else(|| views.iter().position(|v| v.id == name))
}

fn not_found(views: &[View], name: &str, path: &Path) -> ImportError {
    let reason = if views.is_empty() {
        format!("this model has no views, so --view “{name}” cannot pick one")
    } else {
        let names: Vec<String> = views.iter().map(|v| format!("“{}”", v.name)).collect();
        format!(
            "no view is named “{name}”; the views are {}",
            names.join(", ")
        )
    };
    ImportError::Unsupported {
        path: path.to_owned(),
        reason,
    }
}
