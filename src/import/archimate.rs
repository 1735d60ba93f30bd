//! ArchiMate Open Exchange Format (as Archi, BiZZdesign and others export it), read into
//! a `Model` that Archi's own model files and its CSV are read into too, and turned into a
//! landscape by one set of rules (see `types` for what each element type becomes,
//! docs/import.md for the whole mapping):
//!
//! - application components, nodes, devices and system software are systems; services,
//!   interfaces and functions stand for the one system that realises or performs them;
//! - Flow, Triggering and Serving are connections in ArchiMate's direction; Access pairs
//!   the systems that write a data object with those that read it, the data as label;
//! - zones come from Grouping / Location elements, the groups drawn on the view, or the
//!   model's folders; positions from one view;
//! - everything else, the business layer included, is accounted for in the report.

mod access;
mod bendpoints;
mod junctions;
mod landscape;
pub(super) mod model;
mod relations;
mod sweep;
pub(super) mod types;
mod views;
pub(super) mod xml;
mod zones;

#[cfg(test)]
pub(super) mod tests;

use super::archi_model;
use super::builder::Builder;
use super::source::Source;
use super::{ImportError, Options};

/// Reads the exchange format, or an Archi model (`.archimate`), told apart by the root.
pub fn read(source: &Source, options: &Options, builder: &mut Builder) -> Result<(), ImportError> {
    let document = xml::document(source)?;
    let root = document.root_element();
    let model = if archi_model::is_archi_model(root) {
        archi_model::parse(source, root)
    } else {
        xml::parse(source, root)?
    };
    landscape::build(&model, options.view.as_deref(), &source.path, builder)
}

/// Turns a model read from another ArchiMate source (Archi's CSV) into drafts.
pub(super) fn build(
    model: &model::Model,
    source: &Source,
    builder: &mut Builder,
) -> Result<(), ImportError> {
    landscape::build(model, None, &source.path, builder)
}
