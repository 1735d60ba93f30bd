use serde::{Deserialize, Serialize};

/// How the landscape analysis runs for this project: thresholds, whether its risks go into
/// the prompt, and the findings the team has acknowledged. Saved in the project file so the
/// whole team sees the same findings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AnalysisSettings {
    /// Adds "Risks found in the current landscape" to the prompt.
    pub include_risks_in_prompt: bool,
    pub thresholds: Thresholds,
    pub acknowledgements: Vec<Acknowledgement>,
}

/// The numbers the rules compare against. Defaults suit a typical enterprise landscape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// A system with more direct connections than this is a point-to-point hub.
    pub max_direct_connections: u32,
    /// A group of at least `mesh_min_systems` systems whose connection density reaches this
    /// percentage of a full mesh is flagged.
    pub mesh_density_percent: u32,
    pub mesh_min_systems: u32,
    /// Synchronous call chains longer than this many hops are flagged.
    pub max_sync_chain_depth: u32,
}

/// A finding the team has looked at and accepted; it is suppressed while the finding's key
/// still matches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    /// The finding's stable key (`Finding::key` in `analysis`), e.g. `sync-chain:3,5,9`.
    pub finding: String,
    pub reason: String,
}

impl Default for AnalysisSettings {
    fn default() -> Self {
        AnalysisSettings {
            include_risks_in_prompt: true,
            thresholds: Thresholds::default(),
            acknowledgements: Vec::new(),
        }
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            max_direct_connections: 6,
            mesh_density_percent: 60,
            mesh_min_systems: 4,
            max_sync_chain_depth: 3,
        }
    }
}

impl AnalysisSettings {
    /// Default settings are not written, so projects that never touch them keep their bytes.
    pub fn is_default(&self) -> bool {
        *self == AnalysisSettings::default()
    }

    pub fn acknowledgement(&self, finding_key: &str) -> Option<&Acknowledgement> {
        self.acknowledgements
            .iter()
            .find(|a| a.finding == finding_key)
    }
}
