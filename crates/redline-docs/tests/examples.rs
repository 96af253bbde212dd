//! The shipped example corpus (`examples/news`) read against its manifest `EXPECTED.json`:
//! metadata, kept body phrases and removed boilerplate, for every format.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use redline_docs::{Input, Outcome, ReadOptions, discover, read_source};
use redline_model::Document;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    file: String,
    item: Option<String>,
    title: String,
    authors: Vec<String>,
    publisher: Option<String>,
    published: Option<String>,
    precision: String,
    must_contain: Vec<String>,
    must_not_contain: Vec<String>,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/news")
}

fn read_corpus() -> (Vec<Document>, Vec<String>) {
    let found = discover(&[Input::Path(corpus())]);
    assert!(found.skipped.is_empty());
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for source in &found.sources {
        read_source(source, &ReadOptions::default(), &mut |o| match o {
            Outcome::Document { doc, .. } => docs.push(*doc),
            Outcome::Skipped(s) => problems.push(format!("skipped: {s}")),
            Outcome::Warning { source, message } => problems.push(format!("{source}: {message}")),
        });
    }
    (docs, problems)
}

#[test]
fn every_example_document_matches_its_manifest() {
    let manifest: Vec<Expected> =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("EXPECTED.json")).unwrap())
            .unwrap();
    let (docs, problems) = read_corpus();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(
        docs.len(),
        manifest.len(),
        "one document per manifest entry"
    );

    // Single-document files are keyed by file name, multi-document files by the item's id.
    let by_key: HashMap<String, &Document> = docs
        .iter()
        .map(|d| {
            let file = d.origin.path.as_ref().unwrap().file_name().unwrap();
            let key = match d.origin.item {
                Some(_) => d.id.0.clone(),
                None => file.to_string_lossy().into_owned(),
            };
            (key, d)
        })
        .collect();

    let mut failures = Vec::new();
    for want in &manifest {
        let key = want.item.clone().unwrap_or_else(|| want.file.clone());
        let Some(doc) = by_key.get(&key) else {
            failures.push(format!("{key}: no document"));
            continue;
        };
        let mut check = |what: &str, got: String, expected: String| {
            if got != expected {
                failures.push(format!("{key}: {what}: got {got:?}, want {expected:?}"));
            }
        };
        let m = &doc.meta;
        check(
            "title",
            format!("{:?}", m.title),
            format!("{:?}", Some(&want.title)),
        );
        check(
            "authors",
            format!("{:?}", m.authors),
            format!("{:?}", want.authors),
        );
        check(
            "publisher",
            format!("{:?}", m.publisher),
            format!("{:?}", want.publisher),
        );
        check(
            "published",
            format!("{:?}", m.published.map(|d| d.to_string())),
            format!("{:?}", want.published),
        );
        check(
            "precision",
            m.published
                .map_or("unknown".to_string(), |d| d.precision().to_string()),
            want.precision.clone(),
        );
        for phrase in &want.must_contain {
            if !doc.text.contains(phrase.as_str()) {
                failures.push(format!("{key}: body lost {phrase:?}"));
            }
        }
        for phrase in &want.must_not_contain {
            if doc.text.contains(phrase.as_str()) {
                failures.push(format!("{key}: boilerplate kept {phrase:?}"));
            }
        }
        if let Err(e) = doc.check_layers() {
            failures.push(format!("{key}: {e}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
