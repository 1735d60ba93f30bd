//! draw.io / diagrams.net: every page (or the one `--page` names), stored plain or
//! compressed (base64 of raw deflate of the URI-encoded XML), in a `.drawio` file, a
//! bare `<mxGraphModel>` or a `.drawio.svg`. Vertices become systems, edges connections,
//! labelled containers and swimlanes zones; positions and sizes are kept.

mod cells;
mod page;

use base64::Engine;

use super::builder::Builder;
use super::report::{LineKind, Place};
use super::source::Source;
use super::{ImportError, Options};

/// A compressed page may inflate to at most this much: a small file that inflates to
/// gigabytes (a "zip bomb") is refused instead.
const LARGEST_PAGE: usize = 64 * 1024 * 1024;

/// Space between pages laid side by side.
const PAGE_GAP: f32 = 400.0;

/// One page's XML, where its `<diagram>` is in the source, and whether the cells' own
/// places can be shown (not inside a compressed page).
pub struct PageText {
    pub name: String,
    pub xml: String,
    pub place: Place,
    pub compressed: bool,
    /// Byte offset of the page's XML within the source text, when it is plain.
    pub offset: Option<usize>,
}

pub fn read(source: &Source, options: &Options, builder: &mut Builder) -> Result<(), ImportError> {
    let text = match svg_content(source)? {
        Some(content) => content,
        None => source.text.clone(),
    };
    let document = parse(source, &text)?;
    let root = document.root_element();
    let pages = pages(source, &text, root)?;
    let chosen = choose(source, pages, options.page.as_deref())?;
    let mut left = 0.0;
    let several = chosen.len() > 1;
    // One page with a name of its own (not draw.io's "Page-1") names the landscape, as
    // our own export names its page after the project.
    if let [(_, page)] = chosen.as_slice()
        && !is_default_page_name(&page.name)
    {
        builder.set_name(&page.name);
    }
    for (number, page) in chosen {
        if page.compressed {
            builder.line(
                LineKind::Note,
                Some(page.place.clone()),
                format!(
                    "page “{}” is stored compressed: its report lines point at the page",
                    page.name
                ),
            );
        }
        let prefix = if several {
            format!("p{number}:")
        } else {
            String::new()
        };
        let at = several.then_some(left);
        let width = page::read_page(source, &page, &prefix, at, builder)?;
        left += width + PAGE_GAP;
    }
    Ok(())
}

/// draw.io names new pages "Page-1", "Page-2", …
fn is_default_page_name(name: &str) -> bool {
    let name = name.trim();
    name.is_empty()
        || name
            .strip_prefix("Page-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The diagram inside a `.drawio.svg`: the `content` attribute of its `<svg>`.
fn svg_content(source: &Source) -> Result<Option<String>, ImportError> {
    let head: String = source.text.chars().take(2048).collect();
    if !head.contains("<svg") {
        return Ok(None);
    }
    let document = parse(source, &source.text)?;
    match document.root_element().attribute("content") {
        Some(content) => Ok(Some(content.to_owned())),
        None => Err(source.error_at(
            0,
            "this SVG holds no draw.io diagram (no `content` attribute)",
        )),
    }
}

/// XML parsed with no DTD, so no entities are expanded and nothing is fetched.
pub fn parse<'a>(source: &Source, text: &'a str) -> Result<roxmltree::Document<'a>, ImportError> {
    roxmltree::Document::parse(text).map_err(|error| {
        let position = error.pos();
        let offset = if std::ptr::eq(text, source.text.as_str()) {
            source.offset_of(position.row as usize, position.col as usize)
        } else {
            0
        };
        let message = match error {
            roxmltree::Error::DtdDetected => {
                "this XML declares a DTD; for safety Integration Studio reads no DTDs or entities"
                    .to_owned()
            }
            other => format!("this XML cannot be read: {other}"),
        };
        source.error_at(offset, &message)
    })
}

/// Every page: the `<diagram>`s of an `<mxfile>`, or a bare `<mxGraphModel>` as one page.
fn pages(source: &Source, text: &str, root: roxmltree::Node) -> Result<Vec<PageText>, ImportError> {
    let plain_offset = |node: roxmltree::Node| {
        std::ptr::eq(text, source.text.as_str()).then(|| node.range().start)
    };
    match root.tag_name().name() {
        "mxGraphModel" => Ok(vec![PageText {
            name: "Page-1".to_owned(),
            xml: text[root.range()].to_owned(),
            place: source.place(plain_offset(root).unwrap_or(0)),
            compressed: false,
            offset: plain_offset(root),
        }]),
        "mxfile" => root
            .children()
            .filter(|n| n.has_tag_name("diagram"))
            .enumerate()
            .map(|(i, diagram)| page_of(source, text, diagram, i + 1, plain_offset(diagram)))
            .collect(),
        other => Err(source.error_at(
            plain_offset(root).unwrap_or(0),
            &format!("this is not a draw.io file: it starts with <{other}>, not <mxfile> or <mxGraphModel>"),
        )),
    }
}

fn page_of(
    source: &Source,
    text: &str,
    diagram: roxmltree::Node,
    number: usize,
    offset: Option<usize>,
) -> Result<PageText, ImportError> {
    let name = diagram
        .attribute("name")
        .map_or_else(|| format!("Page-{number}"), str::to_owned);
    let place = source.place(offset.unwrap_or(0));
    if let Some(model) = diagram.children().find(|n| n.has_tag_name("mxGraphModel")) {
        return Ok(PageText {
            name,
            xml: text[model.range()].to_owned(),
            place,
            compressed: false,
            offset: offset.map(|_| model.range().start),
        });
    }
    let packed = diagram.text().unwrap_or("").trim();
    let xml = inflate(packed)
        .map_err(|why| source.error_at(offset.unwrap_or(0), &format!("page “{name}”: {why}")))?;
    Ok(PageText {
        name,
        xml,
        place,
        compressed: true,
        offset: None,
    })
}

/// base64 → raw deflate (bounded) → URI-decoded XML.
fn inflate(packed: &str) -> Result<String, String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(packed.as_bytes())
        .map_err(|e| format!("the compressed page is not base64 ({e})"))?;
    let inflated = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, LARGEST_PAGE)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => format!(
                "the compressed page inflates to more than {} MB; not read",
                LARGEST_PAGE / (1024 * 1024)
            ),
            _ => "the compressed page is not valid deflate data".to_owned(),
        })?;
    let encoded =
        String::from_utf8(inflated).map_err(|_| "the inflated page is not text".to_owned())?;
    percent_encoding::percent_decode_str(&encoded)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| "the inflated page is not UTF-8 after URI-decoding".to_owned())
}

/// The pages `--page` asks for, by name or number from 1, each with its number.
fn choose(
    source: &Source,
    pages: Vec<PageText>,
    wanted: Option<&str>,
) -> Result<Vec<(usize, PageText)>, ImportError> {
    let numbered = (1..).zip(pages);
    let Some(wanted) = wanted else {
        return Ok(numbered.collect());
    };
    let all: Vec<(usize, PageText)> = numbered.collect();
    let names: Vec<String> = all
        .iter()
        .map(|(n, p)| format!("{n} “{}”", p.name))
        .collect();
    let by_number = wanted.parse::<usize>().ok();
    let found: Vec<(usize, PageText)> = all
        .into_iter()
        .filter(|(n, p)| Some(*n) == by_number || p.name == wanted)
        .take(1)
        .collect();
    if found.is_empty() {
        return Err(ImportError::Unsupported {
            path: source.path.clone(),
            reason: format!("no page “{wanted}”; the pages are {}", names.join(", ")),
        });
    }
    Ok(found)
}

#[cfg(test)]
mod tests;
