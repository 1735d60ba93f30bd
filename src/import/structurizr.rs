//! Structurizr DSL (`workspace.dsl`): the model's people, software systems, containers
//! and components with their texts, tags, properties and perspectives; groups and
//! `enterprise` as zones; relationships (also `-> x` and `this` inside blocks);
//! identifiers, flat or hierarchical; `!const` / `!var` with `${NAME}`; `"""` text
//! blocks; `!include` of files and folders and `workspace extends`, read only inside the
//! sandbox (a URL is never fetched). Views, styles, deployment, documentation, scripts and
//! plugins are not landscape data: each block is skipped with one report line.
//! Hand-written: no Rust crate reads the DSL, and the report needs every place.

mod constants;
mod cursor;
mod details;
mod elements;
mod flows;
mod include;
mod landscape;
mod lex;
mod model;
mod parse;
mod restated;

use super::builder::Builder;
use super::source::Source;
use super::{ImportError, Options};
use constants::Constants;
use cursor::Cursor;
use include::Includes;
use model::Model;
use parse::{Context, Parser, Scope};

pub fn read(source: &Source, options: &Options, builder: &mut Builder) -> Result<(), ImportError> {
    let mut cursor = Cursor::new(source)?;
    let mut parser = Parser {
        model: Model::default(),
        builder,
        constants: Constants::default(),
        includes: Includes::new(source, &options.allow_include),
        hierarchical: false,
        workspaces: 0,
        nesting: 0,
    };
    parser.statements(&mut cursor, &Scope::new(Context::Root), None)?;
    if parser.workspaces == 0 {
        return Err(source.error_at(
            0,
            "there is no `workspace { … }` in this file: it is not a Structurizr DSL workspace",
        ));
    }
    let Parser { model, builder, .. } = parser;
    let roles = landscape::roles(&model, options.components);
    landscape::add_systems(&model, &roles, builder);
    flows::add_connections(&model, &roles, builder);
    Ok(())
}

#[cfg(test)]
mod tests;
