//! `redline events` over a store of the example corpus: filters, formats and bad input.

mod common;

use std::path::Path;

use common::*;

fn events(db: &Path, args: &[&str]) -> std::process::Output {
    let out = redline()
        .args(["events", "--db"])
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn issue_4_events_are_json_lines_when_piped_and_filters_narrow_them() {
    let (_d, db) = store_of_examples();
    let all = json_lines(&events(&db, &[]).stdout);
    assert!(all.len() > 30, "{} facts", all.len());
    assert!(
        all.iter()
            .all(|e| e["polarity"] == "asserted" && e["modality"] == "actual")
    );
    assert!(
        all.iter()
            .all(|e| e["cluster_id"].is_i64() && e["cluster_reason"].is_string())
    );
    let everything = json_lines(&events(&db, &["--all"]).stdout);
    assert!(everything.len() > all.len());
    let dyad = json_lines(&events(&db, &["--dyad", "RUS:MDA"]).stdout);
    assert!(!dyad.is_empty());
    assert!(
        dyad.iter()
            .all(|e| e["source"]["country"] == "RUS" && e["target"]["country"] == "MDA")
    );
    let force = json_lines(&events(&db, &["--actor", "MDA", "--root", "19"]).stdout);
    assert!(force.iter().all(|e| e["root"] == "19"));
    let from = json_lines(&events(&db, &["--from", "2025-04-15", "--to", "2025-04-30"]).stdout);
    assert!(!from.is_empty());
    assert!(
        from.iter()
            .all(|e| e["date"].as_str().unwrap() >= "2025-04-15"
                && e["date"].as_str().unwrap() <= "2025-04-30")
    );
    let text = json_lines(&events(&db, &["--text", "ceasefire"]).stdout);
    assert!(!text.is_empty());
    assert!(text.iter().all(|e| {
        e["sentence"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("ceasefire")
    }));
    let limited = json_lines(&events(&db, &["--limit", "3"]).stdout);
    assert_eq!(limited.len(), 3);
}

#[test]
fn issue_4_gdelt_export_puts_every_value_in_its_column() {
    let (_d, db) = store_of_examples();
    let out = events(&db, &["--format", "gdelt", "--header"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header.len(), 61);
    assert_eq!(header, redline_export::GDELT_EVENT_COLUMNS.to_vec());
    let reference = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/gdelt2_events_schema.csv");
    match std::fs::read_to_string(&reference) {
        Ok(csv) => {
            let names: Vec<&str> = csv
                .lines()
                .skip(1)
                .map(|l| l.split(',').next().unwrap())
                .collect();
            assert_eq!(header, names, "the header is GDELT's, in GDELT's order");
        }
        Err(_) => eprintln!(
            "note: {} is absent; checked against the built-in column list only",
            reference.display()
        ),
    }
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() > 20);
    for r in &rows {
        assert_eq!(r.len(), 61, "{r:?}");
        assert!(
            r[col("EventCode")].starts_with(r[col("EventRootCode")]),
            "{r:?}"
        );
        assert!(
            r[col("EventCode")].starts_with(r[col("EventBaseCode")]),
            "{r:?}"
        );
        assert!(["1", "2", "3", "4"].contains(&r[col("QuadClass")]), "{r:?}");
        assert!(
            r[col("Actor1Code")].starts_with(r[col("Actor1CountryCode")])
                || r[col("Actor1CountryCode")].is_empty(),
            "{r:?}"
        );
        let mentions: u32 = r[col("NumMentions")].parse().unwrap();
        let articles: u32 = r[col("NumArticles")].parse().unwrap();
        assert!(mentions >= articles && articles >= 1, "{r:?}");
        // Undated events (an article with no date, and none in the text) have no SQLDATE.
        if !r[col("SQLDATE")].is_empty() {
            assert_eq!(r[col("SQLDATE")].len(), 8, "{r:?}");
            assert_eq!(&r[col("SQLDATE")][..6], r[col("MonthYear")], "{r:?}");
        }
        assert_eq!(r[col("DATEADDED")].len(), 14, "{r:?}");
        assert!(
            r[col("SOURCEURL")].contains("examples/news")
                || r[col("SOURCEURL")].starts_with("http"),
            "{r:?}"
        );
    }
    // The expulsion of diplomats was reported by two articles: one GDELT event, two articles.
    let expulsion = rows
        .iter()
        .find(|r| r[col("EventCode")] == "112" && r[col("Actor1Code")] == "MDA")
        .expect("the expulsion is exported");
    assert_eq!(expulsion[col("NumArticles")], "2", "{expulsion:?}");
    assert_eq!(expulsion[col("SQLDATE")], "20250305");
    // The ceasefire signing, reported a day apart by two outlets: one event, two sources.
    let ceasefire = rows
        .iter()
        .find(|r| r[col("EventCode")] == "057" && r[col("Actor1Code")] == "MDA")
        .expect("the ceasefire is exported");
    assert_eq!(ceasefire[col("SQLDATE")], "20250506");
    assert_eq!(
        (ceasefire[col("NumArticles")], ceasefire[col("NumSources")]),
        ("2", "2"),
        "{ceasefire:?}"
    );
    assert_eq!(ceasefire[col("Actor2Code")], "RUS");
}

#[test]
fn issue_4_mentions_plover_csv_and_cluster_exports_parse() {
    let (_d, db) = store_of_examples();
    let mentions = String::from_utf8(events(&db, &["--format", "mentions"]).stdout).unwrap();
    let facts = json_lines(&events(&db, &[]).stdout);
    assert_eq!(
        mentions.lines().count(),
        facts.len(),
        "one mention row per report"
    );
    assert!(mentions.lines().all(|l| l.split('\t').count() == 16));
    let plover = json_lines(&events(&db, &["--format", "plover"]).stdout);
    assert!(!plover.is_empty());
    assert!(
        plover
            .iter()
            .all(|p| p["actor"].is_array() && p["recipient"].is_array())
    );
    let clusters = json_lines(&events(&db, &["--clusters", "--format", "jsonl"]).stdout);
    assert_eq!(clusters.len(), plover.len());
    let reports: i64 = clusters
        .iter()
        .map(|c| c["n_mentions"].as_i64().unwrap())
        .sum();
    assert_eq!(
        reports as usize,
        facts.len(),
        "every report is in exactly one cluster"
    );
    let csv = String::from_utf8(events(&db, &["--format", "csv"]).stdout).unwrap();
    assert_eq!(
        csv.lines().count(),
        facts.len() + 1,
        "header and one line per report"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.tsv");
    let out = events(
        &db,
        &["--format", "gdelt", "--output", file.to_str().unwrap()],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("real-world events written to"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap().lines().count(),
        plover.len()
    );
}

#[test]
fn issue_4_bad_queries_get_clear_errors() {
    let (_d, db) = store_of_examples();
    let fails = |args: &[&str], needle: &str| {
        let out = redline()
            .args(["events", "--db"])
            .arg(&db)
            .args(args)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    };
    fails(&["--cameo", "19x"], "expected 2 to 4 digits");
    fails(&["--dyad", "USA"], "expected SOURCE:TARGET");
    fails(&["--from", "2025-13-01"], "--from");
    fails(&["--from", "2025-05-01", "--to", "2025-04-01"], "is after");
    fails(&["--text", "\"open"], "full-text query");
    fails(&["--format", "parquet"], "--output");
    let missing = tempfile::tempdir().unwrap();
    let out = redline()
        .args(["events", "--db"])
        .arg(missing.path().join("none.db"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store here"));
}
