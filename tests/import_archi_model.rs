//! Importing Archi's own model files: the Archisurance example as Archi saves it, plain and
//! zipped with an image (tests/fixtures/import/archi-model, see SOURCES), against the same
//! model in the exchange format; and zip archives that are bombs, damaged or hold no model,
//! which must be clear errors, quickly.

mod import_support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use import_support::{flows, import_fixture, import_path, line_of, lines, names, system, zone_of};
use integration_studio::import::{Format, ImportError, Imported, LineKind, Options, import_file};
use zip::write::SimpleFileOptions;

const PLAIN: &str = "archi-model/Archisurance.archimate";
const ZIPPED: &str = "archi-model/Archisurance-zipped.archimate";
/// The exchange-format export of the same model, from the same Archi commit.
const EXCHANGE: &str = "archimate/archisurance.xml";

fn with_view(path: &str, view: Option<&str>) -> Imported {
    let options = Options {
        view: view.map(str::to_owned),
        ..Options::default()
    };
    import_path(&Path::new("tests/fixtures/import").join(path), &options)
}

fn place_of(imported: &Imported, text: &str) -> (PathBuf, usize) {
    let line = (imported.report.lines.iter())
        .find(|l| l.message.contains(text))
        .unwrap_or_else(|| panic!("no “{text}” in\n{}", imported.report.text()));
    let place = line.place.clone().expect("a place");
    (place.file, place.line)
}

#[test]
fn archisurance_gives_the_project_its_exchange_export_gives() {
    for view in [
        None,
        Some("Technical Infrastructure View"),
        Some("Application Structure View"),
    ] {
        let archi = with_view(PLAIN, view);
        let exchange = with_view(EXCHANGE, view);
        assert_eq!(archi.project, exchange.project, "{view:?}");
        assert_eq!(archi.report.counts, exchange.report.counts, "{view:?}");
    }
}

#[test]
fn archisurance_gives_its_systems_connections_zones_and_positions() {
    let imported = import_fixture(PLAIN);
    let p = &imported.project;
    assert_eq!(p.name, "Archisurance");
    assert_eq!(
        p.description,
        "An example of a fictional Insurance company."
    );
    let counts = imported.report.counts;
    assert_eq!(
        (counts.systems, counts.connections, counts.zones),
        (23, 13, 2)
    );
    for name in ["CRM System", "Financial Application", "Mainframe", "CICS"] {
        assert!(names(p).contains(&name), "{name}: {:?}", names(p));
    }
    assert!(system(p, "Mainframe").notes.contains("ArchiMate Node"));
    let flows = flows(p);
    for flow in [
        "CRM System → Policy Data Management: CIS",
        "Mainframe → CRM System: Claim Files Service",
        "Bank System → Financial Application: ",
    ] {
        assert!(flows.contains(&flow.to_owned()), "{flow} not in {flows:#?}");
    }
    let zones: Vec<&str> = p.zones.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(
        zones,
        ["Application Components and Services", "Infrastructure"]
    );
    assert_eq!(zone_of(p, "CICS"), Some("Infrastructure"));
    // Drawn left to right in the Layered View, and the infrastructure below.
    let position = |name| system(p, name).position;
    assert!(position("CRM System").x < position("Policy Data Management").x);
    assert_eq!(
        position("CRM System").y,
        position("Financial Application").y
    );
    assert!(position("Mainframe").y > position("CRM System").y);
    let (file, line) = place_of(&imported, "positions from view “Layered View”");
    assert!(file.ends_with(PLAIN), "{}", file.display());
    assert_eq!(line, line_of(PLAIN, "name=\"Layered View\""));
    let (_, line) = place_of(&imported, "17 BusinessActor elements skipped");
    assert_eq!(line, line_of(PLAIN, "name=\"HRM\""));
}

#[test]
fn what_the_exchange_format_has_no_place_for_is_reported() {
    let imported = import_fixture(PLAIN);
    for (text, at) in [
        (
            "sketch view “New Sketch” is not imported",
            "name=\"New Sketch\"",
        ),
        ("canvas “New Canvas” is not imported", "name=\"New Canvas\""),
        ("“F1” = “S” of folder “Strategy”", "key=\"F1\""),
    ] {
        assert_eq!(lines(&imported, LineKind::Skipped, text).len(), 1, "{text}");
        assert_eq!(place_of(&imported, text).1, line_of(PLAIN, at), "{text}");
    }
}

#[test]
fn the_zipped_model_gives_the_same_project_and_says_what_it_read() {
    let plain = import_fixture(PLAIN);
    let zipped = import_fixture(ZIPPED);
    assert_eq!(zipped.project, plain.project);
    let note = lines(&zipped, LineKind::Note, "“model.xml” in this zip archive");
    assert!(note[0].contains("1 other file not read"), "{note:?}");
    let (file, line) = place_of(&zipped, "positions from view “Layered View”");
    assert!(file.ends_with("Archisurance-zipped.archimate/model.xml"));
    assert_eq!(line, line_of(PLAIN, "name=\"Layered View\""));
    assert!(
        zipped
            .report
            .summary()
            .contains("Archisurance-zipped.archimate/model.xml")
    );
}

#[test]
fn archis_own_zipped_model_with_two_images_reads() {
    let imported = import_fixture("archi-model/model_zipped.archimate");
    assert_eq!(imported.project.name, "Zip Test");
    assert!(imported.project.systems.is_empty());
    let note = lines(&imported, LineKind::Note, "in this zip archive");
    assert!(note[0].contains("2 other files not read"), "{note:?}");
    lines(&imported, LineKind::Note, "none of the 2 views shows");
}

/// A zip archive written into a fresh folder, its entries deflated.
fn zip_file(name: &str, entries: &[(&str, &[u8])]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (entry, bytes) in entries {
        zip.start_file(*entry, SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    (dir, path)
}

fn read_error(path: &Path) -> String {
    match import_file(path, &Options::default()) {
        Err(error @ ImportError::Read { .. }) => error.to_string(),
        Err(other) => panic!("expected a read error, got {other:?}"),
        Ok(imported) => panic!("expected an error, got {}", imported.report.summary()),
    }
}

#[test]
fn a_zip_bomb_is_refused_at_the_limit_quickly() {
    // 100 MB of spaces deflate to about 100 kB.
    let spaces = vec![b' '; 100 * 1024 * 1024];
    let (_dir, path) = zip_file("bomb.archimate", &[("model.xml", &spaces)]);
    drop(spaces);
    let started = Instant::now();
    let message = read_error(&path);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(message.contains("inflates to more than 64 MB"), "{message}");
    assert!(message.contains("bomb.archimate"), "{message}");
    assert!(message.contains("“model.xml”"), "{message}");
}

#[test]
fn a_zip_that_hides_how_large_its_model_is_is_still_stopped_at_the_limit() {
    let spaces = vec![b' '; 100 * 1024 * 1024];
    let (_dir, path) = zip_file("liar.archimate", &[("model.xml", &spaces)]);
    drop(spaces);
    // The local and the central header claim 1 kB: only inflating tells.
    let mut bytes = std::fs::read(&path).unwrap();
    let claim = 1024u32.to_le_bytes();
    bytes[22..26].copy_from_slice(&claim);
    let central = (bytes.windows(4))
        .rposition(|w| w == b"PK\x01\x02")
        .unwrap();
    bytes[central + 24..central + 28].copy_from_slice(&claim);
    std::fs::write(&path, bytes).unwrap();
    let started = Instant::now();
    let message = read_error(&path);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        message.contains("64 MB") || message.contains("damaged"),
        "{message}"
    );
}

#[test]
fn a_zip_without_a_model_is_a_clear_error() {
    let (_dir, path) = zip_file(
        "pictures.archimate",
        &[("images/a.png", b"png"), ("notes.txt", b"hello")],
    );
    let message = read_error(&path);
    assert!(message.contains("no “model.xml”"), "{message}");
    assert!(message.contains("“images/a.png”, “notes.txt”"), "{message}");
    let (_dir, path) = zip_file("empty.zip", &[]);
    assert!(read_error(&path).contains("it is empty"));
}

#[test]
fn a_zip_is_unpacked_unless_another_format_is_asked_for() {
    let path = Path::new("tests/fixtures/import").join(ZIPPED);
    let options = Options {
        format: Some(Format::Drawio),
        ..Options::default()
    };
    let error = import_file(&path, &options).unwrap_err();
    assert!(error.to_string().contains("not UTF-8"), "{error}");
    // Any other name will do: the model inside tells the format.
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("landscape.zip");
    std::fs::copy(&path, &renamed).unwrap();
    let imported = import_path(&renamed, &Options::default());
    assert_eq!(imported.report.counts.systems, 23);
}

// The broken corpus (tests/fixtures/import/broken, see SOURCES).

fn broken(name: &str) -> Result<Imported, ImportError> {
    import_file(
        &Path::new("tests/fixtures/import/broken").join(name),
        &Options::default(),
    )
}

#[test]
fn a_broken_model_is_an_error_at_the_place_it_breaks() {
    let cut = "archi-model-cut-off.archimate";
    let last_line = std::fs::read_to_string(Path::new("tests/fixtures/import/broken").join(cut))
        .unwrap()
        .lines()
        .count();
    for (name, line, words) in [
        (cut, last_line, "cut off"),
        ("archi-model-garbage.archimate", 1, "not UTF-8"),
        (
            "archi-model-garbage-text.archimate",
            1,
            "not well-formed XML",
        ),
        ("archi-model-latin1.archimate", 5, "not UTF-8"),
        ("archi-model-utf16.archimate", 1, "not UTF-8"),
    ] {
        let error = broken(name).unwrap_err();
        let position = error
            .position()
            .unwrap_or_else(|| panic!("{name}: {error}"));
        assert_eq!(position.line, line, "{name}: {error}");
        assert!(error.to_string().contains(words), "{name}: {error}");
    }
}

#[test]
fn a_broken_zip_is_a_clear_error() {
    for (name, words) in [
        ("archi-model-zip-cut-off.archimate", "damaged zip archive"),
        ("archi-model-zip-garbage.archimate", "damaged zip archive"),
    ] {
        let Err(error @ ImportError::Read { .. }) = broken(name) else {
            panic!("{name} is not read");
        };
        assert!(error.to_string().contains(words), "{name}: {error}");
    }
}
