//! Mermaid's `architecture-beta` export (`export --to mermaid --architecture`), checked by
//! Mermaid's own parser (mermaid 11 under jsdom, from `scripts/install-validators`; these
//! tests fail, not skip, without it).

mod export_support;

use std::fs;
use std::path::{Path, PathBuf};

use export_support::{
    assert_mermaid_parses, examples, hostile, hostile_with_dangling_flow, saved, studio,
};
use integration_studio::export::to_architecture;
use integration_studio::synthetic::landscape;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

#[test]
fn every_example_the_hostile_project_and_generated_ones_parse() {
    let dir = tempfile::tempdir().unwrap();
    let mut projects = examples();
    projects.push(("hostile", hostile()));
    projects.push(("dangling", hostile_with_dangling_flow()));
    projects.push(("generated-150", landscape(150, 300, 4)));
    // Hostile names from the property strategy, all parsed in one run of node.
    let mut runner = TestRunner::deterministic();
    for i in 0..16 {
        let tree = export_support::hostile_project()
            .new_tree(&mut runner)
            .unwrap();
        projects.push((
            Box::leak(format!("generated-{i}").into_boxed_str()),
            tree.current(),
        ));
    }
    let files: Vec<PathBuf> = projects
        .iter()
        .map(|(name, project)| {
            let text = to_architecture(project).expect("under Mermaid's text limit");
            let services = text.matches("  service ").count();
            assert_eq!(services, project.systems.len(), "{name}");
            let file = dir.path().join(format!("{name}.mmd"));
            fs::write(&file, text).unwrap();
            file
        })
        .collect();
    assert_mermaid_parses(&files);
}

#[test]
fn the_validator_refuses_an_edge_to_a_service_never_declared() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.mmd");
    fs::write(
        &broken,
        "architecture-beta\n  service a(server)[\"A\"]\n  a:R --> L:b\n",
    )
    .unwrap();
    let unclosed = dir.path().join("unclosed.mmd");
    fs::write(
        &unclosed,
        "architecture-beta\n  service a(server)[\"unclosed\n",
    )
    .unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/validators/mermaid-parse.mjs");
    let output = export_support::tool(
        "node",
        &[script.as_os_str(), broken.as_os_str(), unclosed.as_os_str()],
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("broken.mmd:"), "{said}");
    assert!(said.contains("unclosed.mmd:"), "{said}");
}

#[test]
fn the_command_line_writes_it_with_architecture_and_refuses_the_flag_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile();
    let file = saved(dir.path(), "hostile", &project);
    studio()
        .args(["export", "--to", "mermaid", "--architecture"])
        .arg(&file)
        .assert()
        .success()
        .stdout(to_architecture(&project).unwrap());
    studio()
        .args(["export", "--to", "dot", "--architecture"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--architecture is for --to mermaid",
        ));
}
