//! The bends of the lines on a diagram: each `connection` of a view names its
//! relationship, and its `bendpoint`s are absolute x, y, like the nodes' corners (the
//! exchange format's rule), so they become a connection's waypoints as they are (and are
//! scaled with the boxes when those are scaled up).

use std::collections::HashMap;

use roxmltree::Node;

use super::xml::children;
use crate::model::Point;

/// Relationship id → the bendpoints of the first line drawn for it, for the lines that
/// bend; a bendpoint without a finite x and y is left out.
pub fn read(view: Node) -> HashMap<String, Vec<Point>> {
    let mut bends: HashMap<String, Vec<Point>> = HashMap::new();
    for connection in children(view, "connection") {
        let Some(relationship) = connection
            .attribute("relationshipRef")
            .or_else(|| connection.attribute("relationshipref"))
        else {
            continue;
        };
        let points: Vec<Point> = children(connection, "bendpoint")
            .filter_map(|bend| Some(Point::new(number(bend, "x")?, number(bend, "y")?)))
            .collect();
        if !points.is_empty() {
            bends.entry(relationship.to_owned()).or_insert(points);
        }
    }
    bends
}

fn number(node: Node, name: &str) -> Option<f32> {
    node.attribute(name)
        .and_then(|v| v.trim().parse::<f32>().ok())
        .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use crate::model::{Direction, Point};

    const BENT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name>Bends</name>
  <elements>
    <element identifier="a" xsi:type="ApplicationComponent"><name>A</name></element>
    <element identifier="b" xsi:type="ApplicationComponent"><name>B</name></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="a" target="b" xsi:type="Flow"><name>orders</name></relationship>
    <relationship identifier="r2" source="b" target="a" xsi:type="Flow"><name>invoices</name></relationship>
    <relationship identifier="r3" source="a" target="a" xsi:type="Flow">
      <properties><property propertyDefinitionRef="p1"><value>Asynchronous message</value></property></properties>
    </relationship>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="p1" type="string"><name>Interaction style</name></propertyDefinition>
  </propertyDefinitions>
  <views><diagrams>
    <view identifier="v" xsi:type="Diagram"><name>V</name>
      <node identifier="na" elementRef="a" xsi:type="Element" x="0" y="0" w="200" h="90"/>
      <node identifier="nb" elementRef="b" xsi:type="Element" x="600" y="0" w="200" h="90"/>
      <connection identifier="c1" relationshipRef="r1" xsi:type="Relationship" source="na" target="nb">
        <bendpoint x="300" y="200"/><bendpoint x="500" y="nope"/><bendpoint x="500" y="200"/>
      </connection>
      <connection identifier="c2" relationshipRef="r2" xsi:type="Relationship" source="nb" target="na"/>
    </view>
  </diagrams></views>
</model>"#;

    #[test]
    fn bendpoints_become_waypoints_and_a_self_loop_through_a_queue_is_kept() {
        let imported = super::super::tests::import_with(BENT, None).unwrap();
        let p = &imported.project;
        assert_eq!(p.connections.len(), 3, "{:?}", imported.report.lines);
        assert_eq!(
            p.connections[0].waypoints,
            [Point::new(300.0, 200.0), Point::new(500.0, 200.0)]
        );
        assert!(p.connections[1].waypoints.is_empty());
        let self_loop = &p.connections[2];
        assert_eq!(self_loop.from, self_loop.to);
        assert_eq!(self_loop.direction, Direction::OneWay);
        // A Flow between application components is what a connection is: no type note.
        assert_eq!(p.connections[0].notes, "");
        assert_eq!(p.systems[0].notes, "");
    }
}
