//! An interface catalogue for wikis and READMEs: a table of systems and a table of data
//! flows, optionally under the Mermaid diagram. Every cell is escaped so that no pipe,
//! line break, backslash or Markdown mark in a name can break the table or format it.

use std::borrow::Cow;
use std::collections::HashMap;

use super::mermaid::{Mermaid, MermaidOptions, TooBig, to_mermaid};
use super::text::{Marks, Piece, marks, write};
use crate::item_text::percent;
use crate::model::{
    Connection, Direction, Labelled, Project, System, SystemId, Zone, ZoneId, format_latency_ms,
    join_labels,
};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// Put the Mermaid diagram (or, over Mermaid's limits, the diagrams of the split)
    /// above the tables.
    pub diagram: Option<MermaidOptions>,
}

const SYSTEM_COLUMNS: [&str; 7] = [
    "System",
    "Purpose",
    "Technology",
    "Owner",
    "SLA",
    "Sensitivity",
    "Zone",
];

const FLOW_COLUMNS: [&str; 10] = [
    "From",
    "To",
    "Data",
    "Protocol",
    "Style",
    "Format",
    "Auth",
    "Encrypted",
    "Resilience",
    "Latency target",
];

/// The catalogue. Fails only when the diagram is asked for, is over Mermaid's limits and
/// splitting is turned off. The diagram and the tables are written on two cores.
pub fn to_markdown(project: &Project, options: &MarkdownOptions) -> Result<String, TooBig> {
    let (diagram, tables) = rayon::join(
        || options.diagram.map(|o| to_mermaid(project, &o)).transpose(),
        || (systems_table(project), flows_table(project)),
    );
    let mut out = String::from("# ");
    push_inline(&mut out, project.name.trim());
    out.push_str("\n\n");
    if let Some(mermaid) = diagram? {
        out.push_str("## Diagram\n\n");
        out.push_str(&diagrams(&mermaid, 3));
    }
    out.push_str("## Systems\n\n");
    out.push_str(&tables.0);
    out.push_str("\n## Data flows\n\n");
    out.push_str(&tables.1);
    Ok(out)
}

fn systems_table(project: &Project) -> String {
    let mut out = String::with_capacity(256 * project.systems.len());
    let zones: HashMap<ZoneId, &Zone> = project.zones.iter().map(|z| (z.id, z)).collect();
    header_row(&mut out, &SYSTEM_COLUMNS);
    for system in &project.systems {
        let zone = system
            .zone
            .and_then(|z| zones.get(&z).map(|z| z.name.as_str()));
        row(&mut out, &system_cells(system, zone.unwrap_or("")));
    }
    out
}

fn flows_table(project: &Project) -> String {
    let mut out = String::with_capacity(256 * project.connections.len());
    let names: HashMap<SystemId, &str> = project
        .systems
        .iter()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    header_row(&mut out, &FLOW_COLUMNS);
    for connection in &project.connections {
        let name = |id: SystemId| match names.get(&id) {
            Some(name) => Cow::Borrowed(*name),
            None => Cow::Owned(format!("(unknown system {id})")),
        };
        let (from, to) = (name(connection.from), name(connection.to));
        row(&mut out, &flow_cells(connection, from, to));
    }
    out
}

/// The diagrams of a Mermaid export as Markdown: one `mermaid` block, or, for a split,
/// a line that says why, then each diagram under a heading at `level`.
pub(crate) fn diagrams(mermaid: &Mermaid, level: usize) -> String {
    let mut out = String::new();
    if let Some(size) = mermaid.split_from {
        out.push_str(&format!(
            "As one diagram this landscape has {} edges and {} characters, more than Mermaid \
             renders, so it is split into {} diagrams: the flows between zones first, then \
             each zone with the flows inside it.\n\n",
            size.edges,
            size.chars,
            mermaid.diagrams.len()
        ));
    }
    for diagram in &mermaid.diagrams {
        if mermaid.split_from.is_some() {
            out.push_str(&"#".repeat(level.clamp(1, 6)));
            out.push(' ');
            push_inline(&mut out, &diagram.title);
            out.push_str("\n\n");
        }
        // Labels carry no backtick (Mermaid's escaping writes it as `#96;`), so no line
        // of the diagram can close the fence.
        out.push_str("```mermaid\n");
        out.push_str(&diagram.text);
        out.push_str("```\n\n");
    }
    out
}

fn system_cells<'a>(system: &'a System, zone: &'a str) -> [Cow<'a, str>; 7] {
    let note = system.availability.note.trim();
    let sla = match system.availability.percent.filter(|p| p.is_finite()) {
        Some(p) if note.is_empty() => percent(p).into(),
        Some(p) => format!("{} ({note})", percent(p)).into(),
        None => note.into(),
    };
    [
        system.name.as_str().into(),
        system.purpose.as_str().into(),
        system.technology.as_str().into(),
        system.owner_team.as_str().into(),
        sla,
        label(&system.sensitivity),
        zone.into(),
    ]
}

fn flow_cells<'a>(c: &'a Connection, from: Cow<'a, str>, to: Cow<'a, str>) -> [Cow<'a, str>; 10] {
    let style = match (&c.style, &c.direction) {
        (style, Direction::OneWay) => label(style),
        (Some(style), both) => format!("{} ({})", style.label(), both.label()).into(),
        (None, both) => both.label().into(),
    };
    [
        from,
        to,
        c.data.as_str().into(),
        label(&c.protocol),
        style,
        label(&c.data_format),
        label(&c.authentication),
        if c.encrypted { "yes" } else { "no" }.into(),
        join_labels(&c.resilience).into(),
        c.latency_target_ms
            .map_or(Cow::Borrowed(""), |ms| format_latency_ms(ms).into()),
    ]
}

fn label<T: Labelled>(value: &Option<T>) -> Cow<'_, str> {
    value.as_ref().map_or("", |v| v.label()).into()
}

fn header_row(out: &mut String, columns: &[&str]) {
    out.push('|');
    for column in columns {
        out.push(' ');
        out.push_str(column);
        out.push_str(" |");
    }
    out.push_str("\n|");
    for _ in columns {
        out.push_str("---|");
    }
    out.push('\n');
}

fn row(out: &mut String, cells: &[Cow<str>]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        push_inline(out, cell.trim());
        out.push_str(" |");
    }
    out.push('\n');
}

/// Writes user text as literal Markdown on one line: a line break is `<br>` (tables
/// allow no other), and every mark that could end a cell or start formatting, a link,
/// HTML, math or an entity is backslash-escaped, as CommonMark allows for any ASCII
/// punctuation.
pub(crate) fn push_inline(out: &mut String, text: &str) {
    const MARKS: Marks = marks(b"\\`*_[]<>|~&$#");
    write(out, text, &MARKS, |out, piece| match piece {
        Piece::Break => out.push_str("<br>"),
        Piece::Char(c) => {
            if c.is_ascii() {
                out.push('\\');
            }
            out.push(c);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(text: &str) -> String {
        let mut out = String::new();
        push_inline(&mut out, text);
        out
    }

    #[test]
    fn marks_are_escaped_and_breaks_become_br() {
        assert_eq!(inline("a|b"), "a\\|b");
        assert_eq!(inline("C:\\path"), "C:\\\\path");
        assert_eq!(
            inline("*bold* `code` [x](y) <b>"),
            "\\*bold\\* \\`code\\` \\[x\\](y) \\<b\\>"
        );
        assert_eq!(inline("one\ntwo\r\nthree"), "one<br>two<br>three");
        assert_eq!(inline("tab\there"), "tab here");
        assert_eq!(inline("&amp; $x$ # ~s~"), "\\&amp; \\$x\\$ \\# \\~s\\~");
        assert_eq!(inline("שלום 😀"), "שלום 😀");
    }
}
