//! The token budget above the prompt preview, on the e-commerce example (about 9,300
//! tokens): choosing 8k condenses the prompt, says how, and is one undo step.

mod common;

use common::app;

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use integration_studio::ui::StudioApp;

fn tokens_of(text: &str) -> usize {
    tiktoken_rs::o200k_base_singleton()
        .encode_ordinary(text)
        .len()
}

fn choose(harness: &mut Harness<'static, StudioApp>, option: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, "Budget")
        .click();
    harness.run();
    harness
        .get_all_by_label(option)
        .find(|node| node.accesskit_node().toggled().is_some())
        .unwrap_or_else(|| panic!("{option} in the Budget list"))
        .click();
    harness.run();
}

#[test]
fn an_8k_budget_condenses_the_prompt_says_how_and_undoes_in_one_step() {
    let mut harness = app();
    let before = harness.state().prompt_text().unwrap().to_owned();
    assert!(tokens_of(&before) > 8_000);

    choose(&mut harness, "8k");
    assert_eq!(
        harness.state().document().project().prompt.budget,
        Some(8_000)
    );
    let condensed = harness.state().prompt_text().unwrap().to_owned();
    assert!(tokens_of(&condensed) <= 8_000, "{}", tokens_of(&condensed));
    assert!(
        harness
            .query_by_label_contains("over the budget of 8,000; condensed to")
            .is_some()
    );
    assert!(harness.query_by_label_contains("left out").is_some());

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo Token budget").click();
    harness.run();
    assert_eq!(harness.state().prompt_text().unwrap(), before);
    assert!(harness.query_by_label_contains("condensed to").is_none());
}

#[test]
fn a_budget_too_small_for_anything_warns_and_suggests_a_scope() {
    let mut harness = app();
    choose(&mut harness, "Custom");
    assert_eq!(
        harness.state().document().project().prompt.budget,
        Some(50_000)
    );
    // Type a budget far below the tightest form (about 4,600 tokens).
    harness.get_by_label("Custom budget").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(Event::Text("1000".to_owned()));
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().document().project().prompt.budget,
        Some(1_000)
    );
    assert!(
        harness
            .query_by_label_contains("Even condensed as far as it goes")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("for example one zone")
            .is_some()
    );
}
