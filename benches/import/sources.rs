//! Generated sources of each text format holding the same landscape, written the way the
//! tools write them, so the import benchmark compares like with like.

use std::fmt::Write as _;

use integration_studio::model::Project;

fn zone_name(project: &Project, system: &integration_studio::model::System) -> Option<String> {
    system
        .zone
        .and_then(|z| project.zone(z))
        .map(|z| z.name.clone())
}

pub fn mermaid(project: &Project) -> String {
    let mut out = String::from("flowchart LR\n");
    for zone in &project.zones {
        let _ = writeln!(out, "  subgraph z{} [\"{}\"]", zone.id, zone.name);
        for system in project.systems.iter().filter(|s| s.zone == Some(zone.id)) {
            let _ = writeln!(out, "    s{}[\"{}\"]", system.id, system.name);
        }
        out.push_str("  end\n");
    }
    for system in project.systems.iter().filter(|s| s.zone.is_none()) {
        let _ = writeln!(out, "  s{}[\"{}\"]", system.id, system.name);
    }
    for c in &project.connections {
        let _ = writeln!(
            out,
            "  s{} -->|\"{} (HTTPS/JSON)\"| s{}",
            c.from, c.data, c.to
        );
    }
    out
}

pub fn dot(project: &Project) -> String {
    let mut out = String::from("digraph landscape {\n  node [shape=box];\n");
    for zone in &project.zones {
        let _ = writeln!(
            out,
            "  subgraph cluster_{} {{\n    label=\"{}\";",
            zone.id, zone.name
        );
        for system in project.systems.iter().filter(|s| s.zone == Some(zone.id)) {
            let _ = writeln!(
                out,
                "    s{} [label=\"{}\", owner=\"{}\"];",
                system.id, system.name, system.owner_team
            );
        }
        out.push_str("  }\n");
    }
    for system in project.systems.iter().filter(|s| s.zone.is_none()) {
        let _ = writeln!(out, "  s{} [label=\"{}\"];", system.id, system.name);
    }
    for c in &project.connections {
        let _ = writeln!(
            out,
            "  s{} -> s{} [label=\"{}\", technology=\"Kafka topic\"];",
            c.from, c.to, c.data
        );
    }
    out.push_str("}\n");
    out
}

pub fn csv_systems(project: &Project) -> String {
    let mut out = String::from("id,name,description,owner,sla,zone\n");
    for s in &project.systems {
        let zone = zone_name(project, s).unwrap_or_default();
        let _ = writeln!(
            out,
            "s{},\"{}\",\"{}\",{},99.9%,\"{}\"",
            s.id,
            s.name,
            s.purpose.replace('"', "'"),
            s.owner_team,
            zone
        );
    }
    out
}

pub fn backstage(project: &Project) -> String {
    let mut out = String::new();
    for zone in &project.zones {
        let _ = write!(
            out,
            "---\napiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: z{}\n  title: \"{}\"\nspec:\n  owner: team-a\n",
            zone.id, zone.name
        );
    }
    for s in &project.systems {
        let system = s
            .zone
            .map(|z| format!("  system: z{z}\n"))
            .unwrap_or_default();
        let depends: Vec<String> = project
            .connections
            .iter()
            .filter(|c| c.from == s.id)
            .map(|c| format!("component:s{}", c.to))
            .collect();
        let _ = write!(
            out,
            "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: s{}\n  title: \"{}\"\n  description: \"{}\"\nspec:\n  type: service\n  lifecycle: production\n  owner: {}\n{system}  dependsOn: [{}]\n",
            s.id,
            s.name,
            s.purpose.replace('"', "'"),
            s.owner_team.replace(' ', "-"),
            depends.join(", ")
        );
    }
    out
}

pub fn drawio(project: &Project) -> String {
    let mut out = String::from(
        "<mxfile><diagram name=\"Landscape\"><mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>\n",
    );
    for s in &project.systems {
        let _ = writeln!(
            out,
            "<mxCell id=\"s{}\" value=\"{}\" style=\"rounded=1;html=1;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"{}\" y=\"{}\" width=\"120\" height=\"60\" as=\"geometry\"/></mxCell>",
            s.id,
            s.name
                .replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;"),
            s.position.x,
            s.position.y
        );
    }
    for c in &project.connections {
        let _ = writeln!(
            out,
            "<mxCell id=\"c{}\" value=\"{}\" edge=\"1\" parent=\"1\" source=\"s{}\" target=\"s{}\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>",
            c.id,
            c.data
                .replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;"),
            c.from,
            c.to
        );
    }
    out.push_str("</root></mxGraphModel></diagram></mxfile>\n");
    out
}

pub fn csv_connections(project: &Project) -> String {
    let mut out = String::from("from,to,data,technology,frequency\n");
    for c in &project.connections {
        let _ = writeln!(
            out,
            "s{},s{},\"{}\",HTTPS/JSON,on every order",
            c.from,
            c.to,
            c.data.replace('"', "'")
        );
    }
    out
}

pub fn structurizr(project: &Project) -> String {
    let mut out = String::from("workspace \"Landscape\" {\n  model {\n");
    for zone in &project.zones {
        let _ = writeln!(out, "    group \"{}\" {{", zone.name);
        for s in project.systems.iter().filter(|s| s.zone == Some(zone.id)) {
            let _ = writeln!(
                out,
                "      s{} = softwareSystem \"{}\" \"{}\"",
                s.id,
                s.name,
                s.purpose.replace('"', "'")
            );
        }
        out.push_str("    }\n");
    }
    for s in project.systems.iter().filter(|s| s.zone.is_none()) {
        let _ = writeln!(out, "    s{} = softwareSystem \"{}\"", s.id, s.name);
    }
    for c in &project.connections {
        let _ = writeln!(
            out,
            "    s{} -> s{} \"{}\" \"JSON/HTTPS\"",
            c.from,
            c.to,
            c.data.replace('"', "'")
        );
    }
    out.push_str("  }\n}\n");
    out
}

pub fn archimate(project: &Project) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"m\">\n  <name xml:lang=\"en\">Landscape</name>\n  <elements>\n",
    );
    let escape = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;")
    };
    for s in &project.systems {
        let _ = writeln!(
            out,
            "    <element identifier=\"s{}\" xsi:type=\"ApplicationComponent\"><name xml:lang=\"en\">{}</name></element>",
            s.id,
            escape(&s.name)
        );
    }
    out.push_str("  </elements>\n  <relationships>\n");
    for c in &project.connections {
        let _ = writeln!(
            out,
            "    <relationship identifier=\"c{}\" source=\"s{}\" target=\"s{}\" xsi:type=\"Flow\"><name xml:lang=\"en\">{}</name></relationship>",
            c.id,
            c.from,
            c.to,
            escape(&c.data)
        );
    }
    out.push_str("  </relationships>\n</model>\n");
    out
}

/// Archi's CSV export: the elements file (the model first) and the relations file.
pub fn archi_csv(project: &Project) -> (String, String) {
    let mut elements = String::from(
        "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\n\"m\",\"ArchimateModel\",\"Landscape\",\"\",\"\"\n",
    );
    for s in &project.systems {
        let _ = writeln!(
            elements,
            "\"s{}\",\"ApplicationComponent\",\"{}\",\"{}\",\"\"",
            s.id,
            s.name.replace('"', "\"\""),
            s.purpose.replace('"', "\"\"")
        );
    }
    let mut relations = String::from(
        "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\",\"Target\",\"Specialization\"\n",
    );
    for c in &project.connections {
        let _ = writeln!(
            relations,
            "\"c{}\",\"FlowRelationship\",\"{}\",\"\",\"s{}\",\"s{}\",\"\"",
            c.id,
            c.data.replace('"', "\"\""),
            c.from,
            c.to
        );
    }
    (elements, relations)
}
