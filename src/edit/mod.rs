//! Changes to a project. Every change is an [`Edit`]; applying one returns its inverse, which
//! is what undo runs. [`Document`] is the one place that applies edits: it keeps the
//! history and the revision that derived values (the prompt, the checks) are keyed on.

mod apply;
pub mod clipboard;
mod document;
mod fields;
mod free_space;
mod fresh;
mod grouping;
mod history;
mod naming;
mod tidy_zones;

pub use apply::{Edit, EditError, ItemIds, Items, apply};
pub use document::Document;
pub use fields::{Change, set_connections_field, set_project_field, set_systems_field};
pub use free_space::{FREE_MARGIN, Piece, nearest_free_offset, nearest_free_position};
pub use fresh::with_fresh_ids;
pub use grouping::{Grouping, NEW_ZONE_PREFIX, group_into_new_zone};
pub use history::{Coalesce, HISTORY_LIMIT, History, Replayed};
pub use naming::lowest_free_number;
pub use tidy_zones::with_zone_moves;
