//! Export errors.

use crate::format::{Format, Rows};

/// The result of an export operation.
pub type Result<T, E = ExportError> = std::result::Result<T, E>;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing to the output failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed (usually an I/O error underneath).
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The Parquet or Arrow writer failed.
    #[error("cannot write Parquet: {0}")]
    Parquet(#[source] Box<dyn std::error::Error + Send + Sync + 'static>),
    /// Parquet was asked for in a build without the `parquet` feature.
    #[error(
        "this build has no Parquet export; rebuild with `--features parquet` \
         or choose another format (jsonl, csv)"
    )]
    ParquetNotBuilt,
    /// The format writes the other kind of rows: GDELT Events and PLOVER write clusters,
    /// Mentions writes reports.
    #[error(
        "the `{format}` format writes one row per {}, not per {}: export {} instead",
        given_other(*given).singular(),
        given.singular(),
        given_other(*given)
    )]
    WrongRows {
        /// The format asked for.
        format: Format,
        /// The kind of rows it was given.
        given: Rows,
    },
    /// A format name that [`Format`]'s `FromStr` does not know.
    #[error(
        "unknown export format `{0}`; expected one of: jsonl, csv, gdelt, mentions, plover, parquet"
    )]
    UnknownFormat(String),
}

fn given_other(rows: Rows) -> Rows {
    match rows {
        Rows::Reports => Rows::Clusters,
        Rows::Clusters => Rows::Reports,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_rows_says_what_to_do() {
        let e = ExportError::WrongRows {
            format: Format::Gdelt,
            given: Rows::Reports,
        };
        assert_eq!(
            e.to_string(),
            "the `gdelt` format writes one row per cluster, not per report: export clusters instead"
        );
        assert!(
            ExportError::ParquetNotBuilt
                .to_string()
                .contains("--features parquet")
        );
    }
}
