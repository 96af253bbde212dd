//! `redline doc`: read articles and show their metadata and sentences.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::Args;
use rayon::prelude::*;
use redline_docs::clean::Removed;
use redline_docs::{Input, Outcome, ReadOptions, Source, discover, read_source};
use redline_model::{DatePrecision, Document};
use serde::Serialize;

use crate::progress;

/// Read articles and print each document's metadata and numbered sentences.
///
/// Text, Markdown and HTML pages are cleaned of boilerplate (captions, sign-up forms, share
/// links, teaser lists of other articles, footers); title, byline and date come from the page's
/// header lines or markup. JSON Lines input (`{"id", "text", "date"?, "title"?, "url"?,
/// "publisher"?}` per line) is taken as given. Each RSS/Atom item is a document.
///
/// Skipped inputs (binary, empty, too large, malformed JSON lines, unreadable feeds, no article
/// text) are reported on standard error with the file, the line where it applies, and the reason;
/// the rest of the batch is still read.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline doc examples/news\n  redline doc --json article.html | jq .title\n  cat batch.jsonl | redline doc --json -"
)]
pub struct DocArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,

    /// Print one JSON object per document per line instead of text.
    #[arg(long)]
    json: bool,

    /// With text output, also list the lines removed as boilerplate and why.
    #[arg(long)]
    removed: bool,

    /// Skip files (or JSON lines) larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = ReadOptions::default().max_bytes)]
    max_bytes: u64,

    /// Never draw a progress bar (it is drawn only when standard error is a terminal).
    #[arg(long)]
    no_progress: bool,
}

/// A document as `redline doc --json` prints it.
#[derive(Serialize)]
struct DocJson<'a> {
    id: &'a str,
    format: &'static str,
    title: Option<&'a str>,
    authors: &'a [String],
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    /// `YYYY-MM-DD`, the first day of the period for month and year precision.
    published: Option<String>,
    published_precision: &'static str,
    language: Option<&'a str>,
    text: &'a str,
    sentences: Vec<SentenceJson<'a>>,
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    start: u32,
    end: u32,
    text: &'a str,
}

impl<'a> DocJson<'a> {
    fn new(doc: &'a Document) -> Self {
        let m = &doc.meta;
        DocJson {
            id: &doc.id.0,
            format: doc.format.as_str(),
            title: m.title.as_deref(),
            authors: &m.authors,
            publisher: m.publisher.as_deref(),
            url: m.url.as_deref(),
            published: m
                .published
                .map(|d| d.first_day().format("%Y-%m-%d").to_string()),
            published_precision: m
                .published
                .map_or(DatePrecision::Unknown, |d| d.precision())
                .as_str(),
            language: m.language.as_deref(),
            text: &doc.text,
            sentences: doc
                .sentences
                .iter()
                .map(|s| SentenceJson {
                    start: s.span.start,
                    end: s.span.end,
                    text: doc.slice(s.span),
                })
                .collect(),
        }
    }
}

#[derive(Default)]
struct Tally {
    documents: usize,
    sentences: usize,
    skipped: usize,
    warnings: usize,
}

/// Sources read in parallel per chunk, then printed in input order: output is deterministic and
/// memory stays bounded by one chunk of documents.
const CHUNK: usize = 64;

pub fn run(args: DocArgs) -> Result<ExitCode> {
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::from_arg(a)).collect();
    let found = discover(&inputs);
    let options = ReadOptions {
        max_bytes: args.max_bytes,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut tally = Tally::default();
    for skip in &found.skipped {
        eprintln!("skipped: {skip}");
        tally.skipped += 1;
    }
    let bar = progress::sources_bar(found.sources.len(), !args.no_progress);
    for chunk in found.sources.chunks(CHUNK) {
        let results: Vec<Vec<Outcome>> = chunk
            .par_iter()
            .map(|source| read_all(source, &options))
            .collect();
        bar.suspend(|| -> Result<()> {
            for outcomes in results {
                for outcome in outcomes {
                    report(outcome, &args, &mut out, &mut tally)?;
                }
            }
            out.flush().context("writing to standard output")
        })?;
        bar.inc(chunk.len() as u64);
        bar.set_message(progress::tally_message(
            &bar,
            tally.documents,
            tally.skipped,
        ));
    }
    bar.finish_and_clear();
    out.flush().context("writing to standard output")?;
    let mut summary = format!(
        "redline doc: {}, {}, {} skipped",
        count(tally.documents, "document"),
        count(tally.sentences, "sentence"),
        tally.skipped
    );
    if tally.warnings > 0 {
        summary += &format!(", {}", count(tally.warnings, "warning"));
    }
    if found.ignored > 0 {
        summary += &format!(
            " ({} with other extensions ignored)",
            count(found.ignored, "file")
        );
    }
    eprintln!("{summary}");
    Ok(if tally.skipped > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn read_all(source: &Source, options: &ReadOptions) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    read_source(source, options, &mut |o| outcomes.push(o));
    outcomes
}

fn report(outcome: Outcome, args: &DocArgs, out: &mut impl Write, tally: &mut Tally) -> Result<()> {
    match outcome {
        Outcome::Document { doc, removed } => {
            tally.documents += 1;
            tally.sentences += doc.sentences.len();
            if args.json {
                serde_json::to_writer(&mut *out, &DocJson::new(&doc))?;
                writeln!(out)?;
            } else {
                write_text(&doc, args.removed.then_some(removed.as_slice()), out)?;
            }
        }
        Outcome::Skipped(skip) => {
            tally.skipped += 1;
            eprintln!("skipped: {skip}");
        }
        Outcome::Warning { source, message } => {
            tally.warnings += 1;
            eprintln!("warning: {source}: {message}");
        }
    }
    Ok(())
}

fn write_text(doc: &Document, removed: Option<&[Removed]>, out: &mut impl Write) -> io::Result<()> {
    let m = &doc.meta;
    let or_dash = |v: Option<&str>| v.unwrap_or("-").to_string();
    writeln!(out, "== {} ({})", doc.id, doc.format.as_str())?;
    writeln!(out, "title:     {}", or_dash(m.title.as_deref()))?;
    let authors = if m.authors.is_empty() {
        "-".to_string()
    } else {
        m.authors.join("; ")
    };
    writeln!(out, "authors:   {authors}")?;
    writeln!(out, "publisher: {}", or_dash(m.publisher.as_deref()))?;
    writeln!(out, "url:       {}", or_dash(m.url.as_deref()))?;
    let published = m.published.map_or_else(
        || "unknown".to_string(),
        |d| format!("{d} ({})", d.precision()),
    );
    writeln!(out, "published: {published}")?;
    writeln!(
        out,
        "text:      {} bytes, {} sentences, {} tokens",
        doc.text.len(),
        doc.sentences.len(),
        doc.tokens.len()
    )?;
    let width = doc.sentences.len().to_string().len();
    for (i, s) in doc.sentences.iter().enumerate() {
        writeln!(out, "  {:>width$}  {}", i + 1, doc.slice(s.span))?;
    }
    if let Some(removed) = removed {
        writeln!(out, "removed:   {} lines", removed.len())?;
        for r in removed {
            writeln!(out, "  line {:>4}  {:<22}  {}", r.line, r.reason, r.text)?;
        }
    }
    writeln!(out)
}
