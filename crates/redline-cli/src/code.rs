//! `redline code`: documents in, one JSON line per event out.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, Result};
use clap::Args;
use rayon::prelude::*;
use redline_coder::Coder;
use redline_docs::{Input, Outcome, ReadOptions, discover, read_source};

use crate::{dictionary, progress};

/// Code documents into CAMEO events, one JSON object per event per line.
///
/// Each line has the fields of the `redline code` contract (DESIGN.md): doc_id, sentence_index,
/// sentence, date, date_precision, published, source, target, cameo, root, quad_class,
/// goldstein, plover, polarity, modality, attribution and rule, plus signals and evidence.
/// `doc_id` is the JSON Lines `id` or the file path as given.
///
/// Negated, future, hypothetical and conditional events are printed too, marked as such; pass
/// `--facts` to keep only asserted, actual events. A sentence that matches no pattern gives no
/// event.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline code examples/news > events.jsonl\n  echo '{\"id\":\"s1\",\"date\":\"2023-01-08\",\"text\":\"Russia attacked Ukraine.\"}' | redline code\n  redline code --facts article.html | jq -c '[.source.code, .cameo, .target.code]'"
)]
pub struct CodeArgs {
    /// Files, directories (read recursively) or `-` for standard input (the default).
    #[arg(value_name = "INPUT")]
    inputs: Vec<String>,

    /// Only asserted, actual events (what analysis counts as fact).
    #[arg(long)]
    facts: bool,

    /// Print the claims instead of the events: numbers about casualties, troops, money and
    /// weapons, with who asserts them (one JSON object per line).
    #[arg(long)]
    claims: bool,

    /// Use the dictionary in this folder instead of the embedded one.
    #[arg(long, value_name = "DIR")]
    dict: Option<PathBuf>,

    /// Skip files (or JSON lines) larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = ReadOptions::default().max_bytes)]
    max_bytes: u64,

    /// Never draw a progress bar (it is drawn only when standard error is a terminal).
    #[arg(long)]
    no_progress: bool,
}

const CHUNK: usize = 64;

pub fn run(args: CodeArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let coder = dictionary::load_coder(args.dict.as_deref())?;
    let inputs: Vec<Input> = if args.inputs.is_empty() {
        vec![Input::Stdin]
    } else {
        args.inputs.iter().map(|a| Input::from_arg(a)).collect()
    };
    let found = discover(&inputs);
    let options = ReadOptions {
        max_bytes: args.max_bytes,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let (mut documents, mut sentences, mut events, mut skipped, mut warnings, mut bytes) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    for skip in &found.skipped {
        eprintln!("skipped: {skip}");
        skipped += 1;
    }
    let bar = progress::sources_bar(found.sources.len(), !args.no_progress);
    for chunk in found.sources.chunks(CHUNK) {
        let results: Vec<Vec<Coded>> = chunk
            .par_iter()
            .map(|source| {
                let mut outs = Vec::new();
                read_source(source, &options, &mut |o| {
                    outs.push(code_outcome(&coder, o, args.facts, args.claims))
                });
                outs
            })
            .collect();
        bar.suspend(|| -> Result<()> {
            for r in results.into_iter().flatten() {
                match r {
                    Ok((n_sent, n_bytes, records)) => {
                        documents += 1;
                        sentences += n_sent;
                        bytes += n_bytes;
                        events += records.len();
                        for line in &records {
                            out.write_all(line.as_bytes())?;
                            out.write_all(b"\n")?;
                        }
                    }
                    Err(line) if line.starts_with("warning: ") => {
                        warnings += 1;
                        eprintln!("{line}");
                    }
                    Err(line) => {
                        skipped += 1;
                        eprintln!("{line}");
                    }
                }
            }
            out.flush().context("writing to standard output")
        })?;
        bar.inc(chunk.len() as u64);
        bar.set_message(progress::tally_message(&bar, documents, skipped));
    }
    bar.finish_and_clear();
    out.flush().context("writing to standard output")?;
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let what = if args.claims { "claims" } else { "events" };
    let mut summary = format!(
        "redline code: {documents} documents, {sentences} sentences, {events} {what}, {skipped} skipped ({:.0} sentences/s, {:.1} MB/s)",
        sentences as f64 / secs,
        bytes as f64 / secs / 1e6
    );
    if warnings > 0 {
        summary += &format!(", {warnings} warnings");
    }
    eprintln!("{summary}");
    Ok(if skipped > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

/// A coded document: its sentence count, its size and its output lines (JSON).
type Coded = Result<(usize, usize, Vec<String>), String>;

fn code_outcome(coder: &Coder, outcome: Outcome, facts_only: bool, claims: bool) -> Coded {
    match outcome {
        Outcome::Document { doc, .. } if claims => {
            let coded = coder.code_document(&doc);
            let mut found = coder.claims(&doc, &doc.id.0, &coded);
            if facts_only {
                found.retain(|c| {
                    c.polarity == redline_model::Polarity::Asserted
                        && c.modality == redline_model::Modality::Actual
                });
            }
            let lines = json_lines(&found);
            Ok((doc.sentences.len(), doc.text.len(), lines))
        }
        Outcome::Document { doc, .. } => {
            let coded = coder.code_document(&doc);
            let mut records = coder.records(&doc, &doc.id.0, &coded);
            if facts_only {
                records.retain(|r| {
                    r.polarity == redline_coder::clauses::Polarity::Asserted
                        && r.modality == redline_coder::clauses::Modality::Actual
                });
            }
            let lines = json_lines(&records);
            Ok((doc.sentences.len(), doc.text.len(), lines))
        }
        Outcome::Skipped(skip) => Err(format!("skipped: {skip}")),
        Outcome::Warning { source, message } => Err(format!("warning: {source}: {message}")),
    }
}

/// One JSON line per record. Records hold only strings, numbers and lists, so serialising them
/// cannot fail.
fn json_lines<T: serde::Serialize>(records: &[T]) -> Vec<String> {
    records
        .iter()
        .map(|r| serde_json::to_string(r).unwrap_or_default())
        .collect()
}
