//! Properties of the selected item: every model field of a system, connection or zone.
//! Each change becomes one whole-record edit; typing in one field merges into one undo step.

use egui::{ComboBox, Ui};

use super::widgets::{choice_row, multi_choice_row, percent_row, row_label, text_row};
use crate::edit::{Coalesce, Edit};
use crate::model::{
    Authentication, Communication, Connection, DataFormat, Direction, InteractionStyle, ItemRef,
    Project, Resilience, Sensitivity, System, SystemId, Zone, ZoneId, ZoneKind,
};
use crate::template::variable;
use crate::ui::intent::Intent;
use crate::ui::selection::Selection;

pub fn properties_form(
    ui: &mut Ui,
    project: &Project,
    selection: &Selection,
    intents: &mut Vec<Intent>,
) {
    match selection.single() {
        Some(ItemRef::System(id)) => {
            if let Some(system) = project.system(id) {
                system_form(ui, project, system, intents);
            }
        }
        Some(ItemRef::Connection(id)) => {
            if let Some(connection) = project.connection(id) {
                connection_form(ui, project, connection, intents);
            }
        }
        Some(ItemRef::Zone(id)) => {
            if let Some(zone) = project.zone(id) {
                zone_form(ui, zone, intents);
            }
        }
        _ if selection.is_empty() => {
            ui.weak("Select a system or a connection on the canvas to edit it here.");
        }
        _ => {
            let count =
                selection.systems.len() + selection.connections.len() + selection.zones.len();
            ui.weak(format!(
                "{count} items selected. Select one to edit its properties."
            ));
        }
    }
}

/// Label and help of a schema variable, so the form says what the prompt says.
fn spec(key: &str, fallback: &'static str) -> (&'static str, &'static str, bool) {
    variable(key).map_or((fallback, "", false), |v| (v.label, v.help, v.required))
}

fn push(intents: &mut Vec<Intent>, edit: Edit, what: &str, field: &str, item: ItemRef) {
    let coalesce = Coalesce::Field(format!("{item:?} {field}"));
    intents.push(Intent::merging(edit, format!("Edit {what}"), coalesce));
}

fn system_form(ui: &mut Ui, project: &Project, system: &System, intents: &mut Vec<Intent>) {
    ui.heading(format!("System: {}", system.name));
    let item = ItemRef::System(system.id);
    let mut changed: Option<(System, &str)> = None;
    let mut set = |field: &'static str, apply: &dyn Fn(&mut System)| {
        let mut next = system.clone();
        apply(&mut next);
        changed = Some((next, field));
    };
    let (label, help, required) = spec("system.name", "Name");
    if let Some(v) = text_row(ui, label, help, &system.name, required, false) {
        set("name", &|s| s.name = v.clone());
    }
    let (label, help, required) = spec("system.purpose", "Purpose");
    if let Some(v) = text_row(ui, label, help, &system.purpose, required, false) {
        set("purpose", &|s| s.purpose = v.clone());
    }
    let (label, help, required) = spec("system.technology", "Technology");
    if let Some(v) = text_row(ui, label, help, &system.technology, required, false) {
        set("technology", &|s| s.technology = v.clone());
    }
    let (label, help, required) = spec("system.data_format", "Data Format");
    if let Some(v) =
        choice_row::<DataFormat>(ui, label, help, system.data_format.as_ref(), required)
    {
        set("data_format", &|s| s.data_format = v.clone());
    }
    let (label, help, required) = spec("system.communication", "Communication");
    if let Some(v) =
        choice_row::<Communication>(ui, label, help, system.communication.as_ref(), required)
    {
        set("communication", &|s| s.communication = v.clone());
    }
    let (label, help, required) = spec("system.availability", "Availability");
    if let Some(v) = percent_row(ui, label, help, system.availability.percent, required) {
        set("availability", &|s| s.availability.percent = v);
    }
    if let Some(v) = text_row(
        ui,
        "SLA note",
        "What the percentage excludes or depends on, e.g. a maintenance window.",
        &system.availability.note,
        false,
        false,
    ) {
        set("availability note", &|s| s.availability.note = v.clone());
    }
    let (label, help, required) = spec("system.sensitivity", "Data Sensitivity");
    if let Some(v) =
        choice_row::<Sensitivity>(ui, label, help, system.sensitivity.as_ref(), required)
    {
        set("sensitivity", &|s| s.sensitivity = v.clone());
    }
    if let Some(v) = text_row(
        ui,
        "Owner team",
        "The team that owns and runs the system.",
        &system.owner_team,
        false,
        false,
    ) {
        set("owner_team", &|s| s.owner_team = v.clone());
    }
    if let Some(v) = zone_row(ui, project, system.zone) {
        set("zone", &|s| s.zone = v);
    }
    let tags = system.tags.join(", ");
    if let Some(v) = text_row(
        ui,
        "Tags",
        "Comma-separated labels, e.g. tier-1, legacy.",
        &tags,
        false,
        false,
    ) {
        let tags: Vec<String> = v
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        set("tags", &|s| s.tags = tags.clone());
    }
    if let Some(v) = text_row(
        ui,
        "Notes",
        "Anything the assistant should know about this system.",
        &system.notes,
        false,
        true,
    ) {
        set("notes", &|s| s.notes = v.clone());
    }
    if let Some((next, field)) = changed {
        push(
            intents,
            Edit::SetSystem(Box::new(next)),
            "system",
            field,
            item,
        );
    }
}

/// The zone a system belongs to, or none.
fn zone_row(ui: &mut Ui, project: &Project, current: Option<ZoneId>) -> Option<Option<ZoneId>> {
    let mut result = None;
    ui.horizontal(|ui| {
        let label = row_label(ui, "Zone", "The trust boundary the system sits in.", false);
        let name = current
            .and_then(|id| project.zone(id))
            .map_or("—".to_owned(), |z| z.name.clone());
        ComboBox::from_id_salt("system zone")
            .selected_text(name)
            .width(ui.available_width())
            // A long name must not widen the panel.
            .truncate()
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), "—").clicked() {
                    result = Some(None);
                }
                for zone in &project.zones {
                    if ui
                        .selectable_label(current == Some(zone.id), &zone.name)
                        .clicked()
                    {
                        result = Some(Some(zone.id));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    result
}

/// One end of a connection: any system but the one at the other end. Re-pointing keeps
/// everything else about the connection, which deleting and redrawing it would lose.
fn system_row(
    ui: &mut Ui,
    project: &Project,
    end: &str,
    help: &str,
    current: SystemId,
    other: SystemId,
) -> Option<SystemId> {
    let mut result = None;
    ui.horizontal(|ui| {
        let label = row_label(ui, end, help, false);
        ComboBox::from_id_salt(("connection end", end))
            .selected_text(project.system_name(current))
            .width(ui.available_width())
            // A long name must not widen the panel.
            .truncate()
            .show_ui(ui, |ui| {
                let mut choices: Vec<_> =
                    project.systems.iter().filter(|s| s.id != other).collect();
                choices.sort_by_cached_key(|s| s.name.to_lowercase());
                for system in choices {
                    if ui
                        .selectable_label(system.id == current, &system.name)
                        .clicked()
                        && system.id != current
                    {
                        result = Some(system.id);
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    result
}

fn connection_form(ui: &mut Ui, project: &Project, c: &Connection, intents: &mut Vec<Intent>) {
    // Not the bare "A → B": that is the canvas arrow's accessible name, and must stay unique.
    ui.heading(format!(
        "Connection: {} → {}",
        project.system_name(c.from),
        project.system_name(c.to)
    ));
    let item = ItemRef::Connection(c.id);
    let mut changed: Option<(Connection, &str)> = None;
    let mut set = |field: &'static str, apply: &dyn Fn(&mut Connection)| {
        let mut next = c.clone();
        apply(&mut next);
        changed = Some((next, field));
    };
    let ends = [
        ("From", "The system that sends or calls.", c.from, c.to),
        ("To", "The system that receives or is called.", c.to, c.from),
    ];
    for (end, help, current, other) in ends {
        if let Some(v) = system_row(ui, project, end, help, current, other) {
            match end {
                "From" => set("from", &|x| x.from = v),
                _ => set("to", &|x| x.to = v),
            }
        }
    }
    let (label, help, required) = spec("connection.data", "Data");
    if let Some(v) = text_row(ui, label, help, &c.data, required, false) {
        set("data", &|x| x.data = v.clone());
    }
    let (label, help, required) = spec("connection.protocol", "Protocol");
    if let Some(v) = choice_row::<Communication>(ui, label, help, c.protocol.as_ref(), required) {
        set("protocol", &|x| x.protocol = v.clone());
    }
    let (label, help, required) = spec("connection.style", "Interaction Style");
    if let Some(v) = choice_row::<InteractionStyle>(ui, label, help, c.style.as_ref(), required) {
        set("style", &|x| x.style = v.clone());
    }
    if let Some(v) = choice_row::<DataFormat>(
        ui,
        "Data Format",
        "The format on the wire.",
        c.data_format.as_ref(),
        false,
    ) {
        set("data_format", &|x| x.data_format = v.clone());
    }
    if let Some(Some(v)) = choice_row::<Direction>(
        ui,
        "Direction",
        "One way, or both ways.",
        Some(&c.direction),
        false,
    ) {
        set("direction", &|x| x.direction = v.clone());
    }
    if let Some(v) = text_row(
        ui,
        "Frequency",
        "How often, e.g. \"on every order\" or \"nightly at 02:00\".",
        &c.frequency,
        false,
        false,
    ) {
        set("frequency", &|x| x.frequency = v.clone());
    }
    if let Some(v) = text_row(
        ui,
        "Volume",
        "How much, e.g. \"~2,000 messages/min at peak\".",
        &c.volume,
        false,
        false,
    ) {
        set("volume", &|x| x.volume = v.clone());
    }
    let latency = c
        .latency_target_ms
        .map(|ms| ms.to_string())
        .unwrap_or_default();
    if let Some(v) = text_row(
        ui,
        "Latency (ms)",
        "The latency target in milliseconds.",
        &latency,
        false,
        false,
    ) {
        let parsed = v.trim().parse::<u64>().ok();
        if v.trim().is_empty() || parsed.is_some() {
            set("latency", &|x| x.latency_target_ms = parsed);
        }
    }
    if let Some(v) = choice_row::<Authentication>(
        ui,
        "Authentication",
        "How the caller proves who it is.",
        c.authentication.as_ref(),
        false,
    ) {
        set("authentication", &|x| x.authentication = v.clone());
    }
    let mut encrypted = c.encrypted;
    if ui
        .checkbox(&mut encrypted, "Encrypted in transit")
        .changed()
    {
        set("encrypted", &|x| x.encrypted = encrypted);
    }
    if let Some(v) = multi_choice_row::<Resilience>(
        ui,
        "Resilience",
        "Measures that keep the flow working when something fails.",
        &c.resilience,
        false,
    ) {
        set("resilience", &|x| x.resilience = v.clone());
    }
    if let Some(v) = text_row(
        ui,
        "Transformation",
        "How data is mapped between the two ends' formats.",
        &c.transformation,
        false,
        false,
    ) {
        set("transformation", &|x| x.transformation = v.clone());
    }
    if let Some(v) = text_row(
        ui,
        "Notes",
        "Anything the assistant should know about this flow.",
        &c.notes,
        false,
        true,
    ) {
        set("notes", &|x| x.notes = v.clone());
    }
    if let Some((next, field)) = changed {
        push(
            intents,
            Edit::SetConnection(Box::new(next)),
            "connection",
            field,
            item,
        );
    }
}

fn zone_form(ui: &mut Ui, zone: &Zone, intents: &mut Vec<Intent>) {
    ui.heading(format!("Zone: {}", zone.name));
    let item = ItemRef::Zone(zone.id);
    let mut changed: Option<(Zone, &str)> = None;
    let mut set = |field: &'static str, apply: &dyn Fn(&mut Zone)| {
        let mut next = zone.clone();
        apply(&mut next);
        changed = Some((next, field));
    };
    if let Some(v) = text_row(
        ui,
        "Name",
        "What the trust boundary is called.",
        &zone.name,
        true,
        false,
    ) {
        set("name", &|z| z.name = v.clone());
    }
    if let Some(v) = choice_row::<ZoneKind>(
        ui,
        "Kind",
        "What kind of trust boundary it is.",
        zone.kind.as_ref(),
        false,
    ) {
        set("kind", &|z| z.kind = v.clone());
    }
    if let Some(v) = text_row(
        ui,
        "Notes",
        "Network, hosting and contract facts about the zone.",
        &zone.notes,
        false,
        true,
    ) {
        set("notes", &|z| z.notes = v.clone());
    }
    if let Some((next, field)) = changed {
        push(intents, Edit::SetZone(next), "zone", field, item);
    }
}
