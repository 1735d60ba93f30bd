//! The analysis on project files: a clean landscape trips no rule, each `breaks-RULE.ron`
//! trips exactly its rule, and the bundled examples show a few real risks.

use std::path::Path;

use integration_studio::analysis::{RULES, Report, Severity, analyze};
use integration_studio::examples::EXAMPLES;
use integration_studio::io::load;

fn report_of(file: &str) -> Report {
    let path = Path::new("tests/fixtures/analysis").join(file);
    let loaded = load(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(loaded.problems.is_empty(), "{file}: {:?}", loaded.problems);
    analyze(&loaded.project)
}

fn print(name: &str, report: &Report) {
    println!("{name}: {} findings", report.findings.len());
    for f in &report.findings {
        println!("  [{}] {}: {}", f.severity.label(), f.key, f.message);
    }
    for a in &report.acknowledged {
        println!("  acknowledged {}: {}", a.finding.key, a.reason);
    }
}

#[test]
fn the_clean_landscape_trips_no_rule() {
    let report = report_of("clean.ron");
    print("clean", &report);
    assert!(report.findings.is_empty());
    assert!(report.acknowledged.is_empty());
    assert_eq!(report.availability.len(), 6);
    for row in &report.availability {
        assert_eq!(row.effective_percent, row.own_percent, "{row:?}");
    }
}

#[test]
fn each_breaking_landscape_trips_exactly_its_rule() {
    for rule in RULES {
        let report = report_of(&format!("breaks-{}.ron", rule.id));
        print(rule.id, &report);
        assert!(!report.findings.is_empty(), "{} trips nothing", rule.id);
        for finding in &report.findings {
            assert_eq!(finding.rule, rule.id, "{}: {}", rule.id, finding.message);
            assert_eq!(finding.severity, rule.severity);
            assert!(finding.key.starts_with(&format!("{}:", rule.id)));
            assert!(!finding.why.is_empty() && !finding.pattern.is_empty());
        }
    }
}

#[test]
fn breaking_landscapes_name_what_they_break() {
    let expect = [
        (
            "breaks-sync-chain.ron",
            "Web shop → Order service → Pricing → Tax → Tax rates",
        ),
        (
            "breaks-sync-cycle.ron",
            "Web shop → Order service → Web shop",
        ),
        (
            "breaks-availability-below-sla.ron",
            "Web shop: 99.80% effective vs 99.9% SLA",
        ),
        (
            "breaks-sensitive-downgrade.ron",
            "Stock service (Internal) receives Confidential data",
        ),
        (
            "breaks-latency-budget.ron",
            "add up to 1500 ms, more than 1 s",
        ),
        (
            "breaks-duplicate-name.ron",
            "2 systems are called \"Web shop\"",
        ),
        (
            "breaks-zone-covers-outsider.ron",
            "The zone \"AWS eu-central-1\" is drawn over Marketplace, which is not in it.",
        ),
    ];
    for (file, text) in expect {
        let report = report_of(file);
        assert!(
            report.findings.iter().any(|f| f.message.contains(text)),
            "{file}: {:#?}",
            report.findings
        );
    }
}

#[test]
fn the_bundled_examples_show_a_few_real_risks() {
    for example in EXAMPLES {
        let report = analyze(&example.project().unwrap());
        print(example.name, &report);
        let n = report.findings.len();
        assert!((3..=12).contains(&n), "{}: {n} findings", example.name);
        assert_eq!(
            report.availability.len(),
            example.project().unwrap().systems.len()
        );
    }
    let keys = |name: &str| -> Vec<String> {
        let report = analyze(
            &integration_studio::examples::find(name)
                .unwrap()
                .project()
                .unwrap(),
        );
        report.findings.iter().map(|f| f.key.clone()).collect()
    };
    // The weaknesses the examples describe in their notes.
    let ecommerce = keys("ecommerce");
    for key in [
        "async-without-dlq:31",
        "availability-below-sla:8",
        "latency-budget:7,8,15",
    ] {
        assert!(ecommerce.contains(&key.to_owned()), "{key}: {ecommerce:?}");
    }
    let hospital = analyze(
        &integration_studio::examples::find("hospital")
            .unwrap()
            .project()
            .unwrap(),
    );
    assert_eq!(hospital.count(Severity::Error), 3, "unencrypted MLLP feeds");
    let bank = keys("bank");
    assert!(
        bank.contains(&"availability-below-sla:18".to_owned()),
        "{bank:?}"
    );
}

#[test]
fn the_examples_acknowledge_what_their_teams_accepted() {
    for (name, acknowledged) in [("ecommerce", 2), ("bank", 2), ("hospital", 0)] {
        let report = analyze(
            &integration_studio::examples::find(name)
                .unwrap()
                .project()
                .unwrap(),
        );
        assert_eq!(report.acknowledged.len(), acknowledged, "{name}");
        assert!(report.acknowledged.iter().all(|a| !a.reason.is_empty()));
    }
}
