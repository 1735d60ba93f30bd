//! Mermaid's `architecture-beta` diagram, the option beside the flowchart: zones as
//! groups, systems as services with one of Mermaid's built-in icons, flows as edges between
//! the sides that face each other on the canvas. Mermaid draws an edge's label along it,
//! over the services and other labels it passes in its rows, so this overview leaves
//! labels to the flowchart.
//! Mermaid 11 reads a title in `["…"]` up to the first `"` not after a backslash and
//! turns only `\"` back into a quote, so a quote or backslash of the user's is written
//! as a look-alike (” and ⧵), a line break as a space and `%%` as `% %`; everything else
//! stays as typed.

use crate::model::{Communication, Direction, Project, System, Zone, ZoneKind};

use super::super::text::{Marks, Piece, marks, shorten, write};
use super::{Limits, Size, TooBig, utf16_len};

const TITLE_MARKS: Marks = marks(b"\"\\");

/// The landscape as one `architecture-beta` diagram. It has no split: a landscape over
/// Mermaid's text limit is refused with the numbers (the flowchart splits instead).
/// Mermaid cannot draw a flow from a service back to itself there, so self-loops are
/// left out, as are flows to systems the project does not have.
pub fn to_architecture(project: &Project) -> Result<String, TooBig> {
    let mut out = String::from("architecture-beta\n");
    let groups = super::super::groups(project);
    for group in &groups {
        if let Some(zone) = group.zone {
            out.push_str(&format!("  group z{}({})", zone.id, zone_icon(zone)));
            title(&mut out, super::super::zone_title(Some(zone)), 80);
            out.push('\n');
        }
        for &i in &group.members {
            let system = &project.systems[i];
            out.push_str(&format!("  service s{}({})", system.id, icon(system)));
            title(&mut out, super::super::system_title(system), 80);
            if let Some(zone) = group.zone {
                out.push_str(&format!(" in z{}", zone.id));
            }
            out.push('\n');
        }
    }
    let mut edges = 0;
    for (connection, from, to) in super::super::drawable(project) {
        if from == to {
            continue;
        }
        edges += 1;
        let (from, to) = (&project.systems[from], &project.systems[to]);
        let tail = if connection.direction == Direction::BothWays {
            "<"
        } else {
            ""
        };
        let (out_side, in_side) = sides(from, to);
        out.push_str(&format!(
            "  s{}:{out_side} {tail}--> {in_side}:s{}\n",
            from.id, to.id
        ));
    }
    let limits = Limits::default();
    let chars = utf16_len(&out);
    if chars > limits.max_text {
        return Err(TooBig {
            size: Size { edges, chars },
            limits,
        });
    }
    Ok(out)
}

/// The sides an edge leaves and enters by, from where the boxes stand on the canvas:
/// Mermaid lines up the services an edge joins along its sides, so sides that agree with
/// our layout keep its picture close to the canvas (all edges right to left would put
/// every service in one row).
fn sides(from: &System, to: &System) -> (char, char) {
    let (a, b) = (from.rect().center(), to.rect().center());
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 { ('R', 'L') } else { ('L', 'R') }
    } else if dy >= 0.0 {
        ('B', 'T')
    } else {
        ('T', 'B')
    }
}

/// `["text"]`, shortened to `max` characters. Mermaid reads `%%{` anywhere as the start
/// of a directive, before the diagram is parsed, so `%%` is written `% %`.
fn title(out: &mut String, text: &str, max: usize) {
    let mut text = shorten(text, max).into_owned();
    while text.contains("%%") {
        text = text.replace("%%", "% %");
    }
    out.push_str("[\"");
    write(out, &text, &TITLE_MARKS, |out, piece| match piece {
        Piece::Char('"') => out.push('”'),
        Piece::Char('\\') => out.push('⧵'),
        Piece::Char(c) => out.push(c),
        Piece::Break => out.push(' '),
    });
    out.push_str("\"]");
}

/// Mermaid's built-in icons are `cloud`, `database`, `disk`, `internet` and `server`.
fn icon(system: &System) -> &'static str {
    match system.communication {
        Some(Communication::Database) => "database",
        Some(Communication::FileTransfer) => "disk",
        _ => "server",
    }
}

fn zone_icon(zone: &Zone) -> &'static str {
    match zone.kind {
        Some(ZoneKind::Cloud | ZoneKind::Saas) => "cloud",
        Some(ZoneKind::Partner | ZoneKind::Dmz) => "internet",
        _ => "server",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Connection, ConnectionId, SystemId};

    #[test]
    fn zones_are_groups_and_flows_join_the_sides_that_face_each_other() {
        let project = crate::examples::find("ecommerce")
            .unwrap()
            .project()
            .unwrap();
        let text = to_architecture(&project).unwrap();
        assert!(text.starts_with("architecture-beta\n  group z1(cloud)"));
        assert!(text.contains("service s8(server)[\"Order service\"] in z1"));
        assert!(text.contains("  s7:R <--> L:s8\n"), "{text}");
        let edges = text.lines().filter(|l| l.contains("-> ")).count();
        assert_eq!(edges, project.connections.len());
        // The order service (s8) stands above the event broker (s10) on the canvas.
        assert!(text.contains("  s8:B --> T:s10\n"), "{text}");
    }

    #[test]
    fn quotes_and_backslashes_cannot_end_a_title_and_self_loops_are_left_out() {
        let mut project = Project::new("x");
        let mut a = System::new(SystemId(1), "say \"hi\\\" \\\nthere %%{init}%%");
        a.communication = Some(Communication::Database);
        project.systems.push(a);
        project.systems.push(System::new(SystemId(2), "b"));
        project
            .connections
            .push(Connection::new(ConnectionId(1), SystemId(1), SystemId(1)));
        project
            .connections
            .push(Connection::new(ConnectionId(2), SystemId(1), SystemId(2)));
        let text = to_architecture(&project).unwrap();
        assert!(text.contains("service s1(database)[\"say ”hi⧵” ⧵ there % %{init}% %\"]\n"));
        assert!(!text.contains("L:s1"));
        assert!(text.contains("  s1:R --> L:s2\n"));
    }
}
