//! Structurizr DSL import on Structurizr's own example workspaces
//! (tests/fixtures/import/structurizr, see SOURCES there). Each DSL feature on a small
//! workspace, includes and broken files: import_structurizr_dsl.rs.

use integration_studio::import::{LineKind, Options};

mod import_support;

use import_support::*;

const BIG_BANK_SYSTEMS: [&str; 8] = [
    "Mainframe Banking System",
    "E-mail System",
    "ATM",
    "Single-Page Application",
    "Mobile App",
    "Web Application",
    "API Application",
    "Database",
];

const BIG_BANK_FLOWS: [&str; 7] = [
    "ATM → Mainframe Banking System: Uses",
    "Web Application → Single-Page Application: Delivers to the customer's web browser",
    "Single-Page Application → API Application: Makes API calls to",
    "Mobile App → API Application: Makes API calls to",
    "API Application → Database: Reads from and writes to",
    "API Application → Mainframe Banking System: Makes API calls to",
    "API Application → E-mail System: Sends e-mail using",
];

#[test]
fn big_bank_plc_containers_are_systems_in_their_software_systems_zone() {
    let imported = import("big-bank-plc.dsl");
    let p = &imported.project;
    assert_eq!(p.name, "Big Bank plc");
    assert_eq!(names(p), BIG_BANK_SYSTEMS);
    let zones: Vec<&str> = p.zones.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(zones, ["Big Bank plc", "Internet Banking System"]);
    for name in ["Mainframe Banking System", "E-mail System", "ATM"] {
        assert_eq!(zone_of(p, name), Some("Big Bank plc"), "{name}");
        assert_eq!(system(p, name).tags, ["Existing System"]);
    }
    for name in &BIG_BANK_SYSTEMS[3..] {
        assert_eq!(zone_of(p, name), Some("Internet Banking System"), "{name}");
    }
    let spa = system(p, "Single-Page Application");
    assert_eq!(spa.technology, "JavaScript and Angular");
    assert_eq!(spa.tags, ["Web Browser"]);
    assert!(
        spa.purpose
            .starts_with("Provides all of the Internet banking")
    );
    let api = system(p, "API Application");
    assert!(
        api.notes
            .contains("component Sign In Controller: Allows users"),
        "{}",
        api.notes
    );
    assert_eq!(api.notes.matches("component ").count(), 6, "{}", api.notes);
    assert_eq!(flows(p), BIG_BANK_FLOWS);
    let jdbc = &p.connections[4];
    assert!(jdbc.notes.contains("technology: JDBC"), "{}", jdbc.notes);
    assert!(
        jdbc.notes.contains("Security Component → Database"),
        "{}",
        jdbc.notes
    );
    assert_eq!(
        p.connections[2]
            .notes
            .matches("from Structurizr relationship")
            .count(),
        3
    );
}

#[test]
fn big_bank_plc_every_relationship_is_imported_or_in_the_report() {
    let imported = import("big-bank-plc.dsl");
    let people = lines(
        &imported,
        LineKind::Skipped,
        "not imported, nor their relationships",
    );
    assert_eq!(people.len(), 3, "{people:#?}");
    let with_people = lines(&imported, LineKind::Skipped, "is a person");
    assert_eq!(with_people.len(), 9, "{with_people:#?}");
    let inside = lines(&imported, LineKind::Skipped, "inside API Application");
    assert_eq!(inside.len(), 4, "{inside:#?}");
    let same = lines(
        &imported,
        LineKind::Note,
        "the same flow as the relationship at",
    );
    assert_eq!(same.len(), 4, "{same:#?}");
    // The software system's own relationships are carried by its containers'.
    let zone = lines(
        &imported,
        LineKind::Skipped,
        "became a zone of its containers",
    );
    assert_eq!(zone.len(), 2, "{zone:#?}");
    assert!(zone[0].contains("as API Application → Mainframe Banking System carries it"));
    // 26 model relationships: 7 connections and 19 report lines.
    let about_relationships = imported
        .report
        .lines
        .iter()
        .filter(|l| l.message.starts_with("relationship "))
        .count();
    assert_eq!(about_relationships + imported.project.connections.len(), 26);
    let rolled = lines(&imported, LineKind::Note, "its 6 components");
    assert_eq!(rolled.len(), 1);
    assert!(rolled[0].contains("big-bank-plc.dsl:24:17"), "{rolled:?}");
}

#[test]
fn big_bank_plc_views_and_deployment_are_one_line_each() {
    let imported = import("big-bank-plc.dsl");
    let deployment = lines(
        &imported,
        LineKind::Skipped,
        "deployment is not landscape data",
    );
    assert_eq!(deployment.len(), 2, "{deployment:#?}");
    assert!(deployment[0].contains(":68:9:"), "{}", deployment[0]);
    assert!(
        deployment[0].contains("8 deployment nodes, 5 instances"),
        "{}",
        deployment[0]
    );
    assert!(deployment[1].contains("13 deployment nodes, 7 instances, 1 relationship"));
    let views = lines(&imported, LineKind::Skipped, "views are diagrams");
    assert_eq!(views.len(), 1);
    assert!(views[0].contains("(7 views)"), "{}", views[0]);
    let guessed = lines(&imported, LineKind::Guessed, "JSON/HTTPS");
    assert!(
        guessed.iter().any(|l| l.contains("data format JSON")),
        "{guessed:#?}"
    );
    assert!(lines(&imported, LineKind::Guessed, "protocol Database").len() == 1);
}

#[test]
fn big_bank_plc_split_with_includes_and_a_constant_gives_the_same_landscape() {
    let whole = import("big-bank-plc.dsl");
    let split = import("big-bank-plc/internet-banking-system.dsl");
    assert_eq!(split.project.name, "Big Bank plc - Internet Banking System");
    assert_eq!(names(&split.project), names(&whole.project));
    assert_eq!(flows(&split.project), flows(&whole.project));
    // Lines point into the file that holds the statement, two includes deep.
    let docs = lines(&split, LineKind::Skipped, "documentation is not read");
    assert_eq!(docs.len(), 1);
    assert!(
        docs[0].contains("internet-banking-system/details.dsl:14:1"),
        "{}",
        docs[0]
    );
    let adrs = lines(&split, LineKind::Skipped, "decision records");
    assert!(adrs[0].contains("details.dsl:15:1"), "{}", adrs[0]);
    let person = lines(
        &split,
        LineKind::Skipped,
        "person “Personal Banking Customer”",
    );
    assert!(
        person[0].contains("model/people-and-software-systems.dsl:1:1"),
        "{person:?}"
    );
    assert!(lines(&split, LineKind::Skipped, "(6 views)").len() == 1);
}

#[test]
fn big_bank_plc_system_landscape_takes_the_summary_include() {
    let imported = import("big-bank-plc/system-landscape.dsl");
    let p = &imported.project;
    assert_eq!(
        names(p),
        [
            "Mainframe Banking System",
            "E-mail System",
            "ATM",
            "Internet Banking System"
        ]
    );
    for name in names(p) {
        assert_eq!(zone_of(p, name), Some("Big Bank plc"), "{name}");
    }
    let ibs = system(p, "Internet Banking System");
    assert!(
        ibs.notes
            .contains("url: https://structurizr.com/share/36141/diagrams#SystemContext"),
        "{}",
        ibs.notes
    );
    assert_eq!(
        flows(p),
        [
            "Internet Banking System → Mainframe Banking System: Gets account information from, \
             and makes payments using",
            "Internet Banking System → E-mail System: Sends e-mail using",
            "ATM → Mainframe Banking System: Uses",
        ]
    );
    assert_eq!(lines(&imported, LineKind::Skipped, "is a person").len(), 6);
    assert_eq!(
        imported.report.count(LineKind::Problem),
        0,
        "{}",
        imported.report.text()
    );
}

#[test]
fn groups_are_the_zones_of_their_containers() {
    let imported = import("groups.dsl");
    let p = &imported.project;
    assert_eq!(
        names(p),
        [
            "Service 1 API",
            "Service 1 Database",
            "Service 2 API",
            "Service 2 Database"
        ]
    );
    assert_eq!(zone_of(p, "Service 1 API"), Some("Service 1"));
    assert_eq!(zone_of(p, "Service 1 Database"), Some("Service 1"));
    assert_eq!(zone_of(p, "Service 2 Database"), Some("Service 2"));
    assert_eq!(p.zones.len(), 2);
    assert_eq!(
        flows(p),
        [
            "Service 1 API → Service 1 Database: Reads from and writes to",
            "Service 2 API → Service 2 Database: Reads from and writes to",
            "Service 1 API → Service 2 API: Uses",
        ]
    );
    let note = system(p, "Service 1 API").notes.clone();
    assert!(
        note.contains("Structurizr container in Software System › Service 1"),
        "{note}"
    );
    let deployment = lines(&imported, LineKind::Skipped, "live = deploymentEnvironment");
    assert!(
        deployment[0].contains("2 deployment nodes, 4 instances"),
        "{deployment:?}"
    );
}

#[test]
fn a_base_workspace_alone() {
    let imported = import("extend/workspace.dsl");
    let p = &imported.project;
    assert_eq!(
        names(p),
        [
            "Software System 1",
            "Software System 2",
            "Web Application",
            "Database"
        ]
    );
    assert_eq!(zone_of(p, "Web Application"), Some("Software System 3"));
    assert!(p.connections.is_empty());
}

#[test]
fn workspace_extends_reads_the_base_first_and_refs_its_identifiers() {
    let imported = import("extend/extend-workspace-from-dsl-file.dsl");
    let p = &imported.project;
    assert_eq!(
        names(p),
        [
            "Software System 2",
            "Web Application",
            "Database",
            "Web Application"
        ]
    );
    let zones: Vec<(&str, Option<&str>)> = p
        .systems
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.zone.and_then(|z| p.zone(z)).map(|z| z.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        zones,
        [
            ("Software System 2", None),
            ("Web Application", Some("Software System 3")),
            ("Database", Some("Software System 3")),
            ("Web Application", Some("Software System 1")),
        ]
    );
    assert_eq!(flows(p), ["Web Application → Database: "]);
    assert_eq!(
        p.system(p.connections[0].from).unwrap().zone,
        p.systems[1].zone
    );
    let user = lines(&imported, LineKind::Skipped, "User is a person");
    assert!(
        user[0].contains("extend-workspace-from-dsl-file.dsl:8:9"),
        "{user:?}"
    );
    assert_eq!(
        imported.report.count(LineKind::Problem),
        0,
        "{}",
        imported.report.text()
    );
}

#[test]
fn with_components_asked_for_they_are_systems_in_their_containers_zone() {
    let options = Options {
        components: true,
        ..Options::default()
    };
    let imported = import_path(
        std::path::Path::new("tests/fixtures/import/structurizr/big-bank-plc.dsl"),
        &options,
    );
    let p = &imported.project;
    assert_eq!(p.systems.len(), 13, "{:?}", names(p));
    assert_eq!(zone_of(p, "Sign In Controller"), Some("API Application"));
    assert!(!names(p).contains(&"API Application"), "it is the zone now");
    let flows = pairs(p);
    // The 13 flows of and between components, and two between systems and containers.
    assert_eq!(flows.len(), 15, "{flows:#?}");
    assert!(flows.contains(&"Single-Page Application → Sign In Controller".to_owned()));
    assert!(flows.contains(&"Security Component → Database".to_owned()));
}
