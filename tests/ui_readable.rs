//! Readable at every zoom: on every bundled example, in a 1280×800 window, nothing the
//! canvas writes covers anything else it writes (connection labels, locks, finding badges,
//! system names, zone names, the legend), connection labels keep off the boxes, and the
//! first view and Fit show the whole landscape. The canvas reports where it drew each piece
//! of text ([`Canvas::drawn`]), both on its own filling the window and in the app, where
//! the panels leave it less room; the app test also reads the canvas's rect and the
//! systems' accessible bounds.

use egui::{Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use integration_studio::edit::Document;
use integration_studio::examples;
use integration_studio::model::ItemRef;
use integration_studio::session::{Intent, Session};
use integration_studio::ui::canvas::{Canvas, Drawn, DrawnKind};
use integration_studio::ui::{Launch, Preferences, StudioApp};

const WINDOW: egui::Vec2 = vec2(1280.0, 800.0);
const EXAMPLES: [&str; 3] = ["ecommerce", "bank", "hospital"];

struct State {
    session: Session,
    canvas: Canvas,
}

fn canvas_on(example: &str) -> Harness<'static, State> {
    let project = examples::find(example)
        .unwrap_or_else(|| panic!("{example} is bundled"))
        .project()
        .expect("the example loads");
    let state = State {
        session: Session::new(Document::new(project)),
        canvas: Canvas::new(),
    };
    let mut harness = Harness::builder().with_size(WINDOW).build_ui_state(
        |ui, state: &mut State| {
            let mut intents: Vec<Intent> = Vec::new();
            let session = &state.session;
            state
                .canvas
                .ui(ui, session.project(), session.selection(), &mut intents);
        },
        state,
    );
    harness.run();
    harness
}

/// Whether two kinds of drawn things must keep apart.
fn must_not_touch(a: DrawnKind, b: DrawnKind) -> bool {
    use DrawnKind::*;
    let texts = |k| matches!(k, SystemName | SystemDetail | ZoneName);
    match (a, b) {
        (ConnectionLabel | Lock, _) | (_, ConnectionLabel | Lock) => {
            // Labels and locks keep off each other, badges, text, the legend and boxes.
            true
        }
        (FindingBadge, k) | (k, FindingBadge) => texts(k) || k == FindingBadge,
        (Legend, k) | (k, Legend) => k == SystemBox || texts(k),
        (SystemName, SystemName) => true,
        _ => false,
    }
}

/// What overlaps on screen, described for the failure message.
fn overlaps(drawn: &[Drawn]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, a) in drawn.iter().enumerate() {
        for b in &drawn[i + 1..] {
            let same_item = a.item.is_some() && a.item == b.item;
            // A label sits on its own line, a badge on its own box: only others count.
            if same_item || !must_not_touch(a.kind, b.kind) {
                continue;
            }
            // Half a point of anti-aliasing is not an overlap.
            if a.rect.shrink(0.5).intersects(b.rect.shrink(0.5)) {
                found.push(format!(
                    "{:?} {:?} at {:?} overlaps {:?} {:?} at {:?}",
                    a.kind, a.item, a.rect, b.kind, b.item, b.rect
                ));
            }
        }
    }
    found
}

fn assert_nothing_overlaps(harness: &Harness<'_, State>, example: &str, when: &str) {
    assert_none_overlap(harness.state().canvas.drawn(), example, when);
}

fn assert_none_overlap(drawn: &[Drawn], example: &str, when: &str) {
    let labels = drawn
        .iter()
        .filter(|d| d.kind == DrawnKind::ConnectionLabel)
        .count();
    let names = drawn
        .iter()
        .filter(|d| d.kind == DrawnKind::SystemName)
        .count();
    assert!(names > 0, "{example} {when}: no system names were drawn");
    assert!(
        labels > 0,
        "{example} {when}: no connection labels were drawn"
    );
    let found = overlaps(drawn);
    assert!(found.is_empty(), "{example} {when}:\n{}", found.join("\n"));
}

#[test]
fn no_text_overlaps_at_the_first_view_fit_and_common_zooms() {
    for example in EXAMPLES {
        let mut harness = canvas_on(example);
        assert_nothing_overlaps(&harness, example, "first view");
        harness.state_mut().canvas.request_fit();
        harness.run();
        assert_nothing_overlaps(&harness, example, "Fit");
        for zoom in [0.6, 1.0] {
            harness.state_mut().canvas.request_zoom(zoom);
            harness.run();
            assert_nothing_overlaps(&harness, example, &format!("zoom {zoom}"));
        }
    }
}

#[test]
fn every_system_has_its_name_at_fit() {
    for example in EXAMPLES {
        let mut harness = canvas_on(example);
        harness.state_mut().canvas.request_fit();
        harness.run();
        let state = harness.state();
        let named: Vec<ItemRef> = state
            .canvas
            .drawn()
            .iter()
            .filter(|d| d.kind == DrawnKind::SystemName)
            .filter_map(|d| d.item)
            .collect();
        for system in &state.session.project().systems {
            assert!(
                named.contains(&ItemRef::System(system.id)),
                "{example}: {} has no name at Fit (zoom {})",
                system.name,
                state.canvas.zoom()
            );
        }
        // Readable: no name is drawn smaller than the minimum.
        for name in state
            .canvas
            .drawn()
            .iter()
            .filter(|d| d.kind == DrawnKind::SystemName)
        {
            assert!(name.rect.height() >= 11.0, "{example}: {name:?}");
        }
    }
}

fn app_on(example: &str) -> Harness<'static, StudioApp> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/examples")
        .join(format!("{example}.ron"));
    let launch = Launch {
        file: Some(path),
        ..Launch::default()
    };
    let app = StudioApp::new(Preferences::default(), launch);
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .build_ui_state(|ui, app: &mut StudioApp| app.show(ui, None), app);
    harness.run();
    harness
}

fn assert_every_system_inside_the_canvas(harness: &Harness<'_, StudioApp>, when: &str) {
    let canvas = harness.state().canvas_rect();
    for system in &harness.state().document().project().systems {
        let rect = harness.get_by_label(&system.name).rect();
        assert!(
            canvas.contains_rect(rect),
            "{when}: {} at {rect:?} is not inside the canvas {canvas:?}",
            system.name
        );
    }
}

#[test]
fn at_1280_by_800_the_canvas_has_half_the_window_and_shows_everything() {
    for example in EXAMPLES {
        let mut harness = app_on(example);
        let canvas = harness.state().canvas_rect();
        let window = Rect::from_min_size(Pos2::ZERO, WINDOW);
        assert!(
            canvas.area() >= 0.5 * window.area(),
            "{example}: the canvas {canvas:?} is less than half the window"
        );
        assert_every_system_inside_the_canvas(&harness, &format!("{example}, first view"));
        assert_none_overlap(harness.state().canvas().drawn(), example, "app, first view");
        harness.key_press(egui::Key::F);
        harness.run();
        assert_every_system_inside_the_canvas(&harness, &format!("{example}, Fit"));
        assert_none_overlap(harness.state().canvas().drawn(), example, "app, Fit");
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Num0);
        harness.run();
        assert!(
            (harness.state().zoom() - 1.0).abs() < 1e-3,
            "Shift+0 zooms to 100%"
        );
        assert_none_overlap(harness.state().canvas().drawn(), example, "app, 100%");
    }
}

#[test]
fn the_legend_folds_away_and_the_app_remembers_it() {
    let mut harness = app_on("ecommerce");
    assert!(harness.state().preferences().legend_open);
    let key_shown = |harness: &Harness<'_, StudioApp>| {
        harness
            .state()
            .canvas()
            .drawn()
            .iter()
            .find(|d| d.kind == DrawnKind::Legend)
            .map(|d| d.rect.width())
    };
    let open_width = key_shown(&harness).expect("the legend shows");
    harness.get_by_label("Legend").click();
    harness.run();
    assert!(!harness.state().preferences().legend_open);
    let folded_width = key_shown(&harness).expect("the toggle stays");
    assert!(
        folded_width < open_width / 4.0,
        "folded, only the toggle shows: {folded_width} against {open_width}"
    );
    harness.get_by_label("Legend").click();
    harness.run();
    assert!(harness.state().preferences().legend_open);
}

#[test]
fn the_folded_panels_open_from_their_strips() {
    let mut harness = app_on("hospital");
    assert!(!harness.state().preferences().preview_open);
    assert!(!harness.state().preferences().findings_open);
    harness.get_by_label("Show prompt").click();
    harness.run();
    assert!(harness.state().preferences().preview_open);
    harness
        .get_by_label("Findings: 3 errors, 4 warnings")
        .click();
    harness.run();
    assert!(harness.state().preferences().findings_open);
}
