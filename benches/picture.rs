//! The cost of pictures: SVG and PNG (2×) of a bundled example and of a generated
//! landscape of 400 systems with zones.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use integration_studio::picture::{PictureOptions, to_png, to_svg};
use integration_studio::synthetic::landscape;

fn pictures(c: &mut Criterion) {
    let mut group = c.benchmark_group("picture");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let options = PictureOptions::default();
    let ecommerce = integration_studio::examples::find("ecommerce")
        .unwrap()
        .project()
        .unwrap();
    let large = landscape(400, 1_200, 1);
    for (name, project) in [("ecommerce", &ecommerce), ("400", &large)] {
        group.bench_function(format!("svg/{name}"), |b| {
            b.iter(|| to_svg(black_box(project), &options))
        });
        group.bench_function(format!("png/{name}"), |b| {
            b.iter(|| to_png(black_box(project), &options).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, pictures);
criterion_main!(benches);
