//! Redline's HTTP API.
//!
//! `redline serve` runs [`serve`]: a JSON API over one store, read through a pool of read-only
//! connections ([`pool`]), with the same views the CLI prints (`redline-views`), so the API and
//! the terminal never disagree. Every answer is JSON; every error has one shape ([`error`]).
//! Limits: request bodies ([`Limits::body_bytes`]), page sizes ([`Limits::max_page`]) and time per
//! request ([`Limits::request_timeout`]). Ingest over HTTP is off unless a token is configured,
//! and then needs `Authorization: Bearer TOKEN`. The OpenAPI 3.1 document is at
//! `/api/openapi.json`. The dashboard ([`assets`]) is served at `/`: a page, its script and
//! styles and the vendored uPlot, embedded in the binary.

pub mod api;
pub mod assets;
pub mod cache;
pub mod error;
pub mod pool;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use redline_store::StoreError;

pub use error::ApiError;
use pool::{Pooled, StorePool};

/// Limits on what one request may ask for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Largest request body (ingest), in bytes.
    pub body_bytes: usize,
    /// Largest page of events, clusters or documents.
    pub max_page: usize,
    /// Page size when the request names none.
    pub default_page: usize,
    /// Longest time a request may run before it is answered with `timeout`.
    pub request_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_bytes: 16 * 1024 * 1024,
            max_page: 500,
            default_page: 50,
            request_timeout: Duration::from_secs(10),
        }
    }
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store file.
    pub db: PathBuf,
    /// The address to listen on (127.0.0.1 by default: nothing is exposed unless asked).
    pub bind: SocketAddr,
    /// The token that enables `POST /api/ingest`; `None` leaves ingest off.
    pub ingest_token: Option<String>,
    /// Request limits.
    pub limits: Limits,
}

/// What every handler shares.
#[derive(Debug, Clone)]
pub struct AppState {
    pool: Arc<StorePool>,
    ingest_token: Option<Arc<str>>,
    limits: Limits,
    /// One ingest at a time: the store has one writer.
    ingest_lock: Arc<tokio::sync::Mutex<()>>,
    /// At most this many queries run at once; the others wait (within their time limit). Each
    /// holds a pooled connection, so connections and their page caches are reused instead of
    /// opened cold under load.
    readers: Arc<tokio::sync::Semaphore>,
    /// Answers of the expensive endpoints, until the store changes.
    cache: Arc<cache::AnswerCache>,
}

/// Queries that run at once: two per core (one computing while another waits on the disk),
/// at least 4. More only adds contention in SQLite and memory: a dyad view of a busy dyad holds
/// tens of megabytes while it is computed, so the readers bound the server's peak memory.
fn readers() -> usize {
    std::thread::available_parallelism()
        .map_or(4, |n| n.get() * 2)
        .clamp(4, 32)
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The address could not be bound, or serving failed.
    #[error("cannot serve on {bind}")]
    Io {
        /// The address.
        bind: SocketAddr,
        /// What went wrong.
        source: std::io::Error,
    },
}

impl AppState {
    /// State for the store at `db`. Fails when the store cannot be opened for reading.
    pub fn new(
        db: PathBuf,
        ingest_token: Option<String>,
        limits: Limits,
    ) -> Result<AppState, StoreError> {
        let readers = readers();
        Ok(AppState {
            cache: Arc::new(cache::AnswerCache::new(&db)?),
            pool: StorePool::new(db, readers)?,
            ingest_token: ingest_token.map(Arc::from),
            limits,
            ingest_lock: Arc::new(tokio::sync::Mutex::new(())),
            readers: Arc::new(tokio::sync::Semaphore::new(readers)),
        })
    }

    /// Runs `work` with a pooled store on a blocking thread, answering `timeout` when it takes
    /// longer than the limit. (The query itself finishes in the background; its connection
    /// then returns to the pool.)
    pub(crate) async fn read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Pooled) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = Arc::clone(&self.pool);
        let readers = Arc::clone(&self.readers);
        let run = async move {
            // The permit travels with the query, so a timed-out query still holds its slot
            // until it ends: the number of running queries stays bounded.
            let permit = readers
                .acquire_owned()
                .await
                .map_err(|_| ApiError::internal("the server is shutting down"))?;
            let task = tokio::task::spawn_blocking(move || {
                let _permit = permit;
                let store = pool.get()?;
                work(&store)
            });
            task.await
                .map_err(|join| ApiError::internal(format!("the request failed: {join}")))?
        };
        match tokio::time::timeout(self.limits.request_timeout, run).await {
            Ok(result) => result,
            Err(_) => Err(ApiError {
                status: axum::http::StatusCode::SERVICE_UNAVAILABLE,
                code: "timeout",
                message: format!(
                    "the request took longer than {} s; narrow it (dates, actors, a smaller page)",
                    self.limits.request_timeout.as_secs_f64()
                ),
            }),
        }
    }

    /// The answer cache, for handlers to move into their blocking closure.
    pub(crate) fn cache(&self) -> Arc<cache::AnswerCache> {
        Arc::clone(&self.cache)
    }

    /// Computes the overview's answers ([`api::warm`]) into the cache, so that the first visitor of a large store does not wait
    /// for them. Runs on a blocking thread without a time limit; prints how long it took.
    pub fn warm(&self) -> tokio::task::JoinHandle<()> {
        let (pool, cache) = (Arc::clone(&self.pool), self.cache());
        tokio::task::spawn_blocking(move || {
            let started = std::time::Instant::now();
            let warmed = pool
                .get()
                .map_err(ApiError::from)
                .and_then(|store| api::warm(&cache, &store));
            match warmed {
                Ok(n) => eprintln!(
                    "redline serve: overview ready ({n} answers computed in {:.1} s)",
                    started.elapsed().as_secs_f64()
                ),
                Err(e) => eprintln!(
                    "redline serve: could not prepare the overview: {}",
                    e.message
                ),
            }
        })
    }

    /// A page size from a request: the default when none, an error above the limit.
    pub(crate) fn page(&self, asked: Option<usize>) -> Result<usize, ApiError> {
        match asked {
            None => Ok(self.limits.default_page),
            Some(0) => Err(ApiError::bad_request("limit must be at least 1")),
            Some(n) if n > self.limits.max_page => Err(ApiError::bad_request(format!(
                "limit {n} is above the largest page, {}",
                self.limits.max_page
            ))),
            Some(n) => Ok(n),
        }
    }
}

/// The API's routes with their limits.
pub fn router(state: AppState) -> Router {
    let body = state.limits.body_bytes;
    api::routes()
        .layer(DefaultBodyLimit::max(body))
        .with_state(state)
}

/// Serves the API until Ctrl-C, on a runtime of its own (so callers need no async runtime).
pub fn serve_blocking(config: Config) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServerError::Io {
            bind: config.bind,
            source,
        })?;
    runtime.block_on(serve(config))
}

/// Serves the API until Ctrl-C.
pub async fn serve(config: Config) -> Result<(), ServerError> {
    let state = AppState::new(config.db.clone(), config.ingest_token, config.limits)?;
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(|source| ServerError::Io {
            bind: config.bind,
            source,
        })?;
    let bound = listener.local_addr().map_err(|source| ServerError::Io {
        bind: config.bind,
        source,
    })?;
    eprintln!(
        "redline serve: {} on http://{bound}/api (OpenAPI: http://{bound}/api/openapi.json, dashboard: http://{bound}/); ingest {}",
        config.db.display(),
        if state.ingest_token.is_some() {
            "on (token required)"
        } else {
            "off"
        }
    );
    // Warming runs beside serving: requests are answered meanwhile, and one that asks for an
    // answer being warmed waits for it instead of computing it twice.
    let _warming = state.warm();
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|source| ServerError::Io {
            bind: bound,
            source,
        })
}
