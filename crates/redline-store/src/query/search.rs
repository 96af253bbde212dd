//! Full-text search in the order the FTS5 index keeps: the most recently stored evidence
//! sentences first. The index walks its matches by row id and stops after a page, so a word
//! found in a hundred thousand sentences costs what a rare one costs; ordering the matches by
//! event date instead would read and sort every one of them.

use super::{EVENT_COLUMNS, EVENT_FROM, finish, read_event};
use crate::error::Result;
use crate::{EventFilter, Store, StoredEvent};

/// A page of search results.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchPage {
    /// The asserted, actual events of the page's matching sentences, newest sentence first,
    /// then in event id order.
    pub events: Vec<StoredEvent>,
    /// Pass as `before` for the next page; `None` on the last.
    pub next: Option<i64>,
}

impl Store {
    /// The events whose evidence sentence matches `query` (FTS5 syntax), reading `sentences`
    /// matching sentences, the most recently stored first, from below the sentence row id
    /// `before` (from the newest when `None`). A sentence whose events are all negated or
    /// unrealised adds none, so a page can hold fewer events than sentences.
    pub fn search(&self, query: &str, before: Option<i64>, sentences: usize) -> Result<SearchPage> {
        let sentences = sentences.max(1);
        self.check_text_query(&EventFilter {
            text: Some(query.to_string()),
            ..Default::default()
        })?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1 \
                 AND (?2 IS NULL OR rowid < ?2) ORDER BY rowid DESC LIMIT ?3",
            )
            .map_err(|e| self.sql(e))?;
        // One more than asked: whether a next page exists, without counting.
        let ids: Vec<i64> = stmt
            .query_map(
                rusqlite::params![query, before, (sentences + 1) as i64],
                |r| r.get(0),
            )
            .map_err(|e| self.sql(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.sql(e))?;
        let next = (ids.len() > sentences).then(|| ids[sentences - 1]);
        let page = &ids[..ids.len().min(sentences)];
        let mut events = Vec::new();
        if !page.is_empty() {
            let marks = vec!["?"; page.len()].join(", ");
            let sql = format!(
                "SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE e.sentence_id IN ({marks}) \
                 AND e.polarity = 'asserted' AND e.modality = 'actual' \
                 ORDER BY e.sentence_id DESC, e.id"
            );
            let mut stmt = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
            let rows = stmt
                .query_map(rusqlite::params_from_iter(page), read_event)
                .map_err(|e| self.sql(e))?;
            for row in rows {
                events.push(finish(self, row.map_err(|e| self.sql(e))?)?);
            }
        }
        Ok(SearchPage { events, next })
    }
}
