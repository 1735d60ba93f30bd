//! Automatic layout of a landscape: layered in the direction data flows, zones kept
//! together as clusters, crossings minimised, pinned systems left where they are.
//! `arrange` only computes; the result becomes one `Edit`, so it is one undo step.
//! Deterministic: the same project gives the same arrangement, byte for byte.

mod clusters;
mod coords;
mod corners;
mod crossings;
mod cycles;
mod detour;
mod graph;
mod layered;
mod order;
mod pack;
mod place;
mod ranks;
mod swaps;
mod wrap;

use std::collections::BTreeSet;

pub use crossings::straight_crossings;

use crate::edit::Edit;
use crate::model::{ConnectionId, Point, Project, SystemId};

/// Which way data flows on the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    /// Sources on the left, sinks on the right.
    #[default]
    Right,
    /// Sources at the top, sinks at the bottom.
    Down,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub direction: Direction,
    /// Arrange only these systems, among themselves, where they are now; nothing else
    /// moves. `None` arranges the whole landscape.
    pub only: Option<BTreeSet<SystemId>>,
}

/// New positions for the arranged systems, and the bends of connections that would
/// otherwise run through a box.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arrangement {
    pub positions: Vec<(SystemId, Point)>,
    pub routes: Vec<(ConnectionId, Vec<Point>)>,
}

impl Arrangement {
    /// The arrangement as one edit (nothing to do when no system moves and no bend
    /// changes). Connections of the arranged systems take their new routes or none.
    pub fn edit(&self, project: &Project) -> Option<Edit> {
        let moves: Vec<(SystemId, Point)> = self
            .positions
            .iter()
            .filter(|(id, to)| project.system(*id).is_some_and(|s| s.position != *to))
            .copied()
            .collect();
        let arranged: BTreeSet<SystemId> = self.positions.iter().map(|(id, _)| *id).collect();
        let routes: std::collections::BTreeMap<ConnectionId, &Vec<Point>> =
            self.routes.iter().map(|(id, r)| (*id, r)).collect();
        let mut waypoints: Vec<(ConnectionId, Vec<Point>)> = project
            .connections
            .iter()
            .filter(|c| arranged.contains(&c.from) || arranged.contains(&c.to))
            .filter_map(|c| {
                let route = routes.get(&c.id).map(|r| (*r).clone()).unwrap_or_default();
                // Set even when equal: the move may have shifted the old bends.
                (!route.is_empty() || !c.waypoints.is_empty()).then_some((c.id, route))
            })
            .collect();
        if moves.is_empty() {
            // Nothing moves, so nothing shifts: only real changes count.
            waypoints.retain(|(id, route)| {
                project
                    .connection(*id)
                    .is_some_and(|c| c.waypoints != *route)
            });
        }
        let mut edits = Vec::new();
        if !moves.is_empty() {
            edits.push(Edit::MoveSystems(moves));
        }
        if !waypoints.is_empty() {
            edits.push(Edit::SetWaypoints(waypoints));
        }
        (!edits.is_empty()).then(|| Edit::all(edits))
    }
}

/// Computes an arrangement of the project (or of `options.only`).
pub fn arrange(project: &Project, options: &Options) -> Arrangement {
    let movable: Vec<usize> = project
        .systems
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.pinned)
        .filter(|(_, s)| {
            options
                .only
                .as_ref()
                .is_none_or(|only| only.contains(&s.id))
        })
        .map(|(i, _)| i)
        .collect();
    if movable.is_empty() {
        return Arrangement::default();
    }
    let laid_out = clusters::lay_out(project, &movable, options.direction);
    place::settle(project, &movable, laid_out)
}

#[cfg(test)]
mod tests;
