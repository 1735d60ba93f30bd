//! Labels that are exactly one placeholder, `%name%`, filled from the cell's own
//! property: the property is the text, kept as it is (line breaks, `<` and all; only
//! trimmed), and is not read a second time as a property. Our draw.io export labels
//! every shape so; a hand-made diagram that does the same means the same.

use super::super::cells::Cell;
use super::Page;

/// The property a label is exactly a placeholder for, when the cell has it.
pub(super) fn own_placeholder(cell: &Cell, placeholders: bool) -> Option<String> {
    let key = cell.label.trim().strip_prefix('%')?.strip_suffix('%')?;
    let plain = !key.is_empty() && !key.contains(['%', ' ', '\t', '\n']);
    (placeholders && plain && cell.property(key).is_some()).then(|| key.to_owned())
}

/// The property keys that say a line's interaction style: its dash then shows what the
/// file already says.
const STYLE_KEYS: &[&str] = &["style", "interaction", "interactionstyle"];

pub(super) fn says_interaction_style(cell: &Cell) -> bool {
    cell.properties.iter().any(|(key, value)| {
        let key = crate::import::mapping::normalised(key);
        STYLE_KEYS.contains(&key.as_str()) && !value.trim().is_empty()
    })
}

impl Page<'_> {
    /// The cell's text as a name on one line, or exactly when it is a placeholder's.
    pub(super) fn one_line_name(&self, i: usize) -> String {
        match self.exact[i] {
            Some(_) => self.name(i),
            None => super::names::one_line(&self.name(i)),
        }
    }

    /// The same for a line's label, which is its text (a C4 line's `c4Type` names no line).
    pub(super) fn one_line_text(&self, i: usize) -> String {
        match self.exact[i] {
            Some(_) => self.text(i),
            None => super::names::one_line(&self.text(i)),
        }
    }

    /// The properties the label has not already used.
    pub(super) fn unused_properties(&self, i: usize) -> impl Iterator<Item = &(String, String)> {
        let used = self.exact[i].as_deref();
        self.cells[i]
            .properties
            .iter()
            .filter(move |(key, _)| Some(key.as_str()) != used)
    }
}
