//! Canvas geometry that belongs to the model, so a layout travels with the project file.

use serde::{Deserialize, Serialize};

/// A point in scene (canvas) coordinates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// A size in scene (canvas) units.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Size {
    pub width: f32,
    pub height: f32,
}

impl Size {
    /// The size a new system box gets.
    pub const SYSTEM: Size = Size {
        width: 200.0,
        height: 90.0,
    };
}

impl Default for Size {
    fn default() -> Self {
        Size::SYSTEM
    }
}

impl Point {
    pub fn new(x: f32, y: f32) -> Self {
        Point { x, y }
    }

    pub fn is_finite(&self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}
