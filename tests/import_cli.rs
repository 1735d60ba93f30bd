//! `integration-studio import`: writing, refusing to overwrite, exit statuses, the report
//! on stderr as text and JSON, and hostile sources.

use std::path::Path;

use assert_cmd::Command;
use base64::Engine;
use predicates::prelude::*;

fn studio() -> Command {
    Command::cargo_bin("integration-studio").unwrap()
}

fn fixture(path: &str) -> String {
    Path::new("tests/fixtures/import")
        .join(path)
        .display()
        .to_string()
}

#[test]
fn imports_to_a_new_file_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shop.ron");
    studio()
        .args(["import", &fixture("dot/clust4.gv"), "-o"])
        .arg(&out)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "imported 10 systems, 13 connections, 2 zones",
        ));
    let loaded = integration_studio::io::load(&out).unwrap();
    assert_eq!(loaded.project.systems.len(), 10);
    studio()
        .args(["import", &fixture("dot/clust4.gv"), "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    studio()
        .args(["import", &fixture("dot/clust4.gv"), "--force", "-o"])
        .arg(&out)
        .assert()
        .code(0);
}

#[test]
fn strict_fails_on_skips_and_guesses_and_json_is_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.ron");
    let run = studio()
        .args([
            "import",
            &fixture("mermaid/flowchart-subgraph-direction.mmd"),
            "--strict",
            "--report",
            "json",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    let report: serde_json::Value = serde_json::from_str(&stderr).unwrap();
    assert_eq!(report["counts"]["systems"], 6);
    let skipped = report["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["kind"] == "skipped")
        .unwrap();
    assert_eq!(skipped["place"]["line"], 13);
    assert!(
        out.exists(),
        "a strict import still writes what it imported"
    );
}

#[test]
fn the_format_is_told_from_the_file_or_named() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("landscape.txt");
    std::fs::write(&source, "digraph { a -> b }").unwrap();
    studio().args(["import"]).arg(&source).assert().code(0);
    assert!(dir.path().join("landscape.ron").exists());
    let unknown = dir.path().join("notes.txt");
    std::fs::write(&unknown, "hello").unwrap();
    studio()
        .args(["import"])
        .arg(&unknown)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--from"));
    std::fs::write(&unknown, "a -> b").unwrap();
    studio()
        .args(["import", "--from", "mermaid"])
        .arg(&unknown)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("notes.txt:1:1"));
}

#[test]
fn archis_own_model_files_plain_or_zipped_are_told_from_their_content() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("archisurance.ron");
    for (source, from) in [
        ("archi-model/Archisurance.archimate", None),
        ("archi-model/Archisurance-zipped.archimate", None),
        (
            "archi-model/Archisurance-zipped.archimate",
            Some("archimate"),
        ),
    ] {
        let mut command = studio();
        command
            .args(["import", &fixture(source), "--force", "-o"])
            .arg(&out);
        if let Some(from) = from {
            command.args(["--from", from]);
        }
        command.assert().code(0).stderr(predicate::str::contains(
            "imported 23 systems, 13 connections, 2 zones",
        ));
    }
    studio()
        .args([
            "import",
            &fixture("broken/archi-model-zip-no-model.archimate"),
            "--force",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no “model.xml”")
                .and(predicate::str::contains("Nothing was written")),
        );
}

#[test]
fn unreadable_and_broken_sources_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.ron");
    studio()
        .args(["import", "missing.gv", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file"));
    for broken in [
        "dot-cut-off.gv",
        "mermaid-garbage.mmd",
        "drawio-cut-off.drawio",
        "backstage-latin1.yaml",
    ] {
        studio()
            .args(["import", &fixture(&format!("broken/{broken}")), "-o"])
            .arg(&out)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("Nothing was written"));
        assert!(!out.exists(), "{broken}");
    }
}

#[test]
fn an_xml_bomb_and_an_external_entity_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.drawio");
    let mut dtd =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE mxfile [\n<!ENTITY lol \"lol\">\n");
    for level in 1..10 {
        let previous = if level == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", level - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{level} \"{}\">\n",
            format!("&{previous};").repeat(10)
        ));
    }
    dtd.push_str("]>\n<mxfile><diagram name=\"&lol9;\"/></mxfile>\n");
    std::fs::write(&bomb, dtd).unwrap();
    studio()
        .args(["import"])
        .arg(&bomb)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("DTD"));
    let xxe = dir.path().join("xxe.drawio");
    std::fs::write(&xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<mxfile><diagram name=\"&x;\"/></mxfile>").unwrap();
    studio()
        .args(["import"])
        .arg(&xxe)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("DTD").and(predicate::str::contains("root:").not()));
}

#[test]
fn a_compressed_page_that_inflates_without_end_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // 100 MB of zeros deflate to about 100 kB.
    let zeros = vec![b'0'; 100 * 1024 * 1024];
    let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
    let page = base64::engine::general_purpose::STANDARD.encode(packed);
    let source = dir.path().join("zip-bomb.drawio");
    std::fs::write(
        &source,
        format!("<mxfile><diagram name=\"P\">{page}</diagram></mxfile>"),
    )
    .unwrap();
    studio()
        .args(["import"])
        .arg(&source)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("inflates to more than 64 MB"));
}
