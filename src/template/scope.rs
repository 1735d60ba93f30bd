//! What a scoped prompt is about: a `PromptScope` resolved against the project into the
//! systems in scope, the data flows inside and across its boundary, one short context
//! entry per outside system that exchanges data with it, and counts of the rest.
//!
//! Zones and systems combine as a union, and hops expand from that whole union (zone
//! members included), along data flows in either direction: "zone Payments plus one hop"
//! then means what it says. Ids no longer in the project are ignored.

use std::collections::{HashMap, HashSet};

use minijinja::value::Value;

use super::context::{object, one_line, view};
use crate::analysis::Finding;
use crate::model::{
    Connection, ConnectionId, Direction, Project, PromptScope, System, SystemId, ZoneId,
};
use crate::words::count;

#[cfg(test)]
mod tests;

/// A scope resolved against one project; every list is in the project's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeResolution {
    /// The systems the prompt is about.
    pub systems: Vec<SystemId>,
    /// Data flows with both ends in scope.
    pub inside: Vec<ConnectionId>,
    /// Data flows with one end in scope and the other outside it.
    pub crossing: Vec<ConnectionId>,
    /// One entry per outside system that exchanges data with the scope.
    pub context: Vec<ContextEntry>,
    /// Systems neither in scope nor in a context entry.
    pub other_systems: usize,
    /// Data flows with neither end in scope.
    pub other_flows: usize,
    /// The zones and systems the scope names that are still in the project.
    zones_named: Vec<ZoneId>,
    systems_named: Vec<SystemId>,
    /// `systems`, and the flows inside and crossing, as sets: findings and flows are
    /// checked against them one by one, thousands of times in a large landscape.
    system_set: HashSet<SystemId>,
    flow_set: HashSet<ConnectionId>,
}

/// An outside system at the scope's boundary, and what flows across.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextEntry {
    pub system: SystemId,
    /// "**Payment gateway** (zone: External) — sends Payment status to Order service".
    pub text: String,
}

impl ScopeResolution {
    /// Resolves `scope` against `project`. Unknown ids are ignored, so a stale scope
    /// resolves to fewer (or no) systems instead of failing.
    pub fn new(project: &Project, scope: &PromptScope) -> Self {
        let zones_named: Vec<ZoneId> = dedup(
            scope
                .zones
                .iter()
                .copied()
                .filter(|&z| project.zone(z).is_some()),
        );
        let known: HashSet<SystemId> = project.systems.iter().map(|s| s.id).collect();
        let systems_named: Vec<SystemId> =
            dedup(scope.systems.iter().copied().filter(|s| known.contains(s)));
        let zones: HashSet<ZoneId> = zones_named.iter().copied().collect();
        let mut in_scope: HashSet<SystemId> = project
            .systems
            .iter()
            .filter(|s| s.zone.is_some_and(|z| zones.contains(&z)))
            .map(|s| s.id)
            .chain(systems_named.iter().copied())
            .collect();
        expand(project, &mut in_scope, scope.hops);
        let mut resolution = ScopeResolution {
            systems: project
                .systems
                .iter()
                .map(|s| s.id)
                .filter(|id| in_scope.contains(id))
                .collect(),
            inside: Vec::new(),
            crossing: Vec::new(),
            context: Vec::new(),
            other_systems: 0,
            other_flows: 0,
            zones_named,
            systems_named,
            system_set: HashSet::new(),
            flow_set: HashSet::new(),
        };
        resolution.sort_flows(project, &in_scope);
        resolution.flow_set = resolution
            .inside
            .iter()
            .chain(&resolution.crossing)
            .copied()
            .collect();
        resolution.system_set = in_scope;
        resolution
    }

    /// Sorts every flow into inside, crossing or other, and writes the context entries.
    fn sort_flows(&mut self, project: &Project, in_scope: &HashSet<SystemId>) {
        let by_id: HashMap<SystemId, &System> = project.systems.iter().map(|s| (s.id, s)).collect();
        let mut across: HashMap<SystemId, Vec<String>> = HashMap::new();
        for c in &project.connections {
            match (in_scope.contains(&c.from), in_scope.contains(&c.to)) {
                (true, true) => self.inside.push(c.id),
                (false, false) => self.other_flows += 1,
                (from_in, _) => {
                    self.crossing.push(c.id);
                    let (outside, inside) = if from_in {
                        (c.to, c.from)
                    } else {
                        (c.from, c.to)
                    };
                    let inside_name = by_id.get(&inside).map_or(String::new(), |s| name(s));
                    across.entry(outside).or_default().push(crossing_phrase(
                        c,
                        outside,
                        &inside_name,
                    ));
                }
            }
        }
        for system in &project.systems {
            if in_scope.contains(&system.id) {
                continue;
            }
            match across.get(&system.id) {
                Some(phrases) => self.context.push(ContextEntry {
                    system: system.id,
                    text: context_text(project, system, phrases),
                }),
                None => self.other_systems += 1,
            }
        }
    }

    /// True when the finding names a system in scope or a flow inside or across it: the
    /// assistant can act on it from what the prompt shows.
    pub fn touches(&self, finding: &Finding) -> bool {
        finding.systems.iter().any(|s| self.system_set.contains(s))
            || finding
                .connections
                .iter()
                .any(|c| self.flow_set.contains(c))
    }

    /// "zone Payments, plus 1 hop along data flows — 8 of 42 systems".
    pub fn describe(&self, project: &Project, hops: u32) -> String {
        let zones: Vec<String> = self
            .zones_named
            .iter()
            .filter_map(|&z| project.zone(z))
            .map(|z| one_line(&z.name))
            .collect();
        let systems: Vec<String> = self
            .systems_named
            .iter()
            .map(|&s| one_line(&project.system_name(s)))
            .collect();
        let mut parts = Vec::new();
        if !zones.is_empty() {
            parts.push(named("zone", &zones));
        }
        match systems.len() {
            0 => {}
            // Past a few names the line would grow into a list; the blocks name them all.
            n if n > NAMED_SYSTEMS => parts.push(format!("{n} chosen systems")),
            _ => parts.push(named("system", &systems)),
        }
        if parts.is_empty() {
            parts.push("zones and systems that are no longer in the project".to_owned());
        }
        let hops = match hops {
            0 => String::new(),
            n => format!(", plus {} along data flows", count(n as usize, "hop")),
        };
        format!(
            "{}{hops} — {} of {}",
            parts.join(", "),
            self.systems.len(),
            count(project.systems.len(), "system")
        )
    }

    /// "12 other systems and 30 data flows are outside this scope and not shown.", or
    /// empty when nothing is left out.
    pub fn outside_line(&self) -> String {
        let mut parts = Vec::new();
        if self.other_systems > 0 {
            parts.push(count(self.other_systems, "other system"));
        }
        if self.other_flows > 0 {
            parts.push(count(self.other_flows, "data flow"));
        }
        let verb = match (parts.len(), self.other_systems + self.other_flows) {
            (0, _) => return String::new(),
            (1, 1) => "is",
            _ => "are",
        };
        format!(
            "{} {verb} outside this scope and not shown.",
            parts.join(" and ")
        )
    }

    /// What the landscape section says when no system is in scope.
    fn no_systems(&self) -> &'static str {
        if self.zones_named.is_empty() && self.systems_named.is_empty() {
            "No systems are in this scope: the zones and systems it names are no longer in \
             the project. Choose another scope, or the whole landscape."
        } else {
            "No systems are in this scope: its zones have no systems."
        }
    }
}

/// More chosen systems than this are counted in the scope line, not named.
const NAMED_SYSTEMS: usize = 3;

/// The items in their first order, each once. A set, not a scan of what is kept: a scope
/// taken from a selection of the whole canvas names thousands of systems.
fn dedup<T: Eq + std::hash::Hash + Copy>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut seen = HashSet::new();
    items.filter(|&item| seen.insert(item)).collect()
}

/// Adds the systems up to `hops` data flows away, in either direction. Stops early when a
/// round adds nothing, so a huge hop count from a hand-edited file costs no more than the
/// landscape's diameter.
fn expand(project: &Project, in_scope: &mut HashSet<SystemId>, hops: u32) {
    if hops == 0 || in_scope.is_empty() {
        return;
    }
    let mut neighbours: HashMap<SystemId, Vec<SystemId>> = HashMap::new();
    for c in &project.connections {
        neighbours.entry(c.from).or_default().push(c.to);
        neighbours.entry(c.to).or_default().push(c.from);
    }
    let known: HashSet<SystemId> = project.systems.iter().map(|s| s.id).collect();
    let mut frontier: Vec<SystemId> = in_scope.iter().copied().collect();
    for _ in 0..hops {
        let mut next = Vec::new();
        for id in &frontier {
            for &other in neighbours.get(id).into_iter().flatten() {
                // A flow to a system missing from the file (broken) reaches nothing.
                if known.contains(&other) && in_scope.insert(other) {
                    next.push(other);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
}

/// "zone A", "zones A and B", "zones A, B and C".
fn named(noun: &str, names: &[String]) -> String {
    match names {
        [one] => format!("{noun} {one}"),
        [rest @ .., last] => format!("{noun}s {} and {last}", rest.join(", ")),
        [] => String::new(),
    }
}

fn name(system: &System) -> String {
    one_line(&system.name)
}

/// "sends Payment status to Order service", seen from the outside end.
fn crossing_phrase(c: &Connection, outside: SystemId, inside_name: &str) -> String {
    let data = match one_line(&c.data) {
        data if data.is_empty() => "data".to_owned(),
        data => data,
    };
    if c.direction == Direction::BothWays {
        format!("exchanges {data} with {inside_name}")
    } else if c.from == outside {
        format!("sends {data} to {inside_name}")
    } else {
        format!("receives {data} from {inside_name}")
    }
}

fn context_text(project: &Project, system: &System, phrases: &[String]) -> String {
    let zone = system
        .zone
        .and_then(|z| project.zone(z))
        .map(|z| format!(" (zone: {})", one_line(&z.name)))
        .unwrap_or_default();
    format!("**{}**{zone} — {}", name(system), phrases.join("; "))
}

view!(
    /// What the frame sees as `scope` when the prompt is about part of the landscape.
    ScopeView { line, context, outside, no_systems, no_flows }
);

/// A scoped render's input: the part of the project the prompt shows, and the scope's
/// values for the frame and the risks section.
pub(crate) struct Scoped {
    /// The project cut down to the systems in scope, the flows inside and across, and the
    /// zones chosen or holding a system in scope. Names of the systems at the far end of
    /// crossing flows come from the whole project (see `render`).
    pub(crate) project: Project,
    pub(crate) resolution: ScopeResolution,
    line: String,
}

impl Scoped {
    /// The part of `project` its saved scope is about.
    pub(crate) fn new(project: &Project) -> Self {
        let scope = &project.prompt.scope;
        let resolution = ScopeResolution::new(project, scope);
        let line = resolution.describe(project, scope.hops);
        let mut part = project.clone();
        part.systems
            .retain(|s| resolution.system_set.contains(&s.id));
        part.connections
            .retain(|c| resolution.flow_set.contains(&c.id));
        let holding: HashSet<ZoneId> = part.systems.iter().filter_map(|s| s.zone).collect();
        part.zones
            .retain(|z| holding.contains(&z.id) || resolution.zones_named.contains(&z.id));
        Scoped {
            project: part,
            resolution,
            line,
        }
    }

    /// The frame's `scope` value.
    pub(crate) fn view(&self) -> Value {
        let context: Vec<Value> = self
            .resolution
            .context
            .iter()
            .map(|entry| Value::from(entry.text.as_str()))
            .collect();
        object(ScopeView {
            line: Value::from(self.line.as_str()),
            context: context.into(),
            outside: self.resolution.outside_line().into(),
            no_systems: Value::from(self.resolution.no_systems()),
            no_flows: Value::from("No data flows reach the systems in this scope."),
        })
    }
}
