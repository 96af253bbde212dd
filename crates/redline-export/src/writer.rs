//! The streaming writers: [`EventWriter`] for reports, [`ClusterWriter`] for clusters.

use std::io::{BufWriter, Write};

use redline_store::{StoredCluster, StoredEvent};

use crate::error::{ExportError, Result};
use crate::flat::{
    CLUSTER_COLUMNS, Cell, Column, CsvSink, EVENT_COLUMNS, cluster_cells, event_cells,
};
use crate::format::{Format, Rows};
use crate::gdelt::{
    GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, event_line, header_line, mention_line,
};
use crate::plover;

/// Rows per Parquet row group: the Parquet writer buffers this many rows, then writes them out.
pub const PARQUET_ROW_GROUP: usize = 65_536;

/// Options of a writer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Start GDELT Events and Mentions TSV with a line of column names. GDELT's own files have
    /// none, so the default is off. CSV always has a header; the other formats have none.
    pub header: bool,
}

/// A line-per-row output; `line` is reused between rows.
struct Lines<W: Write> {
    out: BufWriter<W>,
    line: String,
}

impl<W: Write> Lines<W> {
    fn new(out: W, header: Option<&[&str]>) -> Result<Self> {
        let mut lines = Lines {
            out: BufWriter::new(out),
            line: String::new(),
        };
        if let Some(columns) = header {
            header_line(&mut lines.line, columns);
            lines.out.write_all(lines.line.as_bytes())?;
        }
        Ok(lines)
    }

    /// Writes one JSON value as a line.
    fn json(&mut self, value: &impl serde::Serialize) -> Result<()> {
        serde_json::to_writer(&mut self.out, value).map_err(std::io::Error::from)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// Builds a line with `fill` and writes it.
    fn text(&mut self, fill: impl FnOnce(&mut String)) -> Result<()> {
        self.line.clear();
        fill(&mut self.line);
        self.out.write_all(self.line.as_bytes())?;
        Ok(())
    }

    fn finish(self) -> Result<W> {
        self.out.into_inner().map_err(|e| e.into_error().into())
    }
}

/// The output of one format. The CSV and Parquet writers are boxed: they are large and made
/// once per export.
enum Sink<W: Write + Send> {
    Jsonl(Lines<W>),
    Plover(Lines<W>),
    Gdelt(Lines<W>),
    Mentions(Lines<W>),
    Csv(Box<CsvSink<W>>),
    #[cfg(feature = "parquet")]
    Parquet(Box<crate::parquet_sink::ParquetSink<W>>),
}

impl<W: Write + Send> Sink<W> {
    /// Opens the output of `format` for `rows`, refusing a format that writes the other kind.
    fn open(
        format: Format,
        rows: Rows,
        out: W,
        columns: &[Column],
        options: ExportOptions,
    ) -> Result<Self> {
        if !format.writes(rows) {
            return Err(ExportError::WrongRows {
                format,
                given: rows,
            });
        }
        let header = |columns: &'static [&'static str]| options.header.then_some(columns);
        Ok(match format {
            Format::Jsonl => Sink::Jsonl(Lines::new(out, None)?),
            Format::Plover => Sink::Plover(Lines::new(out, None)?),
            Format::Gdelt => Sink::Gdelt(Lines::new(out, header(&GDELT_EVENT_COLUMNS))?),
            Format::Mentions => Sink::Mentions(Lines::new(out, header(&GDELT_MENTION_COLUMNS))?),
            Format::Csv => Sink::Csv(Box::new(CsvSink::new(out, columns)?)),
            #[cfg(feature = "parquet")]
            Format::Parquet => Sink::Parquet(Box::new(crate::parquet_sink::ParquetSink::new(
                out, columns,
            )?)),
            #[cfg(not(feature = "parquet"))]
            Format::Parquet => return Err(ExportError::ParquetNotBuilt),
        })
    }

    fn format(&self) -> Format {
        match self {
            Sink::Jsonl(_) => Format::Jsonl,
            Sink::Plover(_) => Format::Plover,
            Sink::Gdelt(_) => Format::Gdelt,
            Sink::Mentions(_) => Format::Mentions,
            Sink::Csv(_) => Format::Csv,
            #[cfg(feature = "parquet")]
            Sink::Parquet(_) => Format::Parquet,
        }
    }

    /// Writes one flat row (CSV, Parquet).
    fn cells(&mut self, rows: Rows, cells: &[Cell<'_>]) -> Result<()> {
        match self {
            Sink::Csv(csv) => csv.write(cells),
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => p.write(cells),
            other => Err(ExportError::WrongRows {
                format: other.format(),
                given: rows,
            }),
        }
    }

    fn finish(self) -> Result<W> {
        match self {
            Sink::Jsonl(l) | Sink::Plover(l) | Sink::Gdelt(l) | Sink::Mentions(l) => l.finish(),
            Sink::Csv(csv) => csv.finish(),
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => p.finish(),
        }
    }
}

/// Writes reports (`StoredEvent`s), one row each: JSON Lines, CSV, GDELT Mentions TSV, Parquet.
///
/// GDELT Events and PLOVER write clusters: [`EventWriter::new`] refuses them with
/// [`ExportError::WrongRows`] (use [`ClusterWriter`]). Output is buffered internally; call
/// [`finish`](EventWriter::finish) at the end, which flushes it (and, for Parquet, writes the
/// footer without which the file is unreadable).
pub struct EventWriter<W: Write + Send> {
    sink: Sink<W>,
    rows: u64,
}

impl<W: Write + Send> EventWriter<W> {
    /// A writer of `format` into `out`, with default options.
    pub fn new(format: Format, out: W) -> Result<Self> {
        Self::with_options(format, out, ExportOptions::default())
    }

    /// A writer of `format` into `out`. CSV writes its header now, as does TSV when
    /// `options.header` is set.
    pub fn with_options(format: Format, out: W, options: ExportOptions) -> Result<Self> {
        let sink = Sink::open(format, Rows::Reports, out, &EVENT_COLUMNS, options)?;
        Ok(EventWriter { sink, rows: 0 })
    }

    /// Writes one report.
    pub fn write(&mut self, event: &StoredEvent) -> Result<()> {
        self.write_in_cluster(event, None)
    }

    /// Writes one report, given the `ingested_at` of its cluster's first report when known.
    /// Only GDELT Mentions uses it, as the mention's `EventTimeDate` (the DATEADDED of the
    /// cluster's GDELT Events row); without it the report's own `ingested_at` is written there.
    pub fn write_in_cluster(
        &mut self,
        event: &StoredEvent,
        cluster_added: Option<&str>,
    ) -> Result<()> {
        match &mut self.sink {
            Sink::Jsonl(lines) => lines.json(event)?,
            Sink::Mentions(lines) => {
                lines.text(|line| mention_line(line, event, cluster_added))?;
            }
            sink => sink.cells(Rows::Reports, &event_cells(event))?,
        }
        self.rows += 1;
        Ok(())
    }

    /// The format being written.
    pub fn format(&self) -> Format {
        self.sink.format()
    }

    /// How many rows have been written.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Flushes everything and returns the output.
    pub fn finish(self) -> Result<W> {
        self.sink.finish()
    }
}

/// Writes clusters (`StoredCluster`s, real-world events), one row each: JSON Lines, CSV, GDELT
/// Events TSV, PLOVER JSON, Parquet.
///
/// GDELT Mentions writes reports: [`ClusterWriter::new`] refuses it with
/// [`ExportError::WrongRows`] (use [`EventWriter`]). Output is buffered internally; call
/// [`finish`](ClusterWriter::finish) at the end.
pub struct ClusterWriter<W: Write + Send> {
    sink: Sink<W>,
    rows: u64,
}

impl<W: Write + Send> ClusterWriter<W> {
    /// A writer of `format` into `out`, with default options.
    pub fn new(format: Format, out: W) -> Result<Self> {
        Self::with_options(format, out, ExportOptions::default())
    }

    /// A writer of `format` into `out`. CSV writes its header now, as does TSV when
    /// `options.header` is set.
    pub fn with_options(format: Format, out: W, options: ExportOptions) -> Result<Self> {
        let sink = Sink::open(format, Rows::Clusters, out, &CLUSTER_COLUMNS, options)?;
        Ok(ClusterWriter { sink, rows: 0 })
    }

    /// Writes one cluster.
    pub fn write(&mut self, cluster: &StoredCluster) -> Result<()> {
        match &mut self.sink {
            Sink::Jsonl(lines) => lines.json(cluster)?,
            Sink::Plover(lines) => lines.json(&plover::Record::of(cluster))?,
            Sink::Gdelt(lines) => lines.text(|line| event_line(line, cluster))?,
            sink => sink.cells(Rows::Clusters, &cluster_cells(cluster))?,
        }
        self.rows += 1;
        Ok(())
    }

    /// The format being written.
    pub fn format(&self) -> Format {
        self.sink.format()
    }

    /// How many rows have been written.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Flushes everything and returns the output.
    pub fn finish(self) -> Result<W> {
        self.sink.finish()
    }
}
