//! What the canvas says about an item: the words on boxes and arrows, in tooltips and to
//! screen readers. Kept apart from painting so the wording is tested and shared.

#[cfg(test)]
use crate::model::System;
use crate::model::{Connection, Project};

pub(super) use crate::item_text::{
    connection_label, first_line, is_dashed, sensitivity_badge, sla,
};

/// How people and screen readers name a connection: "Storefront BFF → Order service".
pub(super) fn connection_name(project: &Project, connection: &Connection) -> String {
    project.connection_name(connection)
}

/// [`connection_name`] with another arrow, for fonts without "→".
pub(super) fn connection_name_with(
    project: &Project,
    connection: &Connection,
    arrow: &str,
) -> String {
    format!(
        "{} {arrow} {}",
        project.system_name(connection.from),
        project.system_name(connection.to)
    )
}

pub(super) const ARROW: &str = "→";

/// The arrow to show on screen: "→" if the fonts can draw it (egui's own proportional font
/// cannot; the app adds a fallback that can), else "->".
pub(super) fn drawable_arrow(ui: &egui::Ui) -> &'static str {
    let font = egui::TextStyle::Body.resolve(ui.style());
    if ui.fonts_mut(|fonts| fonts.has_glyph(&font, '→')) {
        ARROW
    } else {
        "->"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConnectionId, SystemId};

    #[test]
    fn connection_names_survive_dangling_ends() {
        let mut project = Project::new("p");
        project.systems.push(System::new(SystemId(1), "Shop"));
        let c = Connection::new(ConnectionId(3), SystemId(1), SystemId(9));
        assert_eq!(connection_name(&project, &c), "Shop → <unknown system 9>");
    }
}
