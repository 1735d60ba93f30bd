//! Positions of imported systems: a source's own layout is kept, scaled up when its boxes
//! are too small for our names; a source without one is arranged.

use std::collections::BTreeSet;

use super::report::{LineKind, Report};
use crate::layout::{Options, arrange};
use crate::model::{Point, Project, Size, SystemId};

/// At most this much larger: a diagram of icons should not become a football field.
const LARGEST_SCALE: f32 = 3.0;

/// Scales the source's layout so that a typical box is at least as large as ours, and
/// gives every box at least our default size, so that names fit and nothing overlaps.
pub fn fit_to_our_boxes(project: &mut Project, unplaced: &BTreeSet<SystemId>) {
    let placed = || project.systems.iter().filter(|s| !unplaced.contains(&s.id));
    let mut widths: Vec<f32> = placed().map(|s| s.size.width).collect();
    let mut heights: Vec<f32> = placed().map(|s| s.size.height).collect();
    let (Some(width), Some(height)) = (median(&mut widths), median(&mut heights)) else {
        return;
    };
    let scale = (Size::SYSTEM.width / width.max(1.0))
        .max(Size::SYSTEM.height / height.max(1.0))
        .clamp(1.0, LARGEST_SCALE);
    for connection in &mut project.connections {
        for point in &mut connection.waypoints {
            *point = Point::new((point.x * scale).round(), (point.y * scale).round());
        }
    }
    for system in &mut project.systems {
        if unplaced.contains(&system.id) {
            continue;
        }
        let p = system.position;
        system.position = Point::new((p.x * scale).round(), (p.y * scale).round());
        // Icons are square; scaled alike they would be far taller than a box needs to
        // be for its name, so height grows only up to ours (or the source's own).
        let height = (system.size.height * scale).min(Size::SYSTEM.height.max(system.size.height));
        system.size = Size {
            width: (system.size.width * scale)
                .round()
                .max(Size::SYSTEM.width / 2.0),
            height: height.round().max(Size::SYSTEM.height / 2.0),
        };
    }
}

fn median(values: &mut Vec<f32>) -> Option<f32> {
    values.retain(|v| v.is_finite() && *v > 0.0);
    values.sort_by(f32::total_cmp);
    values.get(values.len() / 2).copied()
}

/// Arranges the whole project when the source had no positions, or only the systems
/// without any when it had some.
pub fn arrange_unplaced(project: &mut Project, unplaced: BTreeSet<SystemId>, report: &mut Report) {
    if unplaced.is_empty() {
        return;
    }
    let had_positions = unplaced.len() < project.systems.len();
    let only = had_positions.then_some(unplaced);
    let options = Options {
        only,
        ..Options::default()
    };
    let arrangement = arrange(project, &options);
    let arranged = arrangement.positions.len();
    if let Some(edit) = arrangement.edit(project)
        && crate::edit::apply(project, edit).is_err()
    {
        // The arrangement only moves systems that exist; if it ever could not be applied
        // the boxes stay where the source put them, which is still a valid project.
        return;
    }
    let message = if had_positions {
        format!(
            "{} had no position in the source and were arranged",
            crate::words::count(arranged, "system")
        )
    } else {
        "the source has no positions: the landscape was arranged automatically".to_owned()
    };
    report.lines.push(super::report::Line {
        kind: LineKind::Note,
        place: None,
        item: None,
        message,
    });
}

/// Moves each box that lies on one listed before it to the nearest free place, so nothing
/// overlaps: sources draw boxes inside boxes (a server in its cluster, an ArchiMate node
/// in a node), which here would hide each other.
pub fn separate_overlaps(
    project: &mut Project,
    unplaced: &BTreeSet<SystemId>,
    report: &mut Report,
) {
    use rstar::primitives::Rectangle;
    use rstar::{RTree, RTreeObject};
    let corners =
        |r: crate::model::Rect| Rectangle::from_corners([r.min.x, r.min.y], [r.max.x, r.max.y]);
    let mut kept = Project {
        systems: Vec::new(),
        connections: Vec::new(),
        ..project.clone()
    };
    let mut tree: RTree<Rectangle<[f32; 2]>> = RTree::new();
    let mut moved = Vec::new();
    for system in project
        .systems
        .iter_mut()
        .filter(|s| !unplaced.contains(&s.id))
    {
        let rect = system.rect();
        let covers = tree
            .locate_in_envelope_intersecting(corners(rect).envelope())
            .next()
            .is_some();
        if covers {
            system.position = crate::edit::nearest_free_position(
                &kept,
                system.position,
                system.size,
                system.zone,
            );
            moved.push(system.id);
        }
        tree.insert(corners(system.rect()));
        kept.systems.push(system.clone());
    }
    let Some(&first) = moved.first() else { return };
    report.lines.push(super::report::Line {
        kind: LineKind::Note,
        place: None,
        item: Some(crate::model::ItemRef::System(first)),
        message: format!(
            "{} lay on other boxes in the source and moved to the nearest free place",
            crate::words::count(moved.len(), "system")
        ),
    });
}
