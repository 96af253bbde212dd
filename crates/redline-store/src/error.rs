//! What can go wrong with a store, in words a user can act on.

use std::path::PathBuf;

/// An error opening, migrating, writing or querying a store. Every variant names the database
/// file; none of them leaves the store half-written (writes are batch transactions).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not an SQLite database.
    #[error(
        "{path}: not a Redline store: the file is not an SQLite database (or its header is damaged); nothing was changed"
    )]
    NotADatabase {
        /// The database file.
        path: PathBuf,
    },
    /// SQLite found damaged pages.
    #[error(
        "{path}: the database is damaged ({detail}); nothing was written. Restore it from a backup, or ingest into a new file with --db"
    )]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// SQLite's words.
        detail: String,
    },
    /// An SQLite database made by something else.
    #[error(
        "{path}: an SQLite database that Redline did not create (it holds {tables}); refusing to touch it. Choose another file with --db"
    )]
    Foreign {
        /// The database file.
        path: PathBuf,
        /// A few of the tables it holds.
        tables: String,
    },
    /// A store written by a newer Redline.
    #[error(
        "{path}: store schema version {found} is newer than this redline understands (up to {supported}); upgrade redline"
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// The version in the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// There is no store at the path (reading commands do not create one).
    #[error("{path}: no store here; create one with `redline ingest --db {path} ARTICLES...`")]
    Missing {
        /// The database file.
        path: PathBuf,
    },
    /// Another process holds the writer lock.
    #[error(
        "{path}: another redline process is writing to this store (it holds {lock}); wait for it to finish, then run this again"
    )]
    Locked {
        /// The database file.
        path: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
    /// The disk (or the configured size limit) is full.
    #[error(
        "{path}: the disk is full; the batch being written was rolled back and everything committed before it is intact. Free some space and run the same command again"
    )]
    DiskFull {
        /// The database file.
        path: PathBuf,
    },
    /// The file or its directory cannot be written.
    #[error("{path}: cannot write the store here: {detail}")]
    ReadOnly {
        /// The database file.
        path: PathBuf,
        /// What was refused.
        detail: String,
    },
    /// A migration failed; the transaction was rolled back.
    #[error(
        "{path}: upgrading the store from schema version {from} to {to} failed ({detail}); the store was left at version {from}, unchanged"
    )]
    Migration {
        /// The database file.
        path: PathBuf,
        /// The version before.
        from: i64,
        /// The version it tried to reach.
        to: i64,
        /// What failed.
        detail: String,
    },
    /// A full-text query SQLite could not parse.
    #[error(
        "full-text query {query:?}: {detail}. Words are ANDed; put a phrase in double quotes, e.g. --text '\"red line\"'"
    )]
    BadTextQuery {
        /// The query as given.
        query: String,
        /// SQLite's words.
        detail: String,
    },
    /// A pagination token that [`EventCursor::encode`](crate::EventCursor::encode) did not
    /// write.
    #[error(
        "not a cursor from this store: {cursor:?}; pass back a cursor exactly as a previous page gave it"
    )]
    BadCursor {
        /// The token as given (cut to its first 100 characters when longer).
        cursor: String,
    },
    /// A value in the store that this build cannot read (a field name is given).
    #[error("{path}: event {id}: field `{field}` holds {value:?}, which is not valid")]
    BadValue {
        /// The database file.
        path: PathBuf,
        /// The event row.
        id: i64,
        /// The column.
        field: &'static str,
        /// What it holds.
        value: String,
    },
    /// Any other SQLite error.
    #[error("{path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The error.
        #[source]
        source: rusqlite::Error,
    },
    /// An I/O error on the lock file.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
}

impl StoreError {
    /// Classifies an SQLite error: a full disk, a damaged or foreign file, a read-only location
    /// each get their own variant; anything else is kept as it is.
    pub(crate) fn from_sqlite(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path,
                detail: e.to_string(),
            },
            Some(ErrorCode::ReadOnly)
            | Some(ErrorCode::CannotOpen)
            | Some(ErrorCode::PermissionDenied) => StoreError::ReadOnly {
                path,
                detail: e.to_string(),
            },
            _ => StoreError::Sqlite { path, source: e },
        }
    }
}

/// Results of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
