//! The ArchiMate exchange export, checked by the real schema (xmllint with The Open
//! Group's XSDs, tools/validators/archimate-xsd) and by our own ArchiMate importer:
//! export, import, and every system and connection comes back with every field, its
//! zone, its box and its bends. XML cannot hold most control characters, so the
//! expected text is the text without them; the importer trims every text (docs/export.md).

mod export_support;

use std::fs;
use std::path::{Path, PathBuf};

use export_support::{examples, hostile, hostile_with_dangling_flow, saved, studio, tool};
use integration_studio::export::to_archimate;
use integration_studio::import::{Imported, LineKind, Options, import_file};
use integration_studio::model::{
    Authentication, ChoiceEnum, Communication, Connection, DataFormat, Direction, InteractionStyle,
    Point, Project, Resilience, Sensitivity, Size, System,
};
use proptest::prelude::*;

/// Every file valid against the exchange format's schema, in one xmllint run; a missing
/// xmllint fails.
fn assert_valid(files: &[PathBuf]) {
    let xsd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/validators/archimate-xsd");
    let catalog = format!("XML_CATALOG_FILES={}", xsd.join("catalog.xml").display());
    let schema = xsd.join("oef-all.xsd");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        catalog.as_ref(),
        "xmllint".as_ref(),
        "--nonet".as_ref(),
        "--noout".as_ref(),
        "--schema".as_ref(),
        schema.as_os_str(),
    ];
    args.extend(files.iter().map(|f| f.as_os_str()));
    // `env` sets the catalog for xmllint alone; 127 is "xmllint is not installed".
    let output = tool("env", &args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(
        output.status.code(),
        Some(127),
        "xmllint could not be run ({stderr}): run scripts/install-validators (as root)"
    );
    assert!(output.status.success(), "the schema refused:\n{stderr}");
}

/// The export written as `NAME.xml` in `dir`.
fn written(dir: &Path, name: &str, project: &Project) -> PathBuf {
    let path = dir.join(format!("{name}.xml"));
    fs::write(&path, to_archimate(project)).unwrap();
    path
}

/// Text as XML gives it back: without the characters XML 1.0 cannot hold.
fn xml(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect()
}

/// Text as the importer gives it back.
fn back(text: &str) -> String {
    xml(text).trim().to_owned()
}

fn relabelled<T: ChoiceEnum>(value: &Option<T>) -> Option<T> {
    value.as_ref().and_then(|v| T::parse_label(&xml(v.label())))
}

/// Tags as the importer splits them.
fn split_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags.iter().flat_map(|t| t.split([',', ';'])).map(back) {
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

/// The zone by name, with its kind and notes.
fn zone_name(project: &Project, system: &System) -> Option<String> {
    let zone = project.zone(system.zone?)?;
    let kind = zone.kind.as_ref().map(|k| back(k.label()));
    Some(back(&zone.name))
        .filter(|n| !n.is_empty())
        .map(|name| format!("{name} {kind:?} {:?}", back(&zone.notes)))
}

fn whole(p: Point, shift: Point) -> Point {
    Point::new(p.x.round() + shift.x, p.y.round() + shift.y)
}

type SystemFields = (
    [String; 6],
    (
        Option<DataFormat>,
        Option<Communication>,
        Option<Sensitivity>,
    ),
    (Option<f64>, Option<String>, Vec<String>, bool),
    (Point, Size),
);

/// The fields of a system as the importer gives them back (`expected`), or as they are.
fn carried_system(project: &Project, s: &System, expected: Option<Point>) -> SystemFields {
    let text = |t: &str| match expected {
        Some(_) => back(t),
        None => t.to_owned(),
    };
    let (tags, place) = match expected {
        Some(shift) => {
            let size = Size {
                width: s.size.width.round(),
                height: s.size.height.round(),
            };
            (split_tags(&s.tags), (whole(s.position, shift), size))
        }
        None => (s.tags.clone(), (s.position, s.size)),
    };
    (
        [
            text(&s.name),
            text(&s.purpose),
            text(&s.technology),
            text(&s.owner_team),
            text(&s.availability.note),
            text(&s.notes),
        ],
        (
            relabelled(&s.data_format),
            relabelled(&s.communication),
            relabelled(&s.sensitivity),
        ),
        (
            s.availability.percent,
            zone_name(project, s),
            tags,
            s.pinned,
        ),
        place,
    )
}

type FlowFields = (
    [String; 7],
    (
        Option<Communication>,
        Option<InteractionStyle>,
        Option<DataFormat>,
    ),
    (Option<Authentication>, Option<u64>),
    (Direction, bool, Vec<Resilience>, Vec<Point>),
);

fn carried_flow(project: &Project, c: &Connection, expected: Option<Point>) -> FlowFields {
    let text = |t: &str| match expected {
        Some(_) => back(t),
        None => t.to_owned(),
    };
    let name = |id| {
        text(
            &project
                .system(id)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
        )
    };
    let waypoints = match expected {
        Some(shift) => c
            .waypoints
            .iter()
            .filter(|p| p.is_finite())
            .map(|&p| whole(p, shift))
            .collect(),
        None => c.waypoints.clone(),
    };
    (
        [
            name(c.from),
            name(c.to),
            text(&c.data),
            text(&c.frequency),
            text(&c.volume),
            text(&c.transformation),
            text(&c.notes),
        ],
        (
            relabelled(&c.protocol),
            relabelled(&c.style),
            relabelled(&c.data_format),
        ),
        (relabelled(&c.authentication), c.latency_target_ms),
        (
            c.direction.clone(),
            c.encrypted,
            c.resilience.clone(),
            waypoints,
        ),
    )
}

fn import(file: &Path) -> Imported {
    import_file(file, &Options::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Every system and every flow whose ends exist comes back, in order, with its fields;
/// the whole picture moved by one amount (the schema's coordinates are not negative).
fn assert_round_trip(name: &str, project: &Project, file: &Path) {
    let imported = import(file);
    let problems: Vec<_> = imported
        .report
        .lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Problem | LineKind::Guessed))
        .map(|l| &l.message)
        .collect();
    assert!(problems.is_empty(), "{name}: {problems:?}");
    let again = &imported.project;
    assert_eq!(again.systems.len(), project.systems.len(), "{name}");
    let shift = match (project.systems.first(), again.systems.first()) {
        (Some(a), Some(b)) => Point::new(
            b.position.x - a.position.x.round(),
            b.position.y - a.position.y.round(),
        ),
        _ => Point::default(),
    };
    assert!(
        shift.x >= 0.0 && shift.y >= 0.0,
        "{name}: moved by {shift:?}"
    );
    for (original, imported) in project.systems.iter().zip(&again.systems) {
        assert_eq!(
            carried_system(again, imported, None),
            carried_system(project, original, Some(shift)),
            "{name}: system {}",
            original.name
        );
    }
    let drawable: Vec<&Connection> = project
        .connections
        .iter()
        .filter(|c| project.system(c.from).is_some() && project.system(c.to).is_some())
        .collect();
    assert_eq!(again.connections.len(), drawable.len(), "{name}");
    for (original, imported) in drawable.iter().zip(&again.connections) {
        assert_eq!(
            carried_flow(again, imported, None),
            carried_flow(project, original, Some(shift)),
            "{name}: {}",
            project.connection_name(original)
        );
    }
}

/// The hostile project with bends in its lines, some at negative coordinates.
fn hostile_with_bends() -> Project {
    let mut project = hostile();
    for (i, flow) in project.connections.iter_mut().enumerate() {
        let x = 150.0 * i as f32 - 75.4;
        flow.waypoints = vec![Point::new(x, 300.6), Point::new(x + 40.5, -20.2)];
    }
    project.connections[0]
        .waypoints
        .push(Point::new(f32::NAN, 1.0));
    project
}

#[test]
fn every_example_and_the_hostile_project_are_valid_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut projects = examples();
    projects.push(("hostile", hostile_with_bends()));
    projects.push(("dangling", hostile_with_dangling_flow()));
    let files: Vec<PathBuf> = projects
        .iter()
        .map(|(name, project)| written(dir.path(), name, project))
        .collect();
    assert_valid(&files);
    for ((name, project), file) in projects.iter().zip(&files) {
        assert_round_trip(name, project, file);
    }
}

#[test]
fn zones_are_groupings_whose_nodes_hold_their_members_nodes() {
    let xml = to_archimate(&hostile());
    let document = roxmltree::Document::parse(&xml).unwrap();
    let element = |id: &str| {
        document
            .descendants()
            .find(|n| n.has_tag_name("element") && n.attribute("identifier") == Some(id))
            .unwrap()
    };
    let kind = |n: roxmltree::Node| {
        n.attribute(("http://www.w3.org/2001/XMLSchema-instance", "type"))
            .map(str::to_owned)
    };
    let grouping = element("id-z1");
    assert_eq!(kind(grouping).as_deref(), Some("Grouping"));
    let member = document
        .descendants()
        .find(|n| n.has_tag_name("node") && n.attribute("elementRef") == Some("id-s2"))
        .unwrap();
    let parent = member.parent_element().unwrap();
    assert_eq!(parent.attribute("elementRef"), Some("id-z1"));
    let number = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<i64>().unwrap();
    // Absolute coordinates: the member lies inside its zone's node.
    assert!(number(member, "x") > number(parent, "x"));
    assert!(number(member, "y") > number(parent, "y"));
    let aggregation = document.descendants().find(|n| {
        n.attribute("target") == Some("id-s2") && kind(*n).as_deref() == Some("Aggregation")
    });
    assert_eq!(
        aggregation.and_then(|n| n.attribute("source")),
        Some("id-z1")
    );
    // A flow both ways is one relationship that says so.
    let both_ways = hostile()
        .connections
        .iter()
        .filter(|c| c.direction == Direction::BothWays)
        .count();
    assert_eq!(xml.matches("<value>Both ways</value>").count(), both_ways);
}

#[test]
fn the_command_line_writes_standard_output_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile();
    let file = saved(dir.path(), "hostile", &project);
    let expected = to_archimate(&project);
    studio()
        .args(["export", "--to", "archimate"])
        .arg(&file)
        .assert()
        .success()
        .stdout(expected.clone());
    let out = dir.path().join("landscape.xml");
    studio()
        .args(["export", "--to", "archimate", "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&out).unwrap(), expected);
}

/// Any text XML can hold in a name: not blank once the characters it cannot are gone.
fn name_text() -> impl Strategy<Value = String> {
    export_support::hostile_text().prop_filter("a name XML can hold", |n| !back(n).is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Any text in any field, any box and any bends come back as the importer reads them.
    #[test]
    fn hostile_text_boxes_and_bends_come_back(
        names in prop::collection::vec(name_text(), 2..6),
        zone in name_text(),
        data in export_support::hostile_text(),
        texts in prop::collection::vec(export_support::hostile_text(), 8),
        corner in (-500.0f32..500.0, -500.0f32..500.0),
        size in (200.0f32..280.0, 90.0f32..200.0),
        bends in prop::collection::vec((-900.0f32..2000.0, -900.0f32..900.0), 0..4),
    ) {
        let mut project = export_support::project_named(&names, &zone, &data);
        for (i, system) in project.systems.iter_mut().enumerate() {
            (system.purpose, system.owner_team) = (texts[0].clone(), texts[1].clone());
            (system.availability.note, system.notes) = (texts[2].clone(), texts[3].clone());
            system.availability.percent = Some(99.95);
            system.sensitivity = Some(Sensitivity::Other(texts[4].clone()));
            system.tags = vec![texts[4].clone(), "tier-1".into()];
            system.position = Point::new(corner.0 + 300.0 * i as f32, corner.1);
            system.size = Size { width: size.0, height: size.1 };
            system.pinned = i % 2 == 0;
        }
        for flow in &mut project.connections {
            (flow.frequency, flow.volume) = (texts[5].clone(), texts[6].clone());
            (flow.transformation, flow.notes) = (texts[7].clone(), texts[0].clone());
            flow.authentication = Some(Authentication::Other(texts[4].clone()));
            flow.encrypted = true;
            flow.direction = Direction::BothWays;
            flow.resilience = vec![Resilience::DeadLetterQueue, Resilience::Timeout];
            flow.waypoints = bends.iter().map(|&(x, y)| Point::new(x, y)).collect();
        }
        let dir = tempfile::tempdir().unwrap();
        let file = written(dir.path(), "generated", &project);
        assert_round_trip("generated", &project, &file);
    }
}
