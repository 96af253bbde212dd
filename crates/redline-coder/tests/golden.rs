//! Golden coded sentences: `tests/golden/*.txt` hold sentences with the events they must give.
//!
//! Format (one case per `>` block):
//!
//! ```text
//! # a comment
//! @ 2023-01-08                                  publication date for the cases below
//! > The Biden administration said on December 21 that it would ship two Patriot batteries to Kyiv.
//! = USAGOV -> UKR 0332 2022-12-21/day | verb.072.send-weapons#2 +intent
//! > "We will not join this war," the chancellor said.
//! = (none)
//! ```
//!
//! An event line is `SOURCE -> TARGET CAMEO [negated] [future|hypothetical|conditional]
//! DATE/PRECISION [by SPEAKER] [via CHANNEL]`, with `-` for no target; ` | RULE` is optional and,
//! when written, must match too. Several `>` lines in a row form one document (for pronouns).
//! `= (none)` says the case must give no event.
//!
//! Refresh every expectation from the coder's output with
//! `REDLINE_BLESS=1 cargo test -p redline-coder --test golden`, then review the diff in git.
//! Files whose name starts with `gaps-` are cases we do not code right yet: they are reported
//! with a score but do not fail the test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use redline_coder::{Coder, EventRecord};

mod common;
use common::{Case, Item, parse};
use redline_model::{PartialDate, SourceFormat};

fn render(r: &EventRecord) -> String {
    let mut s = format!(
        "{} -> {} {}",
        r.source.code,
        r.target.as_ref().map_or("-", |t| t.code.as_str()),
        r.cameo
    );
    let polarity = serde_json::to_value(r.polarity).unwrap();
    if polarity != "asserted" {
        s += &format!(" {}", polarity.as_str().unwrap());
    }
    let modality = serde_json::to_value(r.modality).unwrap();
    if modality != "actual" {
        s += &format!(" {}", modality.as_str().unwrap());
    }
    match &r.date {
        Some(d) => {
            let shown = match r.date_precision.as_str() {
                "month" => d[..7].to_string(),
                "year" => d[..4].to_string(),
                _ => d.clone(),
            };
            s += &format!(" {shown}/{}", r.date_precision);
        }
        None => s += " -/unknown",
    }
    if let Some(a) = &r.attribution {
        if let Some(sp) = &a.speaker_code {
            s += &format!(" by {sp}");
        }
        if let Some(ch) = &a.channel_code {
            s += &format!(" via {ch}");
        }
    }
    s + &format!(" | {}", r.rule)
}

fn code(coder: &Coder, case: &Case) -> Vec<String> {
    let text = case.sentences.join(" ");
    let mut doc = redline_docs::read_str("golden", SourceFormat::Text, &text).expect("reads");
    doc.meta.published = case.date.map(PartialDate::day);
    let coded = coder.code_document(&doc);
    let mut lines: Vec<String> = coder
        .records(&doc, "golden", &coded)
        .iter()
        .map(render)
        .collect();
    lines.sort();
    lines.dedup();
    lines
}

fn matches(expected: &str, actual: &str) -> bool {
    match expected.split_once(" | ") {
        Some(_) => expected == actual,
        None => actual.split_once(" | ").is_some_and(|(a, _)| a == expected),
    }
}

fn case_ok(case: &Case, actual: &[String]) -> bool {
    if case.expected.iter().any(|e| e == "(none)") {
        return actual.is_empty();
    }
    case.expected.len() == actual.len()
        && case
            .expected
            .iter()
            .all(|e| actual.iter().any(|a| matches(e, a)))
        && actual
            .iter()
            .all(|a| case.expected.iter().any(|e| matches(e, a)))
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

#[test]
fn golden_sentences_code_as_expected() {
    let coder = Coder::embedded().0;
    let bless = std::env::var_os("REDLINE_BLESS").is_some();
    let mut files: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut totals: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut cases_total = 0;
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let gaps = name.starts_with("gaps-");
        let text = std::fs::read_to_string(file).unwrap();
        let items = parse(&text, file);
        let mut blessed = String::new();
        for item in &items {
            match item {
                Item::Verbatim(l) => {
                    blessed += l;
                    blessed += "\n";
                }
                Item::Case(case) => {
                    cases_total += 1;
                    let actual = code(&coder, case);
                    let ok = case_ok(case, &actual);
                    let entry = totals
                        .entry(if gaps { "gaps" } else { "suite" })
                        .or_default();
                    entry.0 += 1;
                    entry.1 += ok as usize;
                    if !ok && !gaps {
                        let mut diff =
                            format!("{}:{}: {}\n", name, case.line, case.sentences.join(" "));
                        for e in &case.expected {
                            diff += &format!("  - {e}\n");
                        }
                        if actual.is_empty() {
                            diff += "  + (none)\n";
                        }
                        for a in &actual {
                            diff += &format!("  + {a}\n");
                        }
                        failures.push(diff);
                    }
                    for s in &case.sentences {
                        blessed += &format!("> {s}\n");
                    }
                    if gaps && !bless {
                        for e in &case.expected {
                            blessed += &format!("= {e}\n");
                        }
                    } else if actual.is_empty() {
                        blessed += "= (none)\n";
                    } else {
                        for a in &actual {
                            blessed += &format!("= {a}\n");
                        }
                    }
                }
            }
        }
        if bless && !gaps {
            std::fs::write(file, blessed).unwrap();
        }
    }
    for (k, (n, ok)) in &totals {
        eprintln!("golden {k}: {ok}/{n} cases as expected");
    }
    assert!(
        cases_total > 0,
        "no golden cases found in {}",
        golden_dir().display()
    );
    if !bless {
        assert!(
            failures.is_empty(),
            "{} golden case(s) differ (- expected, + actual); if the new output is right, run \
             REDLINE_BLESS=1 cargo test -p redline-coder --test golden and review the diff:\n\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
