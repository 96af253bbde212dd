//! The flat columns of the CSV and Parquet exports, one list for reports and one for clusters.
//!
//! Each list is the single source of both formats: CSV writes every cell as text, Parquet as its
//! typed column. List fields (rules, signals, reasons) are joined with `;`.

use std::borrow::Cow;

use redline_store::{StoredCluster, StoredEvent};

use crate::text::{join_list, non_empty};

/// The type of a flat column (its Parquet type; CSV writes them all as text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnType {
    /// 64-bit signed integer.
    Int,
    /// 32-bit float (Goldstein values are stored as `f32`).
    Float,
    /// Boolean, written `true` / `false` in CSV.
    Bool,
    /// UTF-8 text.
    Text,
}

/// One flat column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Column {
    /// The header name.
    pub name: &'static str,
    /// Its type.
    pub ty: ColumnType,
    /// Whether the value can be missing (an empty CSV field, a Parquet null).
    pub nullable: bool,
}

const fn col(name: &'static str, ty: ColumnType, nullable: bool) -> Column {
    Column { name, ty, nullable }
}

use ColumnType::{Bool, Float, Int, Text};

/// The columns of a report row (CSV header order).
pub const EVENT_COLUMNS: [Column; 47] = [
    col("id", Int, false),
    col("cluster_id", Int, true),
    col("cluster_reason", Text, true),
    col("background", Bool, false),
    col("doc_id", Text, false),
    col("url", Text, true),
    col("title", Text, true),
    col("publisher", Text, true),
    col("published", Text, true),
    col("ingested_at", Text, false),
    col("doc_bytes", Int, false),
    col("sentence_index", Int, false),
    col("sentence", Text, false),
    col("date", Text, true),
    col("date_end", Text, true),
    col("date_precision", Text, false),
    col("source_code", Text, false),
    col("source_country", Text, true),
    col("source_text", Text, false),
    col("source_start", Int, false),
    col("source_end", Int, false),
    col("source_rule", Text, false),
    col("target_code", Text, true),
    col("target_country", Text, true),
    col("target_text", Text, true),
    col("target_start", Int, true),
    col("target_end", Int, true),
    col("target_rule", Text, true),
    col("cameo", Text, false),
    col("root", Text, false),
    col("quad_class", Int, false),
    col("goldstein", Float, false),
    col("plover_event", Text, true),
    col("plover_mode", Text, true),
    col("polarity", Text, false),
    col("modality", Text, false),
    col("speaker", Text, true),
    col("speaker_code", Text, true),
    col("channel", Text, true),
    col("channel_code", Text, true),
    col("rule", Text, false),
    col("signals", Text, false),
    col("pattern", Text, false),
    col("trigger_start", Int, false),
    col("trigger_end", Int, false),
    col("reasons", Text, false),
    col("date_rule", Text, false),
];

/// The columns of a cluster row (CSV header order). `first_*` describe the cluster's first
/// report; `target_base` is missing when the cluster's events have no target.
pub const CLUSTER_COLUMNS: [Column; 20] = [
    col("id", Int, false),
    col("source_base", Text, false),
    col("target_base", Text, true),
    col("cameo", Text, false),
    col("root", Text, false),
    col("polarity", Text, false),
    col("modality", Text, false),
    col("date_start", Text, true),
    col("date_end", Text, true),
    col("date_precision", Text, false),
    col("first_report", Text, true),
    col("n_mentions", Int, false),
    col("n_articles", Int, false),
    col("n_sources", Int, false),
    col("first_event_id", Int, false),
    col("first_doc_id", Text, false),
    col("first_url", Text, true),
    col("first_publisher", Text, true),
    col("first_title", Text, true),
    col("first_sentence", Text, false),
];

/// One value of a flat row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    Int(Option<i64>),
    Float(Option<f32>),
    Bool(Option<bool>),
    Text(Option<Cow<'a, str>>),
}

impl Cell<'_> {
    /// The column type the cell belongs to.
    #[cfg(any(test, feature = "parquet"))]
    pub(crate) fn ty(&self) -> ColumnType {
        match self {
            Cell::Int(_) => ColumnType::Int,
            Cell::Float(_) => ColumnType::Float,
            Cell::Bool(_) => ColumnType::Bool,
            Cell::Text(_) => ColumnType::Text,
        }
    }

    /// Whether the value is missing.
    #[cfg(test)]
    pub(crate) fn is_null(&self) -> bool {
        matches!(
            self,
            Cell::Int(None) | Cell::Float(None) | Cell::Bool(None) | Cell::Text(None)
        )
    }

    /// Appends the CSV text of the cell (empty when missing).
    pub(crate) fn write_text(&self, out: &mut String) {
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = match self {
            Cell::Int(Some(v)) => write!(out, "{v}"),
            Cell::Float(Some(v)) => write!(out, "{v}"),
            Cell::Bool(Some(v)) => write!(out, "{v}"),
            Cell::Text(Some(v)) => {
                out.push_str(v);
                Ok(())
            }
            Cell::Int(None) | Cell::Float(None) | Cell::Bool(None) | Cell::Text(None) => Ok(()),
        };
    }
}

fn text(s: &str) -> Cell<'_> {
    Cell::Text(Some(Cow::Borrowed(s)))
}

fn opt_text(s: Option<&str>) -> Cell<'_> {
    Cell::Text(s.map(Cow::Borrowed))
}

fn owned(s: String) -> Cell<'static> {
    Cell::Text(Some(Cow::Owned(s)))
}

fn int(v: impl Into<i64>) -> Cell<'static> {
    Cell::Int(Some(v.into()))
}

fn size(v: usize) -> Cell<'static> {
    Cell::Int(Some(i64::try_from(v).unwrap_or(i64::MAX)))
}

/// The cells of a report row, in [`EVENT_COLUMNS`] order.
pub(crate) fn event_cells(e: &StoredEvent) -> Vec<Cell<'_>> {
    let r = &e.record;
    let t = r.target.as_ref();
    let a = r.attribution.as_ref();
    vec![
        int(e.id),
        Cell::Int(e.cluster_id),
        opt_text(e.cluster_reason.as_deref()),
        Cell::Bool(Some(e.background)),
        text(&r.doc_id),
        opt_text(e.url.as_deref()),
        opt_text(e.title.as_deref()),
        opt_text(e.publisher.as_deref()),
        opt_text(r.published.as_deref()),
        text(&e.ingested_at),
        int(e.doc_bytes),
        size(r.sentence_index),
        text(&r.sentence),
        opt_text(r.date.as_deref()),
        opt_text(e.date_end.as_deref()),
        text(&r.date_precision),
        text(&r.source.code),
        opt_text(r.source.country.as_deref()),
        text(&r.source.text),
        int(r.source.span[0]),
        int(r.source.span[1]),
        owned(join_list(&r.source.rule)),
        opt_text(t.map(|t| t.code.as_str())),
        opt_text(t.and_then(|t| t.country.as_deref())),
        opt_text(t.map(|t| t.text.as_str())),
        Cell::Int(t.map(|t| i64::from(t.span[0]))),
        Cell::Int(t.map(|t| i64::from(t.span[1]))),
        Cell::Text(t.map(|t| Cow::Owned(join_list(&t.rule)))),
        text(&r.cameo),
        text(&r.root),
        int(r.quad_class),
        Cell::Float(Some(r.goldstein)),
        opt_text(r.plover.event.as_deref()),
        opt_text(r.plover.mode.as_deref()),
        text(r.polarity.as_str()),
        text(r.modality.as_str()),
        opt_text(a.and_then(|a| a.speaker.as_deref())),
        opt_text(a.and_then(|a| a.speaker_code.as_deref())),
        opt_text(a.and_then(|a| a.channel.as_deref())),
        opt_text(a.and_then(|a| a.channel_code.as_deref())),
        text(&r.rule),
        owned(join_list(&r.signals)),
        text(&r.evidence.pattern),
        int(r.evidence.trigger[0]),
        int(r.evidence.trigger[1]),
        owned(join_list(&r.evidence.reasons)),
        text(&r.evidence.date_rule),
    ]
}

/// The cells of a cluster row, in [`CLUSTER_COLUMNS`] order.
pub(crate) fn cluster_cells(c: &StoredCluster) -> Vec<Cell<'_>> {
    let f = &c.first;
    vec![
        int(c.id),
        text(&c.source_base),
        opt_text(non_empty(&c.target_base)),
        text(&c.cameo),
        text(&c.root),
        text(&c.polarity),
        text(&c.modality),
        opt_text(c.date_start.as_deref()),
        opt_text(c.date_end.as_deref()),
        text(&c.date_precision),
        opt_text(c.first_report.as_deref()),
        int(c.n_mentions),
        int(c.n_articles),
        int(c.n_sources),
        int(f.id),
        text(&f.record.doc_id),
        opt_text(f.url.as_deref()),
        opt_text(f.publisher.as_deref()),
        opt_text(f.title.as_deref()),
        text(&f.record.sentence),
    ]
}

/// Writes flat rows as CSV.
pub(crate) struct CsvSink<W: std::io::Write> {
    writer: csv::Writer<W>,
    record: csv::ByteRecord,
    buf: String,
}

impl<W: std::io::Write> CsvSink<W> {
    /// Starts a CSV file and writes its header.
    pub(crate) fn new(out: W, columns: &[Column]) -> crate::Result<Self> {
        let mut writer = csv::WriterBuilder::new().from_writer(out);
        writer.write_record(columns.iter().map(|c| c.name))?;
        Ok(CsvSink {
            writer,
            record: csv::ByteRecord::new(),
            buf: String::new(),
        })
    }

    /// Writes one row.
    pub(crate) fn write(&mut self, cells: &[Cell<'_>]) -> crate::Result<()> {
        self.record.clear();
        for cell in cells {
            self.buf.clear();
            cell.write_text(&mut self.buf);
            self.record.push_field(self.buf.as_bytes());
        }
        self.writer.write_byte_record(&self.record)?;
        Ok(())
    }

    /// Flushes and returns the output.
    pub(crate) fn finish(self) -> crate::Result<W> {
        self.writer
            .into_inner()
            .map_err(|e| crate::ExportError::Io(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{cluster, full_event, sparse_event};

    fn check(columns: &[Column], cells: &[Cell<'_>]) {
        assert_eq!(cells.len(), columns.len());
        for (col, cell) in columns.iter().zip(cells) {
            assert_eq!(cell.ty(), col.ty, "type of column {}", col.name);
            assert!(
                col.nullable || !cell.is_null(),
                "null in column {}",
                col.name
            );
        }
    }

    #[test]
    fn cells_match_their_columns() {
        for e in [full_event(1), sparse_event(2)] {
            check(&EVENT_COLUMNS, &event_cells(&e));
            let c = cluster(3, e);
            check(&CLUSTER_COLUMNS, &cluster_cells(&c));
        }
    }

    #[test]
    fn sparse_rows_are_null_where_values_are_missing() {
        let e = sparse_event(2);
        let cells = event_cells(&e);
        let at = |name: &str| &cells[EVENT_COLUMNS.iter().position(|c| c.name == name).unwrap()];
        for name in [
            "cluster_id",
            "url",
            "date",
            "target_code",
            "target_start",
            "speaker",
        ] {
            assert!(at(name).is_null(), "{name}");
        }
        assert_eq!(at("sentence_index"), &Cell::Int(Some(0)));
        let c = cluster(3, e);
        let cells = cluster_cells(&c);
        let target = CLUSTER_COLUMNS
            .iter()
            .position(|c| c.name == "target_base")
            .unwrap();
        assert!(cells[target].is_null());
    }

    #[test]
    fn column_names_are_unique() {
        for columns in [&EVENT_COLUMNS[..], &CLUSTER_COLUMNS[..]] {
            let mut names: Vec<_> = columns.iter().map(|c| c.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), columns.len());
        }
    }
}
