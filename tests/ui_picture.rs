//! Pictures from the app: File ▸ Export ▸ Picture (SVG or PNG)…, Edit ▸ Copy as Picture
//! and both in the command palette, driven through egui_kittest (no window, so the path is
//! typed).

mod common;

use common::app;
use egui::OutputCommand;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use integration_studio::session::{FileAction, Intent};
use integration_studio::ui::StudioApp;
use resvg::tiny_skia::Pixmap;

type App = Harness<'static, StudioApp>;

/// Steps frames until the pictures being drawn off the UI thread are done.
fn until_drawn(harness: &mut App) {
    for _ in 0..1_000 {
        harness.step();
        if !harness.state().is_drawing_picture() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        !harness.state().is_drawing_picture(),
        "the picture never came"
    );
    harness.run();
}

/// The picture the app puts on the clipboard once it is drawn: its size in pixels.
fn image_copied(harness: &mut App) -> Option<[usize; 2]> {
    harness.step(); // takes the click and starts drawing
    for _ in 0..1_000 {
        let drawing = harness.state().is_drawing_picture();
        harness.step();
        let copied = harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                OutputCommand::CopyImage(image) => Some(image.size),
                _ => None,
            });
        if copied.is_some() || !drawing {
            return copied;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}

fn export_to(harness: &mut App, path: &std::path::Path) {
    let ctx = harness.ctx.clone();
    let intent = Intent::FileConfirmed(FileAction::ExportPicture(Some(path.to_owned())));
    harness.state_mut().apply(&ctx, None, vec![intent]);
    until_drawn(harness);
}

#[test]
fn file_export_picture_asks_for_a_path_named_after_the_project() {
    let mut harness = app();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Picture (SVG or PNG)…").click();
    harness.run();
    harness.get_by_label("Export picture");
    let field = harness.get_by_role_and_label(Role::TextInput, "Path of the .svg or .png file:");
    let suggested = field.value().unwrap_or_default();
    assert!(suggested.ends_with(".png"), "{suggested}");
}

#[test]
fn the_extension_picks_the_format_and_a_bad_place_is_a_notice_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app();
    let svg = dir.path().join("shop.svg");
    export_to(&mut harness, &svg);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<?xml") && text.contains("Order service"));
    // No extension: a PNG.
    export_to(&mut harness, &dir.path().join("slide"));
    let png = std::fs::read(dir.path().join("slide.png")).unwrap();
    assert!(Pixmap::decode_png(&png).is_ok());

    export_to(&mut harness, &dir.path().join("no such folder/shop.png"));
    harness.get_by_label("The picture could not be exported");
    harness.get_by_label("OK").click();
    harness.run();
    export_to(&mut harness, &dir.path().join("shop.jpg"));
    harness.get_by_label("The picture could not be exported");
    assert!(!dir.path().join("shop.jpg").exists());
}

#[test]
fn edit_copy_as_picture_puts_an_image_on_the_clipboard() {
    let mut harness = app();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Copy as Picture").click();
    let size = image_copied(&mut harness).expect("an image on the clipboard");
    let project = harness.state().document().project().clone();
    let svg = integration_studio::picture::to_svg(&project, &Default::default());
    let width: f32 = svg
        .split(" width=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|w| w.parse().ok())
        .unwrap();
    assert_eq!(size[0], (width * 2.0).ceil() as usize, "at 2×");
    assert!(size[1] > 100);
}

#[test]
fn both_commands_are_in_the_palette() {
    let mut harness = app();
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::P,
    );
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Command")
        .type_text("copy as picture");
    harness.run();
    harness.key_press(egui::Key::Enter);
    until_drawn(&mut harness);
    // The clipboard itself is checked above; here the notice says it ran.
    harness.get_by_label_contains("Copied the landscape as a picture");

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::P,
    );
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Command")
        .type_text("export picture");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Export picture");
}

#[test]
fn a_big_picture_is_drawn_while_the_window_keeps_drawing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let project = integration_studio::synthetic::landscape(150, 450, 2);
    integration_studio::io::save(&project, &path).unwrap();
    let launch = integration_studio::ui::Launch {
        file: Some(path),
        ..Default::default()
    };
    let mut harness = common::app_with(integration_studio::ui::Preferences::default(), launch);
    let png = dir.path().join("big.png");
    let ctx = harness.ctx.clone();
    let intent = Intent::FileConfirmed(FileAction::ExportPicture(Some(png.clone())));
    harness.state_mut().apply(&ctx, None, vec![intent]);
    // The frame that asked for it is over, and the picture is still being drawn.
    assert!(harness.state().is_drawing_picture());
    harness.step();
    harness.get_by_label_contains("Drawing the picture");
    until_drawn(&mut harness);
    harness.get_by_label_contains("Exported the landscape to");
    assert!(Pixmap::decode_png(&std::fs::read(&png).unwrap()).is_ok());
}
