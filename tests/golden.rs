//! The whole prompt of the e-commerce example, compared byte for byte with a reviewed
//! snapshot in `tests/snapshots/`. After an intended change, review the new text with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test --test golden`) and commit it.

use integration_studio::analysis::analyze;
use integration_studio::examples::find;
use integration_studio::template::render;

#[test]
fn the_ecommerce_prompt_matches_the_reviewed_snapshot() {
    let project = find("ecommerce").unwrap().project().unwrap();
    let prompt = render(&project, &analyze(&project)).unwrap();
    insta::assert_snapshot!("ecommerce_prompt", prompt.text);
}
