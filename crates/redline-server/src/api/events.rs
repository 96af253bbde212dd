//! `/api/events`, `/api/search` and `/api/clusters`: reports and real-world events, with the
//! filters of `redline events`; `/api/events/{id}` and `/api/clusters/{id}`: one of each with
//! the reports of its real-world event.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use axum::Json;
use axum::extract::{Path, State};
use redline_store::{EventCursor, EventFilter, StoreError, StoredCluster, StoredEvent};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use super::{ApiQuery, Page, day, row_id, split_list};
use crate::{ApiError, AppState};

/// Filters, as `redline events` has them. Lists are comma-separated.
#[derive(Debug, Default, Deserialize, IntoParams)]
pub struct EventQuery {
    /// Actors on either side: countries (`RUS` matches RUSMIL, RUSGOV...) or code prefixes.
    actor: Option<String>,
    /// The source side.
    source: Option<String>,
    /// The target side.
    target: Option<String>,
    /// `SOURCE:TARGET`.
    dyad: Option<String>,
    /// CAMEO code prefixes (`19`, `190`, `0832`).
    cameo: Option<String>,
    /// QuadClasses 1-4.
    quad: Option<String>,
    /// Events whose period ends on or after this day (YYYY-MM-DD).
    from: Option<String>,
    /// Events whose period starts on or before this day.
    to: Option<String>,
    /// Publisher name (exact, case-insensitive).
    publisher: Option<String>,
    /// Full-text query over the evidence sentences (SQLite FTS5 syntax).
    text: Option<String>,
    /// Escalation signal (`strike_authorization`).
    signal: Option<String>,
    /// Only events of this document.
    document: Option<i64>,
    /// Also negated events.
    negated: Option<bool>,
    /// Also future, hypothetical and conditional events.
    unrealised: Option<bool>,
    /// Leave out background history.
    no_background: Option<bool>,
    /// Page size (default 50, at most 500).
    limit: Option<usize>,
    /// The `next` of the previous page.
    cursor: Option<String>,
}

impl EventQuery {
    /// The store filter, with every value checked.
    fn filter(&self) -> Result<EventFilter, ApiError> {
        let (source, target) = match &self.dyad {
            Some(d) => {
                let (a, b) = redline_views::dyad::parse_dyad(d)?;
                (Some(a), Some(b))
            }
            None => (self.source.clone(), self.target.clone()),
        };
        let cameo = split_list(&self.cameo);
        for code in &cameo {
            if code.len() < 2 || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ApiError::bad_request(format!(
                    "cameo={code:?}: expected 2 to 4 digits, e.g. 19, 190 or 0832"
                )));
            }
        }
        let actors = split_list(&self.actor);
        for a in actors.iter().chain(&source).chain(&target) {
            if a.is_empty() || !a.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(ApiError::bad_request(format!(
                    "actor {a:?}: expected letters and digits, e.g. RUS or USAGOV"
                )));
            }
        }
        let quad_class = split_list(&self.quad)
            .iter()
            .map(|q| match q.parse::<u8>() {
                Ok(n @ 1..=4) => Ok(n),
                _ => Err(ApiError::bad_request(format!(
                    "quad={q:?}: expected 1, 2, 3 or 4"
                ))),
            })
            .collect::<Result<Vec<u8>, ApiError>>()?;
        let (from, to) = (day("from", &self.from)?, day("to", &self.to)?);
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(ApiError::bad_request(format!("from={f} is after to={t}")));
        }
        let after = self
            .cursor
            .as_deref()
            .map(EventCursor::decode)
            .transpose()?;
        Ok(EventFilter {
            actors: actors.iter().map(|a| a.to_ascii_uppercase()).collect(),
            source: source.map(|s| s.to_ascii_uppercase()),
            target: target.map(|s| s.to_ascii_uppercase()),
            cameo,
            quad_class,
            from,
            to,
            publisher: self.publisher.clone(),
            text: self.text.clone(),
            signal: self.signal.clone(),
            document: self.document,
            include_negated: self.negated.unwrap_or(false),
            include_unrealised: self.unrealised.unwrap_or(false),
            exclude_background: self.no_background.unwrap_or(false),
            after,
            limit: None,
        })
    }
}

/// One page of events, in date order (undated last), and the cursor of the next.
async fn page(state: AppState, q: EventQuery) -> Result<Json<Page<StoredEvent>>, ApiError> {
    let limit = state.page(q.limit)?;
    let mut filter = q.filter()?;
    // One more than asked: whether a next page exists, without counting.
    filter.limit = Some(limit + 1);
    state
        .read(move |store| {
            let mut items = Vec::with_capacity(limit + 1);
            store.events(&filter, |e| -> Result<(), StoreError> {
                items.push(e);
                Ok(())
            })?;
            Ok(Json(Page::cut(items, limit, |e| e.cursor().encode())))
        })
        .await
}

/// Event reports (one per sentence that reports an event), filtered, a page at a time.
#[utoipa::path(get, path = "/api/events", params(EventQuery), responses(
    (status = 200, description = "`{items: [event], next}`: pass `next` as `cursor` for the next page."),
    (status = 400, description = "A bad filter, limit or cursor.", body = crate::error::ErrorBody)
))]
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<EventQuery>,
) -> Result<Json<Page<StoredEvent>>, ApiError> {
    page(state, q).await
}

/// Search query: words in the evidence sentences.
#[derive(Debug, Deserialize, IntoParams)]
pub struct SearchQuery {
    /// Words or an FTS5 query ("nuclear AND exercise", "\"red line\"").
    q: String,
    /// Matching sentences per page (default 50, at most 500).
    limit: Option<usize>,
    /// The `next` of the previous page.
    cursor: Option<String>,
}

/// Full-text search over the evidence sentences: the asserted, actual events of the matching
/// sentences, the most recently stored sentences first (the order the full-text index keeps,
/// so a word in a hundred thousand sentences is as quick to page through as a rare one). For
/// matches in date order, with other filters, use `/api/events?text=`.
#[utoipa::path(get, path = "/api/search", params(SearchQuery), responses(
    (status = 200, description = "`{items: [event], next}`: the events of `limit` matching sentences; pass `next` as `cursor` for the next page."),
    (status = 400, description = "An empty or malformed query, or a bad cursor.", body = crate::error::ErrorBody)
))]
pub async fn search(
    State(state): State<AppState>,
    ApiQuery(s): ApiQuery<SearchQuery>,
) -> Result<Json<Page<StoredEvent>>, ApiError> {
    if s.q.trim().is_empty() {
        return Err(ApiError::bad_request(
            "q is empty: give words to search for",
        ));
    }
    let limit = state.page(s.limit)?;
    let before = s
        .cursor
        .as_deref()
        .map(|c| {
            c.parse::<i64>().map_err(|_| {
                ApiError::bad_request(format!(
                    "cursor={c:?} is not a search cursor: pass the `next` of the previous page"
                ))
            })
        })
        .transpose()?;
    state
        .read(move |store| {
            let page = store.search(&s.q, before, limit)?;
            Ok(Json(Page {
                items: page.events,
                next: page.next.map(|n| n.to_string()),
            }))
        })
        .await
}

/// Real-world events (clusters of reports) with at least one report matching the filters, in
/// date order (undated last), a page at a time.
#[utoipa::path(get, path = "/api/clusters", params(EventQuery), responses(
    (status = 200, description = "`{items: [cluster], next}`: pass `next` as `cursor` for the next page."),
    (status = 400, description = "A bad filter, limit or cursor.", body = crate::error::ErrorBody)
))]
pub async fn clusters(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<EventQuery>,
) -> Result<Json<std::sync::Arc<Page<StoredCluster>>>, ApiError> {
    let limit = state.page(q.limit)?;
    let mut filter = q.filter()?;
    // One more than asked: whether a next page exists, without counting.
    filter.limit = Some(limit + 1);
    let list = move |store: &redline_store::Store| -> Result<Page<StoredCluster>, ApiError> {
        let mut items = Vec::with_capacity(limit + 1);
        store.clusters(&filter, |c| -> Result<(), StoreError> {
            items.push(c);
            Ok(())
        })?;
        Ok(Page::cut(items, limit, |c| c.cursor().encode()))
    };
    if q.cursor.is_some() {
        // Later pages are not kept: a client walking every page would push the overview's
        // answers out of the cache.
        return state
            .read(move |store| Ok(Json(std::sync::Arc::new(list(store)?))))
            .await;
    }
    // The first page is what the explorer asks for most; keep it until the store changes.
    let key = format!("clusters {q:?} limit={limit}");
    let cache = state.cache();
    state
        .read(move |store| Ok(Json(cache.get_or_compute(&key, || list(store))?)))
        .await
}

/// At most this many reports of a real-world event come with one event or cluster; the answer's
/// `reports_total` says how many there are in all.
pub const MAX_REPORTS: usize = 200;

/// One event report with its real-world event.
#[derive(Debug, Serialize)]
pub struct EventDetail {
    /// The report.
    event: StoredEvent,
    /// Its cluster (real-world event), `null` when it has none.
    cluster: Option<StoredCluster>,
    /// The cluster's reports (this one included) by publication date then id, at most
    /// `reports_limit` of them; empty when there is no cluster.
    reports: Vec<StoredEvent>,
    /// How many reports the cluster has in all (0 without a cluster).
    reports_total: i64,
    /// The most reports listed.
    reports_limit: usize,
    /// The name of every CAMEO code above (the event's, the cluster's, the reports'), from the
    /// embedded CAMEO table; a code it does not know is left out.
    cameo_names: BTreeMap<String, String>,
}

/// One real-world event with its reports.
#[derive(Debug, Serialize)]
pub struct ClusterDetail {
    /// The cluster, with its first report.
    cluster: StoredCluster,
    /// Its reports by publication date then id, at most `reports_limit` of them.
    reports: Vec<StoredEvent>,
    /// How many reports it has in all.
    reports_total: i64,
    /// The most reports listed.
    reports_limit: usize,
    /// The name of every CAMEO code above, from the embedded CAMEO table.
    cameo_names: BTreeMap<String, String>,
}

/// The names of `codes` in the embedded CAMEO table (parsed once).
fn cameo_names<'a>(codes: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    static TABLE: OnceLock<redline_dict::CameoTable> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let file = redline_dict::CAMEO_TABLE;
        let text = redline_dict::Dictionary::embedded_files()
            .iter()
            .find(|(name, _)| *name == file)
            .map_or("", |(_, text)| *text);
        redline_dict::CameoTable::parse(file, text, &mut Vec::new())
    });
    codes
        .into_iter()
        .filter_map(|c| Some((c.to_string(), table.get(c)?.name.clone())))
        .collect()
}

/// One event report, whatever its polarity or modality, with its cluster and the cluster's
/// reports.
#[utoipa::path(get, path = "/api/events/{id}", params(("id" = i64, Path, description = "The event id (`id` of `/api/events`).")), responses(
    (status = 200, description = "`{event, cluster, reports, reports_total, reports_limit}`; `cluster` is null when the event has none."),
    (status = 400, description = "The id is not a number.", body = crate::error::ErrorBody),
    (status = 404, description = "No such event.", body = crate::error::ErrorBody)
))]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<EventDetail>, ApiError> {
    let id = row_id("an event", &id)?;
    state
        .read(move |store| {
            let event = store
                .event(id)?
                .ok_or_else(|| ApiError::not_found(format!("no event {id}")))?;
            let cluster = match event.cluster_id {
                Some(c) => store.cluster(c)?,
                None => None,
            };
            let (reports, reports_total) = match &cluster {
                Some(c) => (store.cluster_reports(c.id, MAX_REPORTS)?, c.n_mentions),
                None => (Vec::new(), 0),
            };
            let cameo_names = cameo_names(
                std::iter::once(event.record.cameo.as_str())
                    .chain(cluster.iter().map(|c| c.cameo.as_str()))
                    .chain(reports.iter().map(|r| r.record.cameo.as_str())),
            );
            Ok(Json(EventDetail {
                event,
                cluster,
                reports,
                reports_total,
                reports_limit: MAX_REPORTS,
                cameo_names,
            }))
        })
        .await
}

/// One real-world event (cluster) with its reports.
#[utoipa::path(get, path = "/api/clusters/{id}", params(("id" = i64, Path, description = "The cluster id (`cluster_id` of an event, `id` of an alert's event).")), responses(
    (status = 200, description = "`{cluster, reports, reports_total, reports_limit}`"),
    (status = 400, description = "The id is not a number.", body = crate::error::ErrorBody),
    (status = 404, description = "No such cluster.", body = crate::error::ErrorBody)
))]
pub async fn cluster(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ClusterDetail>, ApiError> {
    let id = row_id("a cluster", &id)?;
    state
        .read(move |store| {
            let cluster = store
                .cluster(id)?
                .ok_or_else(|| ApiError::not_found(format!("no cluster {id}")))?;
            let reports = store.cluster_reports(id, MAX_REPORTS)?;
            let cameo_names = cameo_names(
                std::iter::once(cluster.cameo.as_str())
                    .chain(reports.iter().map(|r| r.record.cameo.as_str())),
            );
            Ok(Json(ClusterDetail {
                reports_total: cluster.n_mentions,
                cluster,
                reports,
                reports_limit: MAX_REPORTS,
                cameo_names,
            }))
        })
        .await
}
