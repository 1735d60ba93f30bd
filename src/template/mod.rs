//! The CM-010 prompt: its placeholders, and rendering the built-in template.

mod context;
mod render;
mod risks;
pub mod schema;
mod scope;

/// The prompt's variables are the model's fields.
pub use crate::fields::{FIELDS as VARIABLES, Scope};
pub use render::{MissingValue, Prompt, PromptTemplate, RenderError, render};
pub use risks::MAX_RISKS_IN_PROMPT;
pub use scope::{ContextEntry, ScopeResolution};
