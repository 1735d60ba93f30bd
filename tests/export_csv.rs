//! The inventory CSV pair, checked by our own CSV importer: export, import, and every
//! system and connection comes back with every field. The importer trims every cell,
//! splits tags at `,` and `;` and reads a choice's label back as the choice
//! (docs/export.md).

mod export_support;

use std::fs;
use std::path::Path;

use export_support::round_trip::assert_same_landscape;
use export_support::{examples, hostile, hostile_with_dangling_flow, saved, studio};
use integration_studio::export::{Inventory, to_csv};
use integration_studio::import::{LineKind, Options, import_file};
use integration_studio::model::Project;
use proptest::prelude::*;

/// The pair written into `dir` and imported back.
fn round_trip(project: &Project, dir: &Path) -> integration_studio::import::Imported {
    let csv = to_csv(project);
    fs::write(dir.join(Inventory::SYSTEMS_FILE), &csv.systems).unwrap();
    fs::write(dir.join(Inventory::CONNECTIONS_FILE), &csv.connections).unwrap();
    import_file(&dir.join(Inventory::SYSTEMS_FILE), &Options::default())
        .unwrap_or_else(|e| panic!("{e:?}\n{}\n{}", csv.systems, csv.connections))
}

/// The importer trims every cell; a CSV keeps every other character.
fn carried(text: &str) -> String {
    text.trim().to_owned()
}

/// Every system and every flow whose ends exist comes back, in order, with every field;
/// zones by name only, as the pair has no place for a zone's kind and notes.
fn assert_round_trip(name: &str, project: &Project) {
    let dir = tempfile::tempdir().unwrap();
    let back = round_trip(project, dir.path());
    let mut expected = project.clone();
    for zone in &mut expected.zones {
        zone.kind = None;
        zone.notes.clear();
    }
    assert_same_landscape(name, &expected, &back, carried);
}

#[test]
fn every_example_and_the_hostile_project_come_back_from_our_importer() {
    for (name, project) in examples() {
        assert_round_trip(name, &project);
    }
    assert_round_trip("hostile", &hostile());
}

#[test]
fn a_flow_to_a_missing_system_is_written_and_reported_on_import() {
    let dir = tempfile::tempdir().unwrap();
    let back = round_trip(&hostile_with_dangling_flow(), dir.path());
    let skipped = back
        .report
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Skipped)
        .count();
    assert_eq!(skipped, 1, "{:?}", back.report.lines);
}

#[test]
fn the_command_line_writes_the_pair_into_a_folder_and_refuses_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile();
    let file = saved(dir.path(), "hostile", &project);
    let out = dir.path().join("inventory");
    studio()
        .args(["export", "--to", "csv", "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success();
    let csv = to_csv(&project);
    assert_eq!(
        fs::read_to_string(out.join("systems.csv")).unwrap(),
        csv.systems
    );
    assert_eq!(
        fs::read_to_string(out.join("connections.csv")).unwrap(),
        csv.connections
    );
    for args in [
        &["export", "--to", "csv"][..],
        &["export", "--to", "csv", "-o", "-"],
    ] {
        studio()
            .args(args)
            .arg(&file)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "name a folder for them with -o DIR",
            ));
    }
    studio()
        .args(["export", "--to", "csv", "-o"])
        .arg(&file)
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("this is a file"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any text in any field comes back as the importer reads it.
    #[test]
    fn hostile_text_in_every_field_comes_back(
        names in prop::collection::vec(
            export_support::hostile_text().prop_filter("the importer skips a blank name", |n| !n.trim().is_empty()),
            2..6,
        ),
        zone in export_support::hostile_text().prop_filter("a blank zone is no zone", |z| !z.trim().is_empty()),
        data in export_support::hostile_text(),
        system_texts in export_support::four_texts(),
        flow_texts in export_support::four_texts(),
        tag in export_support::hostile_text(),
    ) {
        let mut project = export_support::project_named(&names, &zone, &data);
        export_support::fill_every_field(&mut project, &system_texts, &flow_texts, &tag);
        assert_round_trip("generated", &project);
    }
}
