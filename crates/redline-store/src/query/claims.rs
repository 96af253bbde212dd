//! Reading claims back, filtered.

use chrono::NaiveDate;
use redline_model::{Attribution, ClaimKind, ClaimRecord, Participant};
use rusqlite::types::Value;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::Store;
use crate::error::{Result, StoreError};

/// Which claims to read. The default reads every claim, negated and hypothetical ones included:
/// the analysis decides what to compare.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Only this kind.
    pub kind: Option<ClaimKind>,
    /// Claims about this country or actor code (one of the subjects).
    pub subject: Option<String>,
    /// Claims dated on or after this day.
    pub from: Option<NaiveDate>,
    /// Claims dated on or before this day.
    pub to: Option<NaiveDate>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// One stored claim with its document's publisher, title and url.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredClaim {
    /// The claim's row id.
    pub id: i64,
    /// The row id of its document ([`Store::document`]).
    pub document_id: i64,
    /// The publisher of its document.
    pub publisher: Option<String>,
    /// The title of its document.
    pub title: Option<String>,
    /// The url of its document.
    pub url: Option<String>,
    /// The subjects' key (`RUS`, `RUS+UKR`, empty): claims about one quantity share it.
    pub subject_key: String,
    /// The claim as the coder read it.
    #[serde(flatten)]
    pub record: ClaimRecord,
}

const COLUMNS: &str = "c.id, s.name, d.title, d.url, c.subject_key, d.doc_id, c.sentence_index, \
     c.sentence, c.date, c.date_precision, c.published, c.kind, c.measure, c.unit, c.low, c.high, \
     c.qualifier, c.number_text, c.start_byte, c.end_byte, c.subjects, c.location, c.speaker, \
     c.speaker_code, c.channel, c.channel_code, c.polarity, c.modality, c.rule, c.reasons, \
     c.document_id";

impl Store {
    /// Calls `each` for every claim matching `filter`, in date order (undated last), and returns
    /// how many there were.
    pub fn claims<E>(
        &self,
        filter: &ClaimFilter,
        mut each: impl FnMut(StoredClaim) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E>
    where
        E: From<StoreError>,
    {
        if !self.has_claims()? {
            return Ok(0);
        }
        let mut cond = vec!["1 = 1".to_string()];
        let mut params: Vec<Value> = Vec::new();
        if let Some(k) = filter.kind {
            params.push(Value::Text(k.as_str().into()));
            cond.push(format!("c.kind = ?{}", params.len()));
        }
        if let Some(s) = &filter.subject {
            params.push(Value::Text(format!("%+{}+%", s.to_uppercase())));
            cond.push(format!(
                "('+' || c.subject_key || '+' LIKE ?{n} OR c.subjects LIKE ?{m})",
                n = params.len(),
                m = params.len() + 1
            ));
            params.push(Value::Text(format!("%\"code\":\"{}%", s.to_uppercase())));
        }
        if let Some(d) = filter.from {
            params.push(Value::Text(d.format("%Y-%m-%d").to_string()));
            cond.push(format!("c.date >= ?{}", params.len()));
        }
        if let Some(d) = filter.to {
            params.push(Value::Text(d.format("%Y-%m-%d").to_string()));
            cond.push(format!("c.date <= ?{}", params.len()));
        }
        let limit = filter
            .limit
            .map_or(String::new(), |l| format!(" LIMIT {l}"));
        let sql = format!(
            "SELECT {COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id \
             LEFT JOIN sources s ON s.id = d.source_id WHERE {} \
             ORDER BY c.date IS NULL, c.date, c.id{limit}",
            cond.join(" AND ")
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.sql(e))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| self.sql(e))? {
            let claim = self.read_claim(row)?;
            each(claim)?;
            n += 1;
        }
        Ok(n)
    }

    /// How many documents were stored before claims were read (by schema version 1): their
    /// claims appear after `redline ingest --recode`.
    pub fn documents_without_claims(&self) -> Result<u64> {
        if !self.has_claims()? {
            return Ok(self.counts()?.documents as u64);
        }
        self.conn
            .query_row(
                "SELECT count(*) FROM documents WHERE claims_read = 0",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(|e| self.sql(e))
    }

    /// Whether the store has claims: false only for a store of schema version 1 read where it
    /// could not be upgraded (a read-only location).
    pub fn has_claims(&self) -> Result<bool> {
        Ok(self.schema_version()? >= 2)
    }

    fn read_claim(&self, row: &rusqlite::Row<'_>) -> Result<StoredClaim> {
        let id: i64 = row.get(0).map_err(|e| self.sql(e))?;
        let text = |i: usize| -> Result<String> { row.get(i).map_err(|e| self.sql(e)) };
        let opt = |i: usize| -> Result<Option<String>> { row.get(i).map_err(|e| self.sql(e)) };
        // Enumerations and JSON columns are written by this crate; a value that does not read
        // back is reported with its row and column, never guessed.
        fn decode<T: DeserializeOwned>(
            store: &Store,
            id: i64,
            field: &'static str,
            value: String,
            json: bool,
        ) -> Result<T> {
            let read = if json {
                serde_json::from_str(&value)
            } else {
                serde_json::from_value(serde_json::Value::String(value.clone()))
            };
            read.map_err(|_| StoreError::BadValue {
                path: store.path.clone(),
                id,
                field,
                value,
            })
        }
        let location: Option<Participant> = match opt(21)? {
            Some(v) => Some(decode(self, id, "location", v, true)?),
            None => None,
        };
        let (speaker, speaker_code, channel, channel_code) =
            (opt(22)?, opt(23)?, opt(24)?, opt(25)?);
        let attribution = (speaker.is_some() || channel.is_some()).then_some(Attribution {
            speaker,
            speaker_code,
            channel,
            channel_code,
        });
        let start: u32 = row.get(18).map_err(|e| self.sql(e))?;
        let end: u32 = row.get(19).map_err(|e| self.sql(e))?;
        let sentence_index: i64 = row.get(6).map_err(|e| self.sql(e))?;
        Ok(StoredClaim {
            id,
            document_id: row.get(30).map_err(|e| self.sql(e))?,
            publisher: opt(1)?,
            title: opt(2)?,
            url: opt(3)?,
            subject_key: text(4)?,
            record: ClaimRecord {
                doc_id: text(5)?,
                sentence_index: sentence_index as usize,
                sentence: text(7)?,
                date: opt(8)?,
                date_precision: text(9)?,
                published: opt(10)?,
                kind: decode(self, id, "kind", text(11)?, false)?,
                measure: text(12)?,
                unit: text(13)?,
                low: row.get(14).map_err(|e| self.sql(e))?,
                high: row.get(15).map_err(|e| self.sql(e))?,
                qualifier: decode(self, id, "qualifier", text(16)?, false)?,
                number_text: text(17)?,
                span: [start, end],
                subjects: decode(self, id, "subjects", text(20)?, true)?,
                location,
                attribution,
                polarity: decode(self, id, "polarity", text(26)?, false)?,
                modality: decode(self, id, "modality", text(27)?, false)?,
                rule: text(28)?,
                reasons: decode(self, id, "reasons", text(29)?, true)?,
            },
        })
    }
}
