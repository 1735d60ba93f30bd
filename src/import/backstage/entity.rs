//! Backstage entities and the references between them (`[kind:][namespace/]name`).

use std::collections::BTreeMap;

use super::super::builder::{Builder, ConnectionDraft, SystemDraft};
use super::super::report::{LineKind, Place};
use super::super::yaml::Node;

/// `kind:namespace/name`, lower case: how Backstage compares references.
pub type Ref = String;

pub struct Entity {
    pub kind: String,
    pub reference: Ref,
    pub name: String,
    pub title: Option<String>,
    pub description: String,
    pub tags: Vec<String>,
    /// Values that map to our fields or go into the notes: owner, lifecycle, annotations…
    pub properties: Vec<(String, String)>,
    pub notes: Vec<String>,
    pub spec_type: Option<String>,
    pub system: Option<(Ref, Place)>,
    pub provides: Vec<(Ref, Place)>,
    pub consumes: Vec<(Ref, Place)>,
    pub depends_on: Vec<(Ref, Place)>,
    pub place: Place,
}

/// `ref` with the kind and namespace filled in where it leaves them out.
fn full_ref(text: &str, default_kind: &str, namespace: &str) -> Ref {
    let text = text.trim().to_lowercase();
    let (kind, rest) = match text.split_once(':') {
        Some((kind, rest)) if !kind.contains('/') => (kind.to_owned(), rest.to_owned()),
        _ => (default_kind.to_owned(), text.clone()),
    };
    let (namespace, name) = match rest.split_once('/') {
        Some((ns, name)) => (ns.to_owned(), name.to_owned()),
        None => (namespace.to_owned(), rest),
    };
    format!("{kind}:{namespace}/{name}")
}

/// The name part of a reference, for showing an owner as a team name.
fn short_name(text: &str) -> &str {
    let text = text.rsplit_once(':').map_or(text, |(_, rest)| rest);
    text.rsplit_once('/').map_or(text, |(_, name)| name)
}

impl Entity {
    pub fn of(document: &Node, place: Place) -> Option<Entity> {
        let kind = document.text_at("kind")?.trim().to_lowercase();
        let metadata = document.get("metadata")?;
        let name = metadata.text_at("name")?.trim().to_owned();
        let namespace = metadata
            .text_at("namespace")
            .unwrap_or("default")
            .trim()
            .to_lowercase();
        let at = |node: &Node| Place {
            line: node.line,
            column: node.column,
            ..place.clone()
        };
        let empty = Node::default_mapping();
        let spec = document.get("spec").unwrap_or(&empty);
        let refs = |key: &str, default_kind: &str| -> Vec<(Ref, Place)> {
            spec.texts_at(key)
                .into_iter()
                .map(|(text, node)| (full_ref(text, default_kind, &namespace), at(node)))
                .collect()
        };
        let mut properties = Vec::new();
        if let Some(owner) = spec.text_at("owner") {
            properties.push(("owner".to_owned(), short_name(owner).to_owned()));
        }
        if let Some(lifecycle) = spec.text_at("lifecycle") {
            properties.push(("lifecycle".to_owned(), lifecycle.to_owned()));
        }
        for (key, value) in metadata.get("annotations").map_or(&[][..], Node::entries) {
            if let Some(text) = value.text() {
                properties.push((key.clone(), text.to_owned()));
            }
        }
        let mut notes = Vec::new();
        for link in metadata.get("links").map_or(&[][..], Node::sequence) {
            if let Some(url) = link.text_at("url") {
                let title = link.text_at("title").unwrap_or("link");
                notes.push(format!("{title}: {url}"));
            }
        }
        for (parent, _) in refs("subcomponentOf", "component") {
            notes.push(format!("part of {parent} in Backstage"));
        }
        Some(Entity {
            reference: format!("{kind}:{namespace}/{}", name.to_lowercase()),
            kind,
            title: metadata.text_at("title").map(str::to_owned),
            description: metadata.text_at("description").unwrap_or("").to_owned(),
            tags: metadata
                .texts_at("tags")
                .into_iter()
                .map(|(t, _)| t.to_owned())
                .collect(),
            properties,
            notes,
            spec_type: spec.text_at("type").map(str::to_owned),
            system: refs("system", "system").into_iter().next(),
            provides: refs("providesApis", "api"),
            consumes: refs("consumesApis", "api"),
            depends_on: refs("dependsOn", "component"),
            name,
            place,
        })
    }

    fn shown_name(&self) -> String {
        self.title.clone().unwrap_or_else(|| self.name.clone())
    }
}

/// Kinds that are people or tooling, not part of the landscape.
const NOT_LANDSCAPE: &[(&str, &str)] = &[
    ("user", "people; owners are kept by name"),
    ("group", "teams; owners are kept by name"),
    ("template", "a scaffolder template"),
];

pub fn into_drafts(entities: Vec<Entity>, builder: &mut Builder) {
    let by_ref: BTreeMap<&str, &Entity> =
        entities.iter().map(|e| (e.reference.as_str(), e)).collect();
    let mut left_out: BTreeMap<String, (usize, Place)> = BTreeMap::new();
    for entity in &entities {
        match entity.kind.as_str() {
            "system" => builder.zone(
                &entity.reference,
                &entity.shown_name(),
                Some(entity.place.clone()),
            ),
            "component" | "resource" => add_system(entity, &by_ref, builder),
            "api" => {}
            "domain" => builder.line(
                LineKind::Note,
                Some(entity.place.clone()),
                format!(
                    "domain {}: zones do not nest, so its systems are the zones",
                    entity.shown_name()
                ),
            ),
            other => {
                let entry = left_out
                    .entry(other.to_owned())
                    .or_insert((0, entity.place.clone()));
                entry.0 += 1;
            }
        }
    }
    for (kind, (count, place)) in left_out {
        let why = NOT_LANDSCAPE
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("not part of the landscape", |(_, w)| w);
        builder.skipped(
            place,
            format!(
                "{count} {kind} entit{}: {why}",
                if count == 1 { "y" } else { "ies" }
            ),
        );
    }
    api_flows(&entities, &by_ref, builder);
    for entity in entities
        .iter()
        .filter(|e| matches!(e.kind.as_str(), "component" | "resource"))
    {
        for (target, place) in &entity.depends_on {
            let draft = ConnectionDraft {
                from: entity.reference.clone(),
                to: target.clone(),
                label: String::new(),
                notes: vec![format!("{} depends on {target} in Backstage", entity.name)],
                ..ConnectionDraft::default()
            };
            builder.connection(draft, Some(place.clone()));
        }
    }
}

fn add_system(entity: &Entity, by_ref: &BTreeMap<&str, &Entity>, builder: &mut Builder) {
    let mut draft = SystemDraft {
        name: entity.shown_name(),
        purpose: entity.description.clone(),
        tags: entity.tags.clone(),
        properties: entity.properties.clone(),
        notes: entity.notes.clone(),
        ..SystemDraft::default()
    };
    let kind = if entity.kind == "component" {
        "Component"
    } else {
        "Resource"
    };
    draft.notes.insert(
        0,
        match &entity.spec_type {
            Some(t) => format!("Backstage {kind} ({t})"),
            None => format!("Backstage {kind}"),
        },
    );
    if let Some((system, place)) = &entity.system {
        if !by_ref.contains_key(system.as_str()) {
            // A system the catalog names but does not hold: still a zone, by its name.
            builder.zone(system, short_name(system), Some(place.clone()));
        }
        draft.zone = Some(system.clone());
    }
    builder.system(&entity.reference, draft, Some(entity.place.clone()));
}

/// A flow from each consumer of an API to each of its providers.
fn api_flows(entities: &[Entity], by_ref: &BTreeMap<&str, &Entity>, builder: &mut Builder) {
    let mut providers: BTreeMap<&str, Vec<&Entity>> = BTreeMap::new();
    let mut consumers: BTreeMap<&str, Vec<(&Entity, &Place)>> = BTreeMap::new();
    for entity in entities {
        for (api, _) in &entity.provides {
            providers.entry(api).or_default().push(entity);
        }
        for (api, place) in &entity.consumes {
            consumers.entry(api).or_default().push((entity, place));
        }
    }
    for entity in entities.iter().filter(|e| e.kind == "api") {
        let api = entity.reference.as_str();
        let given = providers.get(api).map_or(&[][..], Vec::as_slice);
        let taken = consumers.get(api).map_or(&[][..], Vec::as_slice);
        match (given.is_empty(), taken.is_empty()) {
            (true, _) => builder.skipped(
                entity.place.clone(),
                format!(
                    "API {}: no component provides it, so it is no flow",
                    entity.name
                ),
            ),
            (false, true) => builder.line(
                LineKind::Note,
                Some(entity.place.clone()),
                format!(
                    "API {}: nothing in the catalog consumes it, so it is no flow",
                    entity.name
                ),
            ),
            (false, false) => {}
        }
        for (consumer, place) in taken {
            for provider in given {
                builder.connection(api_flow(entity, consumer, provider), Some((*place).clone()));
            }
        }
    }
    for (api, users) in &consumers {
        if !by_ref.contains_key(api) {
            for (consumer, place) in users {
                builder.skipped(
                    (*place).clone(),
                    format!(
                        "{} consumes {api}, which is not in the catalog",
                        consumer.name
                    ),
                );
            }
        }
    }
}

fn api_flow(api: &Entity, consumer: &Entity, provider: &Entity) -> ConnectionDraft {
    let mut draft = ConnectionDraft {
        from: consumer.reference.clone(),
        to: provider.reference.clone(),
        label: format!("{} API", api.shown_name()),
        notes: vec![format!(
            "{} consumes the {} API that {} provides",
            consumer.name, api.name, provider.name
        )],
        ..ConnectionDraft::default()
    };
    if !api.description.is_empty() {
        draft.notes.push(api.description.clone());
    }
    let protocol = match api.spec_type.as_deref().map(str::to_lowercase).as_deref() {
        Some("openapi") => Some("REST"),
        Some("asyncapi") => Some("Event stream"),
        Some("grpc") => Some("gRPC"),
        Some("graphql") => Some("GraphQL"),
        _ => None,
    };
    match (protocol, &api.spec_type) {
        (Some(protocol), _) => draft
            .properties
            .push(("protocol".to_owned(), protocol.to_owned())),
        (None, Some(other)) => draft
            .properties
            .push(("api type".to_owned(), other.clone())),
        (None, None) => {}
    }
    draft
}
