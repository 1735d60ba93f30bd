//! The prompt as last copied, per project file while the app runs, for "Changes since last
//! copy". An untitled project's copy goes when another project replaces it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Default)]
pub(super) struct LastCopies {
    by_file: HashMap<Option<PathBuf>, Copied>,
    /// Tells copies apart, so a view of the changes knows when to compute them again.
    copies: u64,
}

/// One copy of the prompt.
#[derive(Clone, Debug)]
pub struct Copied {
    pub text: Arc<str>,
    /// Grows with every copy in this session.
    pub number: u64,
}

impl LastCopies {
    pub fn remember(&mut self, file: Option<PathBuf>, text: &str) {
        self.copies += 1;
        let copied = Copied {
            text: Arc::from(text),
            number: self.copies,
        };
        self.by_file.insert(file, copied);
    }

    pub fn of(&self, file: &Option<PathBuf>) -> Option<&Copied> {
        self.by_file.get(file)
    }

    /// A project without a file was replaced: its copy belongs to no file anyone can open.
    pub fn forget_untitled(&mut self) {
        self.by_file.remove(&None);
    }

    /// A project saved under a new name keeps its copy.
    pub fn renamed(&mut self, from: &Option<PathBuf>, to: &Option<PathBuf>) {
        if from != to
            && let Some(copied) = self.by_file.remove(from)
        {
            self.by_file.insert(to.clone(), copied);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_kept_per_file_and_numbered() {
        let mut copies = LastCopies::default();
        let shop = Some(PathBuf::from("shop.ron"));
        copies.remember(shop.clone(), "one");
        copies.remember(None, "two");
        assert_eq!(&*copies.of(&shop).unwrap().text, "one");
        assert_eq!(copies.of(&None).unwrap().number, 2);
        copies.forget_untitled();
        assert!(copies.of(&None).is_none());
        let renamed = Some(PathBuf::from("store.ron"));
        copies.renamed(&shop, &renamed);
        assert!(copies.of(&shop).is_none());
        assert_eq!(&*copies.of(&renamed).unwrap().text, "one");
    }
}
