//! Every editable field of the model, named once: the project's variables, a system's and a
//! connection's fields, each with its label, help, kind and whether the prompt requires it,
//! and get / set / is-empty on the model. The forms, the template context and the
//! completeness and readiness checks all go through these enums instead of string keys.
//!
//! This module sits below `analysis` and `template` and above `model` only.

mod connection;
mod project;
mod spec;
mod system;
mod value;

pub use crate::model::is_blank;
pub use connection::ConnectionField;
pub use project::ProjectField;
pub use spec::{FIELDS, Field, FieldKind, FieldSpec, Scope, by_key, fields_of};
pub use system::SystemField;
pub use value::{Choice, Common, FieldError, FieldValue};
