//! Golden claims: `tests/golden-claims/*.txt` hold sentences with the numbers they must give.
//!
//! Same layout as `tests/golden/`: `@ DATE` sets the publication date, `> ` lines form one
//! document, `= ` lines are the expected claims (`= (none)` for none). A claim line is
//! `KIND MEASURE BOUNDS UNIT QUALIFIER [of SUBJECTS] [in PLACE] [negated] [MODALITY]
//! DATE/PRECISION [by SPEAKER] [via CHANNEL] | RULE`.
//!
//! Refresh every expectation with `REDLINE_BLESS=1 cargo test -p redline-coder --test claims`,
//! then review the diff in git.

use std::path::{Path, PathBuf};

use redline_coder::Coder;

mod common;
use common::{Case, Item, parse};
use redline_model::{ClaimRecord, Modality, PartialDate, Polarity, SourceFormat, group_digits};

fn render(c: &ClaimRecord) -> String {
    let bounds = if c.low == c.high {
        group_digits(c.low)
    } else {
        format!("{}-{}", group_digits(c.low), group_digits(c.high))
    };
    let mut s = format!(
        "{} {} {} {} {}",
        c.kind.as_str(),
        c.measure.replace(' ', "_"),
        bounds,
        c.unit,
        c.qualifier.as_str()
    );
    if !c.subjects.is_empty() {
        let codes: Vec<&str> = c.subjects.iter().map(|p| p.code.as_str()).collect();
        s += &format!(" of {}", codes.join(","));
    }
    if let Some(l) = &c.location {
        s += &format!(" in {}", l.code);
    }
    if c.polarity == Polarity::Negated {
        s += " negated";
    }
    if c.modality != Modality::Actual {
        s += &format!(" {}", c.modality.as_str());
    }
    match &c.date {
        Some(d) => s += &format!(" {d}/{}", c.date_precision),
        None => s += " -/unknown",
    }
    if let Some(a) = &c.attribution {
        match (&a.speaker_code, &a.speaker) {
            (Some(code), _) => s += &format!(" by {code}"),
            (None, Some(text)) => s += &format!(" by \"{text}\""),
            _ => {}
        }
        if let Some(ch) = &a.channel_code {
            s += &format!(" via {ch}");
        }
    }
    s + &format!(" | {}", c.rule)
}

fn claims(coder: &Coder, case: &Case) -> Vec<String> {
    let text = case.sentences.join(" ");
    let mut doc = redline_docs::read_str("golden", SourceFormat::Text, &text).expect("reads");
    doc.meta.published = case.date.map(PartialDate::day);
    let coded = coder.code_document(&doc);
    coder
        .claims(&doc, "golden", &coded)
        .iter()
        .map(render)
        .collect()
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden-claims")
}

#[test]
fn issue_5_golden_sentences_give_the_expected_claims() {
    let coder = Coder::embedded().0;
    let bless = std::env::var_os("REDLINE_BLESS").is_some();
    let mut files: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut cases = 0;
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(file).unwrap();
        let mut blessed = String::new();
        for item in parse(&text, file) {
            match item {
                Item::Verbatim(l) => {
                    blessed += &l;
                    blessed += "\n";
                }
                Item::Case(case) => {
                    cases += 1;
                    let actual = claims(&coder, &case);
                    let expected: Vec<String> = case
                        .expected
                        .iter()
                        .filter(|e| *e != "(none)")
                        .cloned()
                        .collect();
                    if expected != actual {
                        let mut diff =
                            format!("{}:{}: {}\n", name, case.line, case.sentences.join(" "));
                        for e in &case.expected {
                            diff += &format!("  - {e}\n");
                        }
                        for a in &actual {
                            diff += &format!("  + {a}\n");
                        }
                        if actual.is_empty() {
                            diff += "  + (none)\n";
                        }
                        failures.push(diff);
                    }
                    for s in &case.sentences {
                        blessed += &format!("> {s}\n");
                    }
                    if actual.is_empty() {
                        blessed += "= (none)\n";
                    }
                    for a in &actual {
                        blessed += &format!("= {a}\n");
                    }
                }
            }
        }
        if bless {
            std::fs::write(file, blessed).unwrap();
        }
    }
    assert!(cases > 0, "no claim cases in {}", golden_dir().display());
    if !bless {
        assert!(
            failures.is_empty(),
            "{} claim case(s) differ (- expected, + actual); if the new output is right, run \
             REDLINE_BLESS=1 cargo test -p redline-coder --test claims and review the diff:\n\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
