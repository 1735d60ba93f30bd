//! An interface catalogue for wikis and READMEs: a table of systems and a table of data
//! flows, optionally under the Mermaid diagram. Every cell is escaped so that no pipe,
//! line break, backslash or Markdown mark in a name can break the table or format it.

use std::collections::HashMap;

use super::mermaid::{Mermaid, MermaidOptions, TooBig, to_mermaid};
use super::text::{Piece, pieces};
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
/// splitting is turned off.
pub fn to_markdown(project: &Project, options: &MarkdownOptions) -> Result<String, TooBig> {
    let mut out = String::with_capacity(256 * (project.systems.len() + project.connections.len()));
    out.push_str("# ");
    push_inline(&mut out, project.name.trim());
    out.push_str("\n\n");
    if let Some(mermaid) = &options.diagram {
        out.push_str("## Diagram\n\n");
        let mermaid = to_mermaid(project, mermaid)?;
        out.push_str(&diagrams(&mermaid, 3));
    }
    let zones: HashMap<ZoneId, &Zone> = project.zones.iter().map(|z| (z.id, z)).collect();
    out.push_str("## Systems\n\n");
    header_row(&mut out, &SYSTEM_COLUMNS);
    for system in &project.systems {
        let zone = system
            .zone
            .and_then(|z| zones.get(&z).map(|z| z.name.as_str()));
        row(&mut out, &system_cells(system, zone.unwrap_or("")));
    }
    let names: HashMap<SystemId, &str> = project
        .systems
        .iter()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    out.push_str("\n## Data flows\n\n");
    header_row(&mut out, &FLOW_COLUMNS);
    for connection in &project.connections {
        let name = |id: SystemId| match names.get(&id) {
            Some(name) => (*name).to_owned(),
            None => format!("(unknown system {id})"),
        };
        let (from, to) = (name(connection.from), name(connection.to));
        row(&mut out, &flow_cells(connection, &from, &to));
    }
    Ok(out)
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

fn system_cells(system: &System, zone: &str) -> [String; 7] {
    let sla = match system.availability.percent.filter(|p| p.is_finite()) {
        Some(p) if system.availability.note.trim().is_empty() => percent(p),
        Some(p) => format!("{} ({})", percent(p), system.availability.note.trim()),
        None => system.availability.note.trim().to_owned(),
    };
    [
        system.name.clone(),
        system.purpose.clone(),
        system.technology.clone(),
        system.owner_team.clone(),
        sla,
        label(&system.sensitivity),
        zone.to_owned(),
    ]
}

fn flow_cells(c: &Connection, from: &str, to: &str) -> [String; 10] {
    let style = match (&c.style, &c.direction) {
        (style, Direction::OneWay) => label(style),
        (Some(style), both) => format!("{} ({})", style.label(), both.label()),
        (None, both) => both.label().to_owned(),
    };
    [
        from.to_owned(),
        to.to_owned(),
        c.data.clone(),
        label(&c.protocol),
        style,
        label(&c.data_format),
        label(&c.authentication),
        if c.encrypted { "yes" } else { "no" }.to_owned(),
        join_labels(&c.resilience),
        c.latency_target_ms
            .map(format_latency_ms)
            .unwrap_or_default(),
    ]
}

fn label<T: Labelled>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map(|v| v.label().to_owned())
        .unwrap_or_default()
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

fn row(out: &mut String, cells: &[String]) {
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
    pieces(text, |piece| match piece {
        Piece::Break => out.push_str("<br>"),
        Piece::Char(c) => {
            if "\\`*_[]<>|~&$#".contains(c) {
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
