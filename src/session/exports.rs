//! File ▸ Export ▸ Mermaid, DOT, Markdown and CSV, and Edit ▸ Copy as Mermaid and Copy as
//! Markdown Table. Text exports of even 10,000 systems take well under a tenth of a
//! second, so they run here, unlike pictures.

use std::path::Path;

use super::Session;
use super::dialog::Dialog;
use super::effect::Effect;
use crate::export::{MarkdownOptions, MermaidOptions, TextFormat, to_markdown, to_mermaid};
use crate::io;

impl Session {
    /// Writes the export to `path` (and, for CSV, the connections file beside it). Nothing
    /// is written over the project's own file; a file that fails leaves the others as
    /// they were before it.
    pub(super) fn export_text_to(
        &mut self,
        format: TextFormat,
        path: &Path,
        effects: &mut Vec<Effect>,
    ) {
        let failed = |detail: String| {
            Effect::Dialog(Dialog::Error {
                title: format!("The {} export could not be written", format.name()),
                detail,
            })
        };
        let written = match format.files(self.document.project(), path) {
            Ok(written) => written,
            Err(detail) => return effects.push(failed(super::capitalised(&detail))),
        };
        if let Some(project_file) = &self.document.path
            && written
                .files
                .iter()
                .any(|(p, _)| same_file(p, project_file))
        {
            return effects.push(failed(format!(
                "{}: this is the project's own file; choose another name.",
                project_file.display()
            )));
        }
        for (file, text) in &written.files {
            if let Err(error) = io::write_atomically(file, text.as_bytes(), false) {
                return effects.push(failed(error.to_string()));
            }
        }
        let names: Vec<String> = written
            .files
            .iter()
            .map(|(p, _)| p.display().to_string())
            .collect();
        let mut notice = format!(
            "Exported the landscape as {} to {}",
            format.name(),
            names.join(" and ")
        );
        if let Some(note) = written.note {
            notice.push_str(&format!(" ({note})"));
        }
        effects.push(Effect::Notice(notice));
    }

    /// The landscape as Mermaid for a README or a pull request; over Mermaid's limits,
    /// the split by zone (Markdown with one block per diagram).
    pub(super) fn copy_as_mermaid(&mut self, effects: &mut Vec<Effect>) {
        match to_mermaid(self.document.project(), &MermaidOptions::default()) {
            Ok(mermaid) => {
                let notice = match mermaid.split_from {
                    None => "Copied the landscape as a Mermaid diagram".to_owned(),
                    Some(_) => format!(
                        "Copied the landscape as Mermaid: over Mermaid's limits, so as {} \
                         diagrams split by zone, in Markdown",
                        mermaid.diagrams.len()
                    ),
                };
                effects.push(Effect::CopyText(mermaid.to_text()));
                effects.push(Effect::Notice(notice));
            }
            Err(error) => effects.push(Effect::Notice(super::capitalised(&error.to_string()))),
        }
    }

    /// The systems and data flows as Markdown tables, without the diagram.
    pub(super) fn copy_as_markdown_table(&mut self, effects: &mut Vec<Effect>) {
        let options = MarkdownOptions { diagram: None };
        match to_markdown(self.document.project(), &options) {
            Ok(text) => {
                effects.push(Effect::CopyText(text));
                effects.push(Effect::Notice(
                    "Copied the systems and data flows as Markdown tables".into(),
                ));
            }
            Err(error) => effects.push(Effect::Notice(super::capitalised(&error.to_string()))),
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
