//! `/api/volume` and `/api/movers`: what the overview shows about the whole store, aggregated
//! on the server (a few hundred buckets or pairs, whatever the store's size) and cached until
//! the store changes.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use redline_analysis::Period;
use redline_store::Store;
use redline_views::overview::{Mover, Volume, Window};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use super::ApiQuery;
use crate::cache::AnswerCache;
use crate::{ApiError, AppState};

/// The period of the volume chart.
#[derive(Debug, Deserialize, IntoParams)]
pub struct VolumeQuery {
    /// day, week (default) or month.
    by: Option<String>,
}

/// News volume over time: documents published and coded reports per period, from the first to
/// the last day with published documents, with the reports dated outside that span counted
/// apart.
#[utoipa::path(get, path = "/api/volume", params(VolumeQuery), responses(
    (status = 200, description = "`{buckets: [{start, documents, reports, conflict}], reports_before, reports_after}`"),
    (status = 400, description = "A bad period.", body = crate::error::ErrorBody)
))]
pub async fn volume(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<VolumeQuery>,
) -> Result<Json<Arc<Volume>>, ApiError> {
    let period = period(q.by.as_deref())?;
    let cache = state.cache();
    state
        .read(move |store| Ok(Json(volume_answer(&cache, store, period)?)))
        .await
}

/// The volume per `period` (cached).
pub(crate) fn volume_answer(
    cache: &AnswerCache,
    store: &Store,
    period: Period,
) -> Result<Arc<Volume>, ApiError> {
    cache.get_or_compute(&format!("volume {period:?}"), || {
        let documents = documents_per_day(cache, store)?;
        Ok(redline_views::overview::volume(store, &documents, period)?)
    })
}

/// `day`, `week` or `month`; a week when not given.
pub(crate) fn period(by: Option<&str>) -> Result<Period, ApiError> {
    match by {
        None => Ok(Period::Week),
        Some(p) => p.parse().map_err(|e: String| ApiError::bad_request(e)),
    }
}

/// Documents published per day (cached): the news volume every escalation index divides by.
pub(crate) fn documents_per_day(
    cache: &AnswerCache,
    store: &Store,
) -> Result<Arc<Vec<(NaiveDate, u64)>>, ApiError> {
    cache.get_or_compute("documents per day", || Ok(store.documents_per_day()?))
}

/// The windows the movers compare, and how many.
#[derive(Debug, Deserialize, IntoParams)]
pub struct MoversQuery {
    /// Length of each window in days (default 30, 1 to 366).
    days: Option<i64>,
    /// How many pairs (default 10, at most the page limit).
    top: Option<usize>,
}

/// The dyads whose escalation moved most.
#[derive(Debug, Serialize)]
pub struct MoversPage {
    /// Length of each window in days.
    days: i64,
    /// The window before `recent`; null when no document has a date.
    previous: Option<Window>,
    /// The last `days` days up to the store's last day with published documents.
    recent: Option<Window>,
    /// Pairs with conflict events in either window.
    total: usize,
    /// The `top` largest moves, either way.
    items: Vec<Mover>,
}

/// Default window of the movers, in days.
pub(crate) const MOVERS_DAYS: i64 = 30;

/// The dyads (directions together) whose escalation index moved most between the previous
/// window and the recent one, ranked by the size of the move either way. The index is the dyad
/// page's: real-world conflict events (QuadClass 3 and 4) per 100 documents published in the
/// window. The recent window ends on the store's last day with a published document, so an
/// archive of 2023 shows its last month, not today's.
#[utoipa::path(get, path = "/api/movers", params(MoversQuery), responses(
    (status = 200, description = "`{days, previous, recent, total, items: [{a, b, previous, recent, previous_per_100, recent_per_100, change}]}`"),
    (status = 400, description = "A bad window or count.", body = crate::error::ErrorBody)
))]
pub async fn movers(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<MoversQuery>,
) -> Result<Json<MoversPage>, ApiError> {
    let days = q.days.unwrap_or(MOVERS_DAYS);
    if !(1..=366).contains(&days) {
        return Err(ApiError::bad_request(format!(
            "days={days}: a window is 1 to 366 days"
        )));
    }
    let top = state.page(Some(q.top.unwrap_or(10)))?;
    let cache = state.cache();
    state
        .read(move |store| {
            let all = movers_answer(&cache, store, days)?;
            Ok(Json(match all.as_ref() {
                None => MoversPage {
                    days,
                    previous: None,
                    recent: None,
                    total: 0,
                    items: Vec::new(),
                },
                Some(m) => MoversPage {
                    days,
                    previous: Some(m.previous),
                    recent: Some(m.recent),
                    total: m.items.len(),
                    items: m.items.iter().take(top).cloned().collect(),
                },
            }))
        })
        .await
}

/// Every mover for windows of `days` (cached).
pub(crate) fn movers_answer(
    cache: &AnswerCache,
    store: &Store,
    days: i64,
) -> Result<Arc<Option<redline_views::overview::Movers>>, ApiError> {
    cache.get_or_compute(&format!("movers {days}"), || {
        let documents = documents_per_day(cache, store)?;
        Ok(redline_views::overview::movers(store, &documents, days)?)
    })
}
