//! The speed of importing a generated source of 10,000 elements (2,500 systems and 7,500
//! connections) in each text format, the whole import: parsing, mapping, guessing and, for
//! sources without positions, arranging. Target: at most 1 s median each on a 2-core
//! machine.

#[path = "import/sources.rs"]
mod sources;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use integration_studio::import::{Format, Options, Source, import_source};
use integration_studio::layout::{Options as Layout, arrange};
use integration_studio::synthetic::landscape;

fn import_speed(c: &mut Criterion) {
    let mut project = landscape(2_500, 7_500, 7);
    // The draw.io source keeps positions, as diagrams do: arranged once here.
    for (id, at) in arrange(&project, &Layout::default()).positions {
        if let Some(system) = project.system_mut(id) {
            system.position = at;
        }
    }
    // The inventory is two files side by side.
    let folder = tempfile::tempdir().expect("a temporary folder");
    let systems_csv = folder.path().join("systems.csv");
    std::fs::write(&systems_csv, sources::csv_systems(&project)).expect("systems.csv written");
    std::fs::write(
        folder.path().join("connections.csv"),
        sources::csv_connections(&project),
    )
    .expect("connections.csv written");
    let (elements, relations) = sources::archi_csv(&project);
    let elements_csv = folder.path().join("landscape-elements.csv");
    std::fs::write(&elements_csv, &elements).expect("elements written");
    std::fs::write(folder.path().join("landscape-relations.csv"), relations)
        .expect("relations written");
    let cases = [
        (
            "mermaid",
            Format::Mermaid,
            "l.mmd",
            sources::mermaid(&project),
        ),
        ("dot", Format::Dot, "l.gv", sources::dot(&project)),
        (
            "csv",
            Format::Csv,
            systems_csv.to_str().expect("a UTF-8 path"),
            sources::csv_systems(&project),
        ),
        (
            "backstage",
            Format::Backstage,
            "catalog-info.yaml",
            sources::backstage(&project),
        ),
        (
            "drawio",
            Format::Drawio,
            "l.drawio",
            sources::drawio(&project),
        ),
        (
            "structurizr",
            Format::Structurizr,
            "workspace.dsl",
            sources::structurizr(&project),
        ),
        (
            "archimate",
            Format::Archimate,
            "l.xml",
            sources::archimate(&project),
        ),
        (
            "archi-csv",
            Format::ArchiCsv,
            elements_csv.to_str().expect("a UTF-8 path"),
            elements,
        ),
    ];
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    for (name, format, file, text) in cases {
        let source = Source::new(Path::new(file), text);
        let imported = import_source(&source, format, &Options::default())
            .expect("the generated source imports");
        let p = &imported.project;
        assert!(
            p.systems.len() >= 2_500 && p.connections.len() >= 7_000,
            "{name}: {} systems, {} connections",
            p.systems.len(),
            p.connections.len()
        );
        group.bench_function(format!("{name}/10k-elements"), |b| {
            b.iter(|| import_source(black_box(&source), format, &Options::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, import_speed);
criterion_main!(benches);
