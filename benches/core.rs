//! The speed of the core operations on synthetic landscapes of 100, 1,000 and 10,000
//! systems with three times as many connections.
//!
//! Targets on a 2-core machine: render 1,000 systems ≤ 5 ms, save + load 10,000 systems
//! ≤ 250 ms (medians). Run with `cargo bench --bench core`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};

use integration_studio::analysis::analyze;
use integration_studio::io::{load, save};
use integration_studio::model::Project;
use integration_studio::synthetic::landscape;
use integration_studio::template::render;

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn landscapes() -> Vec<(usize, Project)> {
    SIZES.iter().map(|&n| (n, landscape(n, 3 * n, 1))).collect()
}

/// Few samples, so the whole suite finishes in about three minutes on 2 cores.
fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    group
}

/// Enough time for ten samples: an operation on 10,000 systems takes up to a second.
fn time_for(n: usize) -> Duration {
    Duration::from_secs(if n >= 10_000 { 10 } else { 4 })
}

/// Returns what it loaded, so freeing that memory happens outside the timing
/// (`iter_with_large_drop`): dropping a project is not part of loading one.
fn save_and_load(project: &Project, path: &Path) -> integration_studio::io::Loaded {
    save(project, path).unwrap();
    load(path).unwrap()
}

fn benches(c: &mut Criterion) {
    let projects = landscapes();
    let dir = tempfile::tempdir().unwrap();

    let mut render_group = group(c, "render");
    for (n, project) in &projects {
        render_group.measurement_time(time_for(*n));
        // The app renders with the report it keeps, so analysing is not part of rendering.
        let report = analyze(project);
        render_group.bench_with_input(BenchmarkId::from_parameter(n), project, |b, project| {
            b.iter(|| render(black_box(project), black_box(&report)).unwrap())
        });
    }
    render_group.finish();

    let mut save_group = group(c, "save");
    for (n, project) in &projects {
        let path = dir.path().join(format!("save-{n}.ron"));
        save_group.measurement_time(time_for(*n));
        save_group.bench_with_input(BenchmarkId::from_parameter(n), project, |b, project| {
            b.iter(|| save(black_box(project), &path).unwrap())
        });
    }
    save_group.finish();

    let mut load_group = group(c, "load");
    for (n, project) in &projects {
        let path = dir.path().join(format!("load-{n}.ron"));
        save(project, &path).unwrap();
        let loaded = load(&path).unwrap();
        assert!(loaded.problems.is_empty());
        assert_eq!(&loaded.project, project);
        load_group.measurement_time(time_for(*n));
        load_group.bench_with_input(BenchmarkId::from_parameter(n), &path, |b, path| {
            b.iter_with_large_drop(|| load(black_box(path)).unwrap())
        });
    }
    load_group.finish();

    let mut both_group = group(c, "save_plus_load");
    for (n, project) in &projects {
        let path = dir.path().join(format!("both-{n}.ron"));
        both_group.measurement_time(time_for(*n));
        both_group.bench_with_input(BenchmarkId::from_parameter(n), project, |b, project| {
            b.iter_with_large_drop(|| save_and_load(black_box(project), &path))
        });
    }
    both_group.finish();
}

criterion_group!(core, benches);
criterion_main!(core);
