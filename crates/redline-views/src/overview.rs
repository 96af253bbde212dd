//! What the overview shows about the whole store: how much news there was over time, and the
//! dyads whose escalation index moved most between the last two windows of the store.
//!
//! The escalation index is the dyad page's: real-world conflict events (QuadClass 3 and 4) per
//! 100 documents published in the period, so a busier news week does not pass for escalation.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use redline_analysis::Period;
use redline_store::{Store, StoreError};
use serde::Serialize;

/// News volume of one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct VolumeBucket {
    /// First day of the period.
    pub start: NaiveDate,
    /// Documents published in the period.
    pub documents: u64,
    /// Coded reports dated in the period (any polarity or modality: coverage, not facts).
    pub reports: u64,
    /// Of which conflict (QuadClass 3 and 4).
    pub conflict: u64,
}

/// News volume over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Volume {
    /// One bucket per period from the first to the last day with published documents (or with
    /// dated reports, when no document has a date), empty periods included.
    pub buckets: Vec<VolumeBucket>,
    /// Reports dated before the first bucket: history the news mentions (a 1962 crisis in a
    /// 2024 article), left out of the chart so that it does not stretch over decades.
    pub reports_before: u64,
    /// Reports dated after the last bucket (expected dates of announced events).
    pub reports_after: u64,
}

/// Documents and reports per `period`. `documents` is [`Store::documents_per_day`].
pub fn volume(
    store: &Store,
    documents: &[(NaiveDate, u64)],
    period: Period,
) -> Result<Volume, StoreError> {
    let reports = store.reports_per_day()?;
    let span = match (documents.first(), documents.last()) {
        (Some(first), Some(last)) => Some((first.0, last.0)),
        _ => reports
            .first()
            .zip(reports.last())
            .map(|(f, l)| (f.date, l.date)),
    };
    let mut out = Volume {
        buckets: Vec::new(),
        reports_before: 0,
        reports_after: 0,
    };
    let Some((from, to)) = span else {
        return Ok(out);
    };
    let mut start = period.start_of(from);
    while start <= to {
        out.buckets.push(VolumeBucket {
            start,
            documents: 0,
            reports: 0,
            conflict: 0,
        });
        start = period.next(start);
    }
    // Buckets are in date order, so a day's bucket is found by binary search on its start.
    let bucket = |buckets: &[VolumeBucket], d: NaiveDate| -> Option<usize> {
        buckets
            .binary_search_by_key(&period.start_of(d), |b| b.start)
            .ok()
    };
    for &(d, n) in documents {
        if let Some(i) = bucket(&out.buckets, d) {
            out.buckets[i].documents += n;
        }
    }
    for r in &reports {
        if r.date < from {
            out.reports_before += r.reports;
        } else if r.date > to {
            out.reports_after += r.reports;
        } else if let Some(i) = bucket(&out.buckets, r.date) {
            out.buckets[i].reports += r.reports;
            out.buckets[i].conflict += r.conflict;
        }
    }
    Ok(out)
}

/// A window of days and the documents published in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    /// First day.
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
    /// Documents published in the window.
    pub documents: u64,
}

impl Window {
    fn of(from: NaiveDate, to: NaiveDate, documents: &[(NaiveDate, u64)]) -> Window {
        Window {
            from,
            to,
            documents: documents
                .iter()
                .filter(|(d, _)| *d >= from && *d <= to)
                .map(|(_, n)| n)
                .sum(),
        }
    }

    /// Conflict events per 100 documents of the window, when it has documents.
    fn per_100(&self, conflict: u64) -> Option<f64> {
        (self.documents > 0).then(|| conflict as f64 * 100.0 / self.documents as f64)
    }
}

/// A dyad's escalation index in the previous and the recent window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mover {
    /// One side (the smaller code: directions are added together).
    pub a: String,
    /// The other side.
    pub b: String,
    /// Real-world conflict events in the previous window.
    pub previous: u64,
    /// In the recent window.
    pub recent: u64,
    /// The previous window's escalation index (conflict events per 100 documents).
    pub previous_per_100: Option<f64>,
    /// The recent window's.
    pub recent_per_100: Option<f64>,
    /// `recent_per_100 - previous_per_100`: positive is escalation. `None` when a window has
    /// no documents, in which case pairs are ranked by the change in events.
    pub change: Option<f64>,
}

/// The dyads whose escalation index moved most.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Movers {
    /// Length of each window in days.
    pub days: i64,
    /// The window before `recent`.
    pub previous: Window,
    /// The last `days` days of the store, ending on its last day with published documents.
    pub recent: Window,
    /// Every pair with conflict events in either window, the largest move (either way) first.
    pub items: Vec<Mover>,
}

/// The pairs of actors (directions added together) ranked by how much their escalation index
/// changed from the `days` days before the recent window to the recent window: the last `days`
/// days up to the store's last day with a published document. `None` when no document has a
/// date. `documents` is [`Store::documents_per_day`].
pub fn movers(
    store: &Store,
    documents: &[(NaiveDate, u64)],
    days: i64,
) -> Result<Option<Movers>, StoreError> {
    let days = days.max(1);
    let Some(&(end, _)) = documents.last() else {
        return Ok(None);
    };
    let recent = Window::of(end - Duration::days(days - 1), end, documents);
    let previous_to = recent.from - Duration::days(1);
    let previous = Window::of(
        previous_to - Duration::days(days - 1),
        previous_to,
        documents,
    );
    let mut counts: HashMap<(String, String), (u64, u64)> = HashMap::new();
    for c in store.dated_pair_counts(previous.from, recent.to)? {
        if !matches!(c.quad_class, 3 | 4) {
            continue;
        }
        let key = if c.source <= c.target {
            (c.source, c.target)
        } else {
            (c.target, c.source)
        };
        let entry = counts.entry(key).or_default();
        if c.date >= recent.from {
            entry.1 += c.clusters as u64;
        } else {
            entry.0 += c.clusters as u64;
        }
    }
    let mut items: Vec<Mover> = counts
        .into_iter()
        .map(|((a, b), (before, after))| {
            let previous_per_100 = previous.per_100(before);
            let recent_per_100 = recent.per_100(after);
            Mover {
                a,
                b,
                previous: before,
                recent: after,
                previous_per_100,
                recent_per_100,
                change: recent_per_100.zip(previous_per_100).map(|(r, p)| r - p),
            }
        })
        .collect();
    let size = |m: &Mover| {
        m.change
            .unwrap_or(m.recent as f64 - m.previous as f64)
            .abs()
    };
    items.sort_by(|x, y| {
        size(y)
            .total_cmp(&size(x))
            .then_with(|| (y.recent + y.previous).cmp(&(x.recent + x.previous)))
            .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    Ok(Some(Movers {
        days,
        previous,
        recent,
        items,
    }))
}
