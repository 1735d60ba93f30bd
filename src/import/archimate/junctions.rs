//! Junctions join flows: each flow into an And or Or junction continues along each flow
//! out of it, so `A → J → B` is drawn as `A → B`. What each junction collects is worked
//! out once, and a junction inside its own loop adds nothing to itself.

use std::collections::{HashMap, HashSet};

use super::landscape::Convert;
use super::types::ElementClass;

/// A system a flow starts from, and the relationships into junctions on the way, in
/// order from that system.
pub type Origin = (usize, Vec<usize>);

pub struct Junctions<'m> {
    /// Element id → the flow relationships that end at it.
    into: HashMap<&'m str, Vec<usize>>,
    found: HashMap<usize, Vec<Origin>>,
    visiting: HashSet<usize>,
}

impl<'m> Junctions<'m> {
    /// `is_flow` tells which relationships carry a flow on through a junction.
    pub fn new(convert: &Convert<'m>, is_flow: impl Fn(usize) -> bool) -> Junctions<'m> {
        let mut into: HashMap<&str, Vec<usize>> = HashMap::new();
        for (r, relationship) in convert.model.relationships.iter().enumerate() {
            if is_flow(r) {
                into.entry(relationship.target.as_str())
                    .or_default()
                    .push(r);
            }
        }
        Junctions {
            into,
            found: HashMap::new(),
            visiting: HashSet::new(),
        }
    }

    pub fn is_junction(convert: &Convert, id: &str) -> bool {
        convert
            .element(id)
            .is_some_and(|e| convert.classes[e] == ElementClass::Junction)
    }

    /// The systems a flow from `id` starts from: the one it is or stands for, or, for a
    /// junction, those of every flow into it.
    pub fn origins(&mut self, convert: &Convert<'m>, id: &str) -> Vec<Origin> {
        let Some(index) = convert.element(id) else {
            return Vec::new();
        };
        if let Some(system) = convert.system_of[index] {
            return vec![(system, Vec::new())];
        }
        if convert.classes[index] != ElementClass::Junction || !self.visiting.insert(index) {
            return Vec::new();
        }
        if let Some(found) = self.found.get(&index) {
            self.visiting.remove(&index);
            return found.clone();
        }
        let mut found = Vec::new();
        let incoming = self.into.get(id).cloned().unwrap_or_default();
        for r in incoming {
            let source = convert.model.relationships[r].source.as_str();
            for (system, mut through) in self.origins(convert, source) {
                through.push(r);
                found.push((system, through));
            }
        }
        self.visiting.remove(&index);
        self.found.insert(index, found.clone());
        found
    }
}
