//! Project files: RON text in a versioned format, read with clear errors and written
//! atomically. See `docs/file-format.md`.

mod error;
mod format;
mod load;
mod locate;
mod migrate;
mod save;
mod split;
mod temporary;
mod unclosed;
mod validate;

pub(crate) use error::snippet_report;
pub use error::{LoadError, SaveError, TextPosition};
pub use format::to_ron_string;
pub use load::{Loaded, load, parse, read_text};
pub use locate::PathIndex;
pub use save::{backup_path, save, write_atomically};
pub use validate::{Problem, ProblemCode, validate};
