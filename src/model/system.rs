use serde::{Deserialize, Serialize};

use super::{Communication, DataFormat, Point, Sensitivity, Size, SystemId, ZoneId};

/// One system in the landscape: CM-010's per-system block plus what a canvas and a team need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct System {
    pub id: SystemId,
    pub name: String,
    /// The business function (CM-010 `{BUSINESS_FUNCTION}`).
    #[serde(default)]
    pub purpose: String,
    /// The technology stack (CM-010 `{TECH_STACK}`).
    #[serde(default)]
    pub technology: String,
    #[serde(default)]
    pub data_format: Option<DataFormat>,
    #[serde(default)]
    pub communication: Option<Communication>,
    #[serde(default)]
    pub availability: Availability,
    #[serde(default)]
    pub sensitivity: Option<Sensitivity>,
    #[serde(default)]
    pub owner_team: String,
    #[serde(default)]
    pub zone: Option<ZoneId>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub position: Point,
    #[serde(default)]
    pub size: Size,
    /// Auto-arrange leaves this box exactly where it is. Written only when true.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// An availability SLA: a percentage such as 99.95, and a note for what the number hides.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    #[serde(default)]
    pub percent: Option<f64>,
    #[serde(default)]
    pub note: String,
}

impl Availability {
    pub fn percent(percent: f64) -> Self {
        Availability {
            percent: Some(percent),
            note: String::new(),
        }
    }

    /// A percentage is meaningful only within 0–100.
    pub fn is_in_range(&self) -> bool {
        self.percent
            .is_none_or(|p| p.is_finite() && (0.0..=100.0).contains(&p))
    }

    pub fn is_empty(&self) -> bool {
        self.percent.is_none() && super::is_blank(&self.note)
    }
}

impl System {
    /// A system with a name and defaults everywhere else.
    pub fn new(id: SystemId, name: impl Into<String>) -> Self {
        System {
            id,
            name: name.into(),
            purpose: String::new(),
            technology: String::new(),
            data_format: None,
            communication: None,
            availability: Availability::default(),
            sensitivity: None,
            owner_team: String::new(),
            zone: None,
            tags: Vec::new(),
            notes: String::new(),
            position: Point::default(),
            size: Size::SYSTEM,
            pinned: false,
        }
    }
}
