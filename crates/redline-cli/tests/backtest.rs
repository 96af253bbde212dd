//! `redline backtest`: the forecast scored on a dyad's own past.

mod common;

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use common::*;
use serde_json::Value;

fn backtest(db: &Path, args: &[&str]) -> std::process::Output {
    redline()
        .arg("backtest")
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap()
}

#[test]
fn issue_5_the_examples_are_too_short_to_backtest_and_the_backtest_says_why() {
    let (_d, db) = store_of_examples();
    let out = backtest(&db, &["--dyad", "RUS:MDA", "--undirected"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    // The dyad's events span 65 days (2025-03-03 to 2025-05-06): far less than 180 days of
    // history plus a horizon.
    assert!(
        table.contains("from 2025-03-03 to 2025-05-06 (65 days, 8 conflict events)"),
        "{table}"
    );
    for h in [7, 30] {
        assert!(
            table.contains(&format!(
                "no origins: the window of 65 days is shorter than 180 days of history plus the {h}-day horizon"
            )),
            "{table}"
        );
    }
    let out = backtest(&db, &["--dyad", "RUS:MDA", "--undirected", "--json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["conflict_events"], 8);
    assert_eq!(v["origins"].as_array().unwrap().len(), 0);
    for h in v["horizons"].as_array().unwrap() {
        assert_eq!(h["origins"], 0, "{h}");
        assert!(h["mae"].is_null(), "{h}");
        assert!(
            h["reason"].as_str().unwrap().contains("shorter than"),
            "{h}"
        );
    }
    // The same conflict events as `redline escalation` fits: 8, too few for the model.
    let out = redline()
        .args(["escalation", "--dyad", "RUS:MDA", "--undirected", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("8 events are too few"), "{text}");
    // With a short history allowed, the reason becomes the number of events.
    let out = backtest(
        &db,
        &["--dyad", "RUS:MDA", "--undirected", "--min-history", "10"],
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("no origins: no origin has 10 events before it"),
        "{table}"
    );
}

#[test]
fn issue_5_backtest_names_bad_input() {
    let (_d, db) = store_of_examples();
    let out = backtest(&db, &["--dyad", "RUS:MDA", "--horizons", "7,0"]);
    assert_eq!(out.status.code(), Some(2));
    let out = backtest(&db, &["--dyad", "RUS:MDA", "--step", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let out = backtest(&db, &["--dyad", "RUS"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected SOURCE:TARGET"));
}

/// A store with 600 days of RUS-UKR conflict in bursts: an event every day inside a burst
/// (rotating over four CAMEO roots, so that no two reports merge into one real-world event), one
/// every nine days outside; and two documents without events per day for the news volume.
fn store_of_bursts() -> (tempfile::TempDir, PathBuf, NaiveDate) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bursts.jsonl");
    let db = dir.path().join("bursts.db");
    let start = NaiveDate::from_ymd_opt(2023, 1, 2).unwrap();
    let texts = [
        "Russian forces shelled Kharkiv.",
        "Russia threatened Ukraine with a military response.",
        "Ukraine condemned Russia.",
        "Russia expelled Ukrainian diplomats.",
    ];
    let bursts = [(40, 60), (150, 165), (300, 330), (420, 430), (520, 545)];
    let mut lines = Vec::new();
    for d in 0..600i64 {
        let date = start + Duration::days(d);
        let in_burst = bursts.iter().any(|&(a, b)| d >= a && d < b);
        if in_burst || d % 9 == 0 {
            lines.push(serde_json::json!({
                "id": format!("e{d}"), "date": date.to_string(), "publisher": "Wire",
                "text": texts[(d % 4) as usize],
            }));
        }
        for j in 0..2 {
            lines.push(serde_json::json!({
                "id": format!("f{d}-{j}"), "date": date.to_string(), "publisher": "Daily",
                "text": format!("The weather in Kyiv was mild on day {d}."),
            }));
        }
    }
    let text: Vec<String> = lines.iter().map(Value::to_string).collect();
    std::fs::write(&input, text.join("\n")).unwrap();
    redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .assert()
        .success();
    (dir, db, start)
}

#[test]
fn issue_5_the_backtest_scores_each_origin_against_what_happened() {
    let (_d, db, _) = store_of_bursts();
    let out = backtest(&db, &["--dyad", "RUS:UKR", "--undirected", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The days of the conflict events, counted independently from the stored clusters.
    let mut days: Vec<NaiveDate> = Vec::new();
    for dyad in ["RUS:UKR", "UKR:RUS"] {
        let out = redline()
            .args(["events", "--clusters", "--format", "jsonl", "--dyad", dyad])
            .args(["--db"])
            .arg(&db)
            .output()
            .unwrap();
        for c in json_lines(&out.stdout) {
            // The quad class of the representative (first) report, as the series counts it.
            if c["first"]["quad_class"].as_u64().unwrap() >= 3 {
                let d = c["date_start"].as_str().unwrap();
                days.push(NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
            }
        }
    }
    assert_eq!(v["conflict_events"].as_u64().unwrap() as usize, days.len());
    let from = NaiveDate::parse_from_str(v["from"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let rows = v["origins"].as_array().unwrap();
    let summaries = v["horizons"].as_array().unwrap();
    let scored: u64 = summaries
        .iter()
        .map(|h| h["origins"].as_u64().unwrap())
        .sum();
    assert!(scored >= 20, "{summaries:?}");
    assert_eq!(rows.len() as u64, scored);
    for r in rows {
        let origin = NaiveDate::parse_from_str(r["origin"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let h = r["horizon"].as_i64().unwrap();
        let count =
            |a: NaiveDate, b: NaiveDate| days.iter().filter(|d| **d >= a && **d < b).count();
        // Actual: the origin's day and the h-1 days after it. Persistence: the h days before.
        assert_eq!(
            r["actual"].as_u64().unwrap() as usize,
            count(origin, origin + Duration::days(h)),
            "{r}"
        );
        assert_eq!(
            r["persistence"].as_u64().unwrap() as usize,
            count(origin - Duration::days(h), origin),
            "{r}"
        );
        let history = count(from, origin);
        assert_eq!(r["history"].as_u64().unwrap() as usize, history, "{r}");
        let rate = history as f64 / (origin - from).num_days() as f64;
        assert!(
            (r["poisson"].as_f64().unwrap() - rate * h as f64).abs() < 1e-9,
            "{r}"
        );
        assert!(r["low"].as_u64() <= r["high"].as_u64(), "{r}");
        assert!((origin - from).num_days() >= 180, "{r}");
    }
    for s in summaries {
        let coverage = s["coverage"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&coverage), "{s}");
        assert!(s["mae"].as_f64().unwrap().is_finite(), "{s}");
        assert!(s["reason"].is_null(), "{s}");
    }
    // The table says the same, with the comparison in words.
    let out = backtest(&db, &["--dyad", "RUS:UKR", "--undirected", "--origins"]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("the model's error is"), "{table}");
    assert!(table.contains("90% INTERVAL"), "{table}");
}
