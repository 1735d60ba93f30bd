//! Properties of the selection: every field of a system, connection or zone, or, with
//! several systems (or several connections) selected, the fields they share, set on all
//! of them at once. Each change is one edit; typing in one field merges into one undo step.

use egui::Ui;

use super::field_row::{Place, field_row};
use super::widgets::{Row, choice_row, multiline_row, text_row};
use crate::edit::{Change, Coalesce, Edit, set_connections_field, set_systems_field};
use crate::fields::{Choice, ConnectionField, FieldValue, SystemField, is_blank};
use crate::model::{ConnectionId, ItemRef, Project, SystemId, Zone, ZoneKind};
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;
use crate::words::count;

pub fn properties_form(
    ui: &mut Ui,
    project: &Project,
    selection: &Selection,
    intents: &mut Vec<Intent>,
) {
    bring_into_view_when_selected(ui, selection);
    let only_systems = selection.connections.is_empty() && selection.zones.is_empty();
    let only_connections = selection.systems.is_empty() && selection.zones.is_empty();
    if selection.is_empty() {
        ui.weak("Select a system or a connection on the canvas to edit it here.");
    } else if only_systems {
        let ids: Vec<SystemId> = selection.systems.iter().copied().collect();
        systems_form(ui, project, &ids, intents);
    } else if only_connections {
        let ids: Vec<ConnectionId> = selection.connections.iter().copied().collect();
        connections_form(ui, project, &ids, intents);
    } else if let Some(ItemRef::Zone(id)) = selection.single() {
        if let Some(zone) = project.zone(id) {
            zone_form(ui, zone, intents);
        }
    } else {
        let count = selection.systems.len() + selection.connections.len() + selection.zones.len();
        ui.weak(format!(
            "{count} items selected. Select only systems or only connections to edit them \
             together."
        ));
    }
}

/// When the selection changes to something, scrolls the form here: the Variables above
/// can be long, and what was just selected is what the user wants to see.
fn bring_into_view_when_selected(ui: &mut Ui, selection: &Selection) {
    let id = egui::Id::unique("properties of the selection");
    let last = ui.data(|d| d.get_temp::<Selection>(id));
    if last.as_ref() != Some(selection) {
        ui.data_mut(|d| d.insert_temp(id, selection.clone()));
        if !selection.is_empty() && last.is_some() {
            ui.scroll_to_cursor(Some(egui::Align::TOP));
        }
    }
}

fn push(intents: &mut Vec<Intent>, edit: Edit, what: String, coalesce: String) {
    intents.push(Intent::merging(
        edit,
        format!("Edit {what}"),
        Coalesce::Field(coalesce),
    ));
}

/// One system's fields, or the shared fields of several.
fn systems_form(ui: &mut Ui, project: &Project, ids: &[SystemId], intents: &mut Vec<Intent>) {
    let systems: Vec<_> = ids.iter().filter_map(|&id| project.system(id)).collect();
    let [first, ..] = systems.as_slice() else {
        return;
    };
    let several = systems.len() > 1;
    if several {
        ui.heading(format!("{} selected", count(systems.len(), "system")));
    } else {
        ui.heading(format!("System: {}", first.name));
    }
    let place = Place {
        project,
        other_end: None,
    };
    for &field in SystemField::ALL {
        let spec = field.spec();
        if several && !spec.shared {
            continue;
        }
        let shown = FieldValue::common(systems.iter().map(|s| field.get(s)));
        let Some(new) = field_row(ui, place, spec, &shown) else {
            continue;
        };
        let change = Change {
            shown: shown.value(),
            new: &new,
        };
        if let Ok(edit) = set_systems_field(project, ids, field, change) {
            let what = if several {
                count(ids.len(), "system")
            } else {
                "system".into()
            };
            push(intents, edit, what, format!("systems {ids:?} {}", spec.key));
        }
    }
}

/// One connection's fields, or the shared fields of several.
fn connections_form(
    ui: &mut Ui,
    project: &Project,
    ids: &[ConnectionId],
    intents: &mut Vec<Intent>,
) {
    let connections: Vec<_> = ids
        .iter()
        .filter_map(|&id| project.connection(id))
        .collect();
    let [first, ..] = connections.as_slice() else {
        return;
    };
    let several = connections.len() > 1;
    if several {
        ui.heading(format!(
            "{} selected",
            count(connections.len(), "connection")
        ));
    } else {
        // Not the bare "A → B": that is the canvas arrow's accessible name, and must stay unique.
        ui.heading(format!("Connection: {}", project.connection_name(first)));
    }
    for &field in ConnectionField::ALL {
        let spec = field.spec();
        if several && !spec.shared {
            continue;
        }
        let other_end = match field {
            ConnectionField::From => Some(first.to),
            ConnectionField::To => Some(first.from),
            _ => None,
        };
        let shown = FieldValue::common(connections.iter().map(|c| field.get(c)));
        let Some(new) = field_row(ui, Place { project, other_end }, spec, &shown) else {
            continue;
        };
        let change = Change {
            shown: shown.value(),
            new: &new,
        };
        if let Ok(edit) = set_connections_field(project, ids, field, change) {
            let what = if several {
                count(ids.len(), "connection")
            } else {
                "connection".into()
            };
            push(
                intents,
                edit,
                what,
                format!("connections {ids:?} {}", spec.key),
            );
        }
    }
}

/// A zone has no prompt variables: its three fields are written out here.
fn zone_form(ui: &mut Ui, zone: &Zone, intents: &mut Vec<Intent>) {
    ui.heading(format!("Zone: {}", zone.name));
    let mut changed: Option<(Zone, &str)> = None;
    let mut set = |field: &'static str, apply: &dyn Fn(&mut Zone)| {
        let mut next = zone.clone();
        apply(&mut next);
        changed = Some((next, field));
    };
    let row = |label, help, missing| Row {
        label,
        help,
        missing,
        mixed: false,
    };
    let name = row(
        "Name",
        "What the trust boundary is called.",
        is_blank(&zone.name),
    );
    if let Some(v) = text_row(ui, name, &zone.name) {
        set("name", &|z| z.name = v.clone());
    }
    let kind = row("Kind", "What kind of trust boundary it is.", false);
    let current = zone.kind.as_ref().map(Choice::of);
    if let Some(v) = choice_row(ui, kind, ZoneKind::LABELS, current.as_ref()) {
        set("kind", &|z| {
            z.kind = v.as_ref().and_then(Choice::to::<ZoneKind>)
        });
    }
    let notes = row(
        "Notes",
        "Network, hosting and contract facts about the zone.",
        false,
    );
    if let Some(v) = multiline_row(ui, notes, &zone.notes) {
        set("notes", &|z| z.notes = v.clone());
    }
    if let Some((next, field)) = changed {
        let coalesce = format!("zone {:?} {field}", zone.id);
        push(intents, Edit::SetZone(next), "zone".into(), coalesce);
    }
}
