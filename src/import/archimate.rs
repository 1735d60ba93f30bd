//! ArchiMate Open Exchange Format (as Archi, BiZZdesign and others export it).

use super::builder::Builder;
use super::source::Source;
use super::{ImportError, Options};

pub fn read(source: &Source, options: &Options, builder: &mut Builder) -> Result<(), ImportError> {
    let _ = (options, builder);
    Err(ImportError::Unsupported {
        path: source.path.clone(),
        reason: "importing the ArchiMate exchange format is not built yet".to_owned(),
    })
}
