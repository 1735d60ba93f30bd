//! The built-in templates by name, and which one a project's prompt uses.

use std::sync::OnceLock;

use super::ipm;
use super::render::{BUILTIN_FLOW_BLOCK, BUILTIN_SYSTEM_BLOCK, PromptTemplate, RenderError};
use crate::model::{DEFAULT_TEMPLATE, Project};

/// Every built-in template: its name (what `PromptSettings::template` holds) and one line
/// saying what its prompt asks for. The first is the default.
pub const BUILTIN_TEMPLATES: [(&str, &str); 2] = [
    (
        DEFAULT_TEMPLATE,
        "CM-010 Integration Pattern Analysis: the whole landscape, analysed section by section",
    ),
    (
        INTEGRATION_PATTERN_MODULE,
        "Integration Pattern Module: define the requirements, then design the architecture, \
         one phase at a time",
    ),
];

pub const INTEGRATION_PATTERN_MODULE: &str = "integration-pattern-module";

const IPM_FRAME: &str =
    include_str!("../../assets/templates/integration-pattern-module/prompt.md.j2");

impl PromptTemplate {
    /// The built-in template of this name, compiled on first use; none for an unknown name.
    pub fn builtin_named(name: &str) -> Option<&'static PromptTemplate> {
        match name {
            DEFAULT_TEMPLATE => Some(PromptTemplate::builtin()),
            INTEGRATION_PATTERN_MODULE => Some(integration_pattern_module()),
            _ => None,
        }
    }
}

fn integration_pattern_module() -> &'static PromptTemplate {
    static IPM: OnceLock<PromptTemplate> = OnceLock::new();
    IPM.get_or_init(|| {
        // The module's phases walk the same systems and flows as CM-010, in CM-010's words.
        PromptTemplate::with_blocks(IPM_FRAME, BUILTIN_SYSTEM_BLOCK, BUILTIN_FLOW_BLOCK)
            .expect("the built-in template compiles; a unit test guards this")
            .with_frame_extra(ipm::module_context)
    })
}

/// The template `project` names, or an error naming it and the choices.
pub fn for_project(project: &Project) -> Result<&'static PromptTemplate, RenderError> {
    let name = project.prompt.template.as_str();
    PromptTemplate::builtin_named(name).ok_or_else(|| RenderError::UnknownTemplate(name.into()))
}

/// "cm-010 and integration-pattern-module", for messages.
pub(super) fn names_in_words() -> String {
    let names: Vec<&str> = BUILTIN_TEMPLATES.iter().map(|(name, _)| *name).collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_compiles_and_is_found_by_name() {
        for (name, _) in BUILTIN_TEMPLATES {
            assert!(PromptTemplate::builtin_named(name).is_some(), "{name}");
        }
        assert!(PromptTemplate::builtin_named("cm-011").is_none());
    }

    #[test]
    fn the_module_splices_a_large_landscapes_blocks_rendered_on_both_cores() {
        let mut project = crate::synthetic::landscape(300, 900, 5);
        project.prompt.template = INTEGRATION_PATTERN_MODULE.into();
        let report = crate::analysis::analyze(&project);
        let text = super::super::render(&project, &report).unwrap().text;
        let flows = text.find("### Data flows").unwrap();
        let validation = text.find("### Validation").unwrap();
        let last = text.find("\n900. **").unwrap();
        assert!(flows < last && last < validation);
        assert!(!text.contains('\0'));
    }

    #[test]
    fn an_unknown_name_says_the_name_and_the_choices() {
        let mut project = Project::new("P");
        project.prompt.template = "cm-011".into();
        let error = for_project(&project).err().unwrap().to_string();
        assert_eq!(
            error,
            "unknown template “cm-011”; the built-in templates are cm-010 and \
             integration-pattern-module"
        );
    }
}
