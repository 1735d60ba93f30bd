//! Arranging from the app: the whole landscape or the selection, in the direction chosen,
//! as one undo step; pinning systems so arranging leaves them where they are.

use std::collections::BTreeSet;

use super::effect::Effect;
use super::{Session, Stamp, capitalised};
use crate::edit::Edit;
use crate::layout::{Arrangement, Direction, Options, arrange};
use crate::model::{System, SystemId};
use crate::words::count;

/// Up to this many systems an arrangement is computed at once; above, off the UI thread,
/// so the window stays responsive: 50 generated systems with 150 connections arrange in
/// about 10 ms, 150 with 450 in about 40 ms (docs/layout.md), longer than a frame.
pub const ARRANGE_NOW_UP_TO: usize = 60;

impl Session {
    /// Arranges the whole landscape (`only` is `None`) or the given systems: at once for
    /// a landscape that arranges within a frame, else off the UI thread (an effect).
    pub(super) fn arrange(&mut self, only: Option<BTreeSet<SystemId>>, effects: &mut Vec<Effect>) {
        if only.as_ref().is_some_and(|only| only.len() < 2) {
            effects.push(Effect::Notice(
                "Select two or more systems to arrange them among themselves".into(),
            ));
            return;
        }
        let options = Options {
            direction: self.flow,
            only,
        };
        let project = self.document.project();
        if project.systems.len() > ARRANGE_NOW_UP_TO {
            let systems = count(project.systems.len(), "system");
            effects.push(Effect::Notice(format!("Arranging {systems}…")));
            effects.push(Effect::ArrangeInBackground {
                project: Box::new(project.clone()),
                options,
                stamp: self.stamp(),
            });
            return;
        }
        let arrangement = arrange(project, &options);
        self.apply_arrangement(arrangement, options.only, effects);
    }

    /// Applies an arrangement computed off the UI thread, unless the project changed (or
    /// another one was opened) since it was asked for.
    pub(super) fn arranged(
        &mut self,
        arrangement: Arrangement,
        only: Option<BTreeSet<SystemId>>,
        stamp: Stamp,
        effects: &mut Vec<Effect>,
    ) {
        if stamp != self.stamp() {
            effects.push(Effect::Notice(
                "The landscape changed while it was being arranged; arrange it again".into(),
            ));
            return;
        }
        self.apply_arrangement(arrangement, only, effects);
    }

    fn apply_arrangement(
        &mut self,
        arrangement: Arrangement,
        only: Option<BTreeSet<SystemId>>,
        effects: &mut Vec<Effect>,
    ) {
        let project = self.document.project();
        let pinned = project
            .systems
            .iter()
            .filter(|s| s.pinned && only.as_ref().is_none_or(|only| only.contains(&s.id)))
            .count();
        let Some(edit) = arrangement.edit(project) else {
            effects.push(Effect::Notice("Already arranged: nothing moved".into()));
            return;
        };
        let label = if only.is_some() {
            "Arrange Selection"
        } else {
            "Auto-arrange"
        };
        if let Err(error) = self.document.apply(edit, label, None) {
            effects.push(Effect::Notice(capitalised(&error.to_string())));
            return;
        }
        let mut message = format!("Arranged {}", count(arrangement.positions.len(), "system"));
        if pinned > 0 {
            message.push_str(&format!(
                "; {} stayed where they were",
                count(pinned, "pinned system")
            ));
        }
        effects.push(Effect::Notice(message + " (Ctrl+Z undoes)"));
        match only {
            Some(only) => effects.push(Effect::Frame(only.into_iter().collect())),
            None => effects.push(Effect::FitView),
        }
    }

    /// Sets the direction data flows in, and arranges the landscape that way.
    pub(super) fn flow_and_arrange(&mut self, direction: Direction, effects: &mut Vec<Effect>) {
        self.flow = direction;
        effects.push(Effect::FlowChanged(direction));
        self.arrange(None, effects);
    }

    /// Pins or unpins the selected systems, as one undo step.
    pub(super) fn pin_selection(&mut self, pinned: bool, effects: &mut Vec<Effect>) {
        let project = self.document.project();
        let edits: Vec<Edit> = self
            .selection
            .systems
            .iter()
            .filter_map(|&id| project.system(id))
            .filter(|s| s.pinned != pinned)
            .map(|s| {
                Edit::SetSystem(Box::new(System {
                    pinned,
                    ..s.clone()
                }))
            })
            .collect();
        if edits.is_empty() {
            let what = if pinned { "pin" } else { "unpin" };
            effects.push(Effect::Notice(format!("Select the systems to {what}")));
            return;
        }
        let systems = count(edits.len(), "system");
        let (label, verb) = if pinned {
            ("Pin", "Pinned")
        } else {
            ("Unpin", "Unpinned")
        };
        match self.document.apply(Edit::all(edits), label, None) {
            Ok(()) => effects.push(Effect::Notice(format!("{verb} {systems}"))),
            Err(error) => effects.push(Effect::Notice(capitalised(&error.to_string()))),
        }
    }
}
