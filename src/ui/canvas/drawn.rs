//! Where the canvas put its boxes, text and badges this frame, on screen. Labels are placed
//! clear of what is already there, and tests read the list to check that nothing the canvas
//! writes covers anything else it writes.

use egui::Rect;

use crate::model::ItemRef;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrawnKind {
    /// A system's box.
    SystemBox,
    /// A system's name.
    SystemName,
    /// A system's technology, SLA or sensitivity line.
    SystemDetail,
    /// A zone's name tab.
    ZoneName,
    /// A connection's label plate.
    ConnectionLabel,
    /// The lock of an encrypted connection whose label had no room.
    Lock,
    /// A finding badge on a box or a line.
    FindingBadge,
    /// The legend, open or collapsed.
    Legend,
}

/// One thing drawn, and where on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drawn {
    pub kind: DrawnKind,
    /// What it belongs to; `None` for the legend.
    pub item: Option<ItemRef>,
    pub rect: Rect,
}

/// The frame's list, with the room it leaves.
#[derive(Default)]
pub(super) struct DrawnList {
    pub items: Vec<Drawn>,
}

impl DrawnList {
    pub fn clear(&mut self) {
        self.items.clear();
    }

    pub fn push(&mut self, kind: DrawnKind, item: Option<ItemRef>, rect: Rect) {
        self.items.push(Drawn { kind, item, rect });
    }

    /// Whether `rect` is clear of everything drawn so far that a label must not cover.
    pub fn is_free(&self, rect: Rect) -> bool {
        !self.items.iter().any(|d| d.rect.intersects(rect))
    }
}
