//! One canvas frame, headless: run the egui `Context` with the canvas in a central panel
//! and tessellate the output, on generated landscapes of 1,000 systems with 3,000
//! connections and 10,000 with 30,000, at a 1280×800 screen after fit to content (every
//! item visible: the worst case for culling).
//!
//! Targets on a 2-core machine (medians): 1,000 ≤ 4 ms, 10,000 ≤ 16 ms.
//! Run with `cargo bench --bench canvas`.
//!
//! Every item with a finding carries its badge, as in the app.
//!
//! A third case measures full detail: 1,000 systems zoomed in to 1:1, where boxes carry
//! text and connections labels, heads and dashes.
//!
//! The minimap's cost: 10,000 systems in two views with part of the landscape out of view
//! (so the minimap shows), each with the minimap on and off. "readable" is the view a
//! project opens in; "quarter" is Fit zoomed in twice, still far out, with a quarter of
//! the landscape on screen.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Context, Event, Pos2, RawInput, Rect};

use integration_studio::analysis::analyze;
use integration_studio::model::Project;
use integration_studio::synthetic::landscape;
use integration_studio::ui::canvas::{Canvas, FindingMarks};
use integration_studio::ui::intent::Intent;
use integration_studio::ui::selection::Selection;

const SCREEN: Rect = Rect::from_min_max(Pos2::ZERO, Pos2::new(1280.0, 800.0));

/// A headless app hosting the canvas.
struct Frame {
    ctx: Context,
    canvas: Canvas,
    project: Project,
    selection: Selection,
    time: f64,
}

impl Frame {
    fn new(project: Project) -> Self {
        // Badges on every item with findings, as the app draws them.
        let mut canvas = Canvas::new();
        canvas.set_finding_marks(FindingMarks::from_report(&analyze(&project)));
        let mut frame = Frame {
            ctx: Context::default(),
            canvas,
            project,
            selection: Selection::default(),
            time: 0.0,
        };
        // The first frame fits; the next ones fill the caches as a running app's would.
        for _ in 0..3 {
            frame.run(Vec::new());
        }
        frame
    }

    /// One frame: the UI pass, then tessellation. Returns the number of vertices.
    fn run(&mut self, events: Vec<Event>) -> usize {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(SCREEN),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        let (canvas, project, selection) = (&mut self.canvas, &self.project, &self.selection);
        let mut output = self.ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                let mut intents: Vec<Intent> = Vec::new();
                canvas.ui(ui, project, selection, &mut intents);
                black_box(intents);
            });
        });
        let primitives = self
            .ctx
            .tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        // Nothing applies the font texture here; dropping it unapplied trips a debug check.
        output.textures_delta.clear();
        primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum()
    }
}

fn zoom_in_to_one_to_one(frame: &mut Frame) {
    // Ctrl+scroll over the canvas, as a user zooms, until the zoom reaches 1:1.
    for _ in 0..60 {
        if frame.canvas.zoom() >= 1.0 {
            break;
        }
        let factor = (1.0 / frame.canvas.zoom()).min(1.5);
        frame.run(vec![
            Event::PointerMoved(SCREEN.center()),
            Event::Zoom(factor),
        ]);
    }
    // A couple of idle frames so the caches hold this zoom's labels.
    frame.run(vec![Event::PointerGone]);
    frame.run(Vec::new());
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("canvas_frame");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));

    for (systems, connections) in [(1_000, 3_000), (10_000, 30_000)] {
        let mut frame = Frame::new(landscape(systems, connections, 1));
        // Everything in view: the worst case for culling (a new canvas opens at a
        // readable zoom instead, measured below).
        frame.canvas.request_fit();
        let vertices = frame.run(Vec::new());
        eprintln!(
            "fit, {systems} systems: zoom {:.3}, {vertices} vertices",
            frame.canvas.zoom()
        );
        group.bench_function(BenchmarkId::new("fit", systems), |b| {
            b.iter(|| black_box(frame.run(Vec::new())))
        });
    }

    // The view a project opens in: the most text on screen of any zoom.
    let mut frame = Frame::new(landscape(1_000, 3_000, 1));
    let vertices = frame.run(Vec::new());
    eprintln!(
        "readable, 1000 systems: zoom {:.3}, {vertices} vertices",
        frame.canvas.zoom()
    );
    group.bench_function(BenchmarkId::new("readable", 1_000), |b| {
        b.iter(|| black_box(frame.run(Vec::new())))
    });

    let mut frame = Frame::new(landscape(1_000, 3_000, 1));
    zoom_in_to_one_to_one(&mut frame);
    let vertices = frame.run(Vec::new());
    eprintln!(
        "detail, 1000 systems: zoom {:.3}, {vertices} vertices",
        frame.canvas.zoom()
    );
    group.bench_function(BenchmarkId::new("detail", 1_000), |b| {
        b.iter(|| black_box(frame.run(Vec::new())))
    });

    minimap_cases(&mut group);

    // The same frames with AccessKit on, as when a screen reader is running.
    let mut frame = Frame::new(landscape(1_000, 3_000, 1));
    frame.ctx.enable_accesskit();
    frame.canvas.request_fit();
    frame.run(Vec::new());
    group.bench_function(BenchmarkId::new("fit_accesskit", 1_000), |b| {
        b.iter(|| black_box(frame.run(Vec::new())))
    });
    group.finish();
}

/// The same frame at 10,000 systems with the minimap shown and switched off.
fn minimap_cases(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    let mut frame = Frame::new(landscape(10_000, 30_000, 1));
    for view in ["readable", "quarter"] {
        if view == "quarter" {
            frame.canvas.request_fit();
            frame.run(Vec::new());
            frame.run(vec![Event::PointerMoved(SCREEN.center()), Event::Zoom(2.0)]);
            frame.run(vec![Event::PointerGone]);
        }
        for shown in [true, false] {
            frame.canvas.show_minimap = shown;
            let vertices = frame.run(Vec::new());
            eprintln!(
                "{view}, 10000 systems, minimap {}: zoom {:.3}, {vertices} vertices",
                if shown { "on" } else { "off" },
                frame.canvas.zoom()
            );
            let name = if shown { "minimap_on" } else { "minimap_off" };
            group.bench_function(BenchmarkId::new(format!("{view}_{name}"), 10_000), |b| {
                b.iter(|| black_box(frame.run(Vec::new())))
            });
        }
    }
}

criterion_group!(canvas, benches);
criterion_main!(canvas);
