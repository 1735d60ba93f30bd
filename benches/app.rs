//! One whole-app frame, headless: every panel of the app on a generated landscape of 1,000
//! systems with 3,000 connections (a prompt of about 1.9 MB), with the prompt pane closed,
//! showing the raw prompt, and showing it rendered as Markdown. The pointer moves a little
//! each frame, so every frame is one a user's hover would cause.
//!
//! No target is set by an issue; this keeps the prompt pane honest: the Rendered view lays
//! out only the blocks in view (a full layout took about 300 ms a frame at this size).
//! Run with `cargo bench --bench app`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Context, Event, Pos2, RawInput, Rect};

use integration_studio::synthetic::landscape;
use integration_studio::ui::{Launch, Preferences, StudioApp};

const SCREEN: Rect = Rect::from_min_max(Pos2::ZERO, Pos2::new(1440.0, 900.0));

struct Frame {
    ctx: Context,
    app: StudioApp,
    time: f64,
}

impl Frame {
    fn run(&mut self) {
        self.time += 1.0 / 60.0;
        // A hover over the canvas that moves by a point each frame.
        let x = 600.0 + (self.time * 60.0) as f32 % 40.0;
        let input = RawInput {
            screen_rect: Some(SCREEN),
            time: Some(self.time),
            events: vec![Event::PointerMoved(Pos2::new(x, 300.0))],
            ..RawInput::default()
        };
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.show(ui, None));
        let primitives = self
            .ctx
            .tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        // Nothing applies the font texture here; dropping it unapplied trips a debug check.
        output.textures_delta.clear();
        black_box(primitives);
    }
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("landscape.ron");
    integration_studio::io::save(&landscape(1_000, 3_000, 1), &path).expect("saved");

    let mut group = c.benchmark_group("app_frame");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (name, preview_open, preview_rendered) in [
        ("prompt_closed", false, false),
        ("prompt_raw", true, false),
        ("prompt_rendered", true, true),
    ] {
        let preferences = Preferences {
            preview_open,
            preview_rendered,
            ..Preferences::default()
        };
        let launch = Launch {
            file: Some(path.clone()),
            ..Launch::default()
        };
        let mut frame = Frame {
            ctx: Context::default(),
            app: StudioApp::new(preferences, launch),
            time: 0.0,
        };
        // The first frames lay out what later frames reuse, as in a running app.
        for _ in 0..3 {
            frame.run();
        }
        group.bench_function(BenchmarkId::new(name, 1_000), |b| b.iter(|| frame.run()));
    }
    group.finish();
}

criterion_group!(app, benches);
criterion_main!(app);
