//! What the team has acknowledged, in the two shapes readiness asks about: whole findings
//! (by key), and the items a single-subject rule's acknowledgement covers.

use std::collections::{HashMap, HashSet};

use crate::model::AnalysisSettings;

/// Acknowledgements indexed by finding key and by rule and subject id.
pub(super) struct Acknowledged<'p> {
    keys: HashSet<&'p str>,
    subjects: HashMap<&'p str, HashSet<u64>>,
}

impl<'p> Acknowledged<'p> {
    pub fn new(settings: &'p AnalysisSettings) -> Self {
        let mut keys = HashSet::new();
        let mut subjects: HashMap<&str, HashSet<u64>> = HashMap::new();
        for ack in &settings.acknowledgements {
            keys.insert(ack.finding.as_str());
            // A key is `rule:id,id,…` (see `Finding::key`); ids are unique across systems,
            // connections and zones, so an id alone names its item.
            if let Some((rule, ids)) = ack.finding.split_once(':') {
                let ids = ids
                    .split(',')
                    .filter_map(|id| id.trim().parse::<u64>().ok());
                subjects.entry(rule).or_default().extend(ids);
            }
        }
        Acknowledged { keys, subjects }
    }

    pub fn finding(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    /// Whether a finding of `rule` about item `id` is acknowledged, e.g. `orphan-system`
    /// about a system the team knows stands alone.
    pub fn subject(&self, rule: &str, id: u64) -> bool {
        self.subjects.get(rule).is_some_and(|ids| ids.contains(&id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Acknowledgement;

    #[test]
    fn keys_and_their_subject_ids_are_both_found() {
        let mut settings = AnalysisSettings::default();
        for key in ["orphan-system:4", "sync-chain:3,5,9", "odd key"] {
            settings.acknowledgements.push(Acknowledgement {
                finding: key.into(),
                reason: "known".into(),
            });
        }
        let acknowledged = Acknowledged::new(&settings);
        assert!(acknowledged.finding("sync-chain:3,5,9"));
        assert!(!acknowledged.finding("sync-chain:3,5"));
        assert!(acknowledged.subject("orphan-system", 4));
        assert!(!acknowledged.subject("orphan-system", 5));
        assert!(!acknowledged.subject("odd key", 4));
    }
}
