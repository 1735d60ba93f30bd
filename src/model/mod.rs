//! The landscape model: plain serde data with no UI in it.

#[macro_use]
mod choice;
mod connection;
mod geometry;
mod ids;
mod item_ref;
mod project;
mod system;
mod zone;

pub use choice::{
    join_labels, Authentication, Communication, DataFormat, Direction, IntegrationType,
    InteractionStyle, Regulation, Resilience, Sensitivity, ZoneKind,
};
pub use connection::{format_latency_ms, Connection};
pub use geometry::{Point, Size};
pub use ids::{ConnectionId, SystemId, ZoneId};
pub use item_ref::ItemRef;
pub use project::{Project, Requirements, CURRENT_FORMAT_VERSION};
pub use system::{Availability, System};
pub use zone::Zone;
