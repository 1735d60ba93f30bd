//! The CM-010 prompt: the variable schema, and rendering the built-in template.

mod context;
mod render;
pub mod schema;

pub use render::{render, MissingValue, Prompt, PromptTemplate, RenderError, BUILTIN_TEMPLATE_NAME};
pub use schema::{variable, variables_of, Scope, VariableKind, VariableSpec, VariableValue, VARIABLES};
