//! The seed articles in `../shared/seeds` coded as a researcher would: their key events found
//! with the right actors, codes and dates, and no facts from negated or hypothetical statements.
//! The seeds are not in the repository; without `../shared/seeds` these tests say so and pass.
//! Sentences are located by short fragments so that no seed text is copied here.

use std::path::{Path, PathBuf};

use redline_coder::{Coder, EventRecord};
use redline_docs::{Input, Outcome, ReadOptions, discover, read_source};

fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: {} is absent (the seeds live outside the repository)",
            dir.display()
        );
        None
    }
}

/// Every event of the seed whose file name starts with `prefix`.
fn events(prefix: &str) -> Option<Vec<EventRecord>> {
    let dir = seeds_dir()?;
    let found = discover(&[Input::Path(dir)]);
    let source = found
        .sources
        .iter()
        .find(|s| {
            s.name()
                .rsplit('/')
                .next()
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("seed {prefix} is missing"));
    let coder = Coder::embedded().0;
    let mut out = Vec::new();
    read_source(source, &ReadOptions::default(), &mut |o| {
        if let Outcome::Document { doc, .. } = o {
            let coded = coder.code_document(&doc);
            out.extend(coder.records(&doc, &doc.id.0, &coded));
        }
    });
    Some(out)
}

fn in_sentence<'a>(events: &'a [EventRecord], fragment: &str) -> Vec<&'a EventRecord> {
    events
        .iter()
        .filter(|e| e.sentence.contains(fragment))
        .collect()
}

fn is_fact(e: &EventRecord) -> bool {
    serde_json::to_value(e.polarity).unwrap() == "asserted"
        && serde_json::to_value(e.modality).unwrap() == "actual"
}

fn show(events: &[&EventRecord]) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "{} -> {} {} {:?} {:?}/{:?} {}",
                e.source.code,
                e.target.as_ref().map_or("-", |t| t.code.as_str()),
                e.cameo,
                e.date,
                e.polarity,
                e.modality,
                e.rule
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn patriot_announcement_of_21_december_2022() {
    let Some(ev) = events("002") else { return };
    let found = in_sentence(&ev, "battery of Patriot");
    assert!(
        found.iter().any(|e| e.source.code == "USAGOV"
            && e.target.as_ref().is_some_and(|t| t.code == "UKR")
            && e.cameo == "0332"
            && e.date.as_deref() == Some("2022-12-21")
            && is_fact(e)),
        "{}",
        show(&found)
    );
}

#[test]
fn french_german_and_us_tank_announcements_are_three_events() {
    let Some(ev) = events("002") else { return };
    let found = in_sentence(&ev, "would send tanks");
    for country in ["FRA", "DEU", "USA"] {
        assert!(
            found.iter().any(|e| e.source.code.starts_with(country)
                && e.target.as_ref().is_some_and(|t| t.code == "UKR")
                && e.cameo == "0332"
                && e.date.as_deref() == Some("2023-01-04")),
            "{country}:\n{}",
            show(&found)
        );
    }
}

#[test]
fn not_entering_the_war_is_no_fact() {
    let Some(ev) = events("002") else { return };
    let found = in_sentence(&ev, "not entering the war");
    assert!(found.iter().all(|e| !is_fact(e)), "{}", show(&found));
}

#[test]
fn scenarios_and_might_are_no_facts() {
    let Some(ev) = events("003") else { return };
    for fragment in ["kills NATO trainers", "might resort"] {
        let found = in_sentence(&ev, fragment);
        assert!(
            found.iter().all(|e| !is_fact(e)),
            "{fragment}:\n{}",
            show(&found)
        );
    }
}

#[test]
fn russias_tactical_nuclear_exercises() {
    let Some(ev) = events("003") else { return };
    let found = in_sentence(&ev, "tactical nuclear weapons exercises");
    assert!(
        found.iter().any(|e| e.source.code.starts_with("RUS")
            && e.root == "15"
            && e.signals.iter().any(|s| s == "nuclear_exercise")
            && is_fact(e)),
        "{}",
        show(&found)
    );
}

#[test]
fn atacms_authorization_reported_on_17_november_2024() {
    let Some(ev) = events("004") else { return };
    let found: Vec<&EventRecord> = ev
        .iter()
        .filter(|e| e.signals.iter().any(|s| s == "strike_authorization") && is_fact(e))
        .collect();
    assert!(
        found.iter().any(|e| e.source.code == "USAGOV"
            && e.target.as_ref().is_some_and(|t| t.code == "UKR")
            && e.date
                .as_deref()
                .is_some_and(|d| d == "2024-11-17" || d == "2024-11-18")),
        "{}",
        show(&found)
    );
}

#[test]
fn weapons_shipments_under_trump_in_2019() {
    let Some(ev) = events("004") else { return };
    let found = in_sentence(&ev, "In 2019, Trump");
    assert!(
        found.iter().any(|e| e.source.code == "USAGOV"
            && e.target.as_ref().is_some_and(|t| t.code == "UKR")
            && e.date.as_deref() == Some("2019-01-01")
            && e.date_precision == "year"
            && is_fact(e)),
        "{}",
        show(&found)
    );
}
