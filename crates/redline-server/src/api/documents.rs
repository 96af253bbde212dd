//! `/api/documents`: the stored articles, and one with its text and events.

use axum::Json;
use axum::extract::{Path, State};
use redline_store::{DocumentSummary, EventFilter, StoreError, StoredDocument, StoredEvent};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use super::{ApiQuery, Page};
use crate::{ApiError, AppState};

/// Paging of the document list.
#[derive(Debug, Deserialize, IntoParams)]
pub struct DocumentsQuery {
    /// Documents after this id (the `next` of the previous page).
    after: Option<String>,
    /// Page size (default 50, at most 500).
    limit: Option<usize>,
}

/// The documents, by id.
#[utoipa::path(get, path = "/api/documents", params(DocumentsQuery), responses(
    (status = 200, description = "`{items: [document without text], next}`"),
    (status = 400, description = "A bad `after` or `limit`.", body = crate::error::ErrorBody)
))]
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<DocumentsQuery>,
) -> Result<Json<Page<DocumentSummary>>, ApiError> {
    let limit = state.page(q.limit)?;
    let after = q
        .after
        .as_deref()
        .map(|a| {
            a.parse::<i64>()
                .map_err(|_| ApiError::bad_request(format!("after={a:?}: expected a document id")))
        })
        .transpose()?;
    state
        .read(move |store| {
            let items = store.documents(after, limit + 1)?;
            Ok(Json(Page::cut(items, limit, |d| d.id.to_string())))
        })
        .await
}

/// A document with its cleaned text and every event coded from it.
#[derive(Debug, Serialize)]
pub struct DocumentWithEvents {
    /// The document.
    #[serde(flatten)]
    document: StoredDocument,
    /// Its events, negated and unrealised ones included (see `polarity` and `modality`).
    events_coded: Vec<StoredEvent>,
}

/// One document: metadata, cleaned text (event spans index into it) and its events.
#[utoipa::path(get, path = "/api/documents/{id}", params(("id" = i64, Path, description = "The document id.")), responses(
    (status = 200, description = "The document, its `text` and `events_coded`."),
    (status = 404, description = "No such document.", body = crate::error::ErrorBody)
))]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DocumentWithEvents>, ApiError> {
    let id = super::row_id("a document", &id)?;
    state
        .read(move |store| {
            let document = store
                .document(id)?
                .ok_or_else(|| ApiError::not_found(format!("no document {id}")))?;
            let filter = EventFilter {
                document: Some(id),
                include_negated: true,
                include_unrealised: true,
                ..EventFilter::default()
            };
            let mut events_coded = Vec::new();
            store.events(&filter, |e| -> Result<(), StoreError> {
                events_coded.push(e);
                Ok(())
            })?;
            Ok(Json(DocumentWithEvents {
                document,
                events_coded,
            }))
        })
        .await
}
