//! A LikeC4 model (`.c4`): element kinds `zone` and `system`, zones holding their systems,
//! sensitivity as tags coloured like the canvas's borders, asynchronous flows of the
//! kind `async` (dashed) and the others `sync` (solid), flows both ways with a second head, and one view of it all.
//! Element names are ids of our own (`z3`, `s7`; a flow names its ends by their full
//! names, `z3.s7 -> s2`), so no name can clash with a keyword; every user string is in
//! single quotes, where Langium reads `\` as an escape (`\'`, `\\`, `\n`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::item_text::{first_line, is_dashed};
use crate::model::{Communication, Direction, Project, Sensitivity, System, Zone, ZoneKind};
use crate::picture::style;

use super::text::{Marks, Piece, marks, write};

/// The landscape as a LikeC4 source file.
pub fn to_likec4(project: &Project) -> String {
    let mut out = specification(project);
    let paths = paths(project);
    // The elements and the relationships are written on two cores.
    let (elements, relations) = rayon::join(|| elements(project), || relations(project, &paths));
    out.push_str("model {\n");
    out.push_str(&elements);
    out.push_str(&relations);
    out.push_str("}\n\nviews {\n  view index {\n    title ");
    push_string(&mut out, &project.name);
    out.push_str("\n    include *\n");
    for group in super::groups(project) {
        if let Some(zone) = group.zone {
            let _ = writeln!(out, "    include z{}.*", zone.id);
        }
    }
    out.push_str("  }\n}\n");
    out
}

/// The kinds, the tags the systems use (each in its sensitivity's colour) and the zone
/// tints as colours of our own.
fn specification(project: &Project) -> String {
    let mut out = String::from(
        "specification {\n  element zone {\n    style {\n      opacity 10%\n    }\n  }\n  \
         element system\n",
    );
    let tags: BTreeMap<String, String> = project
        .systems
        .iter()
        .filter_map(|s| {
            let tag = tag(s.sensitivity.as_ref()?);
            Some((tag, style::sensitivity(s.sensitivity.as_ref()).hex()))
        })
        .collect();
    for (tag, colour) in &tags {
        let _ = writeln!(out, "  tag {tag} {{\n    color {colour}\n  }}");
    }
    let tints: BTreeMap<&str, String> = super::groups(project)
        .iter()
        .filter_map(|g| g.zone)
        .map(|z| {
            (
                tint_name(z.kind.as_ref()),
                style::zone(z.kind.as_ref()).hex(),
            )
        })
        .collect();
    for (name, colour) in &tints {
        let _ = writeln!(out, "  color {name} {colour}");
    }
    // LikeC4 draws every relationship dashed unless told, so calls are solid.
    out.push_str("  relationship sync {\n    line solid\n  }\n");
    out.push_str("  relationship async {\n    line dashed\n  }\n}\n\n");
    out
}

/// A sensitivity as a tag name (an identifier: a letter, then letters, digits, `-`, `_`):
/// the known ones by name, free text as `sensitivity-` and its ASCII letters and digits.
fn tag(sensitivity: &Sensitivity) -> String {
    match sensitivity {
        Sensitivity::Public => "public".into(),
        Sensitivity::Internal => "internal".into(),
        Sensitivity::Confidential => "confidential".into(),
        Sensitivity::Restricted => "restricted".into(),
        Sensitivity::Other(text) => {
            let mut tag = String::from("sensitivity");
            let mut gap = true;
            for c in text.chars().flat_map(char::to_lowercase) {
                if c.is_ascii_alphanumeric() {
                    if gap {
                        tag.push('-');
                    }
                    tag.push(c);
                    gap = false;
                } else {
                    gap = true;
                }
            }
            tag
        }
    }
}

/// The name of a zone kind's tint in `specification`.
fn tint_name(kind: Option<&ZoneKind>) -> &'static str {
    match kind {
        Some(ZoneKind::Cloud) => "zone-cloud",
        Some(ZoneKind::OnPremises) => "zone-on-premises",
        Some(ZoneKind::Partner) => "zone-partner",
        Some(ZoneKind::Dmz) => "zone-dmz",
        Some(ZoneKind::Saas) => "zone-saas",
        Some(ZoneKind::Other(_)) | None => "zone-other",
    }
}

/// Each system's full name (`z3.s7`, or `s7` in no zone), by its place in the project.
fn paths(project: &Project) -> Vec<String> {
    let mut paths: Vec<String> = project
        .systems
        .iter()
        .map(|s| format!("s{}", s.id))
        .collect();
    for group in super::groups(project) {
        if let Some(zone) = group.zone {
            for &i in &group.members {
                paths[i] = format!("z{}.s{}", zone.id, project.systems[i].id);
            }
        }
    }
    paths
}

/// Every zone with its systems, and the systems in no zone.
fn elements(project: &Project) -> String {
    let mut out = String::with_capacity(250 * project.systems.len());
    for group in super::groups(project) {
        match group.zone {
            Some(zone) => {
                zone_element(&mut out, zone);
                for &i in &group.members {
                    system_element(&mut out, &project.systems[i], "    ");
                }
                out.push_str("  }\n");
            }
            None => {
                for &i in &group.members {
                    system_element(&mut out, &project.systems[i], "  ");
                }
            }
        }
    }
    out
}

/// `z3 = zone 'Cloud' {` with its notes and tint; the caller closes it.
fn zone_element(out: &mut String, zone: &Zone) {
    let _ = write!(out, "  z{} = zone ", zone.id);
    push_string(out, super::zone_title(Some(zone)));
    out.push_str(" {\n");
    property(out, "    ", "description", &zone.notes);
    let _ = writeln!(
        out,
        "    style {{\n      color {}\n    }}",
        tint_name(zone.kind.as_ref())
    );
}

/// `s7 = system 'Name' { #confidential description '…' technology '…' }`.
fn system_element(out: &mut String, system: &System, indent: &str) {
    let _ = write!(out, "{indent}s{} = system ", system.id);
    push_string(out, super::system_title(system));
    out.push_str(" {\n");
    // Tags come first in a body.
    if let Some(sensitivity) = &system.sensitivity {
        let _ = writeln!(out, "{indent}  #{}", tag(sensitivity));
    }
    let inner = format!("{indent}  ");
    property(out, &inner, "description", &system.purpose);
    property(out, &inner, "technology", &system.technology);
    let shape = match system.communication {
        Some(Communication::Database) => Some("cylinder"),
        Some(Communication::MessageQueue) => Some("queue"),
        _ => None,
    };
    if let Some(shape) = shape {
        let _ = writeln!(out, "{inner}style {{\n{inner}  shape {shape}\n{inner}}}");
    }
    let _ = writeln!(out, "{indent}}}");
}

/// Every flow whose ends exist and differ (LikeC4 refuses a relationship of an element
/// with itself): `z3.s7 -[sync]-> s2 'data' { technology 'REST' }`.
fn relations(project: &Project, paths: &[String]) -> String {
    let mut out = String::with_capacity(120 * project.connections.len());
    for (connection, from, to) in super::drawable(project) {
        if from == to {
            continue;
        }
        let arrow = if is_dashed(connection) {
            "-[async]->"
        } else {
            "-[sync]->"
        };
        let _ = write!(out, "  {} {arrow} {}", paths[from], paths[to]);
        let title = first_line(&connection.data);
        if !title.is_empty() {
            out.push(' ');
            push_string(&mut out, title);
        }
        out.push_str(" {\n");
        if let Some(protocol) = &connection.protocol {
            property(&mut out, "    ", "technology", protocol.label());
        }
        property(&mut out, "    ", "description", &connection.notes);
        if connection.direction == Direction::BothWays {
            out.push_str("    style {\n      tail normal\n    }\n");
        }
        out.push_str("  }\n");
    }
    out
}

/// `key 'value'` on a line of its own, unless the value is blank.
fn property(out: &mut String, indent: &str, key: &str, value: &str) {
    if crate::model::is_blank(value) {
        return;
    }
    let _ = write!(out, "{indent}{key} ");
    push_string(out, value);
    out.push('\n');
}

/// What a single-quoted LikeC4 string must escape: `\` and `'`.
const LIKEC4_MARKS: Marks = marks(b"\\'");

/// User text in single quotes: `\` as `\\`, `'` as `\'`, a line break as `\n`.
fn push_string(out: &mut String, text: &str) {
    out.push('\'');
    write(out, text.trim(), &LIKEC4_MARKS, |out, piece| match piece {
        Piece::Break => out.push_str("\\n"),
        Piece::Char(c) => {
            if matches!(c, '\\' | '\'') {
                out.push('\\');
            }
            out.push(c);
        }
    });
    out.push('\'');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Connection, ConnectionId, SystemId, ZoneId};

    #[test]
    fn strings_escape_backslashes_and_quotes_and_tags_are_identifiers() {
        let mut out = String::new();
        push_string(&mut out, " a\\'b \"c\" // d\r\ne ");
        assert_eq!(out, "'a\\\\\\'b \"c\" // d\\ne'");
        let other = Sensitivity::Other("Top secret (NATO) — ünd 2".into());
        assert_eq!(tag(&other), "sensitivity-top-secret-nato-nd-2");
        assert_eq!(tag(&Sensitivity::Other("ü".into())), "sensitivity");
    }

    #[test]
    fn flows_use_full_names_and_self_loops_are_left_out() {
        let mut project = Project::new("P");
        let mut a = System::new(SystemId(1), "A");
        a.zone = Some(ZoneId(9));
        a.sensitivity = Some(Sensitivity::Confidential);
        project.systems.push(a);
        project.systems.push(System::new(SystemId(2), "B"));
        project.zones.push(Zone {
            id: ZoneId(9),
            name: "Cloud".into(),
            kind: Some(ZoneKind::Cloud),
            notes: String::new(),
        });
        let mut flow = Connection::new(ConnectionId(3), SystemId(1), SystemId(2));
        flow.data = "orders".into();
        flow.protocol = Some(Communication::Rest);
        flow.direction = Direction::BothWays;
        project.connections.push(flow);
        let own = Connection::new(ConnectionId(4), SystemId(2), SystemId(2));
        project.connections.push(own);
        let c4 = to_likec4(&project);
        assert!(
            c4.contains("  tag confidential {\n    color #b86c00\n  }\n"),
            "{c4}"
        );
        assert!(c4.contains("  z9 = zone 'Cloud' {\n"), "{c4}");
        assert!(
            c4.contains("    s1 = system 'A' {\n      #confidential\n"),
            "{c4}"
        );
        assert!(
            c4.contains("  z9.s1 -[sync]-> s2 'orders' {\n    technology 'REST'\n"),
            "{c4}"
        );
        assert!(c4.contains("tail normal"), "{c4}");
        assert!(!c4.contains("s2 -[sync]-> s2"), "{c4}");
        assert!(
            c4.contains("relationship sync {\n    line solid\n  }"),
            "{c4}"
        );
        assert!(c4.contains("    include z9.*\n"), "{c4}");
    }
}
