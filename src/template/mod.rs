//! The CM-010 prompt: its placeholders, and rendering the built-in template.

pub mod budget;
mod condense;
mod context;
mod render;
mod risks;
pub mod schema;

/// The prompt's variables are the model's fields.
pub use crate::fields::{FIELDS as VARIABLES, Scope};
pub use condense::Condensing;
pub use render::{MissingValue, Prompt, PromptTemplate, RenderError, render};
pub use risks::MAX_RISKS_IN_PROMPT;
