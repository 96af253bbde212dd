//! A small pool of read-only store connections.
//!
//! A SQLite connection is used by one thread at a time, and opening one costs a file open and a
//! few pragmas per request. The pool keeps idle connections for reuse; a request takes one, runs
//! its queries on a blocking thread, and gives it back when the guard drops.

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use redline_store::{Store, StoreError};

/// Idle read-only connections to one store.
#[derive(Debug)]
pub struct StorePool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    max_idle: usize,
}

/// A connection borrowed from the pool; it goes back when dropped.
pub struct Pooled {
    store: Option<Store>,
    pool: Arc<StorePool>,
}

impl StorePool {
    /// A pool for the store at `path`, keeping at most `max_idle` idle connections. Opens one
    /// connection at once, so that a missing or foreign store is reported at start-up.
    pub fn new(path: PathBuf, max_idle: usize) -> Result<Arc<StorePool>, StoreError> {
        let first = Store::open_read_only(&path)?;
        Ok(Arc::new(StorePool {
            path,
            idle: Mutex::new(vec![first]),
            max_idle: max_idle.max(1),
        }))
    }

    /// The store file.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// An idle connection, or a new one.
    pub fn get(self: &Arc<Self>) -> Result<Pooled, StoreError> {
        let reused = self.idle.lock().map(|mut v| v.pop()).unwrap_or(None);
        let store = match reused {
            Some(s) => s,
            None => Store::open_read_only(&self.path)?,
        };
        Ok(Pooled {
            store: Some(store),
            pool: Arc::clone(self),
        })
    }
}

impl Deref for Pooled {
    type Target = Store;
    fn deref(&self) -> &Store {
        // Invariant: `store` is Some until drop.
        self.store.as_ref().expect("a pooled store until dropped")
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        if let (Some(store), Ok(mut idle)) = (self.store.take(), self.pool.idle.lock())
            && idle.len() < self.pool.max_idle
        {
            idle.push(store);
        }
    }
}
