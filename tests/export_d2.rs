//! D2 export checked by D2 itself (`@terrastruct/d2`, its WebAssembly build under node,
//! installed by `scripts/install-validators`; these tests fail, not skip, without it):
//! every bundled example and the hostile project compile and render, with a shape for
//! every system and zone and a connection for every drawable flow.

mod export_support;

use std::fs;
use std::path::{Path, PathBuf};

use export_support::{assert_d2_renders, examples, hostile_with_dangling_flow, saved, studio};
use integration_studio::export::to_d2;
use integration_studio::model::Project;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

/// The shapes and connections D2 should draw: every system, every zone with systems,
/// the title when the project has a name, and every flow whose ends exist.
fn expected(project: &Project) -> (usize, usize) {
    let zones = project
        .zones
        .iter()
        .filter(|z| project.systems.iter().any(|s| s.zone == Some(z.id)))
        .count();
    let title = usize::from(!project.name.trim().is_empty());
    let flows = project
        .connections
        .iter()
        .filter(|c| project.system(c.from).is_some() && project.system(c.to).is_some())
        .count();
    (project.systems.len() + zones + title, flows)
}

/// Writes each project as `NAME.d2`, renders them all in one run and checks the counts.
fn check_all(dir: &Path, projects: &[(String, Project)]) -> Vec<PathBuf> {
    let files: Vec<PathBuf> = projects
        .iter()
        .map(|(name, project)| {
            let file = dir.join(format!("{name}.d2"));
            fs::write(&file, to_d2(project)).unwrap();
            file
        })
        .collect();
    let said = assert_d2_renders(&files);
    for ((name, project), file) in projects.iter().zip(&files) {
        let (shapes, connections) = expected(project);
        let line = format!(
            "{}: {shapes} shapes, {connections} connections",
            file.display()
        );
        assert!(
            said.lines().any(|l| l == line),
            "{name}: expected {line:?}, D2 said:\n{said}\n{}",
            fs::read_to_string(file).unwrap()
        );
    }
    files
}

#[test]
fn every_example_and_the_hostile_project_compile_and_render_with_d2() {
    let dir = tempfile::tempdir().unwrap();
    let mut projects: Vec<(String, Project)> = examples()
        .into_iter()
        .map(|(name, project)| (name.to_owned(), project))
        .collect();
    projects.push(("hostile".into(), hostile_with_dangling_flow()));
    let files = check_all(dir.path(), &projects);
    // The hostile text reaches the picture as text, not markup or substitutions.
    let svg = fs::read_to_string(files.last().unwrap().with_extension("svg")).unwrap();
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the tag is text"
    );
    assert!(!svg.contains("<script"));
    assert!(svg.contains("$math$ @mention"), "a $ stays as typed");
    assert!(
        svg.contains("back\\slash \\&#34;"),
        "backslashes stay as typed"
    );
    let xmllint = export_support::tool(
        "xmllint",
        &[
            "--noout".as_ref(),
            files[0].with_extension("svg").as_os_str(),
        ],
    );
    assert!(xmllint.status.success(), "{:?}", xmllint);
}

#[test]
fn hostile_names_keep_the_diagram_whole() {
    // Sixteen generated projects, checked in one D2 run (node and D2 are slow to start).
    let mut runner = TestRunner::default();
    let strategy = export_support::hostile_project();
    let projects: Vec<(String, Project)> = (0..16)
        .map(|i| {
            let project = strategy.new_tree(&mut runner).unwrap().current();
            (format!("generated-{i}"), project)
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    check_all(dir.path(), &projects);
}

#[test]
fn the_command_line_writes_d2_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile_with_dangling_flow();
    let file = saved(dir.path(), "hostile", &project);
    studio()
        .args(["export", "--to", "d2"])
        .arg(&file)
        .assert()
        .success()
        .stdout(to_d2(&project));
}

#[test]
fn the_validator_itself_refuses_a_broken_diagram() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.d2");
    fs::write(&broken, "a: \"unclosed {\nb: \"price $5\"\n").unwrap();
    let dollar = dir.path().join("dollar.d2");
    fs::write(&dollar, "b: \"x ${missing}\"\n").unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/validators/d2-check.mjs");
    let output = export_support::tool(
        "node",
        &[script.as_os_str(), broken.as_os_str(), dollar.as_os_str()],
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("broken.d2: "), "{said}");
    assert!(
        said.contains("dollar.d2: ") && said.contains("could not resolve variable"),
        "{said}"
    );
}
