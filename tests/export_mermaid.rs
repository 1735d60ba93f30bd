//! Mermaid export checked by Mermaid's own parser (mermaid 11 under jsdom, installed by
//! `scripts/install-validators`; these tests fail, not skip, without it): every bundled
//! example, the hostile project, and split landscapes, every diagram of them.

mod export_support;

use std::fs;
use std::path::{Path, PathBuf};

use export_support::{
    assert_mermaid_parses, examples, hostile, hostile_with_dangling_flow, saved, studio,
};
use integration_studio::export::{Limits, Mermaid, MermaidOptions, to_mermaid};
use integration_studio::import::Format;
use integration_studio::model::Project;
use integration_studio::synthetic::landscape;
use predicates::prelude::*;
use proptest::prelude::*;

fn mermaid(project: &Project, limits: Limits) -> Mermaid {
    let options = MermaidOptions {
        no_split: false,
        limits,
    };
    to_mermaid(project, &options).expect("splitting never refuses")
}

/// Each diagram in a file of its own, named after `stem`.
fn write_all(dir: &Path, stem: &str, mermaid: &Mermaid) -> Vec<PathBuf> {
    mermaid
        .diagrams
        .iter()
        .enumerate()
        .map(|(i, diagram)| {
            let path = dir.join(format!("{stem}-{i}.mmd"));
            fs::write(&path, &diagram.text).unwrap();
            path
        })
        .collect()
}

#[test]
fn every_example_the_hostile_project_and_every_split_diagram_parse() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (name, project) in examples() {
        let whole = mermaid(&project, Limits::default());
        assert_eq!(whole.diagrams.len(), 1, "{name} fits in one diagram");
        files.extend(write_all(dir.path(), name, &whole));
        // Cut small, so that every example is split into summaries, zones and parts.
        let small = Limits {
            max_edges: 3,
            max_text: 2_500,
        };
        let split = mermaid(&project, small);
        assert!(split.diagrams.len() > 3, "{name} is split");
        files.extend(write_all(dir.path(), &format!("{name}-split"), &split));
    }
    let hostile = hostile_with_dangling_flow();
    files.extend(write_all(
        dir.path(),
        "hostile",
        &mermaid(&hostile, Limits::default()),
    ));
    let small = Limits {
        max_edges: 4,
        max_text: 4_000,
    };
    files.extend(write_all(
        dir.path(),
        "hostile-split",
        &mermaid(&hostile, small),
    ));
    // Over Mermaid's real limits: 2,000 systems and 6,000 flows.
    let big = mermaid(&landscape(2_000, 6_000, 3), Limits::default());
    assert!(big.split_from.is_some());
    files.extend(write_all(dir.path(), "big", &big));
    assert_mermaid_parses(&files);
}

#[test]
fn a_split_keeps_every_system_and_every_flow_inside_a_zone_and_each_part_is_in_limits() {
    let project = landscape(2_000, 6_000, 3);
    let limits = Limits::default();
    let split = mermaid(&project, limits);
    let size = split.split_from.expect("over the limits");
    assert_eq!(size.edges, 6_000);
    let mut nodes = std::collections::HashSet::new();
    let mut inside = 0;
    for diagram in &split.diagrams {
        let edges = diagram
            .text
            .lines()
            .filter(|l| l.contains("-->") || l.contains("-.->"))
            .count();
        assert!(
            edges <= limits.max_edges,
            "{}: {edges} edges",
            diagram.title
        );
        if diagram.title.starts_with("Zone: ") {
            inside += edges;
        }
        let chars: usize = diagram.text.chars().map(char::len_utf16).sum();
        assert!(
            chars <= limits.max_text,
            "{}: {chars} characters",
            diagram.title
        );
        nodes.extend(
            diagram
                .text
                .lines()
                .filter(|l| l.starts_with("    s") && l.as_bytes()[5].is_ascii_digit())
                .map(|l| l.split('[').next().unwrap().trim().to_owned()),
        );
    }
    assert_eq!(nodes.len(), 2_000, "every system is drawn somewhere");
    let zone = |id| project.system(id).and_then(|s| s.zone);
    let expected = project
        .connections
        .iter()
        .filter(|c| zone(c.from) == zone(c.to))
        .count();
    assert_eq!(
        inside, expected,
        "every flow inside a zone is drawn in its zone"
    );
    assert!(split.diagrams[0].title.starts_with("Flows between zones"));
}

#[test]
fn the_command_line_writes_mermaid_to_standard_output_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path(), "hostile", &hostile());
    let expected = to_mermaid(&hostile(), &MermaidOptions::default())
        .unwrap()
        .to_text();
    studio()
        .args(["export", "--to", "mermaid"])
        .arg(&file)
        .assert()
        .success()
        .stdout(expected.clone());
    let out = dir.path().join("out.mmd");
    studio()
        .args(["export", "--to", "mermaid", "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote the landscape as Mermaid"));
    assert_eq!(fs::read_to_string(&out).unwrap(), expected);
    assert_mermaid_parses(&[out]);
}

#[test]
fn over_the_limits_the_command_line_splits_or_with_no_split_refuses_with_the_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path(), "big", &landscape(600, 1_200, 5));
    let out = dir.path().join("big.md");
    studio()
        .args(["export", "--to", "mermaid", "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("1200 edges").and(predicate::str::contains("split by zone")),
        );
    let text = fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("```mermaid\nflowchart LR\n"),
        "{}",
        &text[..200]
    );
    studio()
        .args(["export", "--to", "mermaid", "--no-split", "-o"])
        .arg(dir.path().join("refused.mmd"))
        .arg(&file)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("1200 edges")
                .and(predicate::str::contains(
                    "limits of 500 edges (maxEdges) and 50000 characters",
                ))
                .and(predicate::str::contains("Nothing was written")),
        );
    assert!(!dir.path().join("refused.mmd").exists());
    studio()
        .args(["export", "--to", "dot", "--no-split"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--no-split is for --to mermaid"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any names: the diagram still has every system, flow and zone, as a parser reads it.
    #[test]
    fn hostile_names_keep_the_diagram_whole(project in export_support::hostile_project()) {
        let text = to_mermaid(&project, &MermaidOptions::default()).unwrap().to_text();
        let counts = export_support::reimported_counts(&text, Format::Mermaid);
        prop_assert_eq!(counts, (project.systems.len(), project.connections.len(), 1), "{}", text);
    }
}

#[test]
fn the_validator_itself_refuses_a_broken_diagram_and_one_over_the_edge_limit() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.mmd");
    fs::write(&broken, "flowchart LR\n  a[\"unclosed] --> b\n").unwrap();
    let mut many = String::from("flowchart LR\n");
    for i in 0..501 {
        many.push_str(&format!("  a{i} --> b{i}\n"));
    }
    let too_many = dir.path().join("too-many.mmd");
    fs::write(&too_many, many).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/validators/mermaid-parse.mjs");
    let output = export_support::tool(
        "node",
        &[script.as_os_str(), broken.as_os_str(), too_many.as_os_str()],
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("broken.mmd: Parse error"), "{said}");
    assert!(said.contains("too-many.mmd: Edge limit exceeded"), "{said}");
}
