//! Zones, by the first rule that gives a system one:
//! 1. a Grouping, Location or Facility that composes or aggregates it (the smallest, when
//!    several do);
//! 2. the innermost named group drawn around it on the view the positions come from;
//! 3. only when that view draws no such group around any system: the innermost folder
//!    below the top-level one ("Application", "Technology & Physical" are layers, not
//!    zones).

use std::collections::BTreeMap;

use super::super::builder::{Builder, SystemDraft};
use super::super::report::LineKind;
use super::landscape::Convert;
use super::types::{ElementClass, RelationClass};
use super::views::{Layout, ZoneRef};
use crate::words::count;

pub fn assign(
    convert: &mut Convert,
    drafts: &mut [Option<SystemDraft>],
    layout: Option<&Layout>,
    builder: &mut Builder,
) {
    let mut zones: Vec<Option<ZoneRef>> = vec![None; drafts.len()];
    let from_groups = group_zones(convert, &mut zones, builder);
    let mut from_view = 0;
    if let Some(layout) = layout {
        for (&system, group) in &layout.groups {
            if zones[system].is_none() {
                zones[system] = Some(group.clone());
                from_view += 1;
            }
        }
    }
    let mut from_folders = 0;
    if from_view == 0 {
        for (system, zone) in zones.iter_mut().enumerate() {
            if drafts[system].is_none() || zone.is_some() {
                continue;
            }
            let id = &convert.model.elements[system].id;
            if let Some(path) = convert.model.folders.get(id).filter(|p| p.len() >= 2) {
                *zone = path.last().map(|name| ZoneRef {
                    key: format!("folder:{}", path.join("/")),
                    name: name.clone(),
                });
                from_folders += 1;
            }
        }
    }
    // Zones are made in the order of their first system, as the systems are.
    let mut made = std::collections::HashSet::new();
    for (system, zone) in zones.into_iter().enumerate() {
        if let (Some(zone), Some(draft)) = (zone, drafts[system].as_mut()) {
            if made.insert(zone.key.clone()) {
                builder.zone(&zone.key, &zone.name, None);
                group_details(convert, &zone.key, builder);
            }
            draft.zone = Some(zone.key);
        }
    }
    let view = layout.map_or("", |l| l.view.as_str());
    for (n, rule) in [
        (
            from_groups,
            "from Grouping, Location and Facility elements".to_owned(),
        ),
        (from_view, format!("from the groups drawn on view “{view}”")),
        (from_folders, "from the folders they are in".to_owned()),
    ] {
        if n > 0 {
            builder.line(
                LineKind::Note,
                None,
                format!("{} given a zone {rule}", count(n, "system")),
            );
        }
    }
}

/// A Grouping's documentation and properties are its zone's notes and kind (`Zone kind`,
/// as our export writes it), or note lines.
fn group_details(convert: &Convert, key: &str, builder: &mut Builder) {
    let Some(group) = key
        .strip_prefix("group:")
        .and_then(|id| convert.element(id))
    else {
        return;
    };
    let element = &convert.model.elements[group];
    builder.zone_property(key, "notes", &element.documentation);
    for (property, value) in &element.properties {
        builder.zone_property(key, property, value);
    }
}

/// Rule 1; returns how many systems it gave a zone.
fn group_zones(
    convert: &mut Convert,
    zones: &mut [Option<ZoneRef>],
    builder: &mut Builder,
) -> usize {
    // Group → its member systems, each with the relationship that says so.
    let mut members: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (r, relationship) in convert.model.relationships.iter().enumerate() {
        let RelationClass::Structural(structure) = convert.relation_classes[r] else {
            continue;
        };
        let (Some(group), Some(member)) = (
            convert.element(&relationship.source),
            convert.element(&relationship.target),
        ) else {
            continue;
        };
        if structure.is_membership()
            && convert.classes[group] == ElementClass::Group
            && convert.is_system(member)
        {
            members.entry(group).or_default().push((member, r));
        }
    }
    let mut groups_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (&group, list) in &members {
        convert.element_done[group] = true;
        for &(member, r) in list {
            convert.relation_done[r] = true;
            let groups = groups_of.entry(member).or_default();
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
    }
    let mut given = 0;
    for (member, groups) in groups_of {
        let size = |g: &usize| members.get(g).map_or(0, Vec::len);
        let Some(&smallest) = groups.iter().min_by_key(|g| size(g)) else {
            continue;
        };
        if groups.len() > 1 {
            let names: Vec<String> = groups
                .iter()
                .map(|&g| format!("“{}”", convert.name(g)))
                .collect();
            builder.line(
                LineKind::Note,
                Some(convert.model.elements[member].place.clone()),
                format!(
                    "“{}” is in {}; a system has one zone, so it is in the smallest, “{}”",
                    convert.name(member),
                    names.join(" and "),
                    convert.name(smallest)
                ),
            );
        }
        zones[member] = Some(ZoneRef {
            key: format!("group:{}", convert.model.elements[smallest].id),
            name: convert.name(smallest),
        });
        given += 1;
    }
    given
}
