//! "Changes since last copy": after Copy prompt, an edit shows as added and removed lines,
//! and Copy changes puts them on the clipboard as a message for the assistant.

mod common;

use common::{app, text_copied_soon, type_into};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[test]
fn changes_are_off_until_the_prompt_is_copied() {
    let harness = app();
    let toggle = harness.get_by_label("Changes");
    assert!(toggle.accesskit_node().is_disabled());
}

#[test]
fn an_edit_after_copying_shows_as_changed_lines_and_copies_as_a_message() {
    let mut harness = app();
    harness.get_by_label_contains("Copy prompt").click();
    assert!(text_copied_soon(&mut harness).is_some());
    harness.run();

    harness.get_by_label("Changes").click();
    harness.run();
    assert!(
        harness
            .query_by_label("No changes since the last copy")
            .is_some()
    );

    type_into(&mut harness, "Project Name", " (edited)");
    harness.run();
    assert!(
        harness
            .query_by_label("Since the last copy: 1 line added, 1 line removed")
            .is_some()
    );
    let name = harness.state().document().project().name.clone();
    assert!(name.ends_with("(edited)"));
    assert!(
        harness
            .query_by_label(&format!("+ **Project**: {name}"))
            .is_some()
    );
    assert!(harness.query_by_label("Header").is_some());

    harness.get_by_label("Copy changes").click();
    let message = text_copied_soon(&mut harness).expect("the changes are copied");
    assert!(message.contains("The landscape changed since the prompt I gave you"));
    assert!(
        message.contains(&format!("+**Project**: {name}\n")),
        "{message}"
    );

    // Raw brings the whole prompt back.
    harness.get_by_label("Raw").click();
    harness.run();
    assert!(harness.query_by_label("Copy changes").is_none());
}
