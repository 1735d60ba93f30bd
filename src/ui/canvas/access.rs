//! AccessKit nodes for the painted items, so screen readers and tests can find a system by
//! its name and click it. The canvas has one response and no per-item widgets, so these are
//! bare nodes; their bounds are set in screen coordinates by hand, because egui would
//! report them untransformed.

use egui::accesskit::{self, Action, NodeId, Role};
use egui::{Context, Event, Id, Rect};

use super::Canvas;
use super::hit::Hit;
use super::text;
use super::view::View;
use crate::model::{ItemRef, Project};
use crate::ui::selection::Selection;

/// Beyond this many nodes a frame, the tree would cost more than it helps: nobody tabs
/// through ten thousand boxes. Systems come first, then connections.
const MAX_NODES: usize = 5_000;

/// Adds a node per visible system, connection and zone (a zone's node is its name tab, the
/// part that selects and drags it). Returns the item a screen reader (or a test's
/// `click_accesskit`) asked to click.
pub(super) fn expose(
    ctx: &Context,
    base_id: Id,
    project: &Project,
    canvas: &Canvas,
    view: &View,
    selection: &Selection,
) -> Option<Hit> {
    let placement = &canvas.placement;
    let zone_names = &canvas.drawn_labels.zones;
    let marks = &canvas.finding_marks;
    let clicks: Vec<NodeId> = ctx.input(|input| {
        input
            .events
            .iter()
            .filter_map(|event| match event {
                Event::AccessKitActionRequest(request) if request.action == Action::Click => {
                    Some(request.target_node)
                }
                _ => None,
            })
            .collect()
    });
    let mut clicked = None;
    let mut node = |id: Id, label: String, rect_in_scene: Rect, item: ItemRef, hit: Hit| {
        let rect = view.rect_on_screen(rect_in_scene);
        let added = ctx.accesskit_node_builder(id, |node| {
            node.set_role(Role::Button);
            node.set_label(label);
            node.set_bounds(accesskit::Rect {
                x0: rect.min.x.into(),
                y0: rect.min.y.into(),
                x1: rect.max.x.into(),
                y1: rect.max.y.into(),
            });
            node.add_action(Action::Click);
            if selection.contains(item) {
                node.set_selected(true);
            }
            // What the badge shows, for screen readers.
            let mark = match item {
                ItemRef::System(id) => marks.system(id),
                ItemRef::Connection(id) => marks.connection(id),
                ItemRef::Zone(_) | ItemRef::Project => None,
            };
            if let Some(mark) = mark {
                node.set_description(mark.describe());
            }
        });
        if clicks.contains(&id.accesskit_id()) {
            clicked = Some(hit);
        }
        added.is_some()
    };

    let mut budget = MAX_NODES;
    for &i in &placement.visible_systems {
        let system = &project.systems[i];
        let id = base_id.with(("system", system.id.0));
        let rect = placement.system_rects[i];
        let hit = Hit::System(system.id);
        // With AccessKit off (the usual case without a screen reader) egui adds nothing;
        // stop at the first refusal instead of asking for every item.
        if budget == 0
            || !node(
                id,
                system.name.clone(),
                rect,
                ItemRef::System(system.id),
                hit,
            )
        {
            return clicked;
        }
        budget -= 1;
    }
    for placed in &placement.connections {
        let connection = &project.connections[placed.index];
        let id = base_id.with(("connection", connection.id.0));
        let label = text::connection_name(project, connection);
        let item = ItemRef::Connection(connection.id);
        let hit = Hit::Connection(connection.id);
        if budget == 0
            || !node(
                id,
                label,
                placed.path.bounds(&placement.bend_points),
                item,
                hit,
            )
        {
            return clicked;
        }
        budget -= 1;
    }
    for &(zone_id, name_rect) in zone_names {
        let Some(zone) = project.zone(zone_id) else {
            continue;
        };
        let id = base_id.with(("zone", zone_id.0));
        let item = ItemRef::Zone(zone_id);
        if budget == 0 || !node(id, zone.name.clone(), name_rect, item, Hit::Zone(zone_id)) {
            return clicked;
        }
        budget -= 1;
    }
    clicked
}
