//! One row for any field, with the widget its kind calls for. The value comes in as what
//! the selected items share, so one row serves one item or many.

use egui::{ComboBox, Ui};

use super::widgets::{
    MIXED, Row, choice_row, comma_separated, flag_row, multi_choice_row, multiline_row,
    percent_row, row_label, text_row,
};
use crate::fields::{Common, FieldKind, FieldSpec, FieldValue};
use crate::model::{Project, SystemId, ZoneId};

/// What a row needs besides its field: the project (for zones and systems to choose from)
/// and, for a connection's end, the system at the other end, which it cannot be.
#[derive(Clone, Copy)]
pub struct Place<'a> {
    pub project: &'a Project,
    pub other_end: Option<SystemId>,
}

/// Shows the field; returns its new value when the user changed it.
pub fn field_row(
    ui: &mut Ui,
    place: Place,
    spec: &FieldSpec,
    shown: &Common,
) -> Option<FieldValue> {
    let (value, mixed) = match shown {
        Common::Same(value) => (Some(value), false),
        Common::Mixed(common) => (common.as_ref(), true),
    };
    let row = Row {
        label: spec.label,
        help: spec.help,
        missing: spec.required && !mixed && value.is_some_and(FieldValue::is_empty),
        mixed,
    };
    let text = || match value {
        Some(FieldValue::Text(t)) => t.as_str(),
        _ => "",
    };
    match spec.kind {
        FieldKind::SingleLine => text_row(ui, row, text()).map(FieldValue::Text),
        FieldKind::MultiLine => multiline_row(ui, row, text()).map(FieldValue::Text),
        FieldKind::Choice { options } => {
            let choice = match value {
                Some(FieldValue::Choice(c)) => c.as_ref(),
                _ => None,
            };
            choice_row(ui, row, options, choice).map(FieldValue::Choice)
        }
        FieldKind::MultiChoice { options } => {
            let list = match value {
                Some(FieldValue::Choices(list)) => list.as_slice(),
                _ => &[],
            };
            multi_choice_row(ui, row, options, list).map(FieldValue::Choices)
        }
        FieldKind::Percent => {
            let percent = match value {
                Some(FieldValue::Percent(p)) => *p,
                _ => None,
            };
            percent_row(ui, row, percent).map(FieldValue::Percent)
        }
        FieldKind::Number => {
            let number = match value {
                Some(FieldValue::Number(n)) => *n,
                _ => None,
            };
            let parse = |t: &str| match t.trim() {
                "" => Some(None),
                t => t.parse::<u64>().ok().map(Some),
            };
            let format = |n: &Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
            parsed_text_row(ui, row, &number, format, parse).map(FieldValue::Number)
        }
        FieldKind::Flag => {
            let on = matches!(value, Some(FieldValue::Flag(true)));
            flag_row(ui, row, on).map(FieldValue::Flag)
        }
        FieldKind::Tags => {
            let tags = match value {
                Some(FieldValue::Tags(tags)) => tags.clone(),
                _ => Vec::new(),
            };
            let parse = |t: &str| Some(comma_separated(t).map(str::to_owned).collect());
            parsed_text_row(ui, row, &tags, |tags| tags.join(", "), parse).map(FieldValue::Tags)
        }
        FieldKind::Zone => {
            let zone = match value {
                Some(FieldValue::Zone(z)) => *z,
                _ => None,
            };
            zone_row(ui, place.project, row, zone).map(FieldValue::Zone)
        }
        FieldKind::System => {
            let Some(&FieldValue::System(current)) = value else {
                return None;
            };
            system_row(ui, place, row, current).map(FieldValue::System)
        }
    }
}

/// A text field for a value that is not text (a number, a list). What the user types is
/// kept while it means the value the model has, so the comma that starts the next tag
/// or a half-typed number is not replaced by the value written out again. Text that
/// means nothing (not a number) changes nothing.
fn parsed_text_row<T: PartialEq>(
    ui: &mut Ui,
    row: Row,
    value: &T,
    format: impl Fn(&T) -> String,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let id = ui.make_persistent_id(("typed", row.label));
    let text = ui
        .data(|d| d.get_temp::<String>(id))
        .filter(|typed| parse(typed).as_ref() == Some(value))
        .unwrap_or_else(|| format(value));
    let typed = text_row(ui, row, &text)?;
    ui.data_mut(|d| d.insert_temp(id, typed.clone()));
    parse(&typed).filter(|parsed| parsed != value)
}

/// The zone a system belongs to, or none.
fn zone_row(
    ui: &mut Ui,
    project: &Project,
    row: Row,
    current: Option<ZoneId>,
) -> Option<Option<ZoneId>> {
    let mut result = None;
    ui.horizontal(|ui| {
        let label = row_label(ui, row.label, row.help, false);
        let name = match current.and_then(|id| project.zone(id)) {
            _ if row.mixed => MIXED.to_owned(),
            Some(zone) => zone.name.clone(),
            None => "—".to_owned(),
        };
        let is = |zone: Option<ZoneId>| !row.mixed && current == zone;
        ComboBox::from_id_salt("system zone")
            .selected_text(name)
            .width(ui.available_width())
            // A long name must not widen the panel.
            .truncate()
            .show_ui(ui, |ui| {
                if ui.selectable_label(is(None), "—").clicked() {
                    result = Some(None);
                }
                for zone in &project.zones {
                    if ui.selectable_label(is(Some(zone.id)), &zone.name).clicked() {
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
fn system_row(ui: &mut Ui, place: Place, row: Row, current: SystemId) -> Option<SystemId> {
    let project = place.project;
    let mut result = None;
    ui.horizontal(|ui| {
        let label = row_label(ui, row.label, row.help, false);
        ComboBox::from_id_salt(("connection end", row.label))
            .selected_text(project.system_name(current))
            .width(ui.available_width())
            // A long name must not widen the panel.
            .truncate()
            .show_ui(ui, |ui| {
                let mut choices: Vec<_> = project
                    .systems
                    .iter()
                    .filter(|s| Some(s.id) != place.other_end)
                    .collect();
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
