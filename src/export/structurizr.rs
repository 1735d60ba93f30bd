//! A Structurizr DSL workspace: every system a `softwareSystem` with an identifier of our
//! own (`s7 = softwareSystem "Name" "purpose" "tags"`), zones as `group "Zone" { }`,
//! flows as `s1 -> s2 "data" "technology" "tags"`, and every other field under
//! `properties { }` with the names our importer maps back (`src/import/mapping.rs`);
//! then a `systemLandscape` view with styles for sensitivity and asynchronous flows.
//! Only syntax from Structurizr's DSL language reference is written. Positions are not:
//! the DSL has no place for them (a view's `autoLayout` arranges it).
//!
//! Strings are one line in `"…"`, escaped as Structurizr's parser reads them (its
//! `Tokenizer` and `Tokens.get`): `"` as `\"`, a line break as `\n`. Its parser has no
//! escape for `\` itself, so a `\` before `n` gets U+2060 WORD JOINER between them (else
//! it would be a line break), and a `\` ending a text gets a space after it (else it would
//! escape the closing quote). `${` would start a constant, so it is written `${OPEN}`
//! with `!const OPEN "${"`. U+FFFD is dropped: our importer takes it for a binary file.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;

use crate::item_text::is_dashed;
use crate::model::{Connection, Direction, Labelled, Project, Sensitivity, System};
use crate::picture::style;

use super::c4_plantuml::technology;
use super::csv::resilience_lines;
use super::text::{Marks, Piece, marks, write};

/// The relationship tag of a dashed (asynchronous) flow, which the view's style dashes.
pub const ASYNC_TAG: &str = "Asynchronous";

/// The element tag the view's styles colour a sensitivity by: "Sensitivity: Confidential".
pub fn sensitivity_tag(sensitivity: &Sensitivity) -> String {
    format!("Sensitivity: {}", sensitivity.label().trim())
}

/// The constant standing for `${`.
const OPEN: &str = "OPEN";

/// The whole workspace, model and views; the systems and the relationships are written
/// on two cores.
pub fn to_structurizr(project: &Project) -> String {
    let (systems, relationships) = rayon::join(
        || {
            let mut writer = Writer::default();
            writer.systems(project);
            writer
        },
        || {
            let mut writer = Writer::default();
            writer.relationships(project);
            writer
        },
    );
    let mut head = Writer::default();
    head.quoted(&project.name);
    let name = std::mem::take(&mut head.out);
    head.quoted(&project.description);
    let description = std::mem::take(&mut head.out);
    let length = systems.out.len() + relationships.out.len() + 2_000;
    let mut out = String::with_capacity(length);
    let constant = format!("    !const {OPEN} \"${{\"\n");
    // `${OPEN}` works only after its `!const`, which comes after the `workspace` line:
    // then the name and description are statements inside.
    if head.needs_open {
        out.push_str("workspace {\n");
        out.push_str(&constant);
        let _ = writeln!(out, "    name {name}\n    description {description}");
    } else {
        let _ = writeln!(out, "workspace {name} {description} {{");
        if systems.needs_open || relationships.needs_open {
            out.push_str(&constant);
        }
    }
    out.push_str("\n    model {\n");
    out.push_str(&systems.out);
    out.push_str(&relationships.out);
    out.push_str("    }\n\n");
    views(&mut out);
    out.push_str("}\n");
    out
}

#[derive(Default)]
struct Writer {
    out: String,
    /// Whether a text used `${OPEN}`.
    needs_open: bool,
}

impl Writer {
    /// Groups in the zones' order, then the systems in no zone.
    fn systems(&mut self, project: &Project) {
        self.out.reserve(600 * project.systems.len());
        let mut names = HashSet::new();
        for group in super::groups(project) {
            let indent = match group.zone {
                Some(zone) => {
                    self.out.push_str("        group ");
                    self.quoted(super::zone_title(Some(zone)));
                    self.out.push_str(" {\n");
                    "            "
                }
                None => "        ",
            };
            for &i in &group.members {
                self.system(&project.systems[i], indent, &mut names);
            }
            if group.zone.is_some() {
                self.out.push_str("        }\n");
            }
        }
    }

    /// `s7 = softwareSystem "Name" "purpose" "tags" { properties { … } }`. Structurizr
    /// refuses two top-level elements of one name: a repeated name gets ` (s7)`.
    fn system(&mut self, system: &System, indent: &str, names: &mut HashSet<String>) {
        let _ = write!(self.out, "{indent}s{} = softwareSystem \"", system.id);
        let start = self.out.len();
        self.escaped(super::system_title(system));
        if !names.insert(self.out[start..].trim().to_owned()) {
            let _ = write!(self.out, " (s{})", system.id);
        }
        self.out.push_str("\" ");
        self.quoted(&system.purpose);
        self.out.push(' ');
        let mut tags: Vec<Cow<str>> = system
            .tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(Cow::Borrowed)
            .collect();
        let ranked = system.sensitivity.as_ref().filter(|s| s.rank().is_some());
        tags.extend(ranked.map(|s| Cow::Owned(sensitivity_tag(s))));
        self.quoted(&tags.join(","));
        let percent = system
            .availability
            .is_in_range()
            .then_some(system.availability.percent)
            .flatten();
        let properties = [
            ("technology", Cow::Borrowed(system.technology.as_str())),
            ("data format", label(&system.data_format)),
            ("communication", label(&system.communication)),
            (
                "sla",
                percent.map_or(Cow::Borrowed(""), |p| p.to_string().into()),
            ),
            ("sla note", system.availability.note.as_str().into()),
            ("sensitivity", label(&system.sensitivity)),
            ("owner", system.owner_team.as_str().into()),
            ("notes", system.notes.as_str().into()),
            ("pinned", if system.pinned { "yes" } else { "" }.into()),
        ];
        self.properties(indent, &properties);
    }

    /// `s1 -> s2 "data" "technology" "tags"` for every flow whose ends exist; Structurizr
    /// refuses a second relationship with the same ends and description, so a repeated
    /// one gets ` (c9)`.
    fn relationships(&mut self, project: &Project) {
        self.out.reserve(600 * project.connections.len());
        let mut seen = HashSet::new();
        for (c, _, _) in super::drawable(project) {
            let _ = write!(self.out, "        s{} -> s{} \"", c.from, c.to);
            let start = self.out.len();
            self.escaped(&c.data);
            if !seen.insert((c.from, c.to, self.out[start..].trim().to_owned())) {
                let _ = write!(self.out, " (c{})", c.id);
            }
            self.out.push_str("\" ");
            self.quoted(&technology(c));
            self.out.push(' ');
            self.quoted(if is_dashed(c) { ASYNC_TAG } else { "" });
            self.properties("        ", &flow_properties(c));
        }
    }

    /// ` {` with a `properties` block of the fields that are set, or the end of the line.
    fn properties(&mut self, indent: &str, properties: &[(&str, Cow<str>)]) {
        let mut set = properties
            .iter()
            .filter(|(_, v)| !crate::model::is_blank(v))
            .peekable();
        if set.peek().is_none() {
            self.out.push('\n');
            return;
        }
        let _ = writeln!(self.out, " {{\n{indent}    properties {{");
        for (key, value) in set {
            let _ = write!(self.out, "{indent}        \"{key}\" ");
            self.quoted(value);
            self.out.push('\n');
        }
        let _ = writeln!(self.out, "{indent}    }}\n{indent}}}");
    }

    fn quoted(&mut self, text: &str) {
        self.out.push('"');
        self.escaped(text);
        self.out.push('"');
    }

    /// The text as the inside of a quoted DSL string (see the module's comment). Only a
    /// text with a `\` and an `n`, or a `$` and a `{`, needs its letters looked at.
    fn escaped(&mut self, text: &str) {
        let rare = (text.contains('\\') && text.contains('n'))
            || (text.contains('$') && text.contains('{'));
        let marks = if rare { &RARE } else { &COMMON };
        let start = self.out.len();
        let mut open = false;
        write(&mut self.out, text, marks, |out, piece| match piece {
            Piece::Break => out.push_str("\\n"),
            Piece::Char('"') => out.push_str("\\\""),
            Piece::Char('n') if out.ends_with('\\') => out.push_str("\u{2060}n"),
            Piece::Char('{') if out.ends_with('$') => {
                out.pop();
                out.push_str("${OPEN}");
                open = true;
            }
            Piece::Char('\u{fffd}') => {}
            Piece::Char(c) => out.push(c),
        });
        self.needs_open |= open;
        if self.out.len() > start && self.out.ends_with('\\') {
            self.out.push(' ');
        }
    }
}

/// `"` and line breaks are escaped, U+FFFD (its first byte is marked already) dropped;
/// in a rare text `\`, `n`, `$` and `{` are looked at too.
const COMMON: Marks = marks(b"\"");
const RARE: Marks = marks(b"\"\\n${");

fn flow_properties(c: &Connection) -> [(&'static str, Cow<'_, str>); 12] {
    let direction = match c.direction {
        Direction::OneWay => "",
        ref other => other.label(),
    };
    [
        ("protocol", label(&c.protocol)),
        ("style", label(&c.style)),
        ("data format", label(&c.data_format)),
        ("direction", direction.into()),
        ("frequency", c.frequency.as_str().into()),
        ("volume", c.volume.as_str().into()),
        (
            "latency ms",
            c.latency_target_ms
                .map_or(Cow::Borrowed(""), |ms| ms.to_string().into()),
        ),
        ("authentication", label(&c.authentication)),
        ("encrypted", if c.encrypted { "yes" } else { "" }.into()),
        ("resilience", resilience_lines(&c.resilience).into()),
        ("transformation", c.transformation.as_str().into()),
        ("notes", c.notes.as_str().into()),
    ]
}

fn label<T: Labelled>(value: &Option<T>) -> Cow<'_, str> {
    value.as_ref().map_or("", |v| v.label()).into()
}

/// A system landscape of everything, left to right, with a style per tag we write.
fn views(out: &mut String) {
    out.push_str(
        "    views {\n        systemLandscape \"landscape\" {\n            include *\n            \
         autoLayout lr\n        }\n\n        styles {\n",
    );
    for sensitivity in Sensitivity::KNOWN {
        let _ = writeln!(
            out,
            "            element \"{}\" {{\n                stroke {}\n                \
             strokeWidth 4\n            }}",
            sensitivity_tag(sensitivity),
            style::sensitivity(Some(sensitivity)).hex()
        );
    }
    let _ = writeln!(
        out,
        "            relationship \"{ASYNC_TAG}\" {{\n                style dashed\n            }}"
    );
    out.push_str("        }\n    }\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> (String, bool) {
        let mut writer = Writer::default();
        writer.escaped(text);
        (writer.out, writer.needs_open)
    }

    #[test]
    fn strings_are_escaped_as_structurizr_reads_them() {
        assert_eq!(escaped("a \"b\"\nc").0, "a \\\"b\\\"\\nc");
        assert_eq!(escaped("back\\\"slash").0, "back\\\\\"slash");
        assert_eq!(escaped("\\n and \\").0, "\\\u{2060}n and \\ ");
        assert_eq!(
            escaped("${x} $y {z}"),
            ("${OPEN}x} $y {z}".to_owned(), true)
        );
        assert_eq!(escaped("a\u{fffd}b\u{7}").0, "ab");
    }
}
