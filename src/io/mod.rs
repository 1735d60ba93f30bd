//! Project files: RON text in a versioned format, read with clear errors and written
//! atomically. See `docs/file-format.md`.

mod error;
mod format;
mod load;
mod locate;
mod migrate;
mod save;
mod validate;

pub use error::{LoadError, SaveError, TextPosition};
pub use format::to_ron_string;
pub use load::{load, parse, read_text, Loaded};
pub use locate::PathIndex;
pub use save::{backup_path, save, write_atomically};
pub use validate::{validate, Problem, ProblemCode};
