//! Documents and event records built by hand, so store tests do not depend on the coder.

#![allow(dead_code)]

use redline_model::{
    Document, EventRecord, Evidence, Modality, Participant, Plover, Polarity, SourceFormat,
};
use redline_store::{DocumentInput, Store, content_hash};

/// A document read from one JSON line.
pub fn doc(id: &str, url: Option<&str>, publisher: &str, date: &str, text: &str) -> Document {
    let mut line =
        serde_json::json!({"id": id, "text": text, "date": date, "publisher": publisher});
    if let Some(u) = url {
        line["url"] = serde_json::json!(u);
    }
    redline_docs::read_str(id, SourceFormat::Jsonl, &line.to_string()).expect("test document reads")
}

fn participant(code: &str, text: &str, at: u32) -> Participant {
    Participant {
        code: code.into(),
        country: Some(code[..3].to_string()).filter(|c| c != "IGO"),
        text: text.into(),
        span: [at, at + text.len() as u32],
        rule: vec![format!("actor.{}", code.to_lowercase())],
    }
}

/// An event of `doc` in its first sentence: `source cameo target` on `date` (day precision).
pub fn event(
    doc: &Document,
    source: &str,
    cameo: &str,
    target: Option<&str>,
    date: &str,
) -> EventRecord {
    let sentence = doc.text.split('\n').next().unwrap_or("").to_string();
    let root = cameo[..2].to_string();
    let quad = match root.as_str() {
        "01" | "02" | "03" | "04" | "05" => 1,
        "06" | "07" | "08" => 2,
        "09" | "10" | "11" | "12" | "13" | "14" => 3,
        _ => 4,
    };
    EventRecord {
        doc_id: doc.id.0.clone(),
        sentence_index: 0,
        sentence,
        date: Some(date.into()),
        date_precision: "day".into(),
        published: doc
            .meta
            .published
            .map(|d| d.first_day().format("%Y-%m-%d").to_string()),
        source: participant(source, source, 0),
        target: target.map(|t| participant(t, t, 10)),
        cameo: cameo.into(),
        root,
        quad_class: quad,
        goldstein: -10.0,
        plover: Plover {
            event: Some("ASSAULT".into()),
            mode: None,
        },
        polarity: Polarity::Asserted,
        modality: Modality::Actual,
        attribution: None,
        rule: format!("verb.{cameo}.test#1"),
        signals: vec![],
        evidence: Evidence {
            pattern: "test".into(),
            trigger: [5, 9],
            reasons: vec![],
            date_rule: "publication date".into(),
        },
    }
}

/// The document with its events, ready to write.
pub fn input(doc: Document, events: Vec<EventRecord>) -> DocumentInput {
    let hash = content_hash(&doc);
    DocumentInput {
        doc,
        hash,
        events,
        claims: Vec::new(),
        recode: false,
    }
}

/// A new store in a temporary folder.
pub fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("test.db")).unwrap();
    (dir, store)
}

/// Every event as a comparable line.
pub fn all_events(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    let filter = redline_store::EventFilter {
        include_negated: true,
        include_unrealised: true,
        ..Default::default()
    };
    store
        .events(&filter, |e| -> Result<(), redline_store::StoreError> {
            let r = &e.record;
            out.push(format!(
                "{} {} {} {} {} {:?} {:?}",
                r.doc_id,
                r.source.code,
                r.cameo,
                r.target.as_ref().map_or("-", |t| t.code.as_str()),
                r.date.as_deref().unwrap_or("?"),
                r.polarity,
                r.modality
            ));
            Ok(())
        })
        .unwrap();
    out
}

/// A claim about `low` troops of `country` in the first sentence of `d`.
pub fn claim(d: &Document, country: &str, low: f64) -> redline_model::ClaimRecord {
    use redline_model::{ClaimKind, ClaimRecord, Modality, Participant, Polarity, Qualifier};
    ClaimRecord {
        doc_id: d.id.0.clone(),
        sentence_index: 0,
        sentence: d.text.clone(),
        date: Some("2025-03-05".into()),
        date_precision: "day".into(),
        published: Some("2025-03-07".into()),
        kind: ClaimKind::Troops,
        measure: "personnel".into(),
        unit: "people".into(),
        low,
        high: low,
        qualifier: Qualifier::Exact,
        number_text: format!("{low}"),
        span: [0, 4],
        subjects: vec![Participant {
            code: format!("{country}MIL"),
            country: Some(country.into()),
            text: "troops".into(),
            span: [5, 11],
            rule: vec![],
        }],
        location: None,
        attribution: None,
        polarity: Polarity::Asserted,
        modality: Modality::Actual,
        rule: "claim.troops.personnel".into(),
        reasons: vec!["test".into()],
    }
}
