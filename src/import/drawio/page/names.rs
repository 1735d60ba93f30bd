//! The names a page's cells give systems: labels, bold first lines, badges, shapes.

use super::super::cells::Cell;

pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A label whose first line is bold names the system; the lines after it describe it.
/// Otherwise the whole label is the name (icons break long names over lines).
pub(super) fn split_name(label: &str, name: &str) -> (String, String) {
    let bold_first =
        label.trim_start().starts_with("<b>") || label.trim_start().starts_with("<strong>");
    let mut lines = name.lines();
    if bold_first && name.lines().count() > 1 {
        let first = lines.next().unwrap_or("").trim().to_owned();
        return (first, lines.collect::<Vec<_>>().join("\n"));
    }
    (one_line(name), String::new())
}

/// A step number on a small circle or square ("1", "2"…), as templates draw them.
pub(super) fn is_badge(cell: &Cell, name: &str) -> bool {
    let small = cell.geometry.is_some_and(|g| g[2] <= 40.0 && g[3] <= 40.0);
    small && name.len() <= 3 && name.chars().all(|c| c.is_ascii_digit())
}

/// "mxgraph.aws4.lambda_function" → "lambda function".
pub(super) fn shape_name(cell: &Cell) -> String {
    let shape = cell
        .style
        .get("shape")
        .or(cell.style.get("resIcon"))
        .map_or(cell.kind.as_str(), String::as_str);
    let last = shape.rsplit('.').next().unwrap_or(shape).replace('_', " ");
    if last.trim().is_empty() {
        "Unnamed shape".to_owned()
    } else {
        last
    }
}
