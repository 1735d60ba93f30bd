//! Relationships (`a -> b "description" "technology" "tags"`, `-> b` and `this` inside an
//! element's block) and what the blocks of elements and relationships say about them:
//! `description`, `technology`, `tags`, `url`, `properties { }` and `perspectives { }`.

use super::super::ImportError;
use super::cursor::{Arg, Cursor, Next, Statement};
use super::model::{Details, End, Relationship};
use super::parse::{Context, Parser, Scope, written};

/// What a block's statements describe.
#[derive(Clone, Copy, Debug)]
pub enum Target {
    Element(usize),
    Relationship(usize),
}

impl Parser<'_> {
    /// `[r =] [a] -> b [description] [technology] [tags] [{`; `arrow` is where `->` is.
    pub fn relationship(
        &mut self,
        cursor: &mut Cursor,
        scope: &Scope,
        statement: &Statement,
        arrow: usize,
    ) -> Result<(), ImportError> {
        let args = &statement.args;
        let implicit = arrow == 0 || arrow == 2 && args[1].is("=");
        let from = if implicit {
            scope.element().map(End::Element)
        } else {
            self.end(scope, &args[arrow - 1])
        };
        let Some(to_arg) = args.get(arrow + 1) else {
            let message = "expected the element the relationship goes to after `->`";
            return Err(cursor.error(args[arrow].offset, message));
        };
        let to = self.end(scope, to_arg);
        let (Some(from), Some(to)) = (from, to) else {
            let what = if implicit {
                "a relationship without a source (`-> x`) is written inside an element's block"
            } else {
                "`this` is the element whose block this is, and there is none here"
            };
            return self.skip(cursor, statement, what);
        };
        let mut details = Details::default();
        let texts = &args[(arrow + 2).min(args.len())..];
        if let Some(description) = texts.first() {
            details.description = description.text.clone();
        }
        if let Some(technology) = texts.get(1) {
            details.technology = technology.text.clone();
        }
        if let Some(tags) = texts.get(2) {
            details.add_tags(&tags.text);
        }
        if texts.len() > 3 {
            self.ignored_words(cursor, &texts[3..], "the relationship's tags");
        }
        // `--name->` names an archetype; a plain `->` names none.
        let archetype = args[arrow]
            .text
            .strip_prefix("--")
            .and_then(|t| t.strip_suffix("->"))
            .unwrap_or("");
        if !archetype.is_empty() {
            details
                .notes
                .push(format!("relationship type: {archetype}"));
        }
        self.model.relationships.push(Relationship {
            from,
            to,
            details,
            place: cursor.place(statement.offset),
        });
        let index = self.model.relationships.len() - 1;
        match statement.block {
            Some(open) => self.statements(
                cursor,
                &scope.within(Context::Relationship(index)),
                Some(open),
            ),
            None => Ok(()),
        }
    }

    fn end(&self, scope: &Scope, arg: &Arg) -> Option<End> {
        if arg.is("this") {
            return scope.element().map(End::Element);
        }
        Some(End::Identifier {
            text: arg.text.clone(),
            scopes: self.model.scopes(scope.element()),
        })
    }

    fn details(&mut self, target: Target) -> &mut Details {
        match target {
            Target::Element(index) => &mut self.model.elements[index].details,
            Target::Relationship(index) => &mut self.model.relationships[index].details,
        }
    }

    /// A statement in an element's or relationship's block that is not a child element.
    pub fn detail(
        &mut self,
        cursor: &mut Cursor,
        target: Target,
        statement: &Statement,
    ) -> Result<(), ImportError> {
        let keyword = statement.keyword();
        let values: Vec<String> = statement.args[1..].iter().map(|a| a.text.clone()).collect();
        match (keyword.as_str(), values.as_slice()) {
            ("description" | "technology" | "url", [value, rest @ ..]) => {
                let details = self.details(target);
                match keyword.as_str() {
                    "description" => details.description = value.clone(),
                    "technology" => details.technology = value.clone(),
                    _ => details.properties.push(("url".to_owned(), value.clone())),
                }
                if !rest.is_empty() {
                    self.ignored_words(cursor, &statement.args[2..], &format!("`{keyword}`"));
                }
                Ok(())
            }
            ("tags", [_, ..]) => {
                let details = self.details(target);
                for tags in &values {
                    details.add_tags(tags);
                }
                Ok(())
            }
            ("properties" | "perspectives", _) if statement.block.is_some() => {
                let rows = self.rows(cursor, statement)?;
                let details = self.details(target);
                for row in rows {
                    match (keyword.as_str(), row.as_slice()) {
                        ("properties", [name, value, ..]) => {
                            details.properties.push((name.clone(), value.clone()))
                        }
                        ("properties", [name]) => {
                            details.properties.push((name.clone(), String::new()))
                        }
                        (_, [name, description, value, ..]) => {
                            details
                                .notes
                                .push(format!("perspective {name}: {description} ({value})"));
                        }
                        (_, [name, description]) => details
                            .notes
                            .push(format!("perspective {name}: {description}")),
                        (_, row) => details.notes.push(format!("perspective {}", row.join(" "))),
                    }
                }
                Ok(())
            }
            _ => {
                let inside = match target {
                    Target::Element(index) => {
                        format!("inside a {}", self.model.elements[index].kind.label())
                    }
                    Target::Relationship(_) => "inside a relationship".to_owned(),
                };
                self.unknown(cursor, statement, &inside)
            }
        }
    }

    /// The lines of a `properties` or `perspectives` block, each as its words.
    fn rows(
        &mut self,
        cursor: &mut Cursor,
        statement: &Statement,
    ) -> Result<Vec<Vec<String>>, ImportError> {
        let Some(open) = statement.block else {
            return Ok(Vec::new());
        };
        let mut rows = Vec::new();
        loop {
            match cursor.next() {
                Next::EndOfFile => return Err(cursor.unclosed(open)),
                Next::Close(_) => return Ok(rows),
                Next::Statement(mut row) => {
                    self.constants.substitute(&mut row, cursor, self.builder)?;
                    if row.block.is_some() {
                        let what = format!("a block inside {} is not read", written(statement));
                        self.skip(cursor, &row, &what)?;
                        continue;
                    }
                    let most = if statement.keyword() == "properties" {
                        2
                    } else {
                        3
                    };
                    let words: Vec<String> = row.args.iter().map(|a| a.text.clone()).collect();
                    if words.len() > most {
                        let after = format!(
                            "the {}",
                            if most == 2 {
                                "property's value"
                            } else {
                                "perspective's value"
                            }
                        );
                        self.ignored_words(cursor, &row.args[most..], &after);
                    }
                    if !words.is_empty() {
                        rows.push(words);
                    }
                }
            }
        }
    }
}
