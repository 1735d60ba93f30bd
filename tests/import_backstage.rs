//! Backstage catalog import, on Backstage's own example catalog
//! (tests/fixtures/import/backstage, see SOURCES there).

use std::path::Path;

use integration_studio::import::{Imported, LineKind, Options, import_file};
use integration_studio::model::{Communication, Project};

fn import(path: &str) -> Imported {
    import_file(
        &Path::new("tests/fixtures/import/backstage").join(path),
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{}", e.report()))
}

fn system<'a>(p: &'a Project, name: &str) -> &'a integration_studio::model::System {
    p.systems
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn a_folder_of_catalog_files_gives_components_resources_apis_and_systems() {
    let imported = import("catalog-model-examples");
    let p = &imported.project;
    let mut names: Vec<&str> = p.systems.iter().map(|s| s.name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "artist-lookup",
            "artists-db",
            "playback-order",
            "podcast-api",
            "wayback-archive",
            "wayback-archive-ingestion",
            "wayback-archive-storage",
            "wayback-search",
            "www-artist"
        ]
    );
    let mut zones: Vec<&str> = p.zones.iter().map(|z| z.name.as_str()).collect();
    zones.sort();
    assert_eq!(
        zones,
        ["artist-engagement-portal", "audio-playback", "podcast"]
    );
    let lookup = system(p, "artist-lookup");
    assert_eq!(lookup.owner_team, "team-a");
    assert_eq!(
        p.zone(lookup.zone.unwrap()).unwrap().name,
        "artist-engagement-portal"
    );
    assert!(lookup.tags.contains(&"java".to_owned()));
    assert!(
        lookup.notes.contains("lifecycle: experimental"),
        "{}",
        lookup.notes
    );
    // wayback-search consumes the API that wayback-archive provides: one REST flow.
    assert_eq!(p.connections.len(), 1);
    let flow = &p.connections[0];
    assert_eq!(p.system(flow.from).unwrap().name, "wayback-search");
    assert_eq!(p.system(flow.to).unwrap().name, "wayback-archive");
    assert_eq!(flow.protocol, Some(Communication::Rest));
    // People and teams are accounted for, not imported.
    let skipped: Vec<&str> = imported
        .report
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Skipped)
        .map(|l| l.message.as_str())
        .collect();
    assert!(
        skipped.iter().any(|m| m.starts_with("5 user entities")),
        "{skipped:?}"
    );
    assert!(
        skipped.iter().any(|m| m.starts_with("1 group entity")),
        "{skipped:?}"
    );
}

#[test]
fn a_multi_document_file_and_the_grpc_api_it_provides() {
    let imported = import("create-app-examples/entities.yaml");
    let p = &imported.project;
    assert_eq!(p.systems.len(), 1);
    assert_eq!(p.systems[0].name, "example-website");
    assert_eq!(p.zones[0].name, "examples");
    let note = imported
        .report
        .lines
        .iter()
        .find(|l| l.message.contains("example-grpc-api"))
        .unwrap();
    assert_eq!(note.place.as_ref().unwrap().line, 23);
}

#[test]
fn locations_are_followed_inside_the_folder_and_urls_never_fetched() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(
        root.path().join("outside.yaml"),
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: secret\n",
    )
    .unwrap();
    let dir = root.path().join("catalog");
    std::fs::create_dir(&dir).unwrap();
    let dir = tempfile::TempDir::new_in(&dir).unwrap();
    std::fs::write(
        dir.path().join("catalog-info.yaml"),
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: all\nspec:\n  targets:\n    - ./a.yaml\n    - https://example.com/b.yaml\n    - ../../outside.yaml\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: billing\nspec:\n  type: service\n  owner: team-x\n  dependsOn: [resource:ledger-db]\n---\napiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: ledger-db\nspec:\n  type: database\n",
    )
    .unwrap();
    let imported = import_file(&dir.path().join("catalog-info.yaml"), &Options::default()).unwrap();
    let p = &imported.project;
    assert_eq!(p.systems.len(), 2);
    assert_eq!(p.connections.len(), 1, "dependsOn is a flow");
    let text = imported.report.text();
    assert!(text.contains("never fetches URLs"), "{text}");
    assert!(text.contains("--allow-include"), "{text}");
    assert!(!p.systems.iter().any(|s| s.name == "secret"));
}
