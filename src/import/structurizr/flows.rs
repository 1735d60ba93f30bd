//! Relationships made into connections between the systems the elements became: a
//! component's end is its container (the same flow written for several components is
//! one connection), and a relationship with a person, a custom element or a software
//! system that became a zone is a report line (saying which connections of its
//! containers carry the flow, if any).

use std::collections::HashMap;

use super::super::builder::{Builder, ConnectionDraft};
use super::super::report::LineKind;
use super::landscape::Role;
use super::model::{End, Model, Relationship};

/// Why a relationship's end is not a system.
enum NotASystem {
    Person(usize),
    Custom(usize),
    Zone,
}

struct Flows<'m> {
    model: &'m Model,
    roles: &'m [Role],
    drafts: Vec<(ConnectionDraft, usize)>,
    /// The draft for each (from, to, description, technology).
    seen: HashMap<(usize, usize, String, String), usize>,
    /// The systems each draft joins, to tell whether a zone's relationship is carried.
    ends: Vec<(usize, usize)>,
    /// Relationships with a software system that became a zone, decided at the end.
    with_zones: Vec<(usize, usize, usize)>,
}

pub fn add_connections(model: &Model, roles: &[Role], builder: &mut Builder) {
    let mut flows = Flows {
        model,
        roles,
        drafts: Vec::new(),
        seen: HashMap::new(),
        ends: Vec::new(),
        with_zones: Vec::new(),
    };
    for (index, relationship) in model.relationships.iter().enumerate() {
        let (Some(from), Some(to)) = (
            resolve(model, &relationship.from),
            resolve(model, &relationship.to),
        ) else {
            unresolved(model, relationship, builder);
            continue;
        };
        flows.add(index, from, to, builder);
    }
    for (index, from, to) in std::mem::take(&mut flows.with_zones) {
        flows.report_zone(index, from, to, builder);
    }
    for (draft, index) in flows.drafts {
        let place = model.relationships[index].place.clone();
        builder.connection(draft, Some(place));
    }
}

fn resolve(model: &Model, end: &End) -> Option<usize> {
    match end {
        End::Element(index) => Some(*index),
        End::Identifier { text, scopes } => model.find(text, scopes),
    }
}

fn unresolved(model: &Model, relationship: &Relationship, builder: &mut Builder) {
    let text = |end: &End| match end {
        End::Element(index) => model.name(*index).to_owned(),
        End::Identifier { text, .. } => text.clone(),
    };
    let missing: Vec<String> = [&relationship.from, &relationship.to]
        .into_iter()
        .filter(|end| resolve(model, end).is_none())
        .map(|end| format!("“{}”", text(end)))
        .collect();
    let message = format!(
        "relationship {} → {}: no element of the model has the identifier {} (deployment \
         elements are not read); not imported",
        text(&relationship.from),
        text(&relationship.to),
        missing.join(" or ")
    );
    builder.line(LineKind::Problem, Some(relationship.place.clone()), message);
}

impl Flows<'_> {
    /// The relationship as people read it: `A → B “description”`.
    fn name(&self, index: usize, from: usize, to: usize) -> String {
        let description = self.model.relationships[index].details.description.trim();
        let flow = crate::words::flow_name(self.model.name(from), self.model.name(to));
        if description.is_empty() {
            flow
        } else {
            format!("{flow} “{description}”")
        }
    }

    fn system(&self, element: usize) -> Result<usize, NotASystem> {
        match self.roles[element] {
            Role::System => Ok(element),
            Role::RolledInto(container) => Ok(container),
            Role::Person => Err(NotASystem::Person(element)),
            Role::Custom => Err(NotASystem::Custom(element)),
            Role::Zone => Err(NotASystem::Zone),
        }
    }

    fn add(&mut self, index: usize, from: usize, to: usize, builder: &mut Builder) {
        let Some((from_system, to_system)) = self.systems(index, from, to, builder) else {
            return;
        };
        let relationship = &self.model.relationships[index];
        let place = Some(relationship.place.clone());
        let name = self.name(index, from, to);
        let rolled = from_system != from || to_system != to;
        // A relationship of an element with itself is a flow (through a queue, say);
        // one that is inside a container only once its components are rolled up is not.
        if from_system == to_system && rolled {
            let message = format!(
                "relationship {name}: inside {} once its components are rolled up into it; not \
                 imported",
                self.model.name(from_system)
            );
            builder.line(LineKind::Skipped, place, message);
            return;
        }
        let details = &relationship.details;
        let key = (
            from_system,
            to_system,
            details.description.trim().to_owned(),
            details.technology.trim().to_owned(),
        );
        let origin = rolled.then(|| {
            let flow = crate::words::flow_name(self.model.name(from), self.model.name(to));
            format!("from Structurizr relationship {flow}")
        });
        if let Some(&first) = self.seen.get(&key) {
            let (draft, first_index) = &mut self.drafts[first];
            draft.notes.extend(origin);
            let message = format!(
                "relationship {name}: the same flow as the relationship at {}{}; imported once",
                self.model.relationships[*first_index].place,
                if rolled {
                    " once components are rolled up into their containers"
                } else {
                    ""
                }
            );
            builder.line(LineKind::Note, place, message);
            return;
        }
        let mut notes: Vec<String> = origin.into_iter().collect();
        let tags = super::restated::relationship_tags(details);
        if !tags.is_empty() {
            notes.push(format!("tags: {}", tags.join(", ")));
        }
        notes.extend(details.notes.iter().cloned());
        let draft = ConnectionDraft {
            from: self.model.elements[from_system].key.clone(),
            to: self.model.elements[to_system].key.clone(),
            label: details.description.clone(),
            technology: super::restated::technology(details).to_owned(),
            properties: details.properties.clone(),
            notes,
            both_ways: false,
            waypoints: Vec::new(),
        };
        self.seen.insert(key, self.drafts.len());
        self.drafts.push((draft, index));
        self.ends.push((from_system, to_system));
    }

    /// The systems a relationship joins, or `None` with a report line (or, for a zone,
    /// kept to report at the end).
    fn systems(
        &mut self,
        index: usize,
        from: usize,
        to: usize,
        builder: &mut Builder,
    ) -> Option<(usize, usize)> {
        let why = match (self.system(from), self.system(to)) {
            (Ok(a), Ok(b)) => return Some((a, b)),
            (Err(NotASystem::Person(p)), _) | (_, Err(NotASystem::Person(p))) => {
                format!(
                    "{} is a person (people are users, not systems)",
                    self.model.name(p)
                )
            }
            (Err(NotASystem::Custom(c)), _) | (_, Err(NotASystem::Custom(c))) => {
                format!("{} is a custom element, not a system", self.model.name(c))
            }
            _ => {
                self.with_zones.push((index, from, to));
                return None;
            }
        };
        let message = format!(
            "relationship {}: {why}; not imported",
            self.name(index, from, to)
        );
        let place = Some(self.model.relationships[index].place.clone());
        builder.line(LineKind::Skipped, place, message);
        None
    }

    /// A relationship with a software system that became a zone: which connections of
    /// its containers carry the same flow, if any.
    fn report_zone(&self, index: usize, from: usize, to: usize, builder: &mut Builder) {
        let matches = |end: usize, system: usize| {
            end == system
                || self.roles[end] == Role::Zone && self.model.elements[system].parent == Some(end)
                || self.roles[end] == Role::RolledInto(system)
        };
        let carried: Vec<String> = self
            .ends
            .iter()
            .filter(|(a, b)| matches(from, *a) && matches(to, *b))
            .map(|(a, b)| crate::words::flow_name(self.model.name(*a), self.model.name(*b)))
            .collect();
        let zones: Vec<&str> = [from, to]
            .into_iter()
            .filter(|&e| self.roles[e] == Role::Zone)
            .map(|e| self.model.name(e))
            .collect();
        let became = format!(
            "{} became a zone of its containers (or components)",
            zones.join(" and ")
        );
        let rest = if carried.is_empty() {
            "no relationship of its containers carries this flow, so it is not imported (write it \
             from or to the container that makes it)"
                .to_owned()
        } else {
            let mut carried = carried;
            carried.dedup();
            format!("not imported, as {} carries it", carried.join(" and "))
        };
        let message = format!(
            "relationship {}: {became}; {rest}",
            self.name(index, from, to)
        );
        builder.line(
            LineKind::Skipped,
            Some(self.model.relationships[index].place.clone()),
            message,
        );
    }
}
