//! Connection labels: "🔒 REST · order events" on a plate at the middle of the arrow.
//!
//! Labels are drawn at a readable size whatever the zoom, and never over anything else:
//! placed greedily, the selected and hovered ones first, each at the middle of its line or,
//! if that is taken (by a box, a badge, a zone name, the legend or another label), a little
//! way along it. A label with no room for its whole text tries the protocol alone; with no
//! room for that it is left out (the tooltip has the full text), and an encrypted flow then
//! keeps a bare lock on its line.

use std::sync::Arc;

use egui::epaint::RectShape;
use egui::{Galley, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2, vec2};

use super::draw::{Drawing, Emphasis, LOCK};
use super::drawn::DrawnKind;
use super::placement::ConnectionPath;
use super::text;
use crate::model::{Connection, ConnectionId, ItemRef, Project};

/// Label text size in scene units.
const FONT: f32 = 11.0;
/// The widest a label gets, in scene units.
const MAX_WIDTH: f32 = 220.0;
/// Narrower than this (scene units) a label would be only "…".
const MIN_WIDTH: f32 = 34.0;
/// The smallest a label's text is drawn on screen, in points.
const MIN_FONT: f32 = 10.0;
/// Where along its line a label may go, in order of preference.
const ALONG: [f32; 7] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];
/// Where along its line a lone lock may go, in order of preference.
const LOCK_ALONG: [f32; 9] = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
/// Past this many labels on screen the check for overlaps would cost more than the labels
/// are worth: nobody reads four hundred labels at once.
const MAX_LABELS: usize = 400;

/// A laid-out label, not yet placed.
struct Label {
    galley: Option<Arc<Galley>>,
    /// Draw a padlock shape (the fonts lack the emoji).
    padlock: bool,
    font_size: f32,
    padding: Vec2,
    size: Vec2,
}

impl Drawing<'_> {
    /// Places and paints the labels of `labelled` connections (index into
    /// `project.connections`, path, emphasis); records where each went, in scene units.
    pub(super) fn connection_labels(
        &mut self,
        project: &Project,
        mut labelled: Vec<(usize, ConnectionPath, Emphasis)>,
        label_rects: &mut Vec<(ConnectionId, Rect)>,
    ) {
        let font_size = ((self.zoomed(FONT) * 2.0).round() / 2.0).max(MIN_FONT);
        // Emphasised labels claim their place first.
        labelled.sort_by_key(|(_, _, emphasis)| match emphasis {
            Emphasis::Selected => 0,
            Emphasis::Hovered => 1,
            Emphasis::Normal => 2,
        });
        let near_view = self.view.rect_on_screen.expand(MAX_WIDTH);
        let mut placed = 0;
        let mut bare_locks = Vec::new();
        for (index, path, emphasis) in labelled {
            if placed >= MAX_LABELS {
                break;
            }
            if !near_view.contains(self.view.screen_from_scene(path.label_anchor(&[]))) {
                continue;
            }
            let connection = &project.connections[index];
            let item = Some(ItemRef::Connection(connection.id));
            let free = self
                .label_forms(connection, label_room(path), font_size)
                .into_iter()
                .find_map(|label| {
                    let plate = candidate_plates(path, label.size)
                        .map(|plate_in_scene| self.view.rect_on_screen(plate_in_scene))
                        .find(|plate| {
                            // Half a label cut off at the canvas's edge is clutter too.
                            self.view.rect_on_screen.contains_rect(*plate)
                                && self.drawn.is_free(*plate)
                        })?;
                    Some((label, plate))
                });
            match free {
                Some((label, plate)) => {
                    placed += 1;
                    self.drawn.push(DrawnKind::ConnectionLabel, item, plate);
                    self.paint_label(label, plate, emphasis);
                    let plate_in_scene = self.view.to_screen.inverse() * plate;
                    label_rects.push((connection.id, plate_in_scene));
                }
                // After every label has had its chance: a lock is small, a label is news.
                None if connection.encrypted => bare_locks.push((connection.id, path)),
                None => {}
            }
        }
        for (id, path) in bare_locks {
            self.bare_lock(id, path, font_size);
        }
    }

    /// What a connection's label can say, longest first: its whole text, then its
    /// protocol alone; each only if it fits whole within the room its line leaves.
    fn label_forms(&mut self, connection: &Connection, room: f32, font_size: f32) -> Vec<Label> {
        let full = text::connection_label(connection);
        let protocol = connection
            .protocol
            .as_ref()
            .map(|p| p.label().trim().to_owned())
            .unwrap_or_default();
        let mut forms = Vec::new();
        for words in [full.as_str(), protocol.as_str()] {
            let worth_trying = forms.is_empty() || (!words.is_empty() && words != full);
            if worth_trying
                && let Some(label) = self.layout_label(words, connection.encrypted, room, font_size)
                && !label.galley.as_ref().is_some_and(|g| g.elided)
            {
                forms.push(label);
            }
        }
        forms
    }

    /// The lock of an encrypted connection whose label found no room, alone on its line
    /// where it covers nothing.
    fn bare_lock(&mut self, id: ConnectionId, path: ConnectionPath, font_size: f32) {
        let Some(label) = self.layout_label("", true, MAX_WIDTH, font_size) else {
            return;
        };
        let spots: Vec<Pos2> = match path {
            ConnectionPath::Straight { from, to } => {
                LOCK_ALONG.iter().map(|&t| from.lerp(to, t)).collect()
            }
            ConnectionPath::Loop { shape, .. } => vec![shape.at(0.5)],
            // Bent lines come here as their longest straight stretch (see `connections`).
            ConnectionPath::Bent { .. } => Vec::new(),
        };
        let plate = spots
            .into_iter()
            .map(|spot| {
                self.view
                    .rect_on_screen(Rect::from_center_size(spot, label.size))
            })
            .find(|plate| {
                self.view.rect_on_screen.contains_rect(*plate) && self.drawn.is_free(*plate)
            });
        if let Some(plate) = plate {
            self.drawn
                .push(DrawnKind::Lock, Some(ItemRef::Connection(id)), plate);
            self.paint_label(label, plate, Emphasis::Normal);
        }
    }

    /// Lays out a label no wider than `room` scene units. `None` when there is nothing to
    /// say or no room to say it.
    fn layout_label(
        &mut self,
        label: &str,
        locked: bool,
        room: f32,
        font_size: f32,
    ) -> Option<Label> {
        if (label.is_empty() && !locked) || room < MIN_WIDTH {
            return None;
        }
        let padding = vec2(self.zoomed(5.0).max(3.0), self.zoomed(2.0).max(1.0));
        let max_text_width = self.zoomed(room) - 2.0 * padding.x;
        let (text, padlock) = match (locked, self.lock_glyph) {
            (true, true) if label.is_empty() => (LOCK.to_string(), false),
            (true, true) => (format!("{LOCK} {label}"), false),
            (true, false) => (label.to_owned(), true),
            (false, _) => (label.to_owned(), false),
        };
        let padlock_width = if padlock { font_size * 1.2 } else { 0.0 };
        let galley = (!text.is_empty())
            .then(|| self.galley(&text, font_size, max_text_width - padlock_width));
        let text_size = galley.as_ref().map_or(Vec2::ZERO, |g| g.size());
        let content = vec2(
            padlock_width + text_size.x,
            text_size.y.max(font_size * 1.2),
        );
        Some(Label {
            galley,
            padlock,
            font_size,
            padding,
            size: self.view.in_scene(1.0) * (content + 2.0 * padding),
        })
    }

    fn paint_label(&mut self, label: Label, plate: Rect, emphasis: Emphasis) {
        let stroke = match emphasis {
            Emphasis::Selected => Stroke::new(1.0, self.palette.accent),
            Emphasis::Hovered => Stroke::new(1.0, self.palette.hover),
            Emphasis::Normal => Stroke::NONE,
        };
        self.shapes.push(Shape::Rect(RectShape::new(
            plate,
            (plate.height() / 2.0).min(8.0),
            self.palette.label_fill,
            stroke,
            StrokeKind::Inside,
        )));
        let mut left = plate.min.x + label.padding.x;
        if label.padlock {
            let centre = pos2(left + label.font_size * 0.45, plate.center().y);
            self.padlock(centre, label.font_size, self.palette.text);
            left += label.font_size * 1.2;
        }
        if let Some(galley) = label.galley {
            let pos = pos2(left, plate.center().y - galley.size().y / 2.0);
            let color = match emphasis {
                Emphasis::Selected => self.palette.title,
                _ => self.palette.text,
            };
            self.text_at(pos, galley, color);
        }
    }
}

/// How wide (scene units) a label may be before its own end boxes would cover it. A line
/// that climbs more than a label's height leaves its middle clear of both boxes sideways;
/// a flat one has only the gap between them.
fn label_room(path: ConnectionPath) -> f32 {
    match path {
        ConnectionPath::Straight { from, to } => {
            let span = to - from;
            if span.y.abs() >= 28.0 {
                MAX_WIDTH
            } else {
                (span.x.abs() - 10.0).min(MAX_WIDTH)
            }
        }
        ConnectionPath::Loop { .. } => 160.0,
        // Bent lines come here as their longest straight stretch (see `connections`).
        ConnectionPath::Bent { .. } => 0.0,
    }
}

/// Where a label of `size` (scene units) may go, best first.
fn candidate_plates(path: ConnectionPath, size: Vec2) -> impl Iterator<Item = Rect> {
    let anchors: Vec<Pos2> = match path {
        ConnectionPath::Straight { from, to } => ALONG.iter().map(|&t| from.lerp(to, t)).collect(),
        // Beside the loop, up and to the right of the box's corner.
        ConnectionPath::Loop { shape, .. } => vec![shape.at(0.5) + size * vec2(0.5, -0.5)],
        ConnectionPath::Bent { .. } => Vec::new(),
    };
    anchors
        .into_iter()
        .map(move |anchor| Rect::from_center_size(anchor, size))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::canvas::geometry::SelfLoop;

    #[test]
    fn a_flat_line_has_only_the_gap_a_steep_one_has_full_width() {
        let flat = ConnectionPath::Straight {
            from: pos2(200.0, 45.0),
            to: pos2(280.0, 45.0),
        };
        assert_eq!(label_room(flat), 70.0);
        let steep = ConnectionPath::Straight {
            from: pos2(100.0, 90.0),
            to: pos2(100.0, 200.0),
        };
        assert_eq!(label_room(steep), MAX_WIDTH);
        let tiny = ConnectionPath::Straight {
            from: pos2(0.0, 0.0),
            to: pos2(20.0, 0.0),
        };
        assert!(label_room(tiny) < MIN_WIDTH);
    }

    #[test]
    fn candidates_start_at_the_middle_and_stay_on_the_line() {
        let path = ConnectionPath::Straight {
            from: pos2(0.0, 0.0),
            to: pos2(100.0, 0.0),
        };
        let plates: Vec<Rect> = candidate_plates(path, vec2(20.0, 10.0)).collect();
        assert_eq!(plates.len(), ALONG.len());
        assert_eq!(plates[0].center(), pos2(50.0, 0.0));
        assert!(plates.iter().all(|p| p.center().y == 0.0));
        let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(200.0, 90.0));
        let around = ConnectionPath::Loop {
            shape: SelfLoop::around(rect),
            rect,
        };
        let plate = candidate_plates(around, vec2(20.0, 10.0)).next().unwrap();
        assert!(
            !plate.intersects(rect),
            "a loop's label sits outside its box"
        );
    }
}
