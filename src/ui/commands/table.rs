//! The one table of commands: label, shortcuts, place in the menus and whether a shortcut
//! works while typing. The menu bar and the command palette are both drawn from it, and the
//! order shortcuts are checked in is derived from it.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::Command;
use crate::edit::Document;
use crate::export::TextFormat;
use crate::ui::selection::Selection;

/// The menus of the menu bar, in their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    View,
    Arrange,
    Prompt,
}

impl Menu {
    pub const ALL: [Menu; 5] = [
        Menu::File,
        Menu::Edit,
        Menu::View,
        Menu::Arrange,
        Menu::Prompt,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::View => "View",
            Menu::Arrange => "Arrange",
            Menu::Prompt => "Prompt",
        }
    }
}

/// One command as the menus and the palette show it.
#[derive(Debug)]
pub struct Entry {
    pub command: Command,
    /// A stable name for the command, kept in the preferences (recently used commands).
    pub key: &'static str,
    pub label: &'static str,
    pub shortcut: Option<KeyboardShortcut>,
    /// A second shortcut for the same command, not shown in menus (Ctrl+Y also redoes).
    pub also: Option<KeyboardShortcut>,
    pub menu: Menu,
    /// Within a menu, a separator stands between entries of different groups.
    pub group: u8,
    /// The shortcut fires while a text field has the keyboard too.
    pub works_while_typing: bool,
    /// In the menu bar the entry sits in a submenu: its title, and the entry's label there
    /// (File ▸ Export ▸ Picture…). The palette shows `label`.
    pub submenu: Option<(&'static str, &'static str)>,
}

const fn entry(
    command: Command,
    key: &'static str,
    label: &'static str,
    menu: Menu,
    group: u8,
) -> Entry {
    Entry {
        command,
        key,
        label,
        shortcut: None,
        also: None,
        menu,
        group,
        works_while_typing: false,
        submenu: None,
    }
}

impl Entry {
    const fn keys(mut self, modifiers: Modifiers, key: Key) -> Self {
        self.shortcut = Some(KeyboardShortcut::new(modifiers, key));
        self
    }

    const fn also(mut self, modifiers: Modifiers, key: Key) -> Self {
        self.also = Some(KeyboardShortcut::new(modifiers, key));
        self
    }

    const fn in_submenu(mut self, title: &'static str, label: &'static str) -> Self {
        self.submenu = Some((title, label));
        self
    }

    const fn while_typing(mut self) -> Self {
        self.works_while_typing = true;
        self
    }
}

/// File ▸ Export ▸ one text format; the palette shows `label`.
const fn export_as(
    format: TextFormat,
    key: &'static str,
    label: &'static str,
    in_submenu: &'static str,
) -> Entry {
    entry(Command::ExportText(format), key, label, File, 2).in_submenu("Export", in_submenu)
}

const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const CMD_ALT: Modifiers = Modifiers::COMMAND.plus(Modifiers::ALT);

use Menu::{Arrange, Edit, File, Prompt, View};

/// Every command that needs no data, in menu order. Open Recent (a submenu of paths) and
/// pasting given text carry data and are not listed.
pub static COMMANDS: &[Entry] = &[
    entry(Command::NewProject, "new", "New", File, 0)
        .keys(CMD, Key::N)
        .while_typing(),
    entry(Command::OpenFile, "open", "Open…", File, 0)
        .keys(CMD, Key::O)
        .while_typing(),
    entry(Command::Save, "save", "Save", File, 1)
        .keys(CMD, Key::S)
        .while_typing(),
    entry(Command::SaveAs, "save-as", "Save As…", File, 1)
        .keys(CMD_SHIFT, Key::S)
        .while_typing(),
    entry(Command::Revert, "revert", "Revert to Saved", File, 1),
    entry(Command::Import, "import", "Import…", File, 2)
        .keys(CMD, Key::I)
        .while_typing(),
    entry(
        Command::ImportInto,
        "import-into",
        "Import into This Project…",
        File,
        2,
    ),
    entry(
        Command::CheckProject,
        "check",
        "Check for Problems…",
        File,
        1,
    ),
    entry(
        Command::ExportPicture,
        "export-picture",
        "Export Picture (SVG or PNG)…",
        File,
        2,
    )
    .in_submenu("Export", "Picture (SVG or PNG)…"),
    export_as(
        TextFormat::Mermaid,
        "export-mermaid",
        "Export as Mermaid…",
        "Mermaid…",
    ),
    export_as(
        TextFormat::Dot,
        "export-dot",
        "Export as Graphviz DOT…",
        "Graphviz DOT…",
    ),
    export_as(
        TextFormat::Markdown,
        "export-markdown",
        "Export as Markdown Catalogue…",
        "Markdown Catalogue…",
    ),
    export_as(
        TextFormat::Csv,
        "export-csv",
        "Export as Inventory CSV…",
        "Inventory CSV…",
    ),
    export_as(
        TextFormat::Drawio,
        "export-drawio",
        "Export as draw.io…",
        "draw.io…",
    ),
    export_as(
        TextFormat::Archimate,
        "export-archimate",
        "Export as ArchiMate Exchange…",
        "ArchiMate Exchange (XML)…",
    ),
    export_as(
        TextFormat::C4PlantUml,
        "export-c4-plantuml",
        "Export as C4-PlantUML…",
        "C4-PlantUML…",
    ),
    export_as(
        TextFormat::Structurizr,
        "export-structurizr",
        "Export as Structurizr DSL…",
        "Structurizr DSL…",
    ),
    export_as(TextFormat::D2, "export-d2", "Export as D2…", "D2…"),
    export_as(
        TextFormat::LikeC4,
        "export-likec4",
        "Export as LikeC4…",
        "LikeC4…",
    ),
    entry(Command::Quit, "quit", "Quit", File, 3)
        .keys(CMD, Key::Q)
        .while_typing(),
    entry(Command::Undo, "undo", "Undo", Edit, 0).keys(CMD, Key::Z),
    entry(Command::Redo, "redo", "Redo", Edit, 0)
        .keys(CMD_SHIFT, Key::Z)
        .also(CMD, Key::Y),
    // In a real window Ctrl+C/X/V arrive as clipboard events instead (see `pressed`); as
    // keys they come from tests and from platforms that send them.
    entry(Command::Cut, "cut", "Cut", Edit, 1).keys(CMD, Key::X),
    entry(Command::Copy, "copy", "Copy", Edit, 1).keys(CMD, Key::C),
    entry(Command::Paste, "paste", "Paste", Edit, 1).keys(CMD, Key::V),
    entry(
        Command::CopyPicture,
        "copy-picture",
        "Copy as Picture",
        Edit,
        1,
    ),
    entry(
        Command::CopyAsMermaid,
        "copy-mermaid",
        "Copy as Mermaid",
        Edit,
        1,
    ),
    entry(
        Command::CopyAsMarkdownTable,
        "copy-markdown-table",
        "Copy as Markdown Table",
        Edit,
        1,
    ),
    entry(Command::Duplicate, "duplicate", "Duplicate", Edit, 1).keys(CMD, Key::D),
    entry(
        Command::GroupIntoZone,
        "group",
        "Group into New Zone",
        Edit,
        1,
    )
    .keys(CMD, Key::G),
    entry(Command::SelectAll, "select-all", "Select All", Edit, 2).keys(CMD, Key::A),
    entry(Command::Find, "find", "Find System…", Edit, 2)
        .keys(CMD, Key::F)
        .while_typing(),
    entry(Command::Rename, "rename", "Rename", Edit, 2).keys(NONE, Key::F2),
    entry(Command::DeleteSelection, "delete", "Delete", Edit, 2)
        .keys(NONE, Key::Delete)
        .also(NONE, Key::Backspace),
    entry(Command::AddSystem, "add-system", "Add System", Edit, 3),
    entry(
        Command::ShowCommandPalette,
        "palette",
        "Command Palette…",
        View,
        0,
    )
    .keys(CMD_SHIFT, Key::P)
    .also(CMD, Key::K)
    .while_typing(),
    entry(Command::FitView, "fit", "Fit to Content", View, 1).keys(NONE, Key::F),
    entry(
        Command::ZoomToActualSize,
        "actual-size",
        "Zoom to 100%",
        View,
        1,
    )
    .keys(SHIFT, Key::Num0),
    entry(
        Command::FrameSelection,
        "zoom-to-selection",
        "Zoom to Selection",
        View,
        1,
    )
    .keys(SHIFT, Key::F),
    entry(
        Command::ToggleInspector,
        "toggle-inspector",
        "Show Variables and Properties",
        View,
        2,
    )
    .keys(CMD, Key::B)
    .while_typing(),
    entry(
        Command::TogglePreview,
        "toggle-prompt",
        "Show Prompt",
        View,
        2,
    )
    .keys(CMD_ALT, Key::B)
    .while_typing(),
    entry(
        Command::ToggleFindings,
        "toggle-findings",
        "Show Findings",
        View,
        2,
    )
    .keys(CMD, Key::J)
    .while_typing(),
    entry(
        Command::ToggleMinimap,
        "toggle-minimap",
        "Show Minimap",
        View,
        2,
    ),
    entry(Command::AutoArrange, "arrange", "Auto-arrange", Arrange, 0).keys(CMD_SHIFT, Key::L),
    entry(
        Command::ArrangeSelection,
        "arrange-selection",
        "Arrange Selection",
        Arrange,
        0,
    ),
    entry(
        Command::FlowRight,
        "flow-right",
        "Flow Left to Right",
        Arrange,
        1,
    ),
    entry(
        Command::FlowDown,
        "flow-down",
        "Flow Top to Bottom",
        Arrange,
        1,
    ),
    entry(Command::Pin, "pin", "Pin", Arrange, 2),
    entry(Command::Unpin, "unpin", "Unpin", Arrange, 2),
    entry(Command::CopyPrompt, "copy-prompt", "Copy Prompt", Prompt, 0)
        .keys(CMD_SHIFT, Key::C)
        .while_typing(),
    entry(
        Command::SavePromptAs,
        "save-prompt",
        "Save Prompt As…",
        Prompt,
        0,
    ),
];

/// The table's entry for this command; `None` for the commands that carry data.
pub fn entry_of(command: &Command) -> Option<&'static Entry> {
    COMMANDS.iter().find(|entry| entry.command == *command)
}

/// The entry with this key (as kept in the preferences).
pub fn entry_by_key(key: &str) -> Option<&'static Entry> {
    COMMANDS.iter().find(|entry| entry.key == key)
}

/// Every shortcut with its entry, in the order they must be checked: more modifiers first,
/// because egui matches a shortcut with fewer modifiers too (Ctrl+Shift+Z is also Ctrl+Z,
/// Shift+F also F).
pub fn by_shortcut_priority() -> Vec<(&'static Entry, KeyboardShortcut)> {
    let mut shortcuts: Vec<_> = COMMANDS
        .iter()
        .flat_map(|entry| {
            [entry.shortcut, entry.also]
                .into_iter()
                .flatten()
                .map(move |shortcut| (entry, shortcut))
        })
        .collect();
    // Stable: equal counts keep the table's order.
    shortcuts.sort_by_key(|(_, shortcut)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
    shortcuts
}

fn modifier_count(modifiers: Modifiers) -> usize {
    let command = modifiers.ctrl || modifiers.command || modifiers.mac_cmd;
    [command, modifiers.shift, modifiers.alt]
        .into_iter()
        .filter(|held| *held)
        .count()
}

/// Whether `command` can do anything now: the one rule for greying out a menu item or a
/// palette row.
pub fn enabled(command: &Command, document: &Document, selection: &Selection) -> bool {
    match command {
        Command::Revert => document.path.is_some(),
        Command::Undo => document.history().undo_label().is_some(),
        Command::Redo => document.history().redo_label().is_some(),
        Command::Cut | Command::Copy | Command::Duplicate | Command::GroupIntoZone => {
            !selection.systems.is_empty()
        }
        Command::ArrangeSelection => selection.systems.len() >= 2,
        Command::Pin | Command::Unpin => {
            let wanted = *command == Command::Pin;
            let project = document.project();
            selection
                .systems
                .iter()
                .filter_map(|&id| project.system(id))
                .any(|s| s.pinned != wanted)
        }
        _ => true,
    }
}

/// The label as it reads now: Undo and Redo name the step ("Undo Move").
pub fn label_now(entry: &Entry, document: &Document) -> String {
    let step = match entry.command {
        Command::Undo => document.history().undo_label(),
        Command::Redo => document.history().redo_label(),
        _ => None,
    };
    match step {
        Some(step) => format!("{} {step}", entry.label),
        None => entry.label.to_owned(),
    }
}

#[cfg(test)]
mod tests;
