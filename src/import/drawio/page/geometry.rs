//! Where a page's vertices are: geometry is relative to a parent vertex, and a box drawn
//! round others makes a zone even when they are not its children.

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{Envelope, RTree, RTreeObject};

use super::super::cells::Cell;
use super::{Page, Role};

impl Page<'_> {
    /// Each vertex's top-left corner on the page: geometry is relative to a parent vertex.
    pub(super) fn absolute_corners(&self) -> Vec<Option<(f32, f32)>> {
        (0..self.cells.len())
            .map(|i| {
                let g = self.cells[i].geometry?;
                let (mut x, mut y) = (g[0], g[1]);
                for a in self.ancestors(i) {
                    if self.cells[a].vertex
                        && let Some(pg) = self.cells[a].geometry
                    {
                        x += pg[0];
                        y += pg[1];
                    }
                }
                Some((x, y))
            })
            .collect()
    }

    /// A box drawn round other systems (a system boundary, a cloud account) is a zone,
    /// even when they are not its children.
    pub(super) fn promote_enclosing(&self, roles: &mut [Role], corners: &[Option<(f32, f32)>]) {
        let boxes: Vec<GeomWithData<Rectangle<[f32; 2]>, usize>> = (0..self.cells.len())
            .filter(|&i| roles[i] == Role::System)
            .filter_map(|i| {
                let r = rect_of(&self.cells[i], corners[i])?;
                Some(GeomWithData::new(
                    Rectangle::from_corners([r[0], r[1]], [r[2], r[3]]),
                    i,
                ))
            })
            .collect();
        let tree = RTree::bulk_load(boxes.clone());
        for outer in &boxes {
            let envelope = outer.geom().envelope();
            let size = envelope.area();
            let holds_another = tree
                .locate_in_envelope(envelope)
                .any(|inner| inner.data != outer.data && inner.geom().envelope().area() < size);
            if holds_another {
                roles[outer.data] = Role::Zone;
            }
        }
    }

    /// Each system's zone: the nearest zone around it, by nesting or, when nothing nests
    /// it, the smallest zone its box lies inside (draw.io lets a box sit in a container
    /// without being its child).
    pub(super) fn zone_of_each(
        &self,
        roles: &[Role],
        corners: &[Option<(f32, f32)>],
    ) -> Vec<Option<usize>> {
        let rect = |i: usize| rect_of(&self.cells[i], corners[i]);
        let zones: Vec<usize> = (0..self.cells.len())
            .filter(|&i| roles[i] == Role::Zone)
            .collect();
        (0..self.cells.len())
            .map(|i| {
                if let Some(z) = self.ancestors(i).find(|&a| roles[a] == Role::Zone) {
                    return Some(z);
                }
                let me = rect(i)?;
                zones
                    .iter()
                    .filter(|&&z| z != i)
                    .filter_map(|&z| Some((z, rect(z)?)))
                    .filter(|(_, r)| encloses(*r, me))
                    .min_by(|a, b| area(a.1).total_cmp(&area(b.1)))
                    .map(|(z, _)| z)
            })
            .collect()
    }
}

fn rect_of(cell: &Cell, corner: Option<(f32, f32)>) -> Option<[f32; 4]> {
    let (x, y) = corner?;
    let g = cell.geometry?;
    Some([x, y, x + g[2], y + g[3]])
}

fn encloses(outer: [f32; 4], inner: [f32; 4]) -> bool {
    outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3]
}

fn area(r: [f32; 4]) -> f32 {
    (r[2] - r[0]) * (r[3] - r[1])
}
