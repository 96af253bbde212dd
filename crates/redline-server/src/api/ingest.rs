//! `POST /api/ingest`: documents over HTTP, off unless the server was started with a token.

use std::io::Write as _;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use redline_docs::Input;
use redline_ingest::{IngestOptions, ingest as run_ingest};
use redline_store::Store;
use serde::Serialize;

use crate::{ApiError, AppState};

/// What an ingest did.
#[derive(Debug, Serialize)]
pub struct IngestSummary {
    /// Documents read from the body.
    documents: usize,
    /// New documents.
    added: usize,
    /// Documents whose content changed.
    replaced: usize,
    /// Documents stored before with the same content.
    unchanged: usize,
    /// Events written.
    events: usize,
    /// Claims written.
    claims: usize,
    /// Lines skipped, with the reason (`line N: why`).
    skipped: Vec<String>,
}

/// Codes and stores documents sent as JSON Lines (`{"id", "text", "date"?, "title"?, "url"?,
/// "publisher"?}` per line), like `redline ingest -`. Off unless the server was started with
/// `--ingest-token`; then it needs `Authorization: Bearer TOKEN`.
#[utoipa::path(post, path = "/api/ingest", request_body(content = String, content_type = "application/x-ndjson", description = "JSON Lines, one document per line."), responses(
    (status = 200, description = "What was stored: documents, added, replaced, unchanged, events, claims, skipped."),
    (status = 401, description = "No or a wrong token.", body = crate::error::ErrorBody),
    (status = 403, description = "Ingest over HTTP is off.", body = crate::error::ErrorBody),
    (status = 413, description = "The body is above the limit.", body = crate::error::ErrorBody)
))]
pub async fn ingest(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<IngestSummary>, ApiError> {
    let Some(token) = state.ingest_token.clone() else {
        return Err(ApiError {
            status: StatusCode::FORBIDDEN,
            code: "ingest_disabled",
            message: "ingest over HTTP is off; start the server with --ingest-token".into(),
        });
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|g| constant_time_eq(g.as_bytes(), token.as_bytes())) {
        return Err(ApiError {
            status: StatusCode::UNAUTHORIZED,
            code: "unauthorized",
            message: "ingest needs the header `Authorization: Bearer TOKEN`".into(),
        });
    }
    let body = body.map_err(|e| ApiError {
        status: e.status(),
        code: if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            "payload_too_large"
        } else {
            "bad_request"
        },
        message: format!(
            "{} (the limit is {} bytes)",
            e.body_text(),
            state.limits.body_bytes
        ),
    })?;
    // One writer at a time; a second ingest waits for the first.
    let _writer = state.ingest_lock.lock().await;
    let db = state.pool.path().to_path_buf();
    let work = tokio::task::spawn_blocking(move || -> Result<IngestSummary, ApiError> {
        // The runner reads files: the body becomes one JSON Lines file, gone afterwards.
        let mut file = tempfile::Builder::new()
            .suffix(".jsonl")
            .tempfile()
            .map_err(|e| ApiError::internal(format!("a temporary file: {e}")))?;
        file.write_all(&body)
            .map_err(|e| ApiError::internal(format!("a temporary file: {e}")))?;
        let name = file.path().display().to_string();
        let mut store = Store::open(&db)?;
        let tally = run_ingest(
            &mut store,
            coder(),
            &[Input::Path(file.path().to_path_buf())],
            &IngestOptions::default(),
            |_| {},
        )
        .map_err(|e| ApiError::internal(e.to_string()))?;
        let s = tally.stored;
        Ok(IngestSummary {
            documents: tally.documents,
            added: s.added,
            replaced: s.replaced,
            unchanged: s.unchanged,
            events: s.events,
            claims: s.claims,
            skipped: tally
                .skipped
                .iter()
                .map(|k| k.replace(&name, "body"))
                .collect(),
        })
    });
    // Ingest is not cut short by the request time limit: a batch is all or nothing, and the
    // caller learns what was stored.
    match work.await {
        Ok(r) => r.map(Json),
        Err(e) => Err(ApiError::internal(format!("the ingest failed: {e}"))),
    }
}

/// The embedded dictionary, compiled once for the life of the server rather than per ingest.
fn coder() -> &'static redline_coder::Coder {
    static CODER: std::sync::OnceLock<redline_coder::Coder> = std::sync::OnceLock::new();
    CODER.get_or_init(|| redline_coder::Coder::embedded().0)
}

/// Compares without stopping at the first difference, so the time taken does not tell how much
/// of a guessed token was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
