use super::to_drawio;
use crate::model::{
    Connection, ConnectionId, Direction, InteractionStyle, Point, Project, Sensitivity, System,
    SystemId, Zone, ZoneId, ZoneKind,
};

fn small() -> Project {
    let mut project = Project::new("Shop <&> \"1\"");
    project.zones.push(Zone {
        id: ZoneId(1),
        name: "Cloud".into(),
        kind: Some(ZoneKind::Cloud),
        notes: String::new(),
    });
    for (id, x) in [(2, 0.0), (3, 300.0), (3, 600.0)] {
        let mut system = System::new(SystemId(id), format!("S{id} <b>x</b>"));
        system.position = Point::new(x, 40.0);
        system.zone = (x == 0.0).then_some(ZoneId(1));
        system.sensitivity = Some(Sensitivity::Restricted);
        project.systems.push(system);
    }
    let mut flow = Connection::new(ConnectionId(4), SystemId(2), SystemId(3));
    flow.style = Some(InteractionStyle::AsyncMessage);
    flow.direction = Direction::BothWays;
    flow.waypoints = vec![Point::new(250.0, 10.5)];
    project.connections.push(flow);
    project
        .connections
        .push(Connection::new(ConnectionId(5), SystemId(2), SystemId(99)));
    project
}

#[test]
fn cells_nest_in_their_zone_with_unique_ids_and_edges_end_on_cells() {
    let text = to_drawio(&small());
    let document = roxmltree::Document::parse(&text).unwrap();
    let cells: Vec<roxmltree::Node> = document
        .descendants()
        .filter(|n| n.has_tag_name("mxCell"))
        .collect();
    let id = |n: &roxmltree::Node| {
        n.attribute("id")
            .or_else(|| n.parent_element().and_then(|p| p.attribute("id")))
            .unwrap()
            .to_owned()
    };
    let ids: Vec<String> = cells.iter().map(id).collect();
    assert_eq!(ids, ["0", "1", "z1", "s2", "s3", "s3-2", "c4"]);
    let edge = cells
        .iter()
        .find(|c| c.attribute("edge") == Some("1"))
        .unwrap();
    assert_eq!(edge.attribute("source"), Some("s2"));
    assert_eq!(edge.attribute("target"), Some("s3"));
    let style = edge.attribute("style").unwrap();
    assert!(
        style.contains("dashed=1") && style.contains("startArrow=block"),
        "{style}"
    );
    assert!(text.contains("<mxPoint x=\"250\" y=\"10.5\"/>"), "{text}");
    // The member's corner is relative to the zone's, which is 20 left and 46 above it.
    let member = cells.iter().find(|c| id(c) == "s2").unwrap();
    assert_eq!(member.attribute("parent"), Some("z1"));
    let geometry = member.first_element_child().unwrap();
    assert_eq!(geometry.attribute("x"), Some("20"));
    assert_eq!(geometry.attribute("y"), Some("46"));
    assert!(!text.contains("html=1"));
    assert!(text.contains("name=\"Shop &lt;&amp;&gt; &quot;1&quot;\""));
    assert!(
        text.contains("strokeColor=#c82828"),
        "restricted's red border"
    );
}
