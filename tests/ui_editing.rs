//! Drawing and editing a landscape in the whole app, driven through egui_kittest the way a
//! user would: toolbar, canvas items found by their names, forms found by their labels.

mod common;

use common::{DroppedPath, app, text_copied_soon, type_into, type_into_role};

use std::sync::Arc;

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use integration_studio::edit::FREE_MARGIN;
use integration_studio::model::{ItemRef, Project};
use integration_studio::ui::StudioApp;

/// The app with a new, empty project (File ▸ New on the unchanged example).
fn empty_app() -> Harness<'static, StudioApp> {
    let mut harness = app();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.state().document().project().systems.is_empty());
    let prompt = harness.state().prompt_text().unwrap();
    assert!(
        prompt.contains("**Project**: Untitled landscape"),
        "the preview still shows the old project"
    );
    harness
}

fn project<'a>(harness: &'a Harness<'static, StudioApp>) -> &'a Project {
    harness.state().document().project()
}

fn names(harness: &Harness<'static, StudioApp>) -> Vec<String> {
    project(harness)
        .systems
        .iter()
        .map(|s| s.name.clone())
        .collect()
}

/// Leaves any text field, so canvas shortcuts apply again.
fn leave_field(harness: &mut Harness<'static, StudioApp>) {
    harness.key_press(Key::Escape);
    harness.run();
}

fn send(harness: &mut Harness<'static, StudioApp>, event: Event) {
    harness.event(event);
    harness.run();
}

/// The text the app last put on the clipboard.
fn copied_text(harness: &mut Harness<'static, StudioApp>, event: Event) -> String {
    harness.event(event);
    let text = text_copied_soon(harness).expect("nothing was copied");
    harness.run();
    text
}

fn arrow(harness: &Harness<'static, StudioApp>) -> &'static str {
    let font = egui::FontId::proportional(14.0);
    if harness.ctx.fonts_mut(|f| f.has_glyph(&font, '→')) {
        "→"
    } else {
        "->"
    }
}

#[test]
fn add_two_systems_from_the_toolbar_and_connect_them() {
    let mut harness = empty_app();
    harness.get_by_label("+ Add system").click();
    harness.run();
    harness.get_by_label("+ Add system").click();
    harness.run();
    assert_eq!(names(&harness), ["New system 1", "New system 2"]);
    // The second box went beside the first, not on top of it.
    let systems = &project(&harness).systems;
    let near_first = systems[0].rect().expand(FREE_MARGIN - 0.1);
    assert!(!near_first.overlaps(&systems[1].rect()), "{systems:?}");

    harness.get_by_label("New system 1").click_secondary();
    harness.run();
    harness.get_by_label("Connect to…").click();
    harness.run();
    let arrow = arrow(&harness);
    harness
        .get_by_label(&format!("{arrow} New system 2"))
        .click();
    harness.run();

    let project = project(&harness);
    assert_eq!(project.connections.len(), 1);
    let connection = &project.connections[0];
    assert_eq!(project.system_name(connection.from), "New system 1");
    assert_eq!(project.system_name(connection.to), "New system 2");
    harness.get_by_label("New system 1 → New system 2");
    // Three steps, each undoable.
    assert_eq!(harness.state().document().history().undo_len(), 3);
}

#[test]
fn editing_system_and_connection_properties_and_a_variable_changes_the_preview() {
    let mut harness = app();
    harness.get_by_label("Order service").click();
    harness.run();
    type_into(&mut harness, "Technology", " with GraalVM native images");
    assert!(
        harness
            .state()
            .prompt_text()
            .unwrap()
            .contains("GraalVM native images"),
        "the system's technology did not reach the prompt"
    );

    leave_field(&mut harness);
    harness
        .get_by_label("Storefront BFF → Order service")
        .click();
    harness.run();
    type_into(&mut harness, "Data", " and gift wrapping");
    assert!(
        harness
            .state()
            .prompt_text()
            .unwrap()
            .contains("and gift wrapping"),
        "the connection's data did not reach the prompt"
    );

    leave_field(&mut harness);
    // A long requirement text: a multi-line field.
    type_into_role(
        &mut harness,
        Role::MultilineTextInput,
        "Latency Requirements",
        "; search p95 < 300 ms",
    );
    assert!(
        harness
            .state()
            .prompt_text()
            .unwrap()
            .contains("search p95 < 300 ms")
    );
}

/// Selects "Order service", presses F2 and types `text` over the selected old name.
fn f2_and_type(harness: &mut Harness<'static, StudioApp>, text: &str) {
    harness.get_by_label("Order service").click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New name for Order service")
        .type_text(text);
    harness.run();
}

#[test]
fn f2_renames_the_selected_system_in_place() {
    let mut harness = app();
    // The old name is selected, so typing replaces it.
    f2_and_type(&mut harness, "Order management");
    harness.key_press(Key::Enter);
    harness.run();
    let project = project(&harness);
    assert!(project.systems.iter().any(|s| s.name == "Order management"));
    assert!(!project.systems.iter().any(|s| s.name == "Order service"));
    harness.get_by_label("Order management");
    assert_eq!(
        harness.state().document().history().undo_label(),
        Some("Rename")
    );
}

#[test]
fn escape_keeps_the_old_name() {
    let mut harness = app();
    f2_and_type(&mut harness, "Something else");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(names(&harness).contains(&"Order service".to_owned()));
    assert!(!harness.state().document().is_dirty());
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "New name for Order service")
            .is_none()
    );
}

#[test]
fn copy_and_paste_through_the_clipboard_events() {
    let mut harness = app();
    let before = project(&harness).systems.len();
    harness.get_by_label("Order service").click();
    harness.run();
    let text = copied_text(&mut harness, Event::Copy);
    assert!(text.contains("Order service"), "{text}");

    send(&mut harness, Event::Paste(text));
    assert_eq!(project(&harness).systems.len(), before + 1);
    harness.get_by_label("Order service (copy)");
    let copy = project(&harness).systems.last().unwrap().id;
    assert_eq!(
        harness.state().selection().single(),
        Some(ItemRef::System(copy)),
        "the pasted system is selected"
    );
    harness.get_by_label("Pasted 1 system");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(project(&harness).systems.len(), before);
}

#[test]
fn cut_then_paste_into_another_project() {
    let mut harness = app();
    let before = project(&harness).systems.len();
    harness.get_by_label("Order service").click();
    harness.run();
    let connections = project(&harness).connections.len();
    let text = copied_text(&mut harness, Event::Cut);
    assert_eq!(project(&harness).systems.len(), before - 1);
    assert!(
        project(&harness).connections.len() < connections,
        "its connections went with it"
    );

    // Another project: New asks about the unsaved cut first.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    assert!(project(&harness).systems.is_empty());
    send(&mut harness, Event::Paste(text));
    assert_eq!(names(&harness), ["Order service"], "no clash, so no (copy)");
    let pasted = &project(&harness).systems[0];
    assert!(pasted.technology.contains("Spring Boot"));
    // Its zone came along, so the system is still in "AWS …".
    let zone = pasted.zone.and_then(|z| project(&harness).zone(z)).unwrap();
    assert!(zone.name.starts_with("AWS"), "{}", zone.name);
}

#[test]
fn ctrl_d_duplicates_systems_with_the_connection_between_them() {
    let mut harness = app();
    let (systems, connections) = (
        project(&harness).systems.len(),
        project(&harness).connections.len(),
    );
    harness.get_by_label("Storefront BFF").click();
    harness.run();
    harness
        .get_by_label("Order service")
        .click_modifiers(Modifiers::COMMAND);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    assert_eq!(project(&harness).systems.len(), systems + 2);
    assert_eq!(project(&harness).connections.len(), connections + 1);
    harness.get_by_label("Storefront BFF (copy) → Order service (copy)");
    harness.get_by_label("Duplicated 2 systems");
}

/// No box whose name starts with `prefix` overlaps another box or comes nearer than the
/// free-space margin.
fn assert_apart_from_all(project: &Project, prefix: &str) {
    for a in project
        .systems
        .iter()
        .filter(|s| s.name.starts_with(prefix))
    {
        let near = a.rect().expand(FREE_MARGIN - 0.1);
        for b in project.systems.iter().filter(|b| b.id != a.id) {
            assert!(!near.overlaps(&b.rect()), "{} is on {}", a.name, b.name);
        }
    }
}

#[test]
fn added_and_duplicated_systems_land_in_free_space() {
    let mut harness = app();
    for _ in 0..4 {
        harness.get_by_label("+ Add system").click();
        harness.run();
    }
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
        harness.run();
    }
    let project = project(&harness);
    let added = project
        .systems
        .iter()
        .filter(|s| s.name.starts_with("New system"));
    assert_eq!(added.count(), 7);
    assert_apart_from_all(project, "New system");
    // Each Ctrl+D duplicated the copy the one before selected.
    let copies: Vec<&str> = project.systems[project.systems.len() - 3..]
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        copies,
        [
            "New system 4 (copy)",
            "New system 4 (copy 2)",
            "New system 4 (copy 3)"
        ]
    );
}

#[test]
fn each_duplicate_is_brought_into_view() {
    let mut harness = app();
    harness.get_by_label("Notification service").click();
    harness.run();
    for n in 1..=8 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
        harness.run();
        let name = match n {
            1 => "Notification service (copy)".to_owned(),
            n => format!("Notification service (copy {n})"),
        };
        let project = project(&harness);
        let copy = project.systems.iter().find(|s| s.name == name);
        assert!(copy.is_some(), "no {name}");
        // Found on the canvas only while it is in view.
        let rect = harness.get_by_role_and_label(Role::Button, &name).rect();
        assert!(
            rect.min.x >= 0.0 && rect.max.x <= 1440.0 && rect.min.y >= 0.0 && rect.max.y <= 900.0
        );
    }
}

#[test]
fn pasting_other_text_says_so_and_changes_nothing() {
    let mut harness = app();
    send(&mut harness, Event::Paste("hello".into()));
    harness.get_by_label("The clipboard holds no systems to paste");
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn clicking_a_missing_project_value_focuses_its_field() {
    let mut harness = empty_app();
    harness
        .get_by_label_contains("Integration Scope — Variables")
        .click();
    harness.run();
    let field = harness.get_by_role_and_label(Role::MultilineTextInput, "Integration Scope *");
    assert!(field.is_focused(), "the field did not get the focus");
}

#[test]
fn clicking_a_missing_system_value_selects_the_system_and_focuses_its_field() {
    let mut harness = empty_app();
    harness.get_by_label("+ Add system").click();
    harness.run();
    leave_field(&mut harness);
    harness
        .get_by_label_contains("Purpose — New system 1")
        .click();
    harness.run();
    let id = project(&harness).systems[0].id;
    assert_eq!(
        harness.state().selection().single(),
        Some(ItemRef::System(id))
    );
    let field = harness.get_by_role_and_label(Role::TextInput, "Purpose *");
    assert!(field.is_focused());
}

#[test]
fn side_panels_collapse_and_come_back_from_the_view_menu() {
    let mut harness = app();
    harness.get_by_label("Variables");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::B);
    harness.run();
    assert!(harness.query_by_label("Variables").is_none());
    assert!(!harness.state().preferences().inspector_open);

    harness.get_by_label("View").click();
    harness.run();
    harness
        .get_by_label_contains("Show Variables and Properties")
        .click();
    harness.run();
    harness.get_by_label("Variables");

    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Show Prompt").click();
    harness.run();
    assert!(harness.query_by_label_contains("Copy prompt").is_none());
    assert!(!harness.state().preferences().preview_open);
}

#[test]
fn reversing_a_connection_from_its_context_menu() {
    let mut harness = app();
    harness
        .get_by_label("Storefront BFF → Order service")
        .click_secondary();
    harness.run();
    harness.get_by_label("Reverse direction").click();
    harness.run();
    harness.get_by_label("Order service → Storefront BFF");
    assert!(
        harness
            .query_by_label("Storefront BFF → Order service")
            .is_none()
    );
}

#[test]
fn dropping_a_project_file_opens_it() {
    let mut harness = app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bank.ron");
    let bank = integration_studio::examples::find("bank").unwrap();
    std::fs::write(&path, bank.source).unwrap();

    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(path.clone())));
    harness.run();
    let expected = bank.project().unwrap().name;
    assert_eq!(project(&harness).name, expected);
    let prompt = harness.state().prompt_text().unwrap();
    assert!(
        prompt.contains(&format!("**Project**: {expected}")),
        "the preview still shows the old project"
    );
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
}

#[test]
fn a_rename_in_progress_does_not_follow_into_another_project() {
    let mut harness = app();
    f2_and_type(&mut harness, "Typed for the old project");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bank.ron");
    let bank = integration_studio::examples::find("bank").unwrap();
    std::fs::write(&path, bank.source).unwrap();
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, &path);
    harness.run();
    // Enter would have committed the rename, had the field survived.
    harness.key_press(Key::Enter);
    harness.run();
    assert!(!names(&harness).contains(&"Typed for the old project".to_owned()));
    assert_eq!(project(&harness).systems, bank.project().unwrap().systems);
}

#[test]
fn clicking_elsewhere_keeps_the_new_name() {
    let mut harness = app();
    f2_and_type(&mut harness, "Orders");
    harness.get_by_label("Storefront BFF").click();
    harness.run();
    assert!(names(&harness).contains(&"Orders".to_owned()));
}

#[test]
fn a_connection_can_be_pointed_at_another_system_and_keeps_its_details() {
    let mut harness = app();
    harness
        .get_by_label("Storefront BFF → Order service")
        .click();
    harness.run();
    let selected = harness
        .state()
        .selection()
        .connections
        .iter()
        .copied()
        .next();
    let id = selected.expect("the clicked connection is selected");
    let connection =
        |harness: &Harness<'static, StudioApp>| project(harness).connection(id).cloned().unwrap();
    let before = connection(&harness);
    assert_eq!(project(&harness).system_name(before.to), "Order service");
    harness.get_by_role_and_label(Role::ComboBox, "To").click();
    harness.run();
    // The canvas box has the same name; the list's option is the one that can be toggled.
    harness
        .get_all_by_label("Inventory service")
        .find(|node| node.accesskit_node().toggled().is_some())
        .expect("Inventory service in the list")
        .click();
    harness.run();
    let after = connection(&harness);
    assert_eq!(project(&harness).system_name(after.to), "Inventory service");
    assert_eq!(after.from, before.from);
    assert_eq!(after.data, before.data);
    assert_eq!(after.protocol, before.protocol);
    harness.get_by_label("Connection: Storefront BFF → Inventory service");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let undone = connection(&harness);
    assert_eq!(undone, before);
}

#[test]
fn ctrl_g_puts_the_selected_systems_into_a_new_zone_that_can_be_named_and_undone() {
    let mut harness = app();
    let zones = project(&harness).zones.len();
    harness.get_by_label("Notification service").click();
    harness.run();
    harness
        .get_by_label("CRM (Salesforce)")
        .click_modifiers(Modifiers::COMMAND);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::G);
    harness.run();
    let zone = project(&harness).zones.last().cloned().unwrap();
    assert_eq!(project(&harness).zones.len(), zones + 1);
    assert_eq!(zone.name, "Zone 1");
    let mut members: Vec<String> = project(&harness)
        .systems
        .iter()
        .filter(|s| s.zone == Some(zone.id))
        .map(|s| s.name.clone())
        .collect();
    members.sort();
    assert_eq!(members, ["CRM (Salesforce)", "Notification service"]);
    assert_eq!(
        harness
            .state()
            .selection()
            .zones
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        [zone.id]
    );
    harness.get_by_label_contains("Put 2 systems into Zone 1");
    // The new zone is drawn, and F2 names it in place.
    harness.get_by_role_and_label(Role::Button, "Zone 1");
    harness.key_press(Key::F2);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New name for Zone 1")
        .type_text("Customer engagement");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        project(&harness).zone(zone.id).unwrap().name,
        "Customer engagement"
    );

    // Undo the name, then the zone: the systems are back where they were.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(project(&harness).zones.len(), zones);
    assert!(
        project(&harness)
            .systems
            .iter()
            .all(|s| s.zone != Some(zone.id))
    );
}

#[test]
fn ctrl_f_finds_a_system_by_name_and_selects_it() {
    let mut harness = app();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    // The field has the keyboard at once: typing goes straight into it.
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .type_text("ware");
    harness.run();
    // "Warehouse management" starts with it; "Data warehouse" only contains it.
    // The list's rows are the toggleable buttons named after systems.
    let listed = |harness: &Harness<'static, StudioApp>| -> Vec<String> {
        let project = harness.state().document().project();
        harness
            .get_all_by_role(Role::Button)
            .filter(|node| node.accesskit_node().toggled().is_some())
            .filter_map(|node| node.accesskit_node().label())
            .filter(|label| project.systems.iter().any(|s| &s.name == label))
            .collect()
    };
    let names = listed(&harness);
    assert_eq!(
        names,
        [
            "Warehouse management (Manhattan)",
            "Data warehouse (Snowflake)"
        ]
    );
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::Enter);
    harness.run();
    let project = harness.state().document().project();
    let picked: Vec<String> = harness
        .state()
        .selection()
        .systems
        .iter()
        .map(|id| project.system_name(*id))
        .collect();
    assert_eq!(picked, [names[1].clone()]);
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Find")
            .is_none(),
        "picking a system should close the box"
    );
    let find_is_open = |harness: &Harness<'static, StudioApp>| {
        harness
            .query_by_role_and_label(Role::TextInput, "Find")
            .is_some()
    };
    // Escape closes it without picking anything.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!find_is_open(&harness));
    assert_eq!(
        harness.state().selection().systems.len(),
        1,
        "the Escape that closes Find leaves the selection alone"
    );

    // Enter with nothing to pick keeps the box, and the keyboard in it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .type_text("zzz");
    harness.run();
    harness.get_by_label("No system matches");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Find")
            .is_focused()
    );
    // A click elsewhere closes it, like a menu. In a real window a click's press and
    // release often arrive in the same frame, so they do here (`event` would give each
    // its own frame).
    let on_canvas = egui::pos2(640.0, 560.0);
    let events = &mut harness.input_mut().events;
    events.push(Event::PointerMoved(on_canvas));
    for pressed in [true, false] {
        events.push(Event::PointerButton {
            pos: on_canvas,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    assert!(!find_is_open(&harness));

    // Ctrl+F works even while a form field has the keyboard.
    harness
        .get_by_role_and_label(Role::Button, &names[1])
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Technology")
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Find")
            .is_focused()
    );
}

/// A long zone name in the Properties form is cut short rather than widening the panel
/// (and so narrowing the canvas) whenever such a system is selected.
#[test]
fn a_long_zone_name_does_not_widen_the_left_panel() {
    let mut harness = app();
    let field_right = |harness: &Harness<'static, StudioApp>| {
        harness
            .get_by_role_and_label(Role::TextInput, "Project Name")
            .rect()
            .max
            .x
    };
    let before = field_right(&harness);
    harness.get_by_label("Event broker (Kafka)").click();
    harness.run();
    harness.get_by_label("System: Event broker (Kafka)");
    assert_eq!(field_right(&harness), before);
}
