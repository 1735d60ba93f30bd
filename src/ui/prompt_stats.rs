//! The prompt's size above the preview: characters, words, exact tokens with the encoding's
//! name, and a thin bar of the tokens each section takes, labelled for screen readers.

use egui::{Color32, RichText, Role, Sense, Ui, WidgetInfo, vec2};

use super::intent::Intent;
use crate::edit::Edit;
use crate::model::{Project, PromptSettings, Tokenizer};
use crate::session::{PromptStats, TokenCount};
use crate::tokens::tokenizer_name;
use crate::words::thousands;

/// The encoding the count uses, a project setting (saved in its `prompt` block, undoable).
pub fn tokenizer_choice(ui: &mut Ui, project: &Project, intents: &mut Vec<Intent>) {
    let current = project.prompt.tokenizer;
    let mut chosen = current;
    egui::ComboBox::from_id_salt("tokenizer")
        .selected_text(RichText::new(tokenizer_name(current)).small())
        .show_ui(ui, |ui| {
            for tokenizer in [Tokenizer::O200kBase, Tokenizer::Cl100kBase] {
                ui.selectable_value(&mut chosen, tokenizer, tokenizer_name(tokenizer));
            }
        })
        .response
        .on_hover_text("The encoding tokens are counted in: o200k_base (GPT-4o and later) or cl100k_base (GPT-4, GPT-3.5)")
        .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, "Tokenizer"));
    if chosen != current {
        let settings = PromptSettings {
            tokenizer: chosen,
            ..project.prompt.clone()
        };
        intents.push(Intent::edit(
            Edit::SetPromptSettings(Box::new(settings)),
            "Tokenizer",
        ));
    }
}

/// "1,234 characters · 210 words · 305 tokens (o200k_base)". While a count is under way the
/// last one stays, marked as counting.
pub fn stats_line(ui: &mut Ui, stats: &PromptStats, tokens: Option<&TokenCount>, counting: bool) {
    let mut text = format!(
        "{} characters · {} words",
        thousands(stats.characters),
        thousands(stats.words)
    );
    match tokens {
        Some(count) => text.push_str(&format!(
            " · {} tokens ({})",
            thousands(count.total),
            tokenizer_name(count.tokenizer)
        )),
        None => text.push_str(" · counting tokens…"),
    }
    if counting && tokens.is_some() {
        text.push_str(" · counting…");
    }
    ui.label(RichText::new(text).small().weak());
    if let Some(count) = tokens {
        section_bar(ui, count);
    }
}

/// Colours that stay apart in both themes.
const COLOURS: [Color32; 6] = [
    Color32::from_rgb(0x8e, 0x8e, 0x8e),
    Color32::from_rgb(0x4c, 0x8b, 0xf5),
    Color32::from_rgb(0x2e, 0xb8, 0x72),
    Color32::from_rgb(0xe5, 0x48, 0x4d),
    Color32::from_rgb(0xf5, 0xa6, 0x23),
    Color32::from_rgb(0x9b, 0x59, 0xd0),
];

/// The bar, then one line per section under a collapsed header.
fn section_bar(ui: &mut Ui, count: &TokenCount) {
    let sum: usize = count.sections.iter().map(|s| s.tokens).sum();
    if sum == 0 {
        return;
    }
    let described: Vec<String> = count
        .sections
        .iter()
        .map(|s| format!("{} {}", s.section.label(), percent(s.tokens, sum)))
        .collect();
    let label = format!("Tokens by section: {}", described.join(", "));
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), 6.0), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Meter, true, &label));
    let mut left = rect.left();
    for s in &count.sections {
        let width = rect.width() * s.tokens as f32 / sum as f32;
        let part = egui::Rect::from_min_max(
            egui::pos2(left, rect.top()),
            egui::pos2(left + width, rect.bottom()),
        );
        ui.painter()
            .rect_filled(part, 0.0, COLOURS[s.section as usize % COLOURS.len()]);
        left += width;
    }
    response.on_hover_text(described.join(" · "));
    egui::CollapsingHeader::new(RichText::new("Tokens by section").small())
        .id_salt("tokens by section")
        .show(ui, |ui| {
            egui::Grid::new("section tokens").show(ui, |ui| {
                for s in &count.sections {
                    ui.colored_label(COLOURS[s.section as usize % COLOURS.len()], "■");
                    ui.label(RichText::new(s.section.label()).small());
                    ui.label(RichText::new(format!("{} tokens", thousands(s.tokens))).small());
                    ui.label(RichText::new(percent(s.tokens, sum)).small().weak());
                    ui.end_row();
                }
            });
        });
}

fn percent(part: usize, whole: usize) -> String {
    format!("{}%", (part * 100 + whole / 2) / whole.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_and_survive_zero() {
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(2, 3), "67%");
        assert_eq!(percent(0, 0), "0%");
    }
}
