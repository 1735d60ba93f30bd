//! Structurizr DSL import, feature by feature on small workspaces written here: identifiers,
//! constants and text blocks, includes and their sandbox, and broken files.

use std::path::{Path, PathBuf};

use integration_studio::import::{Format, ImportError, LineKind, Options, import_file};

mod import_support;

use import_support::*;

const FEATURES: &str = r#"
/* Every statement here is one a
   person writes by hand. */
workspace "Shop landscape" {
    !identifiers hierarchical
    model {
        // People are users.
        buyer = person "Buyer"
        shop = softwareSystem "Shop" {
            web = container "Web" "Storefront" "React" {
                -> api "Calls" "JSON/HTTPS"
            }
            api = container "API" {
                this -> shop.db "Reads" \
                    "JDBC"
            }
            db = container "DB"
        }
        erp = softwaresystem "ERP" {
            -> shop.api "Pushes prices" "Kafka" "Async"
        }
        buyer -> shop.web "Shops with"
        shop.api -> erp "Sends orders" "SOAP" {
            properties {
                "frequency" "hourly"
            }
        }
    }
}
"#;

#[test]
fn implicit_sources_this_and_hierarchical_identifiers() {
    let (_dir, path) = workspace(&[("workspace.dsl", FEATURES)]);
    let imported = import_path(&path, &Options::default());
    let p = &imported.project;
    assert_eq!(p.name, "Shop landscape");
    assert_eq!(names(p), ["Web", "API", "DB", "ERP"]);
    assert_eq!(zone_of(p, "DB"), Some("Shop"));
    assert_eq!(zone_of(p, "ERP"), None);
    assert_eq!(
        flows(p),
        [
            "Web → API: Calls",
            "API → DB: Reads",
            "ERP → API: Pushes prices",
            "API → ERP: Sends orders",
        ]
    );
    let db = &p.connections[1];
    assert!(
        db.notes.contains("technology: JDBC"),
        "line continued: {}",
        db.notes
    );
    assert_eq!(
        p.connections[2]
            .notes
            .lines()
            .filter(|l| *l == "tags: Async")
            .count(),
        1
    );
    assert_eq!(p.connections[3].frequency, "hourly");
    assert_eq!(system(p, "Web").technology, "React");
    assert_eq!(
        lines(&imported, LineKind::Skipped, "Buyer is a person").len(),
        1
    );
    assert_eq!(
        imported.report.count(LineKind::Problem),
        0,
        "{}",
        imported.report.text()
    );
}

const DETAILS: &str = r#"!const TEAM "Payments"
!var ENV prod
workspace {
    model {
        # The old way to draw the company's boundary.
        enterprise "Acme" {
            pay = softwareSystem "Payments ${ENV}" {
                description """
                    Takes payments
                    from the shop.
                    """
                technology "Java"
                tags "Critical, PCI" "Element"
                url https://example.com/pay
                properties {
                    "owner" "${TEAM} team"
                    "sla" "99.95"
                    "cost centre" "42"
                }
                perspectives {
                    "Security" "Card data is tokenised" "high"
                }
                !docs docs
            }
        }
        ledger = softwareSystem "Ledger" "Books every payment" "Core, Finance"
        pay -> ledger "Posts ${ENV} payments" "SFTP" "Nightly"
        pay -> nowhere "Lost"
        archetypeOnly = application "Not a keyword"
    }
    views {
        systemLandscape {
            include *
        }
    }
}
"#;

#[test]
fn constants_text_blocks_properties_perspectives_and_tags() {
    let (_dir, path) = workspace(&[("workspace.dsl", DETAILS)]);
    let imported = import_path(&path, &Options::default());
    let p = &imported.project;
    assert_eq!(names(p), ["Payments prod", "Ledger"]);
    let pay = system(p, "Payments prod");
    assert_eq!(pay.purpose, "Takes payments\nfrom the shop.");
    assert_eq!(pay.technology, "Java");
    assert_eq!(pay.tags, ["Critical", "PCI"]);
    assert_eq!(pay.owner_team, "Payments team");
    assert_eq!(pay.availability.percent, Some(99.95));
    for note in [
        "url: https://example.com/pay",
        "cost centre: 42",
        "perspective Security: Card data is tokenised (high)",
    ] {
        assert!(pay.notes.contains(note), "{note} in {}", pay.notes);
    }
    assert_eq!(zone_of(p, "Payments prod"), Some("Acme"));
    let ledger = system(p, "Ledger");
    assert_eq!(
        (ledger.purpose.as_str(), ledger.tags.clone()),
        (
            "Books every payment",
            vec!["Core".to_owned(), "Finance".to_owned()]
        )
    );
    assert_eq!(flows(p), ["Payments prod → Ledger: Posts prod payments"]);
    let lost = lines(&imported, LineKind::Problem, "“nowhere”");
    assert_eq!(lost.len(), 1, "{}", imported.report.text());
    assert!(lost[0].contains("workspace.dsl:28:9"), "{}", lost[0]);
    let unknown = lines(
        &imported,
        LineKind::Skipped,
        "not a statement Integration Studio reads",
    );
    assert_eq!(unknown.len(), 1, "{}", imported.report.text());
    assert!(
        unknown[0].contains(":29:9:") && unknown[0].contains("application"),
        "{}",
        unknown[0]
    );
    assert_eq!(lines(&imported, LineKind::Skipped, "(1 view)").len(), 1);
    assert_eq!(lines(&imported, LineKind::Skipped, "`!docs docs`").len(), 1);
}

#[test]
fn an_include_outside_the_folder_is_skipped_until_its_folder_is_allowed() {
    let (dir, _) = workspace(&[
        ("outside.dsl", r#"crm = softwareSystem "CRM""#),
        (
            "inner/workspace.dsl",
            "workspace {\n    model {\n        !include ../outside.dsl\n        billing = softwareSystem \"Billing\"\n    }\n}\n",
        ),
    ]);
    let path = dir.path().join("inner/workspace.dsl");
    let imported = import_path(&path, &Options::default());
    assert_eq!(names(&imported.project), ["Billing"]);
    let refused = lines(&imported, LineKind::Skipped, "--allow-include DIR");
    assert_eq!(refused.len(), 1, "{}", imported.report.text());
    assert!(refused[0].contains("workspace.dsl:3:9"), "{}", refused[0]);
    let allowed = Options {
        allow_include: vec![dir.path().to_owned()],
        ..Options::default()
    };
    let imported = import_path(&path, &allowed);
    assert_eq!(names(&imported.project), ["CRM", "Billing"]);
}

#[test]
fn urls_are_never_fetched() {
    let (_dir, path) = workspace(&[(
        "workspace.dsl",
        "workspace extends https://example.com/base.dsl {\n    model {\n        !include https://example.com/model.dsl\n        a = softwareSystem \"A\"\n    }\n}\n",
    )]);
    let imported = import_path(&path, &Options::default());
    assert_eq!(names(&imported.project), ["A"]);
    let urls = lines(&imported, LineKind::Skipped, "a URL is never fetched");
    assert_eq!(urls.len(), 2, "{}", imported.report.text());
}

#[test]
fn a_folder_include_reads_its_files_sorted_without_hidden_ones() {
    let (_dir, path) = workspace(&[
        (
            "workspace.dsl",
            "workspace {\n    model {\n        !include systems\n        a -> b \"Feeds\"\n    }\n}\n",
        ),
        ("systems/2-b.dsl", "b = softwareSystem \"B\"\n"),
        ("systems/1-a.dsl", "a = softwareSystem \"A\"\n"),
        ("systems/more/3-c.dsl", "c = softwareSystem \"C\"\n"),
        ("systems/.hidden.dsl", "h = softwareSystem \"Hidden\"\n"),
    ]);
    let imported = import_path(&path, &Options::default());
    assert_eq!(names(&imported.project), ["A", "B", "C"]);
    assert_eq!(flows(&imported.project), ["A → B: Feeds"]);
}

#[test]
fn include_loops_and_deep_nesting_are_problem_lines() {
    let (_dir, path) = workspace(&[
        (
            "workspace.dsl",
            "workspace {\n    model {\n        !include a.dsl\n        !include workspace.dsl\n    }\n}\n",
        ),
        ("a.dsl", "a = softwareSystem \"A\"\n!include b.dsl\n"),
        ("b.dsl", "b = softwareSystem \"B\"\n!include a.dsl\n"),
    ]);
    let imported = import_path(&path, &Options::default());
    assert_eq!(names(&imported.project), ["A", "B"]);
    let loops = lines(&imported, LineKind::Problem, "the includes loop");
    assert_eq!(loops.len(), 2, "{}", imported.report.text());
    assert!(
        loops[0].contains("b.dsl:2:1") && loops[0].contains("a.dsl → b.dsl → a.dsl"),
        "{}",
        loops[0]
    );
    assert!(
        loops[1].contains("workspace.dsl → workspace.dsl"),
        "{}",
        loops[1]
    );

    let mut files: Vec<(String, String)> = (0..40)
        .map(|i| {
            (
                format!("n{i}.dsl"),
                format!("s{i} = softwareSystem \"S{i}\"\n!include n{}.dsl\n", i + 1),
            )
        })
        .collect();
    files.push((
        "workspace.dsl".to_owned(),
        "workspace {\n    model {\n        !include n0.dsl\n    }\n}\n".to_owned(),
    ));
    files.push(("n40.dsl".to_owned(), String::new()));
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (_dir, path) = workspace(&borrowed);
    let imported = import_path(&path, &Options::default());
    assert_eq!(imported.project.systems.len(), 31);
    assert_eq!(
        lines(&imported, LineKind::Problem, "nest deeper than 32").len(),
        1
    );
}

fn parse_error(path: &Path) -> (PathBuf, usize, usize, String) {
    match import_file(
        path,
        &Options {
            format: Some(Format::Structurizr),
            ..Options::default()
        },
    ) {
        Err(ImportError::Parse {
            path,
            position,
            message,
            ..
        }) => (path, position.line, position.column, message),
        Err(other) => panic!("not a parse error: {other}"),
        Ok(imported) => panic!("imported: {}", imported.report.text()),
    }
}

#[test]
fn a_syntax_error_in_an_included_file_names_that_file_and_its_line() {
    let (dir, path) = workspace(&[
        (
            "workspace.dsl",
            "workspace {\n    model {\n        !include model.dsl\n    }\n}\n",
        ),
        (
            "model.dsl",
            "a = softwareSystem \"A\"\nb = softwareSystem \"B\n",
        ),
    ]);
    let (file, line, column, message) = parse_error(&path);
    assert_eq!(file, dir.path().join("model.dsl"));
    assert_eq!((line, column), (2, 20), "{message}");
    assert!(message.contains("not closed"), "{message}");
}

#[test]
fn an_unclosed_brace_is_an_error_at_the_brace() {
    let broken = Path::new("tests/fixtures/import/broken/structurizr-cut-off.dsl");
    let (file, line, column, message) = parse_error(broken);
    assert_eq!(file, broken);
    assert!(
        message.contains("before this `{` is closed with `}`"),
        "{message}"
    );
    let text = std::fs::read_to_string(broken).unwrap();
    assert_eq!(
        text.lines().nth(line - 1).unwrap().chars().nth(column - 1),
        Some('{')
    );
}

#[test]
fn garbage_and_latin1_are_errors_with_a_place() {
    for (name, wanted) in [
        ("structurizr-garbage.dsl", "expected `workspace`"),
        ("structurizr-binary-garbage.dsl", "unexpected character"),
        ("structurizr-latin1.dsl", "not UTF-8"),
        (
            "structurizr-unclosed-text-block.dsl",
            "text block is not closed",
        ),
        ("structurizr-stray-brace.dsl", "closes no block"),
    ] {
        let path = Path::new("tests/fixtures/import/broken").join(name);
        let (file, line, column, message) = parse_error(&path);
        assert_eq!(file, path);
        assert!(line >= 1 && column >= 1, "{name}");
        assert!(message.contains(wanted), "{name}: {message}");
    }
}

#[test]
fn constants_that_double_at_each_step_are_refused_not_expanded() {
    let mut text = String::from("!const C0 \"0123456789abcdef\"\n");
    for i in 1..40 {
        text.push_str(&format!("!const C{i} \"${{C{}}}${{C{}}}\"\n", i - 1, i - 1));
    }
    text.push_str("workspace {\n}\n");
    let (_dir, path) = workspace(&[("workspace.dsl", &text)]);
    let (_, line, _, message) = parse_error(&path);
    assert!(message.contains("more than 1 MB"), "{message}");
    assert!(line < 40, "{line}");
}

#[test]
fn a_file_without_a_workspace_is_not_a_workspace() {
    let (_dir, path) = workspace(&[("workspace.dsl", "// only a comment\n")]);
    let (_, line, column, message) = parse_error(&path);
    assert_eq!((line, column), (1, 1));
    assert!(message.contains("no `workspace"), "{message}");
}
