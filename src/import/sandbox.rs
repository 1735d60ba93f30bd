//! Which files a source may make us read: those inside its own folder tree, and inside
//! folders the user allowed (`--allow-include DIR`). Links (`..`, symlinks) are resolved
//! first, so neither leads out.

use std::path::{Path, PathBuf};

pub struct Sandbox {
    roots: Vec<PathBuf>,
}

impl Sandbox {
    /// The folder of `source` (or `source` itself if it is a folder), and `allowed`.
    pub fn new(source: &Path, allowed: &[PathBuf]) -> Sandbox {
        let own = if source.is_dir() {
            source.to_owned()
        } else {
            source.parent().unwrap_or(Path::new(".")).to_owned()
        };
        let own = if own.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            own
        };
        let roots = std::iter::once(own)
            .chain(allowed.iter().cloned())
            .filter_map(|root| root.canonicalize().ok())
            .collect();
        Sandbox { roots }
    }

    /// The path to read, or why it may not be read.
    pub fn check(&self, wanted: &Path) -> Result<PathBuf, String> {
        let resolved = wanted
            .canonicalize()
            .map_err(|_| format!("{} does not exist", wanted.display()))?;
        if self.roots.iter().any(|root| resolved.starts_with(root)) {
            Ok(resolved)
        } else {
            Err(format!(
                "{} is outside the source's folder and was not read; allow its folder with \
                 --allow-include DIR",
                wanted.display()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Sandbox;

    #[test]
    fn only_files_inside_the_allowed_folders_may_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("model");
        std::fs::create_dir(&inner).unwrap();
        std::fs::write(inner.join("a.dsl"), "").unwrap();
        std::fs::write(dir.path().join("secret.dsl"), "").unwrap();
        let sandbox = Sandbox::new(&inner.join("workspace.dsl"), &[]);
        assert!(sandbox.check(&inner.join("a.dsl")).is_ok());
        let outside = sandbox.check(&inner.join("../secret.dsl")).unwrap_err();
        assert!(outside.contains("--allow-include"), "{outside}");
        let allowed = Sandbox::new(&inner.join("workspace.dsl"), &[dir.path().to_owned()]);
        assert!(allowed.check(&inner.join("../secret.dsl")).is_ok());
        assert!(
            sandbox
                .check(&inner.join("missing.dsl"))
                .unwrap_err()
                .contains("does not exist")
        );
    }
}
