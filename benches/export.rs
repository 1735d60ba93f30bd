//! The speed of every text export of a generated landscape of 10,000 systems and 30,000
//! connections: Mermaid (which, over Mermaid's limits, is the split by zone), DOT, the
//! CSV pair and the Markdown catalogue with and without the diagram. Target: at most
//! 100 ms median each on a 2-core machine.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use integration_studio::export::{
    MarkdownOptions, MermaidOptions, to_archimate, to_architecture, to_c4_plantuml, to_csv, to_d2,
    to_dot, to_drawio, to_likec4, to_markdown, to_mermaid, to_structurizr,
};
use integration_studio::synthetic::landscape;

fn export_speed(c: &mut Criterion) {
    let project = landscape(10_000, 30_000, 11);
    let mermaid = MermaidOptions::default();
    let split = to_mermaid(&project, &mermaid).expect("splitting never refuses");
    assert!(
        split.split_from.is_some(),
        "10,000 systems are over Mermaid's limits"
    );
    let with_diagram = MarkdownOptions {
        diagram: Some(mermaid),
    };
    let mut group = c.benchmark_group("export");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("mermaid/10k-systems-30k-connections", |b| {
        b.iter(|| to_mermaid(black_box(&project), &mermaid))
    });
    group.bench_function("dot/10k-systems-30k-connections", |b| {
        b.iter(|| to_dot(black_box(&project)))
    });
    group.bench_function("csv/10k-systems-30k-connections", |b| {
        b.iter(|| to_csv(black_box(&project)))
    });
    group.bench_function("markdown/10k-systems-30k-connections", |b| {
        b.iter(|| to_markdown(black_box(&project), &MarkdownOptions::default()))
    });
    group.bench_function("markdown-with-diagram/10k-systems-30k-connections", |b| {
        b.iter(|| to_markdown(black_box(&project), &with_diagram))
    });
    // Over Mermaid's text limit at this size: the whole text is written, then refused.
    group.bench_function("mermaid-architecture/10k-systems-30k-connections", |b| {
        b.iter(|| to_architecture(black_box(&project)))
    });
    group.bench_function("d2/10k-systems-30k-connections", |b| {
        b.iter(|| to_d2(black_box(&project)))
    });
    group.bench_function("likec4/10k-systems-30k-connections", |b| {
        b.iter(|| to_likec4(black_box(&project)))
    });
    group.bench_function("drawio/10k-systems-30k-connections", |b| {
        b.iter(|| to_drawio(black_box(&project)))
    });
    group.bench_function("archimate/10k-systems-30k-connections", |b| {
        b.iter(|| to_archimate(black_box(&project)))
    });
    group.bench_function("c4-plantuml/10k-systems-30k-connections", |b| {
        b.iter(|| to_c4_plantuml(black_box(&project)))
    });
    group.bench_function("structurizr/10k-systems-30k-connections", |b| {
        b.iter(|| to_structurizr(black_box(&project)))
    });
    group.finish();
}

criterion_group!(benches, export_speed);
criterion_main!(benches);
