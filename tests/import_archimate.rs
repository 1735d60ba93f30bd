//! Importing the ArchiMate exchange format: real exported models (tests/fixtures/import/
//! archimate, see SOURCES there), and hostile or broken files, which must give an error
//! that says where, quickly, and never a panic.

mod import_support;

use import_support::{flows, line_of};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use integration_studio::import::{
    Format, ImportError, Imported, Line, LineKind, Options, Source, import_file, import_source,
};
use integration_studio::model::Project;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn import(name: &str, view: Option<&str>) -> Result<Imported, ImportError> {
    let options = Options {
        view: view.map(str::to_owned),
        ..Options::default()
    };
    import_file(&fixture(name), &options)
}

fn archisurance(view: Option<&str>) -> Imported {
    import("archimate/archisurance.xml", view).unwrap_or_else(|e| panic!("{}", e.report()))
}

fn line<'r>(imported: &'r Imported, text: &str) -> &'r Line {
    imported
        .report
        .lines
        .iter()
        .find(|l| l.message.contains(text))
        .unwrap_or_else(|| panic!("no line with “{text}” in\n{}", imported.report.text()))
}

fn line_number(line: &Line) -> usize {
    line.place.as_ref().map_or(0, |p| p.line)
}

fn system<'p>(project: &'p Project, name: &str) -> &'p integration_studio::model::System {
    project
        .systems
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no system “{name}”"))
}

fn zone_of(project: &Project, name: &str) -> Option<String> {
    let zone = system(project, name).zone?;
    project
        .zones
        .iter()
        .find(|z| z.id == zone)
        .map(|z| z.name.clone())
}

#[test]
fn archisurance_gives_its_application_and_technology_systems() {
    let imported = archisurance(None);
    let p = &imported.project;
    assert_eq!(p.name, "Archisurance");
    assert_eq!(imported.report.counts.systems, 23);
    for name in [
        "Financial Application",
        "CRM System",
        "Policy Data Management",
        "Home & Away Policy Administration",
        "Customer Data  Access",
        "Risk Assessment",
        "Claim Data Management",
        "Call center application",
        "Web portal",
        "Bank System",
        "Mainframe",
        "Unix Server Farm",
        "CICS",
        "DBMS",
        "Message Queing",
        "Financial Software",
        "Admin Server",
        "NAS File Server",
        "BIBIT Server",
    ] {
        system(p, name);
    }
    // Elements are told apart by id, not by name.
    let count = |name: &str| p.systems.iter().filter(|s| s.name == name).count();
    assert_eq!((count("Firewall"), count("Unix Server")), (2, 2));
    assert!(system(p, "Mainframe").notes.contains("ArchiMate Node"));
    // Services are drawn as the system that realises them, not as boxes of their own.
    assert_eq!(count("CIS"), 0);
    assert_eq!(count("Claim Files Service"), 0);
    let fold = line(
        &imported,
        "TechnologyService “Claim Files Service” stands for “Mainframe”",
    );
    assert_eq!(
        line_number(fold),
        line_of("archimate/archisurance.xml", "id-1455")
    );
}

#[test]
fn archisurance_serving_relationships_become_connections_from_provider_to_consumer() {
    let imported = archisurance(None);
    let flows = flows(&imported.project);
    assert_eq!(flows.len(), 13, "{flows:#?}");
    for flow in [
        "Bank System → Financial Application: ",
        "Policy Data Management → Financial Application: Claim InfoServ",
        "CRM System → Policy Data Management: CIS",
        "Mainframe → CRM System: Claim Files Service",
        "NAS File Server → Financial Application: Customer File Service",
        "Customer Data  Access → Risk Assessment: ",
    ] {
        assert!(flows.contains(&flow.to_owned()), "{flow} not in {flows:#?}");
    }
    // A data object only one system writes is kept in its notes, and reported.
    let policy = system(&imported.project, "Policy Data Management");
    assert!(
        policy
            .notes
            .contains("writes DataObject “Insurance Policy Data”"),
        "{}",
        policy.notes
    );
    let kept = line(&imported, "Access “Policy Data Management” → DataObject");
    assert_eq!(kept.kind, LineKind::Note);
    let unread = line(&imported, "DataObject “Insurance Request Data” is data");
    assert_eq!(unread.kind, LineKind::Skipped);
    let composed = system(&imported.project, "Home & Away Policy Administration");
    assert!(
        composed
            .notes
            .contains("is composed of “Customer Data  Access”")
    );
}

#[test]
fn archisurance_reports_every_element_and_relationship() {
    let imported = archisurance(None);
    let report = &imported.report;
    let leading_number = |l: &Line| {
        let digits: String = l.message.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<usize>().ok()
    };
    let summed = |what: &str| -> usize {
        report
            .lines
            .iter()
            .filter(|l| l.message.contains(what))
            .filter_map(leading_number)
            .sum()
    };
    let lines = |what: &str| {
        report
            .lines
            .iter()
            .filter(|l| l.message.contains(what))
            .count()
    };
    // 122 elements: systems, services standing for one, data, and the rest by type.
    let data = lines("kept in the notes of") - lines("says how they are built")
        + lines("is data, not a system");
    let elements = report.counts.systems
        + lines(" stands for ")
        + data
        + summed(" elements skipped")
        + summed(" element skipped");
    assert_eq!(elements, 122, "{}", report.text());
    // 179 relationships: connections, the realisations behind stand-ins, accesses and
    // structure kept in notes, one line each where a system is at one end, and the rest
    // by type.
    let one_each = report
        .lines
        .iter()
        .filter(|l| {
            l.kind == LineKind::Skipped && l.message.contains(" → ") && leading_number(l).is_none()
        })
        .count();
    let relationships = report.counts.connections
        + lines(" stands for ")
        + lines("kept in the notes of")
        + one_each
        + summed(" relationships skipped")
        + summed(" relationship skipped");
    assert_eq!(relationships, 179, "{}", report.text());
    let business = line(&imported, "17 BusinessActor elements skipped");
    assert_eq!(business.kind, LineKind::Skipped);
    assert_eq!(
        line_number(business),
        line_of("archimate/archisurance.xml", "id-345")
    );
    let flows = line(&imported, "33 Flow relationships skipped");
    assert!(flows.message.contains("neither end is an imported system"));
    line(
        &imported,
        "model property “Property1” = “Value of Property 1”",
    );
}

#[test]
fn archisurance_positions_and_zones_come_from_the_layered_view() {
    let imported = archisurance(None);
    let p = &imported.project;
    let note = line(&imported, "positions from view “Layered View”");
    assert_eq!(
        line_number(note) + 1,
        line_of(
            "archimate/archisurance.xml",
            "<name xml:lang=\"en\">Layered View</name>"
        )
    );
    let zones: Vec<&str> = p.zones.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(
        zones,
        ["Application Components and Services", "Infrastructure"]
    );
    assert_eq!(
        zone_of(p, "CRM System").as_deref(),
        Some("Application Components and Services")
    );
    assert_eq!(zone_of(p, "CICS").as_deref(), Some("Infrastructure"));
    assert_eq!(zone_of(p, "Web portal"), None);
    // Left to right as drawn: CRM (x 30), Policy Data Management (290), Financial (550).
    let x = |name| system(p, name).position.x;
    assert!(x("CRM System") < x("Policy Data Management"));
    assert!(x("Policy Data Management") < x("Financial Application"));
    assert_eq!(
        system(p, "CRM System").position.y,
        system(p, "Financial Application").position.y
    );
    // The infrastructure band is drawn below the applications.
    assert!(system(p, "Mainframe").position.y > system(p, "CRM System").position.y);
    line(
        &imported,
        "12 systems had no position in the source and were arranged",
    );
}

#[test]
fn another_view_gives_other_positions_and_zones() {
    let imported = archisurance(Some("Technical Infrastructure View"));
    let p = &imported.project;
    let zones: Vec<&str> = p.zones.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(zones, ["Intermediary", "Archisurance"]);
    assert_eq!(zone_of(p, "Admin Server").as_deref(), Some("Intermediary"));
    assert_eq!(zone_of(p, "Mainframe").as_deref(), Some("Archisurance"));
    let firewalls: Vec<Option<String>> = p
        .systems
        .iter()
        .filter(|s| s.name == "Firewall")
        .map(|s| {
            s.zone
                .and_then(|z| p.zones.iter().find(|x| x.id == z))
                .map(|z| z.name.clone())
        })
        .collect();
    assert_eq!(
        firewalls,
        [
            Some("Archisurance".to_owned()),
            Some("Intermediary".to_owned())
        ]
    );
    // The Application Cooperation View names one group and leaves one unnamed.
    let cooperation = archisurance(Some("application cooperation view"));
    let zones: Vec<&str> = cooperation
        .project
        .zones
        .iter()
        .map(|z| z.name.as_str())
        .collect();
    assert_eq!(zones, ["Front office Applications"]);
    assert_eq!(
        zone_of(&cooperation.project, "Web portal").as_deref(),
        Some("Front office Applications")
    );
}

#[test]
fn a_view_without_named_groups_leaves_zones_to_the_folders_below_the_layers() {
    let imported = archisurance(Some("Application Structure View"));
    let p = &imported.project;
    let zones: Vec<&str> = p.zones.iter().map(|z| z.name.as_str()).collect();
    // Application › Applications; the technology elements sit in a top-level folder.
    assert_eq!(zones, ["Applications"]);
    assert_eq!(zone_of(p, "CRM System").as_deref(), Some("Applications"));
    assert_eq!(zone_of(p, "Mainframe"), None);
    line(
        &imported,
        "10 systems given a zone from the folders they are in",
    );
}

#[test]
fn a_view_that_is_not_in_the_model_is_an_error_listing_the_views() {
    let Err(ImportError::Unsupported { reason, .. }) =
        import("archimate/archisurance.xml", Some("Nope"))
    else {
        panic!("expected an error");
    };
    assert!(reason.contains("no view is named “Nope”"), "{reason}");
    assert!(reason.contains("“Layered View”"), "{reason}");
    assert!(reason.contains("“A View”"), "{reason}");
    let Err(ImportError::Unsupported { reason, .. }) = import("archimate/Sample1.xml", Some("Any"))
    else {
        panic!("expected an error");
    };
    assert!(reason.contains("has no views"), "{reason}");
}

#[test]
fn a_business_only_model_imports_nothing_and_says_why() {
    let imported = import("archimate/Sample1.xml", None).unwrap();
    assert_eq!(imported.project.name, "Test");
    assert!(imported.project.systems.is_empty());
    let lines: Vec<(usize, &str)> = imported
        .report
        .lines
        .iter()
        .map(|l| (line_number(l), l.message.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (
                5,
                "1 BusinessRole element skipped: business layer elements are not systems (“Sales Person”)"
            ),
            (
                9,
                "1 BusinessProcess element skipped: business layer elements are not systems (“Sell Product”)"
            ),
            (
                15,
                "1 Assignment relationship skipped: neither end is an imported system (the first: BusinessRole “Sales Person” → BusinessProcess “Sell Product”)"
            ),
        ]
    );
    let bendpoint = import("archimate/bendpoint.test.xml", None).unwrap();
    assert_eq!(bendpoint.project.name, "Bendpoint test");
    line(&bendpoint, "none of the 1 views shows an imported system");
    assert_eq!(bendpoint.report.count(LineKind::Skipped), 4);
    let chosen = import("archimate/bendpoint.test.xml", Some("View")).unwrap();
    line(&chosen, "positions from view “View”");
}

// Hostile and broken input.

fn expect_parse_error(result: Result<Imported, ImportError>) -> (usize, usize, String) {
    match result {
        Err(error @ ImportError::Parse { .. }) => {
            let position = error.position().expect("a parse error has a position");
            assert!(error.report().contains(':'), "{}", error.report());
            (position.line, position.column, error.to_string())
        }
        Err(other) => panic!("expected a parse error, got {other:?}"),
        Ok(imported) => panic!("expected an error, got {}", imported.report.summary()),
    }
}

fn broken(name: &str) -> Result<Imported, ImportError> {
    let options = Options {
        format: Some(Format::Archimate),
        ..Options::default()
    };
    import_file(&fixture(&format!("broken/{name}")), &options)
}

#[test]
fn a_billion_laughs_is_refused_at_once() {
    let started = Instant::now();
    let (line, _, message) = expect_parse_error(broken("archimate-billion-laughs.xml"));
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(line, 2);
    assert!(message.contains("DTD"), "{message}");
}

#[test]
fn an_external_entity_is_never_read() {
    let error = broken("archimate-xxe.xml").unwrap_err();
    let text = format!("{error}\n{}", error.report());
    assert!(text.contains("DTD"), "{text}");
    assert!(!text.contains("root:"), "{text}");
    if let Ok(passwd) = std::fs::read_to_string("/etc/passwd")
        && let Some(first) = passwd.lines().next()
    {
        assert!(!text.contains(first), "{text}");
    }
}

#[test]
fn a_cut_off_file_says_where_it_ends() {
    let name = "archimate-cut-off.xml";
    let (line, column, message) = expect_parse_error(broken(name));
    let text = std::fs::read_to_string(fixture(&format!("broken/{name}"))).unwrap();
    assert_eq!(line, text.lines().count());
    assert!(column > 1);
    assert!(message.contains("cut off"), "{message}");
}

fn assert_error_at(name: &str, line: usize, words: &str) {
    let (at, _, message) = expect_parse_error(broken(name));
    assert_eq!(at, line, "{name}: {message}");
    assert!(message.contains(words), "{name}: {message}");
}

#[test]
fn garbage_is_an_error_with_a_place() {
    assert_error_at("archimate-garbage.xml", 1, "not UTF-8");
    assert_error_at("archimate-garbage-text.xml", 1, "not well-formed XML");
}

#[test]
fn a_wrong_encoding_is_an_error_at_the_first_character_that_is_not_utf8() {
    // Latin-1: the “é” of “Spécialisé” on line 6.
    assert_error_at("archimate-latin1.xml", 6, "not UTF-8");
    assert_error_at("archimate-utf16.xml", 1, "not UTF-8");
    assert_error_at("archimate-utf16-no-bom.xml", 1, "UTF-16");
}

#[test]
fn no_prefix_of_a_model_panics() {
    let text = std::fs::read_to_string(fixture("archimate/bendpoint.test.xml")).unwrap();
    let path = Path::new("cut.xml");
    for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        let source = Source::new(path, text[..end].to_owned());
        // Any result will do, as long as it is one.
        let _ = import_source(&source, Format::Archimate, &Options::default());
    }
}
