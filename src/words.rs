//! Small pieces of the sentences shown to people, shared by the CLI, the analysis and the
//! prompt so they all count the same way.

/// "1 connection", "3 connections".
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
