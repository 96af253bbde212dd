//! Views over the store: what Redline shows about a dyad, the red-line alerts and the claims,
//! computed in one place.
//!
//! `redline-analysis` works on plain values and never sees the store; `redline-store` stores and
//! queries and knows no analysis. This crate joins them: it reads a dyad's real-world events, the
//! rules' candidates or the claims from a [`redline_store::Store`] and hands them to the
//! analysis. The CLI's `escalation`, `ladder`, `backtest`, `alerts`, `claims` and `report`
//! commands read through it, and so will the HTTP server (issue 6), so every surface shows the
//! same figures.

pub mod alerts;
pub mod claims;
pub mod dyad;
pub mod overview;

use std::path::PathBuf;

/// Why a view could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] redline_store::StoreError),
    /// A rules file is wrong.
    #[error(transparent)]
    Rules(#[from] redline_analysis::RuleError),
    /// A rules file could not be read.
    #[error("reading {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A dyad that is not `SOURCE:TARGET`.
    #[error("{dyad:?} is not a dyad: expected SOURCE:TARGET, e.g. USA:RUS")]
    BadDyad {
        /// What was given.
        dyad: String,
    },
}
