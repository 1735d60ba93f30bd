//! draw.io import, on JGraph's own templates and diagrams (tests/fixtures/import/drawio,
//! see SOURCES there).

use std::path::Path;

use integration_studio::import::{ImportError, Imported, LineKind, Options, import_file};
use integration_studio::model::Project;

fn import(name: &str, options: &Options) -> Result<Imported, ImportError> {
    import_file(
        &Path::new("tests/fixtures/import/drawio").join(name),
        options,
    )
}

fn names(project: &Project) -> Vec<&str> {
    project.systems.iter().map(|s| s.name.as_str()).collect()
}

fn members<'a>(project: &'a Project, zone: &str) -> Vec<&'a str> {
    let id = project.zones.iter().find(|z| z.name == zone).map(|z| z.id);
    assert!(id.is_some(), "no zone {zone}");
    project
        .systems
        .iter()
        .filter(|s| s.zone == id)
        .map(|s| s.name.as_str())
        .collect()
}

fn flow(project: &Project, from: &str, to: &str) -> bool {
    let name = |id| project.system(id).map_or("", |s| s.name.as_str());
    project
        .connections
        .iter()
        .any(|c| name(c.from) == from && name(c.to) == to)
}

#[test]
fn a_compressed_aws_template_keeps_its_services_swimlanes_and_cloud() {
    let imported = import("aws_10.xml", &Options::default()).unwrap();
    let p = &imported.project;
    // The 33 named services and actors; badges, legend texts and unnamed shapes are not systems.
    assert_eq!(p.systems.len(), 33, "{:?}", names(p));
    for name in [
        "Amazon API Gateway",
        "Amazon Kinesis Data Streams",
        "Related \"Casual\" Data",
        "Mobile / Web",
    ] {
        assert!(names(p).contains(&name), "{name} missing: {:?}", names(p));
    }
    assert!(
        !names(p)
            .iter()
            .any(|n| n.chars().all(|c| c.is_ascii_digit())),
        "{:?}",
        names(p)
    );
    assert_eq!(members(p, "Actors"), ["User", "Payers"]);
    assert_eq!(
        members(p, "Channels"),
        ["Mobile / Web", "Wearables", "Echo", "API"]
    );
    // "AWS Cloud" holds its services by geometry only, not as children.
    let cloud = members(p, "AWS Cloud");
    assert!(
        cloud.contains(&"Amazon Lex") && cloud.contains(&"Amazon SageMaker"),
        "{cloud:?}"
    );
    assert!(!cloud.contains(&"Research"), "{cloud:?}");
    assert_eq!(p.connections.len(), 22);
    assert!(flow(p, "Amazon API Gateway", "Amazon Kinesis Data Streams"));
    // Seven lines end in mid-air and one starts at a swimlane: each is a report line.
    let skipped = imported
        .report
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Skipped)
        .count();
    assert_eq!(skipped, 8);
    // The bends drawn in draw.io are kept, inside the landscape's bounds.
    let bounds = p.content_bounds().unwrap().expand(400.0);
    let bent: Vec<_> = p
        .connections
        .iter()
        .filter(|c| !c.waypoints.is_empty())
        .collect();
    assert_eq!(bent.len(), 4);
    assert!(
        bent.iter()
            .flat_map(|c| &c.waypoints)
            .all(|w| bounds.contains(*w))
    );
    // Positions are kept: Lex is left of SageMaker, as drawn.
    let at = |n: &str| p.systems.iter().find(|s| s.name == n).unwrap().position;
    assert!(at("Amazon Lex").x < at("Amazon SageMaker").x);
}

#[test]
fn plain_pages_resolve_names_from_label_cells_html_and_entities() {
    let p = import("gcp_websites_content_hosting.xml", &Options::default())
        .unwrap()
        .project;
    let n = names(&p);
    assert!(n.contains(&"Instances Compute Engine"), "{n:?}");
    assert!(n.contains(&"Google Edge POP"), "{n:?}");
    assert!(flow(&p, "First Request", "Google Edge POP"), "{n:?}");
    assert!(flow(&p, "Google Edge POP", "Instances Compute Engine"));
    assert_eq!(p.zones[0].name, "Google Cloud Platform");
}

#[test]
fn placeholders_come_from_the_objects_and_their_container() {
    let p = import("placeholder.xml", &Options::default())
        .unwrap()
        .project;
    let n = names(&p);
    for name in [
        "192.168.0.1",
        "192.168.0.2",
        "192.168.0.3",
        "Ethernet Switch",
        "Concentrator",
    ] {
        assert!(n.contains(&name), "{name}: {n:?}");
    }
    assert_eq!(p.zones[0].name, "Subnet 192.168.0.x");
    assert_eq!(members(&p, "Subnet 192.168.0.x").len(), 4);
    assert!(p.connections[0].notes.contains("without arrowheads"));
}

#[test]
fn every_page_side_by_side_or_one_page_by_name_or_number() {
    let all = import("C4.drawio", &Options::default()).unwrap();
    let support = all
        .project
        .systems
        .iter()
        .filter(|s| s.name == "Support Staff")
        .count();
    assert_eq!(support, 3, "one per C4 page");
    let container = Options {
        page: Some("C4 Container".to_owned()),
        ..Options::default()
    };
    let page = import("C4.drawio", &container).unwrap().project;
    let two = Options {
        page: Some("2".to_owned()),
        ..Options::default()
    };
    assert_eq!(import("C4.drawio", &two).unwrap().project, page);
    assert!(flow(&page, "Web Application", "API Service"));
    let api = page
        .connections
        .iter()
        .find(|c| page.system(c.to).unwrap().name == "Alert System")
        .unwrap();
    assert_eq!(api.data, "Makes API calls to");
    assert!(api.notes.contains("REST API"));
    // The legend's sample elements are not the landscape.
    assert!(!names(&page).contains(&"name"), "{:?}", names(&page));
    assert_eq!(
        members(&page, "Status Dashboard"),
        ["Web Application", "Visualisation Dashboard", "API Service"]
    );
    let error = import(
        "C4.drawio",
        &Options {
            page: Some("Deployment".to_owned()),
            ..Options::default()
        },
    )
    .unwrap_err();
    assert!(error.to_string().contains("“C4 Context”"), "{error}");
}

#[test]
fn the_same_file_imports_to_the_same_project() {
    let a = import("aws_10.xml", &Options::default()).unwrap().project;
    let b = import("aws_10.xml", &Options::default()).unwrap().project;
    assert_eq!(a, b);
}

#[test]
fn a_drawio_svg_carries_its_diagram_in_the_content_attribute() {
    let xml = std::fs::read_to_string("tests/fixtures/import/drawio/placeholder.xml").unwrap();
    let escaped = xml
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" content=\"{escaped}\"><rect width=\"10\" height=\"10\"/></svg>"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("network.drawio.svg");
    std::fs::write(&path, svg).unwrap();
    let from_svg = import_file(&path, &Options::default()).unwrap().project;
    let from_xml = import("placeholder.xml", &Options::default())
        .unwrap()
        .project;
    assert_eq!(from_svg.systems, from_xml.systems);
    let plain = dir.path().join("picture.svg");
    std::fs::write(&plain, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    let error = import_file(
        &plain,
        &Options {
            format: Some(integration_studio::import::Format::Drawio),
            ..Options::default()
        },
    )
    .unwrap_err();
    assert!(error.to_string().contains("no draw.io diagram"), "{error}");
}
