//! Importing Archi's CSV export: Archi's own test files (tests/fixtures/import/archi-csv,
//! see SOURCES there), an application landscape written the way Archi writes one, and
//! broken files, which must give an error that says where and never a panic.

mod import_support;

use import_support::flows;
use std::path::{Path, PathBuf};

use integration_studio::import::{
    Format, ImportError, Imported, Line, LineKind, Options, Source, import_file, import_source,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn import(path: &Path) -> Result<Imported, ImportError> {
    let options = Options {
        format: Some(Format::ArchiCsv),
        ..Options::default()
    };
    import_file(path, &options)
}

/// Each report line as file name, line and message.
fn lines(imported: &Imported) -> Vec<(String, usize, String)> {
    imported
        .report
        .lines
        .iter()
        .map(|l| {
            let (file, line) = l.place.as_ref().map_or((String::new(), 0), |p| {
                let file = p.file.file_name().map(|f| f.to_string_lossy().into_owned());
                (file.unwrap_or_default(), p.line)
            });
            (file, line, l.message.clone())
        })
        .collect()
}

fn line<'r>(imported: &'r Imported, text: &str) -> &'r Line {
    imported
        .report
        .lines
        .iter()
        .find(|l| l.message.contains(text))
        .unwrap_or_else(|| panic!("no line with “{text}” in\n{}", imported.report.text()))
}

#[test]
fn any_file_of_a_triple_reads_all_three() {
    let expected = [
        ("test1-elements.csv", 5, "1 BusinessActor element skipped: business layer elements are not systems (“Business Actor”)"),
        ("test1-elements.csv", 9, "1 BusinessInterface element skipped: business layer elements are not systems (“Business Interface”)"),
        ("test1-elements.csv", 10, "1 BusinessRole element skipped: business layer elements are not systems (“Business Role”)"),
        ("test1-properties.csv", 2, "model property “Property 1” = “Hello World \"Here\"!” is not imported: a project has no properties"),
        ("test1-properties.csv", 3, "model property “Property 2” = “Again” is not imported: a project has no properties"),
        ("test1-relations.csv", 2, "1 Assignment relationship skipped: neither end is an imported system (the first: BusinessActor “Business Actor” → BusinessRole “Business Role”)"),
        ("test1-relations.csv", 4, "1 Composition relationship skipped: neither end is an imported system (the first: BusinessActor “Business Actor” → BusinessInterface “Business Interface”)"),
    ]
    .map(|(f, l, m)| (f.to_owned(), l, m.to_owned()));
    for given in [
        "test1-elements.csv",
        "test1-relations.csv",
        "test1-properties.csv",
    ] {
        let imported = import(&fixture(&format!("archi-csv/{given}"))).unwrap();
        assert_eq!(imported.project.name, "Test Model", "{given}");
        assert!(
            imported
                .project
                .description
                .starts_with("This is the Purpose of the Model."),
            "{given}"
        );
        assert!(imported.project.systems.is_empty());
        assert_eq!(lines(&imported), expected, "{given}");
    }
}

#[test]
fn rows_without_ids_and_a_missing_properties_file_are_fine() {
    let imported = import(&fixture("archi-csv/test3-relations.csv")).unwrap();
    assert_eq!(imported.project.name, "Test Model");
    let found = lines(&imported);
    // The model's documentation is the project's description, not a report line.
    assert!(!imported.project.description.is_empty());
    assert_eq!(found.len(), 4, "{found:#?}");
    assert_eq!(found[0].1, 3);
    assert!(found[0].2.starts_with("2 BusinessActor elements skipped"));
    assert!(found[0].2.contains("“Name”, “Another Business Actor”"));
    assert!(found[2].2.starts_with("2 BusinessRole elements skipped"));
    // The relation's ends have ids; the relation itself has none, and needs none.
    assert_eq!(found[3].0, "test3-relations.csv");
    assert!(
        found[3]
            .2
            .contains("“Another Business Actor” → BusinessRole “Another Business Role”")
    );
}

#[test]
fn comment_lines_are_skipped_and_lines_still_count() {
    let imported = import(&fixture("archi-csv/test5-elements.csv")).unwrap();
    // No model row: the files' prefix names the project.
    assert_eq!(imported.project.name, "test5");
    let found: Vec<(usize, String)> = lines(&imported)
        .into_iter()
        .map(|(_, l, m)| (l, m))
        .collect();
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].0, 4);
    assert!(found[0].1.contains("“A Business Actor”"));
    assert_eq!(found[1].0, 6);
    assert!(found[1].1.contains("“A Business Role”"));
}

/// An application landscape as Archi writes one, with a `;` separator and a BOM.
fn write_landscape(folder: &Path) -> PathBuf {
    let files = [
        (
            "acme-elements.csv",
            "\u{feff}\"ID\";\"Type\";\"Name\";\"Documentation\";\"Specialization\"\r\n\
             \"m\";\"ArchimateModel\";\"Acme\";\"\";\"\"\r\n\
             \"crm\";\"ApplicationComponent\";\"CRM\";\"Customers;\r\nand \"\"leads\"\"\";\"SaaS\"\r\n\
             \"erp\";\"ApplicationComponent\";\"ERP\";\"\";\"\"\r\n\
             \"cust\";\"DataObject\";\"Customer\";\"\";\"\"\r\n\
             \"srv\";\"Node\";\"Server\";\"\";\"\"\r\n\
             \"api\";\"ApplicationService\";\"CRM API\";\"\";\"\"\r\n\
             \"sales\";\"Grouping\";\"Sales\";\"\";\"\"\r\n\
             \"boss\";\"BusinessActor\";\"Boss\";\"\";\"\"",
        ),
        (
            "acme-relations.csv",
            "\"ID\";\"Type\";\"Name\";\"Documentation\";\"Source\";\"Target\";\"Specialization\"\r\n\
             \"r1\";\"ServingRelationship\";\"\";\"\";\"api\";\"erp\";\"\"\r\n\
             \"r2\";\"RealizationRelationship\";\"\";\"\";\"crm\";\"api\";\"\"\r\n\
             \"r3\";\"AccessRelationship\";\"\";\"\";\"erp\";\"cust\";\"\"\r\n\
             \"r4\";\"AccessRelationship\";\"\";\"\";\"crm\";\"cust\";\"\"\r\n\
             \"r5\";\"FlowRelationship\";\"invoices\";\"\";\"erp\";\"crm\";\"\"\r\n\
             \"r6\";\"AggregationRelationship\";\"\";\"\";\"sales\";\"crm\";\"\"\r\n\
             \"r7\";\"FlowRelationship\";\"\";\"\";\"erp\";\"nowhere\";\"\"\r\n\
             \"r8\";\"AssignmentRelationship\";\"\";\"\";\"srv\";\"erp\";\"\"",
        ),
        (
            "acme-properties.csv",
            "\"ID\";\"Key\";\"Value\"\r\n\
             \"m\";\"Version\";\"3\"\r\n\
             \"crm\";\"Owner\";\"Sales IT\"\r\n\
             \"crm\";\"SLA\";\"99.5\"\r\n\
             \"erp\";\"cost centre\";\"4711\"\r\n\
             \"r3\";\"Access_Type\";\"Read\"\r\n\
             \"r5\";\"frequency\";\"nightly\"\r\n\
             \"ghost\";\"colour\";\"red\"",
        ),
    ];
    for (name, text) in files {
        std::fs::write(folder.join(name), text).unwrap();
    }
    folder.join("acme-elements.csv")
}

#[test]
fn an_application_landscape_follows_the_archimate_rules() {
    let folder = tempfile::tempdir().unwrap();
    let imported = import(&write_landscape(folder.path())).unwrap();
    let p = &imported.project;
    assert_eq!(p.name, "Acme");
    let names: Vec<&str> = p.systems.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["CRM", "ERP", "Server"]);
    let crm = &p.systems[0];
    assert_eq!(crm.purpose, "Customers;\nand \"leads\"");
    assert_eq!(crm.tags, ["SaaS"]);
    assert_eq!(crm.owner_team, "Sales IT");
    assert_eq!(crm.availability.percent, Some(99.5));
    assert!(p.systems[1].notes.contains("cost centre: 4711"));
    assert!(p.systems[2].notes.contains("is assigned to “ERP”"));
    assert_eq!(
        flows(p),
        [
            "CRM → ERP: CRM API",
            "ERP → CRM: invoices",
            "CRM → ERP: Customer",
        ]
    );
    assert_eq!(p.connections[1].frequency, "nightly");
    assert_eq!(p.zones.len(), 1);
    assert_eq!(p.zones[0].name, "Sales");
    assert_eq!(crm.zone, Some(p.zones[0].id));
    let ghost = line(&imported, "property “colour” of “ghost”");
    assert_eq!(ghost.kind, LineKind::Skipped);
    assert_eq!(ghost.place.as_ref().map(|p| p.line), Some(8));
    let nowhere = line(&imported, "“nowhere”, which is not in the model");
    assert_eq!(nowhere.place.as_ref().map(|p| p.line), Some(8));
    line(&imported, "model property “Version” = “3”");
    line(&imported, "1 BusinessActor element skipped");
}

#[test]
fn a_relations_file_without_its_elements_file_is_an_error() {
    let folder = tempfile::tempdir().unwrap();
    write_landscape(folder.path());
    std::fs::remove_file(folder.path().join("acme-elements.csv")).unwrap();
    let Err(ImportError::Unsupported { reason, .. }) =
        import(&folder.path().join("acme-relations.csv"))
    else {
        panic!("expected an error");
    };
    assert!(reason.contains("acme-elements.csv"), "{reason}");
}

#[cfg(unix)]
#[test]
fn a_link_beside_the_file_that_leads_out_of_its_folder_is_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.csv");
    std::fs::write(
        &secret,
        "\"ID\",\"Key\",\"Value\"\r\n\"crm\",\"password\",\"hunter2\"",
    )
    .unwrap();
    let folder = tempfile::tempdir().unwrap();
    let elements = write_landscape(folder.path());
    let properties = folder.path().join("acme-properties.csv");
    std::fs::remove_file(&properties).unwrap();
    std::os::unix::fs::symlink(&secret, &properties).unwrap();
    let Err(ImportError::Read { reason, .. }) = import(&elements) else {
        panic!("expected an error");
    };
    assert!(reason.contains("outside the source's folder"), "{reason}");
}

fn expect_parse_error(name: &str) -> (usize, usize, String) {
    match import(&fixture(&format!("broken/{name}"))) {
        Err(error @ ImportError::Parse { .. }) => {
            let position = error.position().expect("a parse error has a position");
            (position.line, position.column, error.to_string())
        }
        Err(other) => panic!("{name}: expected a parse error, got {other:?}"),
        Ok(imported) => panic!(
            "{name}: expected an error, got {}",
            imported.report.summary()
        ),
    }
}

#[test]
fn broken_files_are_errors_with_a_place() {
    // Cut inside the quoted documentation of the row on line 5: the quote that opens it.
    let (line, column, message) = expect_parse_error("archi-csv-cut-off-elements.csv");
    let opening = "\"f00aa5b4\",\"BusinessActor\",\"Business Actor\","
        .chars()
        .count()
        + 1;
    assert_eq!((line, column), (5, opening), "{message}");
    assert!(message.contains("cut off"), "{message}");
    for (name, line, words) in [
        ("archi-csv-garbage-elements.csv", 1, "not UTF-8"),
        ("archi-csv-latin1-elements.csv", 5, "not UTF-8"),
        ("archi-csv-utf16-elements.csv", 1, "not UTF-8"),
        (
            "archi-csv-not-archi-elements.csv",
            1,
            "not an Archi elements file",
        ),
    ] {
        let (at, _, message) = expect_parse_error(name);
        assert_eq!(at, line, "{name}: {message}");
        assert!(message.contains(words), "{name}: {message}");
    }
}

#[test]
fn no_prefix_of_an_export_panics() {
    let text = std::fs::read_to_string(fixture("archi-csv/test1-elements.csv")).unwrap();
    let path = Path::new("cut-elements.csv");
    for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        let source = Source::new(path, text[..end].to_owned());
        let _ = import_source(&source, Format::ArchiCsv, &Options::default());
    }
}
