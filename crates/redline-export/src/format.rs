//! The export formats and the kind of rows each one writes.

use std::fmt;
use std::str::FromStr;

use crate::error::ExportError;

/// An export format.
///
/// Per cluster (one row per real-world event, [`ClusterWriter`](crate::ClusterWriter)):
/// [`Gdelt`](Format::Gdelt), [`Plover`](Format::Plover). Per report (one row per coded event in
/// one sentence, [`EventWriter`](crate::EventWriter)): [`Mentions`](Format::Mentions). Either:
/// [`Jsonl`](Format::Jsonl), [`Csv`](Format::Csv), [`Parquet`](Format::Parquet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON Lines: the stored report or cluster as serialised by the store (either rows).
    Jsonl,
    /// CSV with a header row and flat columns; list fields joined with `;` (either rows).
    Csv,
    /// GDELT 2.0 Events TSV, 61 columns, no header unless asked (per cluster).
    Gdelt,
    /// GDELT 2.0 Mentions TSV, 16 columns, no header unless asked (per report).
    Mentions,
    /// PLOVER JSON, one object per line (per cluster).
    Plover,
    /// Parquet with the CSV columns, typed; needs the `parquet` cargo feature (either rows).
    Parquet,
}

/// The kind of row a writer takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rows {
    /// Reports: one coded event in one sentence of one article (`StoredEvent`).
    Reports,
    /// Clusters: one real-world event, its reports merged (`StoredCluster`).
    Clusters,
}

impl Rows {
    /// `report` or `cluster`, for messages.
    pub fn singular(self) -> &'static str {
        match self {
            Rows::Reports => "report",
            Rows::Clusters => "cluster",
        }
    }
}

impl fmt::Display for Rows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Rows::Reports => "reports",
            Rows::Clusters => "clusters",
        })
    }
}

impl Format {
    /// Every format, in the order of the enum.
    pub const ALL: [Format; 6] = [
        Format::Jsonl,
        Format::Csv,
        Format::Gdelt,
        Format::Mentions,
        Format::Plover,
        Format::Parquet,
    ];

    /// The name [`FromStr`] accepts (`jsonl`, `csv`, `gdelt`, `mentions`, `plover`, `parquet`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Gdelt => "gdelt",
            Format::Mentions => "mentions",
            Format::Plover => "plover",
            Format::Parquet => "parquet",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl | Format::Plover => "jsonl",
            Format::Csv => "csv",
            Format::Gdelt | Format::Mentions => "tsv",
            Format::Parquet => "parquet",
        }
    }

    /// The only kind of rows the format writes, or `None` when it writes both.
    pub fn rows(self) -> Option<Rows> {
        match self {
            Format::Gdelt | Format::Plover => Some(Rows::Clusters),
            Format::Mentions => Some(Rows::Reports),
            Format::Jsonl | Format::Csv | Format::Parquet => None,
        }
    }

    /// Whether the format writes this kind of rows.
    pub fn writes(self, rows: Rows) -> bool {
        self.rows().is_none_or(|only| only == rows)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ExportError;

    /// Parses a format name, ignoring case and surrounding space.
    fn from_str(s: &str) -> Result<Self, ExportError> {
        let name = s.trim();
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| ExportError::UnknownFormat(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_fail() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>().unwrap(), f);
            assert_eq!(f.to_string(), f.name());
        }
        assert_eq!(" GDELT ".parse::<Format>().unwrap(), Format::Gdelt);
        let err = "tsv".parse::<Format>().unwrap_err();
        assert!(err.to_string().contains("`tsv`"), "{err}");
        assert!(err.to_string().contains("mentions"), "{err}");
    }

    #[test]
    fn rows_per_format() {
        assert!(Format::Gdelt.writes(Rows::Clusters) && !Format::Gdelt.writes(Rows::Reports));
        assert!(Format::Plover.writes(Rows::Clusters) && !Format::Plover.writes(Rows::Reports));
        assert!(Format::Mentions.writes(Rows::Reports) && !Format::Mentions.writes(Rows::Clusters));
        for f in [Format::Jsonl, Format::Csv, Format::Parquet] {
            assert!(f.writes(Rows::Reports) && f.writes(Rows::Clusters));
        }
    }
}
