//! Form rows shared by the Variables and Properties forms. Each row shows a label (with
//! its help as a tooltip) and returns the new value only when the user changed it. With
//! several items selected, a row whose values differ says "— mixed —" instead of a value.

use egui::{Align, ComboBox, Id, Response, RichText, TextEdit, Ui};

use crate::fields::Choice;

/// Width of the label column, so fields line up.
const LABEL_WIDTH: f32 = 156.0;
/// A multi-line field grows with its text up to about twelve lines, then scrolls, so one
/// long text cannot push the rest of the form out of reach.
const MULTILINE_MAX_HEIGHT: f32 = 220.0;
/// What a field shows when the selected items' values differ.
pub const MIXED: &str = "— mixed —";
/// Shown for "no value" in a choice.
const NONE: &str = "—";
const OTHER: &str = "Other…";

/// What a row says about its field, apart from the value.
#[derive(Clone, Copy)]
pub struct Row<'a> {
    pub label: &'a str,
    pub help: &'a str,
    /// A required value that is empty: the label is marked.
    pub missing: bool,
    /// The selected items' values differ.
    pub mixed: bool,
}

/// A label in the label column that names its field for screen readers and tests, marks
/// a required value that is empty, and shows `help` on hover.
pub(super) fn row_label(ui: &mut Ui, label: &str, help: &str, missing: bool) -> egui::Response {
    let text = label_text(ui, label, missing);
    let response = ui.add_sized([LABEL_WIDTH, 20.0], egui::Label::new(text).truncate());
    response.on_hover_text(hint(label, help, missing))
}

/// The same label on a line of its own, above a field that takes the panel's width.
fn label_above(ui: &mut Ui, label: &str, help: &str, missing: bool) -> egui::Response {
    let text = label_text(ui, label, missing);
    ui.add(egui::Label::new(text).truncate())
        .on_hover_text(hint(label, help, missing))
}

fn label_text(ui: &Ui, label: &str, missing: bool) -> RichText {
    if missing {
        RichText::new(format!("{label} *")).color(ui.visuals().warn_fg_color)
    } else {
        RichText::new(label)
    }
}

fn hint(label: &str, help: &str, missing: bool) -> String {
    if missing {
        format!("{help}\n\nRequired: the prompt shows ⟦missing: {label}⟧ until it is filled in.")
    } else {
        help.to_owned()
    }
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

/// A one-line text field beside its label; `hint` shows while it is empty.
pub fn text_row(ui: &mut Ui, row: Row, value: &str) -> Option<String> {
    let mut text = value.to_owned();
    let changed = ui
        .horizontal_top(|ui| {
            let label_id = row_label(ui, row.label, row.help, row.missing).id;
            let edit = TextEdit::singleline(&mut text)
                .hint_text(if row.mixed { MIXED } else { "" })
                .desired_width(f32::INFINITY);
            let field = ui.add(edit).labelled_by(label_id);
            focus_if_requested(ui, row.label, &field);
            field.changed()
        })
        .inner;
    changed.then_some(text)
}

/// A text that may run long: its label above, the field the panel's full width below,
/// growing with the text; only a very long one scrolls inside the field.
pub fn multiline_row(ui: &mut Ui, row: Row, value: &str) -> Option<String> {
    let mut text = value.to_owned();
    let label_id = label_above(ui, row.label, row.help, row.missing).id;
    egui::ScrollArea::vertical()
        .id_salt(("multiline", row.label))
        .max_height(MULTILINE_MAX_HEIGHT)
        .show(ui, |ui| {
            let edit = TextEdit::multiline(&mut text)
                .hint_text(if row.mixed { MIXED } else { "" })
                .desired_rows(2)
                .desired_width(f32::INFINITY);
            let field = ui.add(edit).labelled_by(label_id);
            focus_if_requested(ui, row.label, &field);
            field.changed()
        })
        .inner
        .then_some(text)
}

/// One of `options`, "—" for none, or "Other…" with free text.
pub fn choice_row(
    ui: &mut Ui,
    row: Row,
    options: &[&str],
    value: Option<&Choice>,
) -> Option<Option<Choice>> {
    let mut result = None;
    ui.horizontal_top(|ui| {
        let label_id = row_label(ui, row.label, row.help, row.missing).id;
        ui.vertical(|ui| {
            let shown = match value {
                _ if row.mixed => MIXED,
                None => NONE,
                Some(Choice::Other(_)) => OTHER,
                Some(Choice::Known(index)) => options.get(*index).copied().unwrap_or(NONE),
            };
            let is = |wanted: Option<&Choice>| !row.mixed && value == wanted;
            let combo = ComboBox::from_id_salt(("choice", row.label))
                .selected_text(shown)
                .width(ui.available_width())
                // A long value must not widen the panel.
                .truncate()
                .show_ui(ui, |ui| {
                    if ui.selectable_label(is(None), NONE).clicked() {
                        result = Some(None);
                    }
                    for (index, option) in options.iter().enumerate() {
                        let known = Choice::Known(index);
                        if ui.selectable_label(is(Some(&known)), *option).clicked() {
                            result = Some(Some(known));
                        }
                    }
                    let is_other = !row.mixed && matches!(value, Some(Choice::Other(_)));
                    if ui.selectable_label(is_other, OTHER).clicked() && !is_other {
                        result = Some(Some(Choice::Other("Other".to_owned())));
                    }
                });
            let field = combo.response.labelled_by(label_id);
            focus_if_requested(ui, row.label, &field);
            if let Some(Choice::Other(other)) = value.filter(|_| !row.mixed) {
                let mut text = other.clone();
                let edit = TextEdit::singleline(&mut text)
                    .hint_text("Describe it")
                    .desired_width(f32::INFINITY);
                if ui.add(edit).labelled_by(label_id).changed() {
                    result = Some(Some(Choice::Other(text)));
                }
            }
        });
    });
    result
}

/// Any number of `options`, plus free text (comma-separated). With several items, the
/// ones all of them have are ticked and the others field hints that they differ.
pub fn multi_choice_row(
    ui: &mut Ui,
    row: Row,
    options: &[&str],
    values: &[Choice],
) -> Option<Vec<Choice>> {
    let mut result = None;
    let label_id = label_above(ui, row.label, row.help, row.missing).id;
    // Under its label, across the panel's width, so the options wrap inside the panel.
    ui.horizontal_wrapped(|ui| {
        for (index, option) in options.iter().enumerate() {
            let known = Choice::Known(index);
            let mut checked = values.contains(&known);
            if ui.checkbox(&mut checked, *option).changed() {
                let mut next: Vec<Choice> =
                    values.iter().filter(|v| **v != known).cloned().collect();
                if checked {
                    next.push(known);
                }
                result = Some(next);
            }
        }
    });
    let others: Vec<&str> = values
        .iter()
        .filter_map(|v| match v {
            Choice::Other(text) => Some(text.as_str()),
            Choice::Known(_) => None,
        })
        .collect();
    let mut text = others.join(", ");
    let edit = TextEdit::singleline(&mut text)
        .hint_text(if row.mixed {
            MIXED
        } else {
            "Others, comma-separated"
        })
        .desired_width(f32::INFINITY);
    let field = ui.add(edit).labelled_by(label_id);
    focus_if_requested(ui, row.label, &field);
    if field.changed() {
        let mut next: Vec<Choice> = values
            .iter()
            .filter(|v| matches!(v, Choice::Known(_)))
            .cloned()
            .collect();
        next.extend(comma_separated(&text).map(|t| {
            options
                .iter()
                .position(|o| o.eq_ignore_ascii_case(t))
                .map_or_else(|| Choice::Other(t.to_owned()), Choice::Known)
        }));
        result = Some(next);
    }
    result
}

/// The non-blank entries of a comma-separated list, trimmed.
pub fn comma_separated(text: &str) -> impl Iterator<Item = &str> {
    text.split(',').map(str::trim).filter(|t| !t.is_empty())
}

/// A yes-or-no field: the label in the label column, the box where the values go.
pub fn flag_row(ui: &mut Ui, row: Row, value: bool) -> Option<bool> {
    let mut checked = value && !row.mixed;
    ui.horizontal_top(|ui| {
        let label_id = row_label(ui, row.label, row.help, row.missing).id;
        let checkbox = egui::Checkbox::without_text(&mut checked).indeterminate(row.mixed);
        let field = ui.add(checkbox).labelled_by(label_id);
        focus_if_requested(ui, row.label, &field);
        field.changed()
    })
    .inner
    .then_some(checked)
}

/// A percentage field; empty means "not set". Text that is not a number is kept out.
pub fn percent_row(ui: &mut Ui, row: Row, value: Option<f64>) -> Option<Option<f64>> {
    let mut result = None;
    ui.horizontal_top(|ui| {
        let label_id = row_label(ui, row.label, row.help, row.missing).id;
        let id = ui.make_persistent_id(("percent", row.label));
        // The text being typed is kept between frames, so "99." can become "99.95".
        let mut text = ui
            .data(|d| d.get_temp::<String>(id))
            .filter(|t| {
                t.trim().parse::<f64>().ok() == value || (t.trim().is_empty() && value.is_none())
            })
            .unwrap_or_else(|| value.map(|p| p.to_string()).unwrap_or_default());
        let edit = TextEdit::singleline(&mut text)
            .hint_text(if row.mixed { MIXED } else { "e.g. 99.95" })
            .desired_width(80.0);
        let response = ui.add(edit).labelled_by(label_id);
        focus_if_requested(ui, row.label, &response);
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
