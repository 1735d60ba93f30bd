//! What a workspace says twice: tags and a technology that only restate an element's or
//! relationship's own properties, as our Structurizr export writes them so that views
//! can style by tag and show a technology (`src/export/structurizr.rs`). Kept once, in
//! the field the property fills, not again as a tag, a note line or a guess.

use super::super::mapping::normalised;
use super::model::Details;
use crate::export::structurizr::{ASYNC_TAG, sensitivity_tag};
use crate::model::{InteractionStyle, Sensitivity};

/// The first property whose key is one of `keys` (compared as the mapping compares them).
fn property<'d>(details: &'d Details, keys: &[&str]) -> Option<&'d str> {
    details
        .properties
        .iter()
        .find(|(key, _)| keys.contains(&normalised(key).as_str()))
        .map(|(_, value)| value.as_str())
}

/// The element's tags without `Sensitivity: X` when its sensitivity property is X.
pub fn element_tags(details: &Details) -> Vec<String> {
    let sensitivity = property(details, &["sensitivity"]).and_then(Sensitivity::from_label);
    let restated = sensitivity.as_ref().map(sensitivity_tag);
    details
        .tags
        .iter()
        .filter(|tag| Some(tag.as_str()) != restated.as_deref())
        .cloned()
        .collect()
}

/// The relationship's tags without `Asynchronous` when its style property is one nobody
/// waits on (what the other exports dash).
pub fn relationship_tags(details: &Details) -> Vec<String> {
    let style = property(details, &["style"]).and_then(InteractionStyle::from_label);
    let dashed = matches!(
        style,
        Some(
            InteractionStyle::AsyncMessage
                | InteractionStyle::PublishSubscribe
                | InteractionStyle::Batch
                | InteractionStyle::Streaming
        )
    );
    details
        .tags
        .iter()
        .filter(|tag| !(dashed && tag.as_str() == ASYNC_TAG))
        .cloned()
        .collect()
}

/// The relationship's technology, or "" when it is only its protocol and data format
/// properties joined as "REST / JSON".
pub fn technology(details: &Details) -> &str {
    let restated: Vec<&str> = [
        property(details, &["protocol", "communication"]),
        property(details, &["dataformat", "format"]),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .filter(|value| !value.is_empty())
    .collect();
    let technology = details.technology.trim();
    if !restated.is_empty() && technology == restated.join(" / ") {
        ""
    } else {
        &details.technology
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details(tags: &[&str], properties: &[(&str, &str)], technology: &str) -> Details {
        Details {
            technology: technology.to_owned(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            properties: properties
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Details::default()
        }
    }

    #[test]
    fn only_what_the_properties_say_is_dropped() {
        let d = details(
            &["Sensitivity: Confidential", "tier-1"],
            &[("Sensitivity", "confidential")],
            "",
        );
        assert_eq!(element_tags(&d), ["tier-1"]);
        let d = details(
            &["Sensitivity: Confidential"],
            &[("sensitivity", "Public")],
            "",
        );
        assert_eq!(element_tags(&d), ["Sensitivity: Confidential"]);
        let d = details(&["Asynchronous"], &[("style", "Publish/subscribe")], "");
        assert!(relationship_tags(&d).is_empty());
        let d = details(&["Asynchronous"], &[], "");
        assert_eq!(relationship_tags(&d), ["Asynchronous"]);
        let d = details(
            &[],
            &[("protocol", "REST"), ("data format", "JSON")],
            "REST / JSON",
        );
        assert_eq!(technology(&d), "");
        let d = details(&[], &[("protocol", "REST")], "HTTPS");
        assert_eq!(technology(&d), "HTTPS");
        assert_eq!(technology(&details(&[], &[], "Kafka")), "Kafka");
    }
}
