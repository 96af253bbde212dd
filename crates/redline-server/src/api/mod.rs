//! The routes. Each file is one resource; every handler reads through `AppState::read`
//! (a pooled store on a blocking thread, with the time limit) and answers JSON.

mod analysis;
mod documents;
mod events;
mod ingest;
mod overview;

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::routing::{get, post};
use redline_store::Store;
use serde::Serialize;
use utoipa::OpenApi;

use crate::AppState;
use crate::cache::AnswerCache;
use crate::error::{ApiError, ErrorBody, ErrorDetail};

/// A page of results and the cursor of the next one (`null` on the last page).
#[derive(Debug, Serialize)]
pub struct Page<T> {
    /// The results.
    pub items: Vec<T>,
    /// Pass as `cursor` (events) or `after` (documents) for the next page.
    pub next: Option<String>,
}

impl<T> Page<T> {
    /// The page of the first `limit` of `items`, read with a limit of `limit + 1`: when there
    /// is one more, the next page starts after the last item kept, whose position `next_of`
    /// writes.
    pub(crate) fn cut(mut items: Vec<T>, limit: usize, next_of: impl Fn(&T) -> String) -> Page<T> {
        let next = if items.len() > limit {
            items.truncate(limit);
            items.last().map(next_of)
        } else {
            None
        };
        Page { items, next }
    }
}

/// The OpenAPI 3.1 document of the API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Redline API",
        description = "Coded, source-attributed events and escalation analytics over a Redline store. Errors are `{\"error\": {\"code\", \"message\"}}`."
    ),
    paths(
        health,
        stats,
        openapi_json,
        documents::list,
        documents::one,
        events::list,
        events::one,
        events::search,
        events::clusters,
        events::cluster,
        analysis::dyads,
        analysis::network,
        analysis::dyad,
        analysis::ladder,
        analysis::alerts,
        analysis::claims,
        overview::volume,
        overview::movers,
        ingest::ingest,
    ),
    components(schemas(ErrorBody, ErrorDetail))
)]
pub struct ApiDoc;

/// Every route.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(crate::assets::index))
        .route("/assets/{*file}", get(crate::assets::asset))
        .route("/api/health", get(health))
        .route("/api/stats", get(stats))
        .route("/api/openapi.json", get(openapi_json))
        .route("/api/documents", get(documents::list))
        .route("/api/documents/{id}", get(documents::one))
        .route("/api/events", get(events::list))
        .route("/api/events/{id}", get(events::one))
        .route("/api/search", get(events::search))
        .route("/api/clusters", get(events::clusters))
        .route("/api/clusters/{id}", get(events::cluster))
        .route("/api/dyads", get(analysis::dyads))
        .route("/api/network", get(analysis::network))
        .route("/api/dyads/{a}/{b}", get(analysis::dyad))
        .route("/api/ladder", get(analysis::ladder))
        .route("/api/alerts", get(analysis::alerts))
        .route("/api/claims", get(analysis::claims))
        .route("/api/volume", get(overview::volume))
        .route("/api/movers", get(overview::movers))
        .route("/api/ingest", post(ingest::ingest))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError {
        status: axum::http::StatusCode::METHOD_NOT_ALLOWED,
        code: "method_not_allowed",
        message: format!("{method} is not allowed on {}", uri.path()),
    }
}

/// Query parameters, with a malformed query answered in the API's error shape (axum's own
/// rejection is plain text).
pub struct ApiQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(v)| ApiQuery(v))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!(
        "no such endpoint: {uri} (the API is described at /api/openapi.json)"
    ))
}

/// Whether the store is readable, and its schema version: cheap, for load balancers and
/// monitors (no counting).
#[utoipa::path(get, path = "/api/health", responses(
    (status = 200, description = "`{status, store, schema_version}`")
))]
async fn health(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> Result<Json<serde_json::Value>, ApiError> {
    state
        .read(|store| {
            Ok(Json(serde_json::json!({
                "status": "ok",
                "store": store.path().display().to_string(),
                "schema_version": store.schema_version()?,
            })))
        })
        .await
}

/// How much the store holds: documents, events, clusters, claims, sources. Counting reads whole
/// tables (a quarter of a second at a million events), so it is kept out of `/api/health`.
#[utoipa::path(get, path = "/api/stats", responses(
    (status = 200, description = "`{documents, sentences, mentions, events, clusters, sources, claims}`")
))]
async fn stats(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> Result<Json<Arc<redline_store::StoreCounts>>, ApiError> {
    let cache = state.cache();
    state
        .read(move |store| Ok(Json(counts(&cache, store)?)))
        .await
}

/// The store's counts (cached).
fn counts(cache: &AnswerCache, store: &Store) -> Result<Arc<redline_store::StoreCounts>, ApiError> {
    cache.get_or_compute("stats", || Ok(store.counts()?))
}

/// How many of the busiest dyads [`warm`] prepares views of: those the overview lists first.
const WARM_DYADS: usize = 5;

/// Computes into `cache` what the dashboard's overview asks for first: the counts, the busiest
/// dyads, the network, the alerts, the weekly volume, the movers over 30 days and the views of
/// the busiest dyads (by week, both directions, as the overview links them). Returns how many
/// answers it computed.
pub fn warm(cache: &AnswerCache, store: &Store) -> Result<usize, ApiError> {
    counts(cache, store)?;
    let dyads = analysis::busiest(cache, store, false)?;
    analysis::network_edges(cache, store)?;
    analysis::all_alerts(cache, store)?;
    overview::volume_answer(cache, store, redline_analysis::Period::Week)?;
    overview::movers_answer(cache, store, overview::MOVERS_DAYS)?;
    let options = redline_views::dyad::DyadOptions {
        undirected: true,
        period: redline_analysis::Period::Week,
        from: None,
        to: None,
    };
    for (a, b) in dyads.iter().take(WARM_DYADS) {
        analysis::dyad_answer(cache, store, (a, b), &options)?;
    }
    Ok(6 + dyads.len().min(WARM_DYADS))
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", responses(
    (status = 200, description = "The OpenAPI 3.1 document.")
))]
async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// Splits a comma-separated query value into its non-empty parts.
pub(crate) fn split_list(v: &Option<String>) -> Vec<String> {
    v.as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A row id from a path segment, or a 400 naming what was expected.
pub(crate) fn row_id(what: &str, raw: &str) -> Result<i64, ApiError> {
    raw.parse()
        .map_err(|_| ApiError::bad_request(format!("{raw:?} is not {what} id (expected a number)")))
}

/// A `YYYY-MM-DD` query value.
pub(crate) fn day(name: &str, v: &Option<String>) -> Result<Option<chrono::NaiveDate>, ApiError> {
    v.as_deref()
        .map(|s| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| ApiError::bad_request(format!("{name}={s:?}: expected YYYY-MM-DD")))
        })
        .transpose()
}
