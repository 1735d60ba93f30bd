//! Typed ids. All three kinds share one counter per project, so an id is never reused,
//! not even by a different kind of item, and a reference can never silently change meaning.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

typed_id!(
    /// Identifies a system within its project.
    SystemId
);
typed_id!(
    /// Identifies a connection (data flow) within its project.
    ConnectionId
);
typed_id!(
    /// Identifies a zone (trust boundary) within its project.
    ZoneId
);
