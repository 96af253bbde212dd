//! The store as a user relies on it: idempotent ingest, replacement, clusters with reasons,
//! background history, filters.

mod common;

use common::*;
use redline_store::{ClaimFilter, DocumentChange, EventFilter, Store, StoreError};

#[test]
fn issue_4_ingesting_the_same_document_twice_changes_nothing() {
    let (_dir, mut store) = store();
    let d = doc(
        "a1",
        Some("https://example.org/a1"),
        "Wire",
        "2025-03-05",
        "Russia attacked Ukraine.",
    );
    let batch = vec![input(
        d.clone(),
        vec![event(&d, "RUSMIL", "190", Some("UKR"), "2025-03-05")],
    )];
    let (first, changes) = store.write_batch(&batch).unwrap();
    assert_eq!(changes, vec![DocumentChange::Added]);
    assert_eq!(first.events, 1);
    let before = store.counts().unwrap();
    let (second, changes) = store.write_batch(&batch).unwrap();
    assert_eq!(changes, vec![DocumentChange::Unchanged]);
    assert_eq!(second.events, 0);
    assert_eq!(store.counts().unwrap(), before);
    assert_eq!(all_events(&store).len(), 1);
}

#[test]
fn issue_4_a_changed_document_replaces_its_old_events() {
    let (_dir, mut store) = store();
    let v1 = doc(
        "a1",
        Some("https://example.org/a1"),
        "Wire",
        "2025-03-05",
        "Russia attacked Ukraine.",
    );
    store
        .write_batch(&[input(
            v1.clone(),
            vec![event(&v1, "RUS", "190", Some("UKR"), "2025-03-05")],
        )])
        .unwrap();
    // Same url, corrected text and another event.
    let v2 = doc(
        "a1-corrected",
        Some("https://example.org/a1"),
        "Wire",
        "2025-03-05",
        "Russia threatened Ukraine.",
    );
    let (summary, changes) = store
        .write_batch(&[input(
            v2.clone(),
            vec![event(&v2, "RUS", "138", Some("UKR"), "2025-03-05")],
        )])
        .unwrap();
    assert_eq!(changes, vec![DocumentChange::Replaced]);
    assert_eq!(summary.events_removed, 1);
    let events = all_events(&store);
    assert_eq!(
        events,
        vec!["a1-corrected RUS 138 UKR 2025-03-05 Asserted Actual"]
    );
    let counts = store.counts().unwrap();
    assert_eq!(
        (counts.documents, counts.events, counts.clusters),
        (1, 1, 1),
        "the emptied cluster is gone"
    );
    assert_eq!(counts.sentences, 1);
    assert_eq!(counts.mentions, 2);
}

#[test]
fn issue_4_reports_of_one_event_in_several_articles_form_one_cluster_with_reasons() {
    let (_dir, mut store) = store();
    let a = doc(
        "a",
        None,
        "Wire One",
        "2025-04-09",
        "An airstrike hit a fuel depot near Causeni.",
    );
    let b = doc(
        "b",
        None,
        "Wire Two",
        "2025-04-10",
        "Russian jets struck a fuel depot near Causeni.",
    );
    let c = doc(
        "c",
        None,
        "Wire One",
        "2025-04-10",
        "A fuel depot near Causeni was bombed by Russia.",
    );
    store
        .write_batch(&[
            input(
                a.clone(),
                vec![event(&a, "RUS", "190", Some("MDA"), "2025-04-09")],
            ),
            input(
                b.clone(),
                vec![event(&b, "RUSMIL", "195", Some("MDAMIL"), "2025-04-09")],
            ),
            input(
                c.clone(),
                vec![event(&c, "RUS", "190", Some("MDA"), "2025-04-10")],
            ),
        ])
        .unwrap();
    let mut clusters = Vec::new();
    store
        .clusters(&EventFilter::default(), |c| -> Result<(), StoreError> {
            clusters.push(c);
            Ok(())
        })
        .unwrap();
    assert_eq!(clusters.len(), 1, "{clusters:#?}");
    let c = &clusters[0];
    assert_eq!((c.n_mentions, c.n_articles, c.n_sources), (3, 3, 2));
    assert_eq!(c.first_report.as_deref(), Some("2025-04-09"));
    assert_eq!(
        (c.source_base.as_str(), c.target_base.as_str()),
        ("RUS", "MDA")
    );
    assert_eq!(c.cameo, "190", "the most reported code");
    assert_eq!(c.date_start.as_deref(), Some("2025-04-09"));
    assert_eq!(c.date_end.as_deref(), Some("2025-04-10"));
    let mut reasons = Vec::new();
    store
        .events(&EventFilter::default(), |e| -> Result<(), StoreError> {
            reasons.push(e.cluster_reason.unwrap());
            Ok(())
        })
        .unwrap();
    assert!(reasons[0].starts_with("founded cluster"), "{reasons:?}");
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("same dyad RUS->MDA (as RUSMIL->MDAMIL)")
                && r.contains("codes 195 and 190 (generic)")),
        "{reasons:#?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("1 day(s) from its first report")),
        "{reasons:#?}"
    );
}

#[test]
fn issue_4_daily_reports_do_not_chain_into_one_event() {
    let (_dir, mut store) = store();
    let batch: Vec<_> = (1..=6)
        .map(|day| {
            let date = format!("2025-05-{day:02}");
            let d = doc(
                &format!("d{day}"),
                None,
                "Wire",
                &date,
                "Russian forces shelled Kharkiv again.",
            );
            let e = event(&d, "RUSMIL", "190", Some("UKR"), &date);
            input(d, vec![e])
        })
        .collect();
    store.write_batch(&batch).unwrap();
    // Within two days of each cluster's first report: 1-3 and 4-6.
    assert_eq!(store.counts().unwrap().clusters, 2);
}

#[test]
fn issue_4_a_denial_never_merges_with_the_claim_it_denies() {
    let (_dir, mut store) = store();
    let a = doc(
        "a",
        None,
        "Wire",
        "2025-03-12",
        "Russia attacked the border post.",
    );
    let b = doc(
        "b",
        None,
        "Wire",
        "2025-03-12",
        "Russia did not attack the border post.",
    );
    let mut denial = event(&b, "RUS", "190", Some("MDA"), "2025-03-12");
    denial.polarity = redline_model::Polarity::Negated;
    store
        .write_batch(&[
            input(
                a.clone(),
                vec![event(&a, "RUS", "190", Some("MDA"), "2025-03-12")],
            ),
            input(b, vec![denial]),
        ])
        .unwrap();
    assert_eq!(store.counts().unwrap().clusters, 2);
}

#[test]
fn issue_4_sibling_codes_merge_only_with_similar_evidence() {
    let (_dir, mut store) = store();
    let a = doc(
        "a",
        None,
        "Wire",
        "2025-03-12",
        "Russia bombed the Causeni fuel depot overnight.",
    );
    let b = doc(
        "b",
        None,
        "Post",
        "2025-03-12",
        "Russia shelled the Causeni fuel depot overnight.",
    );
    let c = doc(
        "c",
        None,
        "Post",
        "2025-03-12",
        "Moscow's gunners hit targets in the south.",
    );
    store
        .write_batch(&[
            input(
                a.clone(),
                vec![event(&a, "RUS", "195", Some("MDA"), "2025-03-12")],
            ),
            input(
                b.clone(),
                vec![event(&b, "RUS", "194", Some("MDA"), "2025-03-12")],
            ),
            input(
                c.clone(),
                vec![event(&c, "RUS", "194", Some("MDA"), "2025-03-12")],
            ),
        ])
        .unwrap();
    let mut reasons = Vec::new();
    store
        .events(&EventFilter::default(), |e| -> Result<(), StoreError> {
            reasons.push((
                e.record.doc_id.clone(),
                e.cluster_id,
                e.cluster_reason.unwrap(),
            ));
            Ok(())
        })
        .unwrap();
    assert_eq!(reasons[0].1, reasons[1].1, "{reasons:#?}");
    assert!(
        reasons[1]
            .2
            .contains("sibling codes 194 and 195 with similar evidence"),
        "{reasons:#?}"
    );
    // c is a 194 too: it joins b's code through b's cluster only if the evidence is similar to
    // the cluster's first report, which it is not; so it founds its own.
    assert_ne!(reasons[2].1, reasons[0].1, "{reasons:#?}");
}

#[test]
fn issue_4_background_history_is_dated_to_its_own_time() {
    let (_dir, mut store) = store();
    let d = doc(
        "h",
        None,
        "Wire",
        "2023-01-08",
        "In 2019, the United States sold missiles to Ukraine.",
    );
    let mut e = event(&d, "USA", "062", Some("UKR"), "2019-01-01");
    e.date_precision = "year".into();
    let mut recent = event(&d, "USA", "062", Some("UKR"), "2023-01-06");
    recent.evidence.trigger = [30, 34];
    store.write_batch(&[input(d, vec![e, recent])]).unwrap();
    let mut seen = Vec::new();
    store
        .events(&EventFilter::default(), |e| -> Result<(), StoreError> {
            seen.push((
                e.record.date.clone().unwrap(),
                e.date_end.clone().unwrap(),
                e.background,
            ));
            Ok(())
        })
        .unwrap();
    assert_eq!(
        seen,
        vec![
            ("2019-01-01".to_string(), "2019-12-31".to_string(), true),
            ("2023-01-06".to_string(), "2023-01-06".to_string(), false),
        ]
    );
    assert_eq!(
        store.counts().unwrap().clusters,
        2,
        "history is not merged with the news"
    );
    let filter = EventFilter {
        exclude_background: true,
        ..Default::default()
    };
    assert_eq!(
        store.events(&filter, |_| Ok::<(), StoreError>(())).unwrap(),
        1
    );
}

fn count(store: &redline_store::Store, f: EventFilter) -> usize {
    store.events(&f, |_| Ok::<(), StoreError>(())).unwrap()
}

#[test]
fn issue_4_filters_select_what_they_name() {
    let (_dir, mut store) = store();
    let a = doc(
        "a",
        None,
        "Meridian Wire",
        "2025-03-05",
        "Russia struck a \"red line\" depot in Moldova.",
    );
    let b = doc(
        "b",
        None,
        "Danube Post",
        "2025-04-20",
        "The United States sent aid to Moldova.",
    );
    let mut strike = event(&a, "RUSMIL", "190", Some("MDA"), "2025-03-05");
    strike.signals = vec!["red_line_crossed".into()];
    let mut threat = event(&b, "RUSGOV", "138", Some("USA"), "2025-04-20");
    threat.modality = redline_model::Modality::Future;
    store
        .write_batch(&[
            input(
                a.clone(),
                vec![event(&a, "RUSMIL", "190", Some("MDA"), "2025-03-05")],
            ),
            input(
                b.clone(),
                vec![
                    event(&b, "USA", "0332", Some("MDAGOV"), "2025-04-20"),
                    threat,
                ],
            ),
        ])
        .unwrap();
    let f = EventFilter::default;
    assert_eq!(count(&store, f()), 2, "facts only by default");
    assert_eq!(
        count(
            &store,
            EventFilter {
                include_unrealised: true,
                ..f()
            }
        ),
        3
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                actors: vec!["RUS".into()],
                ..f()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                actors: vec!["MDA".into()],
                ..f()
            }
        ),
        2
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                actors: vec!["MDAGOV".into()],
                ..f()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                source: Some("USA".into()),
                target: Some("MDA".into()),
                ..f()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                source: Some("MDA".into()),
                ..f()
            }
        ),
        0
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                cameo: vec!["19".into()],
                ..f()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                cameo: vec!["033".into()],
                ..f()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                cameo: vec!["0331".into()],
                ..f()
            }
        ),
        0
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                quad_class: vec![4],
                ..f()
            }
        ),
        1
    );
    let day = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(
        count(
            &store,
            EventFilter {
                from: Some(day("2025-04-01")),
                ..f()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                to: Some(day("2025-03-05")),
                ..f()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                publisher: Some("danube post".into()),
                ..f()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                text: Some("\"red line\"".into()),
                ..f()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                text: Some("aid".into()),
                ..f()
            }
        ),
        1
    );
    assert_eq!(
        count(
            &store,
            EventFilter {
                limit: Some(1),
                ..f()
            }
        ),
        1
    );
    let err = store
        .events(
            &EventFilter {
                text: Some("\"unbalanced".into()),
                ..f()
            },
            |_| Ok::<(), StoreError>(()),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::BadTextQuery { .. }), "{err}");
}

#[test]
fn issue_4_statements_two_days_apart_are_two_statements() {
    let (_dir, mut store) = store();
    let a = doc(
        "a",
        None,
        "Wire",
        "2025-03-12",
        "The Kremlin denied any involvement.",
    );
    let b = doc(
        "b",
        None,
        "Post",
        "2025-03-14",
        "The Kremlin again rejected the accusation.",
    );
    let c = doc(
        "c",
        None,
        "Herald",
        "2025-03-13",
        "The Kremlin denied it had any role.",
    );
    // 016 is a verbal event (QuadClass 1).
    let deny = |d: &redline_model::Document, date: &str| event(d, "RUSGOV", "016", None, date);
    store
        .write_batch(&[
            input(a.clone(), vec![deny(&a, "2025-03-12")]),
            input(b.clone(), vec![deny(&b, "2025-03-14")]),
            input(c.clone(), vec![deny(&c, "2025-03-13")]),
        ])
        .unwrap();
    // b is two days after a's first report: its own statement; c, a day after, joins a.
    let mut clusters = Vec::new();
    store
        .events(&EventFilter::default(), |e| -> Result<(), StoreError> {
            clusters.push((e.record.doc_id.clone(), e.cluster_id.unwrap()));
            Ok(())
        })
        .unwrap();
    clusters.sort();
    assert_eq!(clusters[0].1, clusters[2].1, "{clusters:?}");
    assert_ne!(clusters[0].1, clusters[1].1, "{clusters:?}");
}

fn all_claims(store: &Store, filter: &ClaimFilter) -> Vec<redline_store::StoredClaim> {
    let mut out = Vec::new();
    store
        .claims(filter, |c| -> Result<(), StoreError> {
            out.push(c);
            Ok(())
        })
        .unwrap();
    out
}

#[test]
fn issue_5_claims_read_back_as_written_and_go_with_a_replaced_document() {
    let (_dir, mut store) = store();
    let a = doc(
        "c1",
        Some("https://example.org/c1"),
        "Wire",
        "2025-03-05",
        "8000 Russian troops massed.",
    );
    let b = doc(
        "c2",
        None,
        "Post",
        "2025-03-06",
        "2000 Moldovan troops moved.",
    );
    let mut ia = input(a.clone(), vec![]);
    ia.claims = vec![claim(&a, "RUS", 8_000.0)];
    let mut ib = input(b.clone(), vec![]);
    ib.claims = vec![claim(&b, "MDA", 2_000.0)];
    let (summary, _) = store.write_batch(&[ia.clone(), ib]).unwrap();
    assert_eq!(summary.claims, 2);
    let read = all_claims(&store, &ClaimFilter::default());
    assert_eq!(read.len(), 2);
    assert_eq!(
        read[0].record, ia.claims[0],
        "a claim reads back as written"
    );
    assert_eq!(read[0].publisher.as_deref(), Some("Wire"));
    // Filters: subject by country or code, kind.
    let rus = ClaimFilter {
        subject: Some("RUS".into()),
        ..Default::default()
    };
    assert_eq!(all_claims(&store, &rus).len(), 1);
    let mil = ClaimFilter {
        subject: Some("MDAMIL".into()),
        ..Default::default()
    };
    assert_eq!(all_claims(&store, &mil)[0].subject_key, "MDA");
    let money = ClaimFilter {
        kind: Some(redline_model::ClaimKind::Money),
        ..Default::default()
    };
    assert!(all_claims(&store, &money).is_empty());
    // A corrected version of the first document replaces its claim.
    let a2 = doc(
        "c1",
        Some("https://example.org/c1"),
        "Wire",
        "2025-03-05",
        "9000 Russian troops massed.",
    );
    let mut ia2 = input(a2.clone(), vec![]);
    ia2.claims = vec![claim(&a2, "RUS", 9_000.0)];
    store.write_batch(&[ia2]).unwrap();
    let lows: Vec<f64> = all_claims(&store, &ClaimFilter::default())
        .iter()
        .map(|c| c.record.low)
        .collect();
    assert_eq!(lows, vec![2_000.0, 9_000.0], "same date: in row order");
    assert_eq!(store.counts().unwrap().claims, 2);
    assert_eq!(store.documents_without_claims().unwrap(), 0);
}

#[test]
fn issue_5_dyad_counts_rank_pairs_by_real_world_events_of_the_classes_asked() {
    let (_dir, mut store) = store();
    // (source, code, target, date): a month apart, so that no two reports merge.
    let reports = [
        ("RUSMIL", "190", Some("UKR"), "2025-01-05"),
        ("RUS", "193", Some("UKRMIL"), "2025-02-05"),
        ("RUSGOV", "138", Some("UKR"), "2025-03-05"),
        ("UKRMIL", "190", Some("RUS"), "2025-04-05"),
        ("USA", "042", Some("UKR"), "2025-05-05"),
        ("USA", "042", Some("UKR"), "2025-06-05"),
        ("USA", "042", Some("UKR"), "2025-07-05"),
        ("RUSMIL", "190", Some("RUSGOV"), "2025-08-05"),
        ("RUS", "190", None, "2025-09-05"),
    ];
    let batch: Vec<_> = reports
        .iter()
        .enumerate()
        .map(|(i, (s, code, t, date))| {
            let d = doc(&format!("d{i}"), None, "Wire", date, "Something happened.");
            let e = event(&d, s, code, *t, date);
            input(d, vec![e])
        })
        .collect();
    store.write_batch(&batch).unwrap();
    let line = |v: Vec<redline_store::DyadCount>| -> Vec<String> {
        v.iter()
            .map(|d| format!("{}->{} {}", d.source, d.target, d.clusters))
            .collect()
    };
    // Conflict only: roles fold into the country, a pair with itself and events without a
    // target are left out.
    assert_eq!(
        line(store.dyad_counts(&[3, 4]).unwrap()),
        ["RUS->UKR 3", "UKR->RUS 1"]
    );
    // Every class: cooperation counts too, and the most active pair comes first.
    assert_eq!(
        line(store.dyad_counts(&[]).unwrap()),
        ["RUS->UKR 3", "USA->UKR 3", "UKR->RUS 1"]
    );
}
