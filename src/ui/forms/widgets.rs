//! Form rows shared by the Variables and Properties forms. Each row shows a label (with
//! its help as a tooltip) and returns the new value only when the user changed it.

use egui::{Align, ComboBox, Id, Response, RichText, TextEdit, Ui};

use crate::model::ChoiceEnum;

/// Width of the label column, so fields line up.
const LABEL_WIDTH: f32 = 156.0;
/// Long texts scroll inside their field rather than pushing the rest of the form away.
const MULTILINE_MAX_HEIGHT: f32 = 96.0;

/// A label that names its field for screen readers and tests, marks a required value
/// that is empty, and shows `help` on hover.
pub(super) fn row_label(ui: &mut Ui, label: &str, help: &str, missing: bool) -> egui::Response {
    let text = if missing {
        RichText::new(format!("{label} *")).color(ui.visuals().warn_fg_color)
    } else {
        RichText::new(label)
    };
    let response = ui.add_sized([LABEL_WIDTH, 20.0], egui::Label::new(text).truncate());
    let hint = if missing {
        format!("{help}\n\nRequired: the prompt shows ⟦missing: {label}⟧ until it is filled in.")
    } else {
        help.to_owned()
    };
    response.on_hover_text(hint)
}

/// Where a pending "focus this field" request is kept until its field is drawn.
fn focus_request_id() -> Id {
    Id::unique("form field to focus")
}

/// Asks the form field labelled `label` to take the keyboard focus (and scroll into view)
/// the next time it is drawn: clicking a missing value in the preview goes to its field.
pub fn request_field_focus(ctx: &egui::Context, label: String) {
    ctx.data_mut(|d| d.insert_temp(focus_request_id(), label));
}

/// Gives `field` the focus if it was asked for under `label`.
fn focus_if_requested(ui: &Ui, label: &str, field: &Response) {
    let id = focus_request_id();
    let wanted = ui
        .data(|d| d.get_temp::<String>(id))
        .is_some_and(|l| l == label);
    if wanted {
        ui.data_mut(|d| d.remove::<String>(id));
        field.request_focus();
        field.scroll_to_me(Some(Align::Center));
    }
}

/// A one-line (or, with `multiline`, a few-lines) text field.
pub fn text_row(
    ui: &mut Ui,
    label: &str,
    help: &str,
    value: &str,
    required: bool,
    multiline: bool,
) -> Option<String> {
    let mut text = value.to_owned();
    let changed = ui
        .horizontal_top(|ui| {
            let label_id = row_label(ui, label, help, required && value.trim().is_empty()).id;
            if multiline {
                egui::ScrollArea::vertical()
                    .id_salt(("multiline", label))
                    .max_height(MULTILINE_MAX_HEIGHT)
                    .show(ui, |ui| {
                        let edit = TextEdit::multiline(&mut text)
                            .desired_rows(3)
                            .desired_width(f32::INFINITY);
                        let field = ui.add(edit).labelled_by(label_id);
                        focus_if_requested(ui, label, &field);
                        field.changed()
                    })
                    .inner
            } else {
                let edit = TextEdit::singleline(&mut text).desired_width(f32::INFINITY);
                let field = ui.add(edit).labelled_by(label_id);
                focus_if_requested(ui, label, &field);
                field.changed()
            }
        })
        .inner;
    changed.then_some(text)
}

/// One of the listed values, "—" for none, or "Other…" with free text.
pub fn choice_row<T: ChoiceEnum>(
    ui: &mut Ui,
    label: &str,
    help: &str,
    value: Option<&T>,
    required: bool,
) -> Option<Option<T>> {
    let mut result = None;
    ui.horizontal_top(|ui| {
        let label_id = row_label(ui, label, help, required && value.is_none()).id;
        ui.vertical(|ui| {
            let shown = match value {
                None => "—".to_owned(),
                Some(v) if v.other_text().is_some() => "Other…".to_owned(),
                Some(v) => v.label().to_owned(),
            };
            let combo = ComboBox::from_id_salt(("choice", label))
                .selected_text(shown)
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    if ui.selectable_label(value.is_none(), "—").clicked() {
                        result = Some(None);
                    }
                    for option in T::known() {
                        let selected = value == Some(option);
                        if ui.selectable_label(selected, option.label()).clicked() {
                            result = Some(Some(option.clone()));
                        }
                    }
                    let is_other = value.is_some_and(|v| v.other_text().is_some());
                    if ui.selectable_label(is_other, "Other…").clicked() && !is_other {
                        result = Some(Some(T::other("Other".to_owned())));
                    }
                });
            let field = combo.response.labelled_by(label_id);
            focus_if_requested(ui, label, &field);
            if let Some(other) = value.and_then(|v| v.other_text()) {
                let mut text = other.to_owned();
                let edit = TextEdit::singleline(&mut text)
                    .hint_text("Describe it")
                    .desired_width(f32::INFINITY);
                if ui.add(edit).labelled_by(label_id).changed() {
                    result = Some(Some(T::other(text)));
                }
            }
        });
    });
    result
}

/// Any number of the listed values, plus free text (comma-separated).
pub fn multi_choice_row<T: ChoiceEnum>(
    ui: &mut Ui,
    label: &str,
    help: &str,
    values: &[T],
    required: bool,
) -> Option<Vec<T>> {
    let mut result = None;
    ui.horizontal_top(|ui| {
        let label_id = row_label(ui, label, help, required && values.is_empty()).id;
        ui.vertical(|ui| {
            ui.horizontal_wrapped(|ui| {
                for option in T::known() {
                    let mut checked = values.contains(option);
                    if ui.checkbox(&mut checked, option.label()).changed() {
                        let mut next: Vec<T> =
                            values.iter().filter(|v| *v != option).cloned().collect();
                        if checked {
                            next.push(option.clone());
                        }
                        result = Some(next);
                    }
                }
            });
            let others: Vec<&str> = values.iter().filter_map(|v| v.other_text()).collect();
            let mut text = others.join(", ");
            let edit = TextEdit::singleline(&mut text)
                .hint_text("Others, comma-separated")
                .desired_width(f32::INFINITY);
            let field = ui.add(edit).labelled_by(label_id);
            focus_if_requested(ui, label, &field);
            if field.changed() {
                let mut next: Vec<T> = values
                    .iter()
                    .filter(|v| v.other_text().is_none())
                    .cloned()
                    .collect();
                next.extend(
                    text.split(',')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(|t| T::parse_label(t).unwrap_or_else(|| T::other(t.to_owned()))),
                );
                result = Some(next);
            }
        });
    });
    result
}

/// A percentage field; empty means "not set". Text that is not a number is kept out.
pub fn percent_row(
    ui: &mut Ui,
    label: &str,
    help: &str,
    value: Option<f64>,
    required: bool,
) -> Option<Option<f64>> {
    let mut result = None;
    ui.horizontal_top(|ui| {
        let label_id = row_label(ui, label, help, required && value.is_none()).id;
        let id = ui.make_persistent_id(("percent", label));
        // The text being typed is kept between frames, so "99." can become "99.95".
        let mut text = ui
            .data(|d| d.get_temp::<String>(id))
            .filter(|t| {
                t.trim().parse::<f64>().ok() == value || (t.trim().is_empty() && value.is_none())
            })
            .unwrap_or_else(|| value.map(|p| p.to_string()).unwrap_or_default());
        let edit = TextEdit::singleline(&mut text)
            .hint_text("e.g. 99.95")
            .desired_width(80.0);
        let response = ui.add(edit).labelled_by(label_id);
        focus_if_requested(ui, label, &response);
        ui.label("%");
        if response.changed() {
            let trimmed = text.trim().trim_end_matches('%');
            if trimmed.is_empty() {
                result = Some(None);
            } else if let Ok(number) = trimmed.parse::<f64>() {
                result = Some(Some(number));
            }
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        }
        if let Some(p) = value.filter(|p| !(0.0..=100.0).contains(p)) {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{p}% is outside 0–100"),
            );
        }
    });
    result
}
