use serde::{Deserialize, Serialize};

use super::{ZoneId, ZoneKind};

/// A trust boundary, such as "On-premises", "Cloud" or "Partner". Systems name their zone;
/// the canvas draws a zone around its members, so a zone has no geometry of its own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub id: ZoneId,
    pub name: String,
    #[serde(default)]
    pub kind: Option<ZoneKind>,
    #[serde(default)]
    pub notes: String,
}
