//! Flowchart links: `-->`, `---`, `-.->`, `==>`, `<-->`, `--x`, `--o`, `~~~`, of any
//! length, with a label as `-->|text|` or `-- text -->`.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkHead {
    /// An arrow (or a cross or circle) at the far end.
    Arrow,
    /// Heads at both ends.
    Both,
    /// A plain line.
    None,
    /// `<--`: the arrow points back at the first node.
    Back,
    /// `~~~`: spacing only, not drawn.
    Invisible,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub label: Option<String>,
    pub dotted: bool,
    pub head: LinkHead,
}

fn is_body(b: u8) -> bool {
    matches!(b, b'-' | b'=' | b'.')
}

/// The link at the start of `text` and its length in bytes.
pub fn parse_link(text: &str) -> Option<(Link, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut tail = false;
    if bytes.first() == Some(&b'<')
        || (matches!(bytes.first(), Some(b'x' | b'o'))
            && bytes.get(1).copied().is_some_and(is_body))
    {
        tail = true;
        i = 1;
    }
    if text[i..].starts_with("~~~") {
        let end = i + text[i..].len() - text[i..].trim_start_matches('~').len();
        let link = Link {
            label: None,
            dotted: false,
            head: LinkHead::Invisible,
        };
        return Some((link, end));
    }
    let body_start = i;
    while bytes.get(i).copied().is_some_and(is_body) {
        i += 1;
    }
    let body = &text[body_start..i];
    if body.len() < 2 || !body.starts_with(['-', '=']) {
        return None;
    }
    let mut dotted = body.contains('.');
    let mut label = None;
    let mut head = head_at(bytes, i);
    if head {
        i += 1;
    } else if matches!(body, "--" | "==" | "-.")
        && bytes.get(i).is_some_and(u8::is_ascii_whitespace)
    {
        // `-- text -->`: the label runs to the closing half of the link.
        let closing = match body {
            "-." => ".-",
            other => other,
        };
        let close = text[i..].find(closing)? + i;
        label = Some(super::plain_label(&text[i..close]));
        i = close;
        while bytes.get(i).copied().is_some_and(is_body) {
            i += 1;
        }
        dotted |= text[close..i].contains('.');
        head = head_at(bytes, i);
        if head {
            i += 1;
        }
    }
    if label.is_none() {
        let after = text[i..].trim_start();
        if let Some(piped) = after.strip_prefix('|') {
            let close = piped.find('|')?;
            label = Some(super::plain_label(&piped[..close]));
            i = text.len() - after.len() + 1 + close + 1;
        }
    }
    let head = match (tail, head) {
        (true, true) => LinkHead::Both,
        (_, true) => LinkHead::Arrow,
        (true, false) => LinkHead::Back,
        (false, false) => LinkHead::None,
    };
    let label = label.filter(|l| !l.is_empty());
    Some((
        Link {
            label,
            dotted,
            head,
        },
        i,
    ))
}

/// An arrowhead at `i`: `>`, a cross `x` or a circle `o` right after the line (Mermaid
/// reads `A--xB` as a cross to B, too).
fn head_at(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i), Some(b'>' | b'x' | b'o'))
}
