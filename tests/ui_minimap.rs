//! The minimap, driven through egui_kittest: it shows while part of the landscape is out
//! of view, hides at Fit, moves the view when clicked or dragged (without starting a
//! gesture on the canvas under it), and View ▸ Show Minimap switches it off, remembered
//! with the preferences.

mod common;

use egui::{Key, Pos2, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use integration_studio::edit::Document;
use integration_studio::examples;
use integration_studio::model::Rect as SceneRect;
use integration_studio::session::{Intent, Session};
use integration_studio::ui::canvas::{Canvas, MINIMAP_LABEL};
use integration_studio::ui::{Launch, Preferences, StudioApp};

struct State {
    session: Session,
    canvas: Canvas,
}

/// The canvas alone on the e-commerce example, its intents applied to a real session.
fn harness() -> Harness<'static, State> {
    let project = examples::find("ecommerce")
        .expect("the e-commerce example is bundled")
        .project()
        .expect("the example loads");
    let state = State {
        session: Session::new(Document::new(project)),
        canvas: Canvas::new(),
    };
    let mut harness = Harness::builder()
        .with_size(vec2(1200.0, 800.0))
        .build_ui_state(
            |ui, state: &mut State| {
                let mut intents: Vec<Intent> = Vec::new();
                let session = &state.session;
                state
                    .canvas
                    .ui(ui, session.project(), session.selection(), &mut intents);
                let mut follow_ups = Vec::new();
                for effect in state.session.apply(intents) {
                    state
                        .canvas
                        .carry_out(state.session.project(), &effect, &mut follow_ups);
                }
                state.session.apply(follow_ups);
            },
            state,
        );
    harness.run();
    harness
}

fn zoom_in<S>(harness: &mut Harness<'static, S>, steps: usize) {
    for _ in 0..steps {
        harness.key_press(Key::Plus);
        harness.run();
    }
}

/// A primary click at `pos`: press and release without moving.
fn click_at<S>(harness: &mut Harness<'static, S>, pos: Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}

fn minimap_shown<S>(harness: &Harness<'static, S>) -> bool {
    harness.query_by_label(MINIMAP_LABEL).is_some()
}

fn view_centre(harness: &Harness<'static, State>) -> Pos2 {
    harness.state().canvas.visible_scene_rect().center()
}

/// Everything the map shows: every box and every zone's region.
fn landscape(harness: &Harness<'static, State>) -> egui::Rect {
    let project = harness.state().session.project();
    let to_egui = |r: SceneRect| egui::Rect::from_min_max(r.min.to_egui(), r.max.to_egui());
    let boxes = project.systems.iter().map(|s| to_egui(s.rect()));
    let zones = project.zone_rects().into_values().map(to_egui);
    boxes
        .chain(zones)
        .fold(egui::Rect::NOTHING, egui::Rect::union)
}

trait ToEgui {
    fn to_egui(self) -> Pos2;
}

impl ToEgui for integration_studio::model::Point {
    fn to_egui(self) -> Pos2 {
        Pos2::new(self.x, self.y)
    }
}

/// Zoomed in on the middle of the landscape, so that the view lies inside it and the map
/// shows the landscape alone.
fn zoomed_in_on_the_middle() -> Harness<'static, State> {
    let mut harness = harness();
    zoom_in(&mut harness, 6);
    assert!(
        minimap_shown(&harness),
        "part of the landscape is out of view"
    );
    let middle = harness.get_by_label(MINIMAP_LABEL).rect().center();
    // The map shows the view too: a view that reaches past the landscape's edge moves
    // the map's middle. Once the view is inside, the middle is the landscape's.
    let landscape = landscape(&harness);
    for _ in 0..3 {
        click_at(&mut harness, middle);
    }
    assert!(
        (view_centre(&harness) - landscape.center()).length() < 0.5,
        "{:?} {:?} {:?}",
        view_centre(&harness),
        landscape.center(),
        harness.state().canvas.visible_scene_rect()
    );
    let view = harness.state().canvas.visible_scene_rect();
    assert!(
        landscape.contains_rect(view.shrink(1.0)),
        "the test needs a view inside the landscape: {view:?} in {landscape:?}"
    );
    assert_eq!(harness.get_by_label(MINIMAP_LABEL).rect().center(), middle);
    harness
}

/// Checks that moving the pointer by `on_map` (screen points) on the minimap moved the
/// view's centre by `in_scene`: one uniform scale, at which the landscape fits the map and
/// nearly fills it one way.
fn assert_map_scale(harness: &Harness<'static, State>, on_map: Vec2, in_scene: Vec2) {
    let scale = on_map / in_scene;
    assert!(
        (scale.x - scale.y).abs() < 1e-3 * scale.x,
        "not one scale: {scale:?}"
    );
    assert!(scale.x > 0.0);
    let map = harness.get_by_label(MINIMAP_LABEL).rect().size();
    let landscape_on_map = landscape(harness).size() * scale.x;
    assert!(landscape_on_map.x <= map.x && landscape_on_map.y <= map.y);
    assert!(landscape_on_map.x >= map.x - 20.0 || landscape_on_map.y >= map.y - 20.0);
}

#[test]
fn the_minimap_shows_when_zoomed_in_and_hides_at_fit() {
    let mut harness = harness();
    harness.state_mut().canvas.request_fit();
    harness.run();
    assert!(!minimap_shown(&harness), "everything is in view at Fit");

    zoom_in(&mut harness, 3);
    assert!(minimap_shown(&harness));
    // In the bottom-right corner of the canvas, clear of the legend at the bottom left.
    let map = harness.get_by_label(MINIMAP_LABEL).rect();
    assert!(map.max.x > 1100.0 && map.max.y > 700.0, "{map:?}");

    harness.state_mut().canvas.request_fit();
    harness.run();
    assert!(!minimap_shown(&harness));
}

#[test]
fn a_click_in_the_minimap_centres_the_view_on_the_point_clicked() {
    let mut harness = zoomed_in_on_the_middle();
    let middle = harness.get_by_label(MINIMAP_LABEL).rect().center();
    let before = view_centre(&harness);
    let zoom_before = harness.state().canvas.zoom();

    let offset = vec2(-30.0, 12.0);
    click_at(&mut harness, middle + offset);
    let moved = view_centre(&harness) - before;
    assert_map_scale(&harness, offset, moved);
    assert_eq!(
        harness.state().canvas.zoom(),
        zoom_before,
        "a click only pans"
    );
    // A click is no selection and no edit on the canvas underneath.
    assert!(harness.state().session.selection().is_empty());
    assert!(!harness.state().session.document().is_dirty());
}

#[test]
fn dragging_in_the_minimap_pans_without_a_gesture_on_the_canvas() {
    let mut harness = zoomed_in_on_the_middle();
    let middle = harness.get_by_label(MINIMAP_LABEL).rect().center();
    let before = view_centre(&harness);
    // Grab the view's rectangle (in the middle of the map) and drag it.
    let drag = vec2(24.0, -16.0);
    harness.hover_at(middle);
    harness.drag_at(middle);
    for step in 1..=4 {
        harness.hover_at(middle + drag * (step as f32 / 4.0));
    }
    harness.drop_at(middle + drag);
    harness.run();
    let moved = view_centre(&harness) - before;
    assert!(moved.length() > 1.0, "the view moved");
    assert_map_scale(&harness, drag, moved);
    // No rubber band, no move of the boxes under the minimap.
    assert!(harness.state().session.selection().is_empty());
    assert!(!harness.state().session.document().is_dirty());
    assert_eq!(
        harness.state().session.document().history().undo_label(),
        None
    );
}

fn app_zoomed_in(preferences: Preferences) -> Harness<'static, StudioApp> {
    let mut harness = common::app_with(preferences, Launch::default());
    zoom_in(&mut harness, 4);
    harness
}

fn toggle_from_the_view_menu(harness: &mut Harness<'static, StudioApp>) {
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Show Minimap").click();
    harness.run();
}

#[test]
fn the_view_menu_switches_the_minimap_off_and_it_stays_off() {
    let mut harness = app_zoomed_in(Preferences::default());
    assert!(minimap_shown(&harness));
    toggle_from_the_view_menu(&mut harness);
    assert!(!minimap_shown(&harness));
    assert!(!harness.state().preferences().minimap_shown);

    // Remembered as eframe keeps preferences: written out and read back at the next launch.
    let stored = ron::to_string(harness.state().preferences()).expect("preferences serialize");
    let restored: Preferences = ron::from_str(&stored).expect("preferences deserialize");
    let mut harness = app_zoomed_in(restored);
    assert!(!minimap_shown(&harness));
    toggle_from_the_view_menu(&mut harness);
    assert!(minimap_shown(&harness));
}
