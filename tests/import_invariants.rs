//! What every import of every real fixture must give: the same bytes each time, no box on
//! another, and connections only between imported systems.

use std::path::{Path, PathBuf};

use integration_studio::import::{Format, Options, import_file};
use integration_studio::io::to_ron_string;

fn fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::from("tests/fixtures/import")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.ends_with("broken") {
                continue;
            }
            if path.is_dir() {
                folders.push(path);
            } else if Format::detect(&path, &std::fs::read_to_string(&path).unwrap_or_default())
                .is_some()
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_fixture_imports_the_same_each_time_with_no_box_on_another() {
    let mut imported = 0;
    for file in fixtures() {
        let Ok(first) = import_file(&file, &Options::default()) else {
            continue;
        };
        imported += 1;
        let again = import_file(&file, &Options::default()).unwrap();
        let text = to_ron_string(&first.project).unwrap();
        assert_eq!(
            text,
            to_ron_string(&again.project).unwrap(),
            "{}",
            file.display()
        );
        let p = &first.project;
        let rects: Vec<_> = p
            .systems
            .iter()
            .map(|s| (s.name.as_str(), s.rect()))
            .collect();
        for (i, (a, ra)) in rects.iter().enumerate() {
            for (b, rb) in &rects[i + 1..] {
                assert!(!ra.overlaps(rb), "{}: {a} lies on {b}", file.display());
            }
        }
        for c in &p.connections {
            assert!(
                p.system(c.from).is_some() && p.system(c.to).is_some(),
                "{}",
                file.display()
            );
        }
    }
    assert!(imported >= 20, "only {imported} fixtures imported");
}

#[test]
fn a_folder_imports_the_same_each_time() {
    let folder = Path::new("tests/fixtures/import/backstage/catalog-model-examples");
    let a = import_file(folder, &Options::default()).unwrap().project;
    let b = import_file(folder, &Options::default()).unwrap().project;
    assert_eq!(to_ron_string(&a).unwrap(), to_ron_string(&b).unwrap());
}
