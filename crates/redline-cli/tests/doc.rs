//! `redline doc` as a user runs it: the example corpus, standard input, bad input, help.

mod common;

use common::{examples, json_lines, redline};
use predicates::prelude::*;

#[test]
fn the_example_corpus_reads_cleanly_as_json() {
    let out = redline()
        .args(["doc", "--json", "--no-progress"])
        .arg(examples())
        .assert()
        .success()
        .stderr(
            predicate::str::contains("23 documents").and(predicate::str::contains("0 skipped")),
        );
    let docs = json_lines(&out.get_output().stdout);
    assert_eq!(docs.len(), 23);
    for doc in &docs {
        for field in [
            "id",
            "title",
            "authors",
            "publisher",
            "url",
            "published",
            "published_precision",
            "text",
            "sentences",
        ] {
            assert!(doc.get(field).is_some(), "missing {field} in {doc}");
        }
        let text = doc["text"].as_str().unwrap();
        for s in doc["sentences"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[start..end],
                s["text"].as_str().unwrap(),
                "offsets index the text"
            );
        }
    }
    let month = docs
        .iter()
        .find(|d| {
            d["id"]
                .as_str()
                .unwrap()
                .ends_with("2025-04-dniester-scenarios.md")
        })
        .unwrap();
    assert_eq!(month["published"], "2025-04-01");
    assert_eq!(month["published_precision"], "month");
}

#[test]
fn jsonl_on_standard_input_keeps_ids_and_dates() {
    let input = "{\"id\":\"s1\",\"text\":\"Gen. Ivan Petrescu met Mr. Rusu on Nov. 17. They agreed on talks.\",\"date\":\"2025-11-18\"}\n\
                 {\"id\":\"s2\",\"text\":\"The U.S. sent aid.\"}\n";
    let out = redline()
        .args(["doc", "--json", "-"])
        .write_stdin(input)
        .assert()
        .success();
    let docs = json_lines(&out.get_output().stdout);
    assert_eq!(docs[0]["id"], "s1");
    assert_eq!(docs[0]["published"], "2025-11-18");
    assert_eq!(docs[0]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(docs[1]["id"], "s2");
    assert_eq!(docs[1]["sentences"].as_array().unwrap().len(), 1);
}

/// Issue 2: each bad input is a recorded skip naming the file (and line), the batch goes on, and
/// the exit status and summary say so.
#[test]
fn issue_2_bad_inputs_are_named_skips_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("archive.txt", b"PK\x03\x04\x00\x00binary");
    write("empty.txt", b"");
    write(
        "batch.jsonl",
        b"{\"id\":\"a\",\"text\":\"Russia warned Moldova on Monday.\"}\n{\"id\":\"b\",\"text\": oops}\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"Bad \xff byte.\"}\n{\"id\":\"e\",\"text\":\"x\",\"date\":\"someday\"}\n",
    );
    write(
        "broken.html",
        b"<html><body><div><p>Broken page with <b>unclosed tags<p>Troops moved to the border near the river on Monday, officials said.",
    );
    let feed = std::fs::read(examples().join("feed.rss")).unwrap();
    write("truncated.rss", &feed[..700]);
    write(
        "settings.xml",
        b"<?xml version=\"1.0\"?><config><a>1</a></config>",
    );
    write("big.txt", "word ".repeat(400).as_bytes());
    write(
        "good.txt",
        b"Moldova closed its border on Monday. Russia denied any role.\n",
    );

    let out = redline()
        .args(["doc", "--json", "--max-bytes", "1000"])
        .arg(dir.path())
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(3);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for expected in [
        "missing.txt: no such file or directory",
        "archive.txt: binary data",
        "empty.txt: empty input",
        "batch.jsonl:2: malformed JSON",
        "batch.jsonl:3: missing required field `text`",
        "batch.jsonl:4: invalid UTF-8",
        "warning: ",
        "batch.jsonl:5: field `date`: cannot read \"someday\" as a date",
        "truncated.rss: unreadable RSS/Atom feed",
        "settings.xml: XML that is not an RSS or Atom feed",
        "big.txt: 2000 bytes is over the limit of 1000 bytes",
        "4 documents",
        "9 skipped",
        "1 warning",
    ] {
        assert!(
            stderr.contains(expected),
            "stderr lacks {expected:?}:\n{stderr}"
        );
    }
    let ids: Vec<String> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert_eq!(ids[0], "a");
    assert_eq!(ids[1], "e", "a bad date costs the date, not the document");
    assert!(ids[2].ends_with("broken.html"));
    assert!(ids[3].ends_with("good.txt"));
}

#[test]
fn an_invalid_max_bytes_value_is_a_usage_error() {
    redline()
        .args(["doc", "--max-bytes", "lots", "x.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid value 'lots' for '--max-bytes",
        ));
}

#[test]
fn help_describes_every_command_and_option() {
    redline()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("doc").and(predicate::str::contains("Exit status")));
    redline().args(["doc", "--help"]).assert().success().stdout(
        predicate::str::contains("--json")
            .and(predicate::str::contains("--removed"))
            .and(predicate::str::contains("--max-bytes"))
            .and(predicate::str::contains("--no-progress"))
            .and(predicate::str::contains("Examples")),
    );
}

#[test]
fn text_output_numbers_sentences_and_can_list_removed_lines() {
    redline()
        .args(["doc", "--removed"])
        .arg(examples().join("2025-03-08-us-visit-chisinau.txt"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("title:     ")
                .and(predicate::str::contains("\n   1  "))
                .and(predicate::str::contains("sign-up form")),
        );
}
