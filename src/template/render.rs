//! Rendering the prompt with minijinja: data in as values, never as template source.
//!
//! The built-in CM-010 template is three files under `assets/templates/cm-010/`: the frame
//! (`prompt.md.j2`), one system's block (`system.md.j2`) and one data flow's entry
//! (`flow.md.j2`); the Integration Pattern Module has its own frame and shares the blocks
//! (`builtin.rs`). Blocks are rendered in chunks, on both cores for large landscapes, and
//! joined in order, so the text is the same however the work was split.

use std::sync::OnceLock;

use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

use super::condense::{Condensing, brief_systems_text, flow_summary_text};
use super::context::{Missing, Names, flows_context, frame_context, systems_context};
use super::risks::risks_context;
use super::scope::Scoped;
use crate::analysis::Report;
use crate::model::{Connection, ItemRef, Project, System};
use crate::parallel;

const FRAME: &str = "prompt.md.j2";
const SYSTEM_BLOCK: &str = "system.md.j2";
const FLOW_BLOCK: &str = "flow.md.j2";
const BUILTIN_FRAME: &str = include_str!("../../assets/templates/cm-010/prompt.md.j2");
pub(super) const BUILTIN_SYSTEM_BLOCK: &str =
    include_str!("../../assets/templates/cm-010/system.md.j2");
pub(super) const BUILTIN_FLOW_BLOCK: &str =
    include_str!("../../assets/templates/cm-010/flow.md.j2");

/// Instruction budget for one template run. The built-in templates spend roughly a hundred
/// per data flow, so this covers any real landscape while still stopping a template that
/// loops forever within about a second.
const FUEL: u64 = 50_000_000;

/// Below this many systems plus connections, a second thread costs more than it saves.
const PARALLEL_FROM_ITEMS: usize = 400;

/// What a system costs the worker that renders the frame and the system blocks, in flows:
/// about 0.85 for its block and 0.1 for its name in the frame's zone list (measured on
/// synthetic landscapes of 1,000 and 10,000 systems; the rest of the frame is small).
const SYSTEM_COST: f64 = 0.95;

/// Which blocks the frame gets. A block template that writes nothing for its items (a
/// custom one can) makes the guess from the item counts wrong; then the frame is rendered
/// again, so the text is always what the blocks' real output calls for.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Placed {
    systems: bool,
    flows: bool,
}

/// A filled-in prompt.
#[derive(Clone, Debug, PartialEq)]
pub struct Prompt {
    pub text: String,
    /// Required values that are empty, in the order the prompt shows them.
    pub missing: Vec<MissingValue>,
}

/// A required value that is empty; the prompt shows `⟦missing: <label>⟧` in its place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MissingValue {
    /// The schema key, e.g. `latency_requirements` or `system.purpose`.
    pub key: String,
    pub label: String,
    /// The item whose value is missing.
    pub item: ItemRef,
}

impl MissingValue {
    /// The marker the prompt shows in place of the value.
    pub fn marker(&self) -> String {
        missing_marker(&self.label)
    }
}

pub(crate) fn missing_marker(label: &str) -> String {
    format!("⟦missing: {label}⟧")
}

/// The template itself is broken or ran out of its instruction budget, or the project
/// names a template that does not exist.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the prompt template could not be rendered: {0:#}")]
    Template(#[from] minijinja::Error),
    /// The project (or `render --template`) names no built-in template.
    #[error("unknown template “{0}”; the built-in templates are {list}", list = super::builtin::names_in_words())]
    UnknownTemplate(String),
}

/// Values a template's frame sees besides the common ones, made from the project and its
/// report (the Integration Pattern Module's phases, for one).
pub(super) type FrameExtra = fn(&Project, &Report) -> minijinja::Value;

/// A compiled prompt template.
pub struct PromptTemplate {
    env: Environment<'static>,
    extra: Option<FrameExtra>,
}

impl PromptTemplate {
    /// The built-in CM-010 template, compiled once.
    pub fn builtin() -> &'static PromptTemplate {
        static BUILTIN: OnceLock<PromptTemplate> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            PromptTemplate::with_blocks(BUILTIN_FRAME, BUILTIN_SYSTEM_BLOCK, BUILTIN_FLOW_BLOCK)
                .expect("the built-in template compiles; a unit test guards this")
        })
    }

    /// A template with its own frame and the built-in system and flow blocks. The frame
    /// sees `project`, `requirements`, `zones`, `system_blocks`, `flow_blocks` and `risks`
    /// (none, or `summary`, `readiness`, `findings`, `more` and `acknowledged`).
    pub fn new(frame: &str) -> Result<Self, RenderError> {
        Self::with_blocks(frame, BUILTIN_SYSTEM_BLOCK, BUILTIN_FLOW_BLOCK)
    }

    /// Compiles a frame and its two block templates. No loader is set and minijinja is
    /// built without multi-template support, so a template cannot reach the file system.
    pub fn with_blocks(frame: &str, system: &str, flow: &str) -> Result<Self, RenderError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        env.set_fuel(Some(FUEL));
        // Prompts are Markdown: escaping HTML would corrupt the user's text.
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
        // Strings are written as they are, skipping the `Display` detour; with no escaping
        // this changes nothing but the speed, which matters at thousands of values.
        env.set_formatter(|out, state, value| match value.as_str() {
            Some(text) => out.write_str(text).map_err(minijinja::Error::from),
            None => minijinja::escape_formatter(out, state, value),
        });
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .keep_trailing_newline(true)
                .build()?,
        );
        env.add_template_owned(FRAME, frame.to_owned())?;
        env.add_template_owned(SYSTEM_BLOCK, system.to_owned())?;
        env.add_template_owned(FLOW_BLOCK, flow.to_owned())?;
        Ok(PromptTemplate { env, extra: None })
    }

    /// The same template, its frame also seeing the values `extra` makes.
    pub(super) fn with_frame_extra(self, extra: FrameExtra) -> Self {
        PromptTemplate {
            extra: Some(extra),
            ..self
        }
    }

    /// Renders the prompt for `project`, with the risks of `report` (the project's own
    /// `analysis::analyze` result; the app passes the one it keeps). The same project and
    /// report always give the same bytes.
    pub fn render(&self, project: &Project, report: &Report) -> Result<Prompt, RenderError> {
        self.render_condensed(project, report, &Condensing::default())
    }

    /// Renders the prompt with some parts in their shorter forms (see `condense`): brief
    /// systems and summarised flows follow the full ones, each under a line saying so.
    pub fn render_condensed(
        &self,
        project: &Project,
        report: &Report,
        condensing: &Condensing,
    ) -> Result<Prompt, RenderError> {
        if project.prompt.scope.is_whole_landscape() {
            return self.render_part(project, project, report, None, condensing);
        }
        let scoped = Scoped::new(project);
        self.render_part(&scoped.project, project, report, Some(&scoped), condensing)
    }

    /// Renders `project` (the whole one, or its scoped part of `whole`).
    fn render_part(
        &self,
        project: &Project,
        whole: &Project,
        report: &Report,
        scope: Option<&Scoped>,
        condensing: &Condensing,
    ) -> Result<Prompt, RenderError> {
        // Names come from the whole project: crossing flows name systems outside the scope.
        let names = &Names::new(whole);
        let kept = Kept::of(project, condensing);
        let brief = brief_systems_text(project, condensing);
        let summary = flow_summary_text(project, whole, condensing);
        let (systems, connections) = (kept.systems(project), kept.connections(project));
        let items = systems.len() + connections.len();
        // The frame only needs to know whether blocks follow. It is rendered beside them,
        // on the guess that items give blocks; see `Placed`.
        let guess = Placed {
            systems: !systems.is_empty() || !brief.is_empty(),
            flows: !connections.is_empty() || !summary.is_empty(),
        };
        let frame = || self.frame(project, report, scope, guess, condensing);
        let (frame, systems, flows) = if items < PARALLEL_FROM_ITEMS {
            let systems = self.system_blocks(names, systems)?;
            let flows = self.flow_blocks(names, connections, 1)?;
            (frame(), systems, vec![flows])
        } else {
            // One worker takes the frame, the systems and the first flows, the other the
            // rest, split so both do about the same work.
            let split = parallel::connections_for_first_worker(
                systems.len(),
                connections.len(),
                SYSTEM_COST,
            );
            let (first, second) = connections.split_at(split);
            let ((frame, systems, flows), later) = rayon::join(
                || {
                    (
                        frame(),
                        self.system_blocks(names, systems),
                        self.flow_blocks(names, first, 1),
                    )
                },
                || self.flow_blocks(names, second, split + 1),
            );
            (frame, systems?, vec![flows?, later?])
        };
        let (mut system_text, mut missing) = systems;
        system_text.push_str(&brief);
        let mut flow_parts: Vec<String> = flows
            .into_iter()
            .map(|(text, found)| {
                missing.0.extend(found.0);
                text
            })
            .collect();
        flow_parts.push(summary);
        let placed = Placed {
            systems: !system_text.is_empty(),
            flows: flow_parts.iter().any(|t| !t.is_empty()),
        };
        // A frame rendered on a wrong guess is dropped unread, errors included.
        let (frame, mut frame_missing) = if placed == guess {
            frame?
        } else {
            self.frame(project, report, scope, placed, condensing)?
        };
        frame_missing.0.extend(missing.0);
        Ok(Prompt {
            text: splice(&frame, &system_text, &flow_parts),
            missing: frame_missing.0,
        })
    }

    /// The frame's text, with a splice marker where blocks go, and its missing values.
    fn frame(
        &self,
        project: &Project,
        report: &Report,
        scope: Option<&Scoped>,
        placed: Placed,
        condensing: &Condensing,
    ) -> Result<(String, Missing), RenderError> {
        let mut missing = Missing::default();
        let context = frame_context(
            project,
            if placed.systems { SYSTEMS_HERE } else { "" },
            if placed.flows { FLOWS_HERE } else { "" },
            risks_context(
                project,
                report,
                scope.map(|s| &s.resolution),
                condensing.risks_at_most,
            ),
            scope.map_or(minijinja::Value::from(()), Scoped::view),
            &mut missing,
        );
        let context = match self.extra {
            Some(extra) => minijinja::value::merge_maps([context, extra(project, report)]),
            None => context,
        };
        let text = self.env.get_template(FRAME)?.render(context)?;
        Ok((text, missing))
    }

    fn system_blocks(
        &self,
        names: &Names,
        systems: &[System],
    ) -> Result<(String, Missing), RenderError> {
        let mut missing = Missing::default();
        let context = systems_context(names, systems, &mut missing);
        let text = self.env.get_template(SYSTEM_BLOCK)?.render(context)?;
        Ok((text, missing))
    }

    fn flow_blocks(
        &self,
        names: &Names,
        connections: &[Connection],
        first_number: usize,
    ) -> Result<(String, Missing), RenderError> {
        let mut missing = Missing::default();
        let context = flows_context(names, connections, first_number, &mut missing);
        let text = self.env.get_template(FLOW_BLOCK)?.render(context)?;
        Ok((text, missing))
    }
}

/// The systems and flows that keep their full blocks. Borrowed as they are when nothing is
/// condensed, so the usual rendering copies nothing.
enum Kept {
    All,
    Some {
        systems: Vec<System>,
        connections: Vec<Connection>,
    },
}

impl Kept {
    fn of(project: &Project, condensing: &Condensing) -> Self {
        if condensing.brief_systems.is_empty() && condensing.summarised_flows.is_empty() {
            return Kept::All;
        }
        Kept::Some {
            systems: project
                .systems
                .iter()
                .filter(|s| !condensing.brief_systems.contains(&s.id))
                .cloned()
                .collect(),
            connections: project
                .connections
                .iter()
                .filter(|c| !condensing.summarised_flows.contains(&c.id))
                .cloned()
                .collect(),
        }
    }

    fn systems<'a>(&'a self, project: &'a Project) -> &'a [System] {
        match self {
            Kept::All => &project.systems,
            Kept::Some { systems, .. } => systems,
        }
    }

    fn connections<'a>(&'a self, project: &'a Project) -> &'a [Connection] {
        match self {
            Kept::All => &project.connections,
            Kept::Some { connections, .. } => connections,
        }
    }
}

/// Where the frame's output gets the system and flow blocks. The blocks are megabytes for
/// a large landscape; splicing them in once is far cheaper than pushing them through the
/// frame as values. User text never contains NUL (`context` drops it), so these cannot
/// be forged.
const SYSTEMS_HERE: &str = "\0system blocks\0";
const FLOWS_HERE: &str = "\0flow blocks\0";

fn splice(frame: &str, systems: &str, flows: &[String]) -> String {
    let flows_len: usize = flows.iter().map(String::len).sum();
    let mut text = String::with_capacity(frame.len() + systems.len() + flows_len);
    let mut rest = frame;
    while let Some(at) = rest.find('\0') {
        text.push_str(&rest[..at]);
        let marked = &rest[at..];
        if let Some(after) = marked.strip_prefix(SYSTEMS_HERE) {
            text.push_str(systems);
            rest = after;
        } else if let Some(after) = marked.strip_prefix(FLOWS_HERE) {
            flows.iter().for_each(|part| text.push_str(part));
            rest = after;
        } else {
            // A NUL that is no marker (it came from the template itself): drop it.
            rest = &marked[1..];
        }
    }
    text.push_str(rest);
    text
}

/// Renders the prompt for `project` and its analysis `report` with the built-in template
/// the project names (`project.prompt.template`, CM-010 by default).
pub fn render(project: &Project, report: &Report) -> Result<Prompt, RenderError> {
    super::builtin::for_project(project)?.render(project, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::synthetic::landscape;

    fn render(project: &Project) -> Result<Prompt, RenderError> {
        super::render(project, &analyze(project))
    }

    #[test]
    fn user_text_cannot_forge_a_splice_marker() {
        let mut project = landscape(2, 1, 1);
        project.name = SYSTEMS_HERE.to_owned();
        project.requirements.integration_scope = format!("x{FLOWS_HERE}y");
        let text = render(&project).unwrap().text;
        assert!(text.contains("**Project**: system blocks\n"), "{text}");
        assert!(
            text.contains("**Integration Scope**: xflow blocksy\n"),
            "{text}"
        );
        assert!(!text.contains('\0'));
    }

    #[test]
    fn blocks_that_write_nothing_leave_the_frame_saying_so() {
        // The frame is rendered beside the blocks on the guess that items give blocks;
        // blocks that write nothing must still give the frame's "none yet" lines.
        let template = PromptTemplate::with_blocks(BUILTIN_FRAME, "", "").unwrap();
        for systems in [3, 300] {
            let project = landscape(systems, 3 * systems, 2);
            let text = template.render(&project, &analyze(&project)).unwrap().text;
            assert!(text.contains("No systems are modelled yet."), "{text}");
            assert!(text.contains("No data flows are modelled yet."), "{text}");
        }
    }

    #[test]
    fn the_builtin_template_compiles() {
        let _ = PromptTemplate::builtin();
    }

    #[test]
    fn parallel_and_single_threaded_renders_are_identical() {
        // Just below and well above the threshold, with an empty system name somewhere so
        // the missing list's order is checked too.
        for systems in [PARALLEL_FROM_ITEMS / 4 - 1, 300] {
            let mut project = landscape(systems, 3 * systems, 5);
            project.systems[7].purpose.clear();
            project.connections[3 * systems - 2].data.clear();
            let prompt = render(&project).unwrap();
            let template = PromptTemplate::builtin();
            let names = Names::new(&project);
            let (system_text, mut missing) =
                template.system_blocks(&names, &project.systems).unwrap();
            let (flow_text, flow_missing) = template
                .flow_blocks(&names, &project.connections, 1)
                .unwrap();
            missing.0.extend(flow_missing.0);
            let mut frame_missing = Missing::default();
            let risks = risks_context(&project, &analyze(&project), None, None);
            let context = frame_context(
                &project,
                SYSTEMS_HERE,
                FLOWS_HERE,
                risks,
                ().into(),
                &mut frame_missing,
            );
            let frame = template
                .env
                .get_template(FRAME)
                .unwrap()
                .render(context)
                .unwrap();
            let text = frame
                .replace(SYSTEMS_HERE, &system_text)
                .replace(FLOWS_HERE, &flow_text);
            frame_missing.0.extend(missing.0);
            assert_eq!(prompt.text, text);
            assert_eq!(prompt.missing, frame_missing.0);
            assert_eq!(prompt.missing.len(), 2);
        }
    }
}
