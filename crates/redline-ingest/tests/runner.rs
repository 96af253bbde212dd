//! The runner end to end: coding, skips that do not stop a batch, history dated to its time.

use redline_coder::Coder;
use redline_docs::Input;
use redline_ingest::{IngestOptions, ingest};
use redline_store::{EventFilter, Store, StoreError};

fn coder() -> Coder {
    let (coder, problems) = Coder::embedded();
    assert!(problems.is_empty(), "{problems:?}");
    coder
}

#[test]
fn issue_4_a_bad_document_is_a_recorded_skip_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mixed.jsonl");
    std::fs::write(
        &input,
        [
            r#"{"id":"good-1","date":"2025-03-05","text":"Moldova expelled four Russian diplomats on Wednesday."}"#,
            r#"{"id":"broken", "text": "#,
            r#"{"id":"good-2","date":"2025-03-12","text":"Russia attacked Moldova on Tuesday."}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let mut store = Store::open(dir.path().join("s.db")).unwrap();
    let options = IngestOptions {
        batch_size: 1,
        ..Default::default()
    };
    let mut reports = 0;
    let tally = ingest(
        &mut store,
        &coder(),
        &[Input::Path(input)],
        &options,
        |_| reports += 1,
    )
    .unwrap();
    assert_eq!(tally.documents, 2);
    assert_eq!(tally.stored.added, 2);
    assert_eq!(tally.skipped.len(), 1, "{:?}", tally.skipped);
    assert!(
        tally.skipped[0].contains("mixed.jsonl:2"),
        "{:?}",
        tally.skipped
    );
    assert!(reports >= 2, "progress after each batch");
    assert_eq!(store.counts().unwrap().documents, 2);
}

#[test]
fn issue_4_background_history_is_stored_at_its_own_date() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(
        &input,
        r#"{"id":"h","date":"2023-01-08","text":"In 2019, the United States sold Javelin missiles to Ukraine. On Friday, Russia attacked Ukraine."}"#,
    )
    .unwrap();
    let mut store = Store::open(dir.path().join("s.db")).unwrap();
    ingest(
        &mut store,
        &coder(),
        &[Input::Path(input)],
        &IngestOptions::default(),
        |_| {},
    )
    .unwrap();
    let mut seen = Vec::new();
    store
        .events(&EventFilter::default(), |e| -> Result<(), StoreError> {
            seen.push((
                e.record.cameo.clone(),
                e.record.date.clone().unwrap(),
                e.record.date_precision.clone(),
                e.background,
            ));
            Ok(())
        })
        .unwrap();
    assert_eq!(
        seen,
        vec![
            (
                "062".to_string(),
                "2019-01-01".to_string(),
                "year".to_string(),
                true
            ),
            (
                "190".to_string(),
                "2023-01-06".to_string(),
                "day".to_string(),
                false
            ),
        ]
    );
}

#[test]
fn issue_4_the_first_document_of_a_key_is_kept_and_a_rerun_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("twice.jsonl");
    std::fs::write(
        &input,
        [
            r#"{"id":"a","url":"https://example.org/a","date":"2025-03-05","text":"Moldova expelled four Russian diplomats on Wednesday."}"#,
            r#"{"id":"a-again","url":"https://example.org/a","date":"2025-03-05","text":"Moldova expelled four Russian diplomats on Wednesday."}"#,
            r#"{"id":"a-edited","url":"https://example.org/a","date":"2025-03-05","text":"Russia attacked Moldova on Tuesday."}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let mut store = Store::open(dir.path().join("s.db")).unwrap();
    let coder = coder();
    let run = |store: &mut Store| {
        ingest(
            store,
            &coder,
            &[Input::Path(input.clone())],
            &IngestOptions::default(),
            |_| {},
        )
        .unwrap()
    };
    let first = run(&mut store);
    assert_eq!((first.stored.added, first.stored.unchanged), (1, 1));
    assert_eq!(first.skipped.len(), 1, "{:?}", first.skipped);
    assert!(
        first.skipped[0].contains("twice.jsonl:3") && first.skipped[0].contains("came earlier"),
        "{:?}",
        first.skipped
    );
    let events = store.counts().unwrap().events;
    let second = run(&mut store);
    assert_eq!(second.stored.added + second.stored.replaced, 0);
    assert_eq!(second.stored.events, 0);
    assert_eq!(store.counts().unwrap().events, events);
}
