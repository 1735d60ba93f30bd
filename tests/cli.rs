//! The command line, driven as a user drives it.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn studio() -> Command {
    Command::cargo_bin("integration-studio").unwrap()
}

/// Writes the e-commerce example into `dir` and returns its path.
fn example_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("shop.ron");
    studio()
        .args(["example", "ecommerce", "-o"])
        .arg(&path)
        .assert()
        .success();
    path
}

/// A small project with a dangling connection end and an SLA of 120 %.
const TWO_PROBLEMS: &str = r#"(
    format_version: 2,
    name: "Broken",
    systems: [
        (id: 1, name: "A", availability: (percent: 120.0, note: "")),
    ],
    connections: [
        (id: 2, from: 1, to: 9),
    ],
    next_id: 3,
)
"#;

#[test]
fn every_subcommand_has_help() {
    for sub in ["render", "check", "example", "fmt"] {
        studio()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: integration-studio"));
    }
    studio()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("render").and(predicate::str::contains("check")));
}

#[test]
fn without_a_subcommand_it_opens_the_app_and_says_how() {
    studio()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("[FILE]"))
        .stdout(predicate::str::contains("--screenshot <PATH>"));
}

#[test]
fn example_lists_every_bundled_landscape() {
    studio()
        .arg("example")
        .assert()
        .success()
        .stdout(predicate::str::contains("ecommerce"))
        .stdout(predicate::str::contains("bank"))
        .stdout(predicate::str::contains("hospital"));
}

#[test]
fn example_writes_a_file_and_will_not_overwrite_one_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let written = fs::read_to_string(&path).unwrap();
    assert!(written.contains("format_version: 2"));

    fs::write(&path, "my own work").unwrap();
    studio()
        .args(["example", "bank", "-o"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "my own work");

    studio()
        .args(["example", "bank", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("format_version: 2")
    );
}

#[test]
fn example_with_an_unknown_name_lists_the_real_ones() {
    studio()
        .args(["example", "zoo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ecommerce, bank, hospital"));
}

#[test]
fn check_accepts_a_valid_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    studio()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("valid"));
}

#[test]
fn check_reports_every_problem_at_file_line_col_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    fs::write(&path, TWO_PROBLEMS).unwrap();
    let shown = path.display().to_string();
    studio()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{shown}:5:43: error: system “A” has availability 120%"
        )))
        .stdout(predicate::str::contains(format!(
            "{shown}:8:26: error: connection 2"
        )))
        .stdout(predicate::str::contains("2 problems"));
}

#[test]
fn check_exits_2_with_a_snippet_when_the_file_does_not_parse() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.ron");
    fs::write(&path, TWO_PROBLEMS.replace("name: \"A\"", "nmae: \"A\"")).unwrap();
    studio()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{}:5:17", path.display())))
        .stderr(predicate::str::contains("nmae"))
        .stderr(predicate::str::contains("^^^^"));
}

#[test]
fn check_exits_2_for_a_missing_file_and_for_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    studio()
        .arg("check")
        .arg(dir.path().join("nope.ron"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file"));
    studio()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("folder"));
}

#[test]
fn check_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    fs::write(&path, TWO_PROBLEMS).unwrap();
    let output = studio()
        .args(["check", "--format", "json"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(report["status"], "problems");
    assert_eq!(report["format_version"], 2);
    assert_eq!(report["summary"]["systems"], 1);
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0]["code"], "sla-out-of-range");
    assert_eq!(problems[0]["line"], 5);
    assert_eq!(problems[0]["item"]["kind"], "system");
    assert_eq!(problems[1]["code"], "dangling-reference");
    assert_eq!(problems[1]["path"], "connections[0].to");
    assert_eq!(problems[1]["item"]["id"], 2);
    assert!(report["error"].is_null());

    fs::write(&path, "(format_version: 2, name: ").unwrap();
    let output = studio()
        .args(["check", "--format", "json"])
        .arg(&path)
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(report["status"], "unreadable");
    assert_eq!(report["error"]["line"], 1);
    assert!(
        report["error"]["message"]
            .as_str()
            .unwrap()
            .contains("ends too early")
    );
}

#[test]
fn render_writes_the_prompt_to_stdout_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let stdout = studio()
        .arg("render")
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(stdout).unwrap();
    assert!(text.starts_with("# Integration Pattern Analysis"));
    assert!(!text.contains("⟦missing"));

    let out = dir.path().join("prompt.md");
    studio()
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    assert_eq!(fs::read_to_string(&out).unwrap(), text);
}

#[test]
fn render_lists_missing_values_on_stderr_and_can_fail_on_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bare.ron");
    fs::write(
        &path,
        "(format_version: 2, name: \"Bare\", systems: [(id: 1, name: \"ERP\")])",
    )
    .unwrap();
    studio()
        .arg("render")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "**Latency Requirements**: ⟦missing: Latency Requirements⟧",
        ))
        .stderr(predicate::str::contains("missing values"))
        .stderr(predicate::str::contains("Purpose of system “ERP” (id 1)"));
    studio()
        .args(["render", "--fail-on-missing"])
        .arg(&path)
        .assert()
        .code(1);
}

#[test]
fn render_of_a_broken_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    fs::write(&path, "(format_version: 2, name: 7)").unwrap();
    let out = dir.path().join("prompt.md");
    studio()
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{}:1:", path.display())));
    assert!(!out.exists());
}

#[test]
fn fmt_rewrites_a_hand_edited_file_canonically_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hand.ron");
    let hand_written = "// my notes\n(format_version: 2, name: \"Hand\", systems: [(id: 1, name: \"A\", data_format: Some(Json))])";
    fs::write(&path, hand_written).unwrap();
    studio()
        .args(["fmt", "--check"])
        .arg(&path)
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&path).unwrap(), hand_written);

    studio().arg("fmt").arg(&path).assert().success();
    let formatted = fs::read_to_string(&path).unwrap();
    assert!(
        formatted.contains("\n      data_format: Json,\n"),
        "{formatted}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("hand.ron.bak")).unwrap(),
        hand_written
    );

    studio()
        .args(["fmt", "--check"])
        .arg(&path)
        .assert()
        .success();
    studio()
        .arg("fmt")
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("already in canonical form"));
    assert_eq!(fs::read_to_string(&path).unwrap(), formatted);
}

#[test]
fn fmt_migrates_a_version_1_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    fs::copy("tests/fixtures/shop-v1.ron", &path).unwrap();
    studio()
        .arg("fmt")
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "migrated from format version 1 to 2",
        ));
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("format_version: 2,"));
    studio().arg("check").arg(&path).assert().success();
}

#[test]
fn fmt_leaves_a_broken_or_newer_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "broken.ron",
            "(format_version: 2, name: \"x\", systems: [(id: 1,",
        ),
        (
            "newer.ron",
            "(format_version: 9, name: \"from the future\", hologram: true)",
        ),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        studio()
            .arg("fmt")
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("was not changed"));
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
        assert!(!dir.path().join(format!("{name}.bak")).exists());
    }
}
