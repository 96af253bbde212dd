//! `tests/data/v1.db` was written by the first schema version and is committed, frozen: every
//! later version must open it, read it and write to it. Never regenerate it; a new schema version
//! adds a migration instead (see `schema/`).

mod common;

use common::*;
use redline_store::{ClaimFilter, EventFilter, Store, StoreError, schema};

fn copy_of_v1() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1.db"),
        &path,
    )
    .unwrap();
    (dir, path)
}

#[test]
fn issue_4_the_first_schema_version_still_opens_reads_and_writes() {
    let (_dir, path) = copy_of_v1();
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.schema_version().unwrap(), schema::CURRENT_VERSION);
    let counts = reader.counts().unwrap();
    assert_eq!(
        (
            counts.documents,
            counts.events,
            counts.clusters,
            counts.sources
        ),
        (2, 3, 2, 2)
    );
    let mut seen = Vec::new();
    let all = EventFilter {
        include_negated: true,
        ..Default::default()
    };
    reader
        .events(&all, |e| -> Result<(), StoreError> {
            seen.push(format!(
                "{} {} {} {:?} {}",
                e.record.source.code,
                e.record.cameo,
                e.record.target.as_ref().unwrap().code,
                e.record.polarity,
                e.cluster_reason.unwrap()
            ));
            Ok(())
        })
        .unwrap();
    assert_eq!(seen.len(), 3, "{seen:#?}");
    assert!(
        seen[1].contains("joined cluster 1: same dyad MDA->RUS"),
        "{seen:#?}"
    );
    assert!(
        seen.iter().any(|s| s.starts_with("RUSGOV 112 MDA Negated")),
        "{seen:#?}"
    );
    drop(reader);

    let mut writer = Store::open(&path).unwrap();
    let d = doc(
        "v2-a",
        None,
        "Danube Post",
        "2025-03-07",
        "Moldova expelled Russian diplomats.",
    );
    let (summary, _) = writer
        .write_batch(&[input(
            d.clone(),
            vec![event(&d, "MDA", "1246", Some("RUS"), "2025-03-05")],
        )])
        .unwrap();
    assert_eq!(
        summary.merged, 1,
        "a new report joins the old store's cluster"
    );
    assert!(writer.check_integrity().unwrap().is_empty());
}

#[test]
fn issue_5_a_version_1_store_gains_claims_and_says_which_documents_have_none() {
    let (_dir, path) = copy_of_v1();
    let mut writer = Store::open(&path).unwrap();
    assert_eq!(writer.schema_version().unwrap(), schema::CURRENT_VERSION);
    // The two documents of version 1 were never read for claims.
    assert_eq!(writer.documents_without_claims().unwrap(), 2);
    let d = doc(
        "v2-claims",
        None,
        "Danube Post",
        "2025-03-07",
        "Officials said 8,000 Russian troops were massed near the border.",
    );
    let mut with_claim = input(d.clone(), vec![]);
    with_claim.claims = vec![claim(&d, "RUS", 8_000.0)];
    let (summary, _) = writer.write_batch(&[with_claim]).unwrap();
    assert_eq!(summary.claims, 1);
    assert_eq!(writer.documents_without_claims().unwrap(), 2);
    let mut read = Vec::new();
    writer
        .claims(&ClaimFilter::default(), |c| -> Result<(), StoreError> {
            read.push(c);
            Ok(())
        })
        .unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].subject_key, "RUS");
    assert!(writer.check_integrity().unwrap().is_empty());
}
