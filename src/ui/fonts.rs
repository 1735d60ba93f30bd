//! Fonts. egui's proportional font lacks arrows and brackets that names and prompts use
//! ("A → B", "⟦missing: …⟧"); its monospace font has them, so it backs the proportional one.

use egui::{FontDefinitions, FontFamily};

pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    let monospace = fonts
        .families
        .get(&FontFamily::Monospace)
        .cloned()
        .unwrap_or_default();
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    for font in monospace {
        if !proportional.contains(&font) {
            proportional.push(font);
        }
    }
    ctx.set_fonts(fonts);
}
