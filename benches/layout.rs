//! The speed of `layout::arrange`, and (with `scripts/compare-layout`) its quality and
//! speed against Graphviz `dot` and ELK layered on the same graphs in the same run.
//!
//! Targets on a 2-core machine: 1,000 systems with 3,000 connections ≤ 300 ms, 10,000 with
//! 30,000 ≤ 5 s (medians); no overlaps ever; crossings at most ELK's; whole-process time at
//! most dot's. `cargo bench --bench layout` measures ours alone.

#[path = "layout/tools.rs"]
mod tools;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use integration_studio::layout::{Options, arrange};
use integration_studio::model::Project;
use integration_studio::synthetic::landscape;

fn arranged(project: &Project) -> Project {
    let mut result = project.clone();
    for (id, at) in arrange(project, &Options::default()).positions {
        if let Some(system) = result.system_mut(id) {
            system.position = at;
        }
    }
    result
}

fn in_process(c: &mut Criterion) {
    let mut group = c.benchmark_group("arrange");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    let ecommerce = integration_studio::examples::find("ecommerce")
        .unwrap()
        .project()
        .unwrap();
    group.bench_function("ecommerce", |b| {
        b.iter(|| arrange(black_box(&ecommerce), &Options::default()))
    });
    for n in [150, 1_000, 10_000] {
        let project = landscape(n, 3 * n, 1);
        group.measurement_time(Duration::from_secs(if n >= 10_000 { 20 } else { 5 }));
        group.bench_with_input(BenchmarkId::from_parameter(n), &project, |b, project| {
            b.iter(|| arrange(black_box(project), &Options::default()))
        });
    }
    group.finish();
}

/// The graphs compared: the bundled examples and generated landscapes with zones.
fn compared() -> Vec<(String, Project)> {
    let mut graphs: Vec<(String, Project)> = ["ecommerce", "bank", "hospital"]
        .iter()
        .map(|name| {
            (
                name.to_string(),
                integration_studio::examples::find(name)
                    .unwrap()
                    .project()
                    .unwrap(),
            )
        })
        .collect();
    for n in [50, 150, 400] {
        graphs.push((format!("{n}"), landscape(n, 3 * n, 7)));
    }
    graphs
}

fn folder() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/layout-compare");
    std::fs::create_dir_all(&dir).expect("target is writable");
    dir
}

/// Prints crossings and overlaps of ours, dot and ELK, and times the three processes.
fn against_dot_and_elk(c: &mut Criterion) {
    if std::env::var_os("LAYOUT_COMPARE").is_none() {
        return;
    }
    let dir = folder();
    println!(
        "\n| graph | systems | connections | ours crossings | dot crossings | ELK crossings | overlaps ours / dot / ELK |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut group = c.benchmark_group("whole-process");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500));
    for (name, project) in compared() {
        let ron = dir.join(format!("{name}.ron"));
        let gv = dir.join(format!("{name}.gv"));
        let elk_in = dir.join(format!("{name}.elk.json"));
        let elk_out = dir.join(format!("{name}.elk.out.json"));
        let ours_out = dir.join(format!("{name}.arranged.ron"));
        integration_studio::io::save(&project, &ron).expect("saved");
        std::fs::write(&gv, tools::to_dot(&project)).expect("written");
        std::fs::write(&elk_in, tools::to_elk(&project)).expect("written");
        let ours = tools::boxes_of(&arranged(&project));
        let dot = tools::run_dot(&gv);
        let elk = tools::run_elk(&elk_in, &elk_out);
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} / {} / {} |",
            project.systems.len(),
            project.connections.len(),
            tools::crossings(&project, &ours),
            tools::crossings(&project, &dot),
            tools::crossings(&project, &elk),
            tools::overlaps(&ours),
            tools::overlaps(&dot),
            tools::overlaps(&elk),
        );
        group.bench_function(BenchmarkId::new("ours", &name), |b| {
            b.iter(|| tools::run_ours(&ron, &ours_out))
        });
        group.bench_function(BenchmarkId::new("dot", &name), |b| {
            b.iter(|| tools::run_dot(&gv))
        });
        group.bench_function(BenchmarkId::new("elk", &name), |b| {
            b.iter(|| tools::run_elk(&elk_in, &elk_out))
        });
    }
    group.finish();
}

criterion_group!(layout, in_process, against_dot_and_elk);
criterion_main!(layout);
