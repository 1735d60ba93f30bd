//! Reading statements block by block. Each block is read in its context (the file's top,
//! the workspace, the model, an element, a relationship); what holds no landscape data is
//! skipped whole with one report line, and what is not known is a report line too.

use super::super::ImportError;
use super::super::builder::Builder;
use super::constants::Constants;
use super::cursor::{Cursor, Next, Skipped, Statement};
use super::include::Includes;
use super::model::Model;

/// Where a statement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// The top of a file given to import (or a workspace it extends).
    Root,
    Workspace,
    Model,
    Element(usize),
    Relationship(usize),
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub context: Context,
    /// The enterprise and groups around, outermost first.
    pub boundaries: Vec<usize>,
}

impl Scope {
    pub fn new(context: Context) -> Scope {
        Scope {
            context,
            boundaries: Vec::new(),
        }
    }

    pub fn within(&self, context: Context) -> Scope {
        Scope {
            context,
            boundaries: self.boundaries.clone(),
        }
    }

    /// The element whose block this is: the source of `-> x`, and what `this` is.
    pub fn element(&self) -> Option<usize> {
        match self.context {
            Context::Element(index) => Some(index),
            _ => None,
        }
    }
}

pub struct Parser<'b> {
    pub model: Model,
    pub builder: &'b mut Builder,
    pub constants: Constants,
    pub includes: Includes,
    /// `!identifiers hierarchical`: a container `c` of system `s` is `s.c`.
    pub hierarchical: bool,
    pub workspaces: usize,
    /// Blocks open now, across files.
    pub nesting: usize,
}

/// No workspace nests blocks this deep; one that does would only exhaust the stack.
const DEEPEST_BLOCK: usize = 100;

impl Parser<'_> {
    /// Statements up to the `}` closing the block opened at `open`, or to the end of the
    /// file when `open` is `None` (a whole file, or one included into a block).
    pub fn statements(
        &mut self,
        cursor: &mut Cursor,
        scope: &Scope,
        open: Option<usize>,
    ) -> Result<(), ImportError> {
        if let Some(open) = open {
            self.nesting += 1;
            if self.nesting > DEEPEST_BLOCK {
                let message =
                    format!("blocks nest deeper than {DEEPEST_BLOCK} here; this is refused");
                return Err(cursor.error(open, &message));
            }
        }
        let read = self.block(cursor, scope, open);
        if open.is_some() {
            self.nesting -= 1;
        }
        read
    }

    fn block(
        &mut self,
        cursor: &mut Cursor,
        scope: &Scope,
        open: Option<usize>,
    ) -> Result<(), ImportError> {
        loop {
            match (cursor.next(), open) {
                (Next::EndOfFile, Some(open)) => return Err(cursor.unclosed(open)),
                (Next::EndOfFile, None) | (Next::Close(_), Some(_)) => return Ok(()),
                (Next::Close(offset), None) => {
                    return Err(cursor.error(offset, "this `}` closes no block in this file"));
                }
                (Next::Statement(mut statement), _) => {
                    self.constants
                        .substitute(&mut statement, cursor, self.builder)?;
                    self.statement(cursor, scope, statement)?;
                }
            }
        }
    }

    fn statement(
        &mut self,
        cursor: &mut Cursor,
        scope: &Scope,
        statement: Statement,
    ) -> Result<(), ImportError> {
        if statement.args.is_empty() {
            return self.skip(cursor, &statement, "a block with no statement before it");
        }
        let keyword = statement.keyword();
        match keyword.as_str() {
            "!include" => return self.include(cursor, scope, &statement),
            "!const" | "!constant" | "!var" => {
                return self.constants.define(cursor, &statement, self.builder);
            }
            "!identifiers" => return self.identifiers(cursor, &statement),
            _ => {}
        }
        // `x = deploymentEnvironment …` is skipped like `deploymentEnvironment …`.
        if let Some(what) = not_landscape(&statement.main_keyword()) {
            return self.skip(cursor, &statement, what);
        }
        match scope.context {
            Context::Root => self.root_statement(cursor, statement),
            Context::Workspace => self.workspace_statement(cursor, scope, statement),
            Context::Model | Context::Element(_) | Context::Relationship(_) => {
                self.model_statement(cursor, scope, statement)
            }
        }
    }

    /// The top of a file: constants, and the workspace.
    fn root_statement(
        &mut self,
        cursor: &mut Cursor,
        statement: Statement,
    ) -> Result<(), ImportError> {
        if statement.keyword() != "workspace" {
            return Err(cursor.error(
                statement.offset,
                "expected `workspace`: a Structurizr DSL file describes one `workspace { … }`",
            ));
        }
        let Some(open) = statement.block else {
            return Err(cursor.error(statement.offset, "expected `{` after `workspace …`"));
        };
        if self.workspaces > 0 && self.includes.depth() == 1 {
            return Err(cursor.error(statement.offset, "a second workspace in this file"));
        }
        self.workspaces += 1;
        let args = &statement.args[1..];
        if args.first().is_some_and(|a| a.is("extends")) {
            self.extends(cursor, &statement)?;
            if args.len() > 2 {
                self.ignored_words(cursor, &args[2..], "`workspace extends FILE`");
            }
        } else {
            self.workspace_texts(&statement, 1);
        }
        self.statements(cursor, &Scope::new(Context::Workspace), Some(open))
    }

    /// `workspace [name] [description]`: the words from `from` on.
    fn workspace_texts(&mut self, statement: &Statement, from: usize) {
        if let Some(name) = statement.text(from) {
            self.builder.set_name(name);
        }
        self.workspace_description(statement, from + 1);
    }

    /// The workspace's description is the project's.
    fn workspace_description(&mut self, statement: &Statement, at: usize) {
        if let Some(description) = statement.text(at).filter(|d| !d.trim().is_empty()) {
            self.builder.set_description(description);
        }
    }

    fn workspace_statement(
        &mut self,
        cursor: &mut Cursor,
        scope: &Scope,
        statement: Statement,
    ) -> Result<(), ImportError> {
        match statement.keyword().as_str() {
            "model" => match statement.block {
                Some(open) => self.statements(cursor, &scope.within(Context::Model), Some(open)),
                None => {
                    let place = cursor.place(statement.offset);
                    self.builder
                        .problem(place, "`model` without `{`: nothing to read");
                    Ok(())
                }
            },
            "name" => {
                if let Some(name) = statement.text(1) {
                    self.builder.set_name(name);
                }
                Ok(())
            }
            "description" => {
                self.workspace_description(&statement, 1);
                Ok(())
            }
            "properties" => self.skip(cursor, &statement, "workspace properties (settings)"),
            _ => self.unknown(cursor, &statement, "in the workspace"),
        }
    }

    /// `!identifiers flat|hierarchical`
    fn identifiers(&mut self, cursor: &Cursor, statement: &Statement) -> Result<(), ImportError> {
        match statement
            .args
            .get(1)
            .map(|a| a.text.to_lowercase())
            .as_deref()
        {
            Some("hierarchical") => self.hierarchical = true,
            Some("flat") => self.hierarchical = false,
            other => {
                let place = cursor.place(statement.offset);
                let message = format!(
                    "`!identifiers {}`: expected `flat` or `hierarchical`; identifiers stay {}",
                    other.unwrap_or(""),
                    if self.hierarchical {
                        "hierarchical"
                    } else {
                        "flat"
                    }
                );
                self.builder.problem(place, message);
            }
        }
        Ok(())
    }

    /// Skips the statement and its block, with one report line saying what it was.
    pub fn skip(
        &mut self,
        cursor: &mut Cursor,
        statement: &Statement,
        what: &str,
    ) -> Result<(), ImportError> {
        let skipped = match statement.block {
            Some(open) => cursor.skip_block(open)?,
            None => Skipped::default(),
        };
        let written = written(statement);
        let message = format!("{written}: {what}{}", contents(statement, &skipped));
        self.builder
            .skipped(cursor.place(statement.offset), message);
        Ok(())
    }

    /// A statement not known here: a report line, not an abort.
    pub fn unknown(
        &mut self,
        cursor: &mut Cursor,
        statement: &Statement,
        context: &str,
    ) -> Result<(), ImportError> {
        let what = format!("not a statement Integration Studio reads {context}");
        self.skip(cursor, statement, &what)
    }

    pub fn ignored_words(&mut self, cursor: &Cursor, extra: &[super::cursor::Arg], after: &str) {
        let Some(first) = extra.first() else {
            return;
        };
        let words: Vec<String> = extra.iter().map(|a| format!("“{}”", a.text)).collect();
        let place = cursor.place(first.offset);
        let message = format!("{} after {after} ignored", words.join(" "));
        self.builder.problem(place, message);
    }
}

/// The statement as written, shortened, to name it in the report.
pub fn written(statement: &Statement) -> String {
    let mut text = String::new();
    for arg in &statement.args {
        if !text.is_empty() {
            text.push(' ');
        }
        if arg.quoted {
            text.push_str(&format!("\"{}\"", arg.text));
        } else {
            text.push_str(&arg.text);
        }
    }
    if text.chars().count() > 80 {
        text = text.chars().take(77).collect::<String>() + "…";
    }
    format!("`{text}`")
}

/// Keywords whose statements and blocks are no landscape data, and what they are.
fn not_landscape(keyword: &str) -> Option<&'static str> {
    Some(match keyword {
        "views" => "views are diagrams, not landscape data",
        "styles" | "themes" | "theme" | "branding" => "how diagrams look is not landscape data",
        "terminology" => "diagram terminology is not landscape data",
        "configuration" => {
            "workspace configuration (users, scope, visibility) is not landscape data"
        }
        "deploymentenvironment" => "deployment is not landscape data",
        "!docs" => "documentation is not read",
        "!adrs" | "!decisions" => "architecture decision records are not read",
        "!script" => "scripts are never run by an import",
        "!plugin" => "plugins are never run by an import",
        "!impliedrelationships" => {
            "implied relationships are not made (a component's relationships are its \
             container's instead)"
        }
        "archetypes" => "archetypes (custom element types) are not supported",
        "!elements" | "!relationship" | "!relationships" => {
            "changing elements or relationships found by an expression is not supported"
        }
        _ => return None,
    })
}

/// What a skipped block held, for views and deployment.
fn contents(statement: &Statement, skipped: &Skipped) -> String {
    use crate::words::count;
    let keyword = statement.main_keyword();
    let mut parts = Vec::new();
    match keyword.as_str() {
        "views" => {
            let views = VIEW_KINDS.iter().map(|k| skipped.count(k)).sum::<usize>();
            parts.push(count(views, "view"));
        }
        "deploymentenvironment" => {
            let instances =
                skipped.count("containerinstance") + skipped.count("softwaresysteminstance");
            let counted = [
                (skipped.count("deploymentnode"), "deployment node"),
                (instances, "instance"),
                (skipped.count("infrastructurenode"), "infrastructure node"),
                (skipped.relationships, "relationship"),
            ];
            parts.extend(
                counted
                    .iter()
                    .filter(|(n, _)| *n > 0)
                    .map(|(n, noun)| count(*n, noun)),
            );
        }
        _ if skipped.statements > 0 => parts.push(count(skipped.statements, "statement")),
        _ => {}
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

const VIEW_KINDS: [&str; 9] = [
    "systemlandscape",
    "systemcontext",
    "container",
    "component",
    "dynamic",
    "deployment",
    "filtered",
    "custom",
    "image",
];
