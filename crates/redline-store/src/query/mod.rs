//! Reading events, clusters, claims and documents back, filtered.
//!
//! Filters become one parameterised SQL statement over indexed columns (dates, dyads, codes,
//! clusters) and the FTS5 index of evidence sentences; rows are streamed to a callback, so a
//! query over a million events never holds them all.

use chrono::NaiveDate;
use redline_model::{Attribution, EventRecord, Evidence, Modality, Participant, Plover, Polarity};
use rusqlite::types::Value;
use serde::Serialize;

use crate::Store;
use crate::error::{Result, StoreError};

mod by_id;
mod claims;
mod cursor;
mod documents;
mod facts;
mod search;
mod volume;
pub use claims::{ClaimFilter, StoredClaim};
pub use cursor::EventCursor;
pub use documents::{DocumentSummary, StoredDocument};
pub use facts::ClusterFact;
pub use search::SearchPage;
pub use volume::{DatedPairCount, DayReports};

/// What to select. Every field narrows; the default selects every asserted, actual event.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Actors on either side: a country (`RUS` matches `RUS`, `RUSMIL`, `RUSGOV`...) or a code
    /// prefix (`USAGOV`, `IGONAT`). Several are ORed.
    pub actors: Vec<String>,
    /// The source side, same matching as `actors`.
    pub source: Option<String>,
    /// The target side, same matching as `actors`.
    pub target: Option<String>,
    /// CAMEO code prefixes (`19` is a root, `190` a base code, `0832` a code). Several are ORed.
    pub cameo: Vec<String>,
    /// QuadClasses (1-4). Several are ORed.
    pub quad_class: Vec<u8>,
    /// Events whose period ends on or after this day.
    pub from: Option<NaiveDate>,
    /// Events whose period starts on or before this day.
    pub to: Option<NaiveDate>,
    /// Publisher name (case-insensitive, exact).
    pub publisher: Option<String>,
    /// FTS5 query over the evidence sentences.
    pub text: Option<String>,
    /// Escalation signal (`strike_authorization`).
    pub signal: Option<String>,
    /// Also negated events ("did not send").
    pub include_negated: bool,
    /// Also future, hypothetical and conditional events.
    pub include_unrealised: bool,
    /// Leave out background history (events that ended more than the background margin before
    /// their article was published).
    pub exclude_background: bool,
    /// Only events of this document (its `documents` row id, [`StoredEvent::document_id`]).
    pub document: Option<i64>,
    /// Only events strictly after this position in the order [`Store::events`] returns them
    /// (dated events by date and id, then undated ones by id): pass the
    /// [`StoredEvent::cursor`] of the last event of a page to get the next page.
    /// [`Store::clusters`] reads it as a position in its own order ([`StoredCluster::cursor`]).
    pub after: Option<EventCursor>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// One stored event: the record `redline code` printed, and what the store adds to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    /// The event's row id (stable for the life of its document's version).
    pub id: i64,
    /// The row id of its article in `documents` ([`Store::document`]); a document keeps its row
    /// id when a changed version replaces it.
    pub document_id: i64,
    /// The cluster (real-world event) it belongs to.
    pub cluster_id: Option<i64>,
    /// Why it joined the cluster (or founded it).
    pub cluster_reason: Option<String>,
    /// True when the event ended well before its article was published (history recalled as
    /// background, dated to its own time).
    pub background: bool,
    /// Last day of the event's period.
    pub date_end: Option<String>,
    /// The article's publisher.
    pub publisher: Option<String>,
    /// The article's address.
    pub url: Option<String>,
    /// The article's headline.
    pub title: Option<String>,
    /// When the article was stored (UTC, RFC 3339).
    pub ingested_at: String,
    /// Length of the article's cleaned text in bytes (spans index into it).
    pub doc_bytes: i64,
    /// When the first report of the event's cluster was stored (UTC, RFC 3339): GDELT's
    /// DATEADDED of the real-world event.
    pub cluster_added: Option<String>,
    /// The coded event.
    #[serde(flatten)]
    pub record: EventRecord,
}

/// One real-world event: the reports merged into one cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredCluster {
    /// The cluster's row id.
    pub id: i64,
    /// Source actor without roles (`RUS` for `RUSMIL`).
    pub source_base: String,
    /// Target actor without roles; empty when the events have no target.
    pub target_base: String,
    /// The CAMEO code reported most often among the members.
    pub cameo: String,
    /// Its root.
    pub root: String,
    /// `asserted` or `negated`.
    pub polarity: String,
    /// `actual`, `future`, `hypothetical` or `conditional`.
    pub modality: String,
    /// First day of the members' dates.
    pub date_start: Option<String>,
    /// Last day of the members' dates.
    pub date_end: Option<String>,
    /// Precision of the dates.
    pub date_precision: String,
    /// Earliest publication date among the members' articles.
    pub first_report: Option<String>,
    /// Number of reports (event records).
    pub n_mentions: i64,
    /// Number of distinct articles.
    pub n_articles: i64,
    /// Number of distinct publishers (an article without a publisher counts as its own).
    pub n_sources: i64,
    /// The first report: the representative event.
    pub first: StoredEvent,
}

impl StoredEvent {
    /// This event's position in the order of [`Store::events`], for [`EventFilter::after`].
    pub fn cursor(&self) -> EventCursor {
        EventCursor {
            date: self.record.date.clone(),
            id: self.id,
        }
    }
}

impl StoredCluster {
    /// This cluster's position in the order of [`Store::clusters`], for [`EventFilter::after`].
    pub fn cursor(&self) -> EventCursor {
        EventCursor {
            date: self.date_start.clone(),
            id: self.id,
        }
    }

    /// The first day of the members' dates, when they have one.
    pub fn start_date(&self) -> Option<NaiveDate> {
        self.date_start
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    }
}

/// A directed pair of actors (without roles) and how many real-world events it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DyadCount {
    /// Source actor without roles (`RUS` for `RUSMIL`).
    pub source: String,
    /// Target actor without roles.
    pub target: String,
    /// Real-world events (clusters).
    pub clusters: i64,
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StoreCounts {
    /// Documents.
    pub documents: i64,
    /// Evidence sentences.
    pub sentences: i64,
    /// Actor mentions in events.
    pub mentions: i64,
    /// Event reports.
    pub events: i64,
    /// Real-world events (clusters).
    pub clusters: i64,
    /// Publishers.
    pub sources: i64,
    /// Claims.
    pub claims: i64,
}

/// The columns every event query selects, in the order [`read_event`] reads them.
const EVENT_COLUMNS: &str = "e.id, e.cluster_id, e.cluster_reason, e.background, e.date_end, \
    s.name, d.url, d.title, d.ingested_at, d.doc_id, e.sentence_index, se.text, e.date, \
    e.date_precision, e.published, \
    ms.code, ms.country, ms.text, ms.start_byte, ms.end_byte, ms.rule, \
    mt.code, mt.country, mt.text, mt.start_byte, mt.end_byte, mt.rule, \
    e.cameo, e.root, e.quad_class, e.goldstein, e.plover_event, e.plover_mode, \
    e.polarity, e.modality, e.speaker, e.speaker_code, e.channel, e.channel_code, \
    e.rule, e.signals, e.pattern, e.trigger_start, e.trigger_end, e.reasons, e.date_rule, \
    length(CAST(d.text AS BLOB)), fd.ingested_at, e.document_id";

const EVENT_FROM: &str = "FROM events e \
    JOIN documents d ON d.id = e.document_id \
    LEFT JOIN sources s ON s.id = d.source_id \
    JOIN sentences se ON se.id = e.sentence_id \
    JOIN mentions ms ON ms.id = e.source_mention \
    LEFT JOIN mentions mt ON mt.id = e.target_mention \
    LEFT JOIN clusters c ON c.id = e.cluster_id \
    LEFT JOIN events fe ON fe.id = c.first_event_id \
    LEFT JOIN documents fd ON fd.id = fe.document_id";

/// The columns every cluster query selects (from `clusters c`), in the order
/// [`Store::read_cluster`] reads them.
const CLUSTER_COLUMNS: &str = "c.id, c.source_base, c.target_base, c.cameo, c.root, \
    c.polarity, c.modality, c.date_start, c.date_end, c.date_precision, c.first_report, \
    c.n_mentions, c.n_articles, c.n_sources, c.first_event_id";

/// The statement of one event by row id (`?1`), read with [`read_event`].
fn event_by_id_sql() -> String {
    format!("SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE e.id = ?1")
}

/// `[start, end)` of codes beginning with `prefix`, for an index range scan.
fn prefix_range(prefix: &str) -> (String, String) {
    let mut upper = prefix.to_string();
    // Codes are ASCII upper-case letters and digits, so appending a byte above them all bounds
    // every code that starts with the prefix.
    upper.push('\u{7f}');
    (prefix.to_string(), upper)
}

/// Appends the SQL of one actor side (`source` or `target`).
fn side_condition(side: &str, actor: &str, params: &mut Vec<Value>) -> String {
    let actor = actor.trim().to_ascii_uppercase();
    let is_country = actor.len() == 3
        && redline_model::ActorCode::try_from(actor.as_str())
            .ok()
            .is_some_and(|c| c.country().is_some());
    if is_country {
        // Every code of a country carries it in `*_country` (RUS, RUSGOV, RUSMIL), so one
        // equality on an indexed column covers them all.
        params.push(Value::Text(actor));
        return format!("e.{side}_country = ?{}", params.len());
    }
    let (lo, hi) = prefix_range(&actor);
    params.push(Value::Text(lo));
    params.push(Value::Text(hi));
    let n = params.len();
    format!("(e.{side}_code >= ?{} AND e.{side}_code < ?{})", n - 1, n)
}

/// The WHERE clause and its parameters.
fn where_clause(f: &EventFilter) -> (String, Vec<Value>) {
    let mut conds: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    filter_conditions(f, &mut conds, &mut params);
    (join_conditions(&conds), params)
}

/// `WHERE` and the conditions ANDed, or nothing for none.
fn join_conditions(conds: &[String]) -> String {
    if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    }
}

/// Appends the conditions of every field of `f` but `after` and `limit`, numbering their
/// parameters after those already in `params`.
fn filter_conditions(f: &EventFilter, conds: &mut Vec<String>, params: &mut Vec<Value>) {
    if !f.include_negated {
        conds.push("e.polarity = 'asserted'".into());
    }
    if !f.include_unrealised {
        conds.push("e.modality = 'actual'".into());
    }
    if f.exclude_background {
        conds.push("e.background = 0".into());
    }
    if !f.actors.is_empty() {
        let any: Vec<String> = f
            .actors
            .iter()
            .flat_map(|a| {
                [
                    side_condition("source", a, params),
                    side_condition("target", a, params),
                ]
            })
            .collect();
        conds.push(format!("({})", any.join(" OR ")));
    }
    if let Some(a) = &f.source {
        conds.push(side_condition("source", a, params));
    }
    if let Some(a) = &f.target {
        conds.push(side_condition("target", a, params));
    }
    if !f.cameo.is_empty() {
        let any: Vec<String> = f
            .cameo
            .iter()
            .map(|c| {
                let (lo, hi) = prefix_range(c.trim());
                params.push(Value::Text(lo));
                params.push(Value::Text(hi));
                format!(
                    "(e.cameo >= ?{} AND e.cameo < ?{})",
                    params.len() - 1,
                    params.len()
                )
            })
            .collect();
        conds.push(format!("({})", any.join(" OR ")));
    }
    if !f.quad_class.is_empty() {
        let list: Vec<String> = f.quad_class.iter().map(|q| q.to_string()).collect();
        conds.push(format!("e.quad_class IN ({})", list.join(", ")));
    }
    if let Some(d) = f.from {
        params.push(Value::Text(d.format("%Y-%m-%d").to_string()));
        conds.push(format!("e.date_end >= ?{}", params.len()));
        // A period is at most a year long: this redundant bound on the indexed start date
        // keeps the scan to the range asked for.
        params.push(Value::Text(
            (d - chrono::Duration::days(366))
                .format("%Y-%m-%d")
                .to_string(),
        ));
        conds.push(format!("e.date >= ?{}", params.len()));
    }
    if let Some(d) = f.to {
        params.push(Value::Text(d.format("%Y-%m-%d").to_string()));
        conds.push(format!("e.date <= ?{}", params.len()));
    }
    if let Some(p) = &f.publisher {
        params.push(Value::Text(p.trim().to_string()));
        conds.push(format!(
            "e.document_id IN (SELECT id FROM documents WHERE source_id IN \
             (SELECT id FROM sources WHERE name = ?{} COLLATE NOCASE))",
            params.len()
        ));
    }
    if let Some(t) = &f.text {
        params.push(Value::Text(t.clone()));
        conds.push(format!(
            "e.sentence_id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?{})",
            params.len()
        ));
    }
    if let Some(sig) = &f.signal {
        params.push(Value::Text(sig.trim().to_string()));
        conds.push(format!(
            "e.id IN (SELECT event_id FROM event_signals WHERE signal = ?{})",
            params.len()
        ));
    }
    if let Some(doc) = f.document {
        params.push(Value::Integer(doc));
        conds.push(format!("e.document_id = ?{}", params.len()));
    }
}

/// The two passes of [`Store::events`]: dated events, then undated ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Dated,
    Undated,
}

/// The conditions and order of `pass` over a listing whose date and id columns are
/// `(date, id)`, ordered like events (dated rows by `(date, id)`, then undated rows by `id`),
/// keeping only the rows strictly after `after`; the cursor's values are appended to `params`.
/// `None` when the cursor is past every row of the pass.
fn pass_conditions(
    after: Option<&EventCursor>,
    pass: Pass,
    (date, id): (&str, &str),
    params: &mut Vec<Value>,
) -> Option<(Vec<String>, String)> {
    let (mut conds, order) = match pass {
        Pass::Dated => (vec![format!("{date} IS NOT NULL")], format!("{date}, {id}")),
        Pass::Undated => (vec![format!("{date} IS NULL")], id.to_string()),
    };
    match (after, pass) {
        (None, _) | (Some(EventCursor { date: Some(_), .. }), Pass::Undated) => {}
        // After a dated row: the later dated rows, then every undated one. SQLite starts its
        // range scan of a `(date)` index at `?d` for this OR, so a page deep in the order costs
        // what the first page costs (checked with the plans and step counts in `tests` below).
        (
            Some(EventCursor {
                date: Some(d),
                id: at,
            }),
            Pass::Dated,
        ) => {
            params.push(Value::Text(d.clone()));
            params.push(Value::Integer(*at));
            let (d, n) = (params.len() - 1, params.len());
            conds.push(format!(
                "({date} > ?{d} OR ({date} = ?{d} AND {id} > ?{n}))"
            ));
        }
        // After an undated row: only the undated rows after it.
        (Some(EventCursor { date: None, .. }), Pass::Dated) => return None,
        (Some(EventCursor { date: None, id: at }), Pass::Undated) => {
            params.push(Value::Integer(*at));
            conds.push(format!("{id} > ?{}", params.len()));
        }
    }
    Some((conds, order))
}

/// The statement of one pass of [`Store::events`] and its parameters; `None` when the cursor
/// is past every event of the pass. `limit` is what is left of the filter's limit.
fn event_pass_sql(
    f: &EventFilter,
    pass: Pass,
    limit: Option<usize>,
) -> Option<(String, Vec<Value>)> {
    let mut params = Vec::new();
    let (mut conds, order) =
        pass_conditions(f.after.as_ref(), pass, ("e.date", "e.id"), &mut params)?;
    filter_conditions(f, &mut conds, &mut params);
    let cond = join_conditions(&conds);
    let sql = match limit {
        // A page: choose its events from the events table alone (the conditions read only
        // `e`), then join the few chosen to their documents, sentences and mentions. Joining
        // before sorting would join every match: a common word in a million sentences costs a
        // second that way and a quarter of one this way.
        Some(n) => format!(
            "SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE e.id IN \
             (SELECT e.id FROM events e {cond} ORDER BY {order} LIMIT {n}) ORDER BY {order}"
        ),
        // Everything: one streaming pass.
        None => format!("SELECT {EVENT_COLUMNS} {EVENT_FROM} {cond} ORDER BY {order}"),
    };
    Some((sql, params))
}

/// The statement of one pass of [`Store::clusters`] and its parameters; `None` when the cursor
/// is past every cluster of the pass.
fn cluster_pass_sql(
    f: &EventFilter,
    pass: Pass,
    limit: Option<usize>,
) -> Option<(String, Vec<Value>)> {
    let mut params = Vec::new();
    let (mut conds, order) = pass_conditions(
        f.after.as_ref(),
        pass,
        ("c.date_start", "c.id"),
        &mut params,
    )?;
    let mut event_conds = Vec::new();
    filter_conditions(f, &mut event_conds, &mut params);
    if selective(f) {
        // Few matching reports: collect their clusters, then sort those.
        conds.push(format!(
            "c.id IN (SELECT e.cluster_id FROM events e {})",
            join_conditions(&event_conds)
        ));
    } else {
        // Most clusters match: walk the clusters in order (`clusters_date`) and check each for
        // a matching report, stopping at the page's end, rather than collecting a million ids
        // for every page.
        event_conds.insert(0, "e.cluster_id = c.id".to_string());
        conds.push(format!(
            "EXISTS (SELECT 1 FROM events e WHERE {})",
            event_conds.join(" AND ")
        ));
    }
    let limit = limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
    Some((
        format!(
            "SELECT {CLUSTER_COLUMNS} FROM clusters c {} ORDER BY {order}{limit}",
            join_conditions(&conds)
        ),
        params,
    ))
}

/// Whether `f` narrows reports by what they say (actors, codes, dates, publisher, words,
/// signals, document) rather than only by polarity, modality and background, which most
/// reports pass.
fn selective(f: &EventFilter) -> bool {
    !f.actors.is_empty()
        || f.source.is_some()
        || f.target.is_some()
        || !f.cameo.is_empty()
        || f.from.is_some()
        || f.to.is_some()
        || f.publisher.is_some()
        || f.text.is_some()
        || f.signal.is_some()
        || f.document.is_some()
}

/// The QuadClass of each CAMEO root, read once per root from one of its events (through the
/// root index): a root has one class, so counts grouped by root get their class this way.
#[derive(Default)]
struct RootClasses(std::collections::HashMap<String, Option<u8>>);

impl RootClasses {
    /// `root`'s class; `None` when no event has the root.
    fn of(&mut self, store: &Store, root: &str) -> Result<Option<u8>> {
        use rusqlite::OptionalExtension as _;
        if let Some(c) = self.0.get(root) {
            return Ok(*c);
        }
        let c = store
            .conn
            .query_row(
                "SELECT quad_class FROM events WHERE root = ?1 LIMIT 1",
                [root],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| store.sql(e))?;
        self.0.insert(root.to_string(), c);
        Ok(c)
    }
}

fn json_list(s: Option<String>) -> Vec<String> {
    s.and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// Reads one row selected with [`EVENT_COLUMNS`].
fn read_event(r: &rusqlite::Row<'_>) -> rusqlite::Result<(StoredEvent, String, String)> {
    let participant = |at: usize| -> rusqlite::Result<Option<Participant>> {
        let code: Option<String> = r.get(at)?;
        Ok(match code {
            None => None,
            Some(code) => Some(Participant {
                code,
                country: r.get(at + 1)?,
                text: r.get(at + 2)?,
                span: [r.get(at + 3)?, r.get(at + 4)?],
                rule: json_list(r.get(at + 5)?),
            }),
        })
    };
    let polarity: String = r.get(33)?;
    let modality: String = r.get(34)?;
    let speaker: Option<String> = r.get(35)?;
    let speaker_code: Option<String> = r.get(36)?;
    let channel: Option<String> = r.get(37)?;
    let channel_code: Option<String> = r.get(38)?;
    let attribution = (speaker.is_some()
        || speaker_code.is_some()
        || channel.is_some()
        || channel_code.is_some())
    .then_some(Attribution {
        speaker,
        speaker_code,
        channel,
        channel_code,
    });
    let source = participant(15)?.unwrap_or(Participant {
        code: String::new(),
        country: None,
        text: String::new(),
        span: [0, 0],
        rule: Vec::new(),
    });
    let record = EventRecord {
        doc_id: r.get(9)?,
        sentence_index: r.get::<_, i64>(10)? as usize,
        sentence: r.get(11)?,
        date: r.get(12)?,
        date_precision: r.get(13)?,
        published: r.get(14)?,
        source,
        target: participant(21)?,
        cameo: r.get(27)?,
        root: r.get(28)?,
        quad_class: r.get(29)?,
        goldstein: r.get::<_, f64>(30)? as f32,
        plover: Plover {
            event: r.get(31)?,
            mode: r.get(32)?,
        },
        // Placeholders: the text values are checked by the caller, which can name the field.
        polarity: Polarity::Asserted,
        modality: Modality::Actual,
        attribution,
        rule: r.get(39)?,
        signals: json_list(r.get(40)?),
        evidence: Evidence {
            pattern: r.get(41)?,
            trigger: [r.get(42)?, r.get(43)?],
            reasons: json_list(r.get(44)?),
            date_rule: r.get(45)?,
        },
    };
    Ok((
        StoredEvent {
            id: r.get(0)?,
            cluster_id: r.get(1)?,
            cluster_reason: r.get(2)?,
            background: r.get::<_, i64>(3)? != 0,
            date_end: r.get(4)?,
            publisher: r.get(5)?,
            url: r.get(6)?,
            title: r.get(7)?,
            ingested_at: r.get(8)?,
            doc_bytes: r.get(46)?,
            cluster_added: r.get(47)?,
            document_id: r.get(48)?,
            record,
        },
        polarity,
        modality,
    ))
}

/// Parses the polarity and modality text of a row, naming the field when it is not valid.
fn finish(
    store: &Store,
    (mut ev, pol, modal): (StoredEvent, String, String),
) -> Result<StoredEvent> {
    ev.record.polarity = match pol.as_str() {
        "asserted" => Polarity::Asserted,
        "negated" => Polarity::Negated,
        _ => {
            return Err(StoreError::BadValue {
                path: store.path.clone(),
                id: ev.id,
                field: "polarity",
                value: pol,
            });
        }
    };
    ev.record.modality = match modal.as_str() {
        "actual" => Modality::Actual,
        "future" => Modality::Future,
        "hypothetical" => Modality::Hypothetical,
        "conditional" => Modality::Conditional,
        _ => {
            return Err(StoreError::BadValue {
                path: store.path.clone(),
                id: ev.id,
                field: "modality",
                value: modal,
            });
        }
    };
    Ok(ev)
}

impl Store {
    /// Reads one row selected with [`CLUSTER_COLUMNS`], with its first report read through
    /// `first` (a statement of [`event_by_id_sql`]).
    fn read_cluster(
        &self,
        r: &rusqlite::Row<'_>,
        first: &mut rusqlite::Statement<'_>,
    ) -> Result<StoredCluster> {
        let get = |e: rusqlite::Error| self.sql(e);
        let first_id: i64 = r.get(14).map_err(get)?;
        let first = first.query_row([first_id], read_event).map_err(get)?;
        Ok(StoredCluster {
            id: r.get(0).map_err(get)?,
            source_base: r.get(1).map_err(get)?,
            target_base: r.get(2).map_err(get)?,
            cameo: r.get(3).map_err(get)?,
            root: r.get(4).map_err(get)?,
            polarity: r.get(5).map_err(get)?,
            modality: r.get(6).map_err(get)?,
            date_start: r.get(7).map_err(get)?,
            date_end: r.get(8).map_err(get)?,
            date_precision: r.get(9).map_err(get)?,
            first_report: r.get(10).map_err(get)?,
            n_mentions: r.get(11).map_err(get)?,
            n_articles: r.get(12).map_err(get)?,
            n_sources: r.get(13).map_err(get)?,
            first: finish(self, first)?,
        })
    }

    /// Calls `each` for every event matching `filter`, in date order (undated events last), and
    /// returns how many there were. Stops early when `each` returns an error, and returns it.
    ///
    /// The order is fixed: dated events by date then row id, then undated events by row id. So
    /// [`EventFilter::after`] set to the [`StoredEvent::cursor`] of the last event of a page, with
    /// the same filter otherwise, returns the next page.
    pub fn events<E>(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(StoredEvent) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E>
    where
        E: From<StoreError>,
    {
        self.check_text_query(filter)?;
        self.in_passes(
            filter.limit,
            |pass, left| event_pass_sql(filter, pass, left),
            |row| {
                let ev = read_event(row).map_err(|e| self.sql(e))?;
                each(finish(self, ev)?)
            },
        )
    }

    /// Runs the two passes of a listing, dated rows in date order then undated ones, so that
    /// each pass can walk an index in order instead of sorting the whole selection: at most
    /// `limit` rows in all, `each` called on every row. `sql_of` gives a pass's statement for
    /// what is left of the limit (`None` to skip the pass). Returns how many rows there were.
    fn in_passes<E>(
        &self,
        limit: Option<usize>,
        sql_of: impl Fn(Pass, Option<usize>) -> Option<(String, Vec<Value>)>,
        mut each: impl FnMut(&rusqlite::Row<'_>) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E>
    where
        E: From<StoreError>,
    {
        let mut n = 0;
        for pass in [Pass::Dated, Pass::Undated] {
            let left = match limit {
                Some(limit) if n >= limit => break,
                Some(limit) => Some(limit - n),
                None => None,
            };
            let Some((sql, params)) = sql_of(pass, left) else {
                continue;
            };
            let mut stmt = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
            let mut rows = stmt
                .query(rusqlite::params_from_iter(params))
                .map_err(|e| self.sql(e))?;
            while let Some(row) = rows.next().map_err(|e| self.sql(e))? {
                each(row)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Calls `each` for every cluster with at least one event matching `filter`, in date order
    /// (dated clusters by `(date_start, id)`, then undated ones by id), strictly after
    /// `filter.after` (a [`StoredCluster::cursor`]), and returns how many there were.
    pub fn clusters<E>(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(StoredCluster) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E>
    where
        E: From<StoreError>,
    {
        self.check_text_query(filter)?;
        let mut first_stmt = self
            .conn
            .prepare_cached(&event_by_id_sql())
            .map_err(|e| self.sql(e))?;
        self.in_passes(
            filter.limit,
            |pass, left| cluster_pass_sql(filter, pass, left),
            |row| each(self.read_cluster(row, &mut first_stmt)?),
        )
    }

    /// How many documents were published on each day (documents without a day-precision date
    /// are left out), in date order: the news volume that series are normalised by.
    pub fn documents_per_day(&self) -> Result<Vec<(NaiveDate, u64)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT published, count(*) FROM documents \
                 WHERE published IS NOT NULL AND published_precision = 'day' \
                 GROUP BY published ORDER BY published",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .map_err(|e| self.sql(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.sql(e))?;
        // Dates are written by this crate as YYYY-MM-DD; a row that is not is left out.
        Ok(rows
            .into_iter()
            .filter_map(|(d, n)| Some((NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()?, n as u64)))
            .collect())
    }

    /// Real-world events per directed pair of different actors (without roles), most first
    /// (ties by name): clusters of asserted, actual reports that have a date and a target, whose
    /// reports are in one of `quad_class` (every class when empty). This is how a report finds
    /// the dyads worth a section without being told.
    ///
    /// Read from the clusters' key index alone (a quarter of a second at a million events,
    /// against seconds for a join to each cluster's first report), which relies on two
    /// invariants of the clusters table: the reports of a cluster share its CAMEO root, and a
    /// CAMEO root has one QuadClass, so a cluster's class is its root's; and a cluster is dated
    /// (`date_start`) exactly when its anchor is (`anchor_start`), since dated and undated
    /// reports never merge.
    pub fn dyad_counts(&self, quad_class: &[u8]) -> Result<Vec<DyadCount>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT source_base, target_base, root, count(*) FROM clusters \
                 WHERE polarity = 'asserted' AND modality = 'actual' \
                 AND target_base <> '' AND source_base <> target_base \
                 AND anchor_start IS NOT NULL \
                 GROUP BY source_base, target_base, root",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .map_err(|e| self.sql(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.sql(e))?;
        let mut classes = RootClasses::default();
        let mut out: Vec<DyadCount> = Vec::new();
        for (source, target, root, n) in rows {
            if !quad_class.is_empty()
                && !classes
                    .of(self, &root)?
                    .is_some_and(|c| quad_class.contains(&c))
            {
                continue;
            }
            // Rows come grouped by pair, so a pair's roots are adjacent.
            match out.last_mut() {
                Some(last) if last.source == source && last.target == target => last.clusters += n,
                _ => out.push(DyadCount {
                    source,
                    target,
                    clusters: n,
                }),
            }
        }
        out.sort_by(|x, y| {
            y.clusters
                .cmp(&x.clusters)
                .then_with(|| (&x.source, &x.target).cmp(&(&y.source, &y.target)))
        });
        Ok(out)
    }

    /// Row counts of the main tables.
    pub fn counts(&self) -> Result<StoreCounts> {
        let count = |table: &str| -> Result<i64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .map_err(|e| self.sql(e))
        };
        Ok(StoreCounts {
            documents: count("documents")?,
            sentences: count("sentences")?,
            mentions: count("mentions")?,
            events: count("events")?,
            clusters: count("clusters")?,
            sources: count("sources")?,
            claims: if self.has_claims()? {
                count("claims")?
            } else {
                0
            },
        })
    }

    /// Checks a full-text query on its own, so a syntax error is reported as the user's query,
    /// not as a failed statement.
    fn check_text_query(&self, filter: &EventFilter) -> Result<()> {
        let Some(q) = &filter.text else {
            return Ok(());
        };
        self.conn
            .query_row(
                "SELECT count(*) FROM (SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ?1 LIMIT 1)",
                [q],
                |_| Ok(()),
            )
            .map_err(|e| StoreError::BadTextQuery {
                query: q.clone(),
                detail: e.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store of `n` events over `n / 5` documents (one sentence and one mention each), dated
    /// over about 14 years, every tenth undated: written directly, so that it is large enough
    /// for the planner's choices to matter and quick to build.
    fn big_store(n: u32) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("plans.db")).unwrap();
        let docs = n / 5;
        store
            .conn
            .execute_batch(&format!(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {docs})
                 INSERT INTO documents(id, doc_key, doc_id, content_hash, format, text,
                     n_sentences, ingested_at)
                 SELECT i, 'k' || i, 'k' || i, 'h', 'text', 'x', 1, 'now' FROM n;
                 INSERT INTO sentences(id, document_id, idx, text)
                 SELECT id, id, 0, 'x' FROM documents;
                 INSERT INTO mentions(id, document_id, sentence_id, start_byte, end_byte, text,
                     code, country)
                 SELECT id, id, id, 0, 1, 'x', 'RUS', 'RUS' FROM documents;
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n})
                 INSERT INTO events(document_id, sentence_id, sentence_index, source_mention,
                     source_code, source_country, cameo, root, quad_class, goldstein, date,
                     date_end, date_precision, background, polarity, modality, rule, pattern,
                     trigger_start, trigger_end, date_rule)
                 SELECT 1 + i % {docs}, 1 + i % {docs}, 0, 1 + i % {docs}, 'RUS', 'RUS',
                     '19' || (i % 6), '19', 4, -10, d, d, 'day', 0, 'asserted', 'actual', 'r',
                     'p', i, i + 1, 'x'
                 FROM (SELECT i, CASE WHEN i % 10 = 0 THEN NULL
                     ELSE date('2000-01-01', '+' || ((i * 7919) % 5000) || ' days') END AS d
                     FROM n);"
            ))
            .unwrap();
        (dir, store)
    }

    /// The query plan's lines about the events table.
    fn plan_of_events(store: &Store, sql: &str, params: &[Value]) -> Vec<String> {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        stmt.query_map(rusqlite::params_from_iter(params), |r| {
            r.get::<_, String>(3)
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap()
        .into_iter()
        .filter(|line| line.contains(" e "))
        .collect()
    }

    /// Rows returned and SQLite virtual machine steps taken by one statement.
    fn cost(store: &Store, sql: &str, params: &[Value]) -> (usize, i32) {
        let mut stmt = store.conn.prepare(sql).unwrap();
        let mut rows = stmt.query(rusqlite::params_from_iter(params)).unwrap();
        let mut n = 0;
        while rows.next().unwrap().is_some() {
            n += 1;
        }
        drop(rows);
        (n, stmt.get_status(rusqlite::StatementStatus::VmStep))
    }

    #[test]
    fn issue_6_a_page_after_a_dated_cursor_seeks_in_the_date_index() {
        let (_dir, store) = big_store(20_000);
        let at = |date: &str| EventFilter {
            after: Some(EventCursor {
                date: Some(date.into()),
                id: 50,
            }),
            ..Default::default()
        };
        // Before and after the planner has statistics (`Store::optimize` runs after an ingest).
        for stats in [false, true] {
            if stats {
                store.optimize().unwrap();
            }
            let (first, params) =
                event_pass_sql(&EventFilter::default(), Pass::Dated, Some(50)).unwrap();
            let (first_rows, first_steps) = cost(&store, &first, &params);
            assert_eq!(first_rows, 50);
            for date in ["2000-02-01", "2013-06-01"] {
                let (sql, params) = event_pass_sql(&at(date), Pass::Dated, Some(50)).unwrap();
                let plan = plan_of_events(&store, &sql, &params);
                // The page's ids seek in the date index; the page's rows are then read by id.
                assert_eq!(
                    plan,
                    [
                        "SEARCH e USING INTEGER PRIMARY KEY (rowid=?)",
                        "SEARCH e USING INDEX events_date (date>?)"
                    ],
                    "stats: {stats}"
                );
                // A seek, not a scan from the start filtered: a page late in the order costs
                // what the first page costs.
                let (rows, steps) = cost(&store, &sql, &params);
                assert_eq!(rows, 50);
                assert!(
                    steps < first_steps * 2,
                    "{date}, stats {stats}: {steps} steps, the first page {first_steps}"
                );
            }
        }
        // After an undated cursor the dated pass does not run; the undated one resumes by id.
        let undated = EventFilter {
            after: Some(EventCursor { date: None, id: 9 }),
            ..Default::default()
        };
        assert!(event_pass_sql(&undated, Pass::Dated, None).is_none());
        let (sql, params) = event_pass_sql(&undated, Pass::Undated, Some(3)).unwrap();
        let ids: Vec<i64> = store
            .conn
            .prepare(&sql)
            .unwrap()
            .query_map(rusqlite::params_from_iter(params), |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(ids, [10, 20, 30]);
    }
}
