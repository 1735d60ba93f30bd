//! Archi's CSV export: `elements.csv`, `relations.csv` and `properties.csv`, with an
//! optional common prefix (`test1-elements.csv`…). Any one of the three may be given; the
//! others are read from beside it (relations and properties may be missing). The first
//! elements row of type `ArchimateModel` is the model itself. The rows are read into the
//! same model the exchange format gives, so both follow the same rules (see
//! `archimate`); Archi writes an Access relationship's direction as an `Access_Type`
//! property, which is taken as that, not as a property.

mod text;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::ImportError;
use super::archimate::model::{Element, Model, Relationship};
use super::archimate::types::AccessType;
use super::builder::Builder;
use super::report::{LineKind, Place};
use super::sandbox::Sandbox;
use super::source::Source;
use super::table::{Table, read_table};

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Part {
    Elements,
    Relations,
    Properties,
}

const PARTS: [(Part, &str); 3] = [
    (Part::Elements, "elements"),
    (Part::Relations, "relations"),
    (Part::Properties, "properties"),
];

pub fn read(source: &Source, builder: &mut Builder) -> Result<(), ImportError> {
    let (given, siblings) = match part_of(&source.path) {
        Some((part, siblings)) => (part, siblings),
        None => {
            builder.line(
                LineKind::Note,
                None,
                "the file is not named …elements.csv, so no relations or properties file \
                 is looked for beside it",
            );
            (Part::Elements, HashMap::new())
        }
    };
    // The given file as read, the others from disk when they are there; a link beside
    // the file that leads out of its folder is not followed.
    let sandbox = Sandbox::new(&source.path, &[]);
    let open = |part: Part| -> Result<Option<Source>, ImportError> {
        if part == given {
            return Ok(Some(Source::new(&source.path, source.text.clone())));
        }
        match siblings.get(&part) {
            Some(path) if path.is_file() => {
                sandbox.check(path).map_err(|reason| ImportError::Read {
                    path: path.clone(),
                    reason,
                })?;
                Source::read(path).map(Some)
            }
            _ => Ok(None),
        }
    };
    let Some(elements_source) = open(Part::Elements)? else {
        return Err(missing_elements(source, &siblings));
    };
    let mut model = Model::default();
    let model_id = elements(&elements_source, &mut model)?;
    if model.name.is_empty() {
        // No model row: the files' common prefix names it better than "test5-elements".
        model.name = prefix(&source.path).unwrap_or_default();
    }
    if let Some(relations_source) = open(Part::Relations)? {
        relations(&relations_source, &mut model)?;
    }
    if let Some(properties_source) = open(Part::Properties)? {
        properties(&properties_source, &mut model, model_id, builder)?;
    }
    super::archimate::build(&model, source, builder)
}

/// Which of the three files this is, and the paths of all three by part.
fn part_of(path: &Path) -> Option<(Part, HashMap<Part, PathBuf>)> {
    let name = path.file_name()?.to_str()?;
    // ASCII lower case keeps byte offsets, so the prefix and suffix can be cut from `name`.
    let lower = name.to_ascii_lowercase();
    let (part, at, word) = PARTS
        .iter()
        .find_map(|&(part, word)| lower.rfind(word).map(|at| (part, at, word)))?;
    let (prefix, suffix) = (&name[..at], &name[at + word.len()..]);
    let siblings = PARTS
        .iter()
        .map(|&(p, w)| (p, path.with_file_name(format!("{prefix}{w}{suffix}"))))
        .collect();
    Some((part, siblings))
}

/// `acme-elements.csv` → `acme`.
fn prefix(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    let at = PARTS.iter().find_map(|(_, word)| lower.rfind(word))?;
    let prefix = name[..at].trim_end_matches(['-', '_', ' ', '.']);
    (!prefix.is_empty()).then(|| prefix.to_owned())
}

fn missing_elements(source: &Source, siblings: &HashMap<Part, PathBuf>) -> ImportError {
    let elements = siblings
        .get(&Part::Elements)
        .map_or_else(String::new, |p| p.display().to_string());
    ImportError::Unsupported {
        path: source.path.clone(),
        reason: format!(
            "this is part of an Archi CSV export, but its elements file ({elements}) is not \
             beside it; it holds the systems, so it is needed"
        ),
    }
}

/// A CSV file of the export, its rows with their lines in the file.
struct Csv<'s> {
    source: &'s Source,
    table: Table,
    shift: usize,
}

impl<'s> Csv<'s> {
    fn read(source: &'s Source) -> Result<Csv<'s>, ImportError> {
        let cleaned = text::clean(source)?;
        let shift = cleaned.shift;
        let table =
            read_table(&Source::new(&source.path, cleaned.text)).map_err(|error| match error {
                ImportError::Parse {
                    position, message, ..
                } => source.error_at(
                    source.offset_of(position.line + shift, position.column),
                    &message,
                ),
                other => other,
            })?;
        Ok(Csv {
            source,
            table,
            shift,
        })
    }

    /// The columns named, each of which the file must have.
    fn columns<const N: usize>(
        &self,
        names: [&str; N],
        what: &str,
    ) -> Result<[usize; N], ImportError> {
        let mut found = [0; N];
        for (slot, name) in found.iter_mut().zip(names) {
            *slot = self.table.column(&[name]).ok_or_else(|| {
                self.source.error_at(
                    self.source.offset_of(self.shift + 1, 1),
                    &format!(
                        "this is not an Archi {what} file: it has no “{name}” column (the \
                         header is {})",
                        self.table.headers.join(", ")
                    ),
                )
            })?;
        }
        Ok(found)
    }

    /// Each row's cell getter and place.
    fn rows(&self) -> impl Iterator<Item = (impl Fn(Option<usize>) -> String + '_, Place)> + '_ {
        self.table.rows.iter().map(|(fields, line)| {
            let cell = move |column: Option<usize>| {
                column
                    .and_then(|c| fields.get(c))
                    .map_or_else(String::new, |v| v.trim().to_owned())
            };
            (cell, self.source.place_at(line + self.shift, 1))
        })
    }
}

/// An id for a row that has none: nothing can refer to it, and where it is keeps it apart.
fn id_or_place(id: String, place: &Place) -> String {
    if id.is_empty() {
        format!("row {}", place.line)
    } else {
        id
    }
}

/// Reads the elements and the model row; returns the model's id.
fn elements(source: &Source, model: &mut Model) -> Result<Option<String>, ImportError> {
    let csv = Csv::read(source)?;
    let [kind, name] = csv.columns(["type", "name"], "elements")?;
    let id = csv.table.column(&["id"]);
    let documentation = csv.table.column(&["documentation"]);
    let specialization = csv.table.column(&["specialization", "specialisation"]);
    let mut model_id = None;
    for (cell, place) in csv.rows() {
        let element = Element {
            id: id_or_place(cell(id), &place),
            kind: cell(Some(kind)),
            name: cell(Some(name)),
            documentation: cell(documentation),
            properties: Vec::new(),
            specialization: cell(specialization),
            place,
        };
        if model_id.is_none() && element.kind.eq_ignore_ascii_case("ArchimateModel") {
            model.name = element.name;
            model.documentation = element.documentation;
            model.place = Some(element.place);
            model_id = Some(element.id);
            continue;
        }
        model.elements.push(element);
    }
    Ok(model_id)
}

fn relations(source: &Source, model: &mut Model) -> Result<(), ImportError> {
    let csv = Csv::read(source)?;
    let [kind, from, to] = csv.columns(["type", "source", "target"], "relations")?;
    let id = csv.table.column(&["id"]);
    let name = csv.table.column(&["name"]);
    let documentation = csv.table.column(&["documentation"]);
    let specialization = csv.table.column(&["specialization", "specialisation"]);
    for (cell, place) in csv.rows() {
        let mut properties = Vec::new();
        let subtype = cell(specialization);
        if !subtype.is_empty() {
            properties.push(("specialization".to_owned(), subtype));
        }
        model.relationships.push(Relationship {
            id: id_or_place(cell(id), &place),
            kind: cell(Some(kind)),
            name: cell(name),
            documentation: cell(documentation),
            source: cell(Some(from)),
            target: cell(Some(to)),
            access: AccessType::default(),
            properties,
            place,
        });
    }
    Ok(())
}

fn properties(
    source: &Source,
    model: &mut Model,
    model_id: Option<String>,
    builder: &mut Builder,
) -> Result<(), ImportError> {
    let csv = Csv::read(source)?;
    let [id, key] = csv.columns(["id", "key"], "properties")?;
    let value = csv.table.column(&["value"]);
    let elements: HashMap<String, usize> = index(model.elements.iter().map(|e| &e.id));
    let relations: HashMap<String, usize> = index(model.relationships.iter().map(|r| &r.id));
    for (cell, place) in csv.rows() {
        let (owner, key, value) = (cell(Some(id)), cell(Some(key)), cell(value));
        if let Some(&e) = elements.get(&owner) {
            model.elements[e].properties.push((key, value));
        } else if let Some(&r) = relations.get(&owner) {
            let relationship = &mut model.relationships[r];
            if key.eq_ignore_ascii_case("Access_Type") {
                match AccessType::from_name(&value) {
                    Some(access) => relationship.access = access,
                    None => model.problems.push((
                        place,
                        format!(
                            "Access_Type “{value}” is not Write, Read, ReadWrite or \
                             Access; taken as Write"
                        ),
                    )),
                }
            } else {
                relationship.properties.push((key, value));
            }
        } else if model_id.as_ref() == Some(&owner) {
            model.properties.push((key, value, place));
        } else {
            builder.skipped(
                place,
                format!("property “{key}” of “{owner}”: no element, relation or model has this id"),
            );
        }
    }
    Ok(())
}

/// Id → its first index.
fn index<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (index, id) in ids.enumerate() {
        map.entry(id.clone()).or_insert(index);
    }
    map
}
