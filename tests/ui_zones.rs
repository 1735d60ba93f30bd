//! Zones stay tidy in the app: Group into New Zone on far-apart systems brings them
//! together, and a zone chosen in Properties brings the system to it; driven through
//! egui_kittest on the e-commerce example.

mod common;

use common::app;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use integration_studio::model::{ItemRef, Point, Project, SystemId, ZoneId};
use integration_studio::session::{Intent, Selection};
use integration_studio::ui::StudioApp;

fn project(harness: &Harness<'static, StudioApp>) -> Project {
    harness.state().document().project().clone()
}

fn id_of(project: &Project, name: &str) -> SystemId {
    project.systems.iter().find(|s| s.name == name).unwrap().id
}

fn select(harness: &mut Harness<'static, StudioApp>, names: &[&str]) {
    let project = project(harness);
    let mut selection = Selection::default();
    for name in names {
        selection.toggle(ItemRef::System(id_of(&project, name)));
    }
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, None, vec![Intent::Select(selection)]);
    harness.run();
}

/// The systems the zone's region covers that are not in it, and the zones it overlaps.
fn untidy(project: &Project, zone: ZoneId) -> (Vec<String>, Vec<ZoneId>) {
    let regions = project.zone_rects();
    let region = regions[&zone];
    let outsiders = project
        .systems
        .iter()
        .filter(|s| s.zone != Some(zone) && s.rect().overlaps(&region))
        .map(|s| s.name.clone())
        .collect();
    let zones = regions
        .iter()
        .filter(|(other, rect)| **other != zone && rect.overlaps(&region))
        .map(|(other, _)| *other)
        .collect();
    (outsiders, zones)
}

fn positions(project: &Project) -> Vec<(SystemId, Point)> {
    project.systems.iter().map(|s| (s.id, s.position)).collect()
}

#[test]
fn grouping_far_apart_systems_leaves_a_zone_over_no_other_system() {
    let mut harness = app();
    let before = project(&harness);
    let names = [
        "Product catalogue (PIM)",
        "Warehouse management (Manhattan)",
    ];
    select(&mut harness, &names);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::G);
    harness.run();
    harness.get_by_label_contains("Put 2 systems into Zone 1, moved together");
    let after = project(&harness);
    let zone = after.zones.iter().find(|z| z.name == "Zone 1").unwrap().id;
    let members: Vec<&str> = after
        .systems_in_zone(zone)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(members, names);
    assert_eq!(untidy(&after, zone), (Vec::new(), Vec::new()));
    let report = harness.state().report();
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.rule != "zone-covers-outsider"),
        "{:#?}",
        report.findings
    );
    // The zone is drawn, and named on the canvas for screen readers.
    harness.get_by_label("Zone 1");
    harness.key_press(Key::Escape);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(positions(&project(&harness)), positions(&before));
    assert_eq!(project(&harness).zones, before.zones);
}

#[test]
fn a_zone_chosen_in_properties_brings_the_system_inside_it() {
    let mut harness = app();
    let before = project(&harness);
    let crm = id_of(&before, "CRM (Salesforce)");
    select(&mut harness, &["CRM (Salesforce)"]);
    harness
        .get_by_role_and_label(Role::ComboBox, "Zone")
        .click();
    harness.run();
    let target = "Head-office data centre";
    harness
        .get_all_by_label(target)
        .find(|node| node.accesskit_node().toggled().is_some())
        .expect("the zone in the list")
        .click();
    harness.run();
    let after = project(&harness);
    let zone = after.zones.iter().find(|z| z.name == target).unwrap().id;
    assert_eq!(after.system(crm).unwrap().zone, Some(zone));
    assert_ne!(
        after.system(crm).unwrap().position,
        before.system(crm).unwrap().position
    );
    assert_eq!(untidy(&after, zone), (Vec::new(), Vec::new()));
    for system in before.systems.iter().filter(|s| s.id != crm) {
        assert_eq!(
            after.system(system.id).unwrap().position,
            system.position,
            "{}",
            system.name
        );
    }
    harness.key_press(Key::Escape);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(project(&harness).systems, before.systems, "one step");
}
