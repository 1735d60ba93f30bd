//! "Changes since last copy": the lines of the prompt added and removed since Copy prompt,
//! by section, and a button that copies them as a message for the assistant.

use egui::{RichText, ScrollArea, Ui};

use crate::prompt_diff::{ChangedLine, PromptChanges, changes};
use crate::session::Session;

/// More lines than this are counted, not drawn: a changed 2 MB prompt can differ in
/// thousands of lines, and the message button copies them all anyway.
const SHOWN_LINES: usize = 400;

/// Whether the changes are on show, and the last diff, kept while the prompt and the copy
/// it is compared with stay the same.
#[derive(Default)]
pub struct ChangesView {
    pub showing: bool,
    cached: Option<Cached>,
}

struct Cached {
    generation: u64,
    copy: u64,
    changes: PromptChanges,
}

/// The "Changes" toggle beside Raw and Rendered; off (and greyed) until the prompt is copied.
pub fn changes_toggle(ui: &mut Ui, session: &Session, view: &mut ChangesView) {
    let copied = session.last_copy().is_some();
    if !copied {
        view.showing = false;
    }
    let toggle = ui
        .add_enabled(copied, egui::Button::selectable(view.showing, "Changes"))
        .on_hover_text("What changed in the prompt since you last copied it")
        .on_disabled_hover_text("Copy the prompt first: then this shows what changes after");
    if toggle.clicked() {
        view.showing = !view.showing;
    }
}

/// The changed lines, by section.
pub fn changes_pane(ui: &mut Ui, session: &Session, view: &mut ChangesView) {
    let (Some(copy), Some(text)) = (session.last_copy(), session.prompt().text()) else {
        return;
    };
    let generation = session.prompt().generation;
    if view
        .cached
        .as_ref()
        .is_none_or(|c| c.generation != generation || c.copy != copy.number)
    {
        view.cached = Some(Cached {
            generation,
            copy: copy.number,
            changes: changes(&copy.text, text),
        });
    }
    let Some(cached) = &view.cached else { return };
    let found = &cached.changes;
    ui.horizontal(|ui| {
        if found.is_empty() {
            ui.label("No changes since the last copy");
            return;
        }
        ui.label(format!(
            "Since the last copy: {} added, {} removed",
            crate::words::count(found.added, "line"),
            crate::words::count(found.removed, "line")
        ));
        if ui
            .button("Copy changes")
            .on_hover_text("Copy the changed lines as a message for the assistant")
            .clicked()
        {
            ui.ctx().copy_text(found.as_message());
        }
    });
    ScrollArea::both().auto_shrink(false).show(ui, |ui| {
        changed_lines(ui, found);
    });
}

fn changed_lines(ui: &mut Ui, found: &PromptChanges) {
    // Green and red that read on both themes' backgrounds.
    let (added, removed) = if ui.visuals().dark_mode {
        (
            egui::Color32::from_rgb(0x6c, 0xd4, 0x8a),
            egui::Color32::from_rgb(0xf0, 0x7a, 0x7a),
        )
    } else {
        (
            egui::Color32::from_rgb(0x1a, 0x7f, 0x37),
            egui::Color32::from_rgb(0xc2, 0x2b, 0x2b),
        )
    };
    let mut shown = 0;
    let total: usize = found.sections.iter().map(|s| s.lines.len()).sum();
    for section in &found.sections {
        ui.label(RichText::new(section.section.label()).strong());
        for line in &section.lines {
            if shown == SHOWN_LINES {
                break;
            }
            let (mark, text, colour) = match line {
                ChangedLine::Added(text) => ("+", text, added),
                ChangedLine::Removed(text) => ("−", text, removed),
            };
            ui.label(
                RichText::new(format!("{mark} {text}"))
                    .monospace()
                    .color(colour),
            );
            shown += 1;
        }
    }
    if total > shown {
        ui.label(
            RichText::new(format!(
                "…and {} more; Copy changes copies them all",
                crate::words::count(total - shown, "changed line")
            ))
            .weak(),
        );
    }
}
