//! The Template chooser above the prompt preview, driven through egui_kittest on the
//! e-commerce example: choosing a template changes the preview and is one undo step.

mod common;

use common::app;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use integration_studio::ui::StudioApp;

fn chosen(harness: &Harness<'static, StudioApp>) -> Option<String> {
    let combo = harness.get_by_role_and_label(Role::ComboBox, "Template");
    combo.accesskit_node().value().map(|v| v.to_string())
}

#[test]
fn choosing_the_module_renders_its_phases_and_undo_brings_cm010_back() {
    let mut harness = app();
    let before = harness.state().prompt_text().unwrap().to_owned();
    assert!(before.starts_with("# Integration Pattern Analysis\n"));
    assert_eq!(chosen(&harness).as_deref(), Some("cm-010"));

    harness
        .get_by_role_and_label(Role::ComboBox, "Template")
        .click();
    harness.run();
    // Both built-in templates are offered; the list's options are the ones that toggle.
    let option = |harness: &Harness<'static, StudioApp>, name: &str| {
        harness
            .get_all_by_label(name)
            .any(|node| node.accesskit_node().toggled().is_some())
    };
    assert!(option(&harness, "cm-010"));
    harness
        .get_all_by_label("integration-pattern-module")
        .find(|node| node.accesskit_node().toggled().is_some())
        .expect("the module in the Template list")
        .click();
    harness.run();

    let text = harness.state().prompt_text().unwrap().to_owned();
    assert!(text.starts_with("# Integration Pattern Module\n"), "{text}");
    assert!(text.contains("## Phase 1: `define_integration_requirements`"));
    assert_eq!(
        chosen(&harness).as_deref(),
        Some("integration-pattern-module")
    );
    assert_eq!(
        harness.state().document().project().prompt.template,
        "integration-pattern-module"
    );
    assert!(harness.state().document().is_dirty());

    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label_contains("Undo Prompt template")
        .click();
    harness.run();
    assert_eq!(harness.state().prompt_text().unwrap(), before);
    assert_eq!(chosen(&harness).as_deref(), Some("cm-010"));
    assert!(!harness.state().document().is_dirty());
}
