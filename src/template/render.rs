//! Rendering the prompt with minijinja: data in as values, never as template source.

use std::sync::OnceLock;

use minijinja::{Environment, State, UndefinedBehavior, Value};
use serde::Serialize;

use super::context::PromptContext;
use super::schema::{variable, Scope};
use crate::model::{ConnectionId, ItemRef, Project, SystemId};

/// The built-in CM-010 template, part of the build.
pub const BUILTIN_TEMPLATE_NAME: &str = "cm-010.md.j2";
const BUILTIN_TEMPLATE_SOURCE: &str = include_str!("../../assets/templates/cm-010.md.j2");

/// Instruction budget for one render. The built-in template spends roughly a hundred per
/// data flow, so this covers landscapes far beyond 100,000 items while still stopping a
/// template that loops forever within a second or two.
const FUEL: u64 = 100_000_000;

/// A filled-in prompt.
#[derive(Clone, Debug, PartialEq)]
pub struct Prompt {
    pub text: String,
    /// Required values that were empty, in the order they appear in the text.
    pub missing: Vec<MissingValue>,
}

/// A required value that is empty; the prompt shows `⟦missing: <label>⟧` in its place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MissingValue {
    /// The schema key, e.g. `latency_requirements` or `system.purpose`.
    pub key: String,
    pub label: String,
    /// The item whose value is missing.
    pub item: ItemRef,
}

impl MissingValue {
    /// The marker the prompt shows in place of the value.
    pub fn marker(&self) -> String {
        marker(&self.label)
    }
}

fn marker(label: &str) -> String {
    format!("⟦missing: {label}⟧")
}

/// The template itself is broken, or ran out of its instruction budget.
#[derive(Debug, thiserror::Error)]
#[error("the prompt template could not be rendered: {0:#}")]
pub struct RenderError(#[from] minijinja::Error);

/// A compiled prompt template.
pub struct PromptTemplate {
    env: Environment<'static>,
    name: String,
}

impl PromptTemplate {
    /// The built-in CM-010 template, compiled once.
    pub fn builtin() -> &'static PromptTemplate {
        static BUILTIN: OnceLock<PromptTemplate> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            PromptTemplate::new(BUILTIN_TEMPLATE_NAME, BUILTIN_TEMPLATE_SOURCE)
                .expect("the built-in template compiles; a unit test guards this")
        })
    }

    /// Compiles `source`. No loader is set, so a template cannot reach the file system.
    pub fn new(name: &str, source: &str) -> Result<Self, RenderError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        env.set_fuel(Some(FUEL));
        // Prompts are Markdown: escaping HTML would corrupt the user's text.
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .keep_trailing_newline(true)
                .build()?,
        );
        env.add_filter("required", required);
        env.add_filter("or_unspecified", or_unspecified);
        env.add_template_owned(name.to_owned(), source.to_owned())?;
        Ok(PromptTemplate {
            env,
            name: name.to_owned(),
        })
    }

    /// Renders the prompt for `project`. The same project always gives the same bytes.
    pub fn render(&self, project: &Project) -> Result<Prompt, RenderError> {
        let template = self.env.get_template(&self.name)?;
        let context = Value::from(minijinja::value::Serde(PromptContext::new(project)));
        let mut captured = template.render_captured(context)?;
        let missing = captured
            .with_state_mut(|state| state.get_extension_mut::<MissingValues>().map(std::mem::take))
            .unwrap_or_default();
        Ok(Prompt {
            text: captured.into_output(),
            missing: missing.0,
        })
    }
}

/// Renders the built-in CM-010 prompt for `project`.
pub fn render(project: &Project) -> Result<Prompt, RenderError> {
    PromptTemplate::builtin().render(project)
}

#[derive(Default)]
struct MissingValues(Vec<MissingValue>);

fn is_blank(value: &Value) -> bool {
    value.is_undefined()
        || value.is_none()
        || value.as_str().is_some_and(|s| s.trim().is_empty())
        || value.len() == Some(0)
}

/// `{{ value | required("system.purpose", id) }}`: the value, or a visible marker that is
/// also recorded for the missing-values list.
fn required(
    state: &mut State,
    value: &Value,
    key: &str,
    id: Option<u64>,
) -> Result<Value, minijinja::Error> {
    if !is_blank(value) {
        return Ok(value.clone());
    }
    let spec = variable(key).ok_or_else(|| {
        minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("`required` names unknown variable {key:?}"),
        )
    })?;
    let item = match (spec.scope, id) {
        (Scope::System, Some(id)) => ItemRef::System(SystemId(id)),
        (Scope::Connection, Some(id)) => ItemRef::Connection(ConnectionId(id)),
        _ => ItemRef::Project,
    };
    let found = state.get_or_insert_extension_with(MissingValues::default);
    found.0.push(MissingValue {
        key: key.to_owned(),
        label: spec.label.to_owned(),
        item,
    });
    Ok(Value::from(marker(spec.label)))
}

/// `{{ value | or_unspecified }}`: optional attributes still say when nothing is known,
/// which tells the assistant more than a silent gap.
fn or_unspecified(value: &Value) -> Value {
    if is_blank(value) {
        Value::from("not specified")
    } else {
        value.clone()
    }
}
