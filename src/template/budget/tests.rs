use super::*;
use crate::analysis::analyze;
use crate::examples::find;
use crate::synthetic::landscape;

fn fit(project: &Project, budget: u32) -> Fitted {
    let report = analyze(project);
    fit_to_budget(
        PromptTemplate::builtin(),
        project,
        &report,
        budget,
        Tokenizer::O200kBase,
    )
    .unwrap()
}

#[test]
fn a_prompt_within_its_budget_is_left_as_it_is() {
    let project = find("ecommerce").unwrap().project().unwrap();
    let full = super::super::render(&project, &analyze(&project)).unwrap();
    let fitted = fit(&project, 1_000_000);
    assert!(fitted.fits());
    assert!(fitted.steps.is_empty());
    assert_eq!(fitted.prompt, full);
    assert_eq!(fitted.tokens, fitted.full_tokens);
}

#[test]
fn steps_are_taken_in_order_until_the_prompt_fits() {
    let project = find("ecommerce").unwrap().project().unwrap();
    let full = fit(&project, u32::MAX).tokens;
    // Just under the full size: the first step that changes anything is enough.
    let fitted = fit(&project, (full - 10) as u32);
    assert!(fitted.fits(), "{} > {}", fitted.tokens, fitted.budget);
    assert_eq!(fitted.steps.len(), 1, "{:?}", fitted.steps);
    assert!(fitted.steps[0].tokens_saved >= 10);
    let order: Vec<usize> = fitted
        .steps
        .iter()
        .map(|c| Step::ALL.iter().position(|s| *s == c.step).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn no_system_or_flow_disappears_without_a_line_that_says_it_is_there() {
    let project = landscape(120, 300, 6);
    let fitted = fit(&project, 2_000);
    assert!(
        !fitted.fits(),
        "the tightest form of 120 systems is over 2,000 tokens"
    );
    assert_eq!(fitted.steps.last().unwrap().step, Step::AllSystems);
    let text = &fitted.prompt.text;
    for system in &project.systems {
        assert!(
            text.contains(&format!("**{}**", system.name)),
            "{} is named",
            system.name
        );
    }
    let counted: usize = text
        .split("**Data flows in summary** (")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert_eq!(counted, project.connections.len());
    assert_eq!(fitted.over_by(), fitted.tokens - 2_000);
}

#[test]
fn risky_systems_keep_their_blocks_longer_than_quiet_ones() {
    let project = find("ecommerce").unwrap().project().unwrap();
    let report = analyze(&project);
    let quiet_taken = (1..)
        .map(|tighter| fit(&project, 9_000 - tighter * 500))
        .find(|f| f.steps.iter().any(|c| c.step == Step::QuietSystems))
        .unwrap();
    let text = &quiet_taken.prompt.text;
    let risky: HashSet<SystemId> = report
        .findings
        .iter()
        .flat_map(|f| f.systems.clone())
        .collect();
    for system in &project.systems {
        let block = text.contains(&format!("**System: {}**", system.name));
        assert_eq!(block, risky.contains(&system.id), "{}", system.name);
    }
}

#[test]
fn notes_go_first() {
    let mut project = landscape(3, 2, 1);
    drop_notes(&mut project);
    project.systems[0].notes = "word ".repeat(400);
    let full = fit(&project, u32::MAX).tokens;
    let fitted = fit(&project, (full - 50) as u32);
    assert_eq!(fitted.steps[0].step, Step::Notes);
    assert_eq!(fitted.steps[0].items, 1);
    assert!(!fitted.prompt.text.contains("word word"));
    assert_eq!(
        fitted.steps[0].describe(),
        format!(
            "left out 1 note (−{} tokens)",
            thousands(fitted.steps[0].tokens_saved as usize)
        )
    );
}

#[test]
fn budgets_are_read_as_people_write_them() {
    assert_eq!(parse_budget("8k"), Ok(8_000));
    assert_eq!(parse_budget("128K"), Ok(128_000));
    assert_eq!(parse_budget("1M"), Ok(1_000_000));
    assert_eq!(parse_budget(" 32,000 "), Ok(32_000));
    assert_eq!(parse_budget("50000"), Ok(50_000));
    for bad in ["", "k", "0", "-5", "12.5k", "lots", "9999999M"] {
        let error = parse_budget(bad).unwrap_err();
        assert!(error.contains("not a token budget"), "{bad}: {error}");
    }
}

#[test]
fn a_scoped_prompt_is_condensed_within_its_scope() {
    use crate::model::PromptScope;
    let mut project = landscape(200, 600, 8);
    let zone = project.zones[0].id;
    project.prompt.scope = PromptScope {
        zones: vec![zone],
        ..PromptScope::default()
    };
    let scoped = fit(&project, u32::MAX);
    assert!(scoped.prompt.text.contains("**Scope**: zone "));
    let fitted = fit(&project, (scoped.tokens / 2) as u32);
    assert!(
        fitted.prompt.text.contains("**Scope**: zone "),
        "the scope line stays"
    );
    assert!(!fitted.steps.is_empty());
    // Only in-scope systems are condensed: outside ones never get a block or a brief line.
    let outside: Vec<&str> = project
        .systems
        .iter()
        .filter(|s| s.zone != Some(zone))
        .map(|s| s.name.as_str())
        .collect();
    let brief = fitted
        .prompt
        .text
        .split("**Systems in brief**")
        .nth(1)
        .map(|rest| rest.split("\n\n").next().unwrap_or(""))
        .unwrap_or("");
    for name in outside {
        assert!(
            !brief.contains(&format!("- **{name}**")),
            "{name} is outside"
        );
    }
}
