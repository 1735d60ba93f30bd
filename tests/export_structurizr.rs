//! The Structurizr DSL export, checked by our own Structurizr importer (no Structurizr
//! parser can be installed here): export, import the `.dsl`, and every system and flow
//! comes back with every field, the zones by name, with no problem or guessed line.
//! What the DSL does to text is `dsl_text` (docs/export.md).

mod export_support;

use std::fs;
use std::path::Path;

use export_support::compare::{Rules, assert_carried};
use export_support::{examples, hostile, hostile_with_dangling_flow, saved, studio};
use integration_studio::export::to_structurizr;
use integration_studio::import::{Imported, Options, import_file};
use integration_studio::model::{Project, System, SystemId};
use proptest::prelude::*;

/// The workspace written as `workspace.dsl` in `dir` and imported back.
fn round_trip(project: &Project, dir: &Path) -> Imported {
    let dsl = to_structurizr(project);
    let file = dir.join("workspace.dsl");
    fs::write(&file, &dsl).unwrap();
    import_file(&file, &Options::default()).unwrap_or_else(|e| panic!("{e:?}\n{dsl}"))
}

/// A text as it comes back: line breaks of every kind as `\n`, tabs as spaces, control
/// characters and U+FFFD dropped, U+2060 between a `\` and an `n`, trimmed.
fn dsl_text(text: &str) -> String {
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
            '\u{fffd}' | '\u{fffe}' | '\u{ffff}' => {}
            c if c.is_control() => {}
            'n' if out.ends_with('\\') => out.push_str("\u{2060}n"),
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// Tags as Structurizr splits them (at `,`), without the ones it gives every element.
fn dsl_tags(tags: &[String]) -> Vec<String> {
    const DEFAULT: [&str; 7] = [
        "Element",
        "Person",
        "Software System",
        "Container",
        "Component",
        "Relationship",
        "Group",
    ];
    let mut out: Vec<String> = Vec::new();
    for tag in tags.iter().flat_map(|t| {
        dsl_text(t)
            .split(',')
            .map(|t| t.trim().to_owned())
            .collect::<Vec<_>>()
    }) {
        let default = DEFAULT.iter().any(|d| d.eq_ignore_ascii_case(&tag));
        if !tag.is_empty() && !default && !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

const DSL: Rules = Rules {
    text: dsl_text,
    tags: dsl_tags,
};

fn assert_round_trip(name: &str, project: &Project) {
    let dir = tempfile::tempdir().unwrap();
    let back = round_trip(project, dir.path());
    assert_carried(name, &DSL, project, &back);
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(back.project.name, words(&dsl_text(&project.name)), "{name}");
    assert_eq!(back.project.description, dsl_text(&project.description));
}

#[test]
fn every_example_and_the_hostile_project_come_back_from_our_importer() {
    for (name, project) in examples() {
        assert_round_trip(name, &project);
    }
    assert_round_trip("hostile", &hostile());
}

#[test]
fn a_flow_to_a_missing_system_is_left_out() {
    let project = hostile_with_dangling_flow();
    assert!(!to_structurizr(&project).contains("-> s999999"));
    assert_round_trip("dangling", &project);
}

/// Big Bank plc as our importer reads it, exported and read again, is the same project.
#[test]
fn the_big_bank_workspace_comes_back_the_same() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/structurizr/big-bank-plc.dsl");
    let first = import_file(&fixture, &Options::default()).unwrap().project;
    assert!(first.systems.len() > 5);
    assert_round_trip("big bank", &first);
}

#[test]
fn texts_structurizr_cannot_escape_are_written_so_it_reads_them_right() {
    let mut project = Project::new("${name} of $ {x}");
    for (id, name) in [(1, "ends in \\"), (2, "a \\n b \\\" c"), (3, "${HOME}")] {
        project.systems.push(System::new(SystemId(id), name));
    }
    let dsl = to_structurizr(&project);
    assert!(dsl.contains("!const OPEN \"${\""), "{dsl}");
    assert!(dsl.contains("\"ends in \\ \""), "{dsl}");
    assert!(dsl.contains("\"a \\\u{2060}n b \\\\\" c\""), "{dsl}");
    assert!(dsl.contains("\"${OPEN}HOME}\""), "{dsl}");
    assert_round_trip("escapes", &project);
}

#[test]
fn repeated_names_are_told_apart_as_structurizr_requires() {
    let mut project = Project::new("p");
    project.systems.push(System::new(SystemId(1), "Twin"));
    project.systems.push(System::new(SystemId(2), "Twin"));
    let dsl = to_structurizr(&project);
    assert!(dsl.contains("s1 = softwareSystem \"Twin\" "), "{dsl}");
    assert!(dsl.contains("s2 = softwareSystem \"Twin (s2)\" "), "{dsl}");
}

#[test]
fn the_command_line_writes_the_same_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile();
    let file = saved(dir.path(), "hostile", &project);
    let out = dir.path().join("hostile.dsl");
    studio()
        .args(["export", "--to", "structurizr", "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&out).unwrap(), to_structurizr(&project));
}

fn distinct(names: &[String]) -> bool {
    let mut seen: Vec<String> = names.iter().map(|n| dsl_text(n)).collect();
    seen.sort();
    seen.dedup();
    seen.len() == names.len() && seen.iter().all(|n| !n.is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any text in any field comes back as Structurizr's parser reads it.
    #[test]
    fn hostile_text_in_every_field_comes_back(
        names in prop::collection::vec(export_support::hostile_text(), 2..6)
            .prop_filter("Structurizr needs distinct, non-blank names", |n| distinct(n)),
        zone in export_support::hostile_text().prop_filter("a zone has a name", |z| !dsl_text(z).is_empty()),
        data in export_support::hostile_text(),
        system_texts in export_support::four_texts(),
        flow_texts in export_support::four_texts(),
        tag in export_support::hostile_text(),
    ) {
        let mut project = export_support::project_named(&names, &zone, &data);
        export_support::fill_every_field(&mut project, &system_texts, &flow_texts, &tag);
        for system in &mut project.systems {
            system.pinned = true;
        }
        for flow in &mut project.connections {
            flow.latency_target_ms = Some(250);
        }
        assert_round_trip("generated", &project);
    }
}
