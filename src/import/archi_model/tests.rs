use std::io::Read;
use std::path::Path;

use roxmltree::Document;

use super::archive::{LARGEST_MODEL, is_zip, read_at_most};
use crate::import::archimate::model::{Ancestor, Model};
use crate::import::archimate::tests::{SHOP, import_with, line_with};
use crate::import::{Imported, LineKind, Source};
use crate::model::{Point, Size};

/// The exchange format's SHOP as Archi saves it: the same elements in folders, the same
/// relationships, and the same views with bounds relative to the group drawn around them.
const ARCHI_SHOP: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<archimate:model xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:archimate="http://www.archimatetool.com/archimate" name="Shop" id="m" version="5.0.0">
  <folder name="Application" id="f-app" type="application">
    <element xsi:type="archimate:ApplicationComponent" name="Web Shop" id="a1">
      <documentation>Sells things</documentation>
      <property key="owner" value="Team Web"/>
      <property key="SLA" value="99.9"/>
      <property key="cost centre" value="4711"/>
    </element>
    <element xsi:type="archimate:ApplicationComponent" name="Order Service" id="a2"/>
    <folder name="Billing" id="f-billing">
      <element xsi:type="archimate:ApplicationComponent" name="Billing" id="a3"/>
    </folder>
    <element xsi:type="archimate:ApplicationService" name="Order API" id="s1"/>
    <element xsi:type="archimate:ApplicationInterface" name="Billing REST" id="i1"/>
    <element xsi:type="archimate:DataObject" name="Order" id="d1"/>
    <element xsi:type="archimate:DataObject" name="Invoice" id="d2"/>
    <element xsi:type="archimate:ApplicationFunction" name="Checkout" id="f1"/>
  </folder>
  <folder name="Technology &amp; Physical" id="f-tech" type="technology">
    <element xsi:type="archimate:Node" name="K8s Cluster" id="n1"/>
    <element xsi:type="archimate:TechnologyService" name="Hosting" id="ts1"/>
  </folder>
  <folder name="Other" id="f-other" type="other">
    <element xsi:type="archimate:Junction" id="j1" type="or"/>
    <element xsi:type="archimate:Grouping" name="Shop domain" id="g1"/>
    <element xsi:type="archimate:Location" name="Frankfurt" id="l1"/>
  </folder>
  <folder name="Business" id="f-business" type="business">
    <element xsi:type="archimate:BusinessActor" name="Customer" id="ba"/>
  </folder>
  <folder name="Relations" id="f-relations" type="relations">
    <element xsi:type="archimate:ServingRelationship" id="r1" source="s1" target="a1"/>
    <element xsi:type="archimate:FlowRelationship" id="r2" source="a2" target="j1"/>
    <element xsi:type="archimate:FlowRelationship" name="payment request" id="r3" source="j1" target="a3"/>
    <element xsi:type="archimate:AccessRelationship" id="r4" source="a2" target="d1"/>
    <element xsi:type="archimate:AccessRelationship" id="r5" source="a3" target="d1" accessType="1"/>
    <element xsi:type="archimate:AccessRelationship" id="r6" source="a3" target="d2" accessType="3"/>
    <element xsi:type="archimate:FlowRelationship" id="r7" source="a3" target="a1"/>
    <element xsi:type="archimate:AssociationRelationship" id="r8" source="d2" target="r7"/>
    <element xsi:type="archimate:RealizationRelationship" id="r9" source="a2" target="s1"/>
    <element xsi:type="archimate:CompositionRelationship" id="r10" source="a3" target="i1"/>
    <element xsi:type="archimate:TriggeringRelationship" id="r11" source="f1" target="i1"/>
    <element xsi:type="archimate:AssignmentRelationship" id="r12" source="a1" target="f1"/>
    <element xsi:type="archimate:AggregationRelationship" id="r13" source="g1" target="a1"/>
    <element xsi:type="archimate:AggregationRelationship" id="r14" source="g1" target="a2"/>
    <element xsi:type="archimate:CompositionRelationship" id="r15" source="l1" target="n1"/>
    <element xsi:type="archimate:ServingRelationship" id="r16" source="ts1" target="a2"/>
    <element xsi:type="archimate:ServingRelationship" id="r17" source="a1" target="ba"/>
    <element xsi:type="archimate:AssignmentRelationship" id="r18" source="n1" target="a2"/>
    <element xsi:type="archimate:FlowRelationship" id="r19" source="a1" target="gone"/>
  </folder>
  <folder name="Views" id="f-views" type="diagrams">
    <element xsi:type="archimate:ArchimateDiagramModel" name="Context" id="v1">
      <child xsi:type="archimate:Group" id="c1" name="Front">
        <bounds width="400" height="300"/>
        <child xsi:type="archimate:DiagramObject" id="v1a1" archimateElement="a1">
          <bounds x="10" y="20" width="120" height="55"/>
        </child>
        <child xsi:type="archimate:DiagramObject" id="v1a2" archimateElement="a2">
          <bounds x="200" y="20" width="120" height="55"/>
          <sourceConnection xsi:type="archimate:Connection" id="v1r2" source="v1a2" target="v1a1" archimateRelationship="r7">
            <bendpoint startX="10" startY="-40" endX="-180" endY="-40"/>
          </sourceConnection>
        </child>
      </child>
      <child xsi:type="archimate:Group" id="c2" name="Back office">
        <bounds y="400" width="400" height="300"/>
        <child xsi:type="archimate:DiagramObject" id="v1a3" archimateElement="a3">
          <bounds x="10" y="20" width="120" height="55"/>
        </child>
      </child>
    </element>
    <element xsi:type="archimate:ArchimateDiagramModel" name="Deploy" id="v2">
      <child xsi:type="archimate:DiagramObject" id="v2n1" archimateElement="n1">
        <bounds x="5" y="5" width="100" height="50"/>
      </child>
    </element>
  </folder>
</archimate:model>
"##;

/// Each report line's kind and message, without its place, in a stable order.
fn messages(imported: &Imported) -> Vec<String> {
    let mut messages: Vec<String> = (imported.report.lines.iter())
        .map(|l| format!("{}: {}", l.kind.label(), l.message))
        .collect();
    messages.sort();
    messages
}

#[test]
fn an_archi_model_imports_as_the_same_model_exported_does() {
    for view in [None, Some("deploy")] {
        let exchange = import_with(SHOP, view).unwrap();
        let archi = import_with(ARCHI_SHOP, view).unwrap();
        assert_eq!(archi.project, exchange.project, "{view:?}");
        assert_eq!(messages(&archi), messages(&exchange), "{view:?}");
    }
}

#[test]
fn report_lines_point_into_the_archi_model() {
    let imported = import_with(ARCHI_SHOP, None).unwrap();
    let line_of = |text: &str| ARCHI_SHOP.lines().position(|l| l.contains(text)).unwrap() + 1;
    let place = |message: &str| {
        let line = line_with(&imported, message);
        line.place.as_ref().map(|p| (p.line, p.column))
    };
    assert_eq!(
        place("ApplicationService “Order API” stands for “Order Service”"),
        Some((line_of("id=\"s1\""), 5))
    );
    assert_eq!(
        place("1 BusinessActor element skipped"),
        Some((line_of("id=\"ba\""), 5))
    );
    assert_eq!(
        place("positions from view “Context”"),
        Some((line_of("name=\"Context\""), 5))
    );
}

fn parse(text: &str) -> Model {
    let source = Source::new(Path::new("m.archimate"), text.to_owned());
    let document = Document::parse(&source.text).unwrap();
    super::parse(&source, document.root_element())
}

fn model_with(folders: &str) -> String {
    format!(
        r#"<archimate:model xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:archimate="http://www.archimatetool.com/archimate" name="M" id="m">{folders}</archimate:model>"#
    )
}

#[test]
fn bounds_inside_others_are_made_absolute_and_left_out_ones_are_archis_defaults() {
    let model = parse(&model_with(
        r#"<folder name="Views" type="diagrams">
      <element xsi:type="archimate:ArchimateDiagramModel" name="V" id="v">
        <child xsi:type="archimate:Group" id="g" name="Outer"><bounds x="100" y="50" width="600" height="400"/>
          <child xsi:type="archimate:DiagramObject" id="o1" archimateElement="node"><bounds x="10" y="20" width="300" height="200"/>
            <child xsi:type="archimate:DiagramObject" id="o2" archimateElement="software"><bounds x="5" width="-1" height="-1"/></child>
          </child>
        </child>
      </element>
    </folder>"#,
    ));
    let nodes = &model.views[0].nodes;
    let bounds: Vec<_> = nodes.iter().map(|n| n.bounds).collect();
    let size = |width, height| Size { width, height };
    assert_eq!(
        bounds,
        [
            Some((Point::new(110.0, 70.0), size(300.0, 200.0))),
            Some((Point::new(115.0, 70.0), size(120.0, 55.0))),
        ]
    );
    match &nodes[1].ancestors[..] {
        [Ancestor::Container { key, label }, Ancestor::Element(node)] => {
            assert_eq!(
                (&key[..], &label[..], &node[..]),
                ("container:g", "Outer", "node")
            );
        }
        _ => panic!("the software is drawn inside the node, inside the group"),
    }
}

#[test]
fn folders_specializations_access_types_and_junctions_are_read() {
    let model = parse(&model_with(
        r#"<profile name="Web App" id="p1" conceptType="ApplicationComponent"/>
    <folder name="Application" type="application">
      <folder name="Shop"><folder name="Front">
        <element xsi:type="archimate:ApplicationComponent" name="Web" id="a" profiles="p1"/>
      </folder></folder>
      <element xsi:type="archimate:Junction" id="j"/>
    </folder>
    <folder name="Relations" type="relations">
      <element xsi:type="archimate:AccessRelationship" id="r1" source="a" target="d" accessType="2" profiles="p1"/>
      <element xsi:type="archimate:AccessRelationship" id="r2" source="a" target="d" accessType="7"/>
    </folder>"#,
    ));
    assert_eq!(model.folders["a"], ["Application", "Shop", "Front"]);
    assert_eq!(model.elements[0].specialization, "Web App");
    assert_eq!(model.elements[1].kind, "AndJunction");
    let [r1, r2] = &model.relationships[..] else {
        panic!("two relationships");
    };
    assert_eq!(r1.kind, "Access");
    assert_eq!(r1.access, super::AccessType::Access);
    assert_eq!(
        r1.properties,
        [("specialization".to_owned(), "Web App".to_owned())]
    );
    assert_eq!(r2.access, super::AccessType::Write);
    assert!(model.problems[0].1.contains("access type “7”"));
}

#[test]
fn what_is_not_landscape_data_is_reported_where_it_is() {
    let text = model_with(
        r#"
<folder name="Strategy" type="strategy"><documentation>Where we go</documentation>
  <property key="reviewed" value="2024"/>
</folder>
<folder name="Views" type="diagrams">
  <element xsi:type="archimate:SketchModel" name="Whiteboard" id="s"/>
  <element xsi:type="canvas:CanvasModel" xmlns:canvas="http://www.archimatetool.com/archimate/canvas" name="Poster" id="c"/>
</folder>
<property key="status" value="draft"/>"#,
    );
    let imported = import_with(&text, None).unwrap();
    for (message, line) in [
        ("the documentation of folder “Strategy” is not imported", 2),
        ("property “reviewed” = “2024” of folder “Strategy”", 3),
        ("sketch view “Whiteboard” is not imported", 6),
        ("canvas “Poster” is not imported", 7),
        ("model property “status” = “draft”", 9),
    ] {
        let found = line_with(&imported, message);
        assert_eq!(found.kind, LineKind::Skipped, "{message}");
        assert_eq!(
            found.place.as_ref().map(|p| p.line),
            Some(line),
            "{message}"
        );
    }
}

#[test]
fn archi_3_models_in_the_old_namespace_read_too() {
    let text = model_with(
        r#"<folder name="Application" type="application">
      <element xsi:type="archimate:ApplicationComponent" name="CRM" id="a"/>
      <element xsi:type="archimate:ApplicationComponent" name="ERP" id="b"/>
    </folder>
    <folder name="Relations" type="relations">
      <element xsi:type="archimate:UsedByRelationship" id="r" source="a" target="b"/>
    </folder>"#,
    )
    .replace(
        "www.archimatetool.com/archimate",
        "www.bolton.ac.uk/archimate",
    );
    let imported = import_with(&text, None).unwrap();
    assert_eq!(imported.report.counts.systems, 2);
    assert_eq!(imported.report.counts.connections, 1);
}

#[test]
fn a_zip_is_told_by_its_first_bytes() {
    assert!(is_zip(b"PK\x03\x04rest"));
    assert!(is_zip(b"PK\x05\x06"));
    assert!(!is_zip(b"<?xml"));
    assert!(!is_zip(b"PK"));
}

#[test]
fn inflating_stops_at_the_limit_and_never_holds_more() {
    let limit = 100_000;
    // An endless stream stops as soon as it passes the limit.
    let mut endless = std::io::repeat(b'x');
    assert!(read_at_most(&mut endless, limit).unwrap().is_none());
    // What fits is read whole, into no more room than the limit.
    let mut exact = std::io::repeat(b'x').take(limit as u64);
    let read = read_at_most(&mut exact, limit).unwrap().unwrap();
    assert_eq!(read.len(), limit);
    assert!(read.capacity() <= limit);
    let mut small = &b"<model/>"[..];
    assert_eq!(
        read_at_most(&mut small, LARGEST_MODEL).unwrap().unwrap(),
        b"<model/>"
    );
}

#[test]
fn folders_or_groups_nested_without_end_are_an_error_not_a_stack_overflow() {
    let deep =
        |open: &str, close: &str| format!("{}{}", open.repeat(100_000), close.repeat(100_000));
    let folders = model_with(&deep("<folder name=\"f\">", "</folder>"));
    let groups = model_with(&format!(
        r#"<folder name="Views" type="diagrams"><element xsi:type="archimate:ArchimateDiagramModel" name="V" id="v">{}</element></folder>"#,
        deep(r#"<child xsi:type="archimate:Group" id="g">"#, "</child>")
    ));
    let items = SHOP.replace(
        "<organizations>",
        &format!("<organizations>{}", deep("<item>", "</item>")),
    );
    for text in [folders, groups, items] {
        let error = import_with(&text, None).unwrap_err();
        assert!(
            error.to_string().contains("more than 256 elements deep"),
            "{error}"
        );
    }
}
