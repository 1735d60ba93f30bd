//! Every user action is a command: reachable from a menu, a shortcut and, where natural, a
//! context menu. The app gives each its label and shortcut (`ui::commands`); the session
//! runs it, after the frame, so file dialogs and other side effects never start inside a
//! widget.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    NewProject,
    OpenFile,
    /// Opens this file (Open Recent, a dropped file, a typed path).
    OpenPath(std::path::PathBuf),
    Revert,
    /// Lists what does not fit together in the project as it is now.
    CheckProject,
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    SelectAll,
    DeleteSelection,
    AddSystem,
    /// Renames the one selected system or zone in place, on the canvas.
    Rename,
    Cut,
    Copy,
    /// Asks the window for the clipboard's text (Edit ▸ Paste); it arrives as `PasteText`.
    Paste,
    /// Pastes this clipboard text (Ctrl+V, which brings the system clipboard's text).
    PasteText(String),
    Duplicate,
    /// Puts the selected systems into a new zone.
    GroupIntoZone,
    /// Opens the box that finds a system by name.
    Find,
    CopyPrompt,
    SavePromptAs,
    /// Writes a picture of the landscape; the file's extension (.svg, .png) picks the kind.
    ExportPicture,
    /// Writes the landscape in another tool's text format (File ▸ Export ▸ Mermaid…).
    ExportText(crate::export::TextFormat),
    /// Puts the landscape on the clipboard as a Mermaid diagram.
    CopyAsMermaid,
    /// Puts the systems and data flows on the clipboard as Markdown tables.
    CopyAsMarkdownTable,
    /// File ▸ Import…: another tool's file as a new project.
    Import,
    /// File ▸ Import into This Project….
    ImportInto,
    /// Put this text on the clipboard (a report's Copy button).
    CopyText(String),
    /// Puts a picture of the landscape (PNG pixels) on the clipboard.
    CopyPicture,
    FitView,
    /// Zooms to 100% about the middle of the view.
    ZoomToActualSize,
    /// Frames the selected systems (and the ends of selected connections).
    FrameSelection,
    ToggleInspector,
    TogglePreview,
    ToggleFindings,
    /// Shows or hides the minimap in the canvas's corner.
    ToggleMinimap,
    /// Opens the command palette: every menu command, found by typing.
    ShowCommandPalette,
    /// Lays the whole landscape out; pinned systems stay.
    AutoArrange,
    /// Arranges the selected systems among themselves, where they are.
    ArrangeSelection,
    /// Data flows left to right: arranges that way.
    FlowRight,
    /// Data flows top to bottom: arranges that way.
    FlowDown,
    /// Auto-arrange leaves the selected systems where they are.
    Pin,
    Unpin,
}
