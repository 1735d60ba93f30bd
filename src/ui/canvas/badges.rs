//! Finding badges: a dot in the corner of each box, and on each arrow, that the analysis has
//! something to say about, coloured by the worst severity and showing how many findings.

use std::collections::HashMap;

use egui::{Color32, Pos2, Rect, Shape, Stroke, Vec2, pos2};

use super::draw::Drawing;
use super::drawn::DrawnKind;
use super::placement::{ConnectionPath, Placement};
use super::view::Detail;
use crate::analysis::{Report, Severity};
use crate::model::{ConnectionId, ItemRef, Project, SystemId};
use crate::words::count;

/// The worst severity and the number of active findings per item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FindingMarks {
    systems: HashMap<SystemId, Mark>,
    connections: HashMap<ConnectionId, Mark>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub worst: Severity,
    pub count: usize,
}

impl Mark {
    /// "2 findings, the worst a warning".
    pub fn describe(&self) -> String {
        let count = count(self.count, "finding");
        let worst = match self.worst {
            Severity::Error => "an error",
            Severity::Warning => "a warning",
            Severity::Info => "a note",
        };
        format!("{count}, the worst {worst}")
    }

    fn add(mark: &mut Option<Mark>, severity: Severity) {
        *mark = Some(match *mark {
            None => Mark {
                worst: severity,
                count: 1,
            },
            Some(m) => Mark {
                worst: m.worst.max(severity),
                count: m.count + 1,
            },
        });
    }
}

impl FindingMarks {
    pub fn from_report(report: &Report) -> Self {
        let mut systems: HashMap<SystemId, Option<Mark>> = HashMap::new();
        let mut connections: HashMap<ConnectionId, Option<Mark>> = HashMap::new();
        for finding in &report.findings {
            for id in &finding.systems {
                Mark::add(systems.entry(*id).or_default(), finding.severity);
            }
            for id in &finding.connections {
                Mark::add(connections.entry(*id).or_default(), finding.severity);
            }
        }
        FindingMarks {
            systems: systems
                .into_iter()
                .filter_map(|(k, v)| Some((k, v?)))
                .collect(),
            connections: connections
                .into_iter()
                .filter_map(|(k, v)| Some((k, v?)))
                .collect(),
        }
    }

    pub fn system(&self, id: SystemId) -> Option<Mark> {
        self.systems.get(&id).copied()
    }

    pub fn connection(&self, id: ConnectionId) -> Option<Mark> {
        self.connections.get(&id).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.systems.is_empty() && self.connections.is_empty()
    }
}

/// A severity's colour on the canvas, readable on either theme.
pub fn severity_color(severity: Severity, dark: bool) -> Color32 {
    match (severity, dark) {
        (Severity::Error, true) => Color32::from_rgb(240, 90, 80),
        (Severity::Error, false) => Color32::from_rgb(200, 40, 35),
        (Severity::Warning, true) => Color32::from_rgb(240, 175, 50),
        (Severity::Warning, false) => Color32::from_rgb(190, 120, 0),
        (Severity::Info, true) => Color32::from_rgb(110, 170, 240),
        (Severity::Info, false) => Color32::from_rgb(30, 110, 200),
    }
}

/// A badge's radius on screen: a fixed size, so the count stays readable at any zoom.
pub(super) const BADGE_RADIUS: f32 = 8.0;

/// Where along its line a connection's badge may go, best first: about a third of the way,
/// clear of the label in the middle and of the arrow head at the end.
const BADGE_ALONG: [f32; 6] = [0.33, 0.25, 0.42, 0.18, 0.58, 0.12];

/// A badge to paint: where, and what it counts.
pub(super) struct Badge {
    centre: Pos2,
    mark: Mark,
}

impl Drawing<'_> {
    /// Records every visible box, then places a badge in the top-right corner of each box
    /// with findings and on each such line, at the first spot along it that covers no box,
    /// zone name or other badge. Painted last, by [`Self::finding_badges`]; placed first,
    /// so that connection labels keep clear of them.
    pub fn place_badges(
        &mut self,
        project: &Project,
        placement: &Placement,
        marks: &FindingMarks,
    ) -> Vec<Badge> {
        for &i in &placement.visible_systems {
            let rect = self.view.rect_on_screen(placement.system_rects[i]);
            let item = Some(ItemRef::System(project.systems[i].id));
            self.drawn.push(DrawnKind::SystemBox, item, rect);
        }
        let mut badges = Vec::new();
        // Far out, thousands of dots would cost more than the whole overview and say
        // little; the Findings panel and zooming in show them.
        if marks.is_empty() || self.view.detail() == Detail::Overview {
            return badges;
        }
        for &i in &placement.visible_systems {
            let id = project.systems[i].id;
            if let Some(mark) = marks.system(id) {
                let rect = self.view.rect_on_screen(placement.system_rects[i]);
                let centre = system_badge_centre(rect);
                self.drawn.push(
                    DrawnKind::FindingBadge,
                    Some(ItemRef::System(id)),
                    badge_rect(centre),
                );
                badges.push(Badge { centre, mark });
            }
        }
        for placed in &placement.connections {
            let id = project.connections[placed.index].id;
            let Some(mark) = marks.connection(id) else {
                continue;
            };
            let spots: Vec<Pos2> = match placed.path {
                ConnectionPath::Straight { from, to } => BADGE_ALONG
                    .iter()
                    .map(|&t| self.view.screen_from_scene(from.lerp(to, t)))
                    .collect(),
                ConnectionPath::Bent { .. } => BADGE_ALONG
                    .iter()
                    .map(|&t| {
                        self.view
                            .screen_from_scene(placed.path.at(t, &placement.bend_points))
                    })
                    .collect(),
                ConnectionPath::Loop { rect, .. } => {
                    vec![
                        self.view
                            .screen_from_scene(pos2(rect.center().x, rect.min.y)),
                    ]
                }
            };
            let canvas = self.view.rect_on_screen;
            let on_canvas: Vec<Pos2> = spots.into_iter().filter(|p| canvas.contains(*p)).collect();
            let Some(&first) = on_canvas.first() else {
                continue;
            };
            let centre = on_canvas
                .iter()
                .copied()
                .find(|&c| self.drawn.is_free(badge_rect(c)))
                .unwrap_or(first);
            let item = Some(ItemRef::Connection(id));
            self.drawn
                .push(DrawnKind::FindingBadge, item, badge_rect(centre));
            badges.push(Badge { centre, mark });
        }
        badges
    }

    /// Paints the badges [`Self::place_badges`] placed.
    pub fn finding_badges(&mut self, badges: Vec<Badge>) {
        for badge in badges {
            self.finding_badge(badge.centre, badge.mark);
        }
    }

    fn finding_badge(&mut self, centre: Pos2, mark: Mark) {
        let radius = BADGE_RADIUS;
        let color = severity_color(mark.worst, self.palette.dark);
        self.shapes
            .push(Shape::circle_filled(centre, radius, color));
        self.shapes.push(Shape::circle_stroke(
            centre,
            radius,
            Stroke::new(1.5, self.palette.box_fill),
        ));
        let text = if mark.count > 9 {
            "9+".to_owned()
        } else {
            mark.count.to_string()
        };
        let galley = self.galley(&text, radius * 1.15, f32::INFINITY);
        let pos = centre - galley.size() / 2.0;
        self.text_at(pos, galley, Color32::WHITE);
    }
}

/// Where a box's badge goes: inside its top-right corner, a place of its own that the name
/// keeps clear of (see `box_text`), so it covers neither the box's text nor what is
/// around the box (a zone's name, a neighbour).
pub(super) fn system_badge_centre(box_on_screen: Rect) -> Pos2 {
    let inset = (BADGE_RADIUS + 2.0).min(box_on_screen.height() / 2.0);
    box_on_screen.right_top() + egui::vec2(-inset, inset)
}

/// The square a badge centred at `centre` covers on screen.
fn badge_rect(centre: Pos2) -> Rect {
    Rect::from_center_size(centre, Vec2::splat(2.0 * BADGE_RADIUS))
}
