//! Reading a CSV table for the CSV importers: `,` `;` or tab as the separator (told from
//! the header line), UTF-8 with or without a byte-order mark, CRLF, quoted fields with
//! newlines in them. Each row keeps the line it starts on.

use super::ImportError;
use super::source::Source;

pub struct Table {
    pub headers: Vec<String>,
    /// Each row's fields and the line it starts on.
    pub rows: Vec<(Vec<String>, usize)>,
}

impl Table {
    /// The column whose header, normalised, is one of `names`.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| names.contains(&super::mapping::normalised(h).as_str()))
    }
}

/// Where a quoted field opens that is never closed: the csv crate would read the rest of
/// the file into it without a word.
fn unclosed_quote(text: &str) -> Option<usize> {
    let mut open = None;
    for (i, b) in text.bytes().enumerate() {
        if b == b'"' {
            open = match open {
                Some(_) => None,
                None => Some(i),
            };
        }
    }
    open
}

pub fn read_table(source: &Source) -> Result<Table, ImportError> {
    if let Some(at) = unclosed_quote(&source.text) {
        return Err(source.error_at(at, "this quoted field is never closed with \""));
    }
    let first_line = source.text.lines().next().unwrap_or("");
    let separator = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&s| first_line.bytes().filter(|&b| b == s).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .has_headers(true)
        .from_reader(source.text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| csv_error(source, &e))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(source, &e))?;
        // The csv crate counts lines its own way (one short with CRLF, and blank lines
        // not at all): the row's byte offset gives the line as an editor shows it.
        let line = record.position().map_or(0, |p| {
            let start = p.byte() as usize;
            let skipped = source.text[start.min(source.text.len())..]
                .bytes()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            source.position(start + skipped).line
        });
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        rows.push((record.iter().map(str::to_owned).collect(), line));
    }
    Ok(Table { headers, rows })
}

fn csv_error(source: &Source, error: &csv::Error) -> ImportError {
    let offset = error
        .position()
        .map_or(source.text.len(), |p| p.byte() as usize);
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "this is not UTF-8 text".to_owned(),
        _ => format!("this CSV cannot be read: {error}"),
    };
    source.error_at(offset, &message)
}
