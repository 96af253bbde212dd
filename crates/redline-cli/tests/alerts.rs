//! `redline alerts` over a store of the example corpus.

mod common;

use common::*;

#[test]
fn issue_5_alerts_name_their_rule_and_the_events_behind_them() {
    let (_d, db) = store_of_examples();
    let out = redline()
        .args(["alerts", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let alerts = json_lines(&out.stdout);
    let ultimatum = alerts
        .iter()
        .find(|a| a["rule"] == "red-line-declared")
        .expect("the Russian ultimatum is a declared red line");
    let events = ultimatum["events"].as_array().unwrap();
    assert!(events.iter().all(|e| {
        e["signals"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "ultimatum")
    }));
    assert!(
        events[0]["evidence"]
            .as_str()
            .unwrap()
            .contains("ultimatum"),
        "{ultimatum}"
    );
}

#[test]
fn issue_5_a_rules_file_of_ones_own_is_used_and_checked() {
    let (dir, db) = store_of_examples();
    let rules = dir.path().join("mine.yaml");
    std::fs::write(
        &rules,
        "rules:\n  - id: moldova-hit\n    title: Force used against Moldova\n    target: [MDA]\n    min_rung: military-confrontation\n",
    )
    .unwrap();
    let out = redline()
        .args(["alerts", "--db"])
        .arg(&db)
        .arg("--rules")
        .arg(&rules)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("ALERT moldova-hit: Force used against Moldova"),
        "{stdout}"
    );
    assert!(stdout.contains("Causeni"), "{stdout}");

    std::fs::write(
        &rules,
        "rules:\n  - id: x\n    title: X\n    min_rung: the-top\n",
    )
    .unwrap();
    let out = redline()
        .args(["alerts", "--db"])
        .arg(&db)
        .arg("--rules")
        .arg(&rules)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("mine.yaml: rule \"x\": min_rung \"the-top\""),
        "{stderr}"
    );
}

#[test]
fn issue_5_the_shipped_rules_can_be_printed_and_reused() {
    let (dir, db) = store_of_examples();
    let out = redline().args(["alerts", "--show-rules"]).output().unwrap();
    assert!(out.status.success());
    let copy = dir.path().join("copy.yaml");
    std::fs::write(&copy, &out.stdout).unwrap();
    let shipped = redline()
        .args(["alerts", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let reused = redline()
        .args(["alerts", "--db"])
        .arg(&db)
        .arg("--rules")
        .arg(&copy)
        .output()
        .unwrap();
    assert!(reused.status.success());
    assert_eq!(shipped.stdout, reused.stdout);
}

#[test]
fn issue_5_watch_prints_only_the_alerts_that_new_documents_raise() {
    let dir = tempfile::tempdir().unwrap();
    let incoming = dir.path().join("in");
    std::fs::create_dir(&incoming).unwrap();
    let rules = dir.path().join("rules.yaml");
    std::fs::write(
        &rules,
        "rules:\n  - id: ultimatum\n    title: An ultimatum\n    signals: [ultimatum]\n  - id: moldova-hit\n    title: Force used against Moldova\n    target: [MDA]\n    min_rung: military-confrontation\n",
    )
    .unwrap();
    // Already there: the ultimatum, whose alert is in the store before the watch starts.
    std::fs::copy(
        examples().join("2025-04-22-istanbul-talks.txt"),
        incoming.join("talks.txt"),
    )
    .unwrap();
    let db = dir.path().join("w.db");
    redline()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&incoming)
        .assert()
        .success();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("redline"))
        .args(["watch", "--interval", "0.3", "--polls", "12", "--db"])
        .arg(&db)
        .arg("--rules")
        .arg(&rules)
        .arg(&incoming)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(600));
    // A new document: the Causeni strike, force used against Moldova.
    std::fs::copy(
        examples().join("2025-04-10-causeni-strike-follow-up.txt"),
        incoming.join("strike.txt"),
    )
    .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("(2 rules, 2 alerts already in the store)"),
        "{stderr}"
    );
    assert!(stderr.contains("1 new and 0 changed documents"), "{stderr}");
    assert!(
        stdout.starts_with("ALERT moldova-hit: Force used against Moldova"),
        "{stdout}"
    );
    assert!(stdout.contains("Causeni"), "{stdout}");
    assert!(
        !stdout.contains("ALERT ultimatum"),
        "an old alert was repeated: {stdout}"
    );
}
