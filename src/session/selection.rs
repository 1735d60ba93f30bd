//! What the user has selected. Not saved, not part of undo; edits keep it to what exists.

use std::collections::BTreeSet;

use crate::edit::ItemIds;
use crate::model::{ConnectionId, ItemRef, Project, SystemId, ZoneId};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub systems: BTreeSet<SystemId>,
    pub connections: BTreeSet<ConnectionId>,
    pub zones: BTreeSet<ZoneId>,
}

impl Selection {
    /// The selected items, as edits name them.
    pub fn item_ids(&self) -> ItemIds {
        ItemIds {
            systems: self.systems.iter().copied().collect(),
            connections: self.connections.iter().copied().collect(),
            zones: self.zones.iter().copied().collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.systems.is_empty() && self.connections.is_empty() && self.zones.is_empty()
    }

    /// A selection of exactly one item.
    pub fn only(item: ItemRef) -> Self {
        let mut selection = Selection::default();
        selection.toggle(item);
        selection
    }

    pub fn contains(&self, item: ItemRef) -> bool {
        match item {
            ItemRef::System(id) => self.systems.contains(&id),
            ItemRef::Connection(id) => self.connections.contains(&id),
            ItemRef::Zone(id) => self.zones.contains(&id),
            ItemRef::Project => false,
        }
    }

    /// Adds the item, or removes it if it was selected (Ctrl/Shift-click).
    pub fn toggle(&mut self, item: ItemRef) {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, value: T) {
            if !set.remove(&value) {
                set.insert(value);
            }
        }
        match item {
            ItemRef::System(id) => flip(&mut self.systems, id),
            ItemRef::Connection(id) => flip(&mut self.connections, id),
            ItemRef::Zone(id) => flip(&mut self.zones, id),
            ItemRef::Project => {}
        }
    }

    /// Everything in the project (Ctrl+A).
    pub fn all(project: &Project) -> Self {
        Selection {
            systems: project.systems.iter().map(|s| s.id).collect(),
            connections: project.connections.iter().map(|c| c.id).collect(),
            zones: BTreeSet::new(),
        }
    }

    /// The single selected item, when exactly one is selected.
    pub fn single(&self) -> Option<ItemRef> {
        let mut items = self
            .systems
            .iter()
            .map(|&id| ItemRef::System(id))
            .chain(self.connections.iter().map(|&id| ItemRef::Connection(id)))
            .chain(self.zones.iter().map(|&id| ItemRef::Zone(id)));
        let first = items.next()?;
        items.next().is_none().then_some(first)
    }

    /// Drops ids the project no longer has (after undo, delete or opening a file).
    pub fn retain_existing(&mut self, project: &Project) {
        self.systems.retain(|&id| project.system(id).is_some());
        self.connections
            .retain(|&id| project.connection(id).is_some());
        self.zones.retain(|&id| project.zone(id).is_some());
    }
}

impl From<ItemIds> for Selection {
    fn from(ids: ItemIds) -> Self {
        Selection {
            systems: ids.systems.into_iter().collect(),
            connections: ids.connections.into_iter().collect(),
            zones: ids.zones.into_iter().collect(),
        }
    }
}
