//! `redline ingest`: read, code and store documents.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use redline_docs::{Input, ReadOptions};
use redline_ingest::{IngestOptions, IngestTally, ingest};
use redline_store::Store;

use crate::{dictionary, progress};

/// Read, code and store documents in the event store (an SQLite file).
///
/// Ingesting is idempotent: a document already stored with the same content (same url, or same
/// id when it has no url) changes nothing; a document whose content changed replaces its old
/// events. Each batch of documents is one transaction, so an ingest that is killed can simply be
/// run again: it ends with exactly the events of an uninterrupted run.
///
/// Reports of the same real-world event are merged into clusters as they are stored; see
/// `redline events --clusters`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline ingest examples/news\n  redline ingest --db conflict.db feeds/ articles.jsonl\n  cat articles.jsonl | redline ingest --db conflict.db -"
)]
pub struct IngestArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<String>,

    /// The store file (created if missing).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "redline.db",
        env = "REDLINE_DB"
    )]
    pub db: PathBuf,

    /// Use the dictionary in this folder instead of the embedded one.
    #[arg(long, value_name = "DIR")]
    dict: Option<PathBuf>,

    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 64)]
    batch: usize,

    /// Code and store documents again even when they are unchanged (after a dictionary change).
    #[arg(long)]
    recode: bool,

    /// Skip files (or JSON lines) larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = ReadOptions::default().max_bytes)]
    max_bytes: u64,

    /// Never draw a progress bar (it is drawn only when standard error is a terminal).
    #[arg(long)]
    no_progress: bool,
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let mut store = Store::open(&args.db)?;
    let coder = dictionary::load_coder(args.dict.as_deref())?;
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::from_arg(a)).collect();
    let options = IngestOptions {
        batch_size: args.batch,
        read: ReadOptions {
            max_bytes: args.max_bytes,
        },
        recode: args.recode,
    };
    let bar = progress::spinner(!args.no_progress);
    let mut reported = 0usize;
    let tally = ingest(&mut store, &coder, &inputs, &options, |t| {
        bar.suspend(|| {
            for line in &t.skipped[reported.min(t.skipped.len())..] {
                eprintln!("skipped: {line}");
            }
        });
        reported = t.skipped.len();
        bar.set_message(progress_line(t));
    });
    bar.finish_and_clear();
    // The error names the store file and what was kept.
    let tally = tally?;
    for line in &tally.skipped[reported.min(tally.skipped.len())..] {
        eprintln!("skipped: {line}");
    }
    for w in &tally.warnings {
        eprintln!("warning: {w}");
    }
    if tally.documents == 0 && tally.skipped.is_empty() {
        eprintln!(
            "warning: no documents in the inputs (read: .txt .md .html .htm .jsonl .ndjson .rss .atom .xml, or `-` for standard input)"
        );
    }
    let counts = store.counts()?;
    eprintln!("{}", summary(&tally));
    eprintln!(
        "{}: {} documents, {} events in {} clusters, {} claims, {} sources",
        args.db.display(),
        counts.documents,
        counts.events,
        counts.clusters,
        counts.claims,
        counts.sources
    );
    Ok(if tally.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

fn progress_line(t: &IngestTally) -> String {
    let secs = t.elapsed.as_secs_f64().max(1e-3);
    format!(
        "{} documents ({:.0}/s), {} events, {} unchanged, {} skipped",
        t.documents,
        t.documents as f64 / secs,
        t.stored.events,
        t.stored.unchanged,
        t.skipped.len()
    )
}

fn summary(t: &IngestTally) -> String {
    let secs = t.elapsed.as_secs_f64().max(1e-9);
    let s = &t.stored;
    format!(
        "redline ingest: {} documents read: {} new, {} replaced, {} unchanged, {} skipped; {} events stored ({} joined an existing cluster, {} new clusters), {} claims, {} events removed with replaced documents; {:.1} s ({:.0} documents/s, {:.0} events/s)",
        t.documents,
        s.added,
        s.replaced,
        s.unchanged,
        t.skipped.len(),
        s.events,
        s.merged,
        s.clusters_created,
        s.claims,
        s.events_removed,
        secs,
        t.documents as f64 / secs,
        s.events as f64 / secs
    )
}
