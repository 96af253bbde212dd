//! What the HTTP server reads: events by document and page by page, documents by row id.

mod common;

use common::*;
use proptest::prelude::*;
use redline_store::{EventCursor, EventFilter, Store, StoreError, StoredEvent};

fn collect(store: &Store, filter: &EventFilter) -> Vec<StoredEvent> {
    let mut out = Vec::new();
    store
        .events(filter, |e| -> Result<(), StoreError> {
            out.push(e);
            Ok(())
        })
        .unwrap();
    out
}

fn ids(events: &[StoredEvent]) -> Vec<i64> {
    events.iter().map(|e| e.id).collect()
}

/// Every event, negated and unrealised ones included.
fn everything() -> EventFilter {
    EventFilter {
        include_negated: true,
        include_unrealised: true,
        ..Default::default()
    }
}

/// A store whose row ids do not follow the date order: documents are written newest first,
/// several events share a date (in one document and across documents), some are negated or
/// future, and some are undated (among them the first rows written and the last).
fn mixed_store() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = store();
    let mut batch = Vec::new();
    let undated = |d: &redline_model::Document, cameo: &str, at: u32| {
        let mut e = event(d, "USA", cameo, Some("UKR"), "2025-01-01");
        e.date = None;
        e.date_precision = "unknown".into();
        e.evidence.trigger = [at, at + 4];
        e
    };
    let u = doc("u0", None, "Wire", "2025-06-01", "Aid was sent to Ukraine.");
    batch.push(input(
        u.clone(),
        vec![undated(&u, "070", 0), undated(&u, "071", 5)],
    ));
    for day in (1..=9).rev() {
        let date = format!("2025-03-{day:02}");
        let d = doc(
            &format!("d{day}"),
            None,
            if day % 2 == 0 { "Wire" } else { "Post" },
            &date,
            "Russian forces shelled Kharkiv; Moldova protested.",
        );
        let mut events = vec![event(&d, "RUSMIL", "190", Some("UKR"), &date)];
        if day % 3 == 0 {
            // Same date, same document, other events.
            let mut protest = event(&d, "MDA", "111", Some("RUS"), &date);
            protest.evidence.trigger = [30, 39];
            let mut threat = event(&d, "RUSGOV", "138", Some("MDA"), &date);
            threat.modality = redline_model::Modality::Future;
            let mut denial = event(&d, "RUS", "190", Some("MDA"), &date);
            denial.polarity = redline_model::Polarity::Negated;
            events.extend([protest, threat, denial]);
        }
        if day == 5 {
            events.push(undated(&d, "042", 40));
        }
        batch.push(input(d, events));
    }
    // Another document dated like d3: same date, higher ids.
    let late = doc(
        "late",
        None,
        "Herald",
        "2025-03-03",
        "Kyiv said Russia attacked.",
    );
    let mut late_events = vec![event(&late, "UKR", "112", Some("RUS"), "2025-03-03")];
    late_events.push(undated(&late, "073", 20));
    batch.push(input(late, late_events));
    store.write_batch(&batch).unwrap();
    (dir, store)
}

/// Walks `filter` in pages of `k`, the way a client of the server does: the cursor travels as
/// its token.
fn walk(store: &Store, filter: &EventFilter, k: usize) -> Vec<i64> {
    walk_pages(
        k,
        |after| {
            collect(
                store,
                &EventFilter {
                    after,
                    limit: Some(k),
                    ..filter.clone()
                },
            )
        },
        |e| (e.id, e.cursor()),
    )
}

/// Walks a listing in pages of `k`: `page` lists after a cursor, `position` names an item's id
/// and cursor. The cursor travels as its token, the way a client of the server has it.
fn walk_pages<T>(
    k: usize,
    page: impl Fn(Option<EventCursor>) -> Vec<T>,
    position: impl Fn(&T) -> (i64, EventCursor),
) -> Vec<i64> {
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..1000 {
        let items = page(after.as_deref().map(|t| EventCursor::decode(t).unwrap()));
        assert!(items.len() <= k);
        out.extend(items.iter().map(|i| position(i).0));
        match items.last() {
            Some(last) if items.len() == k => after = Some(position(last).1.encode()),
            _ => return out,
        }
    }
    panic!("pages of {k} never end: {out:?}");
}

#[test]
fn issue_6_pages_of_any_size_walk_the_same_events_as_one_query() {
    let (_dir, store) = mixed_store();
    let filters = [
        everything(),
        EventFilter::default(),
        EventFilter {
            actors: vec!["MDA".into()],
            ..everything()
        },
        EventFilter {
            publisher: Some("wire".into()),
            ..Default::default()
        },
    ];
    for filter in &filters {
        let all = collect(&store, filter);
        assert!(!all.is_empty(), "{filter:?}");
        for k in [1, 2, 3, 7, 50] {
            assert_eq!(
                walk(&store, filter, k),
                ids(&all),
                "pages of {k}, {filter:?}"
            );
        }
    }
    // The store is as mixed as it claims: dated events sharing a date, undated ones among the
    // first rows, and a date order that is not the row order.
    let all = collect(&store, &everything());
    let dates: Vec<Option<&str>> = all.iter().map(|e| e.record.date.as_deref()).collect();
    assert!(dates.windows(2).any(|w| w[0].is_some() && w[0] == w[1]));
    assert_eq!(dates.iter().filter(|d| d.is_none()).count(), 4);
    assert!(
        dates
            .iter()
            .skip_while(|d| d.is_some())
            .all(|d| d.is_none())
    );
    assert!(ids(&all).windows(2).any(|w| w[0] > w[1]));
    let undated = ids(&all[all.len() - 4..]);
    assert!(undated.windows(2).all(|w| w[0] < w[1]), "{undated:?}");
    assert_eq!(undated[0], 1, "the first row written is undated");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Any store: documents written in any order, each with events on a few days (many ties) or
    /// undated; pages of any size walk exactly the one-query order, and that order is dated
    /// events by (date, id), then undated ones by id.
    #[test]
    fn issue_6_pages_walk_the_one_query_order_on_any_store(
        docs in proptest::collection::vec(
            proptest::collection::vec(proptest::option::of(1u32..4), 0..5),
            1..12,
        )
    ) {
        let (_dir, mut store) = store();
        let batch: Vec<_> = docs
            .iter()
            .enumerate()
            .map(|(i, days)| {
                let d = doc(&format!("p{i}"), None, "Wire", "2025-03-20", "Forces moved again.");
                let events = days
                    .iter()
                    .enumerate()
                    .map(|(j, day)| {
                        let date = format!("2025-03-{:02}", day.unwrap_or(1));
                        let mut e = event(&d, "RUS", "190", Some("UKR"), &date);
                        if day.is_none() {
                            e.date = None;
                            e.date_precision = "unknown".into();
                        }
                        e.evidence.trigger = [j as u32 * 3, j as u32 * 3 + 2];
                        e
                    })
                    .collect();
                input(d, events)
            })
            .collect();
        store.write_batch(&batch).unwrap();
        let all = collect(&store, &everything());
        prop_assert_eq!(all.len(), docs.iter().map(Vec::len).sum::<usize>());
        let key = |e: &StoredEvent| (e.record.date.is_none(), e.record.date.clone(), e.id);
        prop_assert!(all.windows(2).all(|w| key(&w[0]) < key(&w[1])));
        for k in [1, 2, 3, 7, 50] {
            prop_assert_eq!(walk(&store, &everything(), k), ids(&all), "pages of {}", k);
        }
    }
}

#[test]
fn issue_6_a_cursor_resumes_strictly_after_its_event() {
    let (_dir, store) = mixed_store();
    let all = collect(&store, &everything());
    for (i, e) in all.iter().enumerate() {
        let rest = collect(
            &store,
            &EventFilter {
                after: Some(e.cursor()),
                ..everything()
            },
        );
        assert_eq!(ids(&rest), ids(&all[i + 1..]), "after {:?}", e.cursor());
    }
    // After an undated cursor: undated events only, whatever dated events have higher ids.
    let first_undated = all.iter().find(|e| e.record.date.is_none()).unwrap();
    let rest = collect(
        &store,
        &EventFilter {
            after: Some(EventCursor { date: None, id: 0 }),
            ..everything()
        },
    );
    assert_eq!(rest[0].id, first_undated.id);
    assert!(rest.iter().all(|e| e.record.date.is_none()));
    // A position between events (no event has it) works too: after the end of 2025-03-04 comes
    // the first event of 2025-03-05.
    let rest = collect(
        &store,
        &EventFilter {
            after: Some(EventCursor {
                date: Some("2025-03-04".into()),
                id: i64::MAX,
            }),
            ..everything()
        },
    );
    assert_eq!(rest[0].record.date.as_deref(), Some("2025-03-05"));
}

#[test]
fn issue_6_cursor_tokens_round_trip_and_others_are_refused() {
    let (_dir, store) = mixed_store();
    for e in collect(&store, &everything()) {
        let token = e.cursor().encode();
        assert!(
            token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c)),
            "{token}"
        );
        assert_eq!(EventCursor::decode(&token).unwrap(), e.cursor());
    }
    assert_eq!(
        EventCursor {
            date: Some("2025-03-05".into()),
            id: 123
        }
        .encode(),
        "2025-03-05_123"
    );
    let err = EventCursor::decode("page=2").unwrap_err();
    assert!(matches!(err, StoreError::BadCursor { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with("not a cursor from this store: \"page=2\""),
        "{err}"
    );
}

#[test]
fn issue_6_events_name_their_document_and_filter_by_it() {
    let (_dir, store) = mixed_store();
    let all = collect(&store, &everything());
    let d3 = all
        .iter()
        .find(|e| e.record.doc_id == "d3")
        .unwrap()
        .document_id;
    let of_d3 = collect(
        &store,
        &EventFilter {
            document: Some(d3),
            ..everything()
        },
    );
    assert_eq!(of_d3.len(), 4);
    assert!(
        of_d3
            .iter()
            .all(|e| e.document_id == d3 && e.record.doc_id == "d3")
    );
    let doc = store.document(d3).unwrap().unwrap();
    assert_eq!((doc.doc_id.as_str(), doc.events), ("d3", 4));
    // It narrows like any other field: facts only by default.
    let facts = collect(
        &store,
        &EventFilter {
            document: Some(d3),
            ..Default::default()
        },
    );
    assert_eq!(facts.len(), 2);
    // And serialises with the event.
    let json = serde_json::to_value(&of_d3[0]).unwrap();
    assert_eq!(json["document_id"], d3);
    assert!(
        collect(
            &store,
            &EventFilter {
                document: Some(9_999),
                ..everything()
            }
        )
        .is_empty()
    );
}

#[test]
fn issue_6_a_document_reads_back_with_its_metadata_and_counts() {
    let (_dir, mut store) = store();
    let mut a = doc(
        "a1",
        Some("https://example.org/a1"),
        "Meridian Wire",
        "2025-03-05",
        "Russia attacked Ukraine. 8000 Russian troops massed.",
    );
    a.meta.title = Some("Troops mass at the border".into());
    a.meta.authors = vec!["Ana Popescu".into(), "Ion Rusu".into()];
    a.meta.language = Some("en".into());
    let mut ia = input(
        a.clone(),
        vec![
            event(&a, "RUSMIL", "190", Some("UKR"), "2025-03-05"),
            event(&a, "RUS", "138", Some("UKR"), "2025-03-05"),
        ],
    );
    ia.claims = vec![claim(&a, "RUS", 8_000.0)];
    let b = doc("b1", None, "", "2025-03", "Nothing happened.");
    store.write_batch(&[ia, input(b, vec![])]).unwrap();

    let events = collect(&store, &everything());
    let id = events[0].document_id;
    let got = store.document(id).unwrap().expect("the document is there");
    assert_eq!(got.id, id);
    assert_eq!(got.doc_key, "https://example.org/a1");
    assert_eq!(got.doc_id, "a1");
    assert_eq!(got.url.as_deref(), Some("https://example.org/a1"));
    assert_eq!(got.title.as_deref(), Some("Troops mass at the border"));
    assert_eq!(got.authors, ["Ana Popescu", "Ion Rusu"]);
    assert_eq!(got.publisher.as_deref(), Some("Meridian Wire"));
    assert_eq!(got.published.as_deref(), Some("2025-03-05"));
    assert_eq!(got.published_precision, "day");
    assert_eq!(got.language.as_deref(), Some("en"));
    assert_eq!(got.format, "jsonl");
    assert_eq!(got.text, a.text);
    assert_eq!(got.n_sentences, a.sentences.len() as i64);
    assert!(chrono::DateTime::parse_from_rfc3339(&got.ingested_at).is_ok());
    assert_eq!((got.events, got.claims), (2, 1));
    assert_eq!(got.text.len() as i64, events[0].doc_bytes);

    // The other one: no url (keyed by id), publisher, title or authors, a month's date.
    let other = store.documents(Some(id), 10).unwrap();
    assert_eq!(other.len(), 1);
    let b = &other[0];
    assert_eq!(
        (b.doc_key.as_str(), b.url.as_deref(), b.publisher.as_deref()),
        ("b1", None, None)
    );
    assert!(b.authors.is_empty() && b.title.is_none());
    assert_eq!(b.published_precision, "month");
    assert_eq!(b.published.as_deref(), Some("2025-03-01"));
    assert_eq!((b.events, b.claims), (0, 0));
    assert_eq!(
        store.document(b.id).unwrap().unwrap().summary(),
        *b,
        "the listing is the document without its text"
    );
    let json = serde_json::to_value(b).unwrap();
    assert!(json.get("text").is_none() && json["authors"] == serde_json::json!([]));

    assert_eq!(store.document(9_999).unwrap(), None);
    assert_eq!(store.document(-1).unwrap(), None);
}

#[test]
fn issue_6_documents_page_by_row_id() {
    let (_dir, mut store) = store();
    let batch: Vec<_> = (0u32..10)
        .map(|i| {
            let d = doc(
                &format!("doc{i}"),
                None,
                "Wire",
                "2025-03-05",
                "Russia attacked Ukraine.",
            );
            let events = (0..i % 3)
                .map(|j| {
                    let mut e = event(&d, "RUS", "190", Some("UKR"), "2025-03-05");
                    e.evidence.trigger = [j, j + 4];
                    e
                })
                .collect();
            input(d, events)
        })
        .collect();
    store.write_batch(&batch).unwrap();
    let all = store.documents(None, usize::MAX).unwrap();
    assert_eq!(all.len(), 10);
    assert!(all.windows(2).all(|w| w[0].id < w[1].id));
    let names: Vec<&str> = all.iter().map(|d| d.doc_id.as_str()).collect();
    assert_eq!(
        names,
        (0..10).map(|i| format!("doc{i}")).collect::<Vec<_>>()
    );
    let events: Vec<i64> = all.iter().map(|d| d.events).collect();
    assert_eq!(events, [0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    for k in [1, 3, 4, 10, 11] {
        let mut walked = Vec::new();
        let mut after = None;
        loop {
            let page = store.documents(after, k).unwrap();
            assert!(page.len() <= k);
            walked.extend(page.iter().map(|d| d.id));
            match page.last() {
                Some(last) if page.len() == k => after = Some(last.id),
                _ => break,
            }
        }
        assert_eq!(walked, all.iter().map(|d| d.id).collect::<Vec<_>>(), "{k}");
    }
    assert!(store.documents(None, 0).unwrap().is_empty());
    assert!(store.documents(Some(all[9].id), 5).unwrap().is_empty());
    assert_eq!(store.documents(Some(-5), 1).unwrap()[0].id, all[0].id);
}

/// The narrow query that red-line rules read gives the same events, fields and order as the
/// full cluster query filtered to dated clusters (in its order once sorted), with and without a
/// last day.
#[test]
fn issue_6_dated_facts_are_the_dated_clusters_in_few_fields() {
    let (_dir, store) = mixed_store();
    for to in [None, chrono::NaiveDate::from_ymd_opt(2025, 3, 5)] {
        let mut expected = Vec::new();
        store
            .clusters(&EventFilter::default(), |c| -> Result<(), StoreError> {
                if let Some(date) = c.start_date()
                    && to.is_none_or(|t| date <= t)
                {
                    let r = &c.first.record;
                    expected.push((
                        c.id,
                        date,
                        r.source.code.clone(),
                        r.target.as_ref().map(|t| t.code.clone()),
                        r.cameo.clone(),
                        r.sentence.clone(),
                    ));
                }
                Ok(())
            })
            .unwrap();
        let mut got = Vec::new();
        let n = store
            .dated_facts(to, |f| -> Result<(), StoreError> {
                got.push((f.id, f.date, f.source, f.target, f.cameo, f.evidence));
                Ok(())
            })
            .unwrap();
        assert!(!expected.is_empty());
        assert_eq!(n, got.len());
        got.sort_by_key(|f| (f.1, f.0));
        assert_eq!(got, expected, "to {to:?}");
    }
}

/// A connection that never writes sees `data_version` move when another connection commits,
/// and stay put otherwise: what the server's answer cache is invalidated by.
#[test]
fn issue_6_data_version_moves_when_another_connection_commits() {
    let (dir, mut store) = store();
    let watcher = Store::open_read_only(dir.path().join("test.db")).unwrap();
    let before = watcher.data_version().unwrap();
    assert_eq!(
        watcher.data_version().unwrap(),
        before,
        "no commit, no change"
    );
    let d = doc(
        "v1",
        None,
        "Wire",
        "2025-03-01",
        "Russian forces shelled Kharkiv.",
    );
    let e = event(&d, "RUSMIL", "190", Some("UKR"), "2025-03-01");
    store.write_batch(&[input(d, vec![e])]).unwrap();
    assert_ne!(watcher.data_version().unwrap(), before);
}

/// Counting pairs from the clusters' key index gives what joining each cluster to its first
/// report gives, for every set of classes.
#[test]
fn issue_6_dyad_counts_from_the_index_match_the_join_to_first_reports() {
    let (dir, store) = mixed_store();
    let raw = redline_store::sqlite::Connection::open(dir.path().join("test.db")).unwrap();
    for classes in [vec![], vec![1, 2], vec![3, 4], vec![4], vec![2]] {
        let cond = if classes.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = classes.iter().map(u8::to_string).collect();
            format!("AND e.quad_class IN ({})", list.join(","))
        };
        let sql = format!(
            "SELECT c.source_base, c.target_base, count(*) FROM clusters c \
             JOIN events e ON e.id = c.first_event_id \
             WHERE c.polarity = 'asserted' AND c.modality = 'actual' \
             AND c.target_base <> '' AND c.source_base <> c.target_base \
             AND c.date_start IS NOT NULL {cond} \
             GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2"
        );
        let mut stmt = raw.prepare(&sql).unwrap();
        let want: Vec<(String, String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let got: Vec<(String, String, i64)> = store
            .dyad_counts(&classes)
            .unwrap()
            .into_iter()
            .map(|d| (d.source, d.target, d.clusters))
            .collect();
        assert_eq!(got, want, "classes {classes:?}");
    }
}

/// Every stored cluster, negated and unrealised ones included, as the listing streams them.
fn all_clusters(store: &Store) -> Vec<redline_store::StoredCluster> {
    clusters_of(store, &everything())
}

#[test]
fn issue_6_an_event_and_a_cluster_read_back_by_id_as_the_listings_have_them() {
    let (_dir, store) = mixed_store();
    let all = collect(&store, &everything());
    // Every event, negated, future and undated ones included, reads back as the listing has it.
    assert!(
        all.iter()
            .any(|e| e.record.polarity == redline_model::Polarity::Negated)
    );
    assert!(
        all.iter()
            .any(|e| e.record.modality == redline_model::Modality::Future)
    );
    for e in &all {
        assert_eq!(
            store.event(e.id).unwrap().as_ref(),
            Some(e),
            "event {}",
            e.id
        );
    }
    let clusters = all_clusters(&store);
    assert!(!clusters.is_empty());
    for c in &clusters {
        let got = store.cluster(c.id).unwrap().expect("the cluster is there");
        assert_eq!(&got, c, "cluster {}", c.id);
        assert_eq!(got.first, store.event(got.first.id).unwrap().unwrap());
    }
    // Every event with a cluster names one that exists.
    for e in &all {
        if let Some(id) = e.cluster_id {
            assert!(store.cluster(id).unwrap().is_some(), "event {}", e.id);
        }
    }
    let max_event = all.iter().map(|e| e.id).max().unwrap();
    let max_cluster = clusters.iter().map(|c| c.id).max().unwrap();
    for id in [0, -1, max_event + 1, i64::MAX] {
        assert_eq!(store.event(id).unwrap(), None, "{id}");
    }
    for id in [0, -1, max_cluster + 1, i64::MAX] {
        assert_eq!(store.cluster(id).unwrap(), None, "{id}");
    }
}

#[test]
fn issue_6_a_clusters_reports_come_in_publication_order_then_by_id() {
    let (_dir, mut store) = store();
    // Written in this order; published 10, 9, 10 and 11 April: the second article written is
    // the first published, and two share a day.
    let texts = [
        ("w1", "Wire One", "2025-04-10"),
        ("w2", "Wire Two", "2025-04-09"),
        ("w3", "Wire One", "2025-04-10"),
        ("w4", "Wire Three", "2025-04-11"),
    ];
    let mut batch = Vec::new();
    for (id, publisher, published) in texts {
        let d = doc(
            id,
            None,
            publisher,
            published,
            "Russian jets struck a fuel depot near Causeni.",
        );
        let e = event(&d, "RUS", "190", Some("MDA"), "2025-04-09");
        batch.push(input(d, vec![e]));
    }
    // A denial of the same strike: a cluster of its own, still read back.
    let n = doc(
        "n1",
        None,
        "Wire Two",
        "2025-04-10",
        "Russia did not strike the depot.",
    );
    let mut denial = event(&n, "RUS", "190", Some("MDA"), "2025-04-09");
    denial.polarity = redline_model::Polarity::Negated;
    batch.push(input(n, vec![denial]));
    store.write_batch(&batch).unwrap();

    let all = collect(&store, &everything());
    let strike = all
        .iter()
        .find(|e| e.record.polarity == redline_model::Polarity::Asserted)
        .unwrap()
        .cluster_id
        .unwrap();
    let cluster = store.cluster(strike).unwrap().unwrap();
    assert_eq!(cluster.n_mentions, 4);
    let reports = store.cluster_reports(strike, 100).unwrap();
    let docs: Vec<&str> = reports.iter().map(|e| e.record.doc_id.as_str()).collect();
    assert_eq!(docs, ["w2", "w1", "w3", "w4"]);
    assert!(reports.iter().all(|e| e.cluster_id == Some(strike)));
    let same_day: Vec<i64> = reports[1..3].iter().map(|e| e.id).collect();
    assert!(same_day[0] < same_day[1], "{same_day:?}");
    // The cluster's first report (the first published) leads the list.
    assert_eq!(cluster.first, reports[0]);
    // Each report reads back as the listing has it.
    for r in &reports {
        assert_eq!(store.event(r.id).unwrap().as_ref(), Some(r));
    }
    // A limit keeps the first ones; zero gives none.
    assert_eq!(
        store.cluster_reports(strike, 2).unwrap(),
        reports[..2].to_vec()
    );
    assert!(store.cluster_reports(strike, 0).unwrap().is_empty());
    // The denial's cluster: its one negated report.
    let negated = all
        .iter()
        .find(|e| e.record.polarity == redline_model::Polarity::Negated)
        .unwrap();
    let denial_cluster = negated.cluster_id.unwrap();
    assert_ne!(denial_cluster, strike);
    assert_eq!(
        store.cluster_reports(denial_cluster, 10).unwrap(),
        vec![negated.clone()]
    );
    assert!(store.cluster_reports(9_999, 10).unwrap().is_empty());
}

#[test]
fn issue_6_claims_name_their_document_by_row_id() {
    let (_dir, mut store) = store();
    let a = doc(
        "a1",
        None,
        "Wire",
        "2025-03-07",
        "8000 Russian troops massed.",
    );
    let b = doc(
        "b1",
        None,
        "Post",
        "2025-03-07",
        "9000 Russian troops massed.",
    );
    let mut ia = input(a.clone(), vec![]);
    ia.claims = vec![claim(&a, "RUS", 8_000.0)];
    let mut ib = input(b.clone(), vec![]);
    ib.claims = vec![claim(&b, "RUS", 9_000.0)];
    store.write_batch(&[ia, ib]).unwrap();
    let mut claims = Vec::new();
    store
        .claims(
            &redline_store::ClaimFilter::default(),
            |c| -> Result<(), StoreError> {
                claims.push(c);
                Ok(())
            },
        )
        .unwrap();
    assert_eq!(claims.len(), 2);
    for c in &claims {
        let d = store
            .document(c.document_id)
            .unwrap()
            .expect("its document");
        assert_eq!(d.doc_id, c.record.doc_id);
    }
    assert_ne!(claims[0].document_id, claims[1].document_id);
    let json = serde_json::to_value(&claims[0]).unwrap();
    assert_eq!(json["document_id"], claims[0].document_id);
}

/// Search pages walk the matching sentences newest first, each once, and together hold the
/// events a text filter selects; a bad query is named.
#[test]
fn issue_6_search_pages_walk_every_match_once_newest_sentence_first() {
    let (_dir, store) = mixed_store();
    let by_filter: Vec<i64> = {
        let mut v = ids(&collect(
            &store,
            &EventFilter {
                text: Some("Kharkiv".into()),
                ..Default::default()
            },
        ));
        v.sort();
        v
    };
    assert!(by_filter.len() >= 5);
    for k in [1, 2, 3, 50] {
        let (mut seen, mut sentences) = (Vec::new(), Vec::new());
        let mut before = None;
        loop {
            let page = store.search("Kharkiv", before, k).unwrap();
            for e in &page.events {
                assert!(e.record.sentence.contains("Kharkiv"));
                seen.push(e.id);
                sentences.push(e.document_id);
            }
            match page.next {
                Some(n) => before = Some(n),
                None => break,
            }
        }
        let mut sorted = seen.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), seen.len(), "pages of {k}: an event twice");
        assert_eq!(sorted, by_filter, "pages of {k}");
        // Newest stored first: documents were written in one batch in order, so later
        // documents' sentences have higher row ids.
        assert!(
            sentences.windows(2).all(|w| w[0] >= w[1]),
            "pages of {k}: {sentences:?}"
        );
    }
    assert!(matches!(
        store.search("\"unclosed", None, 5),
        Err(StoreError::BadTextQuery { .. })
    ));
    let none = store.search("Vladivostok", None, 5).unwrap();
    assert!(none.events.is_empty() && none.next.is_none());
}

/// Pair counts per day equal grouping the dated, asserted, actual clusters of different actors
/// that the listing returns, for any window, and a window's first day catches a cluster whose
/// later report moved its date before its anchor.
#[test]
fn issue_6_dated_pair_counts_group_the_listed_clusters_in_any_window() {
    let (_dir, mut store) = mixed_store();
    // First reported on the 20th, then a report of the same shelling dated the 19th: the
    // cluster's date moves to the 19th while its anchor stays on the 20th.
    let first = doc(
        "m20",
        None,
        "Wire",
        "2025-03-20",
        "Russian forces shelled Kharkiv.",
    );
    let later = doc(
        "m21",
        None,
        "Post",
        "2025-03-21",
        "Russian forces shelled Kharkiv.",
    );
    let batch = vec![
        input(
            first.clone(),
            vec![event(&first, "RUSMIL", "190", Some("UKR"), "2025-03-20")],
        ),
        input(
            later.clone(),
            vec![event(&later, "RUSMIL", "190", Some("UKR"), "2025-03-19")],
        ),
    ];
    store.write_batch(&batch).unwrap();
    let moved = all_clusters(&store)
        .into_iter()
        .find(|c| c.n_mentions == 2 && c.date_start.as_deref() == Some("2025-03-19"));
    assert!(
        moved.is_some(),
        "the two reports form one cluster dated the 19th"
    );

    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let facts: Vec<_> = all_clusters(&store)
        .into_iter()
        .filter(|c| c.polarity == "asserted" && c.modality == "actual")
        .filter(|c| !c.target_base.is_empty() && c.source_base != c.target_base)
        .filter_map(|c| {
            Some((
                c.start_date()?,
                c.source_base,
                c.target_base,
                c.first.record.quad_class,
            ))
        })
        .collect();
    for (from, to) in [
        ("2025-01-01", "2025-12-31"),
        ("2025-03-03", "2025-03-06"),
        ("2025-03-19", "2025-03-19"),
        ("2025-03-20", "2025-03-31"),
        ("2025-04-01", "2025-04-30"),
    ] {
        let (from, to) = (day(from), day(to));
        let mut want: std::collections::BTreeMap<(String, String, chrono::NaiveDate, u8), i64> =
            Default::default();
        for (date, s, t, q) in &facts {
            if *date >= from && *date <= to {
                *want.entry((s.clone(), t.clone(), *date, *q)).or_default() += 1;
            }
        }
        let got: std::collections::BTreeMap<_, _> = store
            .dated_pair_counts(from, to)
            .unwrap()
            .into_iter()
            .map(|c| ((c.source, c.target, c.date, c.quad_class), c.clusters))
            .collect();
        assert_eq!(got, want, "window {from} to {to}");
    }
}

/// Reports per day count every dated report (negated and future ones too: coverage), with the
/// conflict ones apart, in date order.
#[test]
fn issue_6_reports_per_day_count_every_dated_report() {
    let (_dir, mut store) = mixed_store();
    let visit = doc("v", None, "Wire", "2025-03-04", "Blinken visited Kyiv.");
    let visit_events = vec![event(&visit, "USA", "042", Some("UKR"), "2025-03-04")];
    store.write_batch(&[input(visit, visit_events)]).unwrap();
    let all = collect(&store, &everything());
    let mut want: std::collections::BTreeMap<String, (u64, u64)> = Default::default();
    for e in &all {
        if let Some(d) = &e.record.date {
            let entry = want.entry(d.clone()).or_default();
            entry.0 += 1;
            if matches!(e.record.quad_class, 3 | 4) {
                entry.1 += 1;
            }
        }
    }
    let got: Vec<(String, (u64, u64))> = store
        .reports_per_day()
        .unwrap()
        .into_iter()
        .map(|d| {
            (
                d.date.format("%Y-%m-%d").to_string(),
                (d.reports, d.conflict),
            )
        })
        .collect();
    assert_eq!(got, want.into_iter().collect::<Vec<_>>());
    assert!(
        got.iter().any(|(_, (n, c))| n > c),
        "some day has cooperation reports"
    );
}

/// The clusters matching `filter`, in the listing's order.
fn clusters_of(store: &Store, filter: &EventFilter) -> Vec<redline_store::StoredCluster> {
    let mut out = Vec::new();
    store
        .clusters(filter, |c| -> Result<(), StoreError> {
            out.push(c);
            Ok(())
        })
        .unwrap();
    out
}

/// Walks the clusters matching `filter` in pages of `k`, by cursor token.
fn walk_clusters(store: &Store, filter: &EventFilter, k: usize) -> Vec<i64> {
    walk_pages(
        k,
        |after| {
            clusters_of(
                store,
                &EventFilter {
                    after,
                    limit: Some(k),
                    ..filter.clone()
                },
            )
        },
        |c| (c.id, c.cursor()),
    )
}

/// Clusters page by cursor like events: any page size walks the one-query order, which is
/// dated clusters by (date, id) then undated ones by id, and each listing holds exactly the
/// clusters of the reports the same filter lists, whether the filter is broad (clusters walked
/// in order, each checked) or narrow (matching reports collected first).
#[test]
fn issue_6_cluster_pages_walk_the_clusters_of_the_matching_reports() {
    let (_dir, store) = mixed_store();
    let filters = [
        everything(),
        EventFilter::default(),
        EventFilter {
            quad_class: vec![4],
            ..everything()
        },
        EventFilter {
            actors: vec!["MDA".into()],
            ..everything()
        },
        EventFilter {
            publisher: Some("wire".into()),
            ..Default::default()
        },
        EventFilter {
            document: Some(1),
            ..everything()
        },
    ];
    for filter in &filters {
        let all = clusters_of(&store, filter);
        assert!(!all.is_empty(), "{filter:?}");
        let key =
            |c: &redline_store::StoredCluster| (c.date_start.is_none(), c.date_start.clone(), c.id);
        assert!(
            all.windows(2).all(|w| key(&w[0]) < key(&w[1])),
            "{filter:?}"
        );
        let mut want: Vec<i64> = collect(&store, filter)
            .iter()
            .filter_map(|e| e.cluster_id)
            .collect();
        want.sort_unstable();
        want.dedup();
        let mut got: Vec<i64> = all.iter().map(|c| c.id).collect();
        got.sort_unstable();
        assert_eq!(got, want, "{filter:?}");
        for k in [1, 2, 3, 7, 50] {
            assert_eq!(
                walk_clusters(&store, filter, k),
                all.iter().map(|c| c.id).collect::<Vec<_>>(),
                "pages of {k}, {filter:?}"
            );
        }
    }
    let undated = all_clusters(&store)
        .iter()
        .filter(|c| c.date_start.is_none())
        .count();
    assert!(
        undated >= 2,
        "the store has undated clusters to page through"
    );
}
