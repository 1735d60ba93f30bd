//! Statements in the model and in elements' blocks: `person`, `softwareSystem`,
//! `container`, `component` and `element` with their positional texts and identifiers
//! (`x = …`, hierarchical when asked), `group`, `enterprise`, and `!element` / `!ref`.

use super::super::ImportError;
use super::cursor::{Arg, Cursor, Statement};
use super::details::Target;
use super::model::{Boundary, BoundaryKind, Details, Element, Kind};
use super::parse::{Context, Parser, Scope};

/// An element as its statement declares it.
struct Declared {
    kind: Kind,
    name: String,
    details: Details,
    identifier: Option<Arg>,
}

/// The texts after an element's name, in order.
#[derive(Clone, Copy)]
enum Field {
    Description,
    Technology,
    Tags,
    Metadata,
}

impl Parser<'_> {
    pub fn model_statement(
        &mut self,
        cursor: &mut Cursor,
        scope: &Scope,
        statement: Statement,
    ) -> Result<(), ImportError> {
        if let Some(arrow) = arrow_at(&statement.args) {
            return self.relationship(cursor, scope, &statement, arrow);
        }
        let assigned = statement.args.len() >= 3 && statement.args[1].is("=");
        let at = if assigned { 2 } else { 0 };
        let identifier = assigned.then(|| statement.args[0].clone());
        let keyword = statement.args[at].keyword().unwrap_or_default();
        if let Some(kind) = Kind::from_keyword(&keyword) {
            return self.element(cursor, scope, &statement, identifier, kind);
        }
        let parent_kind = scope.element().map(|e| self.model.elements[e].kind);
        match (keyword.as_str(), scope.context) {
            ("group", Context::Model) => {
                self.boundary(cursor, scope, &statement, at, BoundaryKind::Group)
            }
            ("group", Context::Element(_)) if parent_kind.and_then(Kind::child).is_some() => {
                self.boundary(cursor, scope, &statement, at, BoundaryKind::Group)
            }
            ("enterprise", Context::Model) => {
                self.boundary(cursor, scope, &statement, at, BoundaryKind::Enterprise)
            }
            ("!element" | "!ref" | "!extend", Context::Model) => {
                self.element_ref(cursor, &statement, identifier, at)
            }
            ("properties", Context::Model) => {
                self.skip(cursor, &statement, "model properties (settings)")
            }
            (_, Context::Element(index)) => self.detail(cursor, Target::Element(index), &statement),
            (_, Context::Relationship(index)) => {
                self.detail(cursor, Target::Relationship(index), &statement)
            }
            _ => self.unknown(cursor, &statement, "in the model"),
        }
    }

    /// `[id =] keyword name [texts…] [{`
    fn element(
        &mut self,
        cursor: &mut Cursor,
        scope: &Scope,
        statement: &Statement,
        identifier: Option<Arg>,
        kind: Kind,
    ) -> Result<(), ImportError> {
        let parent = scope.element();
        let allowed = match parent {
            None => {
                scope.context == Context::Model
                    && matches!(kind, Kind::Person | Kind::SoftwareSystem | Kind::Custom)
            }
            Some(p) => self.model.elements[p].kind.child() == Some(kind),
        };
        if !allowed {
            let where_ = parent.map_or("here".to_owned(), |p| {
                format!("inside a {}", self.model.elements[p].kind.label())
            });
            return self.unknown(cursor, statement, &where_);
        }
        let at = if identifier.is_some() { 2 } else { 0 };
        let args = &statement.args[at + 1..];
        let Some(name) = args.first() else {
            let keyword = &statement.args[at];
            let message = format!(
                "expected the {}'s name after `{}`",
                kind.label(),
                keyword.text
            );
            return Err(cursor.error(keyword.offset, &message));
        };
        let fields: &[Field] = match kind {
            Kind::Person | Kind::SoftwareSystem => &[Field::Description, Field::Tags],
            Kind::Container | Kind::Component => {
                &[Field::Description, Field::Technology, Field::Tags]
            }
            Kind::Custom => &[Field::Metadata, Field::Description, Field::Tags],
        };
        let mut details = Details::default();
        for (field, arg) in fields.iter().zip(&args[1..]) {
            match field {
                Field::Description => details.description = arg.text.clone(),
                Field::Technology => details.technology = arg.text.clone(),
                Field::Tags => details.add_tags(&arg.text),
                Field::Metadata if !arg.text.trim().is_empty() => {
                    details.notes.push(format!("metadata: {}", arg.text));
                }
                Field::Metadata => {}
            }
        }
        if args.len() > 1 + fields.len() {
            let after = format!(
                "the {}'s {}",
                kind.label(),
                if fields.len() == 3 { "tags" } else { "texts" }
            );
            self.ignored_words(cursor, &args[1 + fields.len()..], &after);
        }
        let declared = Declared {
            kind,
            name: name.text.clone(),
            details,
            identifier,
        };
        let index = self.add_element(cursor, statement, declared, scope);
        match statement.block {
            Some(open) => {
                self.statements(cursor, &scope.within(Context::Element(index)), Some(open))
            }
            None => Ok(()),
        }
    }

    fn add_element(
        &mut self,
        cursor: &Cursor,
        statement: &Statement,
        declared: Declared,
        scope: &Scope,
    ) -> usize {
        let index = self.model.elements.len();
        let parent = scope.element();
        let qualified = declared
            .identifier
            .as_ref()
            .and_then(|identifier| self.identify(cursor, statement, index, parent, identifier));
        // Unnamed, an element is known by its name (within its parent's).
        let wanted = match (qualified, parent) {
            (Some(qualified), _) => qualified,
            (None, Some(p)) => format!("{}.{}", self.model.elements[p].key, declared.name),
            (None, None) => declared.name.clone(),
        };
        let key = self.model.unique_key(&wanted);
        let order = self.model.next_order();
        self.model.elements.push(Element {
            kind: declared.kind,
            key,
            name: declared.name,
            details: declared.details,
            parent,
            boundaries: scope.boundaries.clone(),
            place: cursor.place(statement.offset),
            order,
        });
        index
    }

    /// Registers `identifier` for the element about to be `index`, qualified by its
    /// parent's when identifiers are hierarchical; the qualified identifier, when free.
    fn identify(
        &mut self,
        cursor: &Cursor,
        statement: &Statement,
        index: usize,
        parent: Option<usize>,
        identifier: &Arg,
    ) -> Option<String> {
        let parent_identifier = parent.and_then(|p| self.model.element_identifiers.get(&p));
        let qualified = match (self.hierarchical, parent_identifier) {
            (true, Some(parent)) => format!("{parent}.{}", identifier.text),
            _ => identifier.text.clone(),
        };
        let lower = qualified.to_lowercase();
        if let Some(&first) = self.model.identifiers.get(&lower) {
            let message = format!(
                "the identifier “{qualified}” is already used at {}; relationships naming it go to \
                 that element",
                self.model.elements[first].place
            );
            self.builder
                .problem(cursor.place(statement.offset), message);
            return None;
        }
        self.model.identifiers.insert(lower, index);
        self.model
            .element_identifiers
            .insert(index, qualified.clone());
        Some(qualified)
    }

    /// `group "Name" {` and `enterprise "Name" {`: the elements inside are in it.
    fn boundary(
        &mut self,
        cursor: &mut Cursor,
        scope: &Scope,
        statement: &Statement,
        at: usize,
        kind: BoundaryKind,
    ) -> Result<(), ImportError> {
        let keyword = &statement.args[at];
        let Some(name) = statement.args.get(at + 1) else {
            return Err(cursor.error(
                keyword.offset,
                &format!("expected a name after `{}`", keyword.text),
            ));
        };
        let Some(open) = statement.block else {
            let message = format!(
                "`{} \"{}\"` without `{{` holds nothing",
                keyword.text, name.text
            );
            self.builder
                .problem(cursor.place(statement.offset), message);
            return Ok(());
        };
        if statement.args.len() > at + 2 {
            self.ignored_words(cursor, &statement.args[at + 2..], "the name");
        }
        // Structurizr groups are names: blocks of the same name in the same place are one.
        let key = match kind {
            BoundaryKind::Enterprise => format!("enterprise:{}", name.text),
            BoundaryKind::Group => {
                let parent = scope
                    .element()
                    .map(|p| self.model.elements[p].key.as_str())
                    .unwrap_or("");
                let mut path: Vec<&str> = scope
                    .boundaries
                    .iter()
                    .map(|&b| &self.model.boundaries[b])
                    .filter(|b| b.kind == BoundaryKind::Group)
                    .map(|b| b.name.as_str())
                    .collect();
                path.push(&name.text);
                format!("group:{parent}:{}", path.join("/"))
            }
        };
        let order = self.model.next_order();
        self.model.boundaries.push(Boundary {
            kind,
            name: name.text.clone(),
            key,
            order,
            place: cursor.place(statement.offset),
        });
        let mut inner = scope.clone();
        inner.boundaries.push(self.model.boundaries.len() - 1);
        self.statements(cursor, &inner, Some(open))
    }

    /// `!element x {` (formerly `!ref`): more statements about an element declared before,
    /// in this file or in the workspace it extends.
    fn element_ref(
        &mut self,
        cursor: &mut Cursor,
        statement: &Statement,
        identifier: Option<Arg>,
        at: usize,
    ) -> Result<(), ImportError> {
        let keyword = &statement.args[at];
        let Some(wanted) = statement.args.get(at + 1) else {
            return Err(cursor.error(
                keyword.offset,
                &format!("expected an identifier after `{}`", keyword.text),
            ));
        };
        let found = self.model.find(&wanted.text, &[]).or_else(|| {
            self.model
                .elements
                .iter()
                .position(|e| e.name == wanted.text)
        });
        let Some(index) = found else {
            let what = format!(
                "no element of the model has the identifier or name “{}” (deployment elements are not \
                 read)",
                wanted.text
            );
            return self.skip(cursor, statement, &what);
        };
        if let Some(identifier) = identifier {
            self.model
                .identifiers
                .entry(identifier.text.to_lowercase())
                .or_insert(index);
        }
        let Some(open) = statement.block else {
            return Ok(());
        };
        let inner = Scope {
            context: Context::Element(index),
            boundaries: self.model.elements[index].boundaries.clone(),
        };
        self.statements(cursor, &inner, Some(open))
    }
}

/// Where the `->` of a relationship statement is: `-> b`, `a -> b`, `r = -> b`,
/// `r = a -> b`; `--name->` is a relationship of an archetype.
pub fn arrow_at(args: &[Arg]) -> Option<usize> {
    let is_arrow = |i: usize| args.get(i).is_some_and(is_arrow);
    let assigned = args.len() > 2 && args[1].is("=");
    let candidates: &[usize] = if assigned { &[2, 3] } else { &[0, 1] };
    candidates.iter().copied().find(|&i| is_arrow(i))
}

pub fn is_arrow(arg: &Arg) -> bool {
    !arg.quoted
        && (arg.text == "->"
            || arg.text.len() > 4 && arg.text.starts_with("--") && arg.text.ends_with("->"))
}
