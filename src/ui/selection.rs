//! The selection lives in the session; the app's widgets name it from here.

pub use crate::session::Selection;
