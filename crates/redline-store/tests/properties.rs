//! Invariants that hold after any sequence of batches, replacements included: every event is in
//! exactly one cluster whose counts match its members, nothing is orphaned, and writing the same
//! batch again changes nothing.

mod common;

use common::*;
use proptest::prelude::*;
use redline_store::Store;
use redline_store::sqlite::Connection;

const ACTORS: &[&str] = &["RUS", "RUSMIL", "UKR", "UKRGOV", "MDA", "USA", "IGONAT"];
const CODES: &[&str] = &["190", "193", "195", "19", "016", "0332", "112", "138"];

#[derive(Debug, Clone)]
struct Ev {
    source: usize,
    target: Option<usize>,
    code: usize,
    day: u32,
}

#[derive(Debug, Clone)]
struct Doc {
    key: usize,
    version: u8,
    publisher: usize,
    events: Vec<Ev>,
}

fn ev() -> impl Strategy<Value = Ev> {
    (
        0..ACTORS.len(),
        proptest::option::of(0..ACTORS.len()),
        0..CODES.len(),
        1u32..12,
    )
        .prop_map(|(source, target, code, day)| Ev {
            source,
            target,
            code,
            day,
        })
}

fn docs() -> impl Strategy<Value = Vec<Vec<Doc>>> {
    let doc = (
        0usize..6,
        0u8..3,
        0usize..3,
        proptest::collection::vec(ev(), 0..4),
    )
        .prop_map(|(key, version, publisher, events)| Doc {
            key,
            version,
            publisher,
            events,
        });
    proptest::collection::vec(proptest::collection::vec(doc, 1..5), 1..5)
}

fn build(d: &Doc) -> redline_store::DocumentInput {
    let date = "2025-03-15";
    let text = format!(
        "Version {} of article {}: forces moved near the border.",
        d.version, d.key
    );
    let document = doc(
        &format!("doc-{}", d.key),
        Some(&format!("https://example.org/{}", d.key)),
        ["Wire", "Post", "Herald"][d.publisher],
        date,
        &text,
    );
    let events = d
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut r = event(
                &document,
                ACTORS[e.source],
                CODES[e.code],
                e.target.map(|t| ACTORS[t]),
                &format!("2025-03-{:02}", e.day),
            );
            r.evidence.trigger = [i as u32 * 3, i as u32 * 3 + 2];
            r
        })
        .collect();
    input(document, events)
}

fn one(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn check(path: &std::path::Path) {
    let conn = Connection::open(path).unwrap();
    assert_eq!(
        one(
            &conn,
            "SELECT count(*) FROM events WHERE cluster_id IS NULL"
        ),
        0
    );
    assert_eq!(
        one(
            &conn,
            "SELECT count(*) FROM events e LEFT JOIN clusters c ON c.id = e.cluster_id WHERE c.id IS NULL"
        ),
        0,
        "every event's cluster exists"
    );
    assert_eq!(
        one(
            &conn,
            "SELECT count(*) FROM clusters c WHERE n_mentions <> (SELECT count(*) FROM events WHERE cluster_id = c.id)"
        ),
        0,
        "cluster counts match their members"
    );
    assert_eq!(
        one(
            &conn,
            "SELECT count(*) FROM clusters c WHERE n_articles <> (SELECT count(DISTINCT document_id) FROM events WHERE cluster_id = c.id)"
        ),
        0
    );
    assert_eq!(
        one(
            &conn,
            "SELECT count(*) FROM clusters WHERE n_mentions = 0 OR n_sources < 1 OR n_sources > n_articles OR n_articles > n_mentions"
        ),
        0
    );
    assert_eq!(
        one(
            &conn,
            "SELECT count(*) FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM events WHERE id = c.first_event_id AND cluster_id = c.id)"
        ),
        0,
        "a cluster's first report is one of its members"
    );
    assert_eq!(
        one(
            &conn,
            "SELECT count(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM events WHERE sentence_id = s.id)"
        ),
        0
    );
    assert_eq!(
        one(
            &conn,
            "SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM events WHERE source_mention = m.id OR target_mention = m.id)"
        ),
        0
    );
    assert_eq!(
        one(&conn, "SELECT count(*) FROM documents"),
        one(&conn, "SELECT count(DISTINCT doc_key) FROM documents")
    );
    let fts: i64 = one(&conn, "SELECT count(*) FROM sentences_fts");
    assert_eq!(fts, one(&conn, "SELECT count(*) FROM sentences"));
    let problems: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(problems, "ok");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn issue_4_store_invariants_hold_after_any_batches(batches in docs()) {
        let (dir, mut store) = store();
        // One batch per ingest run; inside a run the runner keeps the first document of a key.
        let batches: Vec<Vec<Doc>> = batches
            .into_iter()
            .map(|b| {
                let mut keys = std::collections::HashSet::new();
                b.into_iter().filter(|d| keys.insert(d.key)).collect()
            })
            .collect();
        for batch in &batches {
            let inputs: Vec<_> = batch.iter().map(build).collect();
            store.write_batch(&inputs).unwrap();
        }
        let path = dir.path().join("test.db");
        check(&path);
        // The last batch again: nothing changes.
        let before = all_events(&store);
        let counts = store.counts().unwrap();
        let last: Vec<_> = batches.last().unwrap().iter().map(build).collect();
        let (summary, _) = store.write_batch(&last).unwrap();
        prop_assert_eq!(summary.events, 0);
        prop_assert_eq!(all_events(&store), before);
        prop_assert_eq!(store.counts().unwrap(), counts);
        drop(store);
        Store::open(&path).unwrap();
        check(&path);
    }
}
