//! `redline ingest` as a user runs it: twice over the same inputs, over changed inputs, and
//! killed with SIGKILL half-way then run again.

mod common;

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use redline_store::{EventFilter, Store, StoreError};

/// Every event of a store as a comparable line (no row ids, no ingest times), plus the cluster
/// sizes of each event's cluster.
fn snapshot(db: &Path) -> (Vec<String>, Vec<(i64, i64, i64)>) {
    let store = Store::open_read_only(db).unwrap();
    let all = EventFilter {
        include_negated: true,
        include_unrealised: true,
        ..Default::default()
    };
    let mut events = Vec::new();
    store
        .events(&all, |e| -> Result<(), StoreError> {
            let mut v = serde_json::to_value(&e.record).unwrap();
            v["cluster"] = serde_json::json!(e.cluster_id);
            v["cluster_reason"] = serde_json::json!(e.cluster_reason);
            events.push(v.to_string());
            Ok(())
        })
        .unwrap();
    events.sort();
    let mut clusters = Vec::new();
    store
        .clusters(&all, |c| -> Result<(), StoreError> {
            clusters.push((c.n_mentions, c.n_articles, c.n_sources));
            Ok(())
        })
        .unwrap();
    (events, clusters)
}

#[test]
fn issue_4_ingesting_the_examples_twice_stores_no_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let first = redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(examples())
        .output()
        .unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(stderr.contains("0 unchanged"), "{stderr}");
    let once = snapshot(&db);
    assert!(once.0.len() > 40, "{} events", once.0.len());
    let second = redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(examples())
        .output()
        .unwrap();
    assert!(second.status.success());
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains(" 0 new, 0 replaced"), "{stderr}");
    assert!(stderr.contains("0 events stored"), "{stderr}");
    assert_eq!(snapshot(&db), once);
}

#[test]
fn issue_4_a_changed_article_replaces_its_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let jsonl = dir.path().join("a.jsonl");
    let line = |text: &str| {
        serde_json::json!({"id": "a1", "url": "https://example.org/a1", "date": "2025-03-05",
            "publisher": "Meridian Wire", "text": text})
        .to_string()
    };
    std::fs::write(
        &jsonl,
        line("Moldova expelled four Russian diplomats on Wednesday.") + "\n",
    )
    .unwrap();
    redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&jsonl)
        .assert()
        .success();
    let before = snapshot(&db).0;
    assert_eq!(before.len(), 1, "{before:#?}");
    assert!(before[0].contains("\"cameo\":\"161\""), "{before:#?}");
    std::fs::write(&jsonl, line("Russia attacked Moldova on Wednesday.") + "\n").unwrap();
    let out = redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&jsonl)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 replaced"), "{stderr}");
    let after = snapshot(&db).0;
    assert_eq!(after.len(), 1, "{after:#?}");
    assert!(after[0].contains("\"cameo\":\"190\""), "{after:#?}");
}

/// A corpus large enough that an ingest takes a while: the example articles under many ids.
fn big_corpus(path: &Path, copies: usize) -> usize {
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(examples()).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(&p).unwrap());
        }
    }
    texts.sort();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut n = 0;
    for copy in 0..copies {
        for (i, t) in texts.iter().enumerate() {
            let publisher = ["Meridian Wire", "Danube Post", "Prut Herald"][copy % 3];
            let line = serde_json::json!({
                "id": format!("doc-{copy}-{i}"),
                "date": format!("2025-{:02}-{:02}", 3 + copy % 3, 1 + (copy * 7 + i) % 28),
                "publisher": publisher,
                "text": t,
            });
            writeln!(out, "{line}").unwrap();
            n += 1;
        }
    }
    n
}

fn documents_in(db: &Path) -> i64 {
    match Store::open_read_only(db) {
        Ok(s) => s.counts().map(|c| c.documents).unwrap_or(0),
        Err(_) => 0,
    }
}

#[test]
fn issue_4_an_ingest_killed_midway_then_run_again_ends_like_a_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let total = big_corpus(&corpus, 60) as i64;
    let clean = dir.path().join("clean.db");
    let killed = dir.path().join("killed.db");
    let args = |db: &Path| {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("redline"));
        c.args(["ingest", "--no-progress", "--batch", "8", "--db"])
            .arg(db)
            .arg(&corpus)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        c
    };
    assert!(args(&clean).status().unwrap().success());
    assert_eq!(documents_in(&clean), total);

    // Kill for real (SIGKILL: no destructors, no rollback by us) once some batches are in.
    let mut child = args(&killed).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut at_kill = 0;
    while Instant::now() < deadline {
        at_kill = documents_in(&killed);
        if at_kill >= 16 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the ingest was still running when killed"
    );
    let after_kill = documents_in(&killed);
    assert!(
        after_kill > 0 && after_kill < total,
        "killed half-way: {after_kill} of {total} documents stored (seen {at_kill} before the kill)"
    );
    assert_eq!(after_kill % 8, 0, "only whole batches are committed");

    let rerun = args(&killed).status().unwrap();
    assert!(rerun.success());
    assert_eq!(snapshot(&killed), snapshot(&clean));
    let integrity = Store::open_read_only(&killed)
        .unwrap()
        .check_integrity()
        .unwrap();
    assert!(integrity.is_empty(), "{integrity:?}");
}

#[test]
fn issue_4_a_second_ingest_into_the_same_store_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let _writer = Store::open(&db).unwrap();
    let out = redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(examples())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("another redline process is writing to this store"),
        "{stderr}"
    );
}

#[test]
fn issue_4_ingest_refuses_a_file_that_is_not_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.txt");
    std::fs::write(&db, "my notes\n".repeat(100)).unwrap();
    let out = redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(examples())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("notes.txt: not a Redline store"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&db).unwrap(),
        "my notes\n".repeat(100)
    );
}
