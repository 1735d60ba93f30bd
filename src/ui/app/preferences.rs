//! What the app remembers between runs (through eframe's storage): UI choices only.

use std::path::{Path, PathBuf};

/// How many recent files File ▸ Open Recent lists.
const RECENT_FILES: usize = 10;

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
    /// The minimap shows in the canvas's corner while part of the landscape is out of view.
    pub minimap_shown: bool,
    /// Auto-arrange lays data flows out top to bottom (else left to right).
    pub flow_down: bool,
    /// The canvas's legend shows its key (else only its toggle).
    pub legend_open: bool,
    /// The first launch has fitted the panels to the window (on a small one the prompt
    /// and the findings start as strips); from then on the user's choices stand.
    pub panels_fitted: bool,
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
            minimap_shown: true,
            flow_down: false,
            legend_open: true,
            panels_fitted: false,
            recent_commands: Vec::new(),
        }
    }
}

impl Preferences {
    /// Puts `path` at the top of Open Recent and makes it the project the next launch opens.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent_files.retain(|p| p != &path);
        self.recent_files.insert(0, path.clone());
        self.recent_files.truncate(RECENT_FILES);
        self.last_project = Some(path);
    }
}
