//! Shorter forms of the prompt's parts, for a prompt over its token budget: systems in
//! brief (one line each) and data flows summarised per pair of zones. Nothing is dropped
//! without a line that says it is there. `budget.rs` decides which items take them.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::context::one_line;
use crate::model::{Connection, ConnectionId, Project, System, SystemId, ZoneId};

/// How a rendering is shortened. The default shortens nothing: the full prompt.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Condensing {
    /// Systems given one line in a "Systems in brief" list instead of a block.
    pub brief_systems: HashSet<SystemId>,
    /// Data flows counted per pair of zones instead of listed one by one.
    pub summarised_flows: HashSet<ConnectionId>,
    /// The most findings the risks section lists (the rest are counted), if fewer than usual.
    pub risks_at_most: Option<usize>,
}

impl Condensing {
    pub fn is_none(&self) -> bool {
        *self == Condensing::default()
    }
}

/// Purposes and technologies longer than these are cut to them in a brief line.
const BRIEF_PURPOSE_CHARS: usize = 100;
const BRIEF_TECHNOLOGY_CHARS: usize = 50;

/// A pair of zones with at most this many summarised flows names them.
const NAMED_FLOWS_PER_PAIR: usize = 3;

/// The "Systems in brief" list that follows the system blocks, or nothing.
pub(crate) fn brief_systems_text(project: &Project, condensing: &Condensing) -> String {
    let brief: Vec<&System> = project
        .systems
        .iter()
        .filter(|s| condensing.brief_systems.contains(&s.id))
        .collect();
    if brief.is_empty() {
        return String::new();
    }
    let zones = zone_names(project);
    let mut text = format!(
        "\n**Systems in brief** ({} shortened to one line each to fit the token budget; \
         ask for any of them in full):\n",
        crate::words::count(brief.len(), "system")
    );
    for system in brief {
        let mut details: Vec<String> = Vec::new();
        if let Some(zone) = system.zone.and_then(|z| zones.get(&z)) {
            details.push(format!("zone {zone}"));
        }
        if !system.technology.trim().is_empty() {
            details.push(shortened(
                &one_line(&system.technology),
                BRIEF_TECHNOLOGY_CHARS,
            ));
        }
        let mut line = format!("- **{}**", one_line(&system.name));
        if !details.is_empty() {
            line.push_str(&format!(" ({})", details.join("; ")));
        }
        let purpose = shortened(&one_line(&system.purpose), BRIEF_PURPOSE_CHARS);
        if !purpose.is_empty() {
            line.push_str(&format!(": {purpose}"));
        }
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// The summary lines that follow the listed data flows of `project`, or nothing: one per
/// pair of zones, in the order the pairs first occur, with the protocols used. Names and
/// zones come from `whole`: a flow crossing a prompt's scope has one end outside it.
pub(crate) fn flow_summary_text(
    project: &Project,
    whole: &Project,
    condensing: &Condensing,
) -> String {
    let summarised: Vec<&Connection> = project
        .connections
        .iter()
        .filter(|c| condensing.summarised_flows.contains(&c.id))
        .collect();
    if summarised.is_empty() {
        return String::new();
    }
    let zones = zone_names(whole);
    let zone_of: HashMap<SystemId, Option<ZoneId>> =
        whole.systems.iter().map(|s| (s.id, s.zone)).collect();
    let zone_name = |system: SystemId| -> String {
        zone_of
            .get(&system)
            .copied()
            .flatten()
            .and_then(|z| zones.get(&z).cloned())
            .unwrap_or_else(|| "no zone".to_owned())
    };
    let mut pairs: Vec<((String, String), PairSummary)> = Vec::new();
    for connection in summarised {
        let key = (zone_name(connection.from), zone_name(connection.to));
        let at = match pairs.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                pairs.push((key, PairSummary::default()));
                pairs.len() - 1
            }
        };
        pairs[at].1.add(whole, connection);
    }
    let mut text = format!(
        "\n**Data flows in summary** ({} counted per pair of zones to fit the token budget; \
         ask for any of them in full):\n",
        crate::words::count(pairs.iter().map(|(_, p)| p.flows).sum(), "data flow")
    );
    for ((from, to), pair) in pairs {
        text.push_str(&format!(
            "- **{}**: {}{}{}\n",
            crate::words::flow_name(&from, &to),
            crate::words::count(pair.flows, "data flow"),
            pair.protocols(),
            pair.named()
        ));
    }
    text
}

#[derive(Default)]
struct PairSummary {
    flows: usize,
    by_protocol: BTreeMap<String, usize>,
    /// The flows' names while there are few enough to name.
    names: Vec<String>,
}

impl PairSummary {
    fn add(&mut self, project: &Project, connection: &Connection) {
        self.flows += 1;
        if self.flows <= NAMED_FLOWS_PER_PAIR {
            self.names
                .push(one_line(&project.connection_name(connection)));
        }
        let protocol = connection
            .protocol
            .as_ref()
            .map_or("protocol not set".to_owned(), |p| one_line(p.label()));
        *self.by_protocol.entry(protocol).or_default() += 1;
    }

    /// " (REST 8, Event stream 4)", most used first.
    fn protocols(&self) -> String {
        let mut used: Vec<(&String, &usize)> = self.by_protocol.iter().collect();
        used.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let listed: Vec<String> = used.iter().map(|(p, n)| format!("{p} {n}")).collect();
        format!(" ({})", listed.join(", "))
    }

    /// ": A → B; C → D" when the pair has few flows, else nothing.
    fn named(&self) -> String {
        if self.flows > NAMED_FLOWS_PER_PAIR {
            return String::new();
        }
        format!(": {}", self.names.join("; "))
    }
}

fn zone_names(project: &Project) -> HashMap<ZoneId, String> {
    project
        .zones
        .iter()
        .map(|z| (z.id, one_line(&z.name)))
        .collect()
}

/// `text` cut to at most `chars` characters: at its first sentence's end if that fits, else
/// at a word boundary, with "…" to say something was cut.
pub(crate) fn shortened(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let limit = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| at);
    let head = &text[..limit];
    if let Some(end) = head.find(". ") {
        return head[..=end].to_owned();
    }
    let cut = head.rfind(char::is_whitespace).unwrap_or(limit);
    format!("{}…", head[..cut].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::landscape;

    #[test]
    fn short_text_is_kept_and_long_text_cut_at_a_sentence_or_word() {
        assert_eq!(shortened("Short.", 10), "Short.");
        assert_eq!(
            shortened("First sentence. Second one is long.", 20),
            "First sentence."
        );
        assert_eq!(shortened("one two three four", 10), "one two…");
        assert_eq!(shortened("naïveté überall ünd mehr", 8), "naïveté…");
    }

    #[test]
    fn nothing_condensed_writes_nothing() {
        let project = landscape(5, 8, 2);
        let none = Condensing::default();
        assert!(none.is_none());
        assert_eq!(brief_systems_text(&project, &none), "");
        assert_eq!(flow_summary_text(&project, &project, &none), "");
    }

    #[test]
    fn brief_systems_get_one_line_each_and_a_count() {
        let mut project = landscape(4, 3, 2);
        project.systems[1].purpose = "x ".repeat(200);
        let condensing = Condensing {
            brief_systems: project.systems.iter().take(2).map(|s| s.id).collect(),
            ..Condensing::default()
        };
        let text = brief_systems_text(&project, &condensing);
        assert!(text.contains("(2 systems shortened"), "{text}");
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("- **")).collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].starts_with(&format!("- **{}**", project.systems[0].name)));
        assert!(
            lines[1].ends_with('…') && lines[1].len() < 200,
            "{}",
            lines[1]
        );
    }

    #[test]
    fn summarised_flows_are_counted_per_pair_of_zones_with_their_protocols() {
        let project = landscape(30, 60, 3);
        let condensing = Condensing {
            summarised_flows: project.connections.iter().map(|c| c.id).collect(),
            ..Condensing::default()
        };
        let text = flow_summary_text(&project, &project, &condensing);
        assert!(text.contains("(60 data flows counted per pair"), "{text}");
        let counted: usize = text
            .lines()
            .filter(|l| l.starts_with("- **"))
            .map(|l| {
                let after = l.split("**: ").nth(1).unwrap();
                after.split(' ').next().unwrap().parse::<usize>().unwrap()
            })
            .sum();
        assert_eq!(counted, 60, "every summarised flow is counted once: {text}");
        assert!(text.contains(" → "));
    }
}
