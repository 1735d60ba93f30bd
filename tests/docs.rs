//! The documentation's examples must stay true to the code.

use std::path::Path;

use integration_studio::io::{parse, to_ron_string};

fn fenced_blocks<'a>(markdown: &'a str, language: &str) -> Vec<&'a str> {
    let fence = format!("```{language}\n");
    markdown
        .split(fence.as_str())
        .skip(1)
        .map(|rest| &rest[..rest.find("```").unwrap()])
        .collect()
}

#[test]
fn the_file_format_example_loads_cleanly_and_is_canonical() {
    let doc = include_str!("../docs/file-format.md");
    let blocks = fenced_blocks(doc, "ron");
    assert_eq!(blocks.len(), 1);
    let loaded = parse(blocks[0], Path::new("docs/file-format.md")).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(to_ron_string(&loaded.project).unwrap(), blocks[0]);
    let report = integration_studio::analysis::analyze(&loaded.project);
    let prompt = integration_studio::template::render(&loaded.project, &report).unwrap();
    assert!(prompt.missing.is_empty(), "{:?}", prompt.missing);
}

#[test]
fn the_analysis_settings_example_is_canonical_and_read_as_written() {
    let doc = include_str!("../docs/file-format.md");
    let project = fenced_blocks(doc, "ron")[0];
    let settings = fenced_blocks(doc, "text")
        .into_iter()
        .find(|block| block.starts_with("  analysis: ("))
        .unwrap();
    // The settings go last, just before the project's closing parenthesis.
    let with_settings = project.replacen("\n)\n", &format!("\n{settings})\n"), 1);
    let loaded = parse(&with_settings, Path::new("docs/file-format.md")).unwrap();
    assert_eq!(to_ron_string(&loaded.project).unwrap(), with_settings);
    let analysis = &loaded.project.analysis;
    assert!(!analysis.include_risks_in_prompt);
    assert_eq!(analysis.thresholds.max_direct_connections, 8);
    assert_eq!(analysis.thresholds.max_sync_chain_depth, 2);
    assert_eq!(
        analysis.acknowledgements[0].finding,
        "availability-below-sla:2"
    );
}

#[test]
fn every_rule_is_documented() {
    let doc = include_str!("../docs/rules.md");
    for rule in integration_studio::analysis::RULES {
        assert!(doc.contains(&format!("## `{}`", rule.id)), "{}", rule.id);
        let row = format!("| `{}` | {} |", rule.id, rule.severity.label());
        assert!(doc.contains(&row), "{row}");
    }
}
