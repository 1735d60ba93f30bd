//! A prompt about part of the landscape: the scope line, the context entries at its
//! boundary, only the risks that touch it; and the whole landscape exactly as before.

use integration_studio::analysis::analyze;
use integration_studio::model::{Project, PromptScope, SystemId, ZoneId};
use integration_studio::template::{Prompt, ScopeResolution, render};

fn ecommerce() -> Project {
    integration_studio::examples::find("ecommerce")
        .unwrap()
        .project()
        .unwrap()
}

fn render_scoped(project: &Project, scope: PromptScope) -> Prompt {
    let mut project = project.clone();
    project.prompt.scope = scope;
    // The report is the whole project's, as the app and the CLI pass it.
    render(&project, &analyze(&project)).unwrap()
}

fn zone(project: &Project, name: &str) -> ZoneId {
    project.zones.iter().find(|z| z.name == name).unwrap().id
}

fn system(project: &Project, name: &str) -> SystemId {
    project.systems.iter().find(|s| s.name == name).unwrap().id
}

fn payments(project: &Project) -> PromptScope {
    PromptScope {
        zones: vec![zone(project, "Payment service provider")],
        systems: Vec::new(),
        hops: 0,
    }
}

#[test]
fn the_whole_landscape_scope_gives_the_same_bytes_as_before() {
    let project = ecommerce();
    assert!(project.prompt.scope.is_whole_landscape());
    let whole = render(&project, &analyze(&project)).unwrap();
    assert!(!whole.text.contains("**Scope**"));
    assert!(!whole.text.contains("outside this scope"));
    // Hops alone choose nothing: still the whole landscape.
    let hops_only = PromptScope {
        hops: 3,
        ..PromptScope::default()
    };
    assert_eq!(render_scoped(&project, hops_only), whole);
}

#[test]
fn a_zone_scope_has_a_scope_line_under_the_header() {
    let project = ecommerce();
    let text = render_scoped(&project, payments(&project)).text;
    assert!(
        text.contains(
            "**Compliance**: GDPR, PCI DSS\n**Scope**: zone Payment service provider — 1 of 12 \
             systems\n\n## System Integration Landscape"
        ),
        "{text}"
    );
    let text = render_scoped(
        &project,
        PromptScope {
            hops: 1,
            ..payments(&project)
        },
    )
    .text;
    assert!(
        text.contains(
            "**Scope**: zone Payment service provider, plus 1 hop along data flows — 2 of 12 \
             systems\n"
        ),
        "{text}"
    );
}

#[test]
fn systems_outside_the_scope_appear_as_context_entries_and_the_rest_is_counted() {
    let project = ecommerce();
    let text = render_scoped(&project, payments(&project)).text;
    assert!(text.contains("**System: Payment gateway (Adyen)**"));
    assert!(!text.contains("**System: Order service**"), "{text}");
    assert!(
        text.contains("**Outside this scope**, exchanging data with it:\n- **Order service** (zone: AWS eu-central-1 (production VPC)) — "),
        "{text}"
    );
    let resolution = ScopeResolution::new(&project, &payments(&project));
    assert_eq!(resolution.context.len(), 1);
    let counted = resolution.outside_line();
    assert!(counted.starts_with("10 other systems and "), "{counted}");
    assert!(
        text.contains(&format!("\n\n{counted}\n\n## Data Flows")),
        "{text}"
    );
    // The flows shown are those crossing the boundary, numbered from 1.
    let flows = &text[text.find("## Data Flows").unwrap()..];
    assert!(
        flows.contains("1. **Order service ↔ Payment gateway (Adyen)**"),
        "{flows}"
    );
    assert!(!flows.contains("Storefront BFF ↔ Order service"), "{flows}");
    assert_eq!(
        resolution.crossing.len() + resolution.inside.len(),
        flows.matches("   - **Protocol**").count()
    );
}

#[test]
fn only_the_risks_that_touch_the_scope_are_listed() {
    let project = ecommerce();
    let report = analyze(&project);
    let scope = PromptScope {
        systems: vec![system(&project, "Carrier API (DHL Parcel)")],
        ..PromptScope::default()
    };
    let resolution = ScopeResolution::new(&project, &scope);
    let touching = report
        .findings
        .iter()
        .filter(|f| !f.is_about_the_drawing() && resolution.touches(f))
        .count();
    let all = report
        .findings
        .iter()
        .filter(|f| !f.is_about_the_drawing())
        .count();
    assert!(0 < touching && touching < all, "{touching} of {all}");
    let text = render_scoped(&project, scope).text;
    let risks = &text[text.find("## Risks found").unwrap()..text.find("Please provide").unwrap()];
    assert!(
        risks.contains(&format!("found {touching} risk")) && risks.contains("touch"),
        "{risks}"
    );
    let listed = risks
        .lines()
        .filter(|l| {
            l.contains(". **Warning**") || l.contains(". **Error**") || l.contains(". **Info**")
        })
        .count();
    assert_eq!(listed, touching, "{risks}");
    for line in risks.lines().filter(|l| l.contains(". **Warning**")) {
        assert!(
            ["Carrier API", "Warehouse management", "Order service"]
                .iter()
                .any(|name| line.contains(name)),
            "{line}"
        );
    }
}

#[test]
fn a_scope_of_ids_no_longer_in_the_project_says_so_instead_of_failing() {
    let project = ecommerce();
    let stale = PromptScope {
        zones: vec![ZoneId(9_000)],
        systems: vec![SystemId(9_001)],
        hops: 2,
    };
    let prompt = render_scoped(&project, stale);
    let text = prompt.text;
    assert!(text.contains("— 0 of 12 systems"), "{text}");
    assert!(text.contains("No systems are in this scope"), "{text}");
    assert!(
        text.contains("No data flows reach the systems in this scope."),
        "{text}"
    );
    assert!(text.contains("12 other systems and "), "{text}");
    assert!(!text.contains("No systems are modelled yet."));
    // Nothing in scope, so no finding touches it.
    assert!(!text.contains("## Risks found"), "{text}");
    assert!(
        prompt
            .missing
            .iter()
            .all(|m| m.item == integration_studio::model::ItemRef::Project)
    );
}

#[test]
fn an_empty_zone_in_scope_says_it_has_no_systems() {
    let mut project = ecommerce();
    let id = project.allocate_zone_id();
    project.zones.push(integration_studio::model::Zone {
        id,
        name: "Planned".into(),
        kind: None,
        notes: String::new(),
    });
    let scope = PromptScope {
        zones: vec![id],
        ..PromptScope::default()
    };
    let text = render_scoped(&project, scope).text;
    assert!(text.contains("No systems are in this scope: its zones have no systems."));
    assert!(text.contains("- **Planned**: no systems"), "{text}");
}

#[test]
fn a_large_scope_renders_on_two_cores_like_on_one() {
    // Over the parallel threshold, and with flows crossing the boundary in both halves.
    let project = integration_studio::synthetic::landscape(600, 1_800, 3);
    let scope = PromptScope {
        zones: project
            .zones
            .iter()
            .take(project.zones.len() / 2)
            .map(|z| z.id)
            .collect(),
        systems: Vec::new(),
        hops: 0,
    };
    let resolution = ScopeResolution::new(&project, &scope);
    assert!(resolution.systems.len() > 100 && !resolution.crossing.is_empty());
    let prompt = render_scoped(&project, scope.clone());
    assert_eq!(prompt, render_scoped(&project, scope));
    let shown = resolution.inside.len() + resolution.crossing.len();
    assert!(
        prompt.text.contains(&format!("\n\n{shown}. **")),
        "the last flow is numbered {shown}"
    );
    assert!(!prompt.text.contains(&format!("\n\n{}. **", shown + 1)));
    assert_eq!(
        prompt.text.matches("\n**System: ").count(),
        resolution.systems.len()
    );
}
