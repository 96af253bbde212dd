//! Reading documents back: one by row id, or a page of them in row id order.

use serde::Serialize;

use super::json_list;
use crate::Store;
use crate::error::Result;

/// One stored document: its listing ([`DocumentSummary`]: metadata and how many events and
/// claims it has) and its cleaned text. The summary's fields read through it
/// (`document.title`), and serialise beside `text` as one object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredDocument {
    /// Everything but the text, as [`Store::documents`] lists it.
    #[serde(flatten)]
    pub summary: DocumentSummary,
    /// Cleaned body text: every span of its events indexes into it.
    pub text: String,
}

impl std::ops::Deref for StoredDocument {
    type Target = DocumentSummary;
    fn deref(&self) -> &DocumentSummary {
        &self.summary
    }
}

/// A stored document without its text, as [`Store::documents`] lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentSummary {
    /// The document's row id ([`StoredEvent::document_id`](crate::StoredEvent::document_id)).
    pub id: i64,
    /// Its identity across ingests: the url when it has one, else its id.
    pub doc_key: String,
    /// The id it was read with (the JSON Lines `id` or the file path).
    pub doc_id: String,
    /// Canonical address.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Authors in byline order.
    pub authors: Vec<String>,
    /// The outlet that published it.
    pub publisher: Option<String>,
    /// Publication date (`YYYY-MM-DD`, the first day of its period).
    pub published: Option<String>,
    /// Precision of `published` (`day`, `month`, `year`, `unknown`...).
    pub published_precision: String,
    /// ISO 639-1 language code, when the source declared one.
    pub language: Option<String>,
    /// Input format it was read from (`jsonl`, `html`...).
    pub format: String,
    /// Number of sentences in the text.
    pub n_sentences: i64,
    /// When it was stored (UTC, RFC 3339).
    pub ingested_at: String,
    /// Number of its event reports (negated, unrealised and background ones included).
    pub events: i64,
    /// Number of its claims (0 in a store of schema version 1 read where it could not be
    /// upgraded).
    pub claims: i64,
}

impl StoredDocument {
    /// The document without its text.
    pub fn summary(&self) -> DocumentSummary {
        self.summary.clone()
    }
}

/// The columns of a [`DocumentSummary`], in the order [`read_summary`] reads them; `{claims}`
/// is the claims count expression.
fn summary_columns(claims: &str) -> String {
    format!(
        "d.id, d.doc_key, d.doc_id, d.url, d.title, d.authors, s.name, d.published, \
         d.published_precision, d.language, d.format, d.n_sentences, d.ingested_at, \
         (SELECT count(*) FROM events e WHERE e.document_id = d.id), {claims}"
    )
}

/// Reads the columns of [`summary_columns`] (the first 15 of the row).
fn read_summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentSummary> {
    Ok(DocumentSummary {
        id: r.get(0)?,
        doc_key: r.get(1)?,
        doc_id: r.get(2)?,
        url: r.get(3)?,
        title: r.get(4)?,
        // Written by this crate as a JSON array of strings.
        authors: json_list(r.get(5)?),
        publisher: r.get(6)?,
        published: r.get(7)?,
        published_precision: r.get(8)?,
        language: r.get(9)?,
        format: r.get(10)?,
        n_sentences: r.get(11)?,
        ingested_at: r.get(12)?,
        events: r.get(13)?,
        claims: r.get(14)?,
    })
}

impl Store {
    /// The document with row id `id` (as in [`StoredEvent::document_id`](crate::StoredEvent::document_id)),
    /// or `None` when there is none.
    pub fn document(&self, id: i64) -> Result<Option<StoredDocument>> {
        let sql = format!(
            "SELECT {}, d.text FROM documents d LEFT JOIN sources s ON s.id = d.source_id \
             WHERE d.id = ?1",
            summary_columns(&self.claims_count()?)
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([id]).map_err(|e| self.sql(e))?;
        let Some(r) = rows.next().map_err(|e| self.sql(e))? else {
            return Ok(None);
        };
        let summary = read_summary(r).map_err(|e| self.sql(e))?;
        let text: String = r.get(15).map_err(|e| self.sql(e))?;
        Ok(Some(StoredDocument { summary, text }))
    }

    /// At most `limit` documents in row id order, starting after row id `after` (from the first
    /// when `None`): keyset pagination, so pass the `id` of the last document of a page to get
    /// the next one.
    pub fn documents(&self, after: Option<i64>, limit: usize) -> Result<Vec<DocumentSummary>> {
        let after = after.unwrap_or(i64::MIN);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let sql = format!(
            "SELECT {} FROM documents d LEFT JOIN sources s ON s.id = d.source_id \
             WHERE d.id > ?1 ORDER BY d.id LIMIT ?2",
            summary_columns(&self.claims_count()?)
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.sql(e))?;
        stmt.query_map(rusqlite::params![after, limit], read_summary)
            .map_err(|e| self.sql(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.sql(e))
    }

    /// The SQL expression counting the claims of document `d`: 0 where the store has no claims
    /// table (schema version 1 on a read-only location).
    fn claims_count(&self) -> Result<String> {
        Ok(if self.has_claims()? {
            "(SELECT count(*) FROM claims c WHERE c.document_id = d.id)".into()
        } else {
            "0".into()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ClusterRules;

    #[test]
    fn issue_6_a_version_1_store_read_as_it_is_lists_documents_without_claims() {
        // What a reader of the frozen version 1 file on a read-only location sees: no claims
        // table (`has_claims` is false), so no claims to count.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        std::fs::copy(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1.db"),
            &path,
        )
        .unwrap();
        let store = Store {
            conn: rusqlite::Connection::open(&path).unwrap(),
            path,
            _lock: None,
            rules: ClusterRules::default(),
        };
        assert!(!store.has_claims().unwrap());
        let docs = store.documents(None, 10).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs.iter().map(|d| d.events).sum::<i64>(), 3);
        assert!(docs.iter().all(|d| d.claims == 0 && d.publisher.is_some()));
        let first = store.document(docs[0].id).unwrap().unwrap();
        assert_eq!(first.summary(), docs[0]);
        assert!(!first.text.is_empty());
    }
}
