//! The CM-010 prompt: the variable schema, and rendering the built-in template.

mod context;
mod render;
mod risks;
pub mod schema;

pub use render::{MissingValue, Prompt, PromptTemplate, RenderError, render};
pub use risks::MAX_RISKS_IN_PROMPT;
pub use schema::{
    Scope, VARIABLES, VariableKind, VariableSpec, VariableValue, variable, variables_of,
};
