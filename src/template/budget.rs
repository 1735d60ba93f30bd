//! Fitting the prompt into a token budget: it is condensed step by step, in an order that
//! keeps what matters most for the analysis (the risks, and the systems and flows they are
//! about) longest, until it fits. docs/prompt.md#budget describes the steps.

use std::borrow::Cow;
use std::collections::HashSet;

use super::condense::{Condensing, shortened};
use super::render::{Prompt, PromptTemplate, RenderError};
use crate::analysis::Report;
use crate::model::{ConnectionId, Project, SystemId, Tokenizer};
use crate::tokens::count_tokens;
use crate::words::thousands;

/// One way of making the prompt shorter, in the order they are tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Notes on systems, flows and zones are left out.
    Notes,
    /// Purposes, flow descriptions and transformations over [`LONG_TEXT_CHARS`] are cut.
    LongTexts,
    /// Flows between systems no finding is about are counted per pair of zones.
    QuietFlows,
    /// Systems no finding is about get one line each.
    QuietSystems,
    /// Only the [`FEWER_RISKS`] most severe findings are listed; the rest are counted.
    FewerRisks,
    /// Every flow is counted per pair of zones.
    AllFlows,
    /// Every system gets one line.
    AllSystems,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Notes,
        Step::LongTexts,
        Step::QuietFlows,
        Step::QuietSystems,
        Step::FewerRisks,
        Step::AllFlows,
        Step::AllSystems,
    ];

    /// What was done, for `items` items: "left out 14 notes".
    pub fn describe(self, items: usize) -> String {
        use crate::words::count;
        match self {
            Step::Notes => format!("left out {}", count(items, "note")),
            Step::LongTexts => format!("shortened {}", count(items, "long text")),
            Step::QuietFlows => format!(
                "summarised {} between systems without findings",
                count(items, "data flow")
            ),
            Step::QuietSystems => format!(
                "gave {} without findings one line each",
                count(items, "system")
            ),
            Step::FewerRisks => format!("listed {FEWER_RISKS} of {} only", count(items, "risk")),
            Step::AllFlows => format!("summarised the remaining {}", count(items, "data flow")),
            Step::AllSystems => format!(
                "gave the remaining {} one line each",
                count(items, "system")
            ),
        }
    }
}

/// Free texts longer than this are cut by [`Step::LongTexts`].
pub const LONG_TEXT_CHARS: usize = 160;

/// How many findings [`Step::FewerRisks`] keeps listed.
pub const FEWER_RISKS: usize = 10;

/// A step that was taken, and what it saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condensed {
    pub step: Step,
    /// How many notes, texts, flows, systems or findings it changed.
    pub items: usize,
    /// Tokens before minus tokens after (a summary line can cost more than it saves).
    pub tokens_saved: i64,
}

impl Condensed {
    /// "left out 14 notes (−1,203 tokens)".
    pub fn describe(&self) -> String {
        let saved = if self.tokens_saved >= 0 {
            format!("−{}", thousands(self.tokens_saved.unsigned_abs() as usize))
        } else {
            format!("+{}", thousands(self.tokens_saved.unsigned_abs() as usize))
        };
        format!("{} ({saved} tokens)", self.step.describe(self.items))
    }
}

/// The prompt as it goes out under a budget.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    pub prompt: Prompt,
    pub tokens: usize,
    /// The tokens of the full prompt, before any step.
    pub full_tokens: usize,
    pub budget: u32,
    pub steps: Vec<Condensed>,
}

impl Fitted {
    pub fn fits(&self) -> bool {
        self.tokens <= self.budget as usize
    }

    pub fn over_by(&self) -> usize {
        self.tokens.saturating_sub(self.budget as usize)
    }

    /// What was condensed and by how much, or none when the full prompt fits:
    /// "9,324 tokens, over the budget of 8,000; condensed to 7,950: left out 14 notes (…); …".
    pub fn summary(&self) -> Option<String> {
        if self.steps.is_empty() && self.fits() {
            return None;
        }
        let steps: Vec<String> = self.steps.iter().map(Condensed::describe).collect();
        let done = if steps.is_empty() {
            "nothing could be condensed".to_owned()
        } else {
            format!(
                "condensed to {}: {}",
                thousands(self.tokens),
                steps.join("; ")
            )
        };
        Some(format!(
            "The full prompt is {} tokens, over the budget of {}; {done}.",
            thousands(self.full_tokens),
            thousands(self.budget as usize),
        ))
    }

    /// When even the tightest form is over: by how much, and a scope to try.
    pub fn advice(&self, project: &Project) -> Option<String> {
        if self.fits() {
            return None;
        }
        let mut advice = format!(
            "Even condensed as far as it goes, the prompt is {} tokens, {} over the budget. \
             Narrow its scope to what you are asking about",
            thousands(self.tokens),
            thousands(self.over_by())
        );
        let largest = largest_zones(project, 3);
        if largest.is_empty() {
            advice.push_str(": some systems and their neighbours.");
        } else {
            advice.push_str(&format!(", for example one zone: {}.", largest.join(", ")));
        }
        Some(advice)
    }
}

/// "“Core banking” (40 systems)", for the `at_most` zones with the most systems.
fn largest_zones(project: &Project, at_most: usize) -> Vec<String> {
    let mut sizes: Vec<(usize, &str)> = project
        .zones
        .iter()
        .map(|z| {
            let members = project
                .systems
                .iter()
                .filter(|s| s.zone == Some(z.id))
                .count();
            (members, z.name.as_str())
        })
        .filter(|(members, _)| *members > 0)
        .collect();
    sizes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    sizes
        .into_iter()
        .take(at_most)
        .map(|(members, name)| format!("“{name}” ({})", crate::words::count(members, "system")))
        .collect()
}

/// Renders `project` and condenses it until it fits `budget` tokens of `tokenizer`, or
/// every step is taken. Steps that find nothing to change are skipped.
pub fn fit_to_budget(
    template: &PromptTemplate,
    project: &Project,
    report: &Report,
    budget: u32,
    tokenizer: Tokenizer,
) -> Result<Fitted, RenderError> {
    let mut prompt = template.render(project, report)?;
    let full_tokens = count_tokens(&prompt.text, tokenizer);
    let mut tokens = full_tokens;
    let mut state = State {
        project: Cow::Borrowed(project),
        condensing: Condensing::default(),
        risky: Risky::of(report),
        risks: report
            .findings
            .iter()
            .filter(|f| !f.is_about_the_drawing())
            .count(),
    };
    let mut steps = Vec::new();
    for step in Step::ALL {
        if tokens <= budget as usize {
            break;
        }
        let items = state.take(step);
        if items == 0 {
            continue;
        }
        prompt = template.render_condensed(&state.project, report, &state.condensing)?;
        let now = count_tokens(&prompt.text, tokenizer);
        steps.push(Condensed {
            step,
            items,
            tokens_saved: tokens as i64 - now as i64,
        });
        tokens = now;
    }
    Ok(Fitted {
        prompt,
        tokens,
        full_tokens,
        budget,
        steps,
    })
}

/// What the findings are about: those systems and flows keep their full form longest.
struct Risky {
    systems: HashSet<SystemId>,
    connections: HashSet<ConnectionId>,
}

impl Risky {
    fn of(report: &Report) -> Self {
        let active = report.findings.iter().filter(|f| !f.is_about_the_drawing());
        let mut risky = Risky {
            systems: HashSet::new(),
            connections: HashSet::new(),
        };
        for finding in active {
            risky.systems.extend(&finding.systems);
            risky.connections.extend(&finding.connections);
        }
        risky
    }
}

struct State<'a> {
    project: Cow<'a, Project>,
    condensing: Condensing,
    risky: Risky,
    risks: usize,
}

impl State<'_> {
    /// Takes `step`; says how many items it changed.
    fn take(&mut self, step: Step) -> usize {
        match step {
            Step::Notes => drop_notes(self.project.to_mut()),
            Step::LongTexts => shorten_long_texts(self.project.to_mut()),
            Step::QuietFlows | Step::AllFlows => {
                let quiet_only = step == Step::QuietFlows;
                let risky = &self.risky;
                let chosen: Vec<ConnectionId> = self
                    .project
                    .connections
                    .iter()
                    .filter(|c| !self.condensing.summarised_flows.contains(&c.id))
                    .filter(|c| {
                        !quiet_only
                            || !(risky.connections.contains(&c.id)
                                || risky.systems.contains(&c.from)
                                || risky.systems.contains(&c.to))
                    })
                    .map(|c| c.id)
                    .collect();
                self.condensing.summarised_flows.extend(&chosen);
                chosen.len()
            }
            Step::QuietSystems | Step::AllSystems => {
                let quiet_only = step == Step::QuietSystems;
                let chosen: Vec<SystemId> = self
                    .project
                    .systems
                    .iter()
                    .filter(|s| !self.condensing.brief_systems.contains(&s.id))
                    .filter(|s| !quiet_only || !self.risky.systems.contains(&s.id))
                    .map(|s| s.id)
                    .collect();
                self.condensing.brief_systems.extend(&chosen);
                chosen.len()
            }
            Step::FewerRisks if self.risks > FEWER_RISKS => {
                self.condensing.risks_at_most = Some(FEWER_RISKS);
                self.risks
            }
            Step::FewerRisks => 0,
        }
    }
}

fn drop_notes(project: &mut Project) -> usize {
    let mut dropped = 0;
    let mut clear = |notes: &mut String| {
        if !notes.trim().is_empty() {
            notes.clear();
            dropped += 1;
        }
    };
    project.systems.iter_mut().for_each(|s| clear(&mut s.notes));
    project
        .connections
        .iter_mut()
        .for_each(|c| clear(&mut c.notes));
    project.zones.iter_mut().for_each(|z| clear(&mut z.notes));
    dropped
}

fn shorten_long_texts(project: &mut Project) -> usize {
    let mut shortened_texts = 0;
    let mut shorten = |text: &mut String| {
        if text.chars().count() > LONG_TEXT_CHARS {
            *text = shortened(text.trim(), LONG_TEXT_CHARS);
            shortened_texts += 1;
        }
    };
    for system in &mut project.systems {
        shorten(&mut system.purpose);
    }
    for connection in &mut project.connections {
        shorten(&mut connection.data);
        shorten(&mut connection.transformation);
    }
    shortened_texts
}

/// A budget as people write it: "8k", "128k", "1M", "200000" or "32,000". k is a thousand.
pub fn parse_budget(text: &str) -> Result<u32, String> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    let (digits, factor) = match cleaned.chars().last() {
        Some('k' | 'K') => (&cleaned[..cleaned.len() - 1], 1_000),
        Some('m' | 'M') => (&cleaned[..cleaned.len() - 1], 1_000_000),
        _ => (cleaned.as_str(), 1),
    };
    let invalid =
        || format!("“{text}” is not a token budget; write a number such as 128k, 1M or 50000");
    let number: u64 = digits.parse().map_err(|_| invalid())?;
    let budget = number.checked_mul(factor).ok_or_else(invalid)?;
    match u32::try_from(budget) {
        Ok(0) | Err(_) => Err(invalid()),
        Ok(budget) => Ok(budget),
    }
}

/// The budgets offered in the app, by their usual names.
pub const BUDGET_CHOICES: [(&str, u32); 5] = [
    ("8k", 8_000),
    ("32k", 32_000),
    ("128k", 128_000),
    ("200k", 200_000),
    ("1M", 1_000_000),
];

#[cfg(test)]
mod tests;
