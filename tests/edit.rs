//! Edits, undo and redo on a real project.

use integration_studio::edit::{Coalesce, Document, Edit, HISTORY_LIMIT, ItemIds, Items};
use integration_studio::examples::find;
use integration_studio::io::to_ron_string;
use integration_studio::model::{Point, Project, System};

fn shop() -> Project {
    find("ecommerce").unwrap().project().unwrap()
}

fn text(project: &Project) -> String {
    to_ron_string(project).unwrap()
}

#[test]
fn deleting_a_system_takes_its_connections_and_undo_restores_the_exact_file() {
    let mut doc = Document::new(shop());
    let before = text(doc.project());
    let order_service = doc
        .project()
        .systems
        .iter()
        .find(|s| s.name == "Order service")
        .unwrap()
        .id;
    let attached = doc
        .project()
        .connections
        .iter()
        .filter(|c| c.from == order_service || c.to == order_service)
        .count();
    assert!(attached >= 2);
    let ids = ItemIds {
        systems: vec![order_service],
        ..ItemIds::default()
    };
    let delete = Edit::delete(doc.project(), &ids);
    let connections_before = doc.project().connections.len();
    doc.apply(delete, "Delete", None).unwrap();
    assert!(doc.project().system(order_service).is_none());
    assert_eq!(
        doc.project().connections.len(),
        connections_before - attached
    );
    assert!(integration_studio::io::validate(doc.project(), None).is_empty());

    assert_eq!(doc.undo().as_deref(), Some("Delete"));
    assert_eq!(text(doc.project()), before);
    doc.redo();
    assert!(doc.project().system(order_service).is_none());
}

#[test]
fn deleting_a_zone_keeps_its_systems_outside_any_zone() {
    let mut doc = Document::new(shop());
    let zone = doc.project().zones[0].id;
    let members = doc
        .project()
        .systems
        .iter()
        .filter(|s| s.zone == Some(zone))
        .count();
    let delete = Edit::delete(
        doc.project(),
        &ItemIds {
            zones: vec![zone],
            ..ItemIds::default()
        },
    );
    doc.apply(delete, "Delete zone", None).unwrap();
    assert_eq!(
        doc.project()
            .systems
            .iter()
            .filter(|s| s.zone.is_none())
            .count(),
        members
    );
    assert!(integration_studio::io::validate(doc.project(), None).is_empty());
    doc.undo();
    assert_eq!(text(doc.project()), text(&shop()));
}

#[test]
fn a_whole_drag_is_one_undo_step() {
    let mut doc = Document::new(shop());
    let id = doc.project().systems[0].id;
    let start = doc.project().systems[0].position;
    for step in 1..=30 {
        let to = Point::new(start.x + step as f32, start.y);
        doc.apply(
            Edit::MoveSystems(vec![(id, to)]),
            "Move",
            Some(Coalesce::Drag(1)),
        )
        .unwrap();
    }
    doc.seal();
    assert_eq!(doc.project().systems[0].position.x, start.x + 30.0);
    assert_eq!(doc.history().undo_len(), 1);
    // Moving is layout only: the prompt's revision stays where it was.
    assert_eq!(doc.content_revision(), 0);
    assert!(doc.revision() > 0);
    doc.undo();
    assert_eq!(doc.project().systems[0].position, start);
    doc.redo();
    assert_eq!(doc.project().systems[0].position.x, start.x + 30.0);
}

#[test]
fn a_cancelled_drag_leaves_no_trace() {
    let mut doc = Document::opened(shop(), "shop.ron".into());
    doc.apply(Edit::SetName("renamed".into()), "Rename", None)
        .unwrap();
    doc.mark_saved("shop.ron".into());
    let before = text(doc.project());
    let (undo_before, revision_before) = (doc.history().undo_len(), doc.revision());
    let id = doc.project().systems[0].id;
    let start = doc.project().systems[0].position;
    for step in 1..=5 {
        let to = Point::new(start.x + step as f32, start.y);
        let edit = Edit::MoveSystems(vec![(id, to)]);
        doc.apply(edit, "Move", Some(Coalesce::Drag(7))).unwrap();
    }
    assert!(doc.is_dirty());

    // Another gesture's key takes nothing back.
    assert!(!doc.abandon_gesture(&Coalesce::Drag(8)));
    assert!(doc.abandon_gesture(&Coalesce::Drag(7)));
    assert_eq!(text(doc.project()), before);
    assert!(!doc.is_dirty(), "the project is as saved");
    assert_eq!(doc.history().undo_len(), undo_before, "no Move step");
    assert_eq!(doc.history().undo_label(), Some("Rename"));
    assert_eq!(doc.history().redo_label(), None, "nothing to redo either");
    assert!(
        doc.revision() > revision_before,
        "derived values see the change"
    );
    // Only the gesture's own step goes: asking again takes back nothing more.
    assert!(!doc.abandon_gesture(&Coalesce::Drag(7)));
    assert_eq!(doc.history().undo_len(), undo_before);
}

#[test]
fn typing_in_one_field_is_one_step_but_another_field_starts_a_new_one() {
    let mut doc = Document::new(shop());
    let original = doc.project().systems[1].clone();
    let key = Coalesce::Field(format!("system {} name", original.id));
    for name in ["S", "St", "Sto"] {
        let changed = System {
            name: name.into(),
            ..doc.project().systems[1].clone()
        };
        doc.apply(
            Edit::SetSystem(Box::new(changed)),
            "Rename",
            Some(key.clone()),
        )
        .unwrap();
    }
    let changed = System {
        purpose: "x".into(),
        ..doc.project().systems[1].clone()
    };
    doc.apply(
        Edit::SetSystem(Box::new(changed)),
        "Edit purpose",
        Some(Coalesce::Field("purpose".into())),
    )
    .unwrap();
    assert_eq!(doc.history().undo_len(), 2);
    doc.undo();
    assert_eq!(doc.project().systems[1].name, "Sto");
    doc.undo();
    assert_eq!(doc.project().systems[1], original);
}

#[test]
fn more_than_a_hundred_steps_can_be_undone() {
    let mut doc = Document::new(shop());
    let before = text(doc.project());
    for i in 0..150 {
        doc.apply(Edit::SetName(format!("name {i}")), "Rename project", None)
            .unwrap();
    }
    const { assert!(HISTORY_LIMIT >= 100) };
    for _ in 0..150 {
        assert!(doc.undo().is_some());
    }
    assert_eq!(text(doc.project()), before);
    assert!(doc.undo().is_none());
}

#[test]
fn a_failing_batch_changes_nothing() {
    let mut doc = Document::new(shop());
    let before = text(doc.project());
    let id = doc.project().systems[0].id;
    let batch = Edit::Batch(vec![
        Edit::SetName("renamed".into()),
        Edit::MoveSystems(vec![(id, Point::new(1.0, 2.0))]),
        Edit::Remove(ItemIds {
            systems: vec![integration_studio::model::SystemId(9_999)],
            ..ItemIds::default()
        }),
    ]);
    assert!(doc.apply(batch, "Broken", None).is_err());
    assert_eq!(text(doc.project()), before);
    assert_eq!(doc.history().undo_len(), 0);
}

#[test]
fn inserted_items_keep_their_ids_and_next_id_never_goes_back() {
    let mut doc = Document::new(Project::new("p"));
    let mut project = doc.project().clone();
    let id = project.allocate_system_id();
    let system = System::new(id, "New");
    doc.apply(
        Edit::Insert(Items {
            systems: vec![(0, system)],
            ..Items::default()
        }),
        "Add",
        None,
    )
    .unwrap();
    assert!(doc.project().next_id > id.0);
    doc.undo();
    assert!(
        doc.project().next_id > id.0,
        "an undone id is still never reused"
    );
}

#[test]
fn the_unsaved_marker_follows_undo_back_to_the_saved_state() {
    let mut doc = Document::opened(shop(), "shop.ron".into());
    assert!(!doc.is_dirty());
    doc.apply(Edit::SetName("x".into()), "Rename", None)
        .unwrap();
    assert!(doc.is_dirty());
    doc.undo();
    assert!(!doc.is_dirty());
    doc.redo();
    doc.mark_saved("shop.ron".into());
    assert!(!doc.is_dirty());
    doc.undo();
    assert!(doc.is_dirty());
    let untouched = Document::new(shop());
    assert!(!untouched.is_dirty());
}

/// The shop with bends on its first connection, saved as the file would hold them.
fn shop_with_bends() -> (Project, usize) {
    let mut project = shop();
    let c = &mut project.connections[0];
    c.waypoints = vec![Point::new(10.0, 20.0), Point::new(30.0, 40.0)];
    (project, 0)
}

#[test]
fn dragging_one_end_drops_the_bends_and_undo_puts_them_back() {
    let (project, c) = shop_with_bends();
    let before = text(&project);
    let from = project.connections[c].from;
    let start = project.system(from).unwrap().position;
    let mut doc = Document::new(project);
    for step in 1..=5 {
        let to = Point::new(start.x + 10.0 * step as f32, start.y);
        doc.apply(
            Edit::MoveSystems(vec![(from, to)]),
            "Move",
            Some(Coalesce::Drag(7)),
        )
        .unwrap();
    }
    doc.seal();
    assert!(doc.project().connections[c].waypoints.is_empty());
    assert_eq!(doc.history().undo_len(), 1);
    doc.undo();
    assert_eq!(
        text(doc.project()),
        before,
        "undo restores the bends exactly"
    );
    // Redo replays only the drag's last forward edit, which must drop the bends again.
    doc.redo();
    assert!(doc.project().connections[c].waypoints.is_empty());
    assert_eq!(
        doc.project().system(from).unwrap().position.x,
        start.x + 50.0
    );
}

#[test]
fn moving_both_ends_together_moves_the_bends_along() {
    let (project, c) = shop_with_bends();
    let before = text(&project);
    let (from, to) = (project.connections[c].from, project.connections[c].to);
    let shifted = |id| {
        let p = project.system(id).unwrap().position;
        (id, Point::new(p.x + 5.0, p.y - 7.0))
    };
    let moves = vec![shifted(from), shifted(to)];
    let mut doc = Document::new(project.clone());
    doc.apply(Edit::MoveSystems(moves), "Move", None).unwrap();
    assert_eq!(
        doc.project().connections[c].waypoints,
        vec![Point::new(15.0, 13.0), Point::new(35.0, 33.0)]
    );
    doc.undo();
    assert_eq!(text(doc.project()), before);
}

#[test]
fn bends_survive_a_save_and_are_left_out_when_there_are_none() {
    let (project, c) = shop_with_bends();
    let saved = text(&project);
    assert!(saved.contains("waypoints: ["), "{saved}");
    assert_eq!(saved.matches("waypoints").count(), 1, "only the bent one");
    let loaded = integration_studio::io::parse(&saved, std::path::Path::new("shop.ron"))
        .unwrap()
        .project;
    assert_eq!(
        loaded.connections[c].waypoints,
        project.connections[c].waypoints
    );
    assert!(!text(&shop()).contains("waypoints"));
}

#[test]
fn prompt_settings_change_as_one_step_and_undo_restores_the_exact_file() {
    use integration_studio::model::{PromptSettings, Tokenizer};
    let mut doc = Document::new(shop());
    let before = text(doc.project());
    let settings = PromptSettings {
        template: "integration-pattern-module".to_owned(),
        budget: Some(32_000),
        tokenizer: Tokenizer::Cl100kBase,
        ..PromptSettings::default()
    };
    doc.apply(
        Edit::SetPromptSettings(Box::new(settings.clone())),
        "Prompt settings",
        None,
    )
    .unwrap();
    assert_eq!(doc.project().prompt, settings);
    assert!(text(doc.project()).contains("integration-pattern-module"));
    assert_eq!(doc.undo().as_deref(), Some("Prompt settings"));
    assert_eq!(text(doc.project()), before);
}
