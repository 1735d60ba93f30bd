use std::path::Path;

use crate::import::{Format, ImportError, Imported, LineKind, Options, Source, import_source};
use crate::model::Direction;

fn import(text: &str) -> Result<Imported, ImportError> {
    let source = Source::new(Path::new("g.gv"), text.to_owned());
    import_source(&source, Format::Dot, &Options::default())
}

#[test]
fn nodes_edges_chains_clusters_defaults_and_labels() {
    let imported = import(
        r#"digraph Shop {
  label = "Web shop"; // the title
  node [shape=box, owner="Team A"];
  /* clusters are zones */
  subgraph cluster_cloud { label = <<b>Cloud</b>>; web [label="Web shop\nReact"]; api; }
  web -> api -> db [label="orders", style=dashed, frequency="on every order"];
  api -> { cache queue };
  db [label=<Orders<br/>DB>, sla="99.9%"];
  "quoted " + "name" -> db:port:n;
}"#,
    )
    .unwrap();
    let p = &imported.project;
    assert_eq!(p.name, "Web shop");
    let names: Vec<&str> = p.systems.iter().map(|s| s.name.as_str()).collect();
    // A label's first line is the name, the rest the purpose (HTML breaks too).
    assert_eq!(
        names,
        ["Web shop", "api", "Orders", "cache", "queue", "quoted name"]
    );
    assert_eq!(p.systems[0].purpose, "React");
    assert_eq!(p.systems[2].purpose, "DB");
    assert_eq!(p.zones[0].name, "Cloud");
    assert_eq!(p.systems[0].zone, Some(p.zones[0].id));
    assert_eq!(p.systems[1].zone, Some(p.zones[0].id));
    assert_eq!(p.systems[2].zone, None);
    assert_eq!(p.systems[0].owner_team, "Team A");
    assert_eq!(p.connections.len(), 5);
    assert_eq!(p.connections[1].data, "orders");
    assert_eq!(p.connections[1].frequency, "on every order");
    assert!(p.connections[1].notes.contains("dashed"));
    let note = imported
        .report
        .lines
        .iter()
        .find(|l| l.kind == LineKind::Note && l.message.contains("drawing attributes"))
        .unwrap();
    assert!(note.message.contains("shape"), "{}", note.message);
}

#[test]
fn a_node_statement_after_its_use_sets_its_label_and_attributes() {
    let p = import("digraph { a -> b; b [label=\"Billing\", sla=\"99.95\"] }")
        .unwrap()
        .project;
    assert_eq!(p.systems[1].name, "Billing");
    assert_eq!(p.systems[1].availability.percent, Some(99.95));
}

#[test]
fn undirected_strict_graphs_and_directions() {
    let p = import("strict graph { a -- b; b -- a; c -- d [dir=back]; e -- f [dir=both] }")
        .unwrap()
        .project;
    assert_eq!(p.connections.len(), 3);
    assert!(p.connections[0].notes.contains("undirected"));
    let name = |id| p.system(id).unwrap().name.clone();
    assert_eq!(name(p.connections[1].from), "d");
    assert_eq!(p.connections[2].direction, Direction::BothWays);
}

#[test]
fn positions_are_kept_with_y_pointing_down() {
    let p = import("graph { a [pos=\"100,200\"]; b [pos=\"100,50!\"]; a -- b }")
        .unwrap()
        .project;
    // b is lower on a Graphviz page (smaller y), so below a here.
    assert!(p.systems[1].position.y > p.systems[0].position.y);
    assert_eq!(p.systems[0].position.x, p.systems[1].position.x);
}

#[test]
fn broken_graphs_say_where() {
    let error = import("digraph {\n  a -> ;\n}").unwrap_err();
    assert_eq!(
        error.position().map(|p| (p.line, p.column)),
        Some((2, 8)),
        "{error}"
    );
    let error = import("digraph {\n  a -> b\n").unwrap_err();
    assert!(
        error.to_string().contains("before the graph is closed"),
        "{error}"
    );
    let error = import("digraph { a [label=\"open }").unwrap_err();
    assert!(error.to_string().contains("never closed"), "{error}");
    let error = import("flowchart LR").unwrap_err();
    assert!(
        error.to_string().contains("`graph` or `digraph`"),
        "{error}"
    );
    let error = import("digraph { a } b").unwrap_err();
    assert!(error.to_string().contains("after the end"), "{error}");
}
