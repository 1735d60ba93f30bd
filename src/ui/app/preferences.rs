//! What the app remembers between runs (through eframe's storage): UI choices only.

use std::path::PathBuf;

/// UI preferences kept between runs. Projects are never stored here: they live in files.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub recent_files: Vec<PathBuf>,
    pub last_project: Option<PathBuf>,
    /// Show the prompt as rendered Markdown rather than raw text.
    pub preview_rendered: bool,
    /// The left panel (Variables and Properties) is open.
    pub inspector_open: bool,
    /// The right panel (the prompt) is open.
    pub preview_open: bool,
    /// The Findings panel under the canvas is open.
    pub findings_open: bool,
    /// The commands last run from the command palette, most recent first (keys of the
    /// command table), which it lists first.
    #[serde(default)]
    pub recent_commands: Vec<String>,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            recent_files: Vec::new(),
            last_project: None,
            preview_rendered: false,
            inspector_open: true,
            preview_open: true,
            findings_open: true,
            recent_commands: Vec::new(),
        }
    }
}
