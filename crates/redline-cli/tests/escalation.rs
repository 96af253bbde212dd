//! `redline escalation` over a store of the example corpus.

mod common;

use std::path::Path;

use common::*;

fn clusters(db: &Path, dyad: &str) -> Vec<serde_json::Value> {
    let out = redline()
        .args([
            "events",
            "--clusters",
            "--format",
            "jsonl",
            "--dyad",
            dyad,
            "--db",
        ])
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success());
    json_lines(&out.stdout)
}

#[test]
fn issue_5_the_weekly_series_counts_each_real_world_event_once() {
    let (_d, db) = store_of_examples();
    let out = redline()
        .args([
            "escalation",
            "--dyad",
            "RUS:MDA",
            "--undirected",
            "--by",
            "week",
            "--json",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let weeks = json_lines(&out.stdout);
    assert!(weeks.len() >= 9, "{weeks:#?}");
    let starts: Vec<chrono::NaiveDate> = weeks
        .iter()
        .map(|w| {
            chrono::NaiveDate::parse_from_str(w["start"].as_str().unwrap(), "%Y-%m-%d").unwrap()
        })
        .collect();
    assert!(
        starts.windows(2).all(|w| (w[1] - w[0]).num_days() == 7),
        "{starts:?}"
    );
    assert!(
        starts
            .iter()
            .all(|d| chrono::Datelike::weekday(d) == chrono::Weekday::Mon)
    );
    let counted: u64 = weeks
        .iter()
        .map(|w| {
            [
                "verbal_cooperation",
                "material_cooperation",
                "verbal_conflict",
                "material_conflict",
            ]
            .iter()
            .map(|k| w[*k].as_u64().unwrap())
            .sum::<u64>()
        })
        .sum();
    let expected = clusters(&db, "RUS:MDA")
        .into_iter()
        .chain(clusters(&db, "MDA:RUS"))
        .filter(|c| c["date_start"].is_string())
        .count() as u64;
    assert_eq!(counted, expected);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("self-excitation"), "{stderr}");
}

#[test]
fn issue_5_escalation_names_bad_input() {
    let (_d, db) = store_of_examples();
    let out = redline()
        .args(["escalation", "--dyad", "RUS", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected SOURCE:TARGET"));
    let out = redline()
        .args([
            "escalation",
            "--dyad",
            "RUS:MDA",
            "--by",
            "fortnight",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("day, week or month"));
}

#[test]
fn issue_5_the_ladder_names_the_rung_and_the_event_that_reached_it() {
    let (_d, db) = store_of_examples();
    let out = redline()
        .args([
            "ladder",
            "--dyad",
            "RUS:MDA",
            "--undirected",
            "--by",
            "week",
            "--json",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let weeks = json_lines(&out.stdout);
    let strike = weeks
        .iter()
        .find(|w| w["start"] == "2025-04-07")
        .expect("the week of the Causeni strike");
    assert_eq!(strike["rung_id"], "military-confrontation", "{strike}");
    assert!(strike["change"].as_i64().unwrap() > 0, "{strike}");
    assert!(
        strike["evidence"].as_str().unwrap().contains("Causeni"),
        "{strike}"
    );
    // Every period is listed, and the changes add up to the last level.
    let level = |w: &serde_json::Value| w["rung"].as_i64().unwrap_or(0);
    let sum: i64 = weeks
        .iter()
        .skip(1)
        .map(|w| w["change"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, level(weeks.last().unwrap()) - level(&weeks[0]));
}

#[test]
fn issue_5_change_points_flag_the_strike_and_the_ceasefire_with_their_evidence() {
    let (_d, db) = store_of_examples();
    let out = redline()
        .args([
            "escalation",
            "--dyad",
            "RUS:MDA",
            "--undirected",
            "--by",
            "week",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let up = stdout
        .find("escalation from")
        .expect("an escalation episode");
    let down = stdout
        .find("de-escalation from")
        .expect("a de-escalation episode");
    assert!(up < down, "{stdout}");
    assert!(stdout[up..down].contains("Causeni"), "{stdout}");
    assert!(stdout[down..].contains("ceasefire"), "{stdout}");
}

#[test]
fn issue_5_aid_to_a_party_at_war_is_its_own_component_of_the_tension() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let input = dir.path().join("t.jsonl");
    std::fs::write(
        &input,
        [
            r#"{"id":"a","date":"2023-01-10","publisher":"Wire","text":"The United States sent Patriot missiles to Ukraine on Monday."}"#,
            r#"{"id":"b","date":"2023-01-11","publisher":"Post","text":"Russian forces shelled Kharkiv on Tuesday."}"#,
            r#"{"id":"c","date":"2023-01-12","publisher":"Post","text":"The United States criticized Russia on Wednesday."}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&input)
        .assert()
        .success();
    let run = |extra: &[&str]| {
        let out = redline()
            .args(["escalation", "--dyad", "USA:RUS", "--by", "day", "--db"])
            .arg(&db)
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let table = run(&[]);
    assert!(table.contains("third-party component"), "{table}");
    assert!(
        table.contains("2023-01-09 USA->UKR") && table.contains("while RUS and UKR fought"),
        "{table}"
    );
    // The direct series does not contain it: the day of the delivery has no direct event.
    let day = table.lines().find(|l| l.starts_with("2023-01-09")).unwrap();
    let cols: Vec<&str> = day.split_whitespace().collect();
    assert_eq!(&cols[1..5], &["0", "0", "0", "0"], "{day}");
    assert_eq!(cols.last(), Some(&"1"), "{day}");
    let off = run(&["--no-third-party"]);
    assert!(!off.contains("third-party component"), "{off}");
}
