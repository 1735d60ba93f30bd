//! The preview's exact token count: made off the UI thread, then shown with the
//! encoding's name and a per-section bar.

mod common;

use std::time::Duration;

use common::app;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use integration_studio::model::Tokenizer;

/// Steps the app until `label` shows up or two seconds pass.
fn shows_soon(
    harness: &mut egui_kittest::Harness<'static, integration_studio::ui::StudioApp>,
    label: &str,
) -> bool {
    for _ in 0..200 {
        harness.step();
        if harness.query_by_label_contains(label).is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

#[test]
fn the_preview_shows_the_exact_token_count_with_the_tokenizer_name() {
    let mut harness = app();
    assert!(shows_soon(&mut harness, "tokens (o200k_base)"));
    let text = harness
        .state()
        .session()
        .prompt()
        .text()
        .unwrap()
        .to_owned();
    let exact = tiktoken_rs::o200k_base_singleton()
        .encode_ordinary(&text)
        .len();
    let grouped = group(exact);
    let exact_line = format!("· {grouped} tokens (o200k_base)");
    assert!(
        harness.query_by_label_contains(&exact_line).is_some(),
        "the preview should say {exact_line}"
    );
    assert!(harness.query_by_label_contains("estimate").is_none());
    let bar = harness.get_by_label_contains("Tokens by section:");
    let bar = bar.accesskit_node().label().unwrap_or_default();
    for part in [
        "Header",
        "Systems",
        "Data flows",
        "Analysis request",
        "Expected output",
    ] {
        assert!(bar.contains(part), "{bar} lacks {part}");
    }
}

#[test]
fn choosing_cl100k_base_recounts_and_undo_goes_back() {
    let mut harness = app();
    assert!(shows_soon(&mut harness, "tokens (o200k_base)"));
    harness.get_by_label("Tokenizer").click();
    harness.run();
    harness.get_by_label("cl100k_base").click();
    harness.run();
    assert_eq!(
        harness.state().session().project().prompt.tokenizer,
        Tokenizer::Cl100kBase
    );
    assert!(shows_soon(&mut harness, "tokens (cl100k_base)"));
    let text = harness
        .state()
        .session()
        .prompt()
        .text()
        .unwrap()
        .to_owned();
    let exact = tiktoken_rs::cl100k_base_singleton()
        .encode_ordinary(&text)
        .len();
    let exact_line = format!("· {} tokens (cl100k_base)", group(exact));
    assert!(harness.query_by_label_contains(&exact_line).is_some());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().project().prompt.tokenizer,
        Tokenizer::O200kBase
    );
    assert!(shows_soon(&mut harness, "tokens (o200k_base)"));
}

/// 12345 → "12,345", as the preview writes numbers (written independently of the app's).
fn group(n: usize) -> String {
    let digits: Vec<char> = n.to_string().chars().rev().collect();
    let groups: Vec<String> = digits
        .chunks(3)
        .map(|chunk| chunk.iter().rev().collect())
        .rev()
        .collect();
    groups.join(",")
}
