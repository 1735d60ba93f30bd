//! Graphviz DOT export checked by Graphviz itself (`dot -Tsvg`, Debian's graphviz,
//! installed by `scripts/install-validators`; these tests fail, not skip, without it).

mod export_support;

use std::fs;

use export_support::{
    assert_dot_renders, examples, hostile_with_dangling_flow, saved, studio, tool,
};
use integration_studio::export::to_dot;
use integration_studio::import::Format;
use proptest::prelude::*;

#[test]
fn every_example_and_the_hostile_project_render_with_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    let mut projects = examples();
    projects.push(("hostile", hostile_with_dangling_flow()));
    for (name, project) in projects {
        let file = dir.path().join(format!("{name}.gv"));
        fs::write(&file, to_dot(&project)).unwrap();
        assert_dot_renders(&file);
        let svg = fs::read_to_string(file.with_extension("svg")).unwrap();
        let xmllint = tool(
            "xmllint",
            &["--noout".as_ref(), file.with_extension("svg").as_os_str()],
        );
        assert!(
            xmllint.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&xmllint.stderr)
        );
        // Graphviz draws a node and a cluster for every system and zone, an edge for
        // every flow whose ends exist.
        let count = |class: &str| svg.matches(&format!("<g id=\"{class}")).count();
        let zones = project
            .zones
            .iter()
            .filter(|z| project.systems.iter().any(|s| s.zone == Some(z.id)))
            .count();
        assert_eq!(count("node"), project.systems.len(), "{name}");
        assert_eq!(count("clust"), zones, "{name}");
        let drawable = project
            .connections
            .iter()
            .filter(|c| project.system(c.from).is_some() && project.system(c.to).is_some())
            .count();
        assert_eq!(count("edge"), drawable, "{name}");
    }
}

#[test]
fn hostile_text_reaches_the_picture_as_text_not_markup() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.gv");
    fs::write(&file, to_dot(&hostile_with_dangling_flow())).unwrap();
    assert_dot_renders(&file);
    let svg = fs::read_to_string(file.with_extension("svg")).unwrap();
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the tag is text"
    );
    assert!(
        svg.contains("&amp;amp;"),
        "an entity in a name stays as typed"
    );
    assert!(
        svg.contains("back\\slash \\&quot; \\n \\N \\"),
        "backslashes stay as typed"
    );
    assert!(!svg.contains("<script"));
}

#[test]
fn the_command_line_writes_dot_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile_with_dangling_flow();
    let file = saved(dir.path(), "hostile", &project);
    studio()
        .args(["export", "--to", "dot"])
        .arg(&file)
        .assert()
        .success()
        .stdout(to_dot(&project));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any names: our own DOT reader finds every system, zone and flow in the export.
    #[test]
    fn hostile_names_keep_the_graph_whole(project in export_support::hostile_project()) {
        let text = to_dot(&project);
        let counts = export_support::reimported_counts(&text, Format::Dot);
        prop_assert_eq!(counts, (project.systems.len(), project.connections.len(), 1), "{}", text);
    }
}

#[test]
#[should_panic(expected = "dot refused")]
fn the_check_itself_fails_on_a_broken_graph() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.gv");
    fs::write(&file, "digraph { a -> ; label=<unclosed }\n").unwrap();
    assert_dot_renders(&file);
}
