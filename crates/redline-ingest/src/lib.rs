//! The ingest runner: documents in, stored events out.
//!
//! A reader thread reads the inputs in order and hands documents over a bounded channel; the
//! runner takes them in batches, skips those already stored with the same content (before coding
//! them), codes the rest in parallel (rayon, one document per task, order kept), and writes each
//! batch in one store transaction.
//!
//! Because batches are written in input order and each is all or nothing, an ingest killed at any
//! point and run again over the same inputs ends with exactly the store a clean run gives: the
//! committed batches are found unchanged and skipped, and the rest is written as before.

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use redline_coder::Coder;
use redline_docs::{Input, Outcome, ReadOptions, discover, read_source};
use redline_store::{BatchSummary, DocumentInput, Store, StoreError, content_hash, document_key};

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Documents per store transaction.
    pub batch_size: usize,
    /// Reading limits.
    pub read: ReadOptions,
    /// Code and store documents again even when their content is unchanged (after a dictionary
    /// change).
    pub recode: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: 64,
            read: ReadOptions::default(),
            recode: false,
        }
    }
}

/// Running totals, passed to the progress callback after every batch and returned at the end.
#[derive(Debug, Clone, Default)]
pub struct IngestTally {
    /// Input files found.
    pub sources: usize,
    /// Documents read.
    pub documents: usize,
    /// What storing did (added, replaced, unchanged, events, clusters).
    pub stored: BatchSummary,
    /// Sentences coded.
    pub sentences: usize,
    /// Bytes of text coded.
    pub bytes: usize,
    /// Sources or documents skipped, with the reason (`file:line: why`).
    pub skipped: Vec<String>,
    /// Warnings about documents that were still read.
    pub warnings: Vec<String>,
    /// Time since the start.
    pub elapsed: Duration,
}

/// An ingest that stopped. Everything committed before the error stays in the store.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The store refused a batch (full disk, damaged file...).
    #[error("{error} (stored before the error: {} new, {} replaced, {} unchanged documents)", .tally.stored.added, .tally.stored.replaced, .tally.stored.unchanged)]
    Store {
        /// The store's error (shown in this error's message, so not chained as its source).
        error: StoreError,
        /// What was done before it.
        tally: Box<IngestTally>,
    },
}

/// Reads `inputs`, codes them and stores them. `progress` is called after every batch; skips and
/// warnings are collected in the tally (and passed to `progress` as they accumulate).
pub fn ingest(
    store: &mut Store,
    coder: &Coder,
    inputs: &[Input],
    options: &IngestOptions,
    mut progress: impl FnMut(&IngestTally),
) -> Result<IngestTally, IngestError> {
    let started = Instant::now();
    let found = discover(inputs);
    let mut tally = IngestTally {
        sources: found.sources.len(),
        skipped: found.skipped.iter().map(|s| s.to_string()).collect(),
        ..IngestTally::default()
    };
    // Stored before this ingest; documents read in it are tracked in `seen` below.
    let known: HashMap<String, String> =
        store
            .known_documents()
            .map_err(|source| IngestError::Store {
                error: source,
                tally: Box::new(tally.clone()),
            })?;
    let batch_size = options.batch_size.max(1);
    // Bounded, so a fast reader never holds more than a few batches in memory.
    let (read_tx, read_rx) = mpsc::sync_channel::<Outcome>(batch_size * 2);
    // One coded batch waits while the previous one is written: coding and writing overlap.
    let (coded_tx, coded_rx) = mpsc::sync_channel::<Vec<DocumentInput>>(1);
    let (written_tx, written_rx) = mpsc::channel::<Result<BatchSummary, StoreError>>();
    let read_options = options.read;
    let sources = found.sources;
    // Reborrowed for the writer thread, so the store is usable again after the scope.
    let writer_store: &mut Store = store;
    std::thread::scope(|scope| {
        // Owned by this closure, so that an early return drops them and the other threads'
        // next send fails instead of blocking the scope's join forever.
        let read_rx = read_rx;
        let written_rx = written_rx;
        scope.spawn(move || {
            for source in &sources {
                let mut closed = false;
                read_source(source, &read_options, &mut |o| {
                    if !closed && read_tx.send(o).is_err() {
                        // The runner stopped (a store error): stop reading.
                        closed = true;
                    }
                });
                if closed {
                    break;
                }
            }
        });
        // The one writer: batches in the order they were read, one transaction each.
        scope.spawn(move || {
            for batch in coded_rx.iter() {
                let result = writer_store.write_batch(&batch).map(|(summary, _)| summary);
                let failed = result.is_err();
                if written_tx.send(result).is_err() || failed {
                    break;
                }
            }
        });
        // Folds the writer's reports into the tally; an error ends the ingest.
        let mut collect = |tally: &mut IngestTally, wait: bool| -> Result<(), IngestError> {
            loop {
                let report = if wait {
                    match written_rx.recv() {
                        Ok(r) => r,
                        Err(_) => return Ok(()),
                    }
                } else {
                    match written_rx.try_recv() {
                        Ok(r) => r,
                        Err(_) => return Ok(()),
                    }
                };
                match report {
                    Ok(summary) => {
                        tally.stored.add(&summary);
                        tally.elapsed = started.elapsed();
                        progress(tally);
                    }
                    Err(source) => {
                        return Err(IngestError::Store {
                            error: source,
                            tally: Box::new(tally.clone()),
                        });
                    }
                }
            }
        };
        // Documents to code, with the content hash computed when they were read.
        let mut pending: Vec<(redline_model::Document, String)> = Vec::with_capacity(batch_size);
        // Key and hash of every document read in this ingest.
        let mut seen: HashMap<String, String> = HashMap::new();
        let code = |batch: Vec<(redline_model::Document, String)>| -> Vec<DocumentInput> {
            batch
                .into_par_iter()
                .map(|(doc, hash)| {
                    let coded = coder.code_document(&doc);
                    let events = coder.records(&doc, &doc.id.0, &coded);
                    let claims = coder.claims(&doc, &doc.id.0, &coded);
                    DocumentInput {
                        doc,
                        hash,
                        events,
                        claims,
                        recode: options.recode,
                    }
                })
                .collect()
        };
        let coded_tx = coded_tx;
        let send = |pending: &mut Vec<(redline_model::Document, String)>,
                    tally: &mut IngestTally|
         -> bool {
            let coded = code(std::mem::take(pending));
            for d in &coded {
                tally.sentences += d.doc.sentences.len();
                tally.bytes += d.doc.text.len();
            }
            // Fails only when the writer stopped on an error, which `collect` then reports.
            coded_tx.send(coded).is_ok()
        };
        for outcome in read_rx.iter() {
            match outcome {
                Outcome::Document { doc, .. } => {
                    tally.documents += 1;
                    let doc = *doc;
                    let key = document_key(&doc);
                    let hash = content_hash(&doc);
                    // The first document with a key in one ingest is the one kept: a later one
                    // with other content is reported, not written over it, so that running the
                    // same ingest again changes nothing.
                    match seen.get(&key) {
                        Some(first) if *first == hash => {
                            tally.stored.unchanged += 1;
                            continue;
                        }
                        Some(_) => {
                            tally.skipped.push(format!(
                                "{}: another document with the key {key} came earlier in this ingest (the first one is kept)",
                                origin(&doc)
                            ));
                            continue;
                        }
                        None => {
                            seen.insert(key.clone(), hash.clone());
                        }
                    }
                    if !options.recode && known.get(&key) == Some(&hash) {
                        // Stored before with this content: nothing to code or write.
                        tally.stored.unchanged += 1;
                        continue;
                    }
                    pending.push((doc, hash));
                    if pending.len() >= batch_size {
                        let alive = send(&mut pending, &mut tally);
                        collect(&mut tally, !alive)?;
                    }
                }
                Outcome::Skipped(skip) => tally.skipped.push(skip.to_string()),
                Outcome::Warning { source, message } => {
                    tally.warnings.push(format!("{source}: {message}"))
                }
            }
        }
        if !pending.is_empty() {
            send(&mut pending, &mut tally);
        }
        // No more batches: the writer finishes the queue and its channel closes.
        drop(coded_tx);
        collect(&mut tally, true)?;
        Ok(())
    })?;
    store.optimize().map_err(|source| IngestError::Store {
        error: source,
        tally: Box::new(tally.clone()),
    })?;
    tally.elapsed = started.elapsed();
    progress(&tally);
    Ok(tally)
}

/// Where a document came from, for messages: `file:line` (or item) or its id.
fn origin(doc: &redline_model::Document) -> String {
    let place = match &doc.origin.path {
        Some(p) => p.display().to_string(),
        None => "<stdin>".to_string(),
    };
    match doc.origin.item {
        Some(n) => format!("{place}:{n}"),
        None => place,
    }
}
