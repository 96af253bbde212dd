//! Coding throughput on a fixed corpus: the shipped example articles (examples/news), read once
//! and replicated until the corpus holds at least 200,000 sentences, coded on one core and on
//! all cores. Prints dictionary load time, sentences/s, MB/s, events and peak memory.
//!
//! Run with `cargo bench -p redline-coder --bench code`.

use std::path::Path;
use std::time::Instant;

use redline_coder::Coder;
use redline_docs::{Input, Outcome, ReadOptions, discover, read_source};
use redline_model::Document;

fn corpus() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/news");
    let found = discover(&[Input::Path(root)]);
    let mut docs = Vec::new();
    for s in &found.sources {
        read_source(s, &ReadOptions::default(), &mut |o| {
            if let Outcome::Document { doc, .. } = o {
                docs.push(*doc);
            }
        });
    }
    docs
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn code_all(coder: &Coder, docs: &[Document]) -> usize {
    docs.iter()
        .map(|d| {
            let coded = coder.code_document(d);
            coder.records(d, &d.id.0, &coded).len()
        })
        .sum()
}

fn main() {
    let started = Instant::now();
    let (coder, problems) = Coder::embedded();
    let load = started.elapsed();
    assert!(problems.is_empty(), "dictionary problems: {:?}", problems);
    let d = &coder.lexicon().dict;
    println!(
        "dictionary: {} actors, {} people, {} agents, {} patterns; load+compile {:.1} ms",
        d.actors.len(),
        d.people.len(),
        d.agents.len(),
        d.pattern_count(),
        load.as_secs_f64() * 1000.0
    );
    let base = corpus();
    let base_sentences: usize = base.iter().map(|d| d.sentences.len()).sum();
    let mut docs = Vec::new();
    while docs
        .iter()
        .map(|d: &Document| d.sentences.len())
        .sum::<usize>()
        < 200_000
    {
        docs.extend(base.iter().cloned());
    }
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "corpus: {} documents ({} distinct, {} sentences each pass), {} sentences, {:.1} MB",
        docs.len(),
        base.len(),
        base_sentences,
        sentences,
        bytes as f64 / 1e6
    );
    // Warm up once so the first measurement is not paying for page faults.
    code_all(&coder, &docs[..base.len().min(docs.len())]);

    let t = Instant::now();
    let events = code_all(&coder, &docs);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "1 core:  {:>9.0} sentences/s  {:>6.2} MB/s  {} events",
        sentences as f64 / secs,
        bytes as f64 / secs / 1e6,
        events
    );

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let t = Instant::now();
    let chunk = docs.len().div_ceil(threads);
    let events: usize = std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| s.spawn(|| code_all(&coder, part)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{threads} cores: {:>9.0} sentences/s  {:>6.2} MB/s  {} events",
        sentences as f64 / secs,
        bytes as f64 / secs / 1e6,
        events
    );
    if let Some(mb) = peak_rss_mb() {
        println!("peak RSS (VmHWM): {mb:.0} MB (includes the corpus held in memory)");
    }
}
