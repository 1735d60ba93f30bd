//! Finding badges: a dot in the corner of each box, and on each arrow, that the analysis has
//! something to say about, coloured by the worst severity and showing how many findings.

use std::collections::HashMap;

use egui::{Color32, Pos2, Shape, Stroke, pos2};

use super::draw::Drawing;
use super::placement::{ConnectionPath, Placement};
use super::view::Detail;
use crate::analysis::{Report, Severity};
use crate::model::{ConnectionId, Project, SystemId};
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

impl Drawing<'_> {
    /// A badge on the top-right corner of every visible box and on every visible arrow
    /// with findings.
    pub fn finding_badges(
        &mut self,
        project: &Project,
        placement: &Placement,
        marks: &FindingMarks,
    ) {
        // Far out, thousands of dots would cost more than the whole overview and say
        // little; the Findings panel and zooming in show them.
        if marks.is_empty() || self.view.detail() == Detail::Overview {
            return;
        }
        for &i in &placement.visible_systems {
            if let Some(mark) = marks.system(project.systems[i].id) {
                let corner = self
                    .view
                    .rect_on_screen(placement.system_rects[i])
                    .right_top();
                self.finding_badge(corner, mark);
            }
        }
        for placed in &placement.connections {
            let id = project.connections[placed.index].id;
            let Some(mark) = marks.connection(id) else {
                continue;
            };
            // A third of the way along, so it stays clear of the label in the middle and of
            // the arrow head at the end.
            let at_in_scene = match placed.path {
                ConnectionPath::Loop { rect, .. } => pos2(rect.center().x, rect.min.y),
                path => path.at(1.0 / 3.0, &placement.bend_points),
            };
            let at = self.view.screen_from_scene(at_in_scene);
            if self.view.rect_on_screen.contains(at) {
                self.finding_badge(at, mark);
            }
        }
    }

    fn finding_badge(&mut self, centre: Pos2, mark: Mark) {
        // A fixed size on screen, so the count stays readable at any zoom.
        let radius = 8.0;
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
