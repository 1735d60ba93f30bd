//! Format version 1 files load, migrate and rewrite as the current version.

use std::path::Path;

use integration_studio::io::{load, parse, to_ron_string};
use integration_studio::model::{CURRENT_FORMAT_VERSION, Regulation};

const V1_FIXTURE: &str = "tests/fixtures/shop-v1.ron";

#[test]
fn a_version_1_file_migrates_with_nothing_lost() {
    let loaded = load(Path::new(V1_FIXTURE)).expect("the v1 fixture loads");
    assert_eq!(loaded.migrated_from, Some(1));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);

    let project = &loaded.project;
    assert_eq!(project.format_version, CURRENT_FORMAT_VERSION);
    assert_eq!(
        project.requirements.regulatory_compliance,
        vec![
            Regulation::Gdpr,
            Regulation::PciDss,
            Regulation::Other("Local consumer law".into())
        ]
    );
    let shop = &project.systems[0];
    assert_eq!(shop.availability.percent, Some(99.9));
    assert_eq!(shop.availability.note, "vendor SLA");
    let payments = &project.systems[1];
    assert_eq!(payments.availability.percent, None);
    assert_eq!(payments.availability.note, "best effort");
    assert!(project.zones.is_empty());
    assert_eq!(project.connections[0].latency_target_ms, Some(1500));
    assert_eq!(project.next_id, 4);
}

#[test]
fn a_migrated_file_is_written_back_in_the_current_format_and_stays_there() {
    let loaded = load(Path::new(V1_FIXTURE)).unwrap();
    let text = to_ron_string(&loaded.project).unwrap();
    assert!(text.contains(&format!("format_version: {CURRENT_FORMAT_VERSION},")));
    assert!(text.contains("regulatory_compliance: ["));
    let again = parse(&text, Path::new("migrated.ron")).unwrap();
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.project, loaded.project);
}

#[test]
fn a_version_1_file_with_current_fields_is_refused_with_the_place() {
    let text = std::fs::read_to_string(V1_FIXTURE).unwrap().replace(
        "tags: [\"sales\"],",
        "tags: [\"sales\"],\n            zone: 1,",
    );
    let error = parse(&text, Path::new("old.ron")).unwrap_err();
    let position = error.position().expect("a parse error has a position");
    assert_eq!(
        text.lines().nth(position.line - 1).unwrap().trim(),
        "zone: 1,"
    );
    assert!(error.to_string().contains("zone"), "{error}");
}
