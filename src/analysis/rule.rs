//! What every rule shares: its id, severity, why it matters and the pattern that fixes it,
//! and how a finding of it is put together (its key above all).

use super::landscape::{Landscape, Link};
use super::report::{Finding, Severity};
use crate::model::{ConnectionId, SystemId};

/// One rule's fixed facts; docs/rules.md describes each.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub why: &'static str,
    pub pattern: &'static str,
}

/// What a finding is about: the ids listed on the finding, and the ids its key is made of.
/// The key names only the subject (a connection rule's connection, a system rule's system),
/// so an acknowledgement survives unrelated edits nearby.
pub(crate) struct Concerns {
    pub systems: Vec<SystemId>,
    pub connections: Vec<ConnectionId>,
    pub subject: Vec<u64>,
}

impl Concerns {
    /// A connection and its two ends: the key is the connection.
    pub fn link(landscape: &Landscape, link: &Link) -> Self {
        let (from, to) = (landscape.id(link.from), landscape.id(link.to));
        let id = link.connection.id;
        Concerns {
            systems: if from == to {
                vec![from]
            } else {
                vec![from, to]
            },
            connections: vec![id],
            subject: vec![id.0],
        }
    }

    /// Systems (and maybe the connections between them): the key is the systems.
    pub fn systems(systems: Vec<SystemId>, connections: Vec<ConnectionId>) -> Self {
        let subject = systems.iter().map(|s| s.0).collect();
        Concerns {
            systems,
            connections,
            subject,
        }
    }

    /// One system and others it relates to (listed after it): the key is the one system.
    pub fn about(
        system: SystemId,
        mut others: Vec<SystemId>,
        connections: Vec<ConnectionId>,
    ) -> Self {
        others.retain(|&s| s != system);
        others.insert(0, system);
        Concerns {
            systems: others,
            connections,
            subject: vec![system.0],
        }
    }

    /// The whole project: the key has no ids.
    pub fn project() -> Self {
        Concerns {
            systems: Vec::new(),
            connections: Vec::new(),
            subject: Vec::new(),
        }
    }
}

impl Rule {
    pub(crate) fn finding(&'static self, message: String, concerns: Concerns) -> Finding {
        Finding {
            rule: self.id,
            severity: self.severity,
            message,
            why: self.why.to_owned(),
            pattern: self.pattern.to_owned(),
            key: key(self.id, concerns.subject),
            systems: concerns.systems,
            connections: concerns.connections,
        }
    }
}

/// `rule:3,5,9`: the rule id and the sorted, distinct subject ids.
pub fn key(rule: &str, mut ids: Vec<u64>) -> String {
    use std::fmt::Write;
    ids.sort_unstable();
    ids.dedup();
    let mut key = format!("{rule}:");
    for (k, id) in ids.iter().enumerate() {
        let comma = if k == 0 { "" } else { "," };
        let _ = write!(key, "{comma}{id}");
    }
    key
}

/// "A", "A and B", "A, B and C", or "A, B, C and 4 more" past `limit` names.
pub(crate) fn name_list<S: AsRef<str>>(names: &[S], limit: usize) -> String {
    first_names_of(names, names.len(), limit)
}

/// [`name_list`] for names made one by one: only the first `limit` of the `total` are
/// taken, so a long list costs no more than a short one.
pub(crate) fn first_names_of<S: AsRef<str>>(
    names: impl IntoIterator<Item = S>,
    total: usize,
    limit: usize,
) -> String {
    let shown: Vec<S> = names.into_iter().take(limit.max(1)).collect();
    let rest = total.saturating_sub(shown.len());
    let join = |names: &[S]| {
        let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
        names.join(", ")
    };
    match (shown.as_slice(), rest) {
        ([], _) => String::new(),
        ([one], 0) => one.as_ref().to_owned(),
        ([first @ .., last], 0) => format!("{} and {}", join(first), last.as_ref()),
        (all, rest) => format!("{} and {rest} more", join(all)),
    }
}

/// A percentage with as many decimals as it takes to tell it from `other` (2 to 6).
pub(crate) fn percent_apart(value: f64, other: f64) -> String {
    for decimals in 2..6 {
        let text = format!("{value:.decimals$}");
        if text != format!("{other:.decimals$}") {
            return format!("{text}%");
        }
    }
    format!("{value:.6}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_and_deduplicate_their_ids() {
        assert_eq!(key("sync-chain", vec![9, 3, 5, 3]), "sync-chain:3,5,9");
        assert_eq!(
            key("compliance-without-classification", vec![]),
            "compliance-without-classification:"
        );
    }

    #[test]
    fn name_lists_read_as_english() {
        let names: Vec<String> = ["A", "B", "C", "D"].map(String::from).to_vec();
        assert_eq!(name_list(&names[..1], 3), "A");
        assert_eq!(name_list(&names[..2], 3), "A and B");
        assert_eq!(name_list(&names[..3], 3), "A, B and C");
        assert_eq!(name_list(&names, 2), "A, B and 2 more");
    }

    #[test]
    fn percentages_show_the_decimals_that_differ() {
        assert_eq!(percent_apart(99.8201, 99.95), "99.82%");
        assert_eq!(percent_apart(99.9481, 99.95), "99.948%");
    }
}
