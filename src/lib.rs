//! Integration Studio: model an integration landscape, check it, and turn it into a complete
//! CM-010 "Integration Pattern Analysis" prompt.
//!
//! Everything in this library but `ui` works without a window; `ui` is the desktop app,
//! compiled only with the `gui` feature (on by default).

pub mod analysis;
pub mod cli;
pub mod edit;
pub mod examples;
pub mod export;
pub mod fields;
pub mod import;
pub mod io;
pub mod item_text;
pub mod layout;
pub mod model;
mod parallel;
pub mod picture;
pub mod prompt_diff;
pub mod session;
pub mod synthetic;
pub mod template;
pub mod tokens;
#[cfg(feature = "gui")]
pub mod ui;
mod words;
