//! Every bundled example is a clean, canonical, complete project.

use integration_studio::analysis::analyze;
use integration_studio::examples::EXAMPLES;
use integration_studio::io::to_ron_string;
use integration_studio::template::render;

#[test]
fn there_are_the_three_promised_examples() {
    let names: Vec<_> = EXAMPLES.iter().map(|e| e.name).collect();
    assert_eq!(names, ["ecommerce", "bank", "hospital"]);
}

#[test]
fn every_example_loads_without_problems_and_is_canonical() {
    for example in EXAMPLES {
        let project = example
            .project()
            .unwrap_or_else(|e| panic!("{}: {e}", example.name));
        let reloaded = integration_studio::io::parse(example.source, "x.ron".as_ref()).unwrap();
        assert!(
            reloaded.problems.is_empty(),
            "{}: {:?}",
            example.name,
            reloaded.problems
        );
        assert_eq!(
            to_ron_string(&project).unwrap(),
            example.source,
            "{} is not canonical",
            example.name
        );
    }
}

#[test]
fn every_example_renders_with_no_missing_values() {
    for example in EXAMPLES {
        let project = example.project().unwrap();
        let prompt = render(&project, &analyze(&project)).unwrap();
        assert!(
            prompt.missing.is_empty(),
            "{}: {:?}",
            example.name,
            prompt.missing
        );
        assert!(!prompt.text.contains("⟦missing"), "{}", example.name);
    }
}

#[test]
fn the_examples_are_the_size_the_landscapes_call_for() {
    let sizes: Vec<_> = EXAMPLES
        .iter()
        .map(|e| {
            let p = e.project().unwrap();
            (e.name, p.systems.len(), !p.zones.is_empty())
        })
        .collect();
    for (name, systems, has_zones) in sizes {
        assert!((10..=18).contains(&systems), "{name} has {systems} systems");
        assert!(has_zones, "{name} has no zones");
    }
}
