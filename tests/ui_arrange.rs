//! Arranging from the app: the Arrange menu, its shortcut, the direction, pins, and
//! arranging the selection, driven through egui_kittest.

mod common;

use std::collections::BTreeMap;

use common::app;
use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use integration_studio::model::{ItemRef, Point, SystemId};
use integration_studio::session::{Intent, Selection};
use integration_studio::ui::StudioApp;

fn positions(harness: &Harness<'static, StudioApp>) -> BTreeMap<SystemId, Point> {
    let project = harness.state().document().project();
    project.systems.iter().map(|s| (s.id, s.position)).collect()
}

fn id_of(harness: &Harness<'static, StudioApp>, name: &str) -> SystemId {
    let project = harness.state().document().project();
    project.systems.iter().find(|s| s.name == name).unwrap().id
}

fn menu(harness: &mut Harness<'static, StudioApp>, item: &str) {
    harness.get_by_label("Arrange").click();
    harness.run();
    // An item with a shortcut is labelled with it too ("Auto-arrange Ctrl+Shift+L").
    match harness.query_by_label(item) {
        Some(node) => node.click(),
        None => harness.get_by_label_contains(&format!("{item} ")).click(),
    }
    harness.run();
}

fn select(harness: &mut Harness<'static, StudioApp>, names: &[&str]) {
    let mut selection = Selection::default();
    for name in names {
        selection.toggle(ItemRef::System(id_of(harness, name)));
    }
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, None, vec![Intent::Select(selection)]);
    harness.run();
}

#[test]
fn the_shortcut_arranges_everything_in_one_undo_step() {
    let mut harness = app();
    let before = positions(&harness);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::L);
    harness.run();
    let after = positions(&harness);
    assert_ne!(after, before);
    harness.get_by_label_contains("Arranged 12 systems");
    assert!(harness.state().document().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        positions(&harness),
        before,
        "one Ctrl+Z puts every box back"
    );
}

#[test]
fn top_to_bottom_is_remembered_and_lays_the_flow_downwards() {
    let mut harness = app();
    menu(&mut harness, "Flow Top to Bottom");
    assert!(harness.state().preferences().flow_down);
    // Between zones the flow runs down (inside one, a zone may be turned to save room).
    let project = harness.state().document().project();
    let between: Vec<(f32, f32)> = project
        .connections
        .iter()
        .filter_map(|c| {
            let (a, b) = (project.system(c.from)?, project.system(c.to)?);
            (a.zone != b.zone).then_some((a.position.y, b.position.y))
        })
        .collect();
    let downwards = between.iter().filter(|(a, b)| b > a).count();
    assert!(
        downwards * 3 >= between.len() * 2,
        "{downwards} of {} flows between zones run down",
        between.len()
    );
    menu(&mut harness, "Flow Left to Right");
    assert!(!harness.state().preferences().flow_down);
}

#[test]
fn a_pinned_system_stays_where_it_is() {
    let mut harness = app();
    select(&mut harness, &["Inventory service"]);
    menu(&mut harness, "Pin");
    let inventory = id_of(&harness, "Inventory service");
    let project = harness.state().document().project();
    assert!(project.system(inventory).unwrap().pinned);
    let before = positions(&harness);
    menu(&mut harness, "Auto-arrange");
    let after = positions(&harness);
    assert_eq!(after[&inventory], before[&inventory]);
    assert_ne!(after, before);
    select(&mut harness, &["Inventory service"]);
    menu(&mut harness, "Unpin");
    let project = harness.state().document().project();
    assert!(!project.system(inventory).unwrap().pinned);
}

#[test]
fn arranging_the_selection_moves_nothing_else() {
    let mut harness = app();
    let chosen = ["Order service", "Inventory service", "Event broker (Kafka)"];
    select(&mut harness, &chosen);
    let before = positions(&harness);
    menu(&mut harness, "Arrange Selection");
    let after = positions(&harness);
    let chosen_ids: Vec<SystemId> = chosen.iter().map(|n| id_of(&harness, n)).collect();
    for (id, at) in &after {
        if !chosen_ids.contains(id) {
            assert_eq!(before[id], *at, "a system that was not selected moved");
        }
    }
    assert_ne!(after, before);
}

#[test]
fn a_large_landscape_arranges_while_the_window_keeps_drawing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let project = integration_studio::synthetic::landscape(400, 800, 3);
    integration_studio::io::save(&project, &path).unwrap();
    let launch = integration_studio::ui::Launch {
        file: Some(path),
        ..Default::default()
    };
    let mut harness = common::app_with(integration_studio::ui::Preferences::default(), launch);
    let before = positions(&harness);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::L);
    // Computed off the UI thread (tests/session.rs checks the route); frames keep coming
    // meanwhile, and the result lands as one step.
    for _ in 0..600 {
        if harness.state().document().is_dirty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    assert_ne!(positions(&harness), before, "the arrangement never arrived");
    assert_eq!(harness.state().document().history().undo_len(), 1);
}
