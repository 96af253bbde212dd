//! Redline's embedded store: one SQLite file holding documents, evidence sentences, actor
//! mentions, coded events and event clusters.
//!
//! - [`Store::open`] opens (or creates) a store for writing. It takes the writer lock (a
//!   `<db>.lock` file locked by the operating system, so a killed writer never leaves it stale),
//!   checks that the file is a Redline store, and runs pending migrations (`schema/`).
//! - [`Store::open_read_only`] opens it for queries; readers never block the writer (WAL mode).
//! - [`Store::write_batch`] (`write/`) stores coded documents in one transaction per batch: a
//!   document seen before with the same content changes nothing, a changed one replaces its old
//!   events, and a crash leaves the store as of the last committed batch.
//! - Clusters (`cluster/`) merge the reports of one real-world event, each merge with its reason.
//! - [`Store::events`] and [`Store::clusters`] (`query/`) stream what matches an [`EventFilter`].
//!   Events come in a fixed order (dated ones by date and id, then undated ones by id), so an
//!   [`EventCursor`] ([`StoredEvent::cursor`], [`EventFilter::after`]) pages through them.
//! - [`Store::document`] and [`Store::documents`] read documents back by row id.
//! - [`Store::event`], [`Store::cluster`] and [`Store::cluster_reports`] read one event or one
//!   real-world event back by row id, and every report of a real-world event.

mod cluster;
mod error;
mod query;
pub mod schema;
mod write;

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use cluster::{ClusterRules, actor_base, codes_compatible};
pub use error::{Result, StoreError};
pub use query::{
    ClaimFilter, ClusterFact, DatedPairCount, DayReports, DocumentSummary, DyadCount, EventCursor,
    EventFilter, SearchPage, StoreCounts, StoredClaim, StoredCluster, StoredDocument, StoredEvent,
};
/// The SQLite binding the store is built on, for callers that need to inspect a file directly
/// (tests, tools).
pub use rusqlite as sqlite;
pub use write::{
    BatchSummary, DocumentChange, DocumentInput, content_hash, document_key, subject_key,
};

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Held for the life of a writer; the operating system releases it when the process ends,
    /// however it ends.
    _lock: Option<File>,
    rules: ClusterRules,
}

impl Store {
    /// Opens the store at `path` for writing, creating it if needed.
    ///
    /// Fails with [`StoreError::Locked`] when another process is writing to it, and with a named
    /// error for a foreign, damaged or newer file, or a location that cannot be written.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let lock = take_writer_lock(&path)?;
        let mut conn = Connection::open(&path).map_err(|e| StoreError::from_sqlite(&path, e))?;
        configure(&conn, &path)?;
        let found = schema::inspect(&conn, &path)?;
        let version = match found {
            schema::Found::Empty => 0,
            schema::Found::Redline(v) => v,
        };
        if version < schema::CURRENT_VERSION {
            schema::migrate(&mut conn, &path, version, schema::MIGRATIONS)?;
        }
        // WAL: readers never block the writer. NORMAL sync: a commit survives a crash of the
        // process (the case we promise); only a power cut may lose the last commits, never
        // consistency. A 64 MB page cache keeps the indexes of a large batch in memory.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;",
        )
        .map_err(|e| StoreError::from_sqlite(&path, e))?;
        Ok(Store {
            conn,
            path,
            _lock: Some(lock),
            rules: ClusterRules::default(),
        })
    }

    /// Opens an existing store for queries. Never creates one; a store of an older schema version
    /// is upgraded first (which needs the writer lock for a moment).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if !path.exists() {
            return Err(StoreError::Missing { path });
        }
        // A WAL store on a read-only location (an archive, a read-only mount) cannot get the
        // shared-memory file a normal reader needs: it is then opened as immutable, which is
        // right there because nothing can write it.
        let (conn, found) = match open_reader(&path, false) {
            Err(StoreError::ReadOnly { .. }) => open_reader(&path, true)?,
            other => other?,
        };
        match found {
            schema::Found::Redline(v) if v == schema::CURRENT_VERSION => {}
            schema::Found::Redline(_) => {
                // An older store is upgraded once, by a short-lived writer, then read. One on a
                // read-only location cannot be upgraded: it is read as it is, and what its
                // version lacks reads as empty (`has_claims`).
                drop(conn);
                match Store::open(&path) {
                    Ok(writer) => drop(writer),
                    Err(StoreError::ReadOnly { .. }) => {
                        let (conn, _) = match open_reader(&path, false) {
                            Err(StoreError::ReadOnly { .. }) => open_reader(&path, true)?,
                            other => other?,
                        };
                        return Ok(Store {
                            conn,
                            path,
                            _lock: None,
                            rules: ClusterRules::default(),
                        });
                    }
                    Err(e) => return Err(e),
                }
                return Store::open_read_only(&path);
            }
            schema::Found::Empty => return Err(StoreError::Missing { path }),
        }
        Ok(Store {
            conn,
            path,
            _lock: None,
            rules: ClusterRules::default(),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the file.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.sql(e))
    }

    /// SQLite's `data_version` of this connection: it changes when another connection (of
    /// this process or another) commits to the store, and never for this connection's own
    /// writes. A reader that keeps one connection aside can tell with it whether answers it
    /// computed earlier still hold, at the cost of one pragma.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| self.sql(e))
    }

    /// The rules used to merge reports into clusters.
    pub fn cluster_rules(&self) -> &ClusterRules {
        &self.rules
    }

    /// Caps the file at `pages` pages of the current page size (SQLite's `max_page_count`), so
    /// that a write beyond it fails exactly as on a full disk. For tests of that path, and for
    /// users who want a quota.
    pub fn set_max_pages(&self, pages: u64) -> Result<()> {
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
            .map_err(|e| self.sql(e))
    }

    /// Refreshes the query planner's statistics where they went stale (SQLite's `PRAGMA
    /// optimize`, with a bounded sample so it takes milliseconds even on a large store). The
    /// runner calls it after an ingest.
    pub fn optimize(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;")
            .map_err(|e| self.sql(e))
    }

    /// The file's size in pages.
    pub fn page_count(&self) -> Result<u64> {
        self.conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .map_err(|e| self.sql(e))
    }

    /// Runs SQLite's own consistency check and returns its findings (empty when the file is
    /// sound).
    pub fn check_integrity(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.sql(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.sql(e))?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    fn sql(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, e)
    }
}

/// Opens a reader connection and reads the header fields; `immutable` opens through a URI that
/// tells SQLite the file cannot change (no locks, no shared memory).
fn open_reader(path: &Path, immutable: bool) -> Result<(Connection, schema::Found)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = if immutable {
        let mut uri = String::from("file:");
        for c in path.to_string_lossy().chars() {
            match c {
                '%' => uri.push_str("%25"),
                '?' => uri.push_str("%3f"),
                '#' => uri.push_str("%23"),
                c => uri.push(c),
            }
        }
        uri.push_str("?immutable=1");
        Connection::open_with_flags(uri, flags)
    } else {
        Connection::open_with_flags(path, flags)
    }
    .map_err(|e| StoreError::from_sqlite(path, e))?;
    configure(&conn, path)?;
    let found = schema::inspect(&conn, path)?;
    Ok((conn, found))
}

/// Connection settings shared by readers and the writer.
fn configure(conn: &Connection, path: &Path) -> Result<()> {
    // Room for every statement of a batch write, so none is prepared twice.
    conn.set_prepared_statement_cache_capacity(64);
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(|e| StoreError::from_sqlite(path, e))?;
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;")
        .map_err(|e| StoreError::from_sqlite(path, e))
}

/// The lock file of a store: the database path with `.lock` appended.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn take_writer_lock(db: &Path) -> Result<File> {
    let lock = lock_path(db);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                StoreError::ReadOnly {
                    path: db.to_path_buf(),
                    detail: format!("cannot create {}: {e}", lock.display()),
                }
            }
            std::io::ErrorKind::NotFound => StoreError::ReadOnly {
                path: db.to_path_buf(),
                detail: format!("the folder {} does not exist", parent_of(db).display()),
            },
            _ => StoreError::Io {
                path: lock.clone(),
                source: e,
            },
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            path: db.to_path_buf(),
            lock,
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(StoreError::Io {
            path: lock,
            source: e,
        }),
    }
}

fn parent_of(p: &Path) -> &Path {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_immutable_reader_opens_any_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("my store?#%20.db");
        drop(Store::open(&path).unwrap());
        let (conn, found) = open_reader(&path, true).unwrap();
        assert_eq!(found, schema::Found::Redline(schema::CURRENT_VERSION));
        let events: i64 = conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
            .unwrap();
        assert_eq!(events, 0);
    }
}
