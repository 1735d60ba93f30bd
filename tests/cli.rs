//! The command line, driven as a user drives it.

use std::fs;
use std::path::Path;

use cli_support::{example_file, studio};
use predicates::prelude::*;
use serde_json::Value;

mod cli_support;

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
    for sub in ["render", "check", "example", "fmt", "arrange"] {
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
            .contains("the file ends before the project opened on line 1, column 1")
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

// ---- check: findings, readiness and --fail-on -------------------------------------------

/// Two systems and the given connections, every value filled in; `{type}` and `{flows}`
/// are replaced. Both systems hold Confidential data, and every flow is encrypted and
/// authenticated, so only what the flows' style and resilience imply is found.
const LANDSCAPE: &str = r#"(
    format_version: 2,
    name: "Shop",
    requirements: (
        integration_scope: "Orders from the shop to the ERP",
        integration_type: Some({type}),
        data_volume: "1,000 orders a day",
        latency_requirements: "Orders reach the ERP within 1 min",
        reliability_requirements: "No order is lost",
        security_classification: Some(Confidential),
        regulatory_compliance: [Gdpr],
    ),
    systems: [
        (id: 1, name: "Shop", purpose: "Takes orders", technology: "Rust", data_format: Some(Json), communication: Some(Rest), availability: (percent: Some(99.9), note: ""), sensitivity: Some(Confidential)),
        (id: 2, name: "ERP", purpose: "Books orders", technology: "SAP", data_format: Some(Json), communication: Some(Rest), availability: (percent: Some(99.9), note: ""), sensitivity: Some(Confidential)),
    ],
    connections: [
{flows}
    ],
    next_id: 9,
)
"#;

/// One flow from system `from` to `to` with the given protocol, style and resilience.
fn flow(id: u64, from: u64, to: u64, protocol: &str, style: &str, resilience: &str) -> String {
    format!(
        "        (id: {id}, from: {from}, to: {to}, data: \"orders\", protocol: Some({protocol}), \
         style: Some({style}), data_format: Some(Json), authentication: Some(OAuth2), \
         encrypted: true, resilience: [{resilience}]),"
    )
}

/// An asynchronous flow with retries, a dead-letter queue and idempotency: nothing to find.
fn clean() -> String {
    let flows = flow(
        3,
        1,
        2,
        "MessageQueue",
        "AsyncMessage",
        "RetryWithBackoff, DeadLetterQueue, Idempotency",
    );
    LANDSCAPE
        .replace("{type}", "EventDriven")
        .replace("{flows}", &flows)
}

/// Shop calls ERP and ERP calls Shop, both synchronously (with timeouts): a `sync-cycle`,
/// which is an error.
fn sync_cycle() -> String {
    let flows = [
        flow(3, 1, 2, "Rest", "SyncRequestResponse", "Timeout"),
        flow(4, 2, 1, "Rest", "SyncRequestResponse", "Timeout"),
    ]
    .join("\n");
    LANDSCAPE
        .replace("{type}", "RealTime")
        .replace("{flows}", &flows)
}

/// One synchronous call without a timeout: `sync-without-timeout`, a warning, and no error.
fn warning_only() -> String {
    let flows = flow(3, 1, 2, "Rest", "SyncRequestResponse", "RetryWithBackoff");
    LANDSCAPE
        .replace("{type}", "RealTime")
        .replace("{flows}", &flows)
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// Runs the binary with `args` and then `path`, expects `code`, and returns standard output.
fn stdout_of(args: &[&str], path: &Path, code: i32) -> String {
    let output = studio()
        .args(args)
        .arg(path)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(output).unwrap()
}

fn check_json(path: &Path, code: i32) -> Value {
    serde_json::from_str(&stdout_of(&["check", "--format", "json"], path, code)).unwrap()
}

/// The Integration Pattern Module's validation lines (a unit test holds them to the module).
const MODULE_LINES: [&str; 6] = integration_studio::analysis::READINESS_LINES;

#[test]
fn check_of_a_clean_project_exits_0_even_with_fail_on_info() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "clean.ron", &clean());
    for fail_on in ["error", "info"] {
        studio()
            .args(["check", "--fail-on", fail_on])
            .arg(&path)
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Findings: none"))
            .stdout(predicate::str::contains("Readiness: 100%"));
    }
}

#[test]
fn check_prints_the_readiness_checklist_by_phase_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    // One system the flows never reach: "Data flows are mapped" is partial and names it.
    let text = clean().replace(
        "    ],\n    connections",
        "        (id: 7, name: \"Archive\", purpose: \"Keeps orders\", technology: \"S3\", data_format: Some(Json), communication: Some(FileTransfer), availability: (percent: Some(99.9), note: \"\"), sensitivity: Some(Confidential)),\n    ],\n    connections",
    );
    let path = write(dir.path(), "archive.ron", &text);
    let stdout = stdout_of(&["check"], &path, 0);
    assert!(stdout.contains("\nReadiness: 92%\n"), "{stdout}");
    assert!(
        stdout.contains("  Define integration requirements\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  Design integration architecture\n"),
        "{stdout}"
    );
    for line in MODULE_LINES {
        assert!(stdout.contains(line), "{line} missing from {stdout}");
    }
    assert!(
        stdout.contains(
            "    partial  Data flows are mapped\n             - No data flow (1 of 3 systems): “Archive”.\n"
        ),
        "{stdout}"
    );
}

#[test]
fn check_json_adds_findings_acknowledged_readiness_and_availability() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "clean.ron", &clean());
    let report = check_json(&path, 0);
    // The fields every earlier consumer reads are unchanged.
    assert_eq!(report["status"], "valid");
    assert_eq!(report["summary"]["connections"], 1);
    assert!(report["problems"].as_array().unwrap().is_empty());
    assert!(report["findings"].as_array().unwrap().is_empty());
    assert!(report["acknowledged"].as_array().unwrap().is_empty());
    let readiness = &report["readiness"];
    assert_eq!(readiness["score_percent"], 100);
    let checks = readiness["checks"].as_array().unwrap();
    let labels: Vec<_> = checks
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, MODULE_LINES);
    assert_eq!(checks[0]["phase"], "define_integration_requirements");
    assert_eq!(checks[5]["phase"], "design_integration_architecture");
    for check in checks {
        assert_eq!(check["status"], "passed");
        assert!(!check["reasons"].as_array().unwrap().is_empty());
        assert!(check["reasons"][0].is_string());
    }
    let availability = report["availability"].as_array().unwrap();
    assert_eq!(availability.len(), 2);
    assert_eq!(availability[0]["system"], 1);
    assert_eq!(availability[0]["name"], "Shop");
    assert_eq!(availability[0]["own_percent"], 99.9);
    assert!(availability[0]["effective_percent"].is_number());

    // An unreadable file has the new fields too, empty.
    fs::write(&path, "(format_version: 2, name: ").unwrap();
    let report = check_json(&path, 2);
    assert!(report["findings"].as_array().unwrap().is_empty());
    assert!(report["acknowledged"].as_array().unwrap().is_empty());
    assert!(report["readiness"].is_null());
    assert!(report["availability"].as_array().unwrap().is_empty());
}

#[test]
fn check_json_findings_have_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cycle.ron", &sync_cycle());
    let report = check_json(&path, 1);
    assert_eq!(report["status"], "valid");
    let findings = report["findings"].as_array().unwrap();
    let cycle = &findings[0];
    assert_eq!(cycle["rule"], "sync-cycle");
    assert_eq!(cycle["severity"], "error");
    for text in ["message", "why", "pattern", "key"] {
        assert!(!cycle[text].as_str().unwrap().is_empty(), "{text}");
    }
    assert!(cycle["message"].as_str().unwrap().contains("Shop"));
    assert_eq!(cycle["systems"], serde_json::json!([1, 2]));
    assert!(
        cycle["connections"]
            .as_array()
            .unwrap()
            .iter()
            .all(Value::is_u64)
    );
    let architecture = &report["readiness"]["checks"][3];
    assert_eq!(architecture["label"], MODULE_LINES[3]);
    assert_eq!(architecture["status"], "failed");
}

#[test]
fn check_exits_1_on_an_error_finding_and_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cycle.ron", &sync_cycle());
    studio()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        // The file itself is fine; the landscape is not.
        .stdout(predicate::str::contains("cycle.ron: valid"))
        .stdout(predicate::str::contains("Findings: 1 error"))
        .stdout(predicate::str::is_match(r"\n  error +sync-cycle +Synchronous calls").unwrap())
        .stdout(predicate::str::contains(
            "    failed   Integration architecture is well-designed",
        ));
}

#[test]
fn check_fail_on_never_ignores_findings_but_not_problems() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cycle.ron", &sync_cycle());
    studio()
        .args(["check", "--fail-on", "never"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("sync-cycle"));
    let broken = write(dir.path(), "broken.ron", TWO_PROBLEMS);
    studio()
        .args(["check", "--fail-on", "never"])
        .arg(&broken)
        .assert()
        .code(1);
}

#[test]
fn check_warnings_fail_only_with_fail_on_warning_or_info() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "warn.ron", &warning_only());
    studio().arg("check").arg(&path).assert().code(0).stdout(
        predicate::str::is_match(r"\n  warning +sync-without-timeout +Shop → ERP").unwrap(),
    );
    for (fail_on, code) in [("error", 0), ("warning", 1), ("info", 1), ("never", 0)] {
        studio()
            .args(["check", "--fail-on", fail_on])
            .arg(&path)
            .assert()
            .code(code);
    }
}

#[test]
fn check_counts_acknowledged_findings_and_they_do_not_fail_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cycle.ron", &sync_cycle());
    let key = check_json(&path, 1)["findings"][0]["key"]
        .as_str()
        .unwrap()
        .to_owned();
    let acknowledged = sync_cycle().replace(
        "    next_id: 9,\n",
        &format!(
            "    next_id: 9,\n    analysis: (acknowledgements: [(finding: \"{key}\", reason: \"ERP calls back only for stock, never during an order call\")]),\n"
        ),
    );
    fs::write(&path, acknowledged).unwrap();
    studio()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("(1 acknowledged, not listed)"))
        .stdout(predicate::str::contains("sync-cycle").not());
    let report = check_json(&path, 0);
    let acknowledged = &report["acknowledged"][0];
    assert_eq!(acknowledged["rule"], "sync-cycle");
    assert_eq!(acknowledged["key"], key.as_str());
    assert!(
        acknowledged["reason"]
            .as_str()
            .unwrap()
            .starts_with("ERP calls back")
    );
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "sync-cycle")
    );
    assert_eq!(report["readiness"]["checks"][3]["status"], "partial");
}

#[test]
fn render_puts_the_findings_into_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cycle.ron", &sync_cycle());
    let text = stdout_of(&["render"], &path, 0);
    let risks = text
        .find("## Risks found in the current landscape")
        .unwrap();
    assert!(risks < text.find("Please provide comprehensive").unwrap());
    let section = &text[risks..];
    assert!(section.contains("\n1. **Error**: "), "{section}");
    assert!(section.contains("Shop → ERP → Shop"), "{section}");
}

/// Runs a subcommand whose reader has already gone, as in `… | head -1` once head is done.
fn run_into_a_closed_pipe(args: &[&str]) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_integration-studio"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_every_printing_subcommand_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let file = path.to_str().unwrap();
    for args in [
        &["check", file][..],
        &["check", "--format", "json", file],
        &["render", file],
        &["example"],
        &["example", "ecommerce"],
    ] {
        let output = run_into_a_closed_pipe(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(141), "{args:?}: {stderr}");
    }
}

/// The command-line-only build cannot open a window, says so and how to get one.
#[cfg(not(feature = "gui"))]
#[test]
fn the_headless_build_says_it_has_no_app_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    studio()
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("command-line-only build"))
        .stderr(predicate::str::contains("cargo install --path ."));
    // Every subcommand still works.
    studio().arg("check").arg(&path).assert().success();
}

#[test]
fn arrange_rewrites_the_file_keeps_a_backup_and_leaves_pinned_systems() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let mut project = integration_studio::io::load(&path).unwrap().project;
    let pinned = project.systems[3].id;
    project.system_mut(pinned).unwrap().pinned = true;
    integration_studio::io::save(&project, &path).unwrap();
    let before = fs::read_to_string(&path).unwrap();
    assert!(before.contains("pinned: true"), "the pin is written");
    studio()
        .arg("arrange")
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "arranged 11 systems, 1 pinned system left",
        ));
    let after = integration_studio::io::load(&path).unwrap().project;
    assert_eq!(after.system(pinned), project.system(pinned));
    assert_ne!(after, project, "the others moved");
    let backup = integration_studio::io::backup_path(&path);
    let kept = fs::read_to_string(backup).unwrap() == before;
    assert!(kept, "the backup is the file as it was before arranging");
}

#[test]
fn arrange_top_to_bottom_into_another_file_and_refuse_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let original = fs::read_to_string(&path).unwrap();
    let out = dir.path().join("down.ron");
    studio()
        .args(["arrange", "--direction", "down", "-o"])
        .arg(&out)
        .arg(&path)
        .assert()
        .success();
    let untouched = fs::read_to_string(&path).unwrap() == original;
    assert!(untouched, "the source is untouched");
    integration_studio::io::load(&out).unwrap();

    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(format_version: 2, name: \"cut").unwrap();
    studio()
        .arg("arrange")
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("broken.ron")
                .and(predicate::str::contains("Nothing was written")),
        );
    assert_eq!(
        fs::read_to_string(&broken).unwrap(),
        "(format_version: 2, name: \"cut"
    );
}
