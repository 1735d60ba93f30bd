//! What each command does to the session, and the effects it asks of the app.

use super::clipboard::PasteKind;
use super::command::Command;
use super::dialog::Dialog;
use super::effect::{Effect, Panel};
use super::files::FileAction;
use super::selection::Selection;
use super::{Session, capitalised};
use crate::edit::{self, Edit};
use crate::io;
use crate::layout::Direction;
use crate::model::{ItemRef, SystemId};

impl Session {
    pub(super) fn run(&mut self, command: Command, effects: &mut Vec<Effect>) {
        match command {
            Command::NewProject => self.file(FileAction::New, effects),
            Command::OpenFile => self.file(FileAction::Open(None), effects),
            Command::OpenPath(path) => self.file(FileAction::Open(Some(path)), effects),
            Command::Revert => self.file(FileAction::Revert, effects),
            Command::Save => self.file(FileAction::Save, effects),
            Command::SaveAs => self.file(FileAction::SaveAs(None), effects),
            Command::SavePromptAs => self.file(FileAction::SavePrompt(None), effects),
            Command::ExportPicture => self.file(FileAction::ExportPicture(None), effects),
            Command::ExportText(format) => self.file(FileAction::ExportText(format, None), effects),
            Command::CopyAsMermaid => self.copy_as_mermaid(effects),
            Command::CopyAsMarkdownTable => self.copy_as_markdown_table(effects),
            Command::Import => self.file(FileAction::Import(None), effects),
            Command::ImportInto => self.file(FileAction::ImportInto(None), effects),
            Command::CopyText(text) => {
                effects.push(Effect::CopyText(text));
                effects.push(Effect::Notice("Copied the import report".into()));
            }
            Command::CopyPicture => self.copy_picture(effects),
            Command::Quit => effects.push(Effect::RequestClose),
            Command::CheckProject => self.check_project(effects),
            Command::Undo => self.undo(effects),
            Command::Redo => self.redo(effects),
            Command::SelectAll => self.selection = Selection::all(self.document.project()),
            Command::DeleteSelection => self.delete_selection(effects),
            Command::AddSystem => effects.push(Effect::AddSystemInView),
            Command::Rename => self.rename_selection(effects),
            Command::Cut => self.cut_selection(effects),
            Command::Copy => self.copy_selection(effects),
            Command::Paste => effects.push(Effect::RequestPaste),
            Command::PasteText(text) => self.paste_text(&text, PasteKind::Paste, effects),
            Command::Duplicate => self.duplicate_selection(effects),
            Command::GroupIntoZone => self.group_selection_into_zone(effects),
            Command::Find => effects.push(Effect::OpenFind),
            Command::CopyPrompt => self.copy_prompt(effects),
            Command::FitView => effects.push(Effect::FitView),
            Command::ZoomToActualSize => effects.push(Effect::ZoomToActualSize),
            Command::FrameSelection => self.frame_selection(effects),
            Command::ToggleFindings => effects.push(Effect::TogglePanel(Panel::Findings)),
            Command::ToggleInspector => effects.push(Effect::TogglePanel(Panel::Inspector)),
            Command::TogglePreview => effects.push(Effect::TogglePanel(Panel::Preview)),
            Command::ToggleMinimap => effects.push(Effect::TogglePanel(Panel::Minimap)),
            Command::ShowCommandPalette => effects.push(Effect::OpenPalette),
            Command::AutoArrange => self.arrange(None, effects),
            Command::ArrangeSelection => {
                self.arrange(Some(self.selection.systems.clone()), effects)
            }
            Command::FlowRight => self.flow_and_arrange(Direction::Right, effects),
            Command::FlowDown => self.flow_and_arrange(Direction::Down, effects),
            Command::Pin => self.pin_selection(true, effects),
            Command::Unpin => self.pin_selection(false, effects),
        }
    }

    fn undo(&mut self, effects: &mut Vec<Effect>) {
        if let Some(label) = self.document.undo() {
            effects.push(Effect::Notice(format!("Undid {label}")));
        }
        self.selection.retain_existing(self.document.project());
    }

    fn redo(&mut self, effects: &mut Vec<Effect>) {
        if let Some(label) = self.document.redo() {
            effects.push(Effect::Notice(format!("Redid {label}")));
        }
        self.selection.retain_existing(self.document.project());
    }

    fn delete_selection(&mut self, effects: &mut Vec<Effect>) {
        if self.selection.is_empty() {
            return;
        }
        let edit = Edit::delete(self.document.project(), &self.selection.item_ids());
        match self.document.apply(edit, "Delete", None) {
            Ok(()) => self.selection = Selection::default(),
            Err(error) => effects.push(Effect::Notice(capitalised(&error.to_string()))),
        }
    }

    /// Frames the selected systems, the ends of the selected connections, and the systems
    /// of the selected zones (a zone is where its systems are).
    fn frame_selection(&self, effects: &mut Vec<Effect>) {
        let project = self.document.project();
        let mut systems: Vec<SystemId> = self.selection.systems.iter().copied().collect();
        for connection in self
            .selection
            .connections
            .iter()
            .filter_map(|id| project.connection(*id))
        {
            systems.extend([connection.from, connection.to]);
        }
        for &zone in &self.selection.zones {
            systems.extend(project.systems_in_zone(zone).map(|s| s.id));
        }
        if systems.is_empty() {
            effects.push(Effect::Notice(
                "Select systems, connections or zones to zoom to them".into(),
            ));
        } else {
            effects.push(Effect::Frame(systems));
        }
    }

    /// The problems a file could have, in the project as it is now: what is left after
    /// fixing those listed when it opened.
    fn check_project(&self, effects: &mut Vec<Effect>) {
        let problems = io::validate(self.document.project(), None);
        if problems.is_empty() {
            effects.push(Effect::Notice(
                "No problems: every reference, id and value fits".into(),
            ));
        } else {
            let count = crate::words::count(problems.len(), "problem");
            let title = format!("{count} in this project");
            effects.push(Effect::Dialog(Dialog::problems(title, &problems)));
        }
    }

    /// F2: renames the one selected system or zone on the canvas.
    fn rename_selection(&self, effects: &mut Vec<Effect>) {
        match self.selection.single() {
            Some(item @ (ItemRef::System(_) | ItemRef::Zone(_))) => {
                effects.push(Effect::StartRename(item))
            }
            _ => effects.push(Effect::Notice(
                "Select one system or zone to rename it".into(),
            )),
        }
    }

    /// A new zone around the selected systems, selected so its name can be typed next.
    fn group_selection_into_zone(&mut self, effects: &mut Vec<Effect>) {
        let systems: Vec<SystemId> = self.selection.systems.iter().copied().collect();
        let Some(grouping) = edit::group_into_new_zone(self.document.project(), &systems) else {
            effects.push(Effect::Notice(
                "Select the systems to put in a new zone".into(),
            ));
            return;
        };
        let zone = grouping.zone;
        if let Err(error) = self
            .document
            .apply(grouping.edit, "Group into New Zone", None)
        {
            effects.push(Effect::Notice(capitalised(&error.to_string())));
            return;
        }
        self.selection = Selection::only(ItemRef::Zone(zone));
        let name = self.document.project().zone(zone).map(|z| z.name.clone());
        let count = crate::words::count(systems.len(), "system");
        let together = if grouping.moved > 0 {
            ", moved together"
        } else {
            ""
        };
        let mut message = format!(
            "Put {count} into {}{together}; name it with F2 or in Properties",
            name.unwrap_or_default()
        );
        if !grouping.emptied.is_empty() {
            let emptied = grouping.emptied.join(", ");
            message.push_str(&format!(
                ". {emptied}, left empty, was removed (Ctrl+Z undoes)"
            ));
        }
        effects.push(Effect::Notice(message));
    }

    fn copy_prompt(&mut self, effects: &mut Vec<Effect>) {
        if let Some(text) = self.derived.prompt.text() {
            effects.push(Effect::CopyText(text.to_owned()));
            self.copies.remember(self.document.path.clone(), text);
            let count = self.prompt().stats.characters;
            effects.push(Effect::Notice(format!("Copied {count} characters")));
        }
    }
}
