//! Small pieces of the sentences shown to people, shared by the CLI, the analysis and the
//! prompt so they all count the same way.

/// How a connection is named: "Storefront BFF → Order service". The one place the arrow
/// is written; `Project::connection_name` gives it for a connection of a project.
pub(crate) fn flow_name(from: &str, to: &str) -> String {
    format!("{from} → {to}")
}

/// "1 connection", "3 connections".
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// 12345 → "12,345": how numbers of tokens and characters are written.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
