//! File ▸ Import… (a foreign file as a new, unsaved project) and File ▸ Import into This
//! Project… (its items added as one undo step, matched to existing items by name). The
//! report shows in a dialog; when the source cannot be read the open project is untouched.

use std::path::Path;

use super::Session;
use super::dialog::{Dialog, ListedProblem};
use super::effect::Effect;
use super::selection::Selection;
use crate::edit::Document;
use crate::import::{Options, Report, import_file, merge};
use crate::model::ItemRef;

impl Session {
    pub(super) fn import_new(&mut self, path: &Path, effects: &mut Vec<Effect>) {
        match import_file(path, &Options::default()) {
            Ok(imported) => {
                self.replace_document(Document::unsaved(imported.project), effects);
                effects.push(Effect::FitView);
                effects.push(Effect::Notice(imported.report.summary()));
                effects.push(Effect::Dialog(report_dialog(&imported.report)));
            }
            Err(error) => effects.push(import_error(&error)),
        }
    }

    pub(super) fn import_into(&mut self, path: &Path, effects: &mut Vec<Effect>) {
        let imported = match import_file(path, &Options::default()) {
            Ok(imported) => imported,
            Err(error) => return effects.push(import_error(&error)),
        };
        let merged = merge(self.document.project(), imported.project, imported.report);
        let nothing_new = merged.items.systems.is_empty()
            && merged.items.connections.is_empty()
            && merged.items.zones.is_empty();
        if nothing_new {
            // Everything was already here: no undo step that changes nothing.
            effects.push(Effect::Notice(format!(
                "Nothing new in {}: every item is already in the project",
                file_name(path)
            )));
            effects.push(Effect::Dialog(report_dialog(&merged.report)));
            return;
        }
        let label = format!("Import {}", file_name(path));
        match self.document.add(merged.items, &label) {
            Ok(ids) => {
                effects.push(Effect::Frame(ids.systems.clone()));
                self.selection = Selection {
                    zones: Default::default(),
                    ..Selection::from(ids)
                };
                effects.push(Effect::Notice(merged.report.summary()));
                effects.push(Effect::Dialog(report_dialog(&merged.report)));
            }
            Err(error) => effects.push(Effect::Dialog(Dialog::Error {
                title: "The import could not be added".into(),
                detail: format!("{error}\n\nThe project is unchanged."),
            })),
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn import_error(error: &crate::import::ImportError) -> Effect {
    Effect::Dialog(Dialog::Error {
        title: "The file could not be imported".into(),
        detail: format!(
            "{}\n\nThe project you had open is unchanged.",
            error.report()
        ),
    })
}

/// The report as a dialog: the summary, then each line with its place and, where it is
/// about an imported item, a way to show it.
pub fn report_dialog(report: &Report) -> Dialog {
    Dialog::ImportReport {
        title: report.summary(),
        lines: report
            .lines
            .iter()
            .map(|line| ListedProblem {
                place: line.place.as_ref().map_or_else(String::new, |p| {
                    let file = p
                        .file
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    format!("{file}:{}:{}", p.line, p.column)
                }),
                message: format!("{}: {}", line.kind.label(), line.message),
                subject: line.item.unwrap_or(ItemRef::Project),
            })
            .collect(),
        text: report.text(),
    }
}
