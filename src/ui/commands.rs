//! Each command's menu label and shortcut, and the shortcuts pressed in a frame. The
//! commands themselves, and what they do, are the session's.

use egui::{Key, KeyboardShortcut, Modifiers};

pub use crate::session::Command;

const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const COMMAND_ALT: Modifiers = Modifiers::COMMAND.plus(Modifiers::ALT);

impl Command {
    /// The menu label.
    pub fn label(&self) -> &'static str {
        match self {
            Command::NewProject => "New",
            Command::OpenFile => "Open…",
            Command::OpenPath(_) => "Open",
            Command::Revert => "Revert to Saved",
            Command::CheckProject => "Check for Problems…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::SelectAll => "Select All",
            Command::DeleteSelection => "Delete",
            Command::AddSystem => "Add System",
            Command::Rename => "Rename",
            Command::Cut => "Cut",
            Command::Copy => "Copy",
            Command::Paste | Command::PasteText(_) => "Paste",
            Command::Duplicate => "Duplicate",
            Command::GroupIntoZone => "Group into New Zone",
            Command::Find => "Find System…",
            Command::CopyPrompt => "Copy Prompt",
            Command::SavePromptAs => "Save Prompt As…",
            Command::FitView => "Fit to Content",
            Command::FrameSelection => "Zoom to Selection",
            Command::ToggleFindings => "Show Findings",
            Command::ToggleInspector => "Show Variables and Properties",
            Command::TogglePreview => "Show Prompt",
        }
    }

    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let shortcut = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Command::NewProject => shortcut(Modifiers::COMMAND, Key::N),
            Command::OpenFile => shortcut(Modifiers::COMMAND, Key::O),
            Command::Save => shortcut(Modifiers::COMMAND, Key::S),
            Command::SaveAs => shortcut(COMMAND_SHIFT, Key::S),
            Command::Quit => shortcut(Modifiers::COMMAND, Key::Q),
            Command::Undo => shortcut(Modifiers::COMMAND, Key::Z),
            Command::Redo => shortcut(COMMAND_SHIFT, Key::Z),
            Command::SelectAll => shortcut(Modifiers::COMMAND, Key::A),
            Command::DeleteSelection => shortcut(Modifiers::NONE, Key::Delete),
            Command::AddSystem
            | Command::OpenPath(_)
            | Command::PasteText(_)
            | Command::Revert
            | Command::CheckProject
            | Command::SavePromptAs => None,
            Command::Rename => shortcut(Modifiers::NONE, Key::F2),
            Command::Cut => shortcut(Modifiers::COMMAND, Key::X),
            Command::Copy => shortcut(Modifiers::COMMAND, Key::C),
            Command::Paste => shortcut(Modifiers::COMMAND, Key::V),
            Command::Duplicate => shortcut(Modifiers::COMMAND, Key::D),
            Command::GroupIntoZone => shortcut(Modifiers::COMMAND, Key::G),
            Command::Find => shortcut(Modifiers::COMMAND, Key::F),
            Command::CopyPrompt => shortcut(COMMAND_SHIFT, Key::C),
            Command::FitView => shortcut(Modifiers::NONE, Key::F),
            Command::FrameSelection => shortcut(Modifiers::SHIFT, Key::F),
            Command::ToggleFindings => shortcut(Modifiers::COMMAND, Key::J),
            Command::ToggleInspector => shortcut(Modifiers::COMMAND, Key::B),
            Command::TogglePreview => shortcut(COMMAND_ALT, Key::B),
        }
    }

    /// The shortcut as this platform writes it ("Ctrl+S", "⌘S"), for menus and buttons.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        self.shortcut()
            .map(|shortcut| ctx.format_shortcut(&shortcut))
    }

    /// A tooltip that ends with the shortcut, when there is one: "Fit to content (F)".
    pub fn hover_text(&self, ctx: &egui::Context, what: &str) -> String {
        match self.shortcut_text(ctx) {
            Some(shortcut) => format!("{what} ({shortcut})"),
            None => what.to_owned(),
        }
    }

    /// Commands that still fire while the user types in a text field.
    fn works_while_typing(&self) -> bool {
        matches!(
            self,
            Command::NewProject
                | Command::Find
                | Command::OpenFile
                | Command::Save
                | Command::SaveAs
                | Command::Quit
                | Command::CopyPrompt
                | Command::ToggleInspector
                | Command::TogglePreview
                | Command::ToggleFindings
        )
    }

    /// In the order shortcuts are checked: a shortcut with more modifiers first, because
    /// egui matches one with fewer modifiers too (Ctrl+Shift+Z would also be Ctrl+Z).
    const BY_SHORTCUT_PRIORITY: [Command; 22] = [
        Command::SaveAs,
        Command::Redo,
        Command::CopyPrompt,
        Command::TogglePreview,
        Command::ToggleInspector,
        Command::NewProject,
        Command::OpenFile,
        Command::Save,
        Command::Quit,
        Command::Undo,
        Command::SelectAll,
        Command::DeleteSelection,
        Command::ToggleFindings,
        // Before F, which Shift+F would match too.
        Command::FrameSelection,
        Command::FitView,
        Command::Rename,
        Command::Duplicate,
        Command::GroupIntoZone,
        Command::Find,
        // In a real window Ctrl+C/X/V arrive as clipboard events instead (see `pressed`);
        // as keys they come from tests and from platforms that send them.
        Command::Cut,
        Command::Copy,
        Command::Paste,
    ];

    /// The commands whose shortcuts were pressed this frame. Backspace deletes too, and
    /// Ctrl+Y redoes, as users of other tools expect.
    pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
        let typing = ctx.text_edit_focused();
        // Selected label text (the rendered prompt, a finding) is what Ctrl+C/X mean then.
        let text_selected = ctx
            .plugin::<egui::text_selection::LabelSelectionState>()
            .lock()
            .has_selection();
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for command in Command::BY_SHORTCUT_PRIORITY {
                if typing && !command.works_while_typing() {
                    continue;
                }
                if let Some(shortcut) = command.shortcut()
                    && input.consume_shortcut(&shortcut)
                {
                    pressed.push(command);
                }
            }
            if !typing {
                let backspace = KeyboardShortcut::new(Modifiers::NONE, Key::Backspace);
                if input.consume_shortcut(&backspace) {
                    pressed.push(Command::DeleteSelection);
                }
                let redo_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
                if input.consume_shortcut(&redo_y) {
                    pressed.push(Command::Redo);
                }
                // egui turns Ctrl+C/X/V into these events; a focused text field takes
                // them itself, which is why this is only done while not typing.
                for event in &input.events {
                    match event {
                        egui::Event::Copy if !text_selected => pressed.push(Command::Copy),
                        egui::Event::Cut if !text_selected => pressed.push(Command::Cut),
                        egui::Event::Paste(text) => pressed.push(Command::PasteText(text.clone())),
                        _ => {}
                    }
                }
            }
        });
        pressed
    }
}
