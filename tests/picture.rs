//! `integration-studio export`: pictures checked by real tools. xmllint (libxml2-utils)
//! must find each SVG well-formed and rsvg-convert (librsvg2-bin) must render it;
//! `scripts/install-validators` installs both, and these tests fail, not skip, without
//! them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use integration_studio::model::{
    Communication, Connection, ConnectionId, Point, Project, System, SystemId, Zone,
};
use predicates::prelude::*;
use resvg::tiny_skia::Pixmap;

fn studio() -> Command {
    Command::cargo_bin("integration-studio").unwrap()
}

/// Runs a validator; a missing tool is a failure that says how to get it.
fn tool(name: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    Process::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|error| {
            panic!("{name} could not be run ({error}): run scripts/install-validators as root")
        })
}

/// xmllint finds the file well-formed and rsvg-convert renders it.
fn assert_valid_svg(svg: &Path) {
    let xmllint = tool("xmllint", &["--noout".as_ref(), svg.as_os_str()]);
    assert!(
        xmllint.status.success(),
        "xmllint: {}",
        String::from_utf8_lossy(&xmllint.stderr)
    );
    let png = svg.with_extension("rsvg.png");
    let rsvg = tool(
        "rsvg-convert",
        &[svg.as_os_str(), "-o".as_ref(), png.as_os_str()],
    );
    assert!(
        rsvg.status.success(),
        "rsvg-convert: {}",
        String::from_utf8_lossy(&rsvg.stderr)
    );
    assert!(Pixmap::decode_png(&fs::read(&png).unwrap()).is_ok());
}

/// The `width` and `height` an SVG says it has.
fn svg_size(svg: &str) -> (f32, f32) {
    let attribute = |name: &str| -> f32 {
        let start = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        let end = start + svg[start..].find('"').unwrap();
        svg[start..end].parse().unwrap()
    };
    (attribute("width"), attribute("height"))
}

fn example(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.ron"));
    studio()
        .args(["example", name, "-o"])
        .arg(&path)
        .assert()
        .success();
    path
}

fn hostile_project(dir: &Path) -> PathBuf {
    let mut project = Project::new("<svg onload=alert(1)> & \"co\"");
    let zone = project.allocate_zone_id();
    project.zones.push(Zone {
        id: zone,
        name: "]]></text><script>".into(),
        kind: None,
        notes: String::new(),
    });
    for (id, name, x) in [
        (1, "<script>&\"", 0.0),
        (2, "bell\u{7}nul\u{0}esc\u{1b}", 420.0),
    ] {
        let mut system = System::new(SystemId(id), name);
        system.position = Point::new(x, 0.0);
        system.technology = "<!-- 'x' -->".into();
        system.zone = Some(zone);
        project.systems.push(system);
    }
    let mut flow = Connection::new(ConnectionId(1), SystemId(1), SystemId(2));
    flow.data = "a < b && c > d".into();
    flow.protocol = Some(Communication::Other("&amp;".into()));
    flow.encrypted = true;
    project.connections.push(flow);
    let path = dir.join("hostile.ron");
    integration_studio::io::save(&project, &path).unwrap();
    path
}

#[test]
fn every_example_exports_a_valid_svg_and_a_png_at_twice_its_size() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["ecommerce", "bank", "hospital"] {
        let project = example(dir.path(), name);
        studio()
            .args(["export", "--to", "svg"])
            .arg(&project)
            .assert()
            .success()
            .stderr(predicate::str::contains("wrote the landscape as SVG"));
        let svg_path = project.with_extension("svg");
        assert_valid_svg(&svg_path);
        let svg = fs::read_to_string(&svg_path).unwrap();
        studio()
            .args(["export", "--to", "png"])
            .arg(&project)
            .assert()
            .success();
        let png = Pixmap::decode_png(&fs::read(project.with_extension("png")).unwrap()).unwrap();
        let (width, height) = svg_size(&svg);
        assert_eq!(png.width(), (width * 2.0).ceil() as u32, "{name}");
        assert_eq!(png.height(), (height * 2.0).ceil() as u32, "{name}");
    }
}

#[test]
fn hostile_names_give_a_valid_svg() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile_project(dir.path());
    let svg = dir.path().join("out.svg");
    studio()
        .args(["export", "--to", "svg", "-o"])
        .arg(&svg)
        .arg(&project)
        .assert()
        .success();
    assert_valid_svg(&svg);
    let text = fs::read_to_string(&svg).unwrap();
    assert!(!text.contains("<script") && !text.contains("<svg onload"));
    assert!(text.contains("&lt;script&gt;&amp;&quot;"));
}

#[test]
fn a_broken_file_gives_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(format_version: 2, name: \"x\", systems: [").unwrap();
    studio()
        .args(["export", "--to", "png"])
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("broken.ron")
                .and(predicate::str::contains("Nothing was written")),
        );
    let missing = dir.path().join("missing.ron");
    studio()
        .args(["export", "--to", "svg"])
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.ron"));
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the broken file: {left:?}");
}

#[test]
fn an_unwritable_place_or_the_project_itself_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let project = example(dir.path(), "hospital");
    let before = fs::read(&project).unwrap();
    studio()
        .args(["export", "--to", "svg", "-o"])
        .arg(&project)
        .arg(&project)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would overwrite the project file"));
    assert_eq!(fs::read(&project).unwrap(), before);
    studio()
        .args(["export", "--to", "png", "-o"])
        .arg(dir.path().join("no such folder/out.png"))
        .arg(&project)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Nothing was written"));
}

#[test]
fn dash_writes_to_standard_output_and_a_closed_pipe_is_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let project = example(dir.path(), "ecommerce");
    let output = studio()
        .args(["export", "--to", "svg", "-o", "-"])
        .arg(&project)
        .output()
        .unwrap();
    assert!(output.status.success());
    let svg = String::from_utf8(output.stdout).unwrap();
    assert!(svg.starts_with("<?xml") && svg.trim_end().ends_with("</svg>"));
    let binary = assert_cmd::cargo::cargo_bin("integration-studio");
    let piped = Process::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' export --to png -o - '{}' | head -c 8 >/dev/null; echo \"status ${{PIPESTATUS[0]}}\"",
            binary.display(),
            project.display()
        ))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&piped.stdout);
    let complained = String::from_utf8_lossy(&piped.stderr);
    assert!(!complained.contains("panicked"), "{complained}");
    assert!(
        said.contains("status 0") || said.contains("status 141"),
        "{said}"
    );
}
