//! Editing several selected systems (or connections) at once in Properties: the fields
//! they share, "— mixed —" where their values differ, and one undo step for a change.

mod common;

use common::{app, type_into};

use egui::accesskit::{Role, Toggled};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use integration_studio::model::{Communication, Sensitivity, System};
use integration_studio::ui::StudioApp;

const MIXED: &str = "— mixed —";

fn system<'a>(harness: &'a Harness<'static, StudioApp>, name: &str) -> &'a System {
    let project = harness.state().document().project();
    project.systems.iter().find(|s| s.name == name).unwrap()
}

/// Clicks the first item, Ctrl-clicks the others.
fn select(harness: &mut Harness<'static, StudioApp>, names: &[&str]) {
    harness.get_by_label(names[0]).click();
    harness.run();
    for name in &names[1..] {
        harness
            .get_by_label(name)
            .click_modifiers(Modifiers::COMMAND);
        harness.run();
    }
}

fn undo(harness: &mut Harness<'static, StudioApp>) {
    // Out of the text field first, so Ctrl+Z is the project's undo, not the field's.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

/// Picks `option` in the combo box labelled `combo`.
fn choose(harness: &mut Harness<'static, StudioApp>, combo: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run();
    // Other nodes may share the name; the list's option is the one that can be toggled.
    harness
        .get_all_by_label(option)
        .find(|node| node.accesskit_node().toggled().is_some())
        .unwrap_or_else(|| panic!("{option} in the {combo} list"))
        .click();
    harness.run();
}

#[test]
fn two_owners_show_mixed_and_one_typed_owner_sets_both_as_one_undo_step() {
    let mut harness = app();
    let names = ["Storefront BFF", "Order service"];
    select(&mut harness, &names);
    harness.get_by_label("2 systems selected");
    let before: Vec<System> = names.iter().map(|n| system(&harness, n).clone()).collect();
    assert_ne!(before[0].owner_team, before[1].owner_team);

    let owner = harness.get_by_role_and_label(Role::TextInput, "Owner team");
    assert_eq!(owner.accesskit_node().value().as_deref(), Some(""));
    assert_eq!(owner.accesskit_node().placeholder(), Some(MIXED));
    // Only what they share: a name or a purpose is each system's own.
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Purpose")
            .is_none()
    );

    let steps = harness.state().document().history().undo_len();
    type_into(&mut harness, "Owner team", "Platform Engineering");
    for name in names {
        assert_eq!(system(&harness, name).owner_team, "Platform Engineering");
    }
    let owner = harness.get_by_role_and_label(Role::TextInput, "Owner team");
    assert_eq!(
        owner.accesskit_node().value().as_deref(),
        Some("Platform Engineering")
    );
    assert_eq!(harness.state().document().history().undo_len(), steps + 1);

    undo(&mut harness);
    for (name, was) in names.iter().zip(&before) {
        assert_eq!(system(&harness, name), was, "{name}");
    }
}

#[test]
fn a_choice_and_a_zone_that_differ_say_mixed_and_take_one_value_for_all() {
    let mut harness = app();
    let names = ["Order service", "Payment gateway (Adyen)"];
    select(&mut harness, &names);
    for combo in ["Zone", "Data Sensitivity"] {
        let node = harness.get_by_role_and_label(Role::ComboBox, combo);
        assert_eq!(
            node.accesskit_node().value().as_deref(),
            Some(MIXED),
            "{combo}"
        );
    }
    let technology = harness.get_by_role_and_label(Role::TextInput, "Technology");
    assert_eq!(technology.accesskit_node().placeholder(), Some(MIXED));

    choose(&mut harness, "Data Sensitivity", "Internal");
    for name in names {
        assert_eq!(
            system(&harness, name).sensitivity,
            Some(Sensitivity::Internal)
        );
    }
    let combo = harness.get_by_role_and_label(Role::ComboBox, "Data Sensitivity");
    assert_eq!(combo.accesskit_node().value().as_deref(), Some("Internal"));
    // The zones still differ.
    let zone = harness.get_by_role_and_label(Role::ComboBox, "Zone");
    assert_eq!(zone.accesskit_node().value().as_deref(), Some(MIXED));
}

#[test]
fn tags_added_and_removed_for_all_keep_each_systems_own_tags() {
    let mut harness = app();
    let names = ["CRM (Salesforce)", "Data warehouse (Snowflake)"];
    select(&mut harness, &names);
    // "SaaS" is the one tag both have.
    let tags = harness.get_by_role_and_label(Role::TextInput, "Tags");
    assert_eq!(tags.accesskit_node().value().as_deref(), Some("SaaS"));

    type_into(&mut harness, "Tags", ", partner");
    assert_eq!(
        system(&harness, names[0]).tags,
        ["customer service", "SaaS", "partner"]
    );
    assert_eq!(
        system(&harness, names[1]).tags,
        ["analytics", "SaaS", "partner"]
    );

    // Dropping "SaaS" from the shared list drops it from both, and nothing else.
    let tags = harness.get_by_role_and_label(Role::TextInput, "Tags");
    tags.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .type_text("partner");
    harness.run();
    assert_eq!(
        system(&harness, names[0]).tags,
        ["customer service", "partner"]
    );
    assert_eq!(system(&harness, names[1]).tags, ["analytics", "partner"]);
}

#[test]
fn several_connections_share_protocol_and_encryption_and_change_together() {
    let mut harness = app();
    let arrows = [
        "Storefront BFF → Order service",
        "Storefront BFF → Inventory service",
    ];
    select(&mut harness, &arrows);
    harness.get_by_label("2 connections selected");
    let ids: Vec<_> = harness
        .state()
        .selection()
        .connections
        .iter()
        .copied()
        .collect();
    let connections = |harness: &Harness<'static, StudioApp>| {
        let project = harness.state().document().project();
        ids.iter()
            .map(|&id| project.connection(id).cloned().unwrap())
            .collect::<Vec<_>>()
    };
    let before = connections(&harness);
    assert_ne!(before[0].protocol, before[1].protocol);
    let protocol = harness.get_by_role_and_label(Role::ComboBox, "Protocol");
    assert_eq!(protocol.accesskit_node().value().as_deref(), Some(MIXED));
    assert!(
        harness
            .query_by_role_and_label(Role::ComboBox, "From")
            .is_none()
    );

    // Both are encrypted: one click clears it on both.
    let encrypted = harness.get_by_role_and_label(Role::CheckBox, "Encrypted in transit");
    assert_eq!(encrypted.accesskit_node().toggled(), Some(Toggled::True));
    encrypted.click();
    harness.run();
    assert!(connections(&harness).iter().all(|c| !c.encrypted));

    choose(&mut harness, "Protocol", "REST");
    assert!(
        connections(&harness)
            .iter()
            .all(|c| c.protocol == Some(Communication::Rest))
    );
    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(connections(&harness), before);
}

/// The comma that starts the next tag must survive the frame after it is typed, when the
/// tags it spells are still the same as before.
#[test]
fn a_new_tag_typed_key_by_key_is_added() {
    let mut harness = app();
    harness.get_by_label("Order service").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .focus();
    harness.run();
    harness.key_press(Key::End);
    harness.run();
    for piece in [",", " ", "n", "e", "w"] {
        harness
            .get_by_role_and_label(Role::TextInput, "Tags")
            .type_text(piece);
        harness.run();
    }
    assert_eq!(
        system(&harness, "Order service").tags,
        ["core", "orchestrator", "PCI SAQ A-EP", "new"]
    );
}
