//! Choosing the prompt template on the command line: `template list` and
//! `render --template`.

mod cli_support;

use std::fs;
use std::path::{Path, PathBuf};

use cli_support::{example_file, studio};
use predicates::prelude::*;

/// A small project that names `template` in its prompt block.
fn project_naming(dir: &Path, template: &str) -> PathBuf {
    let path = dir.join("named.ron");
    let text = format!(
        "(\n    format_version: 2,\n    name: \"Named\",\n    prompt: (template: \"{template}\"),\n)\n"
    );
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn template_list_names_every_builtin_template_and_marks_the_default() {
    let output = studio().args(["template", "list"]).assert().success();
    let stdout = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with("cm-010 "), "{stdout}");
    assert!(lines[0].ends_with("(default)"), "{stdout}");
    assert!(lines[1].starts_with("integration-pattern-module "));
    assert!(!lines[1].contains("(default)"));
    assert!(lines[1].contains("Integration Pattern Module"));
}

#[test]
fn template_needs_a_subcommand_and_has_help() {
    studio().arg("template").assert().failure().code(2);
    studio()
        .args(["template", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("list"));
}

#[test]
fn render_template_overrides_the_projects_choice() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    studio()
        .arg("render")
        .arg(&path)
        .args(["--template", "integration-pattern-module"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "# Integration Pattern Module\n",
        ))
        .stdout(predicate::str::contains(
            "## Phase 2: `design_integration_architecture`",
        ));
    // The file is not changed, and without the flag its own (default) template is used.
    studio()
        .arg("render")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "# Integration Pattern Analysis\n",
        ));
    let named = project_naming(dir.path(), "integration-pattern-module");
    studio()
        .arg("render")
        .arg(&named)
        .assert()
        .stdout(predicate::str::starts_with(
            "# Integration Pattern Module\n",
        ));
    studio()
        .arg("render")
        .arg(&named)
        .args(["--template", "cm-010"])
        .assert()
        .stdout(predicate::str::starts_with(
            "# Integration Pattern Analysis\n",
        ));
}

#[test]
fn an_unknown_template_is_an_error_that_names_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path());
    let out = dir.path().join("prompt.md");
    studio()
        .arg("render")
        .arg(&path)
        .args(["--template", "cm-011", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "unknown template “cm-011”; the built-in templates are cm-010 and \
             integration-pattern-module",
        ));
    assert!(!out.exists(), "nothing is written");
    // The same when the project file itself names it.
    let named = project_naming(dir.path(), "cm-011");
    studio()
        .arg("render")
        .arg(&named)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown template “cm-011”"));
}
