//! Writing coded documents: one transaction per batch.
//!
//! Invariants:
//! - a document is identified by its key (url, else id); the same key with the same content hash
//!   is left as it is, so ingesting twice changes nothing;
//! - the same key with new content replaces the document's sentences, mentions and events, and
//!   the clusters they were in are recounted (emptied ones are deleted);
//! - a batch is all or nothing: a crash or an error (a full disk) rolls it back whole.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use redline_model::{ClaimRecord, DatePrecision, Document, EventRecord, Participant};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;

use crate::Store;
use crate::cluster;
use crate::error::{Result, StoreError};

/// One coded document, ready to store.
#[derive(Debug, Clone)]
pub struct DocumentInput {
    /// The document (its text and metadata are stored).
    pub doc: Document,
    /// Its content hash ([`content_hash`]).
    pub hash: String,
    /// Its events, as the coder produced them.
    pub events: Vec<EventRecord>,
    /// Its claims, as the coder produced them.
    pub claims: Vec<ClaimRecord>,
    /// Replace the stored version even when the content hash is the same (the events were coded
    /// again, with another dictionary).
    pub recode: bool,
}

/// What storing a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentChange {
    /// It was new.
    Added,
    /// Its key was known with other content; its old events were replaced.
    Replaced,
    /// It was already stored with this content; nothing changed.
    Unchanged,
}

/// Totals of one or more batches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchSummary {
    /// New documents.
    pub added: usize,
    /// Documents whose content changed.
    pub replaced: usize,
    /// Documents already stored as they are.
    pub unchanged: usize,
    /// Events written.
    pub events: usize,
    /// Claims written.
    pub claims: usize,
    /// Events removed with the old versions of replaced documents.
    pub events_removed: usize,
    /// Clusters founded.
    pub clusters_created: usize,
    /// Events that joined an existing cluster.
    pub merged: usize,
}

impl BatchSummary {
    /// Adds another summary to this one.
    pub fn add(&mut self, o: &BatchSummary) {
        self.added += o.added;
        self.replaced += o.replaced;
        self.claims += o.claims;
        self.unchanged += o.unchanged;
        self.events += o.events;
        self.events_removed += o.events_removed;
        self.clusters_created += o.clusters_created;
        self.merged += o.merged;
    }
}

/// The identity of a document across ingests: its url when it has one, else its id.
pub fn document_key(doc: &Document) -> String {
    match doc.meta.url.as_deref().map(str::trim) {
        Some(u) if !u.is_empty() => u.to_string(),
        _ => doc.id.0.clone(),
    }
}

/// A hash of everything that decides a document's events: text, title, publication date,
/// publisher and url. 32 hex digits (128 bits of BLAKE3).
pub fn content_hash(doc: &Document) -> String {
    let mut h = blake3::Hasher::new();
    // Each field is length-prefixed, so moving text between fields changes the hash.
    let mut field = |s: &str| {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    field(&doc.text);
    field(doc.meta.title.as_deref().unwrap_or(""));
    field(
        &doc.meta
            .published
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    field(doc.meta.publisher.as_deref().unwrap_or(""));
    field(doc.meta.url.as_deref().unwrap_or(""));
    h.finalize().to_hex()[..32].to_string()
}

/// Events that ended more than this many days before their article was published are background
/// history ("In 2019, ...").
pub const BACKGROUND_MARGIN_DAYS: i64 = 30;

/// The last day of a period that starts on `first` with `precision`.
pub(crate) fn period_end(first: NaiveDate, precision: &str) -> NaiveDate {
    match precision {
        "year" => NaiveDate::from_ymd_opt(first.year(), 12, 31).unwrap_or(first),
        "month" => {
            let (y, m) = if first.month() == 12 {
                (first.year() + 1, 1)
            } else {
                (first.year(), first.month() + 1)
            };
            NaiveDate::from_ymd_opt(y, m, 1)
                .and_then(|d| d.pred_opt())
                .unwrap_or(first)
        }
        _ => first,
    }
}

/// A date as the store writes it (`YYYY-MM-DD`); `None` for none or another form.
pub(crate) fn parse_day(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// `d` as the store writes dates (`YYYY-MM-DD`).
pub(crate) fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Store {
    /// The key and content hash of every stored document, so a runner can skip unchanged
    /// documents before coding them.
    pub fn known_documents(&self) -> Result<HashMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_key, content_hash FROM documents")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.sql(e))?
            .collect::<rusqlite::Result<HashMap<String, String>>>()
            .map_err(|e| self.sql(e))?;
        Ok(rows)
    }

    /// Stores a batch of coded documents in one transaction, and reports what each one did.
    ///
    /// On any error nothing of the batch is kept, and everything committed before it is intact.
    /// Documents are written in order, so when a batch holds two documents with the same key the
    /// later one replaces the earlier (the runner keeps only the first of a key per ingest).
    pub fn write_batch(
        &mut self,
        batch: &[DocumentInput],
    ) -> Result<(BatchSummary, Vec<DocumentChange>)> {
        let path = self.path.clone();
        let rules = self.rules.clone();
        let err = |e: rusqlite::Error| StoreError::from_sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut summary = BatchSummary::default();
        let mut changes = Vec::with_capacity(batch.len());
        let mut touched: BTreeSet<i64> = BTreeSet::new();
        for input in batch {
            let change =
                write_document(&tx, &rules, input, &mut summary, &mut touched).map_err(err)?;
            changes.push(change);
        }
        cluster::refresh(&tx, &touched).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok((summary, changes))
    }
}

fn write_document(
    tx: &Transaction<'_>,
    rules: &cluster::ClusterRules,
    input: &DocumentInput,
    summary: &mut BatchSummary,
    touched: &mut BTreeSet<i64>,
) -> rusqlite::Result<DocumentChange> {
    let doc = &input.doc;
    let key = document_key(doc);
    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, content_hash FROM documents WHERE doc_key = ?1")?
        .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let source_id: Option<i64> = match doc.meta.publisher.as_deref().map(str::trim) {
        Some(p) if !p.is_empty() => {
            tx.prepare_cached("INSERT OR IGNORE INTO sources(name) VALUES (?1)")?
                .execute([p])?;
            Some(
                tx.prepare_cached("SELECT id FROM sources WHERE name = ?1")?
                    .query_row([p], |r| r.get(0))?,
            )
        }
        _ => None,
    };
    let published = doc.meta.published.map(|d| day(d.first_day()));
    let precision = doc
        .meta
        .published
        .map_or(DatePrecision::Unknown, |d| d.precision())
        .to_string();
    let authors = serde_json::to_string(&doc.meta.authors).unwrap_or_else(|_| "[]".into());
    let change = match existing {
        Some((_, ref hash)) if *hash == input.hash && !input.recode => {
            summary.unchanged += 1;
            return Ok(DocumentChange::Unchanged);
        }
        Some((id, _)) => {
            summary.events_removed += remove_layers(tx, id, touched)?;
            summary.replaced += 1;
            DocumentChange::Replaced
        }
        None => {
            summary.added += 1;
            DocumentChange::Added
        }
    };
    // One statement for a new document and a replaced one: the row keeps its id on replace.
    let document_id: i64 = tx
        .prepare_cached(
            "INSERT INTO documents(doc_key, doc_id, content_hash, source_id, url, title, \
             authors, published, published_precision, language, format, text, n_sentences, \
             ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) \
             ON CONFLICT(doc_key) DO UPDATE SET doc_id = excluded.doc_id, \
             content_hash = excluded.content_hash, source_id = excluded.source_id, \
             url = excluded.url, title = excluded.title, authors = excluded.authors, \
             published = excluded.published, published_precision = excluded.published_precision, \
             language = excluded.language, format = excluded.format, text = excluded.text, \
             n_sentences = excluded.n_sentences, ingested_at = excluded.ingested_at \
             RETURNING id",
        )?
        .query_row(
            params![
                key,
                doc.id.0,
                input.hash,
                source_id,
                doc.meta.url,
                doc.meta.title,
                authors,
                published,
                precision,
                doc.meta.language,
                doc.format.as_str(),
                doc.text,
                doc.sentences.len() as i64,
                now_utc()
            ],
            |r| r.get(0),
        )?;
    let published_day = parse_day(published.as_deref());
    let mut sentence_ids: HashMap<usize, i64> = HashMap::new();
    let mut mention_ids: HashMap<(u32, u32, String), i64> = HashMap::new();
    for ev in &input.events {
        let sentence_id = match sentence_ids.get(&ev.sentence_index) {
            Some(id) => *id,
            None => {
                tx.prepare_cached(
                    "INSERT INTO sentences(document_id, idx, text) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![
                    document_id,
                    ev.sentence_index as i64,
                    ev.sentence
                ])?;
                let id = tx.last_insert_rowid();
                sentence_ids.insert(ev.sentence_index, id);
                id
            }
        };
        let mut mention = |p: &Participant| -> rusqlite::Result<i64> {
            let k = (p.span[0], p.span[1], p.code.clone());
            if let Some(id) = mention_ids.get(&k) {
                return Ok(*id);
            }
            tx.prepare_cached(
                "INSERT INTO mentions(document_id, sentence_id, start_byte, end_byte, text, code, \
                 country, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                document_id,
                sentence_id,
                p.span[0],
                p.span[1],
                p.text,
                p.code,
                p.country,
                serde_json::to_string(&p.rule).unwrap_or_else(|_| "[]".into())
            ])?;
            let id = tx.last_insert_rowid();
            mention_ids.insert(k, id);
            Ok(id)
        };
        let source_mention = mention(&ev.source)?;
        let target_mention = ev.target.as_ref().map(&mut mention).transpose()?;
        let date = parse_day(ev.date.as_deref());
        let date_end = date.map(|d| period_end(d, &ev.date_precision));
        let background = matches!((date_end, published_day), (Some(end), Some(p))
            if end < p - Duration::days(BACKGROUND_MARGIN_DAYS));
        let attribution = ev
            .attribution
            .clone()
            .unwrap_or(redline_model::Attribution {
                speaker: None,
                speaker_code: None,
                channel: None,
                channel_code: None,
            });
        let inserted = tx.prepare_cached(
            "INSERT OR IGNORE INTO events(document_id, sentence_id, sentence_index, source_mention, \
             target_mention, source_code, source_country, target_code, target_country, cameo, \
             root, quad_class, goldstein, plover_event, plover_mode, date, date_end, \
             date_precision, published, background, polarity, modality, speaker, speaker_code, \
             channel, channel_code, rule, signals, pattern, trigger_start, trigger_end, reasons, \
             date_rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, \
             ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33)")?
            .execute(params![
                document_id,
                sentence_id,
                ev.sentence_index as i64,
                source_mention,
                target_mention,
                ev.source.code,
                ev.source.country,
                ev.target.as_ref().map(|t| t.code.as_str()),
                ev.target.as_ref().and_then(|t| t.country.as_deref()),
                ev.cameo,
                ev.root,
                ev.quad_class,
                f64::from(ev.goldstein),
                ev.plover.event,
                ev.plover.mode,
                ev.date,
                date_end.map(day),
                ev.date_precision,
                ev.published,
                background,
                ev.polarity.as_str(),
                ev.modality.as_str(),
                attribution.speaker,
                attribution.speaker_code,
                attribution.channel,
                attribution.channel_code,
                ev.rule,
                serde_json::to_string(&ev.signals).unwrap_or_else(|_| "[]".into()),
                ev.evidence.pattern,
                ev.evidence.trigger[0],
                ev.evidence.trigger[1],
                serde_json::to_string(&ev.evidence.reasons).unwrap_or_else(|_| "[]".into()),
                ev.evidence.date_rule,
            ],
        )?;
        if inserted == 0 {
            // The same report twice in one document (the coder found it through two paths):
            // stored once.
            continue;
        }
        let event_id = tx.last_insert_rowid();
        summary.events += 1;
        for signal in &ev.signals {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO event_signals(signal, event_id) VALUES (?1, ?2)",
            )?
            .execute(params![signal, event_id])?;
        }
        let joined = cluster::assign(
            tx,
            rules,
            &cluster::NewEvent {
                id: event_id,
                document_id,
                record: ev,
                date,
                date_end,
            },
        )?;
        if joined.merged {
            summary.merged += 1;
            // A founded cluster is counted right at its insert; a joined one is recounted.
            touched.insert(joined.cluster_id);
        } else {
            summary.clusters_created += 1;
        }
    }
    for claim in &input.claims {
        summary.claims += write_claim(tx, document_id, claim)?;
    }
    tx.prepare_cached("UPDATE documents SET claims_read = 1 WHERE id = ?1")?
        .execute([document_id])?;
    Ok(change)
}

/// The key claims about the same quantity share: the subjects' countries (else their codes),
/// sorted and joined with `+`; empty when the text names nobody.
pub fn subject_key(claim: &ClaimRecord) -> String {
    let mut keys: Vec<&str> = claim
        .subjects
        .iter()
        .map(|p| p.country.as_deref().unwrap_or(p.code.as_str()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.join("+")
}

/// A JSON column value. Records hold only strings, numbers and lists, so this cannot fail.
fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// Writes one claim; returns 1 when it was new in its document, 0 for a repeat.
fn write_claim(
    tx: &Transaction<'_>,
    document_id: i64,
    claim: &ClaimRecord,
) -> rusqlite::Result<usize> {
    let (speaker, speaker_code, channel, channel_code) = match &claim.attribution {
        Some(a) => (
            a.speaker.as_deref(),
            a.speaker_code.as_deref(),
            a.channel.as_deref(),
            a.channel_code.as_deref(),
        ),
        None => (None, None, None, None),
    };
    tx.prepare_cached(
        "INSERT OR IGNORE INTO claims(document_id, sentence_index, sentence, kind, measure, unit, \
         low, high, qualifier, number_text, start_byte, end_byte, subjects, subject_key, \
         location, location_code, date, date_precision, published, polarity, modality, speaker, \
         speaker_code, channel, channel_code, rule, reasons) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, \
         ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, \
         ?26, ?27)",
    )?
    .execute(params![
        document_id,
        claim.sentence_index as i64,
        claim.sentence,
        claim.kind.as_str(),
        claim.measure,
        claim.unit,
        claim.low,
        claim.high,
        claim.qualifier.as_str(),
        claim.number_text,
        claim.span[0],
        claim.span[1],
        to_json(&claim.subjects),
        subject_key(claim),
        claim.location.as_ref().map(to_json),
        claim.location.as_ref().map(|l| l.code.as_str()),
        claim.date,
        claim.date_precision,
        claim.published,
        claim.polarity.as_str(),
        claim.modality.as_str(),
        speaker,
        speaker_code,
        channel,
        channel_code,
        claim.rule,
        to_json(&claim.reasons),
    ])
}

/// Deletes a document's events, mentions and sentences (in that order, for the foreign keys),
/// and returns how many events went. Their clusters are marked for recounting.
fn remove_layers(
    tx: &Transaction<'_>,
    document_id: i64,
    touched: &mut BTreeSet<i64>,
) -> rusqlite::Result<usize> {
    {
        let mut stmt = tx.prepare(
            "SELECT DISTINCT cluster_id FROM events WHERE document_id = ?1 AND cluster_id IS NOT NULL",
        )?;
        for id in stmt.query_map([document_id], |r| r.get::<_, i64>(0))? {
            touched.insert(id?);
        }
    }
    // A cluster whose first event goes must not point at a deleted row until it is recounted.
    tx.prepare_cached(
        "UPDATE clusters SET first_event_id = NULL WHERE first_event_id IN \
         (SELECT id FROM events WHERE document_id = ?1)",
    )?
    .execute([document_id])?;
    tx.prepare_cached(
        "DELETE FROM event_signals WHERE event_id IN (SELECT id FROM events WHERE document_id = ?1)",
    )?
    .execute([document_id])?;
    let removed = tx
        .prepare_cached("DELETE FROM events WHERE document_id = ?1")?
        .execute([document_id])?;
    tx.prepare_cached("DELETE FROM mentions WHERE document_id = ?1")?
        .execute([document_id])?;
    tx.prepare_cached("DELETE FROM sentences WHERE document_id = ?1")?
        .execute([document_id])?;
    tx.prepare_cached("DELETE FROM claims WHERE document_id = ?1")?
        .execute([document_id])?;
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_end_on_their_last_day() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(period_end(d("2024-02-01"), "month"), d("2024-02-29"));
        assert_eq!(period_end(d("2023-12-01"), "month"), d("2023-12-31"));
        assert_eq!(period_end(d("2019-01-01"), "year"), d("2019-12-31"));
        assert_eq!(period_end(d("2023-05-17"), "day"), d("2023-05-17"));
    }
}
