//! `render --scope`: what the prompt is about, given on the command line. The syntax is
//! checked while the arguments are parsed; names can only be checked against the project
//! once it is loaded, and a bad one then gets the same kind of error as bad syntax.

use clap::error::ErrorKind;

use crate::model::{Project, PromptScope, SystemId, ZoneId};

/// One `--scope` value, its names not yet looked up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScopeArg {
    /// `all`: the whole landscape, whatever the project saved.
    All,
    /// `zone:NAME`
    Zone(String),
    /// `systems:ID,ID`
    Systems(Vec<String>),
    /// `around:ID:HOPS`
    Around(String, u32),
}

const SYNTAX: &str = "expected all, zone:NAME, systems:ID,ID or around:ID:HOPS";

/// Parses one `--scope` value (clap's value parser).
pub fn parse(value: &str) -> Result<ScopeArg, String> {
    let Some((kind, rest)) = value.split_once(':') else {
        return match value.trim() {
            "all" => Ok(ScopeArg::All),
            _ => Err(SYNTAX.to_owned()),
        };
    };
    let rest = rest.trim();
    match kind.trim() {
        "zone" if !rest.is_empty() => Ok(ScopeArg::Zone(rest.to_owned())),
        "zone" => Err("zone: needs a zone's name or id, e.g. zone:Payments".to_owned()),
        "systems" => {
            let names: Vec<String> = rest
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect();
            if names.is_empty() {
                return Err("systems: needs system names or ids, e.g. systems:4,7".to_owned());
            }
            Ok(ScopeArg::Systems(names))
        }
        "around" => {
            // The hop count is after the last colon, so a name may contain colons.
            let hops = rest.rsplit_once(':').and_then(|(name, hops)| {
                let hops = hops.trim().parse::<u32>().ok()?;
                (!name.trim().is_empty()).then(|| (name.trim().to_owned(), hops))
            });
            match hops {
                Some((name, hops)) => Ok(ScopeArg::Around(name, hops)),
                None => Err(
                    "around: needs a system and a hop count, e.g. around:Order service:1"
                        .to_owned(),
                ),
            }
        }
        _ => Err(SYNTAX.to_owned()),
    }
}

/// Replaces the project's saved scope with the command line's: the union of every value,
/// with the largest hop count. Nothing given leaves the saved scope as it is.
pub fn apply(args: &[ScopeArg], project: &mut Project) -> Result<(), clap::Error> {
    if args.is_empty() {
        return Ok(());
    }
    if args.contains(&ScopeArg::All) {
        if args.len() > 1 {
            return Err(invalid("all", "all cannot be combined with other scopes"));
        }
        project.prompt.scope = PromptScope::default();
        return Ok(());
    }
    let mut scope = PromptScope::default();
    for arg in args {
        match arg {
            ScopeArg::All => {}
            ScopeArg::Zone(name) => {
                let id = find(project, Kind::Zone, name).map_err(|e| invalid(name, &e))?;
                push_new(&mut scope.zones, ZoneId(id));
            }
            ScopeArg::Systems(names) => {
                for name in names {
                    let id = find(project, Kind::System, name).map_err(|e| invalid(name, &e))?;
                    push_new(&mut scope.systems, SystemId(id));
                }
            }
            ScopeArg::Around(name, hops) => {
                let id = find(project, Kind::System, name).map_err(|e| invalid(name, &e))?;
                push_new(&mut scope.systems, SystemId(id));
                scope.hops = scope.hops.max(*hops);
            }
        }
    }
    project.prompt.scope = scope;
    Ok(())
}

fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Zone,
    System,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Zone => "zone",
            Kind::System => "system",
        }
    }
}

/// The id of the zone or system `query` names: its numeric id, or its name, compared
/// without regard to case, when exactly one has it.
fn find(project: &Project, kind: Kind, query: &str) -> Result<u64, String> {
    let items: Vec<(u64, &str)> = match kind {
        Kind::Zone => project
            .zones
            .iter()
            .map(|z| (z.id.0, z.name.as_str()))
            .collect(),
        Kind::System => project
            .systems
            .iter()
            .map(|s| (s.id.0, s.name.as_str()))
            .collect(),
    };
    let noun = kind.noun();
    if let Ok(id) = query.parse::<u64>()
        && items.iter().any(|&(item, _)| item == id)
    {
        return Ok(id);
    }
    let wanted = query.trim().to_lowercase();
    let matches: Vec<u64> = items
        .iter()
        .filter(|(_, name)| name.trim().to_lowercase() == wanted)
        .map(|&(id, _)| id)
        .collect();
    match matches.as_slice() {
        [id] => Ok(*id),
        [] if items.is_empty() => Err(format!(
            "unknown {noun} “{query}”; the project has no {noun}s"
        )),
        [] => Err(format!(
            "unknown {noun} “{query}”; the {noun}s are {}",
            listing(&items)
        )),
        several => Err(format!(
            "ambiguous {noun} name “{query}”: {} {noun}s have it (ids {}); give the id",
            several.len(),
            several
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// "“A” (1), “B” (2)", the first few, so the error stays readable for large landscapes.
fn listing(items: &[(u64, &str)]) -> String {
    const SHOWN: usize = 12;
    let mut names: Vec<String> = items
        .iter()
        .take(SHOWN)
        .map(|(id, name)| format!("“{name}” ({id})"))
        .collect();
    if items.len() > SHOWN {
        names.push(format!("and {} more", items.len() - SHOWN));
    }
    names.join(", ")
}

fn invalid(value: &str, problem: &str) -> clap::Error {
    clap::Error::raw(
        ErrorKind::ValueValidation,
        format!("invalid value '{value}' for '--scope <SCOPE>': {problem}\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_into_their_kinds() {
        assert_eq!(parse("all"), Ok(ScopeArg::All));
        assert_eq!(
            parse("zone: Payments "),
            Ok(ScopeArg::Zone("Payments".into()))
        );
        assert_eq!(
            parse("systems:4, Order service,"),
            Ok(ScopeArg::Systems(vec!["4".into(), "Order service".into()]))
        );
        assert_eq!(parse("around:A:B:2"), Ok(ScopeArg::Around("A:B".into(), 2)));
        for bad in [
            "zone:",
            "systems:,",
            "around:A",
            "around::1",
            "around:A:x",
            "zones:A",
            "x",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
