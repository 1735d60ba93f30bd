use std::path::Path;

use crate::import::{Format, ImportError, Imported, LineKind, Options, Source, import_source};
use crate::model::{Direction, Project};

/// Imports `text` as the `archimate` format: the exchange format or an Archi model.
pub(in crate::import) fn import_with(
    text: &str,
    view: Option<&str>,
) -> Result<Imported, ImportError> {
    let source = Source::new(Path::new("shop.xml"), text.to_owned());
    let options = Options {
        view: view.map(str::to_owned),
        ..Options::default()
    };
    import_source(&source, Format::Archimate, &options)
}

/// A small model with one of everything the rules treat differently (written as an Archi
/// model too, in `archi_model::tests`).
pub(in crate::import) const SHOP: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name xml:lang="en">Shop</name>
  <elements>
    <element identifier="a1" xsi:type="ApplicationComponent">
      <name xml:lang="de">Webladen</name>
      <name xml:lang="en">Web Shop</name>
      <documentation>Sells things</documentation>
      <properties>
        <property propertyDefinitionRef="p1"><value>Team Web</value></property>
        <property propertyDefinitionRef="p2"><value>99.9</value></property>
        <property propertyDefinitionRef="p3"><value>4711</value></property>
      </properties>
    </element>
    <element identifier="a2" xsi:type="ApplicationComponent"><name>Order Service</name></element>
    <element identifier="a3" xsi:type="ApplicationComponent"><name>Billing</name></element>
    <element identifier="s1" xsi:type="ApplicationService"><name>Order API</name></element>
    <element identifier="i1" xsi:type="ApplicationInterface"><name>Billing REST</name></element>
    <element identifier="d1" xsi:type="DataObject"><name>Order</name></element>
    <element identifier="d2" xsi:type="DataObject"><name>Invoice</name></element>
    <element identifier="n1" xsi:type="Node"><name>K8s Cluster</name></element>
    <element identifier="ts1" xsi:type="TechnologyService"><name>Hosting</name></element>
    <element identifier="j1" xsi:type="OrJunction"/>
    <element identifier="g1" xsi:type="Grouping"><name>Shop domain</name></element>
    <element identifier="l1" xsi:type="Location"><name>Frankfurt</name></element>
    <element identifier="ba" xsi:type="BusinessActor"><name>Customer</name></element>
    <element identifier="f1" xsi:type="ApplicationFunction"><name>Checkout</name></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="s1" target="a1" xsi:type="Serving"/>
    <relationship identifier="r2" source="a2" target="j1" xsi:type="Flow"/>
    <relationship identifier="r3" source="j1" target="a3" xsi:type="Flow"><name>payment request</name></relationship>
    <relationship identifier="r4" source="a2" target="d1" xsi:type="Access" accessType="Write"/>
    <relationship identifier="r5" source="a3" target="d1" xsi:type="Access" accessType="Read"/>
    <relationship identifier="r6" source="a3" target="d2" xsi:type="Access" accessType="ReadWrite"/>
    <relationship identifier="r7" source="a3" target="a1" xsi:type="Flow"/>
    <relationship identifier="r8" source="d2" target="r7" xsi:type="Association"/>
    <relationship identifier="r9" source="a2" target="s1" xsi:type="Realization"/>
    <relationship identifier="r10" source="a3" target="i1" xsi:type="Composition"/>
    <relationship identifier="r11" source="f1" target="i1" xsi:type="Triggering"/>
    <relationship identifier="r12" source="a1" target="f1" xsi:type="Assignment"/>
    <relationship identifier="r13" source="g1" target="a1" xsi:type="Aggregation"/>
    <relationship identifier="r14" source="g1" target="a2" xsi:type="Aggregation"/>
    <relationship identifier="r15" source="l1" target="n1" xsi:type="Composition"/>
    <relationship identifier="r16" source="ts1" target="a2" xsi:type="Serving"/>
    <relationship identifier="r17" source="a1" target="ba" xsi:type="Serving"/>
    <relationship identifier="r18" source="n1" target="a2" xsi:type="Assignment"/>
    <relationship identifier="r19" source="a1" target="gone" xsi:type="Flow"/>
  </relationships>
  <organizations>
    <item><label>Application</label>
      <item><label>Billing</label><item identifierRef="a3"/></item>
      <item identifierRef="a2"/>
    </item>
  </organizations>
  <propertyDefinitions>
    <propertyDefinition identifier="p1" type="string"><name>owner</name></propertyDefinition>
    <propertyDefinition identifier="p2" type="string"><name>SLA</name></propertyDefinition>
    <propertyDefinition identifier="p3" type="string"><name>cost centre</name></propertyDefinition>
  </propertyDefinitions>
  <views><diagrams>
    <view identifier="v1" xsi:type="Diagram"><name>Context</name>
      <node identifier="c1" xsi:type="Container" x="0" y="0" w="400" h="300"><label>Front</label>
        <node identifier="v1a1" xsi:type="Element" elementRef="a1" x="10" y="20" w="120" h="55"/>
        <node identifier="v1a2" xsi:type="Element" elementRef="a2" x="200" y="20" w="120" h="55"/>
      </node>
      <node identifier="c2" xsi:type="Container" x="0" y="400" w="400" h="300"><label>Back office</label>
        <node identifier="v1a3" xsi:type="Element" elementRef="a3" x="10" y="420" w="120" h="55"/>
      </node>
    </view>
    <view identifier="v2" xsi:type="Diagram"><name>Deploy</name>
      <node identifier="v2n1" xsi:type="Element" elementRef="n1" x="5" y="5" w="100" h="50"/>
    </view>
  </diagrams></views>
</model>
"#;

fn names(project: &Project) -> Vec<&str> {
    project.systems.iter().map(|s| s.name.as_str()).collect()
}

fn flows(project: &Project) -> Vec<String> {
    project
        .connections
        .iter()
        .map(|c| {
            let name = |id| project.system(id).map_or("?", |s| s.name.as_str());
            format!("{} → {}: {}", name(c.from), name(c.to), c.data)
        })
        .collect()
}

pub(in crate::import) fn line_with<'r>(
    imported: &'r Imported,
    text: &str,
) -> &'r crate::import::Line {
    imported
        .report
        .lines
        .iter()
        .find(|l| l.message.contains(text))
        .unwrap_or_else(|| panic!("no line with “{text}” in\n{}", imported.report.text()))
}

#[test]
fn systems_stand_ins_flows_data_and_junctions() {
    let imported = import_with(SHOP, None).unwrap();
    let p = &imported.project;
    assert_eq!(p.name, "Shop");
    assert_eq!(
        names(p),
        [
            "Web Shop",
            "Order Service",
            "Billing",
            "K8s Cluster",
            "Hosting"
        ]
    );
    let shop = &p.systems[0];
    assert_eq!(shop.purpose, "Sells things");
    assert_eq!(shop.owner_team, "Team Web");
    assert_eq!(shop.availability.percent, Some(99.9));
    // An application component is what a system is: its type is no note.
    assert!(!shop.notes.contains("ArchiMate"), "{}", shop.notes);
    assert!(shop.notes.contains("cost centre: 4711"), "{}", shop.notes);
    assert_eq!(
        flows(p),
        [
            "Order Service → Web Shop: Order API",
            "Order Service → Billing: payment request",
            "Billing → Web Shop: Invoice",
            "Web Shop → Billing: Checkout",
            "Hosting → Order Service: ",
            "Order Service → Billing: Order",
        ]
    );
    assert!(p.connections[1].notes.contains("through a junction"));
    assert!(
        p.connections[3]
            .notes
            .contains("ApplicationFunction “Checkout” of “Web Shop”")
    );
    assert_eq!(p.connections[5].direction, Direction::OneWay);
    assert!(
        p.systems[2]
            .notes
            .contains("reads and writes DataObject “Invoice”")
    );
    assert!(
        p.systems[3]
            .notes
            .contains("is assigned to “Order Service”")
    );
    assert!(p.systems[4].notes.contains("no single imported system"));
    let fold = line_with(
        &imported,
        "ApplicationService “Order API” stands for “Order Service”",
    );
    assert_eq!(fold.place.as_ref().map(|p| p.line), Some(18));
    let business = line_with(&imported, "Serving “Web Shop” → BusinessActor “Customer”");
    assert_eq!(business.kind, LineKind::Skipped);
    assert_eq!(business.place.as_ref().map(|p| p.line), Some(47));
    let missing = line_with(&imported, "“gone”, which is not in the model");
    assert_eq!(missing.place.as_ref().map(|p| p.line), Some(49));
    line_with(&imported, "1 BusinessActor element skipped");
}

#[test]
fn zones_come_from_groups_then_the_view_then_folders() {
    let imported = import_with(SHOP, None).unwrap();
    let p = &imported.project;
    let zone_names: Vec<&str> = p.zones.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(zone_names, ["Shop domain", "Back office", "Frankfurt"]);
    let zone_of = |i: usize| {
        p.systems[i]
            .zone
            .map(|z| p.zones.iter().position(|x| x.id == z))
    };
    assert_eq!(zone_of(0), Some(Some(0)));
    assert_eq!(zone_of(1), Some(Some(0)));
    assert_eq!(zone_of(2), Some(Some(1)));
    assert_eq!(zone_of(3), Some(Some(2)));
    assert_eq!(zone_of(4), None);
    // The Deploy view draws no groups, so the folders below the top level give zones.
    let deploy = import_with(SHOP, Some("deploy")).unwrap();
    let zone_names: Vec<&str> = deploy
        .project
        .zones
        .iter()
        .map(|z| z.name.as_str())
        .collect();
    assert_eq!(zone_names, ["Shop domain", "Billing", "Frankfurt"]);
    line_with(&deploy, "positions from view “Deploy”");
}

#[test]
fn positions_come_from_the_first_view_with_a_system() {
    let imported = import_with(SHOP, None).unwrap();
    let p = &imported.project;
    let note = line_with(&imported, "positions from view “Context”");
    assert_eq!(note.place.as_ref().map(|p| p.line), Some(63));
    // Boxes keep their layout, scaled so that our names fit.
    let (shop, orders) = (&p.systems[0], &p.systems[1]);
    assert_eq!(shop.position.y, orders.position.y);
    assert!(orders.position.x > shop.position.x + shop.size.width);
    assert!(p.systems[2].position.y > shop.position.y + shop.size.height);
    line_with(&imported, "had no position in the source and were arranged");
}

#[test]
fn a_view_that_is_not_there_is_an_error_naming_the_views() {
    let Err(ImportError::Unsupported { reason, .. }) = import_with(SHOP, Some("Nope")) else {
        panic!("expected an error");
    };
    assert!(reason.contains("“Context”, “Deploy”"), "{reason}");
}

#[test]
fn a_dtd_is_refused_where_it_is() {
    let error = import_with(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE model [<!ENTITY a \"b\">]>\n<model/>",
        None,
    )
    .unwrap_err();
    assert_eq!(error.position().map(|p| (p.line, p.column)), Some((2, 1)));
    assert!(error.to_string().contains("DTD"), "{error}");
}

#[test]
fn a_root_that_is_not_a_model_is_refused() {
    let error = import_with("<?xml version=\"1.0\"?>\n<mxfile/>", None).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("not an ArchiMate model"), "{message}");
    assert!(message.contains("<mxfile>"), "{message}");
    assert_eq!(error.position().map(|p| p.line), Some(2));
}

#[test]
fn an_undefined_property_keeps_its_reference_as_the_key() {
    let text = SHOP.replace(
        "propertyDefinitionRef=\"p3\"",
        "propertyDefinitionRef=\"p9\"",
    );
    let imported = import_with(&text, None).unwrap();
    assert!(imported.project.systems[0].notes.contains("p9: 4711"));
    assert_eq!(
        line_with(&imported, "“p9” is not defined").kind,
        LineKind::Problem
    );
}

fn model(elements: &str, relationships: &str) -> String {
    format!(
        r#"<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
<elements>{elements}</elements><relationships>{relationships}</relationships></model>"#
    )
}

#[test]
fn a_data_object_shared_by_many_systems_is_kept_in_their_notes() {
    let mut elements =
        r#"<element identifier="d" xsi:type="DataObject"><name>Customer</name></element>"#
            .to_owned();
    let mut relationships = String::new();
    for i in 0..10 {
        let access = if i < 5 { "Write" } else { "Read" };
        elements.push_str(&format!(
            r#"<element identifier="a{i}" xsi:type="ApplicationComponent"><name>App {i}</name></element>"#
        ));
        relationships.push_str(&format!(
            r#"<relationship identifier="r{i}" source="a{i}" target="d" xsi:type="Access" accessType="{access}"/>"#
        ));
    }
    let imported = import_with(&model(&elements, &relationships), None).unwrap();
    assert!(imported.project.connections.is_empty());
    assert!(
        imported.project.systems[0]
            .notes
            .contains("writes DataObject “Customer”")
    );
    line_with(
        &imported,
        "written by 5 systems and read by 5 systems: a connection from each writer to each reader would make 25",
    );
}

#[test]
fn flows_go_on_through_junctions_and_their_loops() {
    let elements = r#"
      <element identifier="a" xsi:type="ApplicationComponent"><name>A</name></element>
      <element identifier="b" xsi:type="ApplicationComponent"><name>B</name></element>
      <element identifier="c" xsi:type="ApplicationComponent"><name>C</name></element>
      <element identifier="j1" xsi:type="AndJunction"/>
      <element identifier="j2" xsi:type="OrJunction"/>"#;
    let relationships = r#"
      <relationship identifier="r1" source="a" target="j1" xsi:type="Flow"><name>orders</name></relationship>
      <relationship identifier="r2" source="j1" target="j2" xsi:type="Flow"/>
      <relationship identifier="r3" source="j2" target="j1" xsi:type="Flow"/>
      <relationship identifier="r4" source="j2" target="b" xsi:type="Flow"/>
      <relationship identifier="r5" source="j1" target="c" xsi:type="Triggering"/>"#;
    let imported = import_with(&model(elements, relationships), None).unwrap();
    assert_eq!(flows(&imported.project), ["A → B: orders", "A → C: orders"]);
    // The flow back round the loop adds no system, so it is reported.
    let skipped: Vec<&str> = imported
        .report
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Skipped)
        .map(|l| l.message.as_str())
        .collect();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0].contains("OrJunction “(unnamed OrJunction)” → AndJunction"));
}

#[test]
fn the_2_1_exchange_format_reads_too() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name xml:lang="en">Old</name>
  <elements>
    <element identifier="a" xsi:type="ApplicationComponent"><label xml:lang="en">CRM</label>
      <properties><property identifierref="p1"><value xml:lang="en">Sales</value></property></properties>
    </element>
    <element identifier="s" xsi:type="InfrastructureService"><label xml:lang="en">Storage</label></element>
  </elements>
  <relationships>
    <relationship identifier="r" source="s" target="a" xsi:type="UsedByRelationship"/>
  </relationships>
  <propertydefs><propertydef identifier="p1" name="owner" type="string"/></propertydefs>
  <views><view identifier="v"><label xml:lang="en">Main</label>
    <node identifier="n" elementref="a" x="10" y="10" w="120" h="55"/></view></views>
</model>"#;
    let imported = import_with(text, None).unwrap();
    let p = &imported.project;
    assert_eq!(p.name, "Old");
    assert_eq!(names(p), ["CRM", "Storage"]);
    assert_eq!(p.systems[0].owner_team, "Sales");
    assert_eq!(flows(p), ["Storage → CRM: "]);
    line_with(&imported, "positions from view “Main”");
}
