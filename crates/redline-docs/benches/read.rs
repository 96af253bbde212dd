//! Read-stage throughput: reading, cleaning and segmenting in memory, per input format.
//!
//! The corpus is the articles in `examples/news`, grouped by format (text and Markdown, HTML,
//! JSON Lines, feeds). Each group's files are copied over and over until the group holds at least
//! `REDLINE_BENCH_MB` megabytes (default 50; 1 MB = 10^6 bytes), so every format is timed on the
//! same amount of input. Each group is read with [`read_bytes`] on one thread, then split across
//! all cores, and the documents, sentences and bytes are counted.
//!
//! Run with `cargo bench -p redline-docs --bench read` (a release build). Output is plain text;
//! there is no statistics harness, so run it twice and compare if a figure looks off.

use std::path::PathBuf;
use std::thread;
use std::time::{Duration, Instant};

use redline_docs::{Input, Outcome, ReadOptions, discover, read_bytes};
use redline_model::SourceFormat;

/// Per-format input size when `REDLINE_BENCH_MB` is not set, in MB.
const DEFAULT_MB: f64 = 50.0;

/// Bytes in a megabyte, as printed.
const MB: f64 = 1e6;

/// The format groups, in print order: a label and the formats that belong to it.
const GROUPS: [(&str, &[SourceFormat]); 4] = [
    ("text+md", &[SourceFormat::Text, SourceFormat::Markdown]),
    ("html", &[SourceFormat::Html]),
    ("jsonl", &[SourceFormat::Jsonl]),
    ("feed", &[SourceFormat::Feed]),
];

/// One input held in memory: a copy of an example file.
struct Replica {
    /// The example's file name, used as the source name (and so in document ids).
    name: String,
    /// The format its extension names.
    format: SourceFormat,
    /// The file's bytes.
    bytes: Vec<u8>,
}

/// The replicas of one format group.
struct Group {
    /// Label printed in the tables.
    label: &'static str,
    /// How many distinct example files the replicas copy.
    files: usize,
    /// The inputs, at least the target size in total.
    replicas: Vec<Replica>,
}

impl Group {
    /// Total input bytes.
    fn bytes(&self) -> u64 {
        self.replicas.iter().map(|r| r.bytes.len() as u64).sum()
    }
}

/// What reading some replicas produced.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Totals {
    /// Documents read.
    documents: u64,
    /// Sentences in those documents.
    sentences: u64,
    /// Tokens in those documents.
    tokens: u64,
    /// Input bytes read.
    bytes: u64,
    /// Documents or sources skipped (none expected: the examples are all readable).
    skipped: u64,
}

impl Totals {
    /// Adds another count to this one.
    fn add(&mut self, other: Totals) {
        self.documents += other.documents;
        self.sentences += other.sentences;
        self.tokens += other.tokens;
        self.bytes += other.bytes;
        self.skipped += other.skipped;
    }
}

/// Reads, cleans and segments every replica in order on the calling thread.
fn read_all(replicas: &[Replica]) -> Totals {
    let options = ReadOptions::default();
    let mut totals = Totals::default();
    for replica in replicas {
        totals.bytes += replica.bytes.len() as u64;
        read_bytes(
            &replica.name,
            replica.format,
            &replica.bytes,
            &options,
            &mut |outcome| match outcome {
                Outcome::Document { doc, .. } => {
                    totals.documents += 1;
                    totals.sentences += doc.sentences.len() as u64;
                    totals.tokens += doc.tokens.len() as u64;
                }
                Outcome::Skipped(_) => totals.skipped += 1,
                Outcome::Warning { .. } => {}
            },
        );
    }
    totals
}

/// Reads the replicas split into `threads` contiguous shares, one scoped thread each.
fn read_parallel(replicas: &[Replica], threads: usize) -> Totals {
    let share = replicas.len().div_ceil(threads.max(1)).max(1);
    thread::scope(|scope| {
        let workers: Vec<_> = replicas
            .chunks(share)
            .map(|chunk| scope.spawn(move || read_all(chunk)))
            .collect();
        let mut totals = Totals::default();
        for worker in workers {
            totals.add(worker.join().expect("a reader thread panicked"));
        }
        totals
    })
}

/// The per-format target size in bytes, from `REDLINE_BENCH_MB` or the default.
fn target_bytes() -> u64 {
    let mb = match std::env::var("REDLINE_BENCH_MB") {
        Ok(value) => match value.trim().parse::<f64>() {
            Ok(mb) if mb > 0.0 && mb.is_finite() => mb,
            _ => panic!("REDLINE_BENCH_MB must be a positive number of megabytes, not {value:?}"),
        },
        Err(_) => DEFAULT_MB,
    };
    (mb * MB).ceil() as u64
}

/// Loads the examples and replicates each format group to at least `target` bytes.
fn build_corpus(target: u64) -> Vec<Group> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/news");
    let found = discover(&[Input::Path(dir.clone())]);
    assert!(
        found.skipped.is_empty(),
        "cannot list {}: {}",
        dir.display(),
        found.skipped[0]
    );
    let mut originals = Vec::new();
    for source in &found.sources {
        let (Some(path), Some(format)) = (&source.path, source.format) else {
            continue;
        };
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        originals.push(Replica {
            name,
            format,
            bytes,
        });
    }

    GROUPS
        .iter()
        .map(|&(label, formats)| {
            let members: Vec<&Replica> = originals
                .iter()
                .filter(|r| formats.contains(&r.format) && !r.bytes.is_empty())
                .collect();
            assert!(!members.is_empty(), "no {label} files in {}", dir.display());
            let mut replicas = Vec::new();
            let mut total = 0u64;
            for original in members.iter().cycle() {
                if total >= target {
                    break;
                }
                total += original.bytes.len() as u64;
                replicas.push(Replica {
                    name: original.name.clone(),
                    format: original.format,
                    bytes: original.bytes.clone(),
                });
            }
            Group {
                label,
                files: members.len(),
                replicas,
            }
        })
        .collect()
}

/// Prints the table header.
fn print_header() {
    println!(
        "{:<8} {:>6} {:>9} {:>11} {:>8} {:>8} {:>11} {:>8} {:>12}",
        "format",
        "files",
        "replicas",
        "documents",
        "MB",
        "seconds",
        "articles/s",
        "MB/s",
        "sentences/s"
    );
}

/// Prints one table row.
fn print_row(label: &str, files: usize, replicas: usize, totals: Totals, elapsed: Duration) {
    let seconds = elapsed.as_secs_f64();
    let per_second = |n: f64| if seconds > 0.0 { n / seconds } else { f64::NAN };
    let mb = totals.bytes as f64 / MB;
    println!(
        "{:<8} {:>6} {:>9} {:>11} {:>8.1} {:>8.3} {:>11.0} {:>8.1} {:>12.0}",
        label,
        files,
        replicas,
        totals.documents,
        mb,
        seconds,
        per_second(totals.documents as f64),
        per_second(mb),
        per_second(totals.sentences as f64),
    );
    if totals.skipped > 0 {
        println!(
            "         ({} skipped: the examples should all be readable)",
            totals.skipped
        );
    }
}

/// Runs `read` on every group, printing a row each and a total row; returns the total.
fn run_table(groups: &[Group], read: impl Fn(&[Replica]) -> Totals) -> Totals {
    print_header();
    let mut all = Totals::default();
    let mut all_time = Duration::ZERO;
    for group in groups {
        let start = Instant::now();
        let totals = read(&group.replicas);
        let elapsed = start.elapsed();
        print_row(
            group.label,
            group.files,
            group.replicas.len(),
            totals,
            elapsed,
        );
        all.add(totals);
        all_time += elapsed;
    }
    let files = groups.iter().map(|g| g.files).sum();
    let replicas = groups.iter().map(|g| g.replicas.len()).sum();
    print_row("all", files, replicas, all, all_time);
    all
}

/// Peak resident set size of this process (`VmHWM`), in bytes; `None` off Linux.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// Resets `VmHWM` to the current resident set size (Linux 4.0 and later), so the next reading
/// is the peak of what runs in between. Returns whether it worked.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Formats an optional byte count in MB, or `n/a`.
fn show_mb(bytes: Option<u64>) -> String {
    bytes.map_or_else(|| "n/a".to_string(), |b| format!("{:.1} MB", b as f64 / MB))
}

fn main() {
    let target = target_bytes();
    let threads = thread::available_parallelism().map_or(1, |n| n.get());

    let start = Instant::now();
    let groups = build_corpus(target);
    let corpus_bytes: u64 = groups.iter().map(Group::bytes).sum();
    let peak_building = peak_rss();
    println!(
        "redline-docs read benchmark: examples/news replicated to >= {:.1} MB per format",
        target as f64 / MB
    );
    println!(
        "corpus: {:.1} MB in memory, built in {:.2} s; {} thread(s) available",
        corpus_bytes as f64 / MB,
        start.elapsed().as_secs_f64(),
        threads
    );

    // Warm up (lazy tables, allocator pools) on one copy of each example, and check that the
    // examples read at all: a corpus of skips would time nothing.
    for group in &groups {
        let totals = read_all(&group.replicas[..group.files.min(group.replicas.len())]);
        assert!(
            totals.documents > 0,
            "no {} example produced a document",
            group.label
        );
    }

    let can_reset = reset_peak_rss();
    println!();
    println!("single thread (read + clean + segment, read_bytes):");
    let single = run_table(&groups, read_all);
    let peak_single = peak_rss();

    if can_reset {
        reset_peak_rss();
    }
    println!();
    println!("all cores ({threads} threads, each reading a contiguous share of the replicas):");
    let parallel = run_table(&groups, |replicas| read_parallel(replicas, threads));
    let peak_parallel = peak_rss();
    assert_eq!(
        single, parallel,
        "single-threaded and parallel runs read different totals"
    );

    println!();
    println!(
        "documents {}, sentences {}, tokens {} per run",
        single.documents, single.sentences, single.tokens
    );
    println!();
    println!(
        "peak memory (VmHWM, resident set; includes the {:.1} MB in-memory corpus):",
        corpus_bytes as f64 / MB
    );
    if can_reset {
        println!("  building the corpus:     {}", show_mb(peak_building));
        println!("  reading, single thread:  {}", show_mb(peak_single));
        println!("  reading, all cores:      {}", show_mb(peak_parallel));
    } else {
        let whole = [peak_building, peak_single, peak_parallel]
            .into_iter()
            .flatten()
            .max();
        println!("  whole run:               {}", show_mb(whole));
    }
}
