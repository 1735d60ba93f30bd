use std::path::Path;

use crate::import::{Format, ImportError, LineKind, Options, Source, import_source};
use crate::model::{Direction, Project};

fn import(text: &str) -> Result<(Project, crate::import::Report), ImportError> {
    let source = Source::new(Path::new("d.mmd"), text.to_owned());
    import_source(&source, Format::Mermaid, &Options::default()).map(|i| (i.project, i.report))
}

fn names(project: &Project) -> Vec<&str> {
    project.systems.iter().map(|s| s.name.as_str()).collect()
}

fn flows(project: &Project) -> Vec<(String, String, String)> {
    let name = |id| project.system(id).unwrap().name.clone();
    project
        .connections
        .iter()
        .map(|c| (name(c.from), name(c.to), c.data.clone()))
        .collect()
}

#[test]
fn a_flowchart_gives_nodes_links_labels_chains_and_subgraphs() {
    let (project, report) = import(
        "---\ntitle: Shop\n---\nflowchart LR\n  %% a comment\n  subgraph cloud [Cloud]\n    web[Web shop] -->|orders| api(Order API)\n  end\n  api -- stock check --> inv[(Inventory)] --> erp & wms\n  api -.-> log\n  a ~~~ b\n  classDef hot fill:#f00\n  class api hot\n",
    )
    .unwrap();
    assert_eq!(project.name, "Shop");
    assert_eq!(
        names(&project),
        [
            "Web shop",
            "Order API",
            "Inventory",
            "erp",
            "wms",
            "log",
            "a",
            "b"
        ]
    );
    assert_eq!(
        flows(&project),
        [
            ("Web shop".into(), "Order API".into(), "orders".into()),
            ("Order API".into(), "Inventory".into(), "stock check".into()),
            ("Inventory".into(), "erp".into(), String::new()),
            ("Inventory".into(), "wms".into(), String::new()),
            ("Order API".into(), "log".into(), String::new()),
        ]
    );
    assert_eq!(project.zones.len(), 1);
    assert_eq!(project.zones[0].name, "Cloud");
    let zone = Some(project.zones[0].id);
    let in_cloud: Vec<&str> = project
        .systems
        .iter()
        .filter(|s| s.zone == zone)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(in_cloud, ["Web shop", "Order API"]);
    assert!(project.systems[2].notes.contains("database"));
    assert!(project.connections[4].notes.contains("dotted"));
    // The invisible link is skipped and the styling noted, each with its line.
    let lines: Vec<String> = report
        .lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Skipped | LineKind::Note))
        .map(|l| {
            format!(
                "{}:{:?}:{}",
                l.place.as_ref().map_or(0, |p| p.line),
                l.kind,
                l.message
            )
        })
        .collect();
    assert!(
        lines.iter().any(|s| s.starts_with("11:Skipped:invisible")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|s| s.starts_with("12:Note:") && s.contains("classDef")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|s| s.starts_with("13:Note:") && s.contains("`class`")),
        "{lines:?}"
    );
    // No positions in Mermaid: arranged, so no two boxes share a place.
    let mut corners: Vec<_> = project
        .systems
        .iter()
        .map(|s| (s.position.x as i64, s.position.y as i64))
        .collect();
    corners.sort();
    corners.dedup();
    assert_eq!(corners.len(), project.systems.len());
}

#[test]
fn link_forms_and_directions() {
    let (project, _) =
        import("graph TD\nA<-->B\nC<--D\nE---F\nG==>|big|H\nI--xJ\nK -. maybe .-> L\nM-->N;N-->O")
            .unwrap();
    let c = &project.connections;
    assert_eq!(c[0].direction, Direction::BothWays);
    let name = |id| project.system(id).unwrap().name.clone();
    assert_eq!(
        (name(c[1].from), name(c[1].to)),
        ("D".to_owned(), "C".to_owned())
    );
    assert!(c[2].notes.contains("without an arrowhead"));
    assert_eq!(c[3].data, "big");
    assert_eq!(name(c[4].to), "J");
    assert_eq!(c[5].data, "maybe");
    assert!(c[5].notes.contains("dotted"));
    assert_eq!(c.len(), 8);
}

#[test]
fn architecture_gives_groups_services_edges_and_joins_junctions() {
    let (project, report) = import(
        "architecture-beta\n  group api(cloud)[API]\n  service db(database)[Database] in api\n  service server(server)[Server] in api\n  service disk(disk)[Storage]\n  junction j\n  db:L -- R:server\n  server:R --> L:j\n  j:R -- L:disk\n",
    )
    .unwrap();
    assert_eq!(names(&project), ["Database", "Server", "Storage"]);
    assert_eq!(project.zones[0].name, "API");
    assert_eq!(project.systems[0].zone, Some(project.zones[0].id));
    assert_eq!(project.systems[2].zone, None);
    let pairs: Vec<(String, String)> = flows(&project)
        .into_iter()
        .map(|(a, b, _)| (a, b))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Database".to_owned(), "Server".to_owned()),
            ("Server".to_owned(), "Storage".to_owned())
        ]
    );
    assert!(
        report
            .lines
            .iter()
            .any(|l| l.message.contains("junction j"))
    );
}

#[test]
fn broken_diagrams_give_the_line_and_column() {
    let error = import("flowchart LR\n  A --> \n").unwrap_err();
    assert_eq!(error.position().map(|p| p.line), Some(2), "{error}");
    let error = import("flowchart LR\n  subgraph one\n  A --> B\n").unwrap_err();
    assert!(error.to_string().contains("never closed"), "{error}");
    assert_eq!(error.position().map(|p| p.line), Some(2));
    let error = import("sequenceDiagram\n  A->>B: hi\n").unwrap_err();
    assert!(error.to_string().contains("sequenceDiagram"), "{error}");
    let error = import("").unwrap_err();
    assert!(error.to_string().contains("no Mermaid diagram"), "{error}");
}
