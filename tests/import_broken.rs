//! Broken import sources: none may panic, and a source that cannot be parsed must say
//! where. The corpus is tests/fixtures/import/broken (see SOURCES), and every real
//! fixture cut off at many places.

use std::path::{Path, PathBuf};

use integration_studio::import::{
    Format, ImportError, Options, Source, import_file, import_source,
};

fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(current) = folders.pop() {
        for entry in std::fs::read_dir(&current).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path
                .file_name()
                .is_some_and(|n| n != "SOURCES" && n != ".gitattributes")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn the_broken_corpus_gives_clear_errors_or_reports_and_never_panics() {
    let corpus = files_under(Path::new("tests/fixtures/import/broken"));
    assert!(corpus.len() >= 6, "{corpus:?}");
    for file in corpus {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        match import_file(&file, &Options::default()) {
            Err(error @ ImportError::Parse { .. }) => {
                let report = error.report();
                assert!(
                    report.contains(&*file.to_string_lossy()),
                    "{name}: {report}"
                );
                assert!(
                    error
                        .position()
                        .is_some_and(|p| p.line >= 1 && p.column >= 1),
                    "{name}"
                );
            }
            Err(other) => assert!(!other.to_string().is_empty(), "{name}"),
            Ok(imported) => assert!(
                !name.contains("garbage") && !name.contains("latin1"),
                "{name} imported: {}",
                imported.report.text()
            ),
        }
    }
}

#[test]
fn every_real_fixture_cut_off_anywhere_imports_or_fails_cleanly() {
    for file in files_under(Path::new("tests/fixtures/import")) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let head: String = text.chars().take(4096).collect();
        let Some(format) = Format::detect(&file, &head) else {
            continue;
        };
        let cuts = 24;
        for step in 1..cuts {
            let mut at = text.len() * step / cuts;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let source = Source::new(&file, text[..at].to_owned());
            // Reaching here without a panic is the test; an error must still name a place.
            if let Err(error @ ImportError::Parse { .. }) =
                import_source(&source, format, &Options::default())
            {
                assert!(error.position().is_some(), "{}", file.display());
            }
        }
    }
}

#[test]
fn every_zipped_fixture_cut_off_anywhere_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.archimate");
    let zipped: Vec<Vec<u8>> = files_under(Path::new("tests/fixtures/import"))
        .into_iter()
        .map(|file| std::fs::read(file).unwrap())
        .filter(|bytes| bytes.starts_with(b"PK\x03\x04"))
        .collect();
    assert!(!zipped.is_empty());
    for bytes in zipped {
        for step in 1..24 {
            std::fs::write(&cut, &bytes[..bytes.len() * step / 24]).unwrap();
            // Without its central directory at the end, no zip archive can be read.
            let error = import_file(&cut, &Options::default()).unwrap_err();
            assert!(error.to_string().contains("cut.archimate"), "{error}");
        }
    }
}
