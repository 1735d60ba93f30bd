use resvg::tiny_skia::Pixmap;
use resvg::usvg;

use super::*;
use crate::examples::EXAMPLES;
use crate::model::{
    Communication, Connection, ConnectionId, InteractionStyle, Sensitivity, System, SystemId,
};

fn hostile() -> Project {
    let mut project = Project::new("<b>Landscape</b> & \"friends\"\u{7}");
    let zone = project.allocate_zone_id();
    project.zones.push(crate::model::Zone {
        id: zone,
        name: "</g><script>alert(1)</script>".into(),
        kind: None,
        notes: String::new(),
    });
    for (id, name, x) in [
        (1, "<script>&\"", 0.0),
        (2, "Tab\there\u{0}nul\u{1b}[31m esc \u{FFFF}", 400.0),
    ] {
        let mut system = System::new(SystemId(id), name);
        system.position = Point::new(x, 0.0);
        system.technology = "]]><!-- --> 'quoted'".into();
        system.sensitivity = Some(Sensitivity::Other("<i>".into()));
        system.zone = Some(zone);
        project.systems.push(system);
    }
    let mut c = Connection::new(ConnectionId(1), SystemId(1), SystemId(2));
    c.data = "a < b && c > d".into();
    c.protocol = Some(Communication::Other("&lt;".into()));
    c.encrypted = true;
    project.connections.push(c);
    project
}

/// Parses as XML and as SVG (usvg reads the XML with roxmltree, which rejects anything
/// not well-formed).
fn parses(svg: &str) -> usvg::Tree {
    usvg::Tree::from_str(svg, &usvg::Options::default()).expect("a valid SVG")
}

#[test]
fn hostile_names_are_text_not_markup() {
    let svg = to_svg(&hostile(), &PictureOptions::default());
    parses(&svg);
    assert!(!svg.contains("<script"), "{svg}");
    assert!(!svg.contains("<b>") && !svg.contains("<i>"));
    assert!(svg.contains("&lt;script&gt;&amp;&quot;"));
    assert!(svg.contains("a &lt; b &amp;&amp; c &gt; d"));
    assert!(!svg.chars().any(|c| c.is_control() && c != '\n'));
    assert!(svg.contains("Tab herenul[31m esc"));
}

#[test]
fn every_example_is_drawn_with_its_names_as_text() {
    for example in EXAMPLES {
        let project = example.project().unwrap();
        let svg = to_svg(&project, &PictureOptions::default());
        parses(&svg);
        for system in &project.systems {
            let title = format!("<title>{}</title>", svg::escape(&system.name));
            assert!(svg.contains(&title), "{}: {}", example.name, system.name);
        }
        assert_eq!(
            svg.matches("class=\"system\"").count(),
            project.systems.len()
        );
        assert!(svg.contains(">Synchronous</text>") && svg.contains(">Confidential</text>"));
    }
}

#[test]
fn async_flows_are_dashed_and_sync_flows_solid() {
    let mut project = hostile();
    project.connections[0].style = Some(InteractionStyle::AsyncMessage);
    let dashed = to_svg(&project, &PictureOptions::default());
    project.connections[0].style = Some(InteractionStyle::SyncRequestResponse);
    let solid = to_svg(&project, &PictureOptions::default());
    assert!(dashed.contains("stroke-dasharray=\"8 5\""));
    assert!(!solid.contains("stroke-dasharray=\"8 5\""));
    assert_eq!(
        dashed.matches("<polyline").count(),
        solid.matches("<polyline").count()
    );
}

#[test]
fn an_empty_project_gives_a_small_picture_with_a_note() {
    let project = Project::new("Nothing yet");
    let svg = to_svg(&project, &PictureOptions::default());
    let tree = parses(&svg);
    assert!(svg.contains(EMPTY_NOTE));
    assert!(tree.size().width() <= 500.0 && tree.size().height() <= 200.0);
    let png = to_png(&project, &PictureOptions::default()).unwrap();
    assert!(Pixmap::decode_png(&png).is_ok());
}

#[test]
fn the_png_is_the_svg_at_twice_the_size_with_text_drawn() {
    let project = hostile();
    let options = PictureOptions::default();
    let tree = parses(&to_svg(&project, &options));
    let png = to_png(&project, &options).unwrap();
    let pixmap = Pixmap::decode_png(&png).unwrap();
    assert_eq!(pixmap.width(), (tree.size().width() * 2.0).ceil() as u32);
    assert_eq!(pixmap.height(), (tree.size().height() * 2.0).ceil() as u32);
    // The title's row is drawn in black: the bundled font was found.
    let dark = pixmap
        .pixels()
        .iter()
        .filter(|p| p.red() < 60 && p.green() < 60 && p.blue() < 60)
        .count();
    assert!(dark > 200, "{dark} dark pixels");
    let rgba = to_rgba(&project, &options).unwrap();
    assert_eq!(rgba.pixels.len() as u32, 4 * rgba.width * rgba.height);
    assert_eq!(rgba.width, pixmap.width());
}

#[test]
fn pictures_are_the_same_every_time() {
    let project = EXAMPLES[0].project().unwrap();
    let options = PictureOptions::default();
    assert_eq!(to_svg(&project, &options), to_svg(&project, &options));
    assert!(matches!(
        to_png(
            &project,
            &PictureOptions {
                scale: 0.0,
                ..options
            }
        ),
        Err(PictureError::Scale(_))
    ));
}

#[test]
fn formats_follow_the_extension() {
    assert_eq!(
        PictureFormat::of_path(Path::new("a/b.SVG")),
        Some(PictureFormat::Svg)
    );
    assert_eq!(
        PictureFormat::of_path(Path::new("b.png")),
        Some(PictureFormat::Png)
    );
    assert_eq!(PictureFormat::of_path(Path::new("b.jpg")), None);
    assert_eq!(PictureFormat::of_path(Path::new("b")), None);
}
