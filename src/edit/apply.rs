use std::collections::{HashMap, HashSet};

use crate::model::{
    AnalysisSettings, Connection, ConnectionId, Point, Project, PromptSettings, Requirements,
    System, SystemId, Zone, ZoneId,
};

/// Items with the list positions they occupy, so removing and re-inserting them restores the
/// exact order (and so the exact file bytes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Items {
    pub zones: Vec<(usize, Zone)>,
    pub systems: Vec<(usize, System)>,
    pub connections: Vec<(usize, Connection)>,
}

/// Ids of items of every kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemIds {
    pub zones: Vec<ZoneId>,
    pub systems: Vec<SystemId>,
    pub connections: Vec<ConnectionId>,
}

impl ItemIds {
    pub fn is_empty(&self) -> bool {
        self.zones.is_empty() && self.systems.is_empty() && self.connections.is_empty()
    }
}

/// One change to a project. Setters carry whole new values rather than differences, so a
/// later setter of the same thing supersedes an earlier one (which is how a drag or a run of
/// typing becomes one undo step).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds items at the given positions (appends when a position is past the end).
    Insert(Items),
    /// Removes items; connections attached to removed systems must be named too
    /// (see [`Edit::delete`]).
    Remove(ItemIds),
    SetSystem(Box<System>),
    SetConnection(Box<Connection>),
    SetZone(Zone),
    /// Moves boxes. A connection whose two ends move together keeps its bends, moved
    /// along; one with only one end moved loses them (they were laid out for the old place).
    MoveSystems(Vec<(SystemId, Point)>),
    /// Sets where connections bend (empty: a straight line).
    SetWaypoints(Vec<(ConnectionId, Vec<Point>)>),
    SetName(String),
    SetDescription(String),
    SetRequirements(Box<Requirements>),
    SetAnalysisSettings(Box<AnalysisSettings>),
    /// The prompt's template, scope, budget and tokenizer (and the templates kept in the file).
    SetPromptSettings(Box<PromptSettings>),
    /// Several edits as one step, applied in order.
    Batch(Vec<Edit>),
}

/// An edit named something that is not (or no longer) in the project.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot apply the change: {0}")]
pub struct EditError(pub String);

impl Edit {
    /// True when the edit only moves things on the canvas: nothing a prompt or a check
    /// reads changes, so those need not be computed again.
    pub fn is_layout_only(&self) -> bool {
        match self {
            Edit::MoveSystems(_) | Edit::SetWaypoints(_) => true,
            Edit::Batch(edits) => edits.iter().all(Edit::is_layout_only),
            _ => false,
        }
    }

    /// Deletes items the way a user means it: a system's connections go with it, and systems
    /// in a deleted zone stay but leave the zone.
    pub fn delete(project: &Project, ids: &ItemIds) -> Edit {
        let mut remove = ids.clone();
        for c in &project.connections {
            let attached = remove.systems.contains(&c.from) || remove.systems.contains(&c.to);
            if attached && !remove.connections.contains(&c.id) {
                remove.connections.push(c.id);
            }
        }
        let mut edits: Vec<Edit> = project
            .systems
            .iter()
            .filter(|s| !remove.systems.contains(&s.id))
            .filter(|s| s.zone.is_some_and(|z| remove.zones.contains(&z)))
            .map(|s| {
                Edit::SetSystem(Box::new(System {
                    zone: None,
                    ..s.clone()
                }))
            })
            .collect();
        edits.push(Edit::Remove(remove));
        Edit::all(edits)
    }

    /// The edits as one step: the edit itself when there is only one.
    pub fn all(mut edits: Vec<Edit>) -> Edit {
        if edits.len() == 1 {
            edits.pop().unwrap_or(Edit::Batch(Vec::new()))
        } else {
            Edit::Batch(edits)
        }
    }
}

/// Applies `edit` to `project` and returns the edit that undoes it. On error the project is
/// unchanged.
pub fn apply(project: &mut Project, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Insert(items) => Ok(insert(project, items)),
        Edit::Remove(ids) => remove(project, &ids).map(Edit::Insert),
        Edit::SetSystem(new) => {
            let slot = project
                .system_mut(new.id)
                .ok_or_else(|| missing("system", new.id.0))?;
            Ok(Edit::SetSystem(Box::new(std::mem::replace(slot, *new))))
        }
        Edit::SetConnection(new) => {
            let slot = project
                .connections
                .iter_mut()
                .find(|c| c.id == new.id)
                .ok_or_else(|| missing("connection", new.id.0))?;
            Ok(Edit::SetConnection(Box::new(std::mem::replace(slot, *new))))
        }
        Edit::SetZone(new) => {
            let slot = project
                .zones
                .iter_mut()
                .find(|z| z.id == new.id)
                .ok_or_else(|| missing("zone", new.id.0))?;
            Ok(Edit::SetZone(std::mem::replace(slot, new)))
        }
        Edit::MoveSystems(moves) => move_systems(project, moves),
        Edit::SetWaypoints(routes) => set_waypoints(project, routes),
        Edit::SetName(name) => Ok(Edit::SetName(std::mem::replace(&mut project.name, name))),
        Edit::SetDescription(text) => Ok(Edit::SetDescription(std::mem::replace(
            &mut project.description,
            text,
        ))),
        Edit::SetRequirements(new) => Ok(Edit::SetRequirements(Box::new(std::mem::replace(
            &mut project.requirements,
            *new,
        )))),
        Edit::SetAnalysisSettings(new) => Ok(Edit::SetAnalysisSettings(Box::new(
            std::mem::replace(&mut project.analysis, *new),
        ))),
        Edit::SetPromptSettings(new) => Ok(Edit::SetPromptSettings(Box::new(std::mem::replace(
            &mut project.prompt,
            *new,
        )))),
        Edit::Batch(edits) => apply_batch(project, edits),
    }
}

fn move_systems(project: &mut Project, moves: Vec<(SystemId, Point)>) -> Result<Edit, EditError> {
    // By index, so dragging thousands of selected systems stays linear.
    let index = project.system_indices();
    if let Some((id, _)) = moves.iter().find(|(id, _)| !index.contains_key(id)) {
        return Err(missing("system", id.0));
    }
    let mut shift: HashMap<SystemId, (f32, f32)> = HashMap::with_capacity(moves.len());
    let old: Vec<(SystemId, Point)> = moves
        .into_iter()
        .map(|(id, to)| {
            let system = &mut project.systems[index[&id]];
            let from = std::mem::replace(&mut system.position, to);
            shift.insert(id, (to.x - from.x, to.y - from.y));
            (id, from)
        })
        .collect();
    let mut old_waypoints = Vec::new();
    for connection in &mut project.connections {
        if connection.waypoints.is_empty() {
            continue;
        }
        let (from, to) = (shift.get(&connection.from), shift.get(&connection.to));
        if from.is_none() && to.is_none() {
            continue;
        }
        old_waypoints.push((connection.id, connection.waypoints.clone()));
        match (from, to) {
            (Some(a), Some(b)) if a == b => {
                for point in &mut connection.waypoints {
                    *point = Point::new(point.x + a.0, point.y + a.1);
                }
            }
            _ => connection.waypoints.clear(),
        }
    }
    let undo_move = Edit::MoveSystems(old);
    Ok(if old_waypoints.is_empty() {
        undo_move
    } else {
        // Moving back shifts or clears the bends again; then they are put back exactly.
        Edit::Batch(vec![undo_move, Edit::SetWaypoints(old_waypoints)])
    })
}

fn set_waypoints(
    project: &mut Project,
    routes: Vec<(ConnectionId, Vec<Point>)>,
) -> Result<Edit, EditError> {
    let index: HashMap<ConnectionId, usize> = project
        .connections
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();
    if let Some((id, _)) = routes.iter().find(|(id, _)| !index.contains_key(id)) {
        return Err(missing("connection", id.0));
    }
    let old = routes
        .into_iter()
        .map(|(id, points)| {
            let connection = &mut project.connections[index[&id]];
            (id, std::mem::replace(&mut connection.waypoints, points))
        })
        .collect();
    Ok(Edit::SetWaypoints(old))
}

fn missing(kind: &str, id: u64) -> EditError {
    EditError(format!("there is no {kind} with id {id}"))
}

/// All or nothing: if one edit fails, the ones before it are undone.
fn apply_batch(project: &mut Project, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match apply(project, edit) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    // Inverses of edits that just succeeded always apply.
                    let _ = apply(project, inverse);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

fn insert(project: &mut Project, mut items: Items) -> Edit {
    // Ascending positions, so each insert lands where it was when removed.
    items.zones.sort_by_key(|(i, _)| *i);
    items.systems.sort_by_key(|(i, _)| *i);
    items.connections.sort_by_key(|(i, _)| *i);
    let ids = items.ids();
    insert_at(&mut project.zones, items.zones);
    insert_at(&mut project.systems, items.systems);
    insert_at(&mut project.connections, items.connections);
    project.repair_next_id();
    Edit::Remove(ids)
}

fn insert_at<T>(list: &mut Vec<T>, items: Vec<(usize, T)>) {
    for (index, item) in items {
        let index = index.min(list.len());
        list.insert(index, item);
    }
}

fn remove(project: &mut Project, ids: &ItemIds) -> Result<Items, EditError> {
    let zones: HashSet<ZoneId> = ids.zones.iter().copied().collect();
    let systems: HashSet<SystemId> = ids.systems.iter().copied().collect();
    let connections: HashSet<ConnectionId> = ids.connections.iter().copied().collect();
    let present_systems: HashSet<SystemId> = project.systems.iter().map(|s| s.id).collect();
    if let Some(id) = systems.iter().find(|id| !present_systems.contains(id)) {
        return Err(missing("system", id.0));
    }
    let present_connections: HashSet<ConnectionId> =
        project.connections.iter().map(|c| c.id).collect();
    if let Some(id) = connections
        .iter()
        .find(|id| !present_connections.contains(id))
    {
        return Err(missing("connection", id.0));
    }
    if let Some(id) = zones.iter().find(|id| project.zone(**id).is_none()) {
        return Err(missing("zone", id.0));
    }
    Ok(Items {
        zones: take(&mut project.zones, |z| zones.contains(&z.id)),
        systems: take(&mut project.systems, |s| systems.contains(&s.id)),
        connections: take(&mut project.connections, |c| connections.contains(&c.id)),
    })
}

/// Removes matching items and returns them with the positions they had.
fn take<T>(list: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
    let mut taken = Vec::new();
    let mut kept = Vec::with_capacity(list.len());
    for (index, item) in std::mem::take(list).into_iter().enumerate() {
        if matches(&item) {
            taken.push((index, item));
        } else {
            kept.push(item);
        }
    }
    *list = kept;
    taken
}
