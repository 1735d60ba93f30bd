//! Text exports from the app: File ▸ Export ▸ Mermaid, Graphviz DOT, Markdown Catalogue
//! and Inventory CSV, and Edit ▸ Copy as Mermaid and Copy as Markdown Table, driven
//! through egui_kittest (no window, so paths are typed or confirmed directly).

mod common;

use common::app;
use egui::OutputCommand;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use integration_studio::export::{MarkdownOptions, MermaidOptions, TextFormat};
use integration_studio::session::{FileAction, Intent};
use integration_studio::ui::StudioApp;

type App = Harness<'static, StudioApp>;

fn export_to(harness: &mut App, format: TextFormat, path: &std::path::Path) {
    let ctx = harness.ctx.clone();
    let intent = Intent::FileConfirmed(FileAction::ExportText(format, Some(path.to_owned())));
    harness.state_mut().apply(&ctx, None, vec![intent]);
    harness.run();
}

fn copied_text(harness: &mut App) -> Option<String> {
    harness.step();
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

#[test]
fn each_export_in_the_menu_asks_for_a_path_with_its_extension() {
    for (item, field, extension) in [
        ("Mermaid…", "Path of the Mermaid file (.mmd):", ".mmd"),
        (
            "Graphviz DOT…",
            "Path of the Graphviz DOT file (.gv):",
            ".gv",
        ),
        (
            "Markdown Catalogue…",
            "Path of the Markdown catalogue file (.md):",
            ".md",
        ),
        (
            "Inventory CSV…",
            "Path of the systems .csv file (the connections file is written beside it):",
            "-systems.csv",
        ),
        ("draw.io…", "Path of the draw.io file (.drawio):", ".drawio"),
        (
            "ArchiMate Exchange (XML)…",
            "Path of the ArchiMate exchange file (.xml):",
            ".xml",
        ),
        (
            "C4-PlantUML…",
            "Path of the C4-PlantUML file (.puml):",
            ".puml",
        ),
        (
            "Structurizr DSL…",
            "Path of the Structurizr DSL file (.dsl):",
            ".dsl",
        ),
        ("D2…", "Path of the D2 file (.d2):", ".d2"),
        ("LikeC4…", "Path of the LikeC4 file (.c4):", ".c4"),
    ] {
        let mut harness = app();
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Export").click();
        harness.run();
        harness.get_by_label(item).click();
        harness.run();
        harness.get_by_label("Export the landscape");
        let field = harness.get_by_role_and_label(Role::TextInput, field);
        let suggested = field.value().unwrap_or_default();
        assert!(suggested.ends_with(extension), "{item}: {suggested}");
    }
}

#[test]
fn an_export_writes_what_the_core_gives_and_a_bad_place_is_an_error_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app();
    let project = harness.state().document().project().clone();
    export_to(&mut harness, TextFormat::Dot, &dir.path().join("shop"));
    let dot = std::fs::read_to_string(dir.path().join("shop.gv")).unwrap();
    assert_eq!(dot, integration_studio::export::to_dot(&project));

    export_to(
        &mut harness,
        TextFormat::Csv,
        &dir.path().join("shop-systems.csv"),
    );
    let connections = std::fs::read_to_string(dir.path().join("shop-connections.csv")).unwrap();
    assert_eq!(
        connections,
        integration_studio::export::to_csv(&project).connections
    );

    export_to(
        &mut harness,
        TextFormat::Mermaid,
        &dir.path().join("no such folder/shop.mmd"),
    );
    harness.get_by_label("The Mermaid export could not be written");
    assert!(
        !harness.state().document().is_dirty(),
        "the project is untouched"
    );
}

#[test]
fn copy_as_mermaid_and_as_markdown_table_put_text_on_the_clipboard() {
    let mut harness = app();
    let project = harness.state().document().project().clone();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Copy as Mermaid").click();
    let mermaid = copied_text(&mut harness).expect("text on the clipboard");
    let expected = integration_studio::export::to_mermaid(&project, &MermaidOptions::default())
        .unwrap()
        .to_text();
    assert_eq!(mermaid, expected);
    harness.run();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Copy as Markdown Table").click();
    let tables = copied_text(&mut harness).expect("text on the clipboard");
    let expected =
        integration_studio::export::to_markdown(&project, &MarkdownOptions { diagram: None })
            .unwrap();
    assert_eq!(tables, expected);
    assert!(!tables.contains("```mermaid"));
}
