//! Archi's CSV export: `elements.csv`, `relations.csv` and `properties.csv`.

use super::ImportError;
use super::builder::Builder;
use super::source::Source;

pub fn read(source: &Source, builder: &mut Builder) -> Result<(), ImportError> {
    let _ = builder;
    Err(ImportError::Unsupported {
        path: source.path.clone(),
        reason: "importing Archi CSV is not built yet".to_owned(),
    })
}
