//! The landscape model: plain serde data with no UI in it.

mod analysis_settings;
#[macro_use]
mod choice;
mod connection;
mod geometry;
mod ids;
mod item_ref;
mod project;
mod prompt_settings;
mod system;
mod zone;

pub use analysis_settings::{Acknowledgement, AnalysisSettings, Thresholds};
pub use choice::{
    Authentication, ChoiceEnum, Communication, DataFormat, Direction, IntegrationType,
    InteractionStyle, Labelled, Regulation, Resilience, Sensitivity, ZoneKind, join_labels,
};
pub use connection::{Connection, format_latency_ms};
pub use geometry::{
    GRID, Point, Rect, Size, ZONE_HEADER, ZONE_PADDING, box_rect, snap, snap_point, zone_rect,
};
pub use ids::{ConnectionId, SystemId, ZoneId};
pub use item_ref::ItemRef;
pub use project::{CURRENT_FORMAT_VERSION, Project, Requirements};
pub use prompt_settings::{
    DEFAULT_TEMPLATE, EmbeddedTemplate, PromptScope, PromptSettings, Tokenizer,
};
pub use system::{Availability, System};
pub use zone::Zone;

/// Text that says nothing: empty, or only spaces and line breaks. The one test of
/// "is this value blank" for the model, the checks, the prompt and the forms.
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}
