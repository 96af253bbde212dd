//! Answers of the expensive read endpoints (dyad views, the busiest dyads, the network, alerts,
//! claims, counts), kept until the store changes.
//!
//! At a million events these take seconds to compute and are the same for every visitor of the
//! overview, so each is computed once per state of the store. Whether the store changed is
//! SQLite's `data_version` on a connection kept aside that never writes: it moves exactly when
//! another connection, of this process (HTTP ingest) or another (`redline ingest`), commits.
//!
//! Invariants:
//! - an entry is only ever served for the `data_version` it was computed under (a change empties
//!   the cache before the next lookup);
//! - one key is computed by one request at a time: the others asking for it wait for that
//!   answer instead of computing it again (a cold dyad page hit by a hundred connections costs
//!   one computation);
//! - a computation finishes and fills its entry even when the request that started it has
//!   timed out, so that the retry finds it;
//! - at most [`MAX_ENTRIES`] entries are kept; past that the cache is emptied and refills.

use std::any::Any;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use redline_store::{Store, StoreError};

use crate::ApiError;

/// Entries kept before the cache is emptied. A dyad view of a busy dyad is a few hundred
/// kilobytes, so this bounds the cache to tens of megabytes.
pub const MAX_ENTRIES: usize = 256;

type Value = Arc<dyn Any + Send + Sync>;

/// One entry: empty until computed. Its lock is held while computing (single flight).
#[derive(Default)]
struct Slot {
    value: Mutex<Option<Value>>,
}

struct Entries {
    /// The `data_version` the entries were computed under.
    version: i64,
    slots: HashMap<String, Arc<Slot>>,
}

/// The cache of one store.
pub struct AnswerCache {
    /// A connection of its own, used only to read `data_version`.
    watcher: Mutex<Store>,
    entries: Mutex<Entries>,
}

impl std::fmt::Debug for AnswerCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.entries.lock().map_or(0, |e| e.slots.len());
        f.debug_struct("AnswerCache").field("entries", &n).finish()
    }
}

impl AnswerCache {
    /// A cache for the store at `db`.
    pub fn new(db: &Path) -> Result<AnswerCache, StoreError> {
        let watcher = Store::open_read_only(db)?;
        let version = watcher.data_version()?;
        Ok(AnswerCache {
            watcher: Mutex::new(watcher),
            entries: Mutex::new(Entries {
                version,
                slots: HashMap::new(),
            }),
        })
    }

    /// The answer for `key`: the cached one when the store has not changed since it was
    /// computed, else `compute()`'s, which is then kept. Errors are not kept. Blocking: call it
    /// on a blocking thread (inside `AppState::read`).
    pub fn get_or_compute<T: Send + Sync + 'static>(
        &self,
        key: &str,
        compute: impl FnOnce() -> Result<T, ApiError>,
    ) -> Result<Arc<T>, ApiError> {
        let slot = self.slot(key)?;
        // A panic while computing leaves the slot empty, which is a consistent state.
        let mut value = slot.value.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(v) = value.as_ref()
            && let Ok(t) = Arc::clone(v).downcast::<T>()
        {
            return Ok(t);
        }
        let t = Arc::new(compute()?);
        *value = Some(Arc::clone(&t) as Value);
        Ok(t)
    }

    /// The number of entries (computed or being computed).
    pub fn len(&self) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .slots
            .len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The slot of `key` under the store's current state, emptying the cache first when the
    /// store has changed or the cache is full.
    fn slot(&self, key: &str) -> Result<Arc<Slot>, ApiError> {
        let version = self
            .watcher
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .data_version()?;
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.version != version {
            entries.slots.clear();
            entries.version = version;
        }
        if !entries.slots.contains_key(key) && entries.slots.len() >= MAX_ENTRIES {
            entries.slots.clear();
        }
        Ok(Arc::clone(
            entries.slots.entry(key.to_string()).or_default(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn empty_store() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        Store::open(&path).unwrap();
        (dir, path)
    }

    #[test]
    fn an_answer_is_computed_once_until_the_store_changes() {
        let (_dir, path) = empty_store();
        let cache = AnswerCache::new(&path).unwrap();
        let calls = AtomicUsize::new(0);
        let compute = || {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok(42_u32)
        };
        assert_eq!(*cache.get_or_compute("k", compute).unwrap(), 42);
        assert_eq!(*cache.get_or_compute("k", compute).unwrap(), 42);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        // Another connection commits: the answer is computed again.
        let writer = redline_store::sqlite::Connection::open(&path).unwrap();
        writer
            .execute("INSERT INTO sources(name) VALUES ('Wire')", [])
            .unwrap();
        assert_eq!(*cache.get_or_compute("k", compute).unwrap(), 42);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn errors_are_not_kept_and_the_cache_stays_bounded() {
        let (_dir, path) = empty_store();
        let cache = AnswerCache::new(&path).unwrap();
        let failed: Result<Arc<u8>, ApiError> =
            cache.get_or_compute("k", || Err(ApiError::bad_request("no")));
        assert!(failed.is_err());
        assert_eq!(*cache.get_or_compute("k", || Ok(7_u8)).unwrap(), 7);
        for i in 0..(MAX_ENTRIES * 2) {
            cache.get_or_compute(&i.to_string(), || Ok(i)).unwrap();
            assert!(cache.len() <= MAX_ENTRIES);
        }
    }

    #[test]
    fn concurrent_askers_of_one_key_share_one_computation() {
        let (_dir, path) = empty_store();
        let cache = Arc::new(AnswerCache::new(&path).unwrap());
        let calls = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (cache, calls) = (Arc::clone(&cache), Arc::clone(&calls));
                std::thread::spawn(move || {
                    *cache
                        .get_or_compute("slow", || {
                            calls.fetch_add(1, Ordering::SeqCst);
                            std::thread::sleep(std::time::Duration::from_millis(50));
                            Ok(5_u64)
                        })
                        .unwrap()
                })
            })
            .collect();
        for t in threads {
            assert_eq!(t.join().unwrap(), 5);
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
