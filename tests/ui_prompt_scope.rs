//! The Scope row above the prompt preview, driven through egui_kittest on the e-commerce
//! example: a zone chosen in its menu narrows the prompt, and undo brings it back.

mod common;

use common::app;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use integration_studio::model::{ItemRef, PromptScope};
use integration_studio::session::{Intent, Selection};

#[test]
fn a_zone_picked_in_the_scope_menu_narrows_the_prompt_and_undo_restores_it() {
    let mut harness = app();
    let before = harness.state().prompt_text().unwrap().to_owned();
    assert!(!before.contains("**Scope**"));

    harness.get_by_label_contains("Whole landscape").click();
    harness.run();
    harness.get_by_label_contains("Zones…").click();
    harness.run();
    // The canvas names the zone too: the menu's is the checkbox.
    harness
        .get_by_role_and_label(Role::CheckBox, "Payment service provider")
        .click();
    harness.run();

    let scoped = harness.state().prompt_text().unwrap().to_owned();
    assert_ne!(scoped, before);
    assert!(
        scoped.contains("**Scope**: zone Payment service provider — 1 of 12 systems"),
        "{scoped}"
    );
    assert!(scoped.contains("**Outside this scope**"));
    let project = harness.state().document().project();
    assert_eq!(project.prompt.scope.zones.len(), 1);
    assert!(harness.state().document().is_dirty());

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo Prompt scope").click();
    harness.run();
    assert_eq!(harness.state().prompt_text().unwrap(), before);
    assert_eq!(
        harness.state().document().project().prompt.scope,
        PromptScope::default()
    );
}

#[test]
fn use_selection_scopes_the_prompt_to_the_selected_systems_and_hops_widen_it() {
    let mut harness = app();
    let project = harness.state().document().project().clone();
    let order = project
        .systems
        .iter()
        .find(|s| s.name == "Order service")
        .unwrap()
        .id;
    let ctx = harness.ctx.clone();
    let selection = Selection::only(ItemRef::System(order));
    harness
        .state_mut()
        .apply(&ctx, None, vec![Intent::Select(selection)]);
    harness.run();
    harness.get_by_label("Use selection").click();
    harness.run();
    let text = harness.state().prompt_text().unwrap().to_owned();
    assert!(
        text.contains("**Scope**: system Order service — 1 of 12 systems"),
        "{text}"
    );
    harness
        .get_by_role_and_label(Role::SpinButton, "Hops")
        .set_value_accesskit(1.0);
    harness.run();

    let text = harness.state().prompt_text().unwrap().to_owned();
    assert!(
        text.contains("**Scope**: system Order service, plus 1 hop along data flows — 7 of 12"),
        "{text}"
    );
    assert_eq!(harness.state().document().project().prompt.scope.hops, 1);
}
