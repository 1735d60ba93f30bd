//! Labels written as HTML (draw.io, Graphviz): the text a person reads, with line breaks
//! where the markup breaks lines and entities decoded.

/// Tags that end a line of text.
const BREAKS: &[&str] = &[
    "br", "div", "p", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
];

/// The text of an HTML fragment: tags dropped, `<br>`, `<div>` and the like as line
/// breaks, entities (`&amp;`, `&#8594;`, `&nbsp;`) decoded, blank lines and runs of
/// spaces gone.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            text.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim_start_matches('/').trim();
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        if BREAKS.contains(&name.as_str()) {
            text.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let decoded = html_escape::decode_html_entities(&text).replace('\u{a0}', " ");
    decoded
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn markup_becomes_lines_of_text() {
        assert_eq!(
            plain_text("<b>Order&nbsp;API</b><br>Spring &amp; <i>Kafka</i>"),
            "Order API\nSpring & Kafka"
        );
        assert_eq!(
            plain_text("<div>CRM</div><div><br></div><div>SaaS</div>"),
            "CRM\nSaaS"
        );
        assert_eq!(plain_text("a &lt; b &#8594; c"), "a < b → c");
        assert_eq!(plain_text("unclosed <b"), "unclosed <b");
    }
}
