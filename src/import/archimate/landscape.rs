//! From an ArchiMate model to drafts: which elements are systems, which services and
//! functions stand for the system that offers them, and the report of everything else.
//! Every element and relationship is marked once it is used; whatever is left unmarked
//! at the end gets a report line, so nothing is dropped without a word.

use std::collections::HashMap;
use std::path::Path;

use super::super::ImportError;
use super::super::builder::{Builder, SystemDraft};
use super::super::report::LineKind;
use super::model::{Element, Model};
use super::types::{ElementClass, RelationClass, Structure, bare, element_class, relation_class};
use super::{relations, sweep, views, zones};

/// The model with its indexes and what has been decided so far.
pub struct Convert<'m> {
    pub model: &'m Model,
    element_index: HashMap<&'m str, usize>,
    relation_index: HashMap<&'m str, usize>,
    pub classes: Vec<ElementClass>,
    pub relation_classes: Vec<RelationClass>,
    /// Element → the element that is the system it is or stands for.
    pub system_of: Vec<Option<usize>>,
    pub element_done: Vec<bool>,
    pub relation_done: Vec<bool>,
}

/// Makes the drafts for `model`; `view` names the view to take positions from.
pub fn build(
    model: &Model,
    view: Option<&str>,
    path: &Path,
    builder: &mut Builder,
) -> Result<(), ImportError> {
    let mut convert = Convert::new(model, builder);
    let mut layout = views::layout(&convert, view, path, builder)?;
    builder.set_name(&model.name);
    model_lines(model, builder);
    convert.fold_stand_ins(builder);
    let mut drafts = convert.system_drafts(builder);
    if let Some(layout) = layout.as_mut() {
        views::place_systems(&convert, layout);
        for (&system, &bounds) in &layout.bounds {
            if let Some(draft) = drafts[system].as_mut() {
                draft.bounds = Some(bounds);
            }
        }
    }
    zones::assign(&mut convert, &mut drafts, layout.as_ref(), builder);
    let no_bends = HashMap::new();
    let bendpoints = layout
        .as_ref()
        .and_then(|l| l.bendpoints(model))
        .unwrap_or(&no_bends);
    let connections = relations::connections(&mut convert, &mut drafts, bendpoints, builder);
    for (index, draft) in drafts.into_iter().enumerate() {
        if let Some(draft) = draft {
            let element = &model.elements[index];
            builder.system(&element.id, draft, Some(element.place.clone()));
        }
    }
    for (draft, place) in connections {
        builder.connection(draft, Some(place));
    }
    sweep::report(&convert, builder);
    Ok(())
}

/// The model's own name, documentation and properties: only the name has a home.
fn model_lines(model: &Model, builder: &mut Builder) {
    // The model's documentation describes the whole landscape: the project's description.
    builder.set_description(&model.documentation);
    for (place, message) in &model.skipped {
        builder.skipped(place.clone(), message);
    }
    for (key, value, place) in &model.properties {
        builder.skipped(
            place.clone(),
            format!(
                "model property “{key}” = “{value}” is not imported: a project has no properties"
            ),
        );
    }
}

impl<'m> Convert<'m> {
    fn new(model: &'m Model, builder: &mut Builder) -> Convert<'m> {
        for (place, message) in &model.problems {
            builder.problem(place.clone(), message);
        }
        let mut element_index = HashMap::new();
        for (index, element) in model.elements.iter().enumerate() {
            if element_index.insert(element.id.as_str(), index).is_some() {
                builder.problem(
                    element.place.clone(),
                    format!(
                        "the id “{}” is given twice; references go to this one",
                        element.id
                    ),
                );
            }
        }
        let relation_index = model
            .relationships
            .iter()
            .enumerate()
            .map(|(index, r)| (r.id.as_str(), index))
            .collect();
        let classes: Vec<ElementClass> = model
            .elements
            .iter()
            .map(|e| element_class(&e.kind))
            .collect();
        let system_of = classes
            .iter()
            .enumerate()
            .map(|(index, class)| (*class == ElementClass::System).then_some(index))
            .collect();
        Convert {
            model,
            element_index,
            relation_index,
            relation_classes: model
                .relationships
                .iter()
                .map(|r| relation_class(&r.kind))
                .collect(),
            element_done: vec![false; classes.len()],
            relation_done: vec![false; model.relationships.len()],
            classes,
            system_of,
        }
    }

    pub fn element(&self, id: &str) -> Option<usize> {
        self.element_index.get(id).copied()
    }

    pub fn relation(&self, id: &str) -> Option<usize> {
        self.relation_index.get(id).copied()
    }

    /// Whether the element is imported as a system of its own.
    pub fn is_system(&self, index: usize) -> bool {
        self.system_of.get(index).copied().flatten() == Some(index)
    }

    /// The system an element id is or stands for.
    pub fn system_for(&self, id: &str) -> Option<usize> {
        self.element(id).and_then(|index| self.system_of[index])
    }

    pub fn name(&self, index: usize) -> String {
        Model::display_name(&self.model.elements[index])
    }

    /// “CRM System”, or the type and name of an element that is not a system.
    pub fn describe(&self, id: &str) -> String {
        if let Some(index) = self.element(id) {
            let element = &self.model.elements[index];
            return match self.system_of[index] {
                Some(system) if system == index => format!("“{}”", self.name(index)),
                _ => format!("{} “{}”", bare(&element.kind), self.name(index)),
            };
        }
        match self.relation(id) {
            Some(index) => {
                let relationship = &self.model.relationships[index];
                format!(
                    "the {} relationship {}",
                    bare(&relationship.kind),
                    relationship.id
                )
            }
            None if id.is_empty() => "nothing (no id is given)".to_owned(),
            None => format!("“{id}”, which is not in the model"),
        }
    }

    /// Services, interfaces and behaviour stand for the one system that realises, offers
    /// or performs them, found through Realization, Assignment, Composition and
    /// Aggregation from it (or from something already standing for it). A service or
    /// interface with no such system, or several, is a system of its own.
    fn fold_stand_ins(&mut self, builder: &mut Builder) {
        loop {
            let mut owners: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
            for (r, relationship) in self.model.relationships.iter().enumerate() {
                let RelationClass::Structural(structure) = self.relation_classes[r] else {
                    continue;
                };
                if matches!(
                    structure,
                    Structure::Specialization | Structure::Association | Structure::Influence
                ) {
                    continue;
                }
                let (Some(owner), Some(target)) = (
                    self.system_for(&relationship.source),
                    self.element(&relationship.target),
                ) else {
                    continue;
                };
                let stands_in = matches!(
                    self.classes[target],
                    ElementClass::Offered | ElementClass::Behaviour
                );
                if stands_in && self.system_of[target].is_none() {
                    owners.entry(target).or_default().push((owner, r));
                }
            }
            let mut folded = false;
            let mut stand_ins: Vec<_> = owners.into_iter().collect();
            stand_ins.sort_unstable();
            for (stand_in, found) in stand_ins {
                let owner = found[0].0;
                if found.iter().any(|(o, _)| *o != owner) {
                    continue;
                }
                self.system_of[stand_in] = Some(owner);
                self.element_done[stand_in] = true;
                for (_, r) in &found {
                    self.relation_done[*r] = true;
                }
                folded = true;
                self.fold_line(stand_in, owner, found[0].1, builder);
            }
            if !folded {
                break;
            }
        }
        for index in 0..self.classes.len() {
            if self.classes[index] == ElementClass::Offered && self.system_of[index].is_none() {
                self.system_of[index] = Some(index);
            }
        }
    }

    fn fold_line(&self, stand_in: usize, owner: usize, relationship: usize, builder: &mut Builder) {
        let element = &self.model.elements[stand_in];
        let how = bare(&self.model.relationships[relationship].kind);
        builder.line(
            LineKind::Note,
            Some(element.place.clone()),
            format!(
                "{} “{}” stands for “{}” ({how}): its relationships are drawn from that system",
                bare(&element.kind),
                self.name(stand_in),
                self.name(owner),
            ),
        );
    }

    /// A draft for each element imported as a system, by element index.
    fn system_drafts(&mut self, builder: &mut Builder) -> Vec<Option<SystemDraft>> {
        let mut drafts = Vec::with_capacity(self.classes.len());
        for (index, element) in self.model.elements.iter().enumerate() {
            if !self.is_system(index) {
                drafts.push(None);
                continue;
            }
            self.element_done[index] = true;
            if element.name.trim().is_empty() {
                builder.problem(
                    element.place.clone(),
                    format!(
                        "this {} has no name; it is named after its type",
                        bare(&element.kind)
                    ),
                );
            }
            drafts.push(Some(system_draft(element, self.classes[index])));
        }
        drafts
    }
}

fn system_draft(element: &Element, class: ElementClass) -> SystemDraft {
    // A system is an application component unless the note says what else it was.
    let kind = bare(&element.kind);
    let mut notes = Vec::new();
    if !kind.eq_ignore_ascii_case("ApplicationComponent") {
        notes.push(format!("ArchiMate {kind}"));
    }
    if class == ElementClass::Offered {
        notes.push("no single imported system realizes or offers it".to_owned());
    }
    let specialization = element.specialization.trim();
    SystemDraft {
        name: Model::display_name(element),
        purpose: element.documentation.clone(),
        tags: (!specialization.is_empty())
            .then(|| specialization.to_owned())
            .into_iter()
            .collect(),
        properties: element.properties.clone(),
        notes,
        ..SystemDraft::default()
    }
}
