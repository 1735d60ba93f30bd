//! The desktop app: egui code only. Widgets read the model and return [`intent::Intent`]s;
//! the session applies them in one place, [`crate::session::Session::apply`].

pub mod app;
mod budget_choice;
pub mod canvas;
pub mod commands;
mod dialogs;
mod file_dialogs;
mod find;
mod findings;
mod fonts;
mod forms;
mod import_report;
pub mod intent;
mod launch;
mod menu;
mod palette;
mod picker;
mod preview;
mod prompt_changes;
mod prompt_scope;
mod prompt_stats;
mod readiness;
pub mod selection;
mod status_bar;
mod template_choice;
mod toolbar;

pub use app::{Launch, Preferences, StudioApp};
pub use launch::run;
