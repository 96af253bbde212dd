//! `redline serve`: the HTTP API over a store.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;
use clap::Args;
use redline_server::{Config, Limits};

/// Serve the store over HTTP: a JSON API for documents, events (filters as in `redline events`,
/// cursor pagination), clusters, dyad escalation, the ladder, alerts, claims and search, with an
/// OpenAPI 3.1 document at /api/openapi.json.
///
/// It listens on 127.0.0.1 unless `--bind` says otherwise. Ingest over HTTP (`POST
/// /api/ingest`, JSON Lines) is off unless a token is given, and then requires
/// `Authorization: Bearer TOKEN`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline serve\n  redline serve --db news.db --bind 0.0.0.0:8080\n  curl -s 'http://127.0.0.1:8080/api/events?dyad=RUS:MDA&limit=5' | jq ."
)]
pub struct ServeArgs {
    /// The store file.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "redline.db",
        env = "REDLINE_DB"
    )]
    db: PathBuf,

    /// The address and port to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,

    /// Turn on `POST /api/ingest`, accepting this bearer token.
    #[arg(long, value_name = "TOKEN", env = "REDLINE_INGEST_TOKEN")]
    ingest_token: Option<String>,

    /// The largest page of results one request may ask for.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_page)]
    max_page: usize,

    /// Seconds a request may run before it is answered with `timeout`.
    #[arg(long, value_name = "SECONDS", default_value_t = Limits::default().request_timeout.as_secs())]
    timeout: u64,

    /// The largest request body (ingest), in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().body_bytes)]
    max_body: usize,
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    if let Some(t) = &args.ingest_token
        && t.len() < 16
    {
        anyhow::bail!("--ingest-token is too short: use at least 16 characters");
    }
    let limits = Limits {
        max_page: args.max_page.max(1),
        request_timeout: Duration::from_secs(args.timeout.max(1)),
        body_bytes: args.max_body,
        ..Limits::default()
    };
    redline_server::serve_blocking(Config {
        db: args.db,
        bind: args.bind,
        ingest_token: args.ingest_token,
        limits,
    })?;
    Ok(ExitCode::SUCCESS)
}
