//! `redline code`, `redline explain` and `redline dict` as a user runs them.

mod common;

use common::{examples, json_lines, redline};
use predicates::prelude::*;
use serde_json::Value;

const CONTRACT: &[&str] = &[
    "doc_id",
    "sentence_index",
    "sentence",
    "date",
    "date_precision",
    "published",
    "source",
    "target",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "polarity",
    "modality",
    "attribution",
    "rule",
];

#[test]
fn issue_3_code_streams_contract_records_from_json_lines() {
    let input = concat!(
        r#"{"id":"s1","date":"2023-01-08","text":"The Biden administration announced on December 21 that it would send Patriot missiles to Ukraine."}"#,
        "\n",
        r#"{"id":"s2","date":"2023-01-08","text":"Russia did not attack Poland."}"#,
        "\n",
        r#"{"id":"s3","date":"2023-01-08","text":"The weather was mild."}"#,
        "\n"
    );
    let out = redline()
        .args(["code", "--no-progress"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains("3 documents"));
    let events = json_lines(&out.get_output().stdout);
    for e in &events {
        for field in CONTRACT {
            assert!(e.get(*field).is_some(), "missing {field} in {e}");
        }
    }
    let s1: Vec<&Value> = events.iter().filter(|e| e["doc_id"] == "s1").collect();
    assert_eq!(s1.len(), 1, "{events:?}");
    let e = s1[0];
    assert_eq!(e["source"]["code"], "USAGOV");
    // The sender is "it", resolved to the administration: the record says so in its rule.
    assert_eq!(e["source"]["text"], "it");
    assert_eq!(e["source"]["rule"][0], "pronoun");
    assert_eq!(e["source"]["rule"][1], "inst.usa.biden-administration");
    assert_eq!(e["target"]["code"], "UKR");
    assert_eq!(e["cameo"], "0332");
    assert_eq!(e["root"], "03");
    assert_eq!(e["date"], "2022-12-21");
    assert_eq!(e["date_precision"], "day");
    assert_eq!(e["published"], "2023-01-08");
    assert_eq!(e["polarity"], "asserted");
    assert_eq!(e["modality"], "actual");
    assert_eq!(e["plover"]["event"], "AGREE");
    let span = e["source"]["span"].as_array().unwrap();
    let text = "The Biden administration announced on December 21 that it would";
    let at = text.find(" it ").unwrap() + 1;
    assert_eq!(
        (span[0].as_u64().unwrap(), span[1].as_u64().unwrap()),
        (at as u64, at as u64 + 2)
    );
    // The negated attack is printed, marked negated; --facts drops it.
    let s2: Vec<&Value> = events.iter().filter(|e| e["doc_id"] == "s2").collect();
    assert_eq!(s2.len(), 1);
    assert_eq!(s2[0]["polarity"], "negated");
    // No catch-all: a sentence without a pattern gives nothing.
    assert!(events.iter().all(|e| e["doc_id"] != "s3"));

    let facts = redline()
        .args(["code", "--facts", "--no-progress", "-"])
        .write_stdin(input)
        .assert()
        .success();
    let facts = json_lines(&facts.get_output().stdout);
    assert!(
        facts
            .iter()
            .all(|e| e["polarity"] == "asserted" && e["modality"] == "actual")
    );
    assert!(facts.iter().all(|e| e["doc_id"] != "s2"));
}

#[test]
fn code_reads_files_and_names_them_by_path() {
    let out = redline()
        .args(["code", "--no-progress"])
        .arg(examples())
        .assert()
        .success()
        .stderr(
            predicate::str::contains("23 documents").and(predicate::str::contains("0 skipped")),
        );
    let events = json_lines(&out.get_output().stdout);
    assert!(
        events.len() >= 20,
        "only {} events on the example corpus",
        events.len()
    );
    assert!(
        events
            .iter()
            .any(|e| e["doc_id"].as_str().unwrap().contains("examples/news/"))
    );
}

#[test]
fn code_skips_bad_documents_and_goes_on() {
    let input = "{\"id\":\"ok\",\"text\":\"Russia attacked Ukraine.\"}\n{not json\n{\"id\":\"ok2\",\"text\":\"Iran condemned Israel.\"}\n";
    redline()
        .args(["code", "--no-progress"])
        .write_stdin(input)
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("skipped: <stdin>:2")
                .and(predicate::str::contains("2 documents")),
        );
}

#[test]
fn explain_shows_mentions_rules_and_rejections() {
    redline()
        .args([
            "explain",
            "--date",
            "2024-05-15",
            "Russian troops shelled Kharkiv on Monday, the Kremlin said.",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("`Russian troops` -> RUSMIL")
                .and(predicate::str::contains("country.rus + agent."))
                .and(predicate::str::contains("2024-05-13"))
                .and(predicate::str::contains("RUSMIL -> UKR 19")),
        );
    redline()
        .args(["explain", "--date", "2023-01-08", "The weather was mild."])
        .assert()
        .success()
        .stdout(predicate::str::contains("(none"));
    redline()
        .args(["explain", "--date", "yesterday", "Russia attacked Ukraine."])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--date `yesterday` is not YYYY-MM-DD",
        ));
}

#[test]
fn trump_is_government_in_2019_and_not_in_2022() {
    let run = |date: &str| {
        let out = redline()
            .args([
                "explain",
                "--json",
                "--date",
                date,
                "Donald Trump imposed sanctions on Iran.",
            ])
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        let line = text
            .lines()
            .find(|l| l.starts_with('{'))
            .expect("an event")
            .to_string();
        serde_json::from_str::<Value>(&line).unwrap()["source"]["code"].clone()
    };
    assert_eq!(run("2019-06-01"), "USAGOV");
    assert_ne!(run("2022-06-01"), "USAGOV");
}

#[test]
fn dict_check_lists_every_problem_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let verbs = dir.path().join("verbs");
    std::fs::create_dir_all(&verbs).unwrap();
    std::fs::create_dir_all(dir.path().join("cameo")).unwrap();
    std::fs::write(
        dir.path().join("cameo/codes.tsv"),
        "code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\n190\tUse force\t-10\t4\tASSAULT\t-\n",
    )
    .unwrap();
    std::fs::write(
        verbs.join("bad.rld"),
        "%kind verbs\nverb.190.ok  190  attack\nverb.190.bad  1900  attack\nverb.191.x  191  {nothing\nverb.190.ok  190  strike\n",
    )
    .unwrap();
    redline()
        .args(["dict", "check"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("verbs/bad.rld:3:")
                .and(predicate::str::contains("verbs/bad.rld:4:"))
                .and(predicate::str::contains(
                    "verbs/bad.rld:5: duplicate id `verb.190.ok`",
                )),
        );
    // The embedded dictionary is clean.
    redline().args(["dict", "check"]).assert().success();
}
