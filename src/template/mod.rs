//! The prompt: its placeholders, and rendering the built-in templates (CM-010, the
//! default, and the Integration Pattern Module).

pub mod budget;
mod builtin;
mod condense;
mod context;
mod ipm;
mod render;
mod risks;
pub mod schema;
mod scope;

/// The prompt's variables are the model's fields.
pub use crate::fields::{FIELDS as VARIABLES, Scope};
pub use builtin::{BUILTIN_TEMPLATES, INTEGRATION_PATTERN_MODULE, for_project as template_for};
pub use condense::Condensing;
pub use ipm::MAX_FINDINGS_PER_VALIDATION;
pub use render::{MissingValue, Prompt, PromptTemplate, RenderError, render};
pub use risks::MAX_RISKS_IN_PROMPT;
pub use scope::{ContextEntry, ScopeResolution};
