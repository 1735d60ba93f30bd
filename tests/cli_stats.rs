//! `render --stats`: the prompt's size, exact tokens and tokens by section.

mod cli_support;

use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use cli_support::{example_file, studio};

/// The prompt `render` prints, to count independently with tiktoken-rs.
fn prompt_of(path: &Path) -> String {
    let out = studio().arg("render").arg(path).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn stats_json(path: &Path, extra: &[&str]) -> Value {
    let out = studio()
        .arg("render")
        .arg(path)
        .args(["--stats", "--format", "json"])
        .args(extra)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn stats_json_counts_tokens_as_tiktoken_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let prompt = prompt_of(&path);
    let json = stats_json(&path, &[]);
    assert_eq!(json["tokenizer"], "o200k_base");
    let expected = tiktoken_rs::o200k_base_singleton()
        .encode_ordinary(&prompt)
        .len();
    assert_eq!(json["tokens"].as_u64().unwrap() as usize, expected);
    assert_eq!(
        json["characters"].as_u64().unwrap() as usize,
        prompt.chars().count()
    );
    assert_eq!(
        json["words"].as_u64().unwrap() as usize,
        prompt.split_whitespace().count()
    );
    let sections: Vec<&str> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["section"].as_str().unwrap())
        .collect();
    assert_eq!(sections.first(), Some(&"Header"));
    assert!(sections.contains(&"Systems"));
    assert!(sections.contains(&"Data flows"));
    assert!(sections.contains(&"Analysis request"));
    assert_eq!(sections.last(), Some(&"Expected output"));
    let characters: u64 = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["characters"].as_u64().unwrap())
        .sum();
    assert_eq!(characters as usize, prompt.chars().count());
}

#[test]
fn tokenizer_option_overrides_the_projects() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let prompt = prompt_of(&path);
    let json = stats_json(&path, &["--tokenizer", "cl100k_base"]);
    assert_eq!(json["tokenizer"], "cl100k_base");
    let expected = tiktoken_rs::cl100k_base_singleton()
        .encode_ordinary(&prompt)
        .len();
    assert_eq!(json["tokens"].as_u64().unwrap() as usize, expected);
}

#[test]
fn stats_text_names_the_tokenizer_and_lists_sections() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let json = stats_json(&path, &[]);
    let line = format!("tokens: {} (o200k_base)", json["tokens"]);
    studio()
        .arg("render")
        .arg(&path)
        .arg("--stats")
        .assert()
        .success()
        .stdout(predicate::str::contains(line))
        .stdout(predicate::str::contains("Expected output"))
        .stdout(predicate::str::contains("# Integration Pattern Analysis").not());
}

#[test]
fn an_unknown_tokenizer_is_refused_with_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    studio()
        .arg("render")
        .arg(&path)
        .args(["--stats", "--tokenizer", "gpt2"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("o200k_base and cl100k_base"));
}
