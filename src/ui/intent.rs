//! Intents are the session's input; the app's widgets name them from here.

pub use crate::session::Intent;
