//! The prompt preview: exactly the text that Copy puts on the clipboard, its size, and the
//! required values still missing (click one to select what it belongs to).

use egui::{RichText, ScrollArea, TextEdit, Ui};

use super::commands::Command;
use super::intent::Intent;
use super::prompt_changes::{ChangesView, changes_pane, changes_toggle};
use super::prompt_stats::{stats_line, tokenizer_choice};
use super::selection::Selection;
use crate::model::{ItemRef, Project};
use crate::session::{RenderedPrompt, Session};
use crate::template::Prompt;

/// What the Rendered view shows, and egui_commonmark's layout cache for it. The cache lives
/// and dies with the text: egui_commonmark keeps block positions to draw only what is in
/// view, and would not notice that the text changed.
pub struct MarkdownView {
    /// The prompt rendering it was made from.
    generation: u64,
    text: String,
    cache: egui_commonmark::CommonMarkCache,
}

/// The prompt as the Rendered view shows it. CommonMark joins consecutive lines into one
/// paragraph, which ran CM-010's "**Field**: value" lines together; a hard break at every
/// line end keeps the lines of the raw prompt. (Trailing spaces in code blocks are invisible.)
fn with_line_breaks_kept(text: &str) -> String {
    text.replace('\n', "  \n")
}

pub fn preview_pane(
    ui: &mut Ui,
    session: &Session,
    markdown: &mut Option<MarkdownView>,
    rendered: &mut bool,
    changes: &mut ChangesView,
    intents: &mut Vec<Intent>,
) {
    let project = session.project();
    let RenderedPrompt {
        prompt,
        stats,
        budget,
        generation,
    } = session.prompt();
    ui.horizontal(|ui| {
        ui.heading("Prompt");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut copy = egui::Button::new("Copy prompt");
            if let Some(shortcut) = Command::CopyPrompt.shortcut_text(ui.ctx()) {
                copy = copy.shortcut_text(shortcut);
            }
            if ui.add_enabled(prompt.is_ok(), copy).clicked() {
                intents.push(Intent::Run(Command::CopyPrompt));
            }
            if ui
                .add_enabled(prompt.is_ok(), egui::Button::new("Save as…"))
                .clicked()
            {
                intents.push(Intent::Run(Command::SavePromptAs));
            }
        });
    });
    // What the prompt is made of: template and budget, then what it is about.
    ui.horizontal(|ui| {
        super::template_choice::template_chooser(ui, project, intents);
        ui.add_space(8.0);
        super::budget_choice::budget_choice(ui, project, intents);
    });
    super::prompt_scope::scope_row(ui, project, session.selection(), intents);
    ui.horizontal(|ui| {
        if ui
            .selectable_value(rendered, false, "Raw")
            .on_hover_text("Exactly the text Copy puts on the clipboard")
            .clicked()
        {
            changes.showing = false;
        }
        if ui
            .selectable_value(rendered, true, "Rendered")
            .on_hover_text("The same prompt shown as Markdown")
            .clicked()
        {
            changes.showing = false;
        }
        changes_toggle(ui, session, changes);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            tokenizer_choice(ui, project, intents);
        });
    });
    stats_line(
        ui,
        stats,
        session.token_count(),
        session.is_counting_tokens(),
    );
    if let Some(note) = budget {
        super::budget_choice::budget_note(ui, note);
    }
    let prompt = match prompt {
        Ok(prompt) => prompt,
        Err(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
            return;
        }
    };
    missing_values(ui, project, prompt, intents);
    ui.separator();
    if changes.showing {
        changes_pane(ui, session, changes);
        return;
    }
    if *rendered {
        if markdown
            .as_ref()
            .is_none_or(|view| view.generation != *generation)
        {
            *markdown = Some(MarkdownView {
                generation: *generation,
                text: with_line_breaks_kept(&prompt.text),
                cache: Default::default(),
            });
        }
        let Some(view) = markdown else {
            return;
        };
        // Only the blocks in view are laid out: a 2 MB prompt would take 300 ms a frame.
        let scrolling = egui_commonmark::CommonMarkScrollOptions::default().viewport_cache(true);
        egui_commonmark::CommonMarkViewer::new().show_scrollable(
            egui::Id::unique("rendered prompt"),
            ui,
            &mut view.cache,
            &scrolling,
            &view.text,
        );
        return;
    }
    ScrollArea::both().auto_shrink(false).show(ui, |ui| {
        // Read-only but selectable: what you see is exactly what Copy copies.
        let mut text = prompt.text.as_str();
        ui.add(
            TextEdit::multiline(&mut text)
                .font(egui::TextStyle::Monospace)
                .desired_width(f32::INFINITY),
        )
        .on_hover_text("The prompt exactly as it will be copied");
    });
}

fn missing_values(ui: &mut Ui, project: &Project, prompt: &Prompt, intents: &mut Vec<Intent>) {
    if prompt.missing.is_empty() {
        ui.label(
            RichText::new("Every required value is filled in").color(ui.visuals().hyperlink_color),
        );
        return;
    }
    let title = match prompt.missing.len() {
        1 => "1 missing value".to_owned(),
        n => format!("{n} missing values"),
    };
    egui::CollapsingHeader::new(RichText::new(title).color(ui.visuals().warn_fg_color))
        .id_salt("missing values")
        .default_open(true)
        .show(ui, |ui| {
            ScrollArea::vertical()
                .max_height(140.0)
                .id_salt("missing list")
                .show(ui, |ui| {
                    for missing in &prompt.missing {
                        let owner = match missing.item {
                            ItemRef::Project => "Variables".to_owned(),
                            ItemRef::System(id) => project.system_name(id),
                            ItemRef::Connection(id) => project
                                .connection(id)
                                .map(|c| project.connection_name(c))
                                .unwrap_or_default(),
                            ItemRef::Zone(id) => {
                                project.zone(id).map(|z| z.name.clone()).unwrap_or_default()
                            }
                        };
                        let text = format!("{} — {owner}", missing.label);
                        if ui
                            .link(text)
                            .on_hover_text("Go to the field for this value")
                            .clicked()
                        {
                            // Like Find: select what the value belongs to and bring it
                            // into view, then focus its field.
                            if missing.item != ItemRef::Project {
                                intents.extend(Intent::show(Selection::only(missing.item)));
                            }
                            intents.push(Intent::FocusField(missing.label.clone()));
                        }
                    }
                });
        });
}
