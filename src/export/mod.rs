//! The landscape in the text formats architects publish with, each a pure function of a
//! `Project` (and options) to text, egui-free, one file per format: Mermaid (flowchart,
//! or `architecture-beta`), Graphviz DOT, the inventory CSV pair, a Markdown interface
//! catalogue, draw.io, the ArchiMate exchange format, C4-PlantUML, Structurizr DSL, D2 and
//! LikeC4. Every user string is escaped for its format, so no name can break the file
//! (see docs/export.md). `format.rs` lists them for the app's File ▸ Export menu.

pub mod archimate;
pub mod c4_plantuml;
pub mod csv;
pub mod d2;
pub mod dot;
pub mod drawio;
mod format;
pub mod likec4;
pub mod markdown;
pub mod mermaid;
pub mod structurizr;
mod text;

pub use archimate::to_archimate;
pub use c4_plantuml::to_c4_plantuml;
pub use csv::{Inventory, to_csv};
pub use d2::to_d2;
pub use dot::to_dot;
pub use drawio::to_drawio;
pub use format::{TextFormat, Written};
pub use likec4::to_likec4;
pub use markdown::{MarkdownOptions, to_markdown};
pub use mermaid::{Diagram, Limits, Mermaid, MermaidOptions, TooBig, to_architecture, to_mermaid};
pub use structurizr::to_structurizr;

use std::collections::HashMap;

use crate::model::{Connection, Project, System, Zone, ZoneId};

/// The systems of one zone (or of none), by their places in `Project::systems`.
pub(crate) struct Group<'a> {
    /// `None` for the systems in no zone, or in a zone the project does not have.
    pub zone: Option<&'a Zone>,
    pub members: Vec<usize>,
}

/// The project's systems by zone: each zone with members in the zones' order, then the
/// systems in no zone. Linear in the number of systems.
pub(crate) fn groups(project: &Project) -> Vec<Group<'_>> {
    let place: HashMap<ZoneId, usize> = project
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| (z.id, i))
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); project.zones.len() + 1];
    for (i, system) in project.systems.iter().enumerate() {
        let at = system
            .zone
            .and_then(|z| place.get(&z).copied())
            .unwrap_or(project.zones.len());
        members[at].push(i);
    }
    let zones = project.zones.iter().map(Some).chain([None]);
    zones
        .zip(members)
        .filter(|(_, members)| !members.is_empty())
        .map(|(zone, members)| Group { zone, members })
        .collect()
}

/// The connections whose two ends exist, with the ends' places in `systems`. A dangling
/// reference cannot be drawn (a diagram would invent a node for it).
pub(crate) fn drawable(project: &Project) -> Vec<(&Connection, usize, usize)> {
    let index = project.system_indices();
    project
        .connections
        .iter()
        .filter_map(|c| Some((c, *index.get(&c.from)?, *index.get(&c.to)?)))
        .collect()
}

/// The zone's name to show, with a stand-in when it is blank.
pub(crate) fn zone_title(zone: Option<&Zone>) -> &str {
    match zone {
        Some(zone) if !crate::model::is_blank(&zone.name) => &zone.name,
        Some(_) => "(unnamed zone)",
        None => "No zone",
    }
}

/// A system's name to show, with a stand-in when it is blank.
pub(crate) fn system_title(system: &System) -> &str {
    if crate::model::is_blank(&system.name) {
        "(unnamed system)"
    } else {
        &system.name
    }
}

/// `#rrggbbaa`, which Mermaid's styles (CSS) and Graphviz both read.
pub(crate) fn rgba(colour: crate::picture::style::Colour) -> String {
    let alpha = (colour.opacity.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("{}{alpha:02x}", colour.hex())
}
