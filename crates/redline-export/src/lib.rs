//! Exports of stored events and event clusters: GDELT 2.0 Events and Mentions TSV, PLOVER JSON,
//! JSON Lines, CSV and (behind the `parquet` feature) Parquet.
//!
//! # Reports and clusters
//!
//! The store hands out two kinds of rows. A *report* ([`StoredEvent`]) is one coded event in one
//! sentence of one article. A *cluster* ([`StoredCluster`]) is one real-world event: the reports
//! that name it, merged, with their counts and a representative first report. GDELT's Events table
//! counts reports as events; here every format says which of the two it writes, and the writer for
//! the other kind refuses it when it is created ([`ExportError::WrongRows`]):
//!
//! | format     | what                                | rows            | writer                   |
//! |------------|-------------------------------------|-----------------|--------------------------|
//! | `gdelt`    | GDELT 2.0 Events TSV (61 columns)   | one per cluster | [`ClusterWriter`]        |
//! | `mentions` | GDELT 2.0 Mentions TSV (16 columns) | one per report  | [`EventWriter`]          |
//! | `plover`   | PLOVER JSON, one object per line    | one per cluster | [`ClusterWriter`]        |
//! | `jsonl`    | the stored rows as JSON Lines       | either          | both                     |
//! | `csv`      | flat columns with a header          | either          | both                     |
//! | `parquet`  | the CSV columns, typed              | either          | both (feature `parquet`) |
//!
//! A GDELT Events row and its Mentions rows join on `GLOBALEVENTID`, which is the cluster id in
//! both, as in GDELT.
//!
//! # Streaming
//!
//! Writers take one row at a time, so a store query can stream straight into them: create a
//! writer, call `write` from the query's callback, then `finish` to flush and get the output back.
//! Nothing is kept between rows except Parquet's current row group ([`PARQUET_ROW_GROUP`] rows).
//! Writers buffer their output themselves; pass a plain `File` or `Stdout`.
//!
//! ```no_run
//! # fn main() -> Result<(), redline_export::ExportError> {
//! # let clusters: Vec<redline_store::StoredCluster> = Vec::new();
//! use redline_export::{ClusterWriter, Format};
//! let mut out = ClusterWriter::new(Format::Gdelt, std::io::stdout())?;
//! for cluster in &clusters {
//!     out.write(cluster)?;
//! }
//! out.finish()?;
//! # Ok(())
//! # }
//! ```
//!
//! # What each column holds
//!
//! The GDELT and PLOVER layouts, and the choices made where our data and theirs differ (known
//! group codes, mention types, confidence, contexts), are documented in [`gdelt`] and [`plover`];
//! the flat CSV and Parquet columns are listed in [`EVENT_COLUMNS`] and [`CLUSTER_COLUMNS`].

mod error;
#[cfg(test)]
#[path = "../tests/fixtures/mod.rs"]
mod fixtures;
mod flat;
mod format;
pub mod gdelt;
#[cfg(feature = "parquet")]
mod parquet_sink;
pub mod plover;
mod text;
mod writer;

pub use error::{ExportError, Result};
pub use flat::{CLUSTER_COLUMNS, Column, ColumnType, EVENT_COLUMNS};
pub use format::{Format, Rows};
pub use gdelt::{GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS};
pub use redline_store::{StoredCluster, StoredEvent};
pub use writer::{ClusterWriter, EventWriter, ExportOptions, PARQUET_ROW_GROUP};
