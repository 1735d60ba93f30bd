//! How this project's prompt is made: which template, about which part of the landscape,
//! within how many tokens, counted by which tokenizer. Saved in the project so the whole
//! team copies the same prompt.

use serde::{Deserialize, Serialize};

use super::ids::{SystemId, ZoneId};

/// The built-in template a project uses unless it names another.
pub const DEFAULT_TEMPLATE: &str = "cm-010";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PromptSettings {
    /// A built-in template's name (`cm-010`, `integration-pattern-module`) or the name of
    /// one of `templates`.
    pub template: String,
    /// What the prompt is about; empty is the whole landscape.
    pub scope: PromptScope,
    /// The most tokens the prompt may take; over it, the prompt is condensed to fit.
    pub budget: Option<u32>,
    pub tokenizer: Tokenizer,
    /// User templates kept inside the project, so the file stays self-contained.
    pub templates: Vec<EmbeddedTemplate>,
}

/// The systems a prompt is about: those of `zones`, and `systems` with their neighbours up
/// to `hops` data flows away. Both empty means the whole landscape.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PromptScope {
    pub zones: Vec<ZoneId>,
    pub systems: Vec<SystemId>,
    pub hops: u32,
}

/// The byte-pair encodings the app counts exactly, both as OpenAI publishes them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tokenizer {
    /// GPT-4o, GPT-4.1, o-series.
    #[default]
    O200kBase,
    /// GPT-4, GPT-3.5.
    Cl100kBase,
}

/// A minijinja template saved in the project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EmbeddedTemplate {
    pub name: String,
    pub source: String,
}

impl Default for PromptSettings {
    fn default() -> Self {
        PromptSettings {
            template: DEFAULT_TEMPLATE.to_owned(),
            scope: PromptScope::default(),
            budget: None,
            tokenizer: Tokenizer::default(),
            templates: Vec::new(),
        }
    }
}

impl PromptSettings {
    /// Default settings are not written, so projects that never touch them keep their bytes.
    pub fn is_default(&self) -> bool {
        *self == PromptSettings::default()
    }
}

impl PromptScope {
    pub fn is_whole_landscape(&self) -> bool {
        self.zones.is_empty() && self.systems.is_empty()
    }
}
