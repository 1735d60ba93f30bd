//! The draw.io reader on small pages written here: labels that are one placeholder,
//! coordinates kept on a one-page file, dashes that a property already explains.

use std::path::Path;

use crate::import::{Format, Imported, Options, Source, import_source};

fn import(cells: &str) -> Imported {
    let text = format!(
        "<mxfile><diagram name=\"P\"><mxGraphModel><root><mxCell id=\"0\"/>\
         <mxCell id=\"1\" parent=\"0\"/>{cells}</root></mxGraphModel></diagram></mxfile>"
    );
    let source = Source::new(Path::new("t.drawio"), text);
    import_source(&source, Format::Drawio, &Options::default()).unwrap()
}

const TWO_BOXES: &str = "<object id=\"a\" label=\"%name%\" placeholders=\"1\" \
     name=\" Order&#10;&lt;b&gt;API&lt;/b&gt;  v2 \" owner=\"Team\">\
     <mxCell vertex=\"1\" parent=\"1\"><mxGeometry x=\"-20\" y=\"46\" width=\"200\" \
     height=\"90\" as=\"geometry\"/></mxCell></object>\
     <mxCell id=\"b\" value=\"Billing\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"300\" \
     y=\"0\" width=\"200\" height=\"90\" as=\"geometry\"/></mxCell>";

#[test]
fn a_label_that_is_one_placeholder_gives_the_property_exactly_and_once() {
    let imported = import(TWO_BOXES);
    let order = &imported.project.systems[0];
    assert_eq!(order.name, "Order\n<b>API</b>  v2");
    assert_eq!(order.owner_team, "Team");
    assert_eq!(order.notes, "", "the name is not kept a second time");
}

#[test]
fn the_only_page_keeps_its_coordinates() {
    let imported = import(TWO_BOXES);
    let corners: Vec<(f32, f32)> = imported
        .project
        .systems
        .iter()
        .map(|s| (s.position.x, s.position.y))
        .collect();
    assert_eq!(corners, [(-20.0, 46.0), (300.0, 0.0)]);
}

#[test]
fn a_dash_says_nothing_when_a_property_gives_the_interaction_style() {
    let line = |id: &str, extra: &str| {
        format!(
            "<object id=\"{id}\" label=\"%data%\" placeholders=\"1\" data=\"Orders\" \
             protocol=\"REST\" data_format=\"JSON\" {extra}><mxCell edge=\"1\" parent=\"1\" \
             source=\"a\" target=\"b\" style=\"dashed=1;\"><mxGeometry relative=\"1\" \
             as=\"geometry\"/></mxCell></object>"
        )
    };
    let cells = format!(
        "{TWO_BOXES}{}{}",
        line("c", "interaction=\"Asynchronous message\""),
        line("d", "")
    );
    let imported = import(&cells);
    let [with, without] = &imported.project.connections[..] else {
        panic!("two lines: {:?}", imported.project.connections);
    };
    assert_eq!(with.data, "Orders");
    assert_eq!(with.notes, "");
    assert_eq!(without.notes, "drawn dashed in draw.io");
}

#[test]
fn only_draw_ios_own_page_names_are_not_names_of_the_landscape() {
    for default in ["Page-1", "Page-12", " ", ""] {
        assert!(super::is_default_page_name(default), "{default:?}");
    }
    for own in ["Overview", "Page-", "Page-1a", "Payments landscape"] {
        assert!(!super::is_default_page_name(own), "{own:?}");
    }
}
