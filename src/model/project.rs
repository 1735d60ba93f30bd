use serde::{Deserialize, Serialize};

use super::{
    AnalysisSettings, Connection, ConnectionId, IntegrationType, PromptSettings, Regulation,
    Sensitivity, System, SystemId, Zone, ZoneId,
};

/// The file format this build writes. Older versions are migrated on load (see `io::migrate`).
pub const CURRENT_FORMAT_VERSION: u32 = 2;

/// A whole integration landscape: what one project file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub format_version: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub requirements: Requirements,
    #[serde(default)]
    pub zones: Vec<Zone>,
    #[serde(default)]
    pub systems: Vec<System>,
    #[serde(default)]
    pub connections: Vec<Connection>,
    /// The next id to hand out. Ids are never reused, so this only grows.
    #[serde(default)]
    pub next_id: u64,
    /// Analysis thresholds, acknowledged findings and prompt options.
    #[serde(default, skip_serializing_if = "AnalysisSettings::is_default")]
    pub analysis: AnalysisSettings,
    /// Template, scope, token budget and tokenizer of the prompt.
    #[serde(default, skip_serializing_if = "PromptSettings::is_default")]
    pub prompt: PromptSettings,
}

/// CM-010's seven header variables: what the whole integration must achieve.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    #[serde(default)]
    pub integration_scope: String,
    #[serde(default)]
    pub integration_type: Option<IntegrationType>,
    #[serde(default)]
    pub data_volume: String,
    #[serde(default)]
    pub latency_requirements: String,
    #[serde(default)]
    pub reliability_requirements: String,
    #[serde(default)]
    pub security_classification: Option<Sensitivity>,
    #[serde(default)]
    pub regulatory_compliance: Vec<Regulation>,
}

impl Default for Project {
    fn default() -> Self {
        Project::new("Untitled landscape")
    }
}

impl Project {
    pub fn new(name: impl Into<String>) -> Self {
        Project {
            format_version: CURRENT_FORMAT_VERSION,
            name: name.into(),
            description: String::new(),
            requirements: Requirements::default(),
            zones: Vec::new(),
            systems: Vec::new(),
            connections: Vec::new(),
            next_id: 1,
            analysis: AnalysisSettings::default(),
            prompt: PromptSettings::default(),
        }
    }

    /// The largest id any item uses, or 0 for an empty project.
    pub fn max_used_id(&self) -> u64 {
        let systems = self.systems.iter().map(|s| s.id.0);
        let connections = self.connections.iter().map(|c| c.id.0);
        let zones = self.zones.iter().map(|z| z.id.0);
        systems.chain(connections).chain(zones).max().unwrap_or(0)
    }

    /// The id the next new item gets, without handing it out: for edits that create items
    /// (the edit's `Insert` then moves `next_id` past it).
    pub fn next_free_id(&self) -> u64 {
        self.next_id.max(self.max_used_id().saturating_add(1))
    }

    /// Makes `next_id` safe after a hand edit added items with higher ids.
    pub fn repair_next_id(&mut self) {
        self.next_id = self.next_free_id();
    }

    fn allocate_id(&mut self) -> u64 {
        self.repair_next_id();
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    pub fn allocate_system_id(&mut self) -> SystemId {
        SystemId(self.allocate_id())
    }

    pub fn allocate_connection_id(&mut self) -> ConnectionId {
        ConnectionId(self.allocate_id())
    }

    pub fn allocate_zone_id(&mut self) -> ZoneId {
        ZoneId(self.allocate_id())
    }

    pub fn system(&self, id: SystemId) -> Option<&System> {
        self.systems.iter().find(|s| s.id == id)
    }

    /// Where each system is in `systems`, for lookups by id that stay linear over many.
    pub fn system_indices(&self) -> std::collections::HashMap<SystemId, usize> {
        self.systems
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect()
    }

    pub fn system_mut(&mut self, id: SystemId) -> Option<&mut System> {
        self.systems.iter_mut().find(|s| s.id == id)
    }

    pub fn connection(&self, id: ConnectionId) -> Option<&Connection> {
        self.connections.iter().find(|c| c.id == id)
    }

    pub fn zone(&self, id: ZoneId) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    /// The systems in `zone`, in list order.
    pub fn systems_in_zone(&self, zone: ZoneId) -> impl Iterator<Item = &System> {
        self.systems.iter().filter(move |s| s.zone == Some(zone))
    }

    /// The name of a system, or a placeholder that says the reference is broken.
    pub fn system_name(&self, id: SystemId) -> String {
        self.system(id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| format!("<unknown system {id}>"))
    }

    /// How people and screen readers name a connection: "Storefront BFF → Order service"
    /// (a broken end says so).
    pub fn connection_name(&self, connection: &Connection) -> String {
        crate::words::flow_name(
            &self.system_name(connection.from),
            &self.system_name(connection.to),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_never_reused_after_removal() {
        let mut project = Project::new("p");
        let first = project.allocate_system_id();
        project.systems.push(System::new(first, "A"));
        project.systems.clear();
        let second = project.allocate_system_id();
        assert_ne!(first, second);
    }

    #[test]
    fn connections_are_named_by_their_ends_even_broken_ones() {
        let mut project = Project::new("p");
        project.systems.push(System::new(SystemId(1), "Shop"));
        let connection = Connection::new(ConnectionId(3), SystemId(1), SystemId(9));
        assert_eq!(
            project.connection_name(&connection),
            "Shop → <unknown system 9>"
        );
    }

    #[test]
    fn a_zone_has_the_systems_that_name_it() {
        let mut project = Project::new("p");
        for (id, zone) in [(1, Some(7)), (2, None), (3, Some(7)), (4, Some(8))] {
            let mut system = System::new(SystemId(id), "S");
            system.zone = zone.map(ZoneId);
            project.systems.push(system);
        }
        let ids = |zone| -> Vec<u64> {
            project
                .systems_in_zone(ZoneId(zone))
                .map(|s| s.id.0)
                .collect()
        };
        assert_eq!(ids(7), [1, 3]);
        assert_eq!(ids(8), [4]);
        assert!(ids(9).is_empty());
    }

    #[test]
    fn allocation_skips_ids_a_hand_edit_introduced() {
        let mut project = Project::new("p");
        project.systems.push(System::new(SystemId(41), "A"));
        assert_eq!(project.allocate_zone_id(), ZoneId(42));
    }
}
