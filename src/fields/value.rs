//! A field's value in the shape its kind edits, so forms and other generic readers can get
//! and set any field without knowing the model's types.

use super::is_blank;
use crate::model::{ChoiceEnum, SystemId, ZoneId};

/// One choice: a listed option (by its place in the field's options) or the user's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Known(usize),
    Other(String),
}

impl Choice {
    pub fn of<T: ChoiceEnum>(value: &T) -> Choice {
        match value.other_text() {
            Some(text) => Choice::Other(text.to_owned()),
            None => Choice::Known(T::known().iter().position(|k| k == value).unwrap_or(0)),
        }
    }

    /// The model's value; `None` for an index past the options.
    pub fn to<T: ChoiceEnum>(&self) -> Option<T> {
        match self {
            Choice::Known(index) => T::known().get(*index).cloned(),
            Choice::Other(text) => Some(T::other(text.clone())),
        }
    }

    /// Says nothing: a blank free text.
    pub fn is_blank(&self) -> bool {
        matches!(self, Choice::Other(text) if is_blank(text))
    }
}

/// The value of a field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(String),
    Choice(Option<Choice>),
    Choices(Vec<Choice>),
    Percent(Option<f64>),
    Number(Option<u64>),
    Flag(bool),
    Zone(Option<ZoneId>),
    System(SystemId),
    Tags(Vec<String>),
}

impl FieldValue {
    pub fn choice<T: ChoiceEnum>(value: &Option<T>) -> FieldValue {
        FieldValue::Choice(value.as_ref().map(Choice::of))
    }

    pub fn choices<T: ChoiceEnum>(values: &[T]) -> FieldValue {
        FieldValue::Choices(values.iter().map(Choice::of).collect())
    }

    /// Nothing said: blank text, no choice (or a blank one), an empty list, no number.
    /// A flag and a system reference are never empty.
    pub fn is_empty(&self) -> bool {
        match self {
            FieldValue::Text(text) => is_blank(text),
            FieldValue::Choice(choice) => choice.as_ref().is_none_or(Choice::is_blank),
            FieldValue::Choices(list) => list.iter().all(Choice::is_blank),
            FieldValue::Tags(list) => list.iter().all(|t| is_blank(t)),
            FieldValue::Percent(p) => p.is_none(),
            FieldValue::Number(n) => n.is_none(),
            FieldValue::Zone(z) => z.is_none(),
            FieldValue::Flag(_) | FieldValue::System(_) => false,
        }
    }

    /// What one of several items gets when the value shown for all of them changed from
    /// `shown` to `self`. A list adds what was added and drops what was dropped, keeping
    /// the item's other entries; any other value replaces the item's.
    pub fn applied_to(&self, shown: &FieldValue, item: FieldValue) -> FieldValue {
        match (self, shown, item) {
            (FieldValue::Choices(new), FieldValue::Choices(old), FieldValue::Choices(mine)) => {
                FieldValue::Choices(merge_list(new, old, mine))
            }
            (FieldValue::Tags(new), FieldValue::Tags(old), FieldValue::Tags(mine)) => {
                FieldValue::Tags(merge_list(new, old, mine))
            }
            _ => self.clone(),
        }
    }

    /// The value several items share: the same value, or for lists the entries all of them
    /// have. `None` when they differ (or there are none).
    pub fn common(values: impl IntoIterator<Item = FieldValue>) -> Common {
        let mut values = values.into_iter();
        let Some(first) = values.next() else {
            return Common::Mixed(None);
        };
        let mut shared = first.clone();
        let mut same = true;
        for value in values {
            if value == first && same {
                continue;
            }
            same = false;
            shared = match (shared, &value) {
                (FieldValue::Choices(a), FieldValue::Choices(b)) => {
                    FieldValue::Choices(a.into_iter().filter(|c| b.contains(c)).collect())
                }
                (FieldValue::Tags(a), FieldValue::Tags(b)) => {
                    FieldValue::Tags(a.into_iter().filter(|t| b.contains(t)).collect())
                }
                _ => return Common::Mixed(None),
            };
        }
        if same {
            Common::Same(shared)
        } else {
            Common::Mixed(Some(shared))
        }
    }
}

/// What the values of several selected items have in common.
#[derive(Clone, Debug, PartialEq)]
pub enum Common {
    /// All the same.
    Same(FieldValue),
    /// They differ; a list field has the entries all of them share.
    Mixed(Option<FieldValue>),
}

impl Common {
    /// The value shown for all of them: the shared one, or for lists the shared entries.
    pub fn value(&self) -> Option<&FieldValue> {
        match self {
            Common::Same(value) => Some(value),
            Common::Mixed(common) => common.as_ref(),
        }
    }
}

/// `mine` without what went from `old` to `new`, plus what came.
fn merge_list<T: Clone + PartialEq>(new: &[T], old: &[T], mine: Vec<T>) -> Vec<T> {
    let mut merged: Vec<T> = mine
        .into_iter()
        .filter(|v| !old.contains(v) || new.contains(v))
        .collect();
    for v in new {
        if !merged.contains(v) {
            merged.push(v.clone());
        }
    }
    merged
}

/// A value did not fit the field it was meant for.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field} cannot take {value}")]
pub struct FieldError {
    pub field: &'static str,
    pub value: String,
}

impl FieldError {
    pub(super) fn new(field: &'static str, value: &FieldValue) -> Self {
        FieldError {
            field,
            value: format!("{value:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> FieldValue {
        FieldValue::Tags(list.iter().map(|t| t.to_string()).collect())
    }

    #[test]
    fn lists_share_their_common_entries() {
        let common = FieldValue::common([tags(&["a", "b"]), tags(&["b", "c"])]);
        assert_eq!(common, Common::Mixed(Some(tags(&["b"]))));
        let same = FieldValue::common([tags(&["a"]), tags(&["a"])]);
        assert_eq!(same, Common::Same(tags(&["a"])));
        let texts = [FieldValue::Text("x".into()), FieldValue::Text("y".into())];
        assert_eq!(FieldValue::common(texts), Common::Mixed(None));
    }

    #[test]
    fn a_changed_list_adds_and_drops_only_what_changed() {
        let shown = tags(&["b"]);
        let added = tags(&["b", "new"]).applied_to(&shown, tags(&["a", "b"]));
        assert_eq!(added, tags(&["a", "b", "new"]));
        let dropped = tags(&[]).applied_to(&shown, tags(&["b", "c"]));
        assert_eq!(dropped, tags(&["c"]));
        let text = FieldValue::Text("n".into());
        assert_eq!(
            text.applied_to(
                &FieldValue::Text(String::new()),
                FieldValue::Text("o".into())
            ),
            text
        );
    }

    #[test]
    fn blank_values_are_empty() {
        assert!(FieldValue::Text(" \n".into()).is_empty());
        assert!(FieldValue::Choice(Some(Choice::Other(" ".into()))).is_empty());
        assert!(!FieldValue::Choice(Some(Choice::Known(0))).is_empty());
        assert!(FieldValue::Choices(vec![]).is_empty());
        assert!(!FieldValue::Flag(false).is_empty());
    }
}
