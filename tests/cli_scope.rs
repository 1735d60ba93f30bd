//! `render --scope`: choosing what the prompt is about on the command line.

use std::fs;
use std::path::{Path, PathBuf};

use cli_support::{example_file, studio};
use predicates::prelude::*;

mod cli_support;

/// The prompt `render` writes with these extra arguments.
fn render(file: &Path, args: &[&str]) -> String {
    let output = studio()
        .arg("render")
        .arg(file)
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Runs `render` with these extra arguments and checks it refuses them as a usage error.
fn refused(file: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    studio()
        .arg("render")
        .arg(file)
        .args(args)
        .assert()
        .code(2)
        .stdout("")
}

/// Two systems named alike, in zones named alike.
const TWINS: &str = r#"(
    format_version: 2,
    name: "Twins",
    zones: [
        (id: 1, name: "Core"),
        (id: 2, name: "core"),
    ],
    systems: [
        (id: 3, name: "Billing", zone: Some(1)),
        (id: 4, name: "billing", zone: Some(2)),
        (id: 5, name: "Ledger"),
    ],
    connections: [
        (id: 6, from: 3, to: 5, data: "invoices"),
    ],
    next_id: 7,
)
"#;

fn twins(dir: &Path) -> PathBuf {
    let path = dir.join("twins.ron");
    fs::write(&path, TWINS).unwrap();
    path
}

#[test]
fn a_zone_by_name_in_any_case_or_by_id_scopes_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_file(dir.path());
    let by_name = render(&file, &["--scope", "zone:payment SERVICE provider"]);
    assert!(
        by_name.contains("**Scope**: zone Payment service provider — 1 of 12 systems\n"),
        "{by_name}"
    );
    assert!(by_name.contains("**Outside this scope**"));
    assert_eq!(render(&file, &["--scope", "zone:2"]), by_name);
}

#[test]
fn without_scope_or_with_all_the_prompt_is_the_whole_landscape() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_file(dir.path());
    let whole = render(&file, &[]);
    assert!(!whole.contains("**Scope**"));
    assert_eq!(render(&file, &["--scope", "all"]), whole);
}

#[test]
fn scopes_combine_as_a_union_with_the_largest_hop_count() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_file(dir.path());
    let text = render(
        &file,
        &[
            "--scope",
            "systems:Order service",
            "--scope",
            "around:Carrier API (DHL Parcel):0",
            "--scope",
            "around:order service:1",
        ],
    );
    assert!(
        text.contains(
            "**Scope**: systems Order service and Carrier API (DHL Parcel), plus 1 hop along \
             data flows — "
        ),
        "{text}"
    );
}

#[test]
fn the_command_line_scope_overrides_the_saved_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_file(dir.path());
    // Save a scope of the Logistics partners zone (id 5) into the file.
    let saved = fs::read_to_string(&file).unwrap().replacen(
        "\n)",
        "\n  prompt: (scope: (zones: [5])),\n)",
        1,
    );
    let saved = saved.trim_end().to_owned() + "\n";
    let scoped_file = dir.path().join("scoped.ron");
    fs::write(&scoped_file, saved).unwrap();
    let text = render(&scoped_file, &[]);
    assert!(
        text.contains("**Scope**: zone Logistics partners"),
        "{text}"
    );
    let text = render(&scoped_file, &["--scope", "zone:2"]);
    assert!(
        text.contains("**Scope**: zone Payment service provider"),
        "{text}"
    );
    assert!(!render(&scoped_file, &["--scope", "all"]).contains("**Scope**"));
}

#[test]
fn an_unknown_zone_is_named_and_the_real_ones_listed() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_file(dir.path());
    refused(&file, &["--scope", "zone:Payments"]).stderr(
        predicate::str::contains("unknown zone “Payments”")
            .and(predicate::str::contains("the zones are"))
            .and(predicate::str::contains("“Payment service provider” (2)")),
    );
}

#[test]
fn an_ambiguous_name_asks_for_the_id() {
    let dir = tempfile::tempdir().unwrap();
    let file = twins(dir.path());
    for (value, noun) in [("zone:CORE", "zone"), ("systems:Ledger,billing", "system")] {
        refused(&file, &["--scope", value]).stderr(
            predicate::str::contains(format!("ambiguous {noun} name"))
                .and(predicate::str::contains("give the id")),
        );
    }
    // By id, the same systems are fine.
    let text = render(&file, &["--scope", "systems:3", "--scope", "zone:2"]);
    assert!(
        text.contains("**Scope**: zone core, system Billing — 2 of 3 systems"),
        "{text}"
    );
    assert!(
        text.contains("- **Ledger** — receives invoices from Billing"),
        "{text}"
    );
}

#[test]
fn bad_syntax_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_file(dir.path());
    for (value, problem) in [
        ("zones:A", "expected all, zone:NAME"),
        ("around:Order service", "needs a system and a hop count"),
        ("systems:", "needs system names or ids"),
    ] {
        refused(&file, &["--scope", value])
            .stderr(predicate::str::contains("--scope").and(predicate::str::contains(problem)));
    }
    refused(&file, &["--scope", "all", "--scope", "zone:2"])
        .stderr(predicate::str::contains("all cannot be combined"));
}
