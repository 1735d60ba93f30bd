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
