//! One page's cells turned into drafts: which vertices are systems, which are zones, which
//! only decorate (texts, legends, unnamed shapes), and what each edge connects.

use std::collections::HashMap;

use super::super::ImportError;
use super::super::builder::{Builder, SystemDraft};
use super::super::html::plain_text;
use super::super::report::LineKind;
use super::super::source::Source;
use super::PageText;
use super::cells::{Cell, cells, fill_placeholders};

mod edge;
mod exact;
mod geometry;
mod names;

use crate::model::{Point, Size};
use names::{is_badge, one_line, shape_name, split_name};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    System,
    Zone,
    /// Only groups others; its members belong to the zone around it.
    Group,
    /// Names its parent, which has no label of its own.
    NameOfParent,
    /// A text, a title, a legend or an unnamed shape: not landscape.
    Decoration,
    Edge,
    Layer,
}

struct Page<'a> {
    cells: Vec<Cell>,
    index: HashMap<&'a str, usize>,
    /// Worked out once: a page of thousands of cells asks about each many times.
    children_of: Vec<Vec<usize>>,
    texts: Vec<String>,
    names: Vec<String>,
    /// The property each label is exactly a placeholder for (see `exact`).
    exact: Vec<Option<String>>,
}

/// `left`: where the page starts when pages are laid side by side; `None` keeps the
/// page's own coordinates (the only page read).
pub fn read_page(
    source: &Source,
    page: &PageText,
    prefix: &str,
    left: Option<f32>,
    builder: &mut Builder,
) -> Result<f32, ImportError> {
    let document = roxmltree::Document::parse(&page.xml).map_err(|e| {
        source.error_at(
            page.offset.unwrap_or(0),
            &format!("page “{}” cannot be read: {e}", page.name),
        )
    })?;
    let all = cells(document.root_element());
    let ids: Vec<String> = all.iter().map(|c| c.id.clone()).collect();
    let index: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let page_cells = Page::new(all, index);
    let place_of = |cell: &Cell| match page.offset {
        Some(start) => source.place(start + cell.offset),
        None => page.place.clone(),
    };
    let corners = page_cells.absolute_corners();
    let mut roles = page_cells.roles();
    page_cells.promote_enclosing(&mut roles, &corners);
    let (keep, left) = (left.is_none(), left.unwrap_or(0.0));
    let shift = left
        - page_cells
            .cells
            .iter()
            .enumerate()
            .filter(|(i, _)| matches!(roles[*i], Role::System | Role::Zone))
            .filter_map(|(i, _)| corners[i].map(|c| c.0))
            .fold(f32::INFINITY, f32::min);
    let shift = if shift.is_finite() && !keep {
        shift
    } else {
        left
    };
    let mut right = left;
    let mut decorations = 0;
    let zones = page_cells.zone_of_each(&roles, &corners);
    for (i, cell) in page_cells.cells.iter().enumerate() {
        match roles[i] {
            Role::Zone => {
                let key = format!("{prefix}{}", cell.id);
                builder.zone(&key, &page_cells.one_line_name(i), Some(place_of(cell)));
                // The name is the label's; the rest (kind, notes, …) are the zone's own.
                for (property, value) in cell.properties.iter().filter(|(k, _)| k != "name") {
                    builder.zone_property(&key, property, value);
                }
            }
            Role::Decoration if cell.vertex => decorations += 1,
            _ => {}
        }
    }
    for (i, cell) in page_cells.cells.iter().enumerate() {
        if roles[i] != Role::System {
            continue;
        }
        let mut draft = page_cells.system_draft(i);
        draft.zone = zones[i].map(|z| format!("{prefix}{}", page_cells.cells[z].id));
        if let (Some((x, y)), Some(g)) = (corners[i], cell.geometry) {
            let corner = Point::new(x + shift, y);
            right = right.max(corner.x + g[2]);
            draft.bounds = Some((
                corner,
                Size {
                    width: g[2].max(1.0),
                    height: g[3].max(1.0),
                },
            ));
        }
        builder.system(&format!("{prefix}{}", cell.id), draft, Some(place_of(cell)));
    }
    for (i, cell) in page_cells.cells.iter().enumerate() {
        if roles[i] == Role::Edge {
            // An edge's bends are relative to its parent vertex, like a vertex's corner.
            let parent = page_cells
                .parent(i)
                .and_then(|p| corners[p].filter(|_| page_cells.cells[p].vertex));
            let (x, y) = parent.unwrap_or((0.0, 0.0));
            let origin = (x + shift, y);
            page_cells.edge(i, &roles, prefix, place_of(cell), origin, builder);
        }
    }
    if decorations > 0 {
        builder.line(
            LineKind::Note,
            Some(page.place.clone()),
            format!("page “{}”: {decorations} shapes not imported: texts, legends and shapes without a name", page.name),
        );
    }
    Ok(right - left)
}

impl Page<'_> {
    fn parent(&self, i: usize) -> Option<usize> {
        self.cells[i]
            .parent
            .as_deref()
            .and_then(|p| self.index.get(p))
            .copied()
    }

    fn new<'a>(cells: Vec<Cell>, index: HashMap<&'a str, usize>) -> Page<'a> {
        let mut children_of = vec![Vec::new(); cells.len()];
        for (i, cell) in cells.iter().enumerate() {
            if let Some(&p) = cell.parent.as_deref().and_then(|p| index.get(p)) {
                children_of[p].push(i);
            }
        }
        let mut page = Page {
            cells,
            index,
            children_of,
            texts: Vec::new(),
            names: Vec::new(),
            exact: Vec::new(),
        };
        page.exact = (0..page.cells.len())
            .map(|i| {
                let on = page.cells[i].placeholders
                    || page.ancestors(i).any(|a| page.cells[a].placeholders);
                exact::own_placeholder(&page.cells[i], on)
            })
            .collect();
        page.texts = (0..page.cells.len()).map(|i| page.label_text(i)).collect();
        page.names = (0..page.cells.len()).map(|i| page.c4_or_label(i)).collect();
        page
    }

    fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children_of[i].iter().copied()
    }

    fn text(&self, i: usize) -> String {
        self.texts[i].clone()
    }

    fn name(&self, i: usize) -> String {
        self.names[i].clone()
    }

    /// The label as text, placeholders filled from the cell and its ancestors.
    fn label_text(&self, i: usize) -> String {
        let cell = &self.cells[i];
        if let Some(key) = &self.exact[i] {
            return cell.property(key).unwrap_or("").trim().to_owned();
        }
        let label = if cell.placeholders || self.ancestors(i).any(|a| self.cells[a].placeholders) {
            fill_placeholders(&cell.label, |key| {
                std::iter::once(i)
                    .chain(self.ancestors(i))
                    .find_map(|a| self.cells[a].property(key).map(str::to_owned))
            })
        } else {
            cell.label.clone()
        };
        if cell.style_is("html", "1") || label.contains('<') {
            plain_text(&label)
        } else {
            label.trim().to_owned()
        }
    }

    /// A C4 element's name, else its label.
    fn c4_or_label(&self, i: usize) -> String {
        let cell = &self.cells[i];
        match cell.property("c4Name").or(cell.property("c4Type")) {
            Some(name) if !name.trim().is_empty() => name.trim().to_owned(),
            _ => self.texts[i].clone(),
        }
    }

    fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut current = self.parent(i);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let here = current?;
            steps += 1;
            // A cycle of parents in a hand-edited file must not loop for ever.
            if steps > self.cells.len() {
                return None;
            }
            current = self.parent(here);
            Some(here)
        })
    }

    fn is_legend(&self, i: usize) -> bool {
        let says_legend = |c: usize| self.text(c).trim().eq_ignore_ascii_case("legend");
        says_legend(i) || self.children(i).any(says_legend)
    }

    fn roles(&self) -> Vec<Role> {
        let mut roles: Vec<Role> = (0..self.cells.len()).map(|i| self.role(i)).collect();
        // Everything inside a legend is an example, not the landscape.
        let legend: Vec<bool> = (0..self.cells.len())
            .map(|i| roles[i] != Role::Layer && self.is_legend(i))
            .collect();
        for (i, role) in roles.iter_mut().enumerate() {
            if self.ancestors(i).any(|a| legend[a]) {
                *role = Role::Decoration;
            }
        }
        // A shape without a name that a line connects is still a system.
        for i in 0..self.cells.len() {
            if roles[i] == Role::Edge {
                for end in [&self.cells[i].source, &self.cells[i].target]
                    .into_iter()
                    .flatten()
                {
                    if let Some(&e) = self.index.get(end.as_str())
                        && roles[e] == Role::Decoration
                        && self.cells[e].vertex
                        && !self.is_text(e)
                    {
                        roles[e] = Role::System;
                    }
                }
            }
        }
        roles
    }

    fn is_text(&self, i: usize) -> bool {
        let cell = &self.cells[i];
        matches!(cell.kind.as_str(), "text" | "edgeLabel")
            || cell.style.contains_key("text")
            || cell.style.contains_key("edgeLabel")
    }

    fn role(&self, i: usize) -> Role {
        let cell = &self.cells[i];
        if cell.edge {
            return Role::Edge;
        }
        if !cell.vertex {
            return Role::Layer;
        }
        let named = !self.name(i).trim().is_empty();
        let parent = self.parent(i);
        if cell.relative || self.is_text(i) {
            let names_parent = parent.is_some_and(|p| {
                self.cells[p].vertex && self.text(p).is_empty() && !self.is_text(i)
            });
            return if names_parent {
                Role::NameOfParent
            } else {
                Role::Decoration
            };
        }
        if self.is_legend(i) {
            return Role::Decoration;
        }
        let has_members = self
            .children(i)
            .any(|c| self.cells[c].vertex && !self.cells[c].relative && !self.names_its_parent(c));
        let container = cell.style_is("container", "1") || cell.kind == "swimlane" || has_members;
        if named && is_badge(cell, &self.name(i)) {
            return Role::Decoration;
        }
        match (container, named) {
            (true, true) if cell.kind != "group" => Role::Zone,
            (true, _) => Role::Group,
            (false, true) => Role::System,
            (false, false) if self.children(i).any(|c| self.names_its_parent(c)) => Role::System,
            (false, false) => Role::Decoration,
        }
    }

    /// A labelled child that is the only labelled thing in an unlabelled parent.
    fn names_its_parent(&self, child: usize) -> bool {
        let Some(parent) = self.parent(child) else {
            return false;
        };
        let parent_cell = &self.cells[parent];
        parent_cell.vertex
            && self.name(parent).trim().is_empty()
            && !self.name(child).trim().is_empty()
            && self
                .children(parent)
                .filter(|&c| !self.name(c).trim().is_empty())
                .count()
                == 1
    }

    fn system_draft(&self, i: usize) -> SystemDraft {
        let cell = &self.cells[i];
        let own = self.name(i);
        let name = if own.is_empty() {
            self.children(i)
                .find(|&c| self.names_its_parent(c))
                .map(|c| self.name(c))
                .unwrap_or_default()
        } else {
            own
        };
        let (name, purpose) = match self.exact[i] {
            Some(_) => (name, String::new()),
            None => split_name(&cell.label, &name),
        };
        let mut draft = SystemDraft {
            name,
            purpose,
            tags: cell.tags.clone(),
            ..SystemDraft::default()
        };
        if draft.name.is_empty() {
            draft.name = shape_name(cell);
            draft
                .notes
                .push("no label in draw.io: named after its shape".to_owned());
        }
        for (key, value) in self.unused_properties(i) {
            match key.as_str() {
                "c4Name" => {}
                "c4Description" => draft.purpose = value.clone(),
                "c4Technology" => draft.technology = value.clone(),
                "c4Type" => draft.notes.push(format!("C4 type: {value}")),
                _ => draft.properties.push((key.clone(), value.clone())),
            }
        }
        draft
    }

    /// The system a line end attaches to: the cell itself, or the system it names or
    /// lies in.
    fn end_system(&self, id: &str, roles: &[Role]) -> Result<usize, String> {
        let &i = self
            .index
            .get(id)
            .ok_or_else(|| format!("its end {id} is not on the page"))?;
        std::iter::once(i)
            .chain(self.ancestors(i))
            .find(|&c| roles[c] == Role::System)
            .ok_or_else(|| match roles[i] {
                Role::Zone => format!(
                    "“{}” is a container, and a zone is not a system",
                    one_line(&self.name(i))
                ),
                _ => format!("“{}” is not a system", one_line(&self.name(i))),
            })
    }
}
