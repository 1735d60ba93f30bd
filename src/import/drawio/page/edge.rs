//! One line of a page: the systems at its ends, what it carries, its arrows, dashes and
//! bends.

use super::super::super::builder::{Builder, ConnectionDraft};
use super::super::super::report::Place;
use super::names::one_line;
use super::{Page, Role, exact};
use crate::model::Point;

impl Page<'_> {
    pub(super) fn edge(
        &self,
        i: usize,
        roles: &[Role],
        prefix: &str,
        place: Place,
        origin: (f32, f32),
        builder: &mut Builder,
    ) {
        let cell = &self.cells[i];
        let (Some(source), Some(target)) = (&cell.source, &cell.target) else {
            builder.skipped(
                place,
                format!("line {} is not connected at both ends", cell.id),
            );
            return;
        };
        let ends = self
            .end_system(source, roles)
            .and_then(|a| Ok((a, self.end_system(target, roles)?)));
        let (from, to) = match ends {
            Ok(ends) => ends,
            Err(why) => {
                builder.skipped(
                    place,
                    format!("line {} from {source} to {target}: {why}", cell.id),
                );
                return;
            }
        };
        let mut label = cell
            .property("c4Description")
            .map(str::to_owned)
            .unwrap_or_else(|| self.one_line_text(i));
        if label.is_empty() {
            let labels: Vec<String> = self
                .children(i)
                .map(|c| one_line(&self.text(c)))
                .filter(|t| !t.is_empty())
                .collect();
            label = labels.join(" ");
        }
        let arrow = |key: &str, default: &str| {
            cell.style.get(key).map_or(default, String::as_str) != "none"
        };
        let (forward, back) = (arrow("endArrow", "classic"), arrow("startArrow", "none"));
        let mut draft = ConnectionDraft {
            from: format!("{prefix}{}", self.cells[from].id),
            to: format!("{prefix}{}", self.cells[to].id),
            label,
            technology: cell
                .property("c4Technology")
                .unwrap_or("")
                .trim()
                .to_owned(),
            both_ways: forward && back,
            ..ConnectionDraft::default()
        };
        if !forward && !back {
            draft
                .notes
                .push("drawn without arrowheads in draw.io".to_owned());
        }
        if cell.style_is("dashed", "1") && !exact::says_interaction_style(cell) {
            draft.notes.push("drawn dashed in draw.io".to_owned());
        }
        draft.waypoints = cell
            .points
            .iter()
            .map(|&(x, y)| Point::new(x + origin.0, y + origin.1))
            .collect();
        if !forward && back {
            std::mem::swap(&mut draft.from, &mut draft.to);
            draft.waypoints.reverse();
        }
        for (key, value) in self.unused_properties(i) {
            if !key.starts_with("c4") {
                draft.properties.push((key.clone(), value.clone()));
            }
        }
        builder.connection(draft, Some(place));
    }
}
