//! The drawing of zones: a zone is drawn around its members, so a system inside that
//! border looks as if it were in the zone.

use std::collections::HashMap;

use super::Context;
use crate::analysis::landscape::display_name;
use crate::analysis::report::{Finding, Severity};
use crate::analysis::rule::{Concerns, Rule, first_names_of};
use crate::model::{Project, Rect, System, Zone, ZoneId, zone_rect};

pub static ZONE_COVERS_OUTSIDER: Rule = Rule {
    id: "zone-covers-outsider",
    severity: Severity::Warning,
    why: "A zone is drawn around its systems, so a system that lies inside its border looks \
          as if it were inside that trust boundary: whoever reads the picture sees a \
          boundary the model does not have.",
    pattern: "Arrange the landscape (Arrange ▸ Auto-arrange, Ctrl+Shift+L), which keeps \
              each zone's systems together and zones apart; or move the system out of the \
              zone's border, or into the zone if it belongs there.",
};

/// Boxes are looked up by cells of this size, in scene units.
const CELL: f32 = 400.0;

/// A box spanning more cells than this is checked against every zone instead of being
/// filed under each of its cells (a hand-edited size can be enormous).
const MAX_CELLS_PER_BOX: i64 = 64;

/// How many names a message lists before it counts the rest.
const NAMES_SHOWN: usize = 6;

pub(super) fn check(cx: &Context, findings: &mut Vec<Finding>) {
    findings.extend(drawing_findings(cx.landscape.project));
}

/// The findings about how zones are drawn. They read only the project's geometry and
/// zones, not the landscape the other rules share, so a move on the canvas can refresh
/// them alone.
pub(crate) fn drawing_findings(project: &Project) -> Vec<Finding> {
    let zones = &project.zones;
    let place: HashMap<ZoneId, usize> = zones
        .iter()
        .enumerate()
        .rev() // With a duplicated id (a load problem) the first zone keeps it.
        .map(|(z, zone)| (zone.id, z))
        .collect();
    let mut members = vec![Rect::NOTHING; zones.len()];
    let mut zone_of = vec![None; project.systems.len()];
    let mut boxes = Vec::with_capacity(project.systems.len());
    for (i, system) in project.systems.iter().enumerate() {
        let rect = system.rect();
        boxes.push(rect);
        if let Some(&z) = system.zone.and_then(|zone| place.get(&zone)) {
            members[z] = members[z].union(rect);
            zone_of[i] = Some(z);
        }
    }
    let index = BoxIndex::new(&boxes);
    let mut findings = Vec::new();
    let mut covered = Vec::new();
    for (z, zone) in zones.iter().enumerate() {
        // A zone without members is not drawn; a duplicate of an id is not either.
        if !members[z].is_positive() || place.get(&zone.id) != Some(&z) {
            continue;
        }
        covered.clear();
        index.overlapping(zone_rect(members[z]), &boxes, &mut covered);
        covered.retain(|&i| zone_of[i] != Some(z));
        if covered.is_empty() {
            continue;
        }
        covered.sort_unstable();
        covered.dedup();
        findings.push(covers_outsiders(project, zone, &covered));
    }
    findings
}

/// The finding for `zone`, drawn over the systems at the `covered` places.
fn covers_outsiders(project: &Project, zone: &Zone, covered: &[usize]) -> Finding {
    let systems: Vec<&System> = covered.iter().map(|&i| &project.systems[i]).collect();
    let names = first_names_of(
        systems.iter().map(|s| display_name(s)),
        systems.len(),
        NAMES_SHOWN,
    );
    let verb = if systems.len() == 1 { "is" } else { "are" };
    let message = format!(
        "The zone \"{}\" is drawn over {names}, which {verb} not in it.",
        zone.name
    );
    let mut subject = vec![zone.id.0];
    subject.extend(systems.iter().map(|s| s.id.0));
    let concerns = Concerns {
        systems: systems.iter().map(|s| s.id).collect(),
        connections: Vec::new(),
        subject,
    };
    ZONE_COVERS_OUTSIDER.finding(message, concerns)
}

/// Boxes filed by the cells they touch, so a zone's region reads only the boxes near it.
struct BoxIndex {
    cells: HashMap<(i32, i32), Vec<usize>>,
    /// Boxes too large to file: checked against every region.
    large: Vec<usize>,
}

impl BoxIndex {
    fn new(boxes: &[Rect]) -> Self {
        let mut cells: HashMap<(i32, i32), Vec<usize>> = HashMap::with_capacity(boxes.len());
        let mut large = Vec::new();
        for (i, rect) in boxes.iter().enumerate() {
            let span = Span::of(*rect);
            if span.count() > MAX_CELLS_PER_BOX {
                large.push(i);
                continue;
            }
            for cell in span.cells() {
                cells.entry(cell).or_default().push(i);
            }
        }
        BoxIndex { cells, large }
    }

    /// Pushes the boxes that overlap `region` (a box can come more than once).
    fn overlapping(&self, region: Rect, boxes: &[Rect], found: &mut Vec<usize>) {
        let span = Span::of(region);
        let mut take = |candidates: &[usize]| {
            found.extend(candidates.iter().filter(|&&i| boxes[i].overlaps(&region)));
        };
        // A region wider than the landscape's filled cells reads those cells instead.
        if span.count() <= self.cells.len() as i64 {
            for cell in span.cells() {
                if let Some(list) = self.cells.get(&cell) {
                    take(list);
                }
            }
        } else {
            for (cell, list) in &self.cells {
                if span.contains(*cell) {
                    take(list);
                }
            }
        }
        take(&self.large);
    }
}

/// The cells a rect touches, as inclusive ranges.
struct Span {
    x: (i32, i32),
    y: (i32, i32),
}

impl Span {
    fn of(rect: Rect) -> Self {
        // Clamped: a hand-edited file can put a box a long way off.
        let cell = |v: f32| (v / CELL).floor().clamp(-1e6, 1e6) as i32;
        Span {
            x: (cell(rect.min.x), cell(rect.max.x)),
            y: (cell(rect.min.y), cell(rect.max.y)),
        }
    }

    fn count(&self) -> i64 {
        let along = |(low, high): (i32, i32)| (i64::from(high) - i64::from(low) + 1).max(0);
        along(self.x) * along(self.y)
    }

    fn contains(&self, (x, y): (i32, i32)) -> bool {
        (self.x.0..=self.x.1).contains(&x) && (self.y.0..=self.y.1).contains(&y)
    }

    fn cells(&self) -> impl Iterator<Item = (i32, i32)> {
        let (x, y) = (self.x, self.y);
        (x.0..=x.1).flat_map(move |cx| (y.0..=y.1).map(move |cy| (cx, cy)))
    }
}

#[cfg(test)]
mod tests;
