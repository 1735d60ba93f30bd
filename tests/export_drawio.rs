//! The draw.io export: well-formed XML (xmllint), unique cell ids, every edge's source,
//! target and parent a cell of the page, and — most of all — the landscape back from our
//! own draw.io importer with every field of every system and connection, on every
//! example, the hostile project and generated ones (docs/export.md).

mod export_support;

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use export_support::round_trip::assert_same_landscape;
use export_support::{examples, hostile, hostile_with_dangling_flow, saved, studio, tool};
use integration_studio::export::to_drawio;
use integration_studio::import::{Imported, LineKind, Options, import_file};
use integration_studio::model::{Point, Project, Size};
use proptest::prelude::*;

/// What the export and the import make of a text: line breaks of every kind one `\n`,
/// tabs spaces, characters XML cannot hold dropped, then trimmed.
fn carried(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{fffe}' | '\u{ffff}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// The export written as `NAME.drawio` in `dir`, checked, and imported back.
fn round_trip(project: &Project, dir: &Path) -> Imported {
    let text = to_drawio(project);
    assert_cells_hold_together(&text);
    let file = dir.join("export.drawio");
    fs::write(&file, &text).unwrap();
    import_file(&file, &Options::default()).unwrap_or_else(|e| panic!("{e:?}\n{text}"))
}

/// Unique ids; every cell's parent, and every edge's source and target, a cell.
fn assert_cells_hold_together(text: &str) {
    let document = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let cells: Vec<roxmltree::Node> = document
        .descendants()
        .filter(|n| n.has_tag_name("mxCell"))
        .collect();
    let id = |cell: &roxmltree::Node| {
        let wrapper = cell.parent_element().filter(|p| p.has_tag_name("object"));
        wrapper
            .unwrap_or(*cell)
            .attribute("id")
            .unwrap_or("")
            .to_owned()
    };
    let mut ids = HashSet::new();
    for cell in &cells {
        assert!(ids.insert(id(cell)), "id {} twice", id(cell));
    }
    for cell in &cells {
        for end in ["parent", "source", "target"] {
            if let Some(other) = cell.attribute(end) {
                assert!(
                    ids.contains(other),
                    "{end} {other} of {} is no cell",
                    id(cell)
                );
            }
        }
        if cell.attribute("edge") == Some("1") {
            assert!(cell.attribute("source").is_some() && cell.attribute("target").is_some());
        }
    }
}

/// The hostile project with bends in its lines, half-units included.
fn hostile_with_bends() -> Project {
    let mut project = hostile();
    for (i, flow) in project.connections.iter_mut().enumerate() {
        flow.waypoints = (0..i % 3)
            .map(|k| Point::new(100.0 * k as f32 + 0.25, 300.0 + i as f32))
            .collect();
    }
    project.systems[1].pinned = true;
    project.systems[2].size = Size {
        width: 260.0,
        height: 120.0,
    };
    project
}

#[test]
fn every_example_and_the_hostile_project_come_back_from_our_importer() {
    let dir = tempfile::tempdir().unwrap();
    for (name, project) in examples() {
        let back = round_trip(&project, dir.path());
        assert_same_landscape(name, &project, &back, carried);
        // The page is named after the project, and one named page names the import.
        assert_eq!(back.project.name, project.name, "{name}");
    }
    let project = hostile_with_bends();
    assert_same_landscape(
        "hostile",
        &project,
        &round_trip(&project, dir.path()),
        carried,
    );
}

#[test]
fn a_flow_to_a_missing_system_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile_with_dangling_flow();
    let back = round_trip(&project, dir.path());
    assert_eq!(
        back.project.connections.len(),
        project.connections.len() - 1
    );
    assert!(
        !back
            .report
            .lines
            .iter()
            .any(|l| l.kind == LineKind::Skipped)
    );
}

#[test]
fn xmllint_reads_every_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut projects = examples();
    projects.push(("hostile", hostile_with_dangling_flow()));
    for (name, project) in projects {
        let file = dir.path().join(format!("{name}.drawio"));
        fs::write(&file, to_drawio(&project)).unwrap();
        let output = tool("xmllint", &["--noout".as_ref(), file.as_os_str()]);
        assert!(
            output.status.success() && output.stderr.is_empty(),
            "xmllint refused {name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn the_command_line_writes_the_file_or_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile();
    let file = saved(dir.path(), "hostile", &project);
    let out = dir.path().join("landscape.drawio");
    studio()
        .args(["export", "--to", "drawio", "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&out).unwrap(), to_drawio(&project));
    studio()
        .args(["export", "--to", "drawio"])
        .arg(&file)
        .assert()
        .success()
        .stdout(to_drawio(&project));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any text in any field comes back as the export and the importer carry it.
    #[test]
    fn hostile_text_in_every_field_comes_back(
        names in prop::collection::vec(
            export_support::hostile_text()
                .prop_filter("the importer names a blank shape", |n| !carried(n).is_empty()),
            2..6,
        ),
        zone in export_support::hostile_text()
            .prop_filter("a blank zone is no zone", |z| !carried(z).is_empty()),
        data in export_support::hostile_text(),
        system_texts in export_support::four_texts(),
        flow_texts in export_support::four_texts(),
        tag in export_support::hostile_text(),
        bend in (-500i32..500, -500i32..500),
    ) {
        let mut project = export_support::project_named(&names, &zone, &data);
        export_support::fill_every_field(&mut project, &system_texts, &flow_texts, &tag);
        for flow in &mut project.connections {
            flow.waypoints = vec![Point::new(bend.0 as f32 / 2.0, bend.1 as f32)];
        }
        let dir = tempfile::tempdir().unwrap();
        assert_same_landscape("generated", &project, &round_trip(&project, dir.path()), carried);
    }
}
