//! Invariants of the whole read stage on arbitrary input: never panic, every document passes
//! `check_layers`, cleaned text has the documented shape; and the date parser round-trips every
//! form it claims to read.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use redline_docs::meta::parse_date;
use redline_docs::{Outcome, ReadOptions, read_bytes};
use redline_model::{Document, SourceFormat};

fn documents(format: SourceFormat, bytes: &[u8]) -> Vec<Document> {
    let mut docs = Vec::new();
    read_bytes("prop", format, bytes, &ReadOptions::default(), &mut |o| {
        if let Outcome::Document { doc, .. } = o {
            docs.push(*doc);
        }
    });
    docs
}

fn assert_shape(doc: &Document) {
    doc.check_layers()
        .unwrap_or_else(|e| panic!("{e}\ntext: {:?}", doc.text));
    let t = &doc.text;
    assert!(!t.is_empty());
    assert_eq!(t.trim(), t, "edge whitespace");
    assert!(!t.contains("\n\n\n"), "more than one blank line");
    assert!(!t.contains("  "), "double space");
    assert!(!t.contains('\r') && !t.contains('\t'));
}

/// Pieces of real page text, so generated pages exercise headers, teasers and forms.
fn page_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("PERSPECTIVE".to_string()),
        Just("# Troops mass on the border".to_string()),
        Just("By Ana Ciobanu | Meridian Wire".to_string()),
        Just("10 April 2023".to_string()),
        Just("Tom Hall • 11 hours ago".to_string()),
        Just("READ MORE".to_string()),
        Just("- Ministers meet in Brussels**".to_string()),
        Just("First Name (required) *".to_string()),
        Just("[VIEW 3 COMMENTS](#) [CONTACT US](#)".to_string()),
        Just("The U.S. sent Gen. Smith to Kyiv on Nov. 17. Russia objected.".to_string()),
        Just("a “special".to_string()),
        Just("operation” went on.".to_string()),
        Just(String::new()),
        "[a-zA-Z .,]{0,60}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn text_pages_always_give_well_formed_documents(pieces in prop::collection::vec(page_piece(), 0..25), sep in prop_oneof![Just("\n"), Just("\n\n"), Just("\r\n")]) {
        let page = pieces.join(sep);
        for format in [SourceFormat::Text, SourceFormat::Markdown] {
            for doc in documents(format, page.as_bytes()) {
                assert_shape(&doc);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_break_a_reader(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for format in [SourceFormat::Text, SourceFormat::Html, SourceFormat::Jsonl, SourceFormat::Feed] {
            for doc in documents(format, &bytes) {
                assert_shape(&doc);
            }
        }
    }

    #[test]
    fn html_built_from_pieces_gives_well_formed_documents(pieces in prop::collection::vec(page_piece(), 1..12)) {
        let body: String = pieces.iter().map(|p| format!("<p>{}</p>", p.replace('<', "&lt;"))).collect();
        let html = format!("<html><head><title>T</title></head><body><article>{body}</article></body></html>");
        for doc in documents(SourceFormat::Html, html.as_bytes()) {
            assert_shape(&doc);
        }
    }

    #[test]
    fn every_written_date_form_parses_back(days in 0i64..60_000) {
        let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
        for form in [
            date.format("%Y-%m-%d").to_string(),
            date.format("%-d %B %Y").to_string(),
            date.format("%B %-d, %Y").to_string(),
            date.format("%b. %-d, %Y").to_string(),
            date.format("%A, %-d %B %Y").to_string(),
            date.format("%a, %d %b %Y 10:00:00 GMT").to_string(),
            date.format("%Y-%m-%dT08:15:00+02:00").to_string(),
        ] {
            let parsed = parse_date(&form).unwrap_or_else(|| panic!("{form} did not parse"));
            prop_assert_eq!(parsed.first_day(), date, "{}", form);
        }
        let month = parse_date(&date.format("%B %Y").to_string()).unwrap();
        prop_assert_eq!((month.first_day().year(), month.first_day().month()), (date.year(), date.month()));
        prop_assert_eq!(parse_date(&month.to_string()), Some(month));
    }
}
