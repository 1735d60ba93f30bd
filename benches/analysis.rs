//! The speed of `analysis::analyze` on synthetic landscapes of 1,000 systems with 3,000
//! connections and 10,000 with 30,000. About half of the synthetic connections are
//! synchronous calls, so the call graph has long chains and one big cycle: the worst case
//! for the path and availability computations.
//!
//! Targets on a 2-core machine: 1,000 systems ≤ 10 ms, 10,000 systems ≤ 150 ms (medians).
//! Run with `cargo bench --bench analysis`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use integration_studio::analysis::analyze;
use integration_studio::synthetic::landscape;

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    for n in [1_000, 10_000] {
        let project = landscape(n, 3 * n, 1);
        let report = analyze(&project);
        // The bench must exercise the rules that walk the call graph.
        for rule in ["sync-chain", "sync-cycle", "availability-below-sla"] {
            assert!(
                report.findings.iter().any(|f| f.rule == rule),
                "{n}: no {rule}"
            );
        }
        group.measurement_time(Duration::from_secs(if n >= 10_000 { 8 } else { 4 }));
        group.bench_with_input(BenchmarkId::from_parameter(n), &project, |b, project| {
            b.iter_with_large_drop(|| analyze(black_box(project)))
        });
    }
    group.finish();
}

criterion_group!(analysis, benches);
criterion_main!(analysis);
