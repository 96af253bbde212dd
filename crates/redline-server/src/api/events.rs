//! `/api/events`, `/api/search` and `/api/clusters`: reports and real-world events, with the
//! filters of `redline events`.

use axum::Json;
use axum::extract::State;
use redline_store::{EventCursor, EventFilter, StoreError, StoredCluster, StoredEvent};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{ApiQuery, Page, day, split_list};
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
            let next = if items.len() > limit {
                items.truncate(limit);
                items.last().map(|e| e.cursor().encode())
            } else {
                None
            };
            Ok(Json(Page { items, next }))
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

/// Search query: words in the evidence sentences, and the event filters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct SearchQuery {
    /// Words or an FTS5 query ("nuclear AND exercise", "\"red line\"").
    q: String,
    /// Page size (default 50, at most 500).
    limit: Option<usize>,
    /// The `next` of the previous page.
    cursor: Option<String>,
}

/// Full-text search over the evidence sentences: the events whose sentence matches.
#[utoipa::path(get, path = "/api/search", params(SearchQuery), responses(
    (status = 200, description = "`{items: [event], next}`"),
    (status = 400, description = "An empty or malformed query.", body = crate::error::ErrorBody)
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
    let q = EventQuery {
        text: Some(s.q),
        limit: s.limit,
        cursor: s.cursor,
        ..EventQuery::default()
    };
    page(state, q).await
}

/// Real-world events (clusters of reports) with at least one report matching the filters, in
/// date order, up to `limit`.
#[utoipa::path(get, path = "/api/clusters", params(EventQuery), responses(
    (status = 200, description = "`{items: [cluster], next: null}`"),
    (status = 400, description = "A bad filter or limit.", body = crate::error::ErrorBody)
))]
pub async fn clusters(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<EventQuery>,
) -> Result<Json<std::sync::Arc<Page<StoredCluster>>>, ApiError> {
    let limit = state.page(q.limit)?;
    if q.cursor.is_some() {
        return Err(ApiError::bad_request(
            "clusters are not paged by cursor yet: narrow the filters (dates, actors)",
        ));
    }
    let mut filter = q.filter()?;
    filter.limit = Some(limit);
    // The first page of a busy store sorts every cluster; keep it until the store changes.
    let key = format!("clusters {q:?} limit={limit}");
    let cache = state.cache();
    state
        .read(move |store| {
            Ok(Json(cache.get_or_compute(&key, || {
                let mut items = Vec::new();
                store.clusters(&filter, |c| -> Result<(), StoreError> {
                    items.push(c);
                    Ok(())
                })?;
                Ok(Page { items, next: None })
            })?))
        })
        .await
}
