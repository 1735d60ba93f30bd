//! LikeC4 export checked by the likec4 CLI itself (1.59, on a node 22 of its own, both in
//! `tools/validators/likec4`, installed by `scripts/install-validators`; these tests fail,
//! not skip, without it): every bundled example and the hostile project validate, and
//! the model LikeC4 reads has every system, zone and drawable flow, titled as named.

mod export_support;

use std::fs;
use std::path::Path;

use export_support::{examples, hostile_with_dangling_flow, likec4_models, saved, studio};
use integration_studio::export::to_likec4;
use integration_studio::model::Project;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

/// Each project in a LikeC4 project folder of its own under `root`, so that their
/// names (`s7`, `z3`) do not meet.
fn write_projects(root: &Path, projects: &[(String, Project)]) {
    for (name, project) in projects {
        let dir = root.join(name);
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("likec4.config.json"),
            format!("{{\"name\": \"{name}\"}}"),
        )
        .unwrap();
        fs::write(dir.join("landscape.c4"), to_likec4(project)).unwrap();
    }
}

/// Checks them all in one validation and one export, and each model's size.
fn check_all(
    projects: &[(String, Project)],
) -> std::collections::HashMap<String, serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    write_projects(dir.path(), projects);
    let models = likec4_models(dir.path());
    for (name, project) in projects {
        let model = &models[name];
        let zones = project
            .zones
            .iter()
            .filter(|z| project.systems.iter().any(|s| s.zone == Some(z.id)))
            .count();
        let elements = model["elements"].as_object().unwrap();
        assert_eq!(elements.len(), project.systems.len() + zones, "{name}");
        // Every flow whose ends exist, but a system's flow to itself (LikeC4 refuses it).
        let flows = project
            .connections
            .iter()
            .filter(|c| c.from != c.to)
            .filter(|c| project.system(c.from).is_some() && project.system(c.to).is_some())
            .count();
        assert_eq!(
            model["relations"].as_object().unwrap().len(),
            flows,
            "{name}"
        );
    }
    models
}

/// The title LikeC4 read for the system with this id.
fn title_of(model: &serde_json::Value, id: u64) -> String {
    let suffix = format!("s{id}");
    let elements = model["elements"].as_object().unwrap();
    let (_, element) = elements
        .iter()
        .find(|(key, _)| key.rsplit('.').next() == Some(suffix.as_str()))
        .unwrap_or_else(|| panic!("no element {suffix}"));
    element["title"].as_str().unwrap().to_owned()
}

#[test]
fn every_example_and_the_hostile_project_validate_with_likec4() {
    let mut projects: Vec<(String, Project)> = examples()
        .into_iter()
        .map(|(name, project)| (name.to_owned(), project))
        .collect();
    projects.push(("hostile".into(), hostile_with_dangling_flow()));
    let models = check_all(&projects);
    for (name, project) in &projects[..projects.len() - 1] {
        for system in &project.systems {
            assert_eq!(
                title_of(&models[name], system.id.0),
                system.name.trim(),
                "{name}"
            );
        }
    }
    // Hostile names reach the model as typed: quotes, backslashes, `//`, `#`, line breaks.
    let hostile = &projects.last().unwrap().1;
    let model = &models["hostile"];
    assert_eq!(
        title_of(model, hostile.systems[0].id.0),
        "Quote \" and 'apostrophe' 0.0"
    );
    assert_eq!(
        title_of(model, hostile.systems[2].id.0),
        "back\\slash \\\" \\n \\N \\ 1.0"
    );
    assert_eq!(
        title_of(model, hostile.systems[14].id.0),
        "line one\nline two\nthree\nfour 7.0"
    );
    let tags = &model["specification"]["tags"];
    assert_eq!(tags["confidential"]["color"], "#b86c00", "{tags}");
}

#[test]
fn hostile_names_keep_the_model_whole() {
    // Sixteen generated projects, checked in one validation (node is slow to start).
    let mut runner = TestRunner::default();
    let strategy = export_support::hostile_project();
    let projects: Vec<(String, Project)> = (0..16)
        .map(|i| {
            (
                format!("generated-{i}"),
                strategy.new_tree(&mut runner).unwrap().current(),
            )
        })
        .collect();
    check_all(&projects);
}

#[test]
fn the_command_line_writes_likec4_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile_with_dangling_flow();
    let file = saved(dir.path(), "hostile", &project);
    studio()
        .args(["export", "--to", "likec4"])
        .arg(&file)
        .assert()
        .success()
        .stdout(to_likec4(&project));
}

#[test]
#[should_panic(expected = "LikeC4 refused")]
fn the_check_itself_fails_on_a_broken_model() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken");
    fs::create_dir_all(&broken).unwrap();
    fs::write(broken.join("likec4.config.json"), "{\"name\": \"broken\"}").unwrap();
    fs::write(
        broken.join("broken.c4"),
        "model {\n  a = sytem 'unclosed\n}\n",
    )
    .unwrap();
    likec4_models(dir.path());
}
