//! Connection labels ("REST · order events", with a padlock on encrypted flows) placed so
//! that none covers another label, a box or a zone's name: each goes to the middle of its
//! line or, if that is taken, a little way along it, shortened to the line's length if
//! need be, or is left out. An encrypted flow whose label is left out still shows its
//! padlock on the line.

use super::font;
use super::route::Route;
use super::style::{LABEL_FONT, LINE_HEIGHT};
use crate::item_text::connection_label;
use crate::model::{Point, Project, Rect, Size};

/// The widest a label gets.
const MAX_WIDTH: f32 = 220.0;
/// Narrower than this a label would say nothing.
const MIN_TEXT_WIDTH: f32 = 24.0;
pub const PADDING: (f32, f32) = (5.0, 2.0);
/// The padlock's room at the start of a label.
pub const LOCK_WIDTH: f32 = LABEL_FONT * 1.2;
/// Where along its line a label may go, in order of preference.
const ALONG: [f32; 5] = [0.5, 0.35, 0.65, 0.2, 0.8];

/// A label in its place.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub plate: Rect,
    pub text: String,
    pub locked: bool,
}

/// Labels for `routes` (by index into `project.connections`), clear of `obstacles`.
pub fn place(project: &Project, routes: &[(usize, Route)], obstacles: &[Rect]) -> Vec<Placed> {
    let mut placed: Vec<Placed> = Vec::new();
    let mut lone_locks = Vec::new();
    for (index, route) in routes {
        let connection = &project.connections[*index];
        let text = connection_label(connection);
        let locked = connection.encrypted;
        if text.is_empty() && !locked {
            continue;
        }
        let free = |plate: &Rect, placed: &[Placed]| {
            !obstacles.iter().any(|o| o.overlaps(plate))
                && !placed.iter().any(|p| p.plate.overlaps(plate))
        };
        let mut found = None;
        for max_width in widths(route) {
            let Some(label) = layout(&text, locked, max_width) else {
                continue;
            };
            found = ALONG
                .iter()
                .map(|&t| plate_at(route, t, label.1))
                .find(|plate| free(plate, &placed))
                .map(|plate| Placed {
                    plate,
                    text: label.0.clone(),
                    locked,
                });
            if found.is_some() {
                break;
            }
        }
        match found {
            Some(label) => placed.push(label),
            None if locked => lone_locks.push(Placed {
                plate: lone_lock_plate(route, |plate| free(plate, &placed)),
                text: String::new(),
                locked: true,
            }),
            None => {}
        }
    }
    placed.extend(lone_locks);
    placed
}

/// The widths to try: the full label, then one the line's own length can carry.
fn widths(route: &Route) -> [f32; 2] {
    [MAX_WIDTH, (route.length() * 0.8).min(MAX_WIDTH)]
}

/// The text, cut to fit, and the plate's size; `None` when it would say nothing.
fn layout(text: &str, locked: bool, max_width: f32) -> Option<(String, Size)> {
    let lock = if locked { LOCK_WIDTH } else { 0.0 };
    let room = max_width - 2.0 * PADDING.0 - lock;
    let fitted = font::fit(text, LABEL_FONT, room);
    if fitted.is_empty() && (!locked || !text.is_empty()) {
        return None;
    }
    if !text.is_empty() && room < MIN_TEXT_WIDTH {
        return None;
    }
    let size = Size {
        width: lock + font::width(&fitted, LABEL_FONT) + 2.0 * PADDING.0,
        height: LABEL_FONT * LINE_HEIGHT + 2.0 * PADDING.1,
    };
    Some((fitted, size))
}

/// Where a padlock without its label goes: the free place nearest the middle of the
/// line, so it covers no box or label; the middle when the line has no free place.
fn lone_lock_plate(route: &Route, free: impl Fn(&Rect) -> bool) -> Rect {
    let size = lock_size();
    (0..=8)
        .flat_map(|step| [0.5 + step as f32 * 0.05, 0.5 - step as f32 * 0.05])
        .map(|t| plate_at(route, t, size))
        .find(|plate| free(plate))
        .unwrap_or_else(|| plate_at(route, 0.5, size))
}

fn lock_size() -> Size {
    Size {
        width: LOCK_WIDTH + 2.0 * PADDING.1,
        height: LABEL_FONT * LINE_HEIGHT + 2.0 * PADDING.1,
    }
}

/// A plate of `size` centred on the route at `t`; a loop's label sits beside the loop.
fn plate_at(route: &Route, t: f32, size: Size) -> Rect {
    let (anchor, _) = route.at(t);
    let centre = match route {
        Route::Line(_) => anchor,
        Route::Loop { .. } => Point::new(anchor.x + size.width / 2.0, anchor.y - size.height / 2.0),
    };
    Rect::from_min_size(
        Point::new(centre.x - size.width / 2.0, centre.y - size.height / 2.0),
        size,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Communication, Connection, ConnectionId, SystemId};

    fn project_with(labels: &[&str]) -> (Project, Vec<(usize, Route)>) {
        let mut project = Project::new("p");
        let mut routes = Vec::new();
        for (i, data) in labels.iter().enumerate() {
            let mut c = Connection::new(ConnectionId(i as u64 + 1), SystemId(1), SystemId(2));
            c.data = (*data).to_owned();
            c.protocol = Some(Communication::Rest);
            project.connections.push(c);
            let line = Route::Line(vec![Point::new(0.0, 0.0), Point::new(600.0, 0.0)]);
            routes.push((i, line));
        }
        (project, routes)
    }

    #[test]
    fn labels_on_one_line_move_along_it_rather_than_overlap() {
        let (project, routes) = project_with(&["orders", "stock", "prices"]);
        let placed = place(&project, &routes, &[]);
        assert_eq!(placed.len(), 3);
        assert_eq!(placed[0].text, "REST · orders");
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.plate.overlaps(&b.plate), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn a_label_with_no_room_is_left_out_but_its_lock_stays() {
        let (mut project, routes) = project_with(&["orders"]);
        project.connections[0].encrypted = true;
        let everywhere = Rect::from_min_max(Point::new(-1e4, -1e4), Point::new(1e4, 1e4));
        let placed = place(&project, &routes, &[everywhere]);
        assert_eq!(placed.len(), 1);
        assert!(placed[0].locked && placed[0].text.is_empty());
        let (project, routes) = project_with(&["orders"]);
        assert!(place(&project, &routes, &[everywhere]).is_empty());
    }

    #[test]
    fn a_lone_lock_keeps_off_the_boxes_its_line_runs_through() {
        let (mut project, routes) = project_with(&["orders"]);
        project.connections[0].encrypted = true;
        // Everything but the last sixth of the line is covered: no room for the label.
        let covered = Rect::from_min_max(Point::new(-10.0, -30.0), Point::new(500.0, 30.0));
        let placed = place(&project, &routes, &[covered]);
        assert_eq!(placed.len(), 1);
        assert!(placed[0].text.is_empty(), "{placed:?}");
        assert!(!placed[0].plate.overlaps(&covered), "{placed:?}");
    }
}
