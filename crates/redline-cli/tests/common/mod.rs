//! Helpers shared by the CLI test files (each file uses some of them).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub fn redline() -> Command {
    Command::cargo_bin("redline").unwrap()
}

pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/news")
}

pub fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is JSON"))
        .collect()
}

/// A store holding the example corpus, in a temporary folder kept alive by the first value.
pub fn store_of_examples() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(examples())
        .assert()
        .success();
    (dir, db)
}
