//! Shared by the command-line tests: the binary, and the e-commerce example as a file.

#![allow(dead_code)] // Each test file uses its own part of this.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn studio() -> Command {
    Command::cargo_bin("integration-studio").unwrap()
}

/// Writes the e-commerce example into `dir` and returns its path.
pub fn example_file(dir: &Path) -> PathBuf {
    let path = dir.join("shop.ron");
    studio()
        .args(["example", "ecommerce", "-o"])
        .arg(&path)
        .assert()
        .success();
    path
}
