//! The dashboard: a page and its scripts and styles, embedded in the binary and served at `/`
//! and `/assets/{file}`. Nothing is fetched from elsewhere: uPlot is vendored under
//! `assets/vendor/uplot/` with its licence.

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::ApiError;

/// One embedded file.
struct Asset {
    /// Its name under `/assets/`.
    name: &'static str,
    /// Its content type.
    content_type: &'static str,
    /// Its bytes.
    bytes: &'static [u8],
}

const INDEX: &[u8] = include_bytes!("../assets/index.html");

/// Every file served under `/assets/`.
const ASSETS: &[Asset] = &[
    Asset {
        name: "app.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../assets/app.js"),
    },
    Asset {
        name: "app.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../assets/app.css"),
    },
    Asset {
        name: "vendor/uplot/uPlot.iife.min.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../assets/vendor/uplot/uPlot.iife.min.js"),
    },
    Asset {
        name: "vendor/uplot/uPlot.min.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../assets/vendor/uplot/uPlot.min.css"),
    },
    Asset {
        name: "vendor/uplot/LICENSE",
        content_type: "text/plain; charset=utf-8",
        bytes: include_bytes!("../assets/vendor/uplot/LICENSE"),
    },
    Asset {
        name: "vendor/uplot/README.md",
        content_type: "text/markdown; charset=utf-8",
        bytes: include_bytes!("../assets/vendor/uplot/README.md"),
    },
];

/// A strong validator for `bytes` (FNV-1a 64, with the length): the files change only with the
/// binary, so clients revalidate cheaply and get `304` while it is the same build.
fn etag(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("\"{:016x}-{:x}\"", h, bytes.len())
}

/// The file with its type and caching headers, or `304` when the client holds this version.
fn respond(request: &HeaderMap, content_type: &'static str, bytes: &'static [u8]) -> Response {
    let tag = etag(bytes);
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Revalidate every time (cheap with the ETag), so a new binary is never hidden by a cache.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(v) = HeaderValue::from_str(&tag) {
        headers.insert(header::ETAG, v);
    }
    if fresh {
        (StatusCode::NOT_MODIFIED, headers).into_response()
    } else {
        (StatusCode::OK, headers, bytes).into_response()
    }
}

/// `/`: the dashboard's page.
pub async fn index(request: HeaderMap) -> Response {
    let mut res = respond(&request, "text/html; charset=utf-8", INDEX);
    // The page loads only its own files and talks only to this server.
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    res
}

/// `/assets/{file}`: an embedded file, or `404`.
pub async fn asset(Path(name): Path<String>, request: HeaderMap) -> Response {
    match ASSETS.iter().find(|a| a.name == name) {
        Some(a) => respond(&request, a.content_type, a.bytes),
        None => ApiError::not_found(format!("no asset {name:?}")).into_response(),
    }
}

/// The names served under `/assets/` (for tests and docs).
pub fn names() -> impl Iterator<Item = &'static str> {
    ASSETS.iter().map(|a| a.name)
}
