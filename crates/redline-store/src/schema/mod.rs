//! Schema versions and migrations.
//!
//! The schema version is SQLite's `user_version`; `application_id` marks the file as a Redline
//! store, so a foreign SQLite file is refused instead of written into. Each migration runs in one
//! transaction together with the version bump, so an interrupted migration leaves the store at
//! the version before it.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Result, StoreError};

/// `application_id` of a Redline store ("RDLN").
pub const APPLICATION_ID: i64 = 0x5244_4c4e;

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = 3;

/// One step from version `to - 1` to `to`.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// The version after the step.
    pub to: i64,
    /// The statements of the step.
    pub sql: &'static str,
}

/// Every step, in order. A new schema version appends one; earlier steps never change, so a store
/// of any earlier version (the committed `tests/data/v1.db` among them) can be brought up to date.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        to: 1,
        sql: include_str!("v1.sql"),
    },
    Migration {
        to: 2,
        sql: include_str!("v2.sql"),
    },
    Migration {
        to: 3,
        sql: include_str!("v3.sql"),
    },
];

/// What a file holds before any migration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// A new or empty file.
    Empty,
    /// A Redline store at this version.
    Redline(i64),
}

/// Reads the header fields and decides whether the file is ours.
pub(crate) fn inspect(conn: &Connection, path: &Path) -> Result<Found> {
    let err = |e| StoreError::from_sqlite(path, e);
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(err)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(err)?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 4")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(err)?;
    if app == APPLICATION_ID {
        if version > CURRENT_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: CURRENT_VERSION,
            });
        }
        return Ok(Found::Redline(version));
    }
    if app == 0 && version == 0 && tables.is_empty() {
        return Ok(Found::Empty);
    }
    Err(StoreError::Foreign {
        path: path.to_path_buf(),
        tables: if tables.is_empty() {
            format!("application id {app:#x}, user version {version}")
        } else {
            format!("tables {}", tables.join(", "))
        },
    })
}

/// Brings the store from `from` up to the last step of `steps`, one transaction per step.
pub(crate) fn migrate(
    conn: &mut Connection,
    path: &Path,
    from: i64,
    steps: &[Migration],
) -> Result<i64> {
    let mut version = from;
    for step in steps.iter().filter(|m| m.to > from) {
        let failed = |detail: String| StoreError::Migration {
            path: path.to_path_buf(),
            from: version,
            to: step.to,
            detail,
        };
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::from_sqlite(path, e))?;
        tx.execute_batch(step.sql)
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull {
                    path: path.to_path_buf(),
                },
                _ => failed(e.to_string()),
            })?;
        tx.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
            step.to
        ))
        .map_err(|e| failed(e.to_string()))?;
        tx.commit().map_err(|e| failed(e.to_string()))?;
        version = step.to;
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> (tempfile::TempDir, std::path::PathBuf, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let conn = Connection::open(&path).unwrap();
        (dir, path, conn)
    }

    #[test]
    fn a_new_file_is_migrated_to_the_current_version() {
        let (_d, path, mut conn) = fresh();
        assert_eq!(inspect(&conn, &path).unwrap(), Found::Empty);
        assert_eq!(
            migrate(&mut conn, &path, 0, MIGRATIONS).unwrap(),
            CURRENT_VERSION
        );
        assert_eq!(
            inspect(&conn, &path).unwrap(),
            Found::Redline(CURRENT_VERSION)
        );
    }

    #[test]
    fn an_interrupted_migration_leaves_the_store_at_the_version_before() {
        let (_d, path, mut conn) = fresh();
        // A store at version 1, then a broken step to version 2.
        migrate(&mut conn, &path, 0, &MIGRATIONS[..1]).unwrap();
        conn.execute("INSERT INTO sources(name) VALUES ('Kept')", [])
            .unwrap();
        // A step that creates a table, then fails half-way.
        let broken = [Migration {
            to: 2,
            sql: "CREATE TABLE half_done(x); ALTER TABLE sources ADD COLUMN y; SELECT no_such_function();",
        }];
        let err = migrate(&mut conn, &path, 1, &broken).unwrap_err();
        assert!(
            matches!(err, StoreError::Migration { from: 1, to: 2, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("left at version 1"), "{err}");
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1);
        let half: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(half, 0, "the failed step's table was rolled back");
        let kept: String = conn
            .query_row("SELECT name FROM sources", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, "Kept");
    }

    #[test]
    fn a_foreign_database_is_refused() {
        let (_d, path, conn) = fresh();
        conn.execute_batch("CREATE TABLE invoices(id)").unwrap();
        let err = inspect(&conn, &path).unwrap_err();
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
        assert!(err.to_string().contains("invoices"), "{err}");
    }

    #[test]
    fn a_newer_store_is_refused() {
        let (_d, path, conn) = fresh();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 99;"
        ))
        .unwrap();
        let err = inspect(&conn, &path).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    }
}
