//! Counts per day for the overview: how much was reported (coverage) and which pairs of actors
//! had real-world events in a window. Both read indexes (the second also the table rows of
//! its window), so a million events take well under a second.

use chrono::NaiveDate;

use super::RootClasses;
use crate::Store;
use crate::error::Result;
use crate::write::{day, parse_day};

/// Coded reports of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayReports {
    /// The day (the first day of each report's event date).
    pub date: NaiveDate,
    /// Reports dated that day, whatever their polarity and modality: coverage, not facts.
    pub reports: u64,
    /// Of which conflict (QuadClass 3 and 4).
    pub conflict: u64,
}

/// Real-world events of a directed pair of actors on one day, in one QuadClass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedPairCount {
    /// Source actor without roles.
    pub source: String,
    /// Target actor without roles.
    pub target: String,
    /// The first day of the events' period (as a dyad's series dates them).
    pub date: NaiveDate,
    /// QuadClass of the events (1 to 4; 0 when the CAMEO root has no stored class).
    pub quad_class: u8,
    /// Real-world events (clusters).
    pub clusters: i64,
}

impl Store {
    /// Coded reports per day, in date order, from the `(root, date)` index. Reports without a
    /// date are left out.
    pub fn reports_per_day(&self) -> Result<Vec<DayReports>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT root, date, count(*) FROM events WHERE date IS NOT NULL \
                 GROUP BY root, date",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(|e| self.sql(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.sql(e))?;
        let mut classes = RootClasses::default();
        let mut days: std::collections::BTreeMap<NaiveDate, DayReports> = Default::default();
        for (root, date, n) in rows {
            // Dates are written by this crate as YYYY-MM-DD; a row that is not is left out.
            let Some(date) = parse_day(Some(&date)) else {
                continue;
            };
            let class = classes.of(self, &root)?.unwrap_or(0);
            let day = days.entry(date).or_insert(DayReports {
                date,
                reports: 0,
                conflict: 0,
            });
            day.reports += n as u64;
            if matches!(class, 3 | 4) {
                day.conflict += n as u64;
            }
        }
        Ok(days.into_values().collect())
    }

    /// Real-world events between two different actors with a date from `from` to `to`
    /// (inclusive), per directed pair, day and QuadClass, in no particular order: the clusters
    /// that [`Store::dyad_counts`] counts, dated as [`Store::clusters`] dates them.
    ///
    /// A cluster's date is the earliest of its reports', so it is never after its anchor (its
    /// first report's date): `anchor_start >= from` narrows the key index to the window
    /// without losing a cluster, and only those rows are read from the table.
    pub fn dated_pair_counts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DatedPairCount>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT source_base, target_base, root, date_start, count(*) FROM clusters \
                 WHERE polarity = 'asserted' AND modality = 'actual' \
                 AND target_base <> '' AND source_base <> target_base \
                 AND anchor_start >= ?1 AND date_start >= ?1 AND date_start <= ?2 \
                 GROUP BY source_base, target_base, root, date_start",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([day(from), day(to)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                ))
            })
            .map_err(|e| self.sql(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.sql(e))?;
        let mut classes = RootClasses::default();
        let mut out = Vec::with_capacity(rows.len());
        for (source, target, root, date, clusters) in rows {
            let Some(date) = parse_day(Some(&date)) else {
                continue;
            };
            out.push(DatedPairCount {
                source,
                target,
                date,
                quad_class: classes.of(self, &root)?.unwrap_or(0),
                clusters,
            });
        }
        Ok(out)
    }
}
