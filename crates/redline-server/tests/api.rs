//! The API in process: a store of the example corpus, requests through the router (no socket),
//! and the JSON that comes back.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt as _;
use redline_server::{AppState, Limits, router};
use serde_json::Value;
use tower::ServiceExt as _;

/// The example corpus ingested once into a store shared by the tests (read-only for them).
fn examples_db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/news");
        let mut store = redline_store::Store::open(&db).unwrap();
        let (coder, _) = redline_coder::Coder::embedded();
        redline_ingest::ingest(
            &mut store,
            &coder,
            &[redline_docs::Input::Path(examples)],
            &redline_ingest::IngestOptions::default(),
            |_| {},
        )
        .unwrap();
        (dir, db)
    })
    .1
}

fn state(db: &Path, token: Option<&str>) -> AppState {
    AppState::new(
        db.to_path_buf(),
        token.map(str::to_string),
        Limits::default(),
    )
    .unwrap()
}

async fn call(state: AppState, req: Request<Body>) -> (StatusCode, Value) {
    let res = router(state).oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&bytes)));
    (status, json)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    call(
        state(examples_db(), None),
        Request::get(uri).body(Body::empty()).unwrap(),
    )
    .await
}

fn assert_error(status: StatusCode, body: &Value, want: StatusCode, code: &str) {
    assert_eq!(status, want, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(!body["error"]["message"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn issue_6_health_is_cheap_and_stats_count_the_store() {
    let (status, body) = get("/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(
        body["schema_version"],
        redline_store::schema::CURRENT_VERSION
    );
    assert!(body.get("counts").is_none(), "health does not count");
    let (status, counts) = get("/api/stats").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(counts["documents"], 23);
    assert_eq!(counts["events"], 72);
    assert_eq!(counts["claims"], 30);
}

#[tokio::test]
async fn issue_6_events_page_by_cursor_through_everything_once() {
    // The whole list at once, then pages of 7: the same ids in the same order.
    let (_, all) = get("/api/events?limit=500").await;
    let all_ids: Vec<i64> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert!(all["next"].is_null());
    assert!(all_ids.len() > 20);
    let mut paged = Vec::new();
    let mut uri = "/api/events?limit=7".to_string();
    loop {
        let (status, page) = get(&uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 7);
        paged.extend(items.iter().map(|e| e["id"].as_i64().unwrap()));
        match page["next"].as_str() {
            Some(next) => uri = format!("/api/events?limit=7&cursor={next}"),
            None => break,
        }
    }
    assert_eq!(paged, all_ids);
}

#[tokio::test]
async fn issue_6_event_filters_work_as_in_redline_events() {
    let (status, body) = get("/api/events?dyad=RUS:MDA&quad=4&limit=100").await;
    assert_eq!(status, StatusCode::OK);
    let items = body["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for e in items {
        assert_eq!(e["source"]["country"], "RUS", "{e}");
        assert_eq!(e["target"]["country"], "MDA", "{e}");
        assert_eq!(e["quad_class"], 4, "{e}");
        assert_eq!(e["polarity"], "asserted");
    }
    let (_, negated) = get("/api/events?negated=true&limit=500").await;
    assert!(
        negated["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["polarity"] == "negated")
    );
}

#[tokio::test]
async fn issue_6_bad_requests_get_one_error_shape() {
    let (s, b) = get("/api/events?cameo=abc").await;
    assert_error(s, &b, StatusCode::BAD_REQUEST, "bad_request");
    assert!(b["error"]["message"].as_str().unwrap().contains("cameo"));
    let (s, b) = get("/api/events?from=2025-13-01").await;
    assert_error(s, &b, StatusCode::BAD_REQUEST, "bad_request");
    let (s, b) = get("/api/events?limit=100000").await;
    assert_error(s, &b, StatusCode::BAD_REQUEST, "bad_request");
    assert!(b["error"]["message"].as_str().unwrap().contains("500"));
    let (s, b) = get("/api/events?cursor=nonsense").await;
    assert_error(s, &b, StatusCode::BAD_REQUEST, "bad_request");
    let (s, b) = get("/api/search?q=%22unclosed").await;
    assert_error(s, &b, StatusCode::BAD_REQUEST, "bad_request");
    let (s, b) = get("/api/documents/999999").await;
    assert_error(s, &b, StatusCode::NOT_FOUND, "not_found");
    let (s, b) = get("/api/events?limit=many").await;
    assert_error(s, &b, StatusCode::BAD_REQUEST, "bad_request");
    let (s, b) = call(
        state(examples_db(), None),
        Request::delete("/api/events").body(Body::empty()).unwrap(),
    )
    .await;
    assert_error(s, &b, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    let (s, b) = get("/api/nothing-here").await;
    assert_error(s, &b, StatusCode::NOT_FOUND, "not_found");
    let (s, b) = get("/api/dyads/RUS/MDA?by=fortnight").await;
    assert_error(s, &b, StatusCode::BAD_REQUEST, "bad_request");
    let (s, b) = get("/api/claims?kind=bodies").await;
    assert_error(s, &b, StatusCode::BAD_REQUEST, "bad_request");
}

#[tokio::test]
async fn issue_6_from_an_event_to_its_document_and_back() {
    let (_, found) = get("/api/search?q=Causeni&limit=1").await;
    let event = &found["items"][0];
    assert!(event["sentence"].as_str().unwrap().contains("Causeni"));
    let doc_id = event["document_id"].as_i64().unwrap();
    let (status, doc) = get(&format!("/api/documents/{doc_id}")).await;
    assert_eq!(status, StatusCode::OK, "{doc}");
    let text = doc["text"].as_str().unwrap();
    // The event's spans index into the document's text.
    let [s, e] = [
        event["source"]["span"][0].as_u64().unwrap() as usize,
        event["source"]["span"][1].as_u64().unwrap() as usize,
    ];
    assert_eq!(&text[s..e], event["source"]["text"].as_str().unwrap());
    let ids: Vec<&Value> = doc["events_coded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["id"])
        .collect();
    assert!(ids.contains(&&event["id"]));
}

#[tokio::test]
async fn issue_6_the_dyad_view_matches_redline_escalation() {
    let (status, body) = get("/api/dyads/RUS/MDA?by=week").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let b = &body["body"];
    assert_eq!(b["from"], "2025-03-03");
    assert_eq!(b["to"], "2025-05-06");
    assert_eq!(b["buckets"].as_array().unwrap().len(), 10);
    assert_eq!(
        b["third"].as_array().unwrap().len(),
        10,
        "one third-party count per period"
    );
    assert!(
        b["hawkes"]["unavailable"]
            .as_str()
            .unwrap()
            .contains("too few")
    );
    let episodes = b["episodes"].as_array().unwrap();
    assert!(episodes.iter().any(|e| e["direction"] == "escalation"));
    let (_, dyads) = get("/api/dyads?top=3").await;
    assert_eq!(dyads[0]["a"], "MDA");
    assert_eq!(dyads[0]["b"], "RUS");
}

#[tokio::test]
async fn issue_6_ladder_alerts_and_claims_are_served() {
    let (_, ladder) = get("/api/ladder").await;
    assert_eq!(ladder.as_array().unwrap().len(), 12);
    let (_, alerts) = get("/api/alerts").await;
    assert!(
        alerts["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["rule"] == "red-line-declared")
    );
    let (_, claims) = get("/api/claims?disagreements=true").await;
    let groups = claims.as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["disagreements"][0]["kind"], "conflict");
    assert!(groups[0]["members"][0]["asserter"].is_string());
}

#[tokio::test]
async fn issue_6_the_network_counts_cooperation_and_conflict_per_pair() {
    let (status, edges) = get("/api/network").await;
    assert_eq!(status, StatusCode::OK);
    let edges = edges.as_array().unwrap();
    // Busiest first, and MDA->RUS as the escalation golden files count it.
    let totals: Vec<i64> = edges
        .iter()
        .map(|e| e["conflict"].as_i64().unwrap() + e["cooperation"].as_i64().unwrap())
        .collect();
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
    let mda_rus = edges
        .iter()
        .find(|e| e["source"] == "MDA" && e["target"] == "RUS")
        .unwrap();
    assert_eq!(
        (
            mda_rus["conflict"].as_i64(),
            mda_rus["cooperation"].as_i64()
        ),
        (Some(5), Some(1))
    );
    let (_, two) = get("/api/network?top=2").await;
    assert_eq!(two.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn issue_6_the_openapi_document_lists_every_endpoint() {
    let (status, doc) = get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/events",
        "/api/documents/{id}",
        "/api/clusters",
        "/api/dyads/{a}/{b}",
        "/api/ladder",
        "/api/alerts",
        "/api/claims",
        "/api/search",
        "/api/network",
        "/api/ingest",
        "/api/events/{id}",
        "/api/clusters/{id}",
        "/api/volume",
        "/api/movers",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
}

#[tokio::test]
async fn issue_6_ingest_is_off_by_default_and_needs_the_token_when_on() {
    let line = r#"{"id":"http-1","date":"2025-06-01","publisher":"Wire","text":"Russia expelled two Moldovan diplomats on Sunday."}"#;
    let post = |auth: Option<&str>| {
        let mut r =
            Request::post("/api/ingest").header(header::CONTENT_TYPE, "application/x-ndjson");
        if let Some(a) = auth {
            r = r.header(header::AUTHORIZATION, a);
        }
        r.body(Body::from(line)).unwrap()
    };
    let (s, b) = call(state(examples_db(), None), post(Some("Bearer x"))).await;
    assert_error(s, &b, StatusCode::FORBIDDEN, "ingest_disabled");
    // A store of its own, since this one is written.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    drop(redline_store::Store::open(&db).unwrap());
    let token = "a-token-of-some-length";
    let (s, b) = call(state(&db, Some(token)), post(None)).await;
    assert_error(s, &b, StatusCode::UNAUTHORIZED, "unauthorized");
    let (s, b) = call(state(&db, Some(token)), post(Some("Bearer wrong-token"))).await;
    assert_error(s, &b, StatusCode::UNAUTHORIZED, "unauthorized");
    let (s, b) = call(
        state(&db, Some(token)),
        post(Some(&format!("Bearer {token}"))),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert_eq!(b["added"], 1);
    assert_eq!(b["events"], 1);
    // The document is then served.
    let (_, events) = call(
        state(&db, None),
        Request::get("/api/events").body(Body::empty()).unwrap(),
    )
    .await;
    let items = events["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{events}");
    assert_eq!(items[0]["doc_id"], "http-1");
    assert_eq!(items[0]["source"]["country"], "RUS");
}

#[tokio::test]
async fn issue_6_a_body_above_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    drop(redline_store::Store::open(&db).unwrap());
    let limits = Limits {
        body_bytes: 1024,
        ..Limits::default()
    };
    let state = AppState::new(db, Some("a-token-of-some-length".into()), limits).unwrap();
    let req = Request::post("/api/ingest")
        .header(header::AUTHORIZATION, "Bearer a-token-of-some-length")
        .body(Body::from(vec![b'x'; 4096]))
        .unwrap();
    let (s, b) = call(state, req).await;
    assert_error(s, &b, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

/// The date of an alert's last event.
fn last_date(alert: &Value) -> String {
    let events = alert["events"].as_array().unwrap();
    events.last().unwrap()["date"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn issue_6_alerts_up_to_a_day_are_those_of_the_events_up_to_it() {
    let (status, all) = get("/api/alerts?limit=500").await;
    assert_eq!(status, StatusCode::OK);
    let items = all["items"].as_array().unwrap();
    assert_eq!(all["total"].as_u64().unwrap() as usize, items.len());
    assert!(items.len() >= 2, "{all}");
    // Newest first.
    let dates: Vec<String> = items.iter().map(last_date).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // Selecting by `to` from the one evaluation over the whole store gives what evaluating only
    // the events up to that day gives.
    let store = redline_store::Store::open_read_only(examples_db()).unwrap();
    let ladder = redline_analysis::Ladder::embedded();
    let rules = redline_views::alerts::load_rules(None, &ladder).unwrap();
    let mut days = dates.clone();
    days.dedup();
    for day in &days {
        let to = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        let (mut direct, _) =
            redline_views::alerts::alerts_between(&store, &rules, &ladder, None, Some(to)).unwrap();
        direct.reverse();
        let (_, served) = get(&format!("/api/alerts?to={day}&limit=500")).await;
        let direct = serde_json::to_value(&direct).unwrap();
        // Same alerts; ties of one day may come in either order.
        let key = |a: &Value| format!("{} {}", last_date(a), a);
        let mut want: Vec<String> = direct.as_array().unwrap().iter().map(key).collect();
        let mut got: Vec<String> = served["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(key)
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "to={day}");
    }
    // One rule, a limit, and an unknown rule.
    let (_, one) = get("/api/alerts?rule=red-line-declared&limit=1").await;
    assert_eq!(one["items"].as_array().unwrap().len(), 1);
    assert_eq!(one["items"][0]["rule"], "red-line-declared");
    assert!(one["total"].as_u64().unwrap() >= 1);
    let (status, body) = get("/api/alerts?rule=no-such-rule").await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("red-line-declared")
    );
}

#[tokio::test]
async fn issue_6_cached_answers_follow_the_store_when_another_process_ingests() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("copy.db");
    std::fs::copy(examples_db(), &db).unwrap();
    let state = state(&db, None);
    let stats = |state: AppState| async move {
        call(
            state,
            Request::get("/api/stats").body(Body::empty()).unwrap(),
        )
        .await
        .1
    };
    assert_eq!(stats(state.clone()).await["documents"], 23);
    let dyads = |state: AppState| async move {
        call(
            state,
            Request::get("/api/dyads?top=500")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .1
    };
    let before = dyads(state.clone()).await;
    assert!(
        !before
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["a"] == "EST" || d["b"] == "EST")
    );
    // Another writer, as `redline ingest` in another process would be.
    let mut store = redline_store::Store::open(&db).unwrap();
    let (coder, _) = redline_coder::Coder::embedded();
    let line = serde_json::json!({
        "id": "later",
        "date": "2025-06-02",
        "publisher": "Wire",
        "text": "Russian forces shelled Narva on Sunday, Estonian officials said.\n\nEstonia condemned the attack."
    });
    let file = dir.path().join("later.jsonl");
    std::fs::write(&file, format!("{line}\n")).unwrap();
    redline_ingest::ingest(
        &mut store,
        &coder,
        &[redline_docs::Input::Path(file)],
        &redline_ingest::IngestOptions::default(),
        |_| {},
    )
    .unwrap();
    drop(store);
    assert_eq!(stats(state.clone()).await["documents"], 24);
    let after = dyads(state).await;
    assert_ne!(after, before, "the busiest dyads were computed again");
}

/// A store of `lines` (JSON Lines documents), ingested as `redline ingest` does.
fn store_of_lines(lines: &[String]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let db = dir.path().join("lines.db");
    let mut store = redline_store::Store::open(&db).unwrap();
    let (coder, _) = redline_coder::Coder::embedded();
    redline_ingest::ingest(
        &mut store,
        &coder,
        &[redline_docs::Input::Path(input)],
        &redline_ingest::IngestOptions::default(),
        |_| {},
    )
    .unwrap();
    (dir, db)
}

async fn get_from(db: &Path, uri: &str) -> (StatusCode, Value) {
    call(
        state(db, None),
        Request::get(uri).body(Body::empty()).unwrap(),
    )
    .await
}

fn ids_of(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn issue_6_an_event_comes_with_its_cluster_and_every_report_of_it() {
    let (_, all) = get("/api/events?negated=true&unrealised=true&limit=500").await;
    let all = all["items"].as_array().unwrap().clone();
    // The real-world event with the most reports.
    let (_, clusters) = get("/api/clusters?negated=true&unrealised=true&limit=500").await;
    let busiest = clusters["items"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|c| c["n_mentions"].as_i64().unwrap())
        .unwrap()
        .clone();
    let n = busiest["n_mentions"].as_i64().unwrap();
    assert!(n > 1, "{busiest}");
    let members: Vec<&Value> = all
        .iter()
        .filter(|e| e["cluster_id"] == busiest["id"])
        .collect();
    assert_eq!(members.len() as i64, n);
    for member in &members {
        let id = member["id"].as_i64().unwrap();
        let (status, detail) = get(&format!("/api/events/{id}")).await;
        assert_eq!(status, StatusCode::OK, "{detail}");
        // The event as the listing has it, and its cluster as the cluster listing has it.
        assert_eq!(&detail["event"], *member);
        assert_eq!(detail["cluster"], busiest);
        assert_eq!(detail["reports_total"], n);
        assert_eq!(detail["reports_limit"], 200);
        let reports = detail["reports"].as_array().unwrap();
        assert_eq!(reports.len() as i64, n);
        assert!(reports.iter().all(|r| r["cluster_id"] == busiest["id"]));
        assert!(ids_of(&detail["reports"]).contains(&id));
        // By publication date then id, the cluster's first report first.
        let key = |r: &Value| {
            (
                r["published"].is_null(),
                r["published"].as_str().map(str::to_string),
                r["id"].as_i64().unwrap(),
            )
        };
        assert!(reports.windows(2).all(|w| key(&w[0]) < key(&w[1])));
        assert_eq!(reports[0]["id"], busiest["first"]["id"]);
        // The names of the codes shown.
        let cameo = member["cameo"].as_str().unwrap();
        assert!(
            !detail["cameo_names"][cameo].as_str().unwrap().is_empty(),
            "{}",
            detail["cameo_names"]
        );
    }
    // The cluster by its own id: the same cluster and reports.
    let (status, by_cluster) = get(&format!("/api/clusters/{}", busiest["id"])).await;
    assert_eq!(status, StatusCode::OK, "{by_cluster}");
    assert_eq!(by_cluster["cluster"], busiest);
    assert_eq!(by_cluster["reports_total"], n);
    let (_, first) = get(&format!("/api/events/{}", busiest["first"]["id"])).await;
    assert_eq!(by_cluster["reports"], first["reports"]);

    // A negated or unrealised report is served too.
    for (field, usual) in [("polarity", "asserted"), ("modality", "actual")] {
        let other = all.iter().find(|e| e[field] != usual).unwrap();
        let (status, detail) = get(&format!("/api/events/{}", other["id"])).await;
        assert_eq!(status, StatusCode::OK, "{detail}");
        assert_eq!(&detail["event"], other);
        assert_eq!(detail["cluster"]["id"], other["cluster_id"]);
        assert_eq!(detail["cluster"][field], other[field]);
    }
}

#[tokio::test]
async fn issue_6_an_unknown_or_malformed_event_id_gets_the_error_shape() {
    for resource in ["events", "clusters"] {
        let (s, b) = get(&format!("/api/{resource}/999999")).await;
        assert_error(s, &b, StatusCode::NOT_FOUND, "not_found");
        assert!(
            b["error"]["message"].as_str().unwrap().contains("999999"),
            "{b}"
        );
        for bad in ["abc", "1.5", "12abc", "-", "99999999999999999999"] {
            let (s, b) = get(&format!("/api/{resource}/{bad}")).await;
            assert_error(s, &b, StatusCode::BAD_REQUEST, "bad_request");
            assert!(b["error"]["message"].as_str().unwrap().contains(bad), "{b}");
        }
    }
    let (_, doc) = get("/api/openapi.json").await;
    for path in ["/api/events/{id}", "/api/clusters/{id}"] {
        let op = &doc["paths"][path]["get"];
        assert!(op.is_object(), "{path} missing");
        for status in ["200", "400", "404"] {
            assert!(op["responses"].get(status).is_some(), "{path}: {status}");
        }
    }
}

#[tokio::test]
async fn issue_6_an_event_page_caps_its_reports_and_says_how_many_there_are() {
    // 205 articles reporting one shelling on one day: one real-world event of 205 reports.
    let lines: Vec<String> = (0..205)
        .map(|i| {
            serde_json::json!({
                "id": format!("same-{i}"),
                "date": "2025-03-05",
                "publisher": format!("Outlet {}", i % 7),
                "text": "Russian forces shelled Kharkiv on Wednesday.",
            })
            .to_string()
        })
        .collect();
    let (_dir, db) = store_of_lines(&lines);
    let (_, page) = get_from(&db, "/api/events?limit=1").await;
    let id = page["items"][0]["id"].as_i64().unwrap();
    let (status, detail) = get_from(&db, &format!("/api/events/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    assert_eq!(detail["cluster"]["n_mentions"], 205);
    assert_eq!(detail["reports_total"], 205);
    assert_eq!(detail["reports_limit"], 200);
    assert_eq!(detail["reports"].as_array().unwrap().len(), 200);
    assert_eq!(detail["cluster"]["n_sources"], 7);

    // A report whose cluster is gone (a store edited by hand) has `cluster: null` and no
    // reports, rather than an error.
    let conn = redline_store::sqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE events SET cluster_id = NULL WHERE id = ?1", [id])
        .unwrap();
    drop(conn);
    let (status, detail) = get_from(&db, &format!("/api/events/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    assert!(detail["cluster"].is_null(), "{detail}");
    assert_eq!(detail["reports"], serde_json::json!([]));
    assert_eq!(detail["reports_total"], 0);
    assert_eq!(detail["event"]["id"], id);
}

#[tokio::test]
async fn issue_6_search_pages_by_cursor_through_every_match_once() {
    let (_, all) = get("/api/events?text=Russian&limit=500").await;
    let mut want: Vec<i64> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    want.sort();
    assert!(want.len() >= 5, "{all}");
    let mut got = Vec::new();
    let mut uri = "/api/search?q=Russian&limit=2".to_string();
    loop {
        let (status, page) = get(&uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        got.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].as_i64().unwrap()),
        );
        match page["next"].as_str() {
            Some(next) => uri = format!("/api/search?q=Russian&limit=2&cursor={next}"),
            None => break,
        }
    }
    got.sort();
    assert_eq!(got, want);
    let (s, b) = get("/api/search?q=Russian&cursor=abc").await;
    assert_error(s, &b, StatusCode::BAD_REQUEST, "bad_request");
}

/// The movers' counts are the dyad page's: for every pair, the conflict events and documents
/// of each window equal the sums of the dyad's daily series over the same days, and the change
/// is the difference of the two indexes. Pairs come largest move first.
#[tokio::test]
async fn issue_6_movers_count_what_the_dyad_page_counts_in_each_window() {
    let (status, body) = get("/api/movers?days=30&top=500").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["days"], 30);
    let (recent, previous) = (&body["recent"], &body["previous"]);
    assert_eq!(
        recent["to"], "2025-05-22",
        "the last day with a published document"
    );
    assert_eq!(recent["from"], "2025-04-23");
    assert_eq!(previous["to"], "2025-04-22");
    assert_eq!(previous["from"], "2025-03-24");
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), body["total"].as_u64().unwrap() as usize);
    assert!(!items.is_empty());
    let size = |m: &Value| m["change"].as_f64().unwrap().abs();
    assert!(
        items.windows(2).all(|w| size(&w[0]) >= size(&w[1])),
        "{items:?}"
    );
    for m in items {
        assert!(
            m["a"].as_str() < m["b"].as_str(),
            "directions together: {m}"
        );
        for (window, count, index) in [
            (previous, "previous", "previous_per_100"),
            (recent, "recent", "recent_per_100"),
        ] {
            let (from, to) = (
                window["from"].as_str().unwrap(),
                window["to"].as_str().unwrap(),
            );
            let uri = format!(
                "/api/dyads/{}/{}?by=day&from={from}&to={to}",
                m["a"].as_str().unwrap(),
                m["b"].as_str().unwrap()
            );
            let (_, view) = get(&uri).await;
            let buckets = view["body"]["buckets"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let conflict: u64 = buckets
                .iter()
                .map(|b| b["counts"][2].as_u64().unwrap() + b["counts"][3].as_u64().unwrap())
                .sum();
            assert_eq!(m[count].as_u64().unwrap(), conflict, "{count} of {m}");
            if !buckets.is_empty() {
                let documents: u64 = buckets
                    .iter()
                    .map(|b| b["documents"].as_u64().unwrap())
                    .sum();
                assert_eq!(window["documents"].as_u64().unwrap(), documents, "{uri}");
            }
            let want = conflict as f64 * 100.0 / window["documents"].as_f64().unwrap();
            assert!(
                (m[index].as_f64().unwrap() - want).abs() < 1e-9,
                "{index} of {m}"
            );
        }
        let change =
            m["recent_per_100"].as_f64().unwrap() - m["previous_per_100"].as_f64().unwrap();
        assert!((m["change"].as_f64().unwrap() - change).abs() < 1e-9);
    }
    let (_, three) = get("/api/movers?top=3").await;
    assert_eq!(three["items"].as_array().unwrap().len(), 3.min(items.len()));
    assert_eq!(three["items"][0], items[0], "the default window is 30 days");
    for bad in [
        "/api/movers?days=0",
        "/api/movers?days=400",
        "/api/movers?days=x",
    ] {
        let (status, body) = get(bad).await;
        assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
    }
}

/// The volume chart counts every document with a publication day once and every dated report
/// once, inside the chart or before or after it.
#[tokio::test]
async fn issue_6_volume_counts_every_document_and_dated_report_once() {
    let (_, docs) = get("/api/documents?limit=500").await;
    let published = docs["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["published_precision"] == "day")
        .count() as u64;
    let (_, events) = get("/api/events?negated=true&unrealised=true&limit=500").await;
    let events = events["items"].as_array().unwrap();
    let dated = events.iter().filter(|e| e["date"].is_string()).count() as u64;
    let conflict_dated = events
        .iter()
        .filter(|e| e["date"].is_string() && matches!(e["quad_class"].as_u64(), Some(3 | 4)))
        .count() as u64;
    for by in ["day", "week", "month"] {
        let (status, v) = get(&format!("/api/volume?by={by}")).await;
        assert_eq!(status, StatusCode::OK, "{v}");
        let buckets = v["buckets"].as_array().unwrap();
        let sum = |k: &str| buckets.iter().map(|b| b[k].as_u64().unwrap()).sum::<u64>();
        assert_eq!(sum("documents"), published, "by {by}");
        let outside = v["reports_before"].as_u64().unwrap() + v["reports_after"].as_u64().unwrap();
        assert_eq!(sum("reports") + outside, dated, "by {by}");
        assert!(sum("conflict") <= conflict_dated);
        let starts: Vec<&str> = buckets
            .iter()
            .map(|b| b["start"].as_str().unwrap())
            .collect();
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "periods in order");
    }
    let (_, daily) = get("/api/volume?by=day").await;
    let days = daily["buckets"].as_array().unwrap();
    assert_eq!(days.first().unwrap()["start"], "2025-03-02");
    assert_eq!(days.last().unwrap()["start"], "2025-05-22");
    assert_eq!(
        days.len(),
        82,
        "every day from the first document to the last, empty ones too"
    );
    let (status, body) = get("/api/volume?by=year").await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
}

/// Clusters page by cursor like events: pages of 7 walk the whole list once, in its order,
/// with filters kept from page to page; a cursor that is not one is refused.
#[tokio::test]
async fn issue_6_clusters_page_by_cursor_through_everything_once() {
    for filters in ["negated=true&unrealised=true", "", "actor=RUS"] {
        let (_, all) = get(&format!("/api/clusters?{filters}&limit=500")).await;
        assert!(all["next"].is_null());
        let all_ids = ids_of(&all["items"]);
        assert!(all_ids.len() > 5, "{filters}: {all_ids:?}");
        let mut paged = Vec::new();
        let mut uri = format!("/api/clusters?{filters}&limit=7");
        loop {
            let (status, page) = get(&uri).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            let items = &page["items"];
            assert!(items.as_array().unwrap().len() <= 7);
            paged.extend(ids_of(items));
            match page["next"].as_str() {
                Some(next) => uri = format!("/api/clusters?{filters}&limit=7&cursor={next}"),
                None => break,
            }
        }
        assert_eq!(paged, all_ids, "{filters}");
    }
    let (status, body) = get("/api/clusters?cursor=not-a-cursor").await;
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
}
