//! The bundled example landscapes, compiled into the binary so they are always at hand.

use std::path::Path;

use crate::io::{LoadError, parse};
use crate::model::Project;

/// One bundled example project.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    /// Short name used on the command line, e.g. `ecommerce`.
    pub name: &'static str,
    pub title: &'static str,
    /// The project file text, in canonical form.
    pub source: &'static str,
}

/// Every bundled example; the first is what a new user sees first.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "ecommerce",
        title: "E-commerce, order to delivery",
        source: include_str!("../assets/examples/ecommerce.ron"),
    },
    Example {
        name: "bank",
        title: "A bank’s payments and open-banking landscape",
        source: include_str!("../assets/examples/bank.ron"),
    },
    Example {
        name: "hospital",
        title: "Hospital records integration (HL7 v2 and FHIR)",
        source: include_str!("../assets/examples/hospital.ron"),
    },
];

/// The example called `name`.
pub fn find(name: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.name.eq_ignore_ascii_case(name))
}

impl Example {
    /// The example as a project.
    pub fn project(&self) -> Result<Project, LoadError> {
        let origin = format!("<bundled example {}>", self.name);
        parse(self.source, Path::new(&origin)).map(|loaded| loaded.project)
    }
}
