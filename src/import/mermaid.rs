//! Mermaid: `flowchart` / `graph` diagrams (nodes with their shapes' labels, links with
//! labels, chains and `&`, subgraphs as zones) and `architecture-beta` (groups, services,
//! junctions, edges). Mermaid has no positions, so the landscape is arranged. Hand-written:
//! no Rust crate parses Mermaid, and the report needs every statement's line and column.

mod architecture;
mod flowchart;
mod link;

use super::ImportError;
use super::builder::Builder;
use super::source::Source;

pub fn read(source: &Source, builder: &mut Builder) -> Result<(), ImportError> {
    let (body_start, title) = front_matter(&source.text);
    if let Some(title) = title {
        builder.set_name(&title);
    }
    let statements = statements(&source.text, body_start);
    let Some((first, rest)) = statements.split_first() else {
        return Err(source.error_at(body_start, "the file has no Mermaid diagram in it"));
    };
    let keyword = first.text.split_whitespace().next().unwrap_or("");
    match keyword {
        "flowchart" | "graph" | "flowchart-elk" => flowchart::read(source, rest, builder),
        "architecture-beta" => architecture::read(source, rest, builder),
        other => Err(source.error_at(
            first.offset,
            &format!(
                "“{other}” diagrams hold no landscape; Integration Studio imports `flowchart`, \
                 `graph` and `architecture-beta` diagrams"
            ),
        )),
    }
}

/// One statement: its text and the byte offset where it starts.
#[derive(Debug)]
pub struct Statement<'a> {
    pub text: &'a str,
    pub offset: usize,
}

/// Statements one per line, or separated by `;` outside quotes and brackets, without
/// `%%` comments and blank lines.
fn statements(text: &str, from: usize) -> Vec<Statement<'_>> {
    let mut out = Vec::new();
    let mut offset = from;
    for line in text[from..].split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        let mut depth = 0i32;
        let mut quoted = false;
        let mut start = 0;
        for (i, c) in line.char_indices() {
            match c {
                '"' => quoted = !quoted,
                '[' | '(' | '{' if !quoted => depth += 1,
                ']' | ')' | '}' if !quoted => depth -= 1,
                ';' if !quoted && depth <= 0 => {
                    push_statement(&mut out, &line[start..i], line_start + start);
                    start = i + 1;
                }
                _ => {}
            }
        }
        push_statement(&mut out, &line[start..], line_start + start);
    }
    out
}

fn push_statement<'a>(out: &mut Vec<Statement<'a>>, text: &'a str, offset: usize) {
    let trimmed = text.trim_start();
    let offset = offset + (text.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() || trimmed.starts_with("%%") {
        return;
    }
    out.push(Statement {
        text: trimmed,
        offset,
    });
}

/// Where the diagram starts after a `---` front matter block, and its `title`.
fn front_matter(text: &str) -> (usize, Option<String>) {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    if !rest.starts_with("---") {
        return (start, None);
    }
    let Some(first_newline) = rest.find('\n') else {
        return (start, None);
    };
    let mut offset = start + first_newline + 1;
    let mut title = None;
    for line in text[offset..].split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim();
        if trimmed == "---" {
            return (offset, title);
        }
        if let Some(value) = trimmed.strip_prefix("title:") {
            title = Some(value.trim().trim_matches(['"', '\'']).to_owned());
        }
    }
    // No closing `---`: not front matter after all.
    (start, None)
}

/// Label text as a person reads it: quotes and Markdown backticks gone, `<br>` as a
/// space, other tags dropped, Mermaid's `#quot;` entities decoded.
pub fn plain_label(text: &str) -> String {
    let text = text.trim();
    let text = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    let text = text
        .strip_prefix('`')
        .and_then(|t| t.strip_suffix('`'))
        .unwrap_or(text);
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        plain.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => {
                let tag = rest[open + 1..open + close].trim().to_lowercase();
                if tag.starts_with("br") {
                    plain.push(' ');
                }
                rest = &rest[open + close + 1..];
            }
            None => {
                plain.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    plain.push_str(rest);
    let plain = plain
        .replace("#quot;", "\"")
        .replace("#amp;", "&")
        .replace("#lt;", "<")
        .replace("#gt;", ">")
        .replace("**", "");
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
