//! The dashboard's files in process: the page at `/`, the embedded assets it references, their
//! content types and caching, and nothing loaded from elsewhere.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt as _;
use redline_server::{AppState, Limits, router};
use tower::ServiceExt as _;

/// An empty store (the dashboard's files need none, but the router needs a state).
fn state() -> AppState {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let db = &DB
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("x.db");
            redline_store::Store::open(&db).unwrap();
            (dir, db)
        })
        .1;
    AppState::new(db.clone(), None, Limits::default()).unwrap()
}

async fn fetch(
    uri: &str,
    headers: &[(header::HeaderName, &str)],
) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(k, *v);
    }
    let res = router(state())
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, headers, bytes)
}

/// The values of `src="..."` and `href="..."` in a page.
fn references(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["src=\"", "href=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    out
}

/// `text` without `/*! ... */` comments (the licence banners of minified vendor files).
fn without_licence_banners(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("/*!") {
        out.push_str(&rest[..at]);
        match rest[at..].find("*/") {
            Some(end) => rest = &rest[at + end + 2..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

fn content_type_for(path: &str) -> &'static str {
    match Path::new(path).extension().and_then(|e| e.to_str()) {
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    }
}

#[tokio::test]
async fn issue_6_dashboard_page_references_only_embedded_assets() {
    let (status, headers, body) = fetch("/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert!(headers.contains_key(header::CACHE_CONTROL));
    assert!(
        headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("default-src 'self'")
    );
    let html = String::from_utf8(body).unwrap();
    assert!(html.starts_with("<!doctype html>"), "{html}");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "{html}"
    );
    let refs = references(&html);
    let assets: Vec<&String> = refs.iter().filter(|r| !r.starts_with('#')).collect();
    assert!(assets.len() >= 4, "{refs:?}");
    for r in &assets {
        assert!(r.starts_with("/assets/"), "{r} is not an embedded asset");
    }
    for wanted in [
        "/assets/app.js",
        "/assets/app.css",
        "/assets/vendor/uplot/uPlot.iife.min.js",
        "/assets/vendor/uplot/uPlot.min.css",
    ] {
        assert!(
            refs.iter().any(|r| r == wanted),
            "{wanted} missing: {refs:?}"
        );
    }
}

#[tokio::test]
async fn issue_6_every_asset_is_served_with_its_type_and_no_external_url() {
    let (_, _, page) = fetch("/", &[]).await;
    let page = String::from_utf8(page).unwrap();
    let mut paths: Vec<String> = redline_server::assets::names()
        .map(|n| format!("/assets/{n}"))
        .collect();
    for r in references(&page) {
        if r.starts_with("/assets/") && !paths.contains(&r) {
            paths.push(r);
        }
    }
    for path in &paths {
        let (status, headers, body) = fetch(path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            headers[header::CONTENT_TYPE],
            content_type_for(path),
            "{path}"
        );
        assert_eq!(headers[header::CACHE_CONTROL], "no-cache", "{path}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert!(!body.is_empty(), "{path}");
        let text = String::from_utf8(body).unwrap();
        if !path.ends_with("/LICENSE") && !path.ends_with("/README.md") {
            // The SVG namespace is a name that `createElementNS` needs, never fetched.
            let code = without_licence_banners(&text).replace("\"http://www.w3.org/2000/svg\"", "");
            assert!(
                !code.contains("http://") && !code.contains("https://"),
                "{path} names an external address"
            );
        }
        // Same build, same bytes: a revalidation is answered 304 without a body.
        let tag = headers[header::ETAG].to_str().unwrap().to_string();
        let (status, _, body) = fetch(path, &[(header::IF_NONE_MATCH, tag.as_str())]).await;
        assert_eq!(status, StatusCode::NOT_MODIFIED, "{path}");
        assert!(body.is_empty());
    }
    // Store text reaches the page only as text nodes.
    let (_, _, app) = fetch("/assets/app.js", &[]).await;
    let app = String::from_utf8(app).unwrap();
    assert!(
        !app.contains("innerHTML")
            && !app.contains("outerHTML")
            && !app.contains("insertAdjacentHTML")
    );
    assert!(!app.contains("eval(") && !app.contains("document.write"));
}

#[tokio::test]
async fn issue_6_an_unknown_asset_is_a_404() {
    for path in [
        "/assets/nope.js",
        "/assets/vendor/uplot/uPlot.js",
        "/assets/../Cargo.toml",
        "/assets/",
        "/index.html",
    ] {
        let (status, headers, body) = fetch(path, &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("application/json"),
            "{path}"
        );
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"]["code"], "not_found", "{path}");
    }
}
