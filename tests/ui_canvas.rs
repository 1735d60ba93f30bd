//! The canvas on its own, driven through egui_kittest: items are found by their accessible
//! labels and clicked, dragged and double-clicked the way a user would. The harness applies
//! the canvas's intents to a real `Document`, as the app does.

use std::time::Duration;

use egui::accesskit::Role;
use egui::{Event, Modifiers, PointerButton, Pos2, Rect, Vec2, ViewportId, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use integration_studio::edit::Document;
use integration_studio::examples;
use integration_studio::model::{ItemRef, Point, SystemId};
use integration_studio::session::{Command, Effect, Intent, Selection, Session};
use integration_studio::ui::canvas::{Canvas, ViewEffect};

struct State {
    session: Session,
    canvas: Canvas,
    /// Everything the session asked the app to do.
    effects: Vec<Effect>,
}

/// The reference box for mapping scene coordinates to the screen in these tests.
const REFERENCE: &str = "Product catalogue (PIM)";

fn harness() -> Harness<'static, State> {
    let project = examples::find("ecommerce")
        .expect("the e-commerce example is bundled")
        .project()
        .expect("the example loads");
    let state = State {
        session: Session::new(Document::new(project)),
        canvas: Canvas::new(),
        effects: Vec::new(),
    };
    let mut harness = Harness::builder()
        .with_size(vec2(1200.0, 800.0))
        .build_ui_state(
            |ui, state: &mut State| {
                let mut intents = Vec::new();
                let session = &state.session;
                state
                    .canvas
                    .ui(ui, session.project(), session.selection(), &mut intents);
                apply(state, intents);
            },
            state,
        );
    harness.run();
    harness
}

/// The canvas's intents go to a real session; the effects about the view go back to the
/// canvas, as the app does.
fn apply(state: &mut State, intents: Vec<Intent>) {
    let mut intents = intents;
    while !intents.is_empty() {
        let effects = state.session.apply(std::mem::take(&mut intents));
        for effect in &effects {
            let outcome = state
                .canvas
                .carry_out(state.session.project(), effect, &mut intents);
            assert!(
                !matches!(outcome, ViewEffect::Failed(_)),
                "{effect:?}: {outcome:?}"
            );
        }
        state.effects.extend(effects);
    }
}

fn system_id(harness: &Harness<'_, State>, name: &str) -> SystemId {
    harness
        .state()
        .session
        .document()
        .project()
        .systems
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("no system named {name}"))
}

fn position(harness: &Harness<'_, State>, id: SystemId) -> Point {
    harness
        .state()
        .session
        .document()
        .project()
        .system(id)
        .expect("the system exists")
        .position
}

fn centre_of(harness: &Harness<'_, State>, label: &str) -> Pos2 {
    harness.get_by_label(label).rect().center()
}

/// The current zoom, and the screen position of the scene origin, read off the reference
/// box's accessible bounds.
fn scene_to_screen(harness: &Harness<'_, State>) -> (f32, Pos2) {
    scene_to_screen_via(harness, REFERENCE)
}

/// Like [`scene_to_screen`], measured on the box called `name`.
fn scene_to_screen_via(harness: &Harness<'_, State>, name: &str) -> (f32, Pos2) {
    let reference = harness.get_by_label(name).rect();
    let id = system_id(harness, name);
    let system = harness
        .state()
        .session
        .document()
        .project()
        .system(id)
        .cloned()
        .unwrap();
    let zoom = reference.width() / system.size.width;
    let origin = reference.min - vec2(system.position.x, system.position.y) * zoom;
    (zoom, origin)
}

fn screen_pos(harness: &Harness<'_, State>, x: f32, y: f32) -> Pos2 {
    let (zoom, origin) = scene_to_screen(harness);
    origin + vec2(x, y) * zoom
}

/// A point of the canvas with nothing on it: inside the big zone, between boxes.
fn empty_spot(harness: &Harness<'_, State>) -> Pos2 {
    screen_pos(harness, 100.0, 500.0)
}

fn assert_idle(harness: &mut Harness<'_, State>) {
    harness.run();
    let delay = harness.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, Duration::MAX, "the canvas keeps repainting");
}

#[test]
fn every_system_is_found_by_its_name_once_fitted() {
    let harness = harness();
    let names: Vec<String> = harness
        .state()
        .session
        .document()
        .project()
        .systems
        .iter()
        .map(|s| s.name.clone())
        .collect();
    let canvas = Rect::from_min_size(Pos2::ZERO, vec2(1200.0, 800.0));
    for name in names {
        let node = harness.get_by_label(&name);
        assert_eq!(node.accesskit_node().role(), Role::Button);
        assert!(
            canvas.contains_rect(node.rect()),
            "{name} is not fully in view"
        );
    }
}

#[test]
fn clicking_a_system_selects_it() {
    let mut harness = harness();
    harness.get_by_label("Order service").click();
    harness.run();
    let order = system_id(&harness, "Order service");
    assert_eq!(
        *harness.state().session.selection(),
        Selection::only(ItemRef::System(order))
    );
    assert!(
        harness
            .get_by_label("Order service")
            .accesskit_node()
            .is_selected()
            .unwrap_or(false),
        "the node reports the selection"
    );
}

#[test]
fn ctrl_click_adds_to_the_selection_and_background_click_clears_it() {
    let mut harness = harness();
    harness.get_by_label("Order service").click();
    harness.run();
    harness
        .get_by_label("Inventory service")
        .click_modifiers(Modifiers::COMMAND);
    harness.run();
    let selected = &harness.state().session.selection().systems;
    assert_eq!(selected.len(), 2);
    assert!(selected.contains(&system_id(&harness, "Order service")));
    assert!(selected.contains(&system_id(&harness, "Inventory service")));

    // Ctrl-click again toggles it off.
    harness
        .get_by_label("Inventory service")
        .click_modifiers(Modifiers::COMMAND);
    harness.run();
    assert_eq!(harness.state().session.selection().systems.len(), 1);

    let empty = empty_spot(&harness);
    harness.hover_at(empty);
    harness.event(Event::PointerButton {
        pos: empty,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(Event::PointerButton {
        pos: empty,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    assert!(harness.state().session.selection().is_empty());
}

#[test]
fn dragging_a_system_moves_it_by_the_drag_in_one_undo_step() {
    let mut harness = harness();
    harness.state_mut().canvas.snap_to_grid = false;
    let order = system_id(&harness, "Order service");
    let before = position(&harness, order);
    let undo_before = harness.state().session.document().history().undo_len();
    let (zoom, _) = scene_to_screen(&harness);

    let start = centre_of(&harness, "Order service");
    let drag = vec2(90.0, 45.0);
    harness.hover_at(start);
    harness.drag_at(start);
    for step in 1..=3 {
        harness.hover_at(start + drag * step as f32 / 3.0);
    }
    harness.drop_at(start + drag);
    harness.run();

    let after = position(&harness, order);
    let expected = vec2(before.x, before.y) + drag / zoom;
    assert!(
        (vec2(after.x, after.y) - expected).length() < 0.5,
        "moved to {after:?}, expected {expected:?}"
    );
    assert_eq!(
        *harness.state().session.selection(),
        Selection::only(ItemRef::System(order)),
        "dragging an unselected box selects it"
    );
    let history = harness.state().session.document().history();
    assert_eq!(
        history.undo_len(),
        undo_before + 1,
        "one drag, one undo step"
    );

    harness
        .state_mut()
        .session
        .apply([Intent::Run(Command::Undo)]);
    assert_eq!(position(&harness, order), before);
    assert_idle(&mut harness);
}

#[test]
fn a_drag_snaps_to_the_grid_and_moves_the_whole_selection() {
    let mut harness = harness();
    let order = system_id(&harness, "Order service");
    let inventory = system_id(&harness, "Inventory service");
    harness.get_by_label("Order service").click();
    harness
        .get_by_label("Inventory service")
        .click_modifiers(Modifiers::COMMAND);
    harness.run();
    let (order_before, inventory_before) =
        (position(&harness, order), position(&harness, inventory));

    let start = centre_of(&harness, "Order service");
    harness.hover_at(start);
    harness.drag_at(start);
    harness.hover_at(start + vec2(20.0, 7.0));
    harness.hover_at(start + vec2(37.0, 13.0));
    harness.drop_at(start + vec2(37.0, 13.0));
    harness.run();

    let (order_after, inventory_after) = (position(&harness, order), position(&harness, inventory));
    assert_ne!(order_after, order_before);
    assert_eq!(order_after.x % 20.0, 0.0, "{order_after:?}");
    assert_eq!(order_after.y % 20.0, 0.0, "{order_after:?}");
    // Both moved by the same amount.
    assert_eq!(
        (
            order_after.x - order_before.x,
            order_after.y - order_before.y
        ),
        (
            inventory_after.x - inventory_before.x,
            inventory_after.y - inventory_before.y
        )
    );
    assert_eq!(harness.state().session.selection().systems.len(), 2);
}

/// A double-click must happen within 0.3 s: all its events go into one frame.
fn double_click(harness: &mut Harness<'_, State>, spot: Pos2) {
    let press = |pressed| Event::PointerButton {
        pos: spot,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.input_mut().events.extend([
        Event::PointerMoved(spot),
        press(true),
        press(false),
        press(true),
        press(false),
    ]);
    harness.step();
    harness.run();
}

#[test]
fn double_clicking_empty_canvas_adds_a_system_there() {
    let mut harness = harness();
    let count = harness.state().session.document().project().systems.len();
    // Room for a box around it, inside the big zone, clear of its edges.
    let spot = screen_pos(&harness, 100.0, 400.0);
    double_click(&mut harness, spot);

    let project = harness.state().session.document().project();
    assert_eq!(project.systems.len(), count + 1);
    let added = project.systems.last().unwrap();
    assert_eq!(added.name, "New system 1");
    // Centred on the click (snapped to the grid), inside the zone it was added in.
    let centre = vec2(
        added.position.x + added.size.width / 2.0,
        added.position.y + added.size.height / 2.0,
    );
    assert!((centre - vec2(100.0, 400.0)).length() <= 20.0, "{centre:?}");
    assert_eq!(
        added.zone,
        project
            .system(system_id(&harness, "Order service"))
            .unwrap()
            .zone
    );
    assert_eq!(
        *harness.state().session.selection(),
        Selection::only(ItemRef::System(added.id))
    );
    assert_eq!(harness.state().session.document().history().undo_len(), 1);
    // The new box is on the canvas, found by its name.
    harness.get_by_label("New system 1");
}

#[test]
fn a_system_added_near_its_zone_edge_stays_clear_of_the_zone_below() {
    let mut harness = harness();
    // Centred here, the box would stretch its zone over the zone below it.
    let spot = empty_spot(&harness);
    double_click(&mut harness, spot);
    let project = harness.state().session.document().project();
    let added = project.systems.last().unwrap();
    assert_eq!(added.name, "New system 1");
    let zones = project.zone_rects();
    let own = zones[&added.zone.expect("added in the zone clicked")];
    for (zone, rect) in &zones {
        if Some(*zone) != added.zone {
            assert!(!own.overlaps(rect), "its zone now covers zone {zone:?}");
        }
    }
}

#[test]
fn systems_added_in_a_crowded_view_are_brought_into_view() {
    let mut harness = harness();
    let canvas = Rect::from_min_size(Pos2::ZERO, vec2(1200.0, 800.0));
    for number in 1..=8 {
        let state = harness.state_mut();
        let mut intents = Vec::new();
        let project = state.session.project().clone();
        state.canvas.add_system_in_view(&project, &mut intents);
        apply(state, intents);
        harness.run();
        let name = format!("New system {number}");
        let node = harness.get_by_label(&name);
        assert!(canvas.contains_rect(node.rect()), "{name} is out of view");
    }
}

#[test]
fn connections_are_nodes_named_by_their_ends_and_can_be_clicked() {
    let mut harness = harness();
    let node = harness.get_by_label("Storefront BFF → Order service");
    assert_eq!(node.accesskit_node().role(), Role::Button);
    node.click();
    harness.run();
    let selection = &harness.state().session.selection();
    assert_eq!(selection.connections.len(), 1, "{selection:?}");
    assert!(selection.systems.is_empty());
    let id = *selection.connections.first().unwrap();
    let project = harness.state().session.document().project();
    let connection = project.connection(id).unwrap();
    assert_eq!(project.system_name(connection.from), "Storefront BFF");
    assert_eq!(project.system_name(connection.to), "Order service");
}

#[test]
fn screen_readers_can_click_items() {
    let mut harness = harness();
    harness.get_by_label("CRM (Salesforce)").click_accesskit();
    harness.run();
    let crm = system_id(&harness, "CRM (Salesforce)");
    assert_eq!(
        *harness.state().session.selection(),
        Selection::only(ItemRef::System(crm))
    );
}

#[test]
fn a_rubber_band_selects_the_boxes_it_touches() {
    let mut harness = harness();
    // From just above-left of the storefront to the middle of the order service.
    let from = screen_pos(&harness, 250.0, 192.0);
    let to = centre_of(&harness, "Order service");
    harness.hover_at(from);
    harness.drag_at(from);
    harness.hover_at(from.lerp(to, 0.5));
    harness.hover_at(to);
    harness.drop_at(to);
    harness.run();
    let selection = &harness.state().session.selection();
    assert!(
        selection
            .systems
            .contains(&system_id(&harness, "Storefront BFF"))
    );
    assert!(
        selection
            .systems
            .contains(&system_id(&harness, "Order service"))
    );
    assert_eq!(selection.systems.len(), 2, "{selection:?}");
    // Nothing moved.
    assert_eq!(harness.state().session.document().history().undo_len(), 0);
}

#[test]
fn the_context_menu_deletes_the_system_it_was_opened_on() {
    let mut harness = harness();
    harness.get_by_label("Inventory service").click_secondary();
    harness.run();
    harness.get_by_label_contains("Delete").click();
    harness.run();
    let project = harness.state().session.project();
    assert!(
        project
            .systems
            .iter()
            .all(|s| s.name != "Inventory service")
    );
    assert_eq!(harness.state().session.document().history().undo_len(), 1);
}

#[test]
fn the_background_menu_adds_a_system_and_fits() {
    let mut harness = harness();
    let spot = empty_spot(&harness);
    harness.hover_at(spot);
    harness.event(Event::PointerButton {
        pos: spot,
        button: PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(Event::PointerButton {
        pos: spot,
        button: PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    harness.get_by_label("Add system here").click();
    harness.run();
    let project = harness.state().session.document().project();
    assert_eq!(project.systems.last().unwrap().name, "New system 1");

    harness.hover_at(spot);
    harness.event(Event::PointerButton {
        pos: spot,
        button: PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(Event::PointerButton {
        pos: spot,
        button: PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    harness.get_by_label_contains("Fit to content").click();
    harness.run();
    assert!(harness.state().effects.contains(&Effect::FitView));
}

#[test]
fn zooming_keeps_items_findable_and_fit_brings_everything_back() {
    let mut harness = harness();
    let (zoom_before, _) = scene_to_screen(&harness);
    let at = centre_of(&harness, "Order service");
    harness.hover_at(at);
    // Ctrl+scroll zooms around the pointer.
    harness.event(Event::Zoom(2.0));
    harness.run();
    let (zoom_after, _) = scene_to_screen_via(&harness, "Order service");
    assert!(
        (zoom_after / zoom_before - 2.0).abs() < 0.01,
        "{zoom_before} → {zoom_after}"
    );
    // The box under the pointer stayed under it, and can still be clicked.
    assert!(harness.get_by_label("Order service").rect().contains(at));
    harness.get_by_label("Order service").click();
    harness.run();
    assert_eq!(harness.state().session.selection().systems.len(), 1);

    harness.state_mut().canvas.request_fit();
    harness.run();
    let (zoom_fitted, _) = scene_to_screen(&harness);
    assert!((zoom_fitted - zoom_before).abs() < 1e-3);
}

#[test]
fn scrolling_pans_the_view() {
    let mut harness = harness();
    let before = centre_of(&harness, "Order service");
    harness.hover_at(empty_spot(&harness));
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, -120.0),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    let after = centre_of(&harness, "Order service");
    assert!(after.y < before.y - 10.0, "{before:?} → {after:?}");
    assert_eq!(after.x, before.x);
}

#[test]
fn no_repaint_once_input_stops() {
    let mut harness = harness();
    assert_idle(&mut harness);
    harness.get_by_label("Order service").click();
    harness.run();
    // Hovering a box would (rightly) schedule its tooltip; rest the pointer elsewhere.
    harness.hover_at(empty_spot(&harness));
    assert_idle(&mut harness);
}

#[test]
fn moving_the_pointer_over_boxes_changes_nothing_in_the_document() {
    let mut harness = harness();
    for name in ["Order service", "Storefront BFF", "Inventory service"] {
        let at = centre_of(&harness, name);
        harness.hover_at(at);
        harness.hover_at(at + Vec2::splat(3.0));
    }
    harness.run();
    assert_eq!(harness.state().session.document().revision(), 0);
    assert!(harness.state().session.selection().is_empty());
}

#[test]
fn space_drag_pans_instead_of_selecting() {
    let mut harness = harness();
    let before = centre_of(&harness, "Order service");
    let from = empty_spot(&harness);
    harness.key_down(egui::Key::Space);
    harness.hover_at(from);
    harness.drag_at(from);
    harness.hover_at(from + vec2(30.0, 10.0));
    harness.hover_at(from + vec2(60.0, 20.0));
    harness.drop_at(from + vec2(60.0, 20.0));
    harness.key_up(egui::Key::Space);
    harness.run();
    let after = centre_of(&harness, "Order service");
    assert!(
        (after - before - vec2(60.0, 20.0)).length() < 15.0,
        "{before:?} → {after:?}"
    );
    assert!(
        harness.state().session.selection().is_empty(),
        "no rubber band"
    );
    assert_eq!(harness.state().session.document().revision(), 0);
}

#[test]
fn plus_and_minus_zoom_about_the_middle() {
    let mut harness = harness();
    let (before, _) = scene_to_screen(&harness);
    harness.key_press(egui::Key::Plus);
    harness.run();
    let (zoomed_in, _) = scene_to_screen_via(&harness, "Order service");
    assert!(
        (zoomed_in / before - 1.25).abs() < 0.01,
        "{before} → {zoomed_in}"
    );
    harness.key_press(egui::Key::Minus);
    harness.run();
    let (back, _) = scene_to_screen_via(&harness, "Order service");
    assert!((back - before).abs() < 1e-3, "{before} → {back}");
}

#[test]
fn escape_during_a_drag_puts_the_boxes_back() {
    let mut harness = harness();
    let order = system_id(&harness, "Order service");
    let before = position(&harness, order);
    let start = centre_of(&harness, "Order service");
    harness.hover_at(start);
    harness.drag_at(start);
    harness.hover_at(start + vec2(40.0, 0.0));
    harness.hover_at(start + vec2(80.0, 0.0));
    harness.run();
    assert_ne!(position(&harness, order), before, "the drag moved it");
    harness.key_press(egui::Key::Escape);
    harness.hover_at(start + vec2(120.0, 0.0));
    harness.drop_at(start + vec2(120.0, 0.0));
    harness.run();
    assert_eq!(position(&harness, order), before);
    // No trace: no undo step, nothing unsaved.
    let document = harness.state().session.document();
    assert_eq!(document.history().undo_len(), 0, "no empty Move step");
    assert!(!document.is_dirty(), "a cancelled drag changes nothing");
    // The next drag is a step of its own, as usual.
    let start = centre_of(&harness, "Order service");
    harness.hover_at(start);
    harness.drag_at(start);
    harness.hover_at(start + vec2(40.0, 0.0));
    harness.drop_at(start + vec2(40.0, 0.0));
    harness.run();
    assert_ne!(position(&harness, order), before);
    assert_eq!(harness.state().session.document().history().undo_len(), 1);
}

#[test]
fn escape_clears_the_selection() {
    let mut harness = harness();
    harness.get_by_label("Order service").click();
    harness.run();
    assert!(!harness.state().session.selection().is_empty());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().session.selection().is_empty());
    assert_eq!(harness.state().session.document().history().undo_len(), 0);
}

#[test]
fn escape_in_a_rename_keeps_the_selection() {
    let mut harness = harness();
    let order = system_id(&harness, "Order service");
    let spot = centre_of(&harness, "Order service");
    double_click(&mut harness, spot);
    harness.get_by_role_and_label(Role::TextInput, "New name for Order service");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "New name for Order service")
            .is_none(),
        "the rename is cancelled"
    );
    assert_eq!(
        *harness.state().session.selection(),
        Selection::only(ItemRef::System(order)),
        "the first Escape is the rename's"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness.state().session.selection().is_empty(),
        "the second is ours"
    );
}

#[test]
fn dragging_a_zone_by_its_name_moves_its_systems() {
    let mut harness = harness();
    let carrier = system_id(&harness, "Carrier API (DHL Parcel)");
    let before = position(&harness, carrier);
    let (zoom, _) = scene_to_screen(&harness);
    // The zone's name sits in its top-left corner, above its only member.
    let zone_top_left = screen_pos(&harness, before.x - 20.0, before.y - 46.0);
    let on_name = zone_top_left + vec2((12.0 * zoom).max(6.0) + 8.0, (7.8 * zoom).max(4.0) + 5.0);
    harness.hover_at(on_name);
    harness.drag_at(on_name);
    harness.hover_at(on_name + vec2(0.0, 30.0));
    harness.hover_at(on_name + vec2(0.0, 60.0));
    harness.drop_at(on_name + vec2(0.0, 60.0));
    harness.run();
    let after = position(&harness, carrier);
    assert!(after.y > before.y + 20.0, "{before:?} → {after:?}");
    assert_eq!(after.x, before.x);
    let zone = harness
        .state()
        .session
        .document()
        .project()
        .system(carrier)
        .unwrap()
        .zone
        .unwrap();
    assert_eq!(
        *harness.state().session.selection(),
        Selection::only(ItemRef::Zone(zone))
    );
    assert_eq!(harness.state().session.document().history().undo_len(), 1);
}

#[test]
fn dragging_from_a_handle_connects_two_systems() {
    let mut harness = harness();
    let connections = harness
        .state()
        .session
        .document()
        .project()
        .connections
        .len();
    // The handle is the dot in the middle of a box's right edge.
    let source = harness.get_by_label("Notification service").rect();
    let handle = egui::pos2(source.max.x, source.center().y);
    let target = centre_of(&harness, "CRM (Salesforce)");
    harness.hover_at(handle);
    harness.drag_at(handle);
    harness.hover_at(handle.lerp(target, 0.3));
    harness.hover_at(handle.lerp(target, 0.7));
    harness.hover_at(target);
    harness.drop_at(target);
    harness.run();

    let project = harness.state().session.document().project();
    assert_eq!(project.connections.len(), connections + 1);
    let added = project.connections.last().unwrap();
    assert_eq!(project.system_name(added.from), "Notification service");
    assert_eq!(project.system_name(added.to), "CRM (Salesforce)");
    assert_eq!(
        *harness.state().session.selection(),
        Selection::only(ItemRef::Connection(added.id))
    );
    // Nothing moved, and the new arrow is on the canvas.
    assert_eq!(harness.state().session.document().history().undo_len(), 1);
    harness.get_by_label("Notification service → CRM (Salesforce)");
}

#[test]
fn connect_to_from_the_context_menu() {
    let mut harness = harness();
    harness.get_by_label(REFERENCE).click_secondary();
    harness.run();
    harness.get_by_label("Connect to…").click();
    harness.run();
    // The arrow is drawn only if the fonts have it (the app adds a font that does).
    let font = egui::FontId::proportional(14.0);
    let has_arrow = harness.ctx.fonts_mut(|f| f.has_glyph(&font, '→'));
    let arrow = if has_arrow { "→" } else { "->" };
    harness
        .get_by_label(&format!("{arrow} Data warehouse (Snowflake)"))
        .click();
    harness.run();
    let project = harness.state().session.document().project();
    let added = project.connections.last().unwrap();
    assert_eq!(project.system_name(added.from), REFERENCE);
    assert_eq!(project.system_name(added.to), "Data warehouse (Snowflake)");
    harness.get_by_label(&format!("{REFERENCE} → Data warehouse (Snowflake)"));
}

#[test]
fn hovering_a_connection_explains_it_in_a_tooltip() {
    let mut harness = harness();
    let on_label = centre_of(&harness, "Storefront BFF → Order service");
    harness.hover_at(on_label);
    // Tooltips wait a moment before they show.
    harness.run_steps(4);
    let tip = harness.get_by_label_contains("Encrypted in transit");
    // A label keeps its text in its value.
    let text = tip.value().unwrap_or_default();
    assert!(text.starts_with("Storefront BFF"), "{text}");
    assert!(text.contains("REST"), "{text}");
    assert!(text.contains("Place order"), "{text}");
}

#[test]
fn double_clicking_a_system_renames_it_in_place() {
    let mut harness = harness();
    let spot = centre_of(&harness, "Order service");
    double_click(&mut harness, spot);
    let field = harness.get_by_role_and_label(Role::TextInput, "New name for Order service");
    assert!(field.is_focused(), "typing must go straight into the name");
    field.type_text("Order management");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let project = harness.state().session.document().project();
    assert!(project.systems.iter().any(|s| s.name == "Order management"));
    assert_eq!(harness.state().session.document().history().undo_len(), 1);
    harness.get_by_label("Order management");
}

#[test]
fn double_clicking_a_zone_name_renames_the_zone() {
    let mut harness = harness();
    let zone_name = harness
        .state()
        .session
        .document()
        .project()
        .zones
        .iter()
        .find(|z| z.name.starts_with("AWS"))
        .map(|z| z.name.clone())
        .unwrap();
    let name_tab = harness.get_by_label(&zone_name).rect();
    double_click(&mut harness, name_tab.left_center() + vec2(12.0, 0.0));
    harness
        .get_by_role_and_label(Role::TextInput, &format!("New name for {zone_name}"))
        .type_text("AWS Frankfurt");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let project = harness.state().session.document().project();
    assert!(project.zones.iter().any(|z| z.name == "AWS Frankfurt"));
}

#[test]
fn double_clicking_empty_space_far_from_the_landscape_brings_it_back() {
    let mut harness = harness();
    let count = harness.state().session.document().project().systems.len();
    // Scroll far away, until no box is in view.
    harness.hover_at(empty_spot(&harness));
    for _ in 0..40 {
        harness.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -400.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.step();
    }
    harness.run();
    assert!(harness.query_by_label(REFERENCE).is_none(), "still in view");
    let spot = Pos2::new(600.0, 400.0);
    double_click(&mut harness, spot);
    assert_eq!(
        harness.state().session.document().project().systems.len(),
        count
    );
    harness.get_by_label(REFERENCE);
}
