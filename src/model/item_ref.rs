use serde::Serialize;

use super::{ConnectionId, SystemId, ZoneId};

/// Points at one item of a project, so a message or a missing value can lead the user there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case")]
pub enum ItemRef {
    Project,
    System(SystemId),
    Connection(ConnectionId),
    Zone(ZoneId),
}
