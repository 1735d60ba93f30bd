//! The Markdown interface catalogue: each table stays a table (every row has as many
//! unescaped `|` as its header, one row per system and per flow) whatever the names, and
//! the Mermaid blocks above them parse with Mermaid's own parser.

mod export_support;

use std::fs;

use export_support::{
    assert_mermaid_parses, cell_separators, examples, hostile_with_dangling_flow, saved, studio,
};
use integration_studio::export::{MarkdownOptions, MermaidOptions, to_markdown};
use integration_studio::model::Project;
use integration_studio::synthetic::landscape;
use proptest::prelude::*;

/// Each table in the document: its header's separators and its rows.
fn tables(markdown: &str) -> Vec<(usize, Vec<&str>)> {
    let mut found = Vec::new();
    let mut lines = markdown.lines().peekable();
    while let Some(line) = lines.next() {
        if !line.starts_with('|') {
            continue;
        }
        let delimiter = lines.next().unwrap_or("");
        assert!(
            delimiter.starts_with("|---|"),
            "a header is followed by its delimiter row: {delimiter}"
        );
        assert_eq!(cell_separators(delimiter), cell_separators(line));
        let mut rows = Vec::new();
        while let Some(row) = lines.next_if(|l| !l.is_empty()) {
            rows.push(row);
        }
        found.push((cell_separators(line), rows));
    }
    found
}

/// Two tables, of the systems and of the flows, every row whole.
fn assert_catalogue(name: &str, project: &Project, markdown: &str) {
    let tables = tables(markdown);
    assert_eq!(tables.len(), 2, "{name}: two tables");
    let (systems, flows) = (&tables[0], &tables[1]);
    assert_eq!(systems.0, 8, "{name}: seven columns of systems");
    assert_eq!(flows.0, 11, "{name}: ten columns of flows");
    assert_eq!(systems.1.len(), project.systems.len(), "{name}");
    assert_eq!(flows.1.len(), project.connections.len(), "{name}");
    for (separators, rows) in [systems, flows] {
        for row in rows {
            assert!(
                row.starts_with("| ") && row.ends_with(" |"),
                "{name}: {row}"
            );
            assert_eq!(cell_separators(row), *separators, "{name}: {row}");
        }
    }
}

/// The `mermaid` blocks of a document, each in a file.
fn mermaid_blocks(markdown: &str, dir: &std::path::Path, stem: &str) -> Vec<std::path::PathBuf> {
    markdown
        .split("```mermaid\n")
        .skip(1)
        .enumerate()
        .map(|(i, rest)| {
            let block = rest.split("```\n").next().unwrap();
            let path = dir.join(format!("{stem}-{i}.mmd"));
            fs::write(&path, block).unwrap();
            path
        })
        .collect()
}

fn with_diagram() -> MarkdownOptions {
    MarkdownOptions {
        diagram: Some(MermaidOptions::default()),
    }
}

#[test]
fn every_example_and_the_hostile_project_give_whole_tables_and_diagrams_that_parse() {
    let dir = tempfile::tempdir().unwrap();
    let mut blocks = Vec::new();
    let mut projects = examples();
    projects.push(("hostile", hostile_with_dangling_flow()));
    projects.push(("big", landscape(600, 1_200, 9)));
    for (name, project) in &projects {
        let plain = to_markdown(project, &MarkdownOptions::default()).unwrap();
        assert_catalogue(name, project, &plain);
        assert!(!plain.contains("```"), "{name}: no diagram unless asked");
        let markdown = to_markdown(project, &with_diagram()).unwrap();
        assert_catalogue(name, project, &markdown);
        let found = mermaid_blocks(&markdown, dir.path(), name);
        assert!(!found.is_empty(), "{name}: the diagram is there");
        blocks.extend(found);
    }
    assert!(
        blocks.len() > projects.len(),
        "the big landscape is split into several blocks"
    );
    assert_mermaid_parses(&blocks);
}

#[test]
fn cells_say_what_the_fields_say() {
    let project = examples().remove(0).1;
    let markdown = to_markdown(&project, &MarkdownOptions::default()).unwrap();
    assert!(markdown.starts_with("# E-commerce, order to delivery\n\n## Systems\n"));
    assert!(
        markdown.contains("| System | Purpose | Technology | Owner | SLA | Sensitivity | Zone |")
    );
    assert!(markdown.contains(
        "| From | To | Data | Protocol | Style | Format | Auth | Encrypted | Resilience | Latency target |"
    ));
    // A flow both ways says so beside its style; latency in its largest whole unit.
    assert!(
        markdown.contains("| Synchronous request/response (Both ways) |"),
        "{markdown}"
    );
    assert!(
        markdown.contains(" | yes | Timeout, Idempotency | 2 s |"),
        "{markdown}"
    );
}

#[test]
fn hostile_text_is_escaped_not_formatted() {
    let markdown = to_markdown(&hostile_with_dangling_flow(), &MarkdownOptions::default()).unwrap();
    assert!(markdown.contains("pipe \\| cell \\|\\| \\\\\\|"));
    assert!(markdown.contains("\\<b\\>bold\\</b\\>"));
    assert!(markdown.contains("line one<br>line two<br>three<br>four"));
    assert!(markdown.contains("\\`code\\` \\*em\\* \\_under\\_ \\~strike\\~ \\$math\\$"));
    assert!(markdown.contains("| (unknown system 999999) |"));
}

#[test]
fn the_command_line_writes_markdown_and_refuses_a_diagram_over_the_limits_with_no_split() {
    let dir = tempfile::tempdir().unwrap();
    let project = landscape(600, 1_200, 9);
    let file = saved(dir.path(), "big", &project);
    studio()
        .args(["export", "--to", "markdown"])
        .arg(&file)
        .assert()
        .success()
        .stdout(to_markdown(&project, &MarkdownOptions::default()).unwrap());
    let out = dir.path().join("catalogue.md");
    studio()
        .args(["export", "--to", "markdown", "--diagram", "-o"])
        .arg(&out)
        .arg(&file)
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        to_markdown(&project, &with_diagram()).unwrap()
    );
    studio()
        .args(["export", "--to", "markdown", "--diagram", "--no-split"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("1200 edges"));
    studio()
        .args(["export", "--to", "mermaid", "--diagram"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--diagram is for --to markdown"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any names, any text: the tables stay tables.
    #[test]
    fn hostile_names_keep_the_tables_whole(mut project in export_support::hostile_project()) {
        let zone = project.zones[0].name.clone();
        for system in &mut project.systems {
            system.purpose = system.technology.clone();
            system.owner_team = zone.clone();
        }
        let markdown = to_markdown(&project, &with_diagram()).unwrap();
        assert_catalogue("generated", &project, &markdown);
    }
}
