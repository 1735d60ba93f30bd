//! Mermaid and DOT import on the projects' own examples (tests/fixtures/import, see
//! SOURCES there), and the inventory CSV on its template.

mod import_support;

use std::path::Path;

use import_support::{import_fixture as import, names, pairs as flows, zone_of};
use integration_studio::import::{LineKind, Options, import_file};

#[test]
fn mermaid_documentation_flowchart() {
    let imported = import("mermaid/examples-flowchart-subgraph.mmd");
    let p = &imported.project;
    assert_eq!(p.systems.len(), 11, "{:?}", names(p));
    assert!(
        names(p).contains(&"Rounded square shape"),
        "<br> is a space: {:?}",
        names(p)
    );
    assert!(names(p).contains(&"Diamond with line break"));
    assert!(names(p).contains(&"Circle shape Начало"));
    assert_eq!(p.connections.len(), 7);
    let od = p.connections.iter().find(|c| !c.data.is_empty()).unwrap();
    assert_eq!(od.data, "Two line edge comment");
    assert_eq!(zone_of(p, "Rounded square shape"), Some("A"));
    assert_eq!(zone_of(p, "Square shape"), None);
    let styling = imported
        .report
        .lines
        .iter()
        .filter(|l| l.message.contains("classDef"))
        .count();
    assert_eq!(styling, 1);
}

#[test]
fn mermaid_nested_subgraphs_and_links_to_subgraphs_are_reported() {
    let imported = import("mermaid/flowchart-subgraph-direction.mmd");
    let p = &imported.project;
    assert_eq!(names(p), ["i1", "f1", "i2", "f2", "A", "B"]);
    assert_eq!(flows(p), ["i1 → f1", "i2 → f2"]);
    assert_eq!(zone_of(p, "i1"), Some("B1"));
    let skipped: Vec<usize> = imported
        .report
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Skipped)
        .map(|l| l.place.as_ref().unwrap().line)
        .collect();
    assert_eq!(skipped, [13, 13, 14]);
}

#[test]
fn mermaid_architecture_groups_services_and_junctions() {
    let p = import("mermaid/architecture-groups-within-groups.mmd").project;
    assert_eq!(names(&p), ["Server", "Server", "Database", "Gateway"]);
    assert_eq!(zone_of(&p, "Database"), Some("Private API"));
    assert_eq!(zone_of(&p, "Gateway"), Some("API"));
    assert_eq!(p.connections.len(), 3);
    let joined = import("mermaid/architecture-junction-groups.mmd").project;
    // Three disks reach two gateways through the two junctions: six flows, disks first.
    assert_eq!(joined.connections.len(), 6, "{:?}", flows(&joined));
    assert!(
        flows(&joined)
            .iter()
            .all(|f| f.starts_with("Disk → Gateway")),
        "{:?}",
        flows(&joined)
    );
}

#[test]
fn graphviz_gallery_clusters_html_labels_and_positions() {
    let p = import("dot/clust4.gv").project;
    assert_eq!(p.systems.len(), 10);
    assert_eq!(
        p.zones.iter().map(|z| z.name.as_str()).collect::<Vec<_>>(),
        ["process #1", "process #2"]
    );
    assert_eq!(zone_of(&p, "a1"), Some("process #1"));
    assert_eq!(zone_of(&p, "start"), None);
    assert_eq!(p.connections.len(), 13);

    let html = import("dot/html2.gv").project;
    assert_eq!(html.systems.len(), 4);
    assert!(
        html.systems.iter().all(|s| !s.name.contains('<')),
        "{:?}",
        names(&html)
    );

    let undirected = import("dot/process.gv").project;
    assert_eq!(
        (undirected.systems.len(), undirected.connections.len()),
        (10, 13)
    );
    assert!(undirected.connections[0].notes.contains("undirected"));

    // neato's output: positions kept, y turned to point down, no arrangement made.
    let er = import("dot/ER.gv");
    assert_eq!(er.project.name, "Entity Relation Diagram drawn by NEATO");
    let at = |n: &str| {
        er.project
            .systems
            .iter()
            .find(|s| s.name == n)
            .unwrap()
            .position
    };
    assert!(
        at("course").y < at("student").y,
        "course is above student in the drawing"
    );
    assert!(
        !er.report
            .lines
            .iter()
            .any(|l| l.message.contains("arranged"))
    );
}

#[test]
fn the_inventory_template_imports_systems_connections_and_guesses() {
    let imported = import_file(
        Path::new("docs/import-template/systems.csv"),
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{}", e.report()));
    let p = &imported.project;
    assert_eq!(
        names(p),
        ["Web shop", "Order service", "Payment provider", "ERP"]
    );
    let orders = &p.systems[1];
    assert_eq!(orders.owner_team, "Checkout team");
    assert_eq!(orders.availability.percent, Some(99.95));
    assert!(
        orders.notes.contains("cost centre: 4711"),
        "{}",
        orders.notes
    );
    assert_eq!(zone_of(p, "Payment provider"), Some("Partner"));
    assert_eq!(
        flows(p),
        [
            "Web shop → Order service",
            "Order service → Payment provider",
            "Order service → ERP"
        ]
    );
    let guessed = imported
        .report
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Guessed)
        .count();
    assert!(guessed >= 3, "{}", imported.report.text());
    assert!(
        imported
            .report
            .lines
            .iter()
            .any(|l| l.message.contains("four nines")),
        "{}",
        imported.report.text()
    );
}
