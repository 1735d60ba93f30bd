//! The Session on its own, with no window: intents in, effects out.

use std::path::PathBuf;

use integration_studio::edit::{Change, Coalesce, Document, Edit, Items, set_systems_field};
use integration_studio::examples;
use integration_studio::fields::{FieldValue, SystemField};
use integration_studio::model::{
    Connection, ConnectionId, ItemRef, Project, System, SystemId, ZoneId,
};
use integration_studio::session::{
    Command, Dialog, Effect, FileAction, Intent, Selection, Session,
};

fn example_session() -> Session {
    let project = examples::find("ecommerce")
        .expect("bundled")
        .project()
        .expect("loads");
    Session::new(Document::new(project))
}

/// A new system as a widget makes it: its id is the frame snapshot's next free id.
fn new_system(project: &Project, name: &str) -> Intent {
    let system = System::new(SystemId(project.next_free_id()), name);
    Intent::Add {
        items: Items {
            systems: vec![(project.systems.len(), system)],
            ..Items::default()
        },
        label: "Add system".into(),
    }
}

fn notices(effects: &[Effect]) -> Vec<&str> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Notice(text) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("is-session-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn two_systems_added_in_one_frame_get_different_ids() {
    let mut session = example_session();
    let before = session.project().systems.len();
    // Both made from the same snapshot, as two widgets in one frame would.
    let snapshot = session.project().clone();
    let first = new_system(&snapshot, "First");
    let second = new_system(&snapshot, "Second");
    session.apply([first, second]);
    let project = session.project();
    assert_eq!(project.systems.len(), before + 2);
    let id_of = |name: &str| project.systems.iter().find(|s| s.name == name).unwrap().id;
    assert_ne!(id_of("First"), id_of("Second"));
    assert!(integration_studio::io::validate(project, None).is_empty());
    // The last addition is selected; each is its own undo step.
    assert_eq!(
        *session.selection(),
        Selection::only(ItemRef::System(id_of("Second")))
    );
    assert_eq!(session.document().history().undo_len(), 2);
}

#[test]
fn a_connection_added_with_a_system_in_one_frame_keeps_its_ends() {
    let mut session = example_session();
    let snapshot = session.project().clone();
    let from = snapshot.systems[0].id;
    let to = snapshot.systems[1].id;
    let placeholder = ConnectionId(snapshot.next_free_id());
    let connect = Intent::Add {
        items: Items {
            connections: vec![(0, Connection::new(placeholder, from, to))],
            ..Items::default()
        },
        label: "Connect".into(),
    };
    session.apply([new_system(&snapshot, "New"), connect]);
    let added = session.project().connections.last().unwrap();
    assert_eq!((added.from, added.to), (from, to));
    assert!(session.project().system(SystemId(added.id.0)).is_none());
}

#[test]
fn a_paste_of_other_text_says_why_and_changes_nothing() {
    let mut session = example_session();
    let kept = Selection::only(ItemRef::System(session.project().systems[0].id));
    session.apply([Intent::Select(kept.clone())]);
    let effects = session.apply([Intent::Run(Command::PasteText("hello".into()))]);
    assert_eq!(notices(&effects).len(), 1, "{effects:?}");
    assert_eq!(*session.selection(), kept);
    assert_eq!(session.document().revision(), 0);
}

#[test]
fn copy_then_paste_selects_the_copies() {
    let mut session = example_session();
    let original = session.project().systems[0].clone();
    session.apply([Intent::Select(Selection::only(ItemRef::System(
        original.id,
    )))]);
    let effects = session.apply([Intent::Run(Command::Copy)]);
    let Some(Effect::CopyText(text)) = effects.iter().find(|e| matches!(e, Effect::CopyText(_)))
    else {
        panic!("copy put nothing on the clipboard: {effects:?}");
    };
    let effects = session.apply([Intent::Run(Command::PasteText(text.clone()))]);
    assert_eq!(notices(&effects), ["Pasted 1 system"]);
    let copy = session.selection().systems.first().copied().unwrap();
    assert!(effects.contains(&Effect::Reveal(vec![copy])), "{effects:?}");
    assert_ne!(copy, original.id);
    assert!(session.project().system(copy).is_some());
}

#[test]
fn opening_over_unsaved_changes_asks_first_and_discarding_opens() {
    let dir = temp_dir("open");
    let path = dir.join("bank.ron");
    let bank = examples::find("bank").unwrap().project().unwrap();
    integration_studio::io::save(&bank, &path).unwrap();

    let mut session = example_session();
    session.apply([
        Intent::Run(Command::SelectAll),
        Intent::Run(Command::DeleteSelection),
    ]);
    assert!(session.document().is_dirty());
    let open = FileAction::Open(Some(path.clone()));
    let effects = session.apply([Intent::File(open.clone())]);
    assert_eq!(
        effects,
        [Effect::Dialog(Dialog::UnsavedChanges(open.clone()))]
    );
    assert!(session.project().systems.is_empty(), "nothing happened yet");

    let effects = session.apply([Intent::FileConfirmed(open)]);
    assert_eq!(session.project().name, bank.name);
    assert!(!session.document().is_dirty());
    assert!(effects.contains(&Effect::Remember(path.clone())));
    assert!(effects.contains(&Effect::ProjectReplaced));
}

#[test]
fn a_file_that_does_not_open_leaves_the_project_as_it_was() {
    let dir = temp_dir("broken");
    let path = dir.join("broken.ron");
    std::fs::write(&path, "(format_version: 2, name: \"cut").unwrap();
    let mut session = example_session();
    let before = session.project().clone();
    let effects = session.apply([Intent::FileConfirmed(FileAction::Open(Some(path)))]);
    let [Effect::Dialog(Dialog::Error { title, detail })] = effects.as_slice() else {
        panic!("expected one error dialog, got {effects:?}");
    };
    assert_eq!(title, "The project could not be opened");
    assert!(detail.contains("broken.ron"), "{detail}");
    assert_eq!(*session.project(), before);
}

#[test]
fn save_without_a_file_asks_for_a_path_then_saves_there() {
    let dir = temp_dir("save");
    let mut session = example_session();
    let effects = session.apply([Intent::Run(Command::Save)]);
    assert_eq!(
        effects,
        [Effect::AskForPath {
            action: FileAction::SaveAs(None),
            suggested: None
        }]
    );
    let path = dir.join("shop.ron");
    let effects = session.apply([Intent::FileConfirmed(FileAction::SaveAs(Some(
        path.clone(),
    )))]);
    assert!(effects.contains(&Effect::Remember(path.clone())));
    assert_eq!(session.document().path.as_deref(), Some(path.as_path()));
    assert!(path.exists());
}

#[test]
fn revert_reloads_the_saved_file_once_confirmed() {
    let dir = temp_dir("revert");
    let path = dir.join("shop.ron");
    let mut session = example_session();
    session.apply([Intent::FileConfirmed(FileAction::SaveAs(Some(path)))]);
    let saved = session.project().clone();
    session.apply([
        Intent::Run(Command::SelectAll),
        Intent::Run(Command::DeleteSelection),
    ]);
    let effects = session.apply([Intent::Run(Command::Revert)]);
    assert_eq!(
        effects,
        [Effect::Dialog(Dialog::UnsavedChanges(FileAction::Revert))]
    );
    session.apply([Intent::FileConfirmed(FileAction::Revert)]);
    assert_eq!(*session.project(), saved);
    assert!(!session.document().is_dirty());
}

#[test]
fn the_prompt_and_report_follow_content_changes_only() {
    let mut session = example_session();
    let generation = session.prompt().generation;
    let first = session.project().systems[0].clone();
    let moved = integration_studio::edit::Edit::MoveSystems(vec![(
        first.id,
        integration_studio::model::Point::new(first.position.x + 40.0, first.position.y),
    )]);
    let effects = session.apply([Intent::edit(moved, "Move")]);
    assert!(!effects.contains(&Effect::ReportChanged));
    assert_eq!(
        session.prompt().generation,
        generation,
        "a move renders nothing"
    );

    let effects = session.apply([
        Intent::Run(Command::SelectAll),
        Intent::Run(Command::DeleteSelection),
    ]);
    assert!(effects.contains(&Effect::ReportChanged));
    assert!(session.prompt().generation > generation);
    let text = session.prompt().text().unwrap();
    assert!(
        !text.contains(&first.name),
        "the prompt still lists {}",
        first.name
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_and_closes_only_when_told() {
    let mut session = example_session();
    assert_eq!(
        session.apply([Intent::File(FileAction::Quit)]),
        [Effect::Close]
    );
    session.apply([
        Intent::Run(Command::SelectAll),
        Intent::Run(Command::DeleteSelection),
    ]);
    assert_eq!(
        session.apply([Intent::File(FileAction::Quit)]),
        [Effect::Dialog(Dialog::UnsavedChanges(FileAction::Quit))]
    );
    assert_eq!(
        session.apply([Intent::FileConfirmed(FileAction::Quit)]),
        [Effect::Close]
    );
}

#[test]
fn a_large_landscape_is_arranged_off_the_ui_thread_and_applied_as_one_step() {
    let project = integration_studio::synthetic::landscape(400, 800, 3);
    let mut session = Session::new(Document::new(project));
    let (arrangement, only, stamp) = arrange_in_background(&mut session);
    assert!(!session.document().is_dirty(), "nothing moved yet");
    let effects = session.apply([Intent::Arranged {
        arrangement,
        only,
        stamp,
    }]);
    assert!(effects.contains(&Effect::FitView), "{effects:?}");
    assert_eq!(session.document().history().undo_len(), 1);
}

#[test]
fn an_arrangement_for_an_older_state_or_another_project_is_not_applied() {
    let project = integration_studio::synthetic::landscape(400, 800, 3);
    let mut session = Session::new(Document::new(project.clone()));
    let (arrangement, only, stamp) = arrange_in_background(&mut session);
    // The user moved on: deleted something while it was being computed.
    session.apply([Intent::Select(Selection::only(ItemRef::System(
        project.systems[0].id,
    )))]);
    session.apply([Intent::Run(Command::DeleteSelection)]);
    let revision = session.document().revision();
    let late = Intent::Arranged {
        arrangement: arrangement.clone(),
        only: only.clone(),
        stamp,
    };
    assert_eq!(
        notices(&session.apply([late])),
        ["The landscape changed while it was being arranged; arrange it again"]
    );
    assert_eq!(session.document().revision(), revision);

    // Another project at the same revision number is not taken for the first one.
    let dir = temp_dir("arranged-other");
    let path = dir.join("same.ron");
    integration_studio::io::save(&project, &path).unwrap();
    let mut session = Session::new(Document::new(project));
    let (arrangement, only, stamp) = arrange_in_background(&mut session);
    session.apply([Intent::FileConfirmed(FileAction::Open(Some(path)))]);
    assert_eq!(session.document().revision(), 0);
    let effects = session.apply([Intent::Arranged {
        arrangement,
        only,
        stamp,
    }]);
    assert_eq!(notices(&effects).len(), 1);
    assert!(!session.document().is_dirty());
}

/// Asks for Auto-arrange and computes what the app's thread would.
fn arrange_in_background(
    session: &mut Session,
) -> (
    integration_studio::layout::Arrangement,
    Option<std::collections::BTreeSet<SystemId>>,
    integration_studio::session::Stamp,
) {
    let effects = session.apply([Intent::Run(Command::AutoArrange)]);
    let Some(Effect::ArrangeInBackground {
        project,
        options,
        stamp,
    }) = effects
        .iter()
        .find(|e| matches!(e, Effect::ArrangeInBackground { .. }))
        .cloned()
    else {
        panic!("expected the arrangement off the UI thread: {effects:?}");
    };
    let arrangement = integration_studio::layout::arrange(&project, &options);
    (arrangement, options.only, stamp)
}

/// What the zone field of Properties sends when a zone is chosen for these systems.
fn choose_zone(project: &Project, ids: &[SystemId], zone: Option<ZoneId>) -> Intent {
    let new = FieldValue::Zone(zone);
    let change = Change {
        shown: None,
        new: &new,
    };
    let edit = set_systems_field(project, ids, SystemField::Zone, change).expect("a zone");
    Intent::merging(
        edit,
        "Edit system",
        Coalesce::Field(format!("systems {ids:?} zone")),
    )
}

#[test]
fn a_zone_chosen_in_properties_brings_the_systems_into_it_as_one_step() {
    let mut session = example_session();
    let before = session.project().clone();
    let named = |name: &str| before.systems.iter().find(|s| s.name == name).unwrap().id;
    let moved = [
        named("CRM (Salesforce)"),
        named("Data warehouse (Snowflake)"),
    ];
    let zone = before
        .zones
        .iter()
        .find(|z| z.name == "Head-office data centre")
        .unwrap()
        .id;
    let intent = choose_zone(&before, &moved, Some(zone));
    session.apply([intent]);
    let project = session.project();
    let region = project.zone_rects()[&zone];
    for system in &project.systems {
        if moved.contains(&system.id) {
            assert_eq!(system.zone, Some(zone));
            assert_ne!(system.position, before.system(system.id).unwrap().position);
        } else {
            assert_eq!(system.position, before.system(system.id).unwrap().position);
            assert!(
                system.zone == Some(zone) || !system.rect().overlaps(&region),
                "{} is under the zone",
                system.name
            );
        }
    }
    let report = session.report();
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.rule != "zone-covers-outsider")
    );
    session.apply([Intent::Run(Command::Undo)]);
    assert_eq!(session.project().systems, before.systems);
}

#[test]
fn a_move_that_puts_a_system_under_a_zone_is_flagged_without_rendering_the_prompt_again() {
    let mut session = example_session();
    let project = session.project().clone();
    let named = |name: &str| project.systems.iter().find(|s| s.name == name).unwrap();
    let adyen = named("Payment gateway (Adyen)");
    // Into the gap left of the Notification service, inside the AWS zone's border.
    let inside = named("Notification service").position;
    let gap = integration_studio::model::Point::new(inside.x - 280.0, inside.y);
    let generation = session.prompt().generation;
    let flagged = |session: &Session| {
        session
            .report()
            .findings
            .iter()
            .filter(|f| f.rule == "zone-covers-outsider")
            .map(|f| f.systems.clone())
            .collect::<Vec<_>>()
    };
    assert!(flagged(&session).is_empty());
    let effects = session.apply([Intent::edit(
        Edit::MoveSystems(vec![(adyen.id, gap)]),
        "Move",
    )]);
    assert_eq!(flagged(&session), [vec![adyen.id]]);
    assert!(effects.iter().any(|e| matches!(e, Effect::ReportChanged)));
    assert_eq!(
        session.prompt().generation,
        generation,
        "the prompt is as it was"
    );
    session.apply([Intent::Run(Command::Undo)]);
    assert!(flagged(&session).is_empty());
}
