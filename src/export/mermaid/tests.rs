use super::*;
use crate::model::{
    Communication, Connection, ConnectionId, InteractionStyle, SystemId, Zone, ZoneId,
};

fn label(text: &str) -> String {
    let mut out = String::new();
    push_label(&mut out, text);
    out
}

/// `zones` zones of `per_zone` systems each, every system calling the next one in its
/// zone and the first system of the next zone.
fn chain(zones: u64, per_zone: u64) -> Project {
    let mut project = Project::new("chain");
    for z in 0..zones {
        project.zones.push(Zone {
            id: ZoneId(1_000_000 + z),
            name: format!("Zone {z}"),
            kind: None,
            notes: String::new(),
        });
        for i in 0..per_zone {
            let mut system = System::new(SystemId(z * per_zone + i + 1), format!("S{z}.{i}"));
            system.zone = Some(ZoneId(1_000_000 + z));
            project.systems.push(system);
        }
    }
    let n = zones * per_zone;
    for i in 1..=n {
        let mut flow = Connection::new(
            ConnectionId(2_000_000 + i),
            SystemId(i),
            SystemId(i % n + 1),
        );
        flow.protocol = Some(Communication::Rest);
        flow.data = format!("data {i}");
        project.connections.push(flow);
    }
    project
}

#[test]
fn labels_keep_words_and_write_marks_as_entity_codes() {
    assert_eq!(label("Order service (v2)"), "Order service (v2)");
    assert_eq!(label("a \"b\" [c]"), "a #34;b#34; #91;c#93;");
    assert_eq!(
        label("x --> y; %% z | #"),
        "x --#62; y#59; #37;#37; z #124; #35;"
    );
    assert_eq!(label("one\ntwo"), "one<br>two");
    assert_eq!(
        label("`md` <b> & :::c {}"),
        "#96;md#96; #60;b#62; #38; #58;#58;#58;c #123;#125;"
    );
    assert_eq!(label("שלום 😀 é"), "שלום 😀 é");
}

#[test]
fn zones_are_subgraphs_sensitivity_classes_and_async_dashed() {
    let mut project = chain(1, 2);
    project.systems[0].sensitivity = Some(Sensitivity::Restricted);
    project.systems[1].technology = "Java".into();
    project.connections[1].style = Some(InteractionStyle::PublishSubscribe);
    project.connections[0].direction = Direction::BothWays;
    let mermaid = to_mermaid(&project, &MermaidOptions::default()).unwrap();
    assert_eq!(mermaid.diagrams.len(), 1);
    let text = &mermaid.diagrams[0].text;
    assert!(text.starts_with("flowchart LR\n"), "{text}");
    assert!(
        text.contains(
            "  subgraph z1000000[\"Zone 0\"]\n    s1[\"S0.0\"]\n    s2[\"S0.1<br>Java\"]\n  end\n"
        ),
        "{text}"
    );
    assert!(text.contains("  s1 <-->|\"REST · data 1\"| s2\n"), "{text}");
    assert!(text.contains("  s2 -.->|\"REST · data 2\"| s1\n"), "{text}");
    assert!(
        text.ends_with("  class s1 restricted\n  class s2 unclassified\n"),
        "{text}"
    );
}

#[test]
fn a_dangling_flow_is_left_out_rather_than_invented() {
    let mut project = chain(1, 2);
    project
        .connections
        .push(Connection::new(ConnectionId(9), SystemId(1), SystemId(77)));
    let text = to_mermaid(&project, &MermaidOptions::default())
        .unwrap()
        .to_text();
    assert!(!text.contains("s77"), "{text}");
}

#[test]
fn over_the_limits_it_splits_by_zone_and_every_part_fits() {
    let project = chain(6, 30);
    let limits = Limits {
        max_edges: 20,
        max_text: 3_000,
    };
    let options = MermaidOptions {
        no_split: false,
        limits,
    };
    let mermaid = to_mermaid(&project, &options).unwrap();
    let size = mermaid.split_from.expect("split");
    assert_eq!(size.edges, 180);
    assert_eq!(mermaid.diagrams[0].title, "Flows between zones: chain");
    assert!(
        mermaid.diagrams[0]
            .text
            .contains("z1000000 -->|\"1 flow\"| z1000001")
    );
    let mut edges = 0;
    let mut nodes = std::collections::HashSet::new();
    for diagram in &mermaid.diagrams[1..] {
        let edge_lines = diagram.text.lines().filter(|l| l.contains("-->")).count();
        assert!(edge_lines <= limits.max_edges, "{}", diagram.title);
        assert!(
            utf16_len(&diagram.text) <= limits.max_text,
            "{}",
            diagram.title
        );
        edges += edge_lines;
        for line in diagram.text.lines().filter(|l| l.starts_with("    s")) {
            nodes.insert(line.split('[').next().unwrap().trim().to_owned());
        }
    }
    // Each zone's 29 inner flows are drawn; the 6 between zones are in the summary.
    assert_eq!(edges, 6 * 29);
    assert_eq!(nodes.len(), 180);
    assert!(
        mermaid
            .diagrams
            .iter()
            .any(|d| d.title == "Zone: Zone 3 (part 2 of 2)")
    );
    let text = mermaid.to_text();
    assert!(text.contains("```mermaid\nflowchart LR\n"));
    assert!(text.contains("\n# Zone: Zone 3 (part 1 of 2)\n"));
}

#[test]
fn with_no_split_it_refuses_and_gives_the_numbers() {
    let options = MermaidOptions {
        no_split: true,
        limits: Limits::default(),
    };
    let error = to_mermaid(&chain(3, 200), &options).unwrap_err();
    assert_eq!(error.size.edges, 600);
    let message = error.to_string();
    assert!(message.contains("600 edges"), "{message}");
    assert!(
        message.contains("limits of 500 edges (maxEdges) and 50000 characters"),
        "{message}"
    );
}

#[test]
fn a_huge_summary_is_split_too() {
    // 300 zones of one system in a ring: 300 pairs of zones, over 100 edges a part.
    let project = chain(300, 1);
    let limits = Limits {
        max_edges: 100,
        max_text: 50_000,
    };
    let options = MermaidOptions {
        no_split: false,
        limits,
    };
    let mermaid = to_mermaid(&project, &options).unwrap();
    let summaries: Vec<_> = mermaid
        .diagrams
        .iter()
        .filter(|d| d.title.starts_with("Flows between"))
        .collect();
    assert_eq!(summaries.len(), 3);
    assert!(
        summaries
            .iter()
            .all(|d| d.text.lines().filter(|l| l.contains("-->")).count() <= 100)
    );
    // Each zone's own diagram has its one system and no flow.
    assert_eq!(mermaid.diagrams.len(), 3 + 300);
}

#[test]
fn the_length_measured_is_the_length_written() {
    let mut project = chain(3, 4);
    project.systems[0].name = "emoji 😀 and \"quotes\"".into();
    project.systems[1].sensitivity = Some(Sensitivity::Public);
    project.systems[2].zone = None;
    let sheet = Sheet::of(&project);
    let sections = sheet.sections();
    let text = render(&sections, &sheet.nodes, sheet.edges.iter());
    assert_eq!(
        length(&sections, &sheet.nodes, sheet.edges.iter()),
        utf16_len(&text)
    );
}
