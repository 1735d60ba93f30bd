//! Exact token counting of a ~2 MB prompt, by the two crates that ship OpenAI's
//! vocabularies: GitHub's `bpe-openai` (the app's) and `tiktoken-rs` (measured against).
//! Target: ≤ 100 ms median for o200k_base. Figures are in docs/prompt.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use integration_studio::analysis::analyze;
use integration_studio::model::{PromptScope, Tokenizer};
use integration_studio::synthetic::landscape;
use integration_studio::template::budget::fit_to_budget;
use integration_studio::template::{PromptTemplate, render};

fn big_landscape() -> integration_studio::model::Project {
    landscape(1_100, 3_300, 1)
}

/// A prompt of about 2 MB: 1,100 systems with three data flows each.
fn prompt() -> String {
    let project = big_landscape();
    let text = render(&project, &analyze(&project)).unwrap().text;
    eprintln!("prompt: {} bytes", text.len());
    text
}

fn benches(c: &mut Criterion) {
    let text = prompt();
    let mut group = c.benchmark_group("tokens");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    group.bench_function("bpe-openai o200k_base", |b| {
        b.iter(|| bpe_openai::o200k_base().count(black_box(text.as_str())))
    });
    group.bench_function("tiktoken-rs o200k_base", |b| {
        b.iter(|| {
            tiktoken_rs::o200k_base_singleton()
                .encode_ordinary(black_box(&text))
                .len()
        })
    });
    group.bench_function("bpe-openai cl100k_base", |b| {
        b.iter(|| bpe_openai::cl100k_base().count(black_box(text.as_str())))
    });
    group.bench_function("tiktoken-rs cl100k_base", |b| {
        b.iter(|| {
            tiktoken_rs::cl100k_base_singleton()
                .encode_ordinary(black_box(&text))
                .len()
        })
    });
    group.finish();
}

/// Condensing the 2 MB prompt (about 500,000 tokens) into 128k: every step renders and
/// counts again, and the tightest form does not fit, so this is the longest it takes.
fn budget(c: &mut Criterion) {
    let project = big_landscape();
    let report = analyze(&project);
    let mut group = c.benchmark_group("budget");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    group.bench_function("fit 1,100 systems into 128k", |b| {
        b.iter(|| {
            fit_to_budget(
                PromptTemplate::builtin(),
                black_box(&project),
                &report,
                128_000,
                Tokenizer::O200kBase,
            )
            .unwrap()
            .tokens
        })
    });
    // Issue 12's case: one zone of a 10,000-system landscape, within a 32k budget.
    let mut project = landscape(10_000, 30_000, 1);
    project.prompt.scope = PromptScope {
        zones: vec![project.zones[0].id],
        ..PromptScope::default()
    };
    let report = analyze(&project);
    group.bench_function("one zone of 10,000 systems into 32k", |b| {
        b.iter(|| {
            fit_to_budget(
                PromptTemplate::builtin(),
                black_box(&project),
                &report,
                32_000,
                Tokenizer::O200kBase,
            )
            .unwrap()
            .tokens
        })
    });
    group.finish();
}

criterion_group!(tokens, benches, budget);
criterion_main!(tokens);
