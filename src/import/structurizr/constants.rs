//! `!const NAME "value"` (also `!constant`, and `!var`, which may be set again) and
//! `${NAME}` in any later word, include paths too. Expansion is bounded: a constant made of
//! others doubles at each step, so the text it makes is counted.

use std::collections::HashMap;

use super::super::ImportError;
use super::super::builder::Builder;
use super::cursor::{Cursor, Statement};
use super::parse::written;

/// No word grows beyond this by substitution.
const LONGEST_WORD: usize = 1024 * 1024;
/// Substitution makes at most this much text in all.
const MOST_SUBSTITUTED: usize = 64 * 1024 * 1024;

#[derive(Default)]
pub struct Constants {
    /// The value, and whether it is a `!var` (which may be set again).
    values: HashMap<String, (String, bool)>,
    substituted: usize,
}

impl Constants {
    pub fn define(
        &mut self,
        cursor: &Cursor,
        statement: &Statement,
        builder: &mut Builder,
    ) -> Result<(), ImportError> {
        let place = cursor.place(statement.offset);
        let variable = statement.keyword() == "!var";
        let (Some(name), Some(value)) = (statement.text(1), statement.text(2)) else {
            builder.problem(
                place,
                format!(
                    "{}: expected a name and a value; ignored",
                    written(statement)
                ),
            );
            return Ok(());
        };
        if !is_name(name) {
            let message = format!(
                "{}: a constant's name has only letters, digits, `-`, `_` and `.`; ignored",
                written(statement)
            );
            builder.problem(place, message);
            return Ok(());
        }
        if let Some((_, was_variable)) = self.values.get(name)
            && !(variable && *was_variable)
        {
            let message = format!(
                "{}: “{name}” is already defined; the first value is kept",
                written(statement)
            );
            builder.problem(place, message);
            return Ok(());
        }
        self.values
            .insert(name.to_owned(), (value.to_owned(), variable));
        Ok(())
    }

    /// Replaces `${NAME}` in every word; a name not defined is kept as written.
    pub fn substitute(
        &mut self,
        statement: &mut Statement,
        cursor: &Cursor,
        builder: &mut Builder,
    ) -> Result<(), ImportError> {
        for arg in &mut statement.args {
            if !arg.text.contains("${") {
                continue;
            }
            let mut out = String::new();
            let mut rest = arg.text.as_str();
            while let Some(start) = rest.find("${") {
                out.push_str(&rest[..start]);
                let after = &rest[start + 2..];
                let name = after
                    .find('}')
                    .map(|end| &after[..end])
                    .filter(|n| is_name(n));
                match name {
                    Some(name) => {
                        match self.values.get(name) {
                            Some((value, _)) => out.push_str(value),
                            None => {
                                let message = format!(
                                    "“${{{name}}}” is not a constant defined before this line; \
                                     kept as written"
                                );
                                builder.problem(cursor.place(arg.offset), message);
                                out.push_str(&rest[start..start + name.len() + 3]);
                            }
                        }
                        rest = &after[name.len() + 1..];
                    }
                    None => {
                        out.push_str("${");
                        rest = after;
                    }
                }
                if out.len() > LONGEST_WORD {
                    return Err(cursor.error(
                        arg.offset,
                        "constants expand to more than 1 MB of text here; this is refused",
                    ));
                }
            }
            out.push_str(rest);
            self.substituted += out.len();
            if self.substituted > MOST_SUBSTITUTED {
                return Err(cursor.error(
                    arg.offset,
                    "constants expand to more than 64 MB of text in all; this is refused",
                ));
            }
            arg.text = out;
        }
        Ok(())
    }
}

/// Structurizr's names for constants: letters, digits, `-`, `_`, `.`.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
