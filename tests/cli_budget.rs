//! `render --budget`: the prompt condensed step by step until it fits, said on stderr.

mod cli_support;

use std::path::Path;

use predicates::prelude::*;

use cli_support::{example_file, studio};

fn tokens_of(text: &str) -> usize {
    tiktoken_rs::o200k_base_singleton()
        .encode_ordinary(text)
        .len()
}

fn render(path: &Path, budget: &str) -> (String, String, i32) {
    let out = studio()
        .arg("render")
        .arg(path)
        .args(["--budget", budget])
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn a_budget_the_prompt_fits_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let full = studio().arg("render").arg(&path).output().unwrap();
    let (text, stderr, code) = render(&path, "1M");
    assert_eq!(code, 0);
    assert_eq!(text.as_bytes(), full.stdout.as_slice());
    assert!(!stderr.contains("condensed"), "{stderr}");
}

#[test]
fn an_over_budget_prompt_is_condensed_to_fit_and_stderr_says_how() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let (text, stderr, code) = render(&path, "7k");
    assert_eq!(code, 0, "{stderr}");
    assert!(tokens_of(&text) <= 7_000, "{} tokens", tokens_of(&text));
    assert!(
        stderr.contains("over the budget of 7,000; condensed to"),
        "{stderr}"
    );
    assert!(stderr.contains("left out"), "{stderr}");
    // The header variables stay.
    assert!(text.contains("**Integration Scope**: "));
    assert!(text.contains("## Expected Output Format"));
}

#[test]
fn a_budget_nothing_can_meet_says_by_how_much_and_suggests_a_scope() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let (text, stderr, code) = render(&path, "1000");
    assert_eq!(
        code, 1,
        "over budget at its tightest is a problem: {stderr}"
    );
    assert!(!text.is_empty(), "the tightest prompt is still written");
    let over = tokens_of(&text) - 1_000;
    let over = over.to_string();
    let grouped = format!("{},{}", &over[..over.len() - 3], &over[over.len() - 3..]);
    assert!(
        stderr.contains(&format!("{grouped} over the budget")),
        "{stderr} should say {grouped} over"
    );
    assert!(
        stderr.contains("for example one zone: “AWS eu-central-1"),
        "{stderr}"
    );
}

#[test]
fn a_budget_that_is_no_number_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    studio()
        .arg("render")
        .arg(&path)
        .args(["--budget", "lots"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("“lots” is not a token budget"));
}

#[test]
fn the_projects_own_budget_is_used_and_stats_count_the_condensed_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    // The saved setting, as docs/file-format.md spells it.
    let with_budget = text.replacen(
        "\n  systems: [",
        "\n  prompt: (\n    budget: Some(7000),\n  ),\n  systems: [",
        1,
    );
    assert_ne!(
        with_budget, text,
        "the example has a systems list to put the block before"
    );
    std::fs::write(&path, with_budget).unwrap();
    let out = studio()
        .arg("render")
        .arg(&path)
        .args(["--stats", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["tokens"].as_u64().unwrap() <= 7_000, "{json}");
}
