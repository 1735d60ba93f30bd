//! What changed in the prompt since the user last copied it, line by line and by section,
//! so they can tell the assistant only that. No egui: the session keeps the copies.

use std::time::Duration;

use similar::{ChangeTag, TextDiff};

use crate::tokens::{Section, section_ranges};

/// A diff of two 2 MB prompts is cut short after this, giving a coarser (still correct)
/// list of changes rather than a frozen window.
const DIFF_TIME_LIMIT: Duration = Duration::from_millis(300);

/// One added or removed line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangedLine {
    Added(String),
    Removed(String),
}

/// The changed lines of one section of the prompt, in prompt order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionChanges {
    pub section: Section,
    pub lines: Vec<ChangedLine>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PromptChanges {
    pub sections: Vec<SectionChanges>,
    pub added: usize,
    pub removed: usize,
}

impl PromptChanges {
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// The changes as a message to the assistant that has the earlier prompt.
    pub fn as_message(&self) -> String {
        let mut text = String::from(
            "The landscape changed since the prompt I gave you. Lines marked + are new, lines \
             marked - are gone; everything else is as before. Please update your analysis.\n",
        );
        for section in &self.sections {
            text.push_str(&format!("\n### {}\n\n```diff\n", section.section.label()));
            for line in &section.lines {
                match line {
                    ChangedLine::Added(line) => text.push_str(&format!("+{line}\n")),
                    ChangedLine::Removed(line) => text.push_str(&format!("-{line}\n")),
                }
            }
            text.push_str("```\n");
        }
        text
    }
}

/// The lines added and removed from `old` to `new`. A removed line belongs to the section
/// it was in; an added one to the section it is in now. Blank lines are left out: they
/// carry nothing to tell.
pub fn changes(old: &str, new: &str) -> PromptChanges {
    let diff = TextDiff::configure()
        .timeout(DIFF_TIME_LIMIT)
        .diff_lines(old, new);
    let old_sections = line_sections(old);
    let new_sections = line_sections(new);
    let mut changes = PromptChanges::default();
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        let (section, line) = match change.tag() {
            ChangeTag::Equal => continue,
            ChangeTag::Delete => {
                changes.removed += 1;
                let at = change.old_index().unwrap_or(0);
                (
                    old_sections[at.min(old_sections.len() - 1)],
                    ChangedLine::Removed(line.to_owned()),
                )
            }
            ChangeTag::Insert => {
                changes.added += 1;
                let at = change.new_index().unwrap_or(0);
                (
                    new_sections[at.min(new_sections.len() - 1)],
                    ChangedLine::Added(line.to_owned()),
                )
            }
        };
        match changes.sections.iter_mut().find(|s| s.section == section) {
            Some(existing) => existing.lines.push(line),
            None => changes.sections.push(SectionChanges {
                section,
                lines: vec![line],
            }),
        }
    }
    // Prompt order, whatever order the changes came in.
    changes
        .sections
        .sort_by_key(|s| Section::ALL.iter().position(|x| *x == s.section));
    changes
}

/// The section of each line of `text` (never empty: an empty text has one header line).
fn line_sections(text: &str) -> Vec<Section> {
    let ranges = section_ranges(text);
    let mut sections = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let section = ranges
            .iter()
            .rev()
            .find(|(_, range)| range.start <= offset)
            .map_or(Section::Header, |(section, _)| *section);
        sections.push(section);
        offset += line.len();
    }
    if sections.is_empty() {
        sections.push(Section::Header);
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::examples::find;
    use crate::template::render;

    fn prompt(project: &crate::model::Project) -> String {
        render(project, &analyze(project)).unwrap().text
    }

    #[test]
    fn the_same_prompt_has_no_changes() {
        let project = find("ecommerce").unwrap().project().unwrap();
        let text = prompt(&project);
        assert!(changes(&text, &text).is_empty());
    }

    #[test]
    fn a_renamed_system_shows_in_the_sections_that_name_it() {
        let mut project = find("ecommerce").unwrap().project().unwrap();
        let before = prompt(&project);
        let old_name = project.systems[2].name.clone();
        project.systems[2].name = "Order hub".to_owned();
        let after = prompt(&project);
        let found = changes(&before, &after);
        let systems = found
            .sections
            .iter()
            .find(|s| s.section == Section::Systems)
            .expect("the system block changed");
        assert!(
            systems
                .lines
                .contains(&ChangedLine::Removed(format!("**System: {old_name}**")))
        );
        assert!(
            systems
                .lines
                .contains(&ChangedLine::Added("**System: Order hub**".to_owned()))
        );
        assert!(
            found
                .sections
                .iter()
                .any(|s| s.section == Section::DataFlows)
        );
        // Sections come in prompt order and none is given twice.
        let order: Vec<usize> = found
            .sections
            .iter()
            .map(|s| Section::ALL.iter().position(|x| *x == s.section).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        assert_eq!(found.added, found.removed, "each changed line is replaced");
    }

    #[test]
    fn the_message_marks_lines_for_the_assistant() {
        let found = changes("# H\n\nold line\n", "# H\n\nnew line\n");
        assert_eq!((found.added, found.removed), (1, 1));
        let message = found.as_message();
        assert!(
            message.contains("### Header\n\n```diff\n-old line\n+new line\n```\n"),
            "{message}"
        );
    }

    #[test]
    fn empty_texts_and_blank_lines_are_handled() {
        assert!(changes("", "").is_empty());
        let found = changes("", "a\n\n\nb\n");
        assert_eq!(found.added, 2);
        let found = changes("a\nb\n", "");
        assert_eq!(found.removed, 2);
    }
}
