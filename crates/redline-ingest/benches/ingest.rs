//! Store benchmarks, printed as figures (CI only compiles this):
//!
//! 1. End-to-end ingest into SQLite: the shipped example articles (examples/news) written as
//!    JSON Lines under many ids until the corpus holds at least 2,000 documents, read, coded on all
//!    cores and stored. Prints documents/s, events/s, MB/s, database bytes per 1,000 events and
//!    peak memory.
//! 2. Query latency on a store of a million events (`REDLINE_BENCH_EVENTS` to change the size):
//!    synthetic documents and events written through the same batch writer (clusters included),
//!    then typical `redline events` filters, each run five times; the median is printed.
//!
//! Run with `cargo bench -p redline-ingest --bench ingest`; set `REDLINE_BENCH_DB=FILE` to keep the
//! million-event store and reuse it in later runs.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use redline_coder::Coder;
use redline_docs::Input;
use redline_ingest::{IngestOptions, ingest};
use redline_model::{
    Document, EventRecord, Evidence, Modality, Participant, Plover, Polarity, SourceFormat,
};
use redline_store::{DocumentInput, EventFilter, Store, StoreError, content_hash};

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn db_bytes(db: &Path) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            std::fs::metadata(p).ok()
        })
        .map(|m| m.len())
        .sum()
}

/// The example articles' plain text, as JSON Lines under `copies` ids each.
fn example_corpus(path: &Path, min_docs: usize) -> (usize, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/news");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(root).expect("examples/news") {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt" || e == "md") {
            texts.push(std::fs::read_to_string(&p).unwrap());
        }
    }
    texts.sort();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let (mut n, mut bytes) = (0, 0);
    let mut copy = 0;
    while n < min_docs {
        for (i, t) in texts.iter().enumerate() {
            let line = serde_json::json!({
                "id": format!("doc-{copy}-{i}"),
                "date": format!("2025-{:02}-{:02}", 1 + copy % 12, 1 + (copy + i) % 28),
                "publisher": format!("Publisher {}", copy % 40),
                "text": t,
            });
            writeln!(out, "{line}").unwrap();
            n += 1;
            bytes += t.len();
        }
        copy += 1;
    }
    (n, bytes)
}

fn bench_ingest(dir: &Path) {
    let corpus = dir.join("corpus.jsonl");
    let (docs, bytes) = example_corpus(&corpus, 2000);
    let (coder, problems) = Coder::embedded();
    assert!(problems.is_empty());
    let db = dir.join("ingest.db");
    let mut store = Store::open(&db).unwrap();
    let started = Instant::now();
    let tally = ingest(
        &mut store,
        &coder,
        &[Input::Path(corpus.clone())],
        &IngestOptions::default(),
        |_| {},
    )
    .unwrap();
    let secs = started.elapsed().as_secs_f64();
    drop(store);
    let size = db_bytes(&db);
    let events = tally.stored.events;
    println!(
        "ingest: {docs} documents ({:.1} MB of text), {} sentences, {events} events, {} clusters in {:.2} s on {} threads",
        bytes as f64 / 1e6,
        tally.sentences,
        tally.stored.clusters_created,
        secs,
        rayon::current_num_threads()
    );
    println!(
        "ingest: {:.0} documents/s, {:.0} events/s, {:.2} MB/s of text",
        docs as f64 / secs,
        events as f64 / secs,
        bytes as f64 / secs / 1e6
    );
    println!(
        "ingest: database {:.1} MB, {:.0} bytes per 1,000 events (documents' text included)",
        size as f64 / 1e6,
        size as f64 / events.max(1) as f64 * 1000.0
    );
    let mut store = Store::open(&db).unwrap();
    let started = Instant::now();
    let again = ingest(
        &mut store,
        &coder,
        &[Input::Path(corpus)],
        &IngestOptions::default(),
        |_| {},
    )
    .unwrap();
    assert_eq!(again.stored.events, 0);
    println!(
        "ingest again (all unchanged): {:.2} s ({:.0} documents/s)",
        started.elapsed().as_secs_f64(),
        docs as f64 / started.elapsed().as_secs_f64()
    );
}

const COUNTRIES: &[&str] = &[
    "USA", "RUS", "UKR", "CHN", "GBR", "FRA", "DEU", "POL", "MDA", "ROU", "TUR", "IRN", "ISR",
    "IND", "PAK", "JPN", "KOR", "PRK", "BLR", "HUN", "ITA", "ESP", "NLD", "BEL", "SWE", "FIN",
    "NOR", "DNK", "CZE", "SVK", "BGR", "GRC", "SRB", "GEO", "ARM", "AZE", "KAZ", "SYR", "IRQ",
    "SAU",
];
const ROLES: &[&str] = &["", "GOV", "MIL", "", "GOV"];
const CODES: &[&str] = &[
    "010", "020", "036", "040", "042", "043", "051", "057", "061", "0332", "071", "072", "111",
    "112", "114", "128", "130", "138", "1382", "160", "163", "172", "190", "193", "194", "195",
];
const WORDS: &[&str] = &[
    "missiles",
    "drones",
    "border",
    "talks",
    "sanctions",
    "ceasefire",
    "troops",
    "exercise",
    "nuclear",
    "aid",
    "tanks",
    "warning",
    "pipeline",
    "embassy",
    "frontline",
    "artillery",
];

/// A small deterministic generator, so every run stores the same events.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn synthetic_batch(
    rng: &mut Lcg,
    first_doc: usize,
    docs: usize,
    per_doc: usize,
) -> Vec<DocumentInput> {
    (first_doc..first_doc + docs)
        .map(|d| {
            let day = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap()
                + chrono::Duration::days(rng.next(3 * 365) as i64);
            let date = day.format("%Y-%m-%d").to_string();
            let sentences: Vec<String> = (0..per_doc)
                .map(|_| {
                    format!(
                        "Officials said the {} and the {} near the {} were discussed.",
                        WORDS[rng.next(WORDS.len())],
                        WORDS[rng.next(WORDS.len())],
                        WORDS[rng.next(WORDS.len())]
                    )
                })
                .collect();
            let text = sentences.join(" ");
            let line = serde_json::json!({
                "id": format!("syn-{d}"), "date": date,
                "publisher": format!("Outlet {}", rng.next(200)), "text": text,
            });
            let doc: Document =
                redline_docs::read_str("bench", SourceFormat::Jsonl, &line.to_string()).unwrap();
            let events: Vec<EventRecord> = (0..per_doc)
                .map(|i| {
                    let s = COUNTRIES[rng.next(COUNTRIES.len())];
                    let t = COUNTRIES[rng.next(COUNTRIES.len())];
                    let role = ROLES[rng.next(ROLES.len())];
                    let cameo = CODES[rng.next(CODES.len())];
                    let p = |code: String, at: u32| Participant {
                        country: Some(code[..3].to_string()),
                        text: code.clone(),
                        code,
                        span: [at, at + 3],
                        rule: vec!["actor.bench".into()],
                    };
                    let sentence_index = i.min(doc.sentences.len().saturating_sub(1));
                    EventRecord {
                        doc_id: doc.id.0.clone(),
                        sentence_index,
                        sentence: sentences[i].clone(),
                        date: Some(date.clone()),
                        date_precision: "day".into(),
                        published: Some(date.clone()),
                        source: p(format!("{s}{role}"), 0),
                        target: Some(p(t.to_string(), 20)),
                        cameo: cameo.into(),
                        root: cameo[..2].into(),
                        quad_class: if cameo < "06" {
                            1
                        } else if cameo < "09" {
                            2
                        } else if cameo < "15" {
                            3
                        } else {
                            4
                        },
                        goldstein: -5.0,
                        plover: Plover {
                            event: Some("ASSAULT".into()),
                            mode: None,
                        },
                        polarity: if rng.next(20) == 0 {
                            Polarity::Negated
                        } else {
                            Polarity::Asserted
                        },
                        modality: if rng.next(8) == 0 {
                            Modality::Future
                        } else {
                            Modality::Actual
                        },
                        attribution: None,
                        rule: format!("verb.{cameo}.bench#1"),
                        signals: if rng.next(50) == 0 {
                            vec!["strike_authorization".into()]
                        } else {
                            vec![]
                        },
                        evidence: Evidence {
                            pattern: "bench".into(),
                            trigger: [10 + i as u32 * 7, 14 + i as u32 * 7],
                            reasons: vec![],
                            date_rule: "publication date".into(),
                        },
                    }
                })
                .collect();
            let hash = content_hash(&doc);
            DocumentInput {
                doc,
                hash,
                events,
                claims: Vec::new(),
                recode: false,
            }
        })
        .collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench_queries(dir: &Path) {
    let target: usize = std::env::var("REDLINE_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let per_doc = 8;
    // REDLINE_BENCH_DB keeps the big store between runs (it is written only when it holds fewer
    // events than asked for), so query changes can be measured without writing it again.
    let db = std::env::var_os("REDLINE_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.join("million.db"));
    let mut store = Store::open(&db).unwrap();
    if store.counts().unwrap().events as usize >= target {
        println!("store: reusing {}", db.display());
        drop(store);
        return run_queries(&db);
    }
    let mut rng = Lcg(42);
    let started = Instant::now();
    let mut written = 0;
    let mut doc = 0;
    while written < target {
        let batch = synthetic_batch(&mut rng, doc, 500, per_doc);
        doc += 500;
        written += store.write_batch(&batch).unwrap().0.events;
    }
    store.optimize().unwrap();
    let secs = started.elapsed().as_secs_f64();
    let counts = store.counts().unwrap();
    drop(store);
    println!(
        "store: {} events in {} documents and {} clusters written in {:.1} s ({:.0} events/s through the batch writer, clustering included); {:.1} MB, {:.0} bytes per 1,000 events",
        counts.events,
        counts.documents,
        counts.clusters,
        secs,
        counts.events as f64 / secs,
        db_bytes(&db) as f64 / 1e6,
        db_bytes(&db) as f64 / counts.events as f64 * 1000.0
    );
    run_queries(&db);
}

fn run_queries(db: &Path) {
    let store = Store::open_read_only(db).unwrap();
    let day = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let queries: Vec<(&str, EventFilter)> = vec![
        (
            "dyad USA:RUS, one year",
            EventFilter {
                source: Some("USA".into()),
                target: Some("RUS".into()),
                from: day("2023-01-01"),
                to: day("2023-12-31"),
                ..Default::default()
            },
        ),
        (
            "actor UKR, root 19",
            EventFilter {
                actors: vec!["UKR".into()],
                cameo: vec!["19".into()],
                ..Default::default()
            },
        ),
        (
            "code 1382, all modalities",
            EventFilter {
                cameo: vec!["1382".into()],
                include_negated: true,
                include_unrealised: true,
                ..Default::default()
            },
        ),
        (
            "one month, QuadClass 4",
            EventFilter {
                from: day("2023-06-01"),
                to: day("2023-06-30"),
                quad_class: vec![4],
                ..Default::default()
            },
        ),
        (
            "publisher, first 100",
            EventFilter {
                publisher: Some("Outlet 7".into()),
                limit: Some(100),
                ..Default::default()
            },
        ),
        (
            "full text \"nuclear\" AND tanks, MDA",
            EventFilter {
                text: Some("nuclear tanks".into()),
                actors: vec!["MDA".into()],
                ..Default::default()
            },
        ),
        (
            "signal strike_authorization",
            EventFilter {
                signal: Some("strike_authorization".into()),
                ..Default::default()
            },
        ),
        (
            "everything, first 50 (a terminal page)",
            EventFilter {
                limit: Some(50),
                ..Default::default()
            },
        ),
    ];
    for (name, f) in &queries {
        let mut rows = 0;
        let times: Vec<Duration> = (0..5)
            .map(|_| {
                let t = Instant::now();
                rows = store.events(f, |_| Ok::<(), StoreError>(())).unwrap();
                t.elapsed()
            })
            .collect();
        println!(
            "query {name}: {rows} rows, median {:.1} ms",
            median(times).as_secs_f64() * 1000.0
        );
    }
    let f = EventFilter {
        source: Some("USA".into()),
        target: Some("RUS".into()),
        ..Default::default()
    };
    let t = Instant::now();
    let n = store.clusters(&f, |_| Ok::<(), StoreError>(())).unwrap();
    println!(
        "query clusters of dyad USA:RUS: {n} rows, {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a plain run of the binary does the same work.
    let dir = tempfile::tempdir().unwrap();
    bench_ingest(dir.path());
    bench_queries(dir.path());
    if let Some(mb) = peak_rss_mb() {
        println!("peak memory: {mb:.0} MB");
    }
}
