//! Dyad time series: events per period by QuadClass, Goldstein sum and mean, and the same
//! normalised by the number of documents published in the period (raw counts grow with news
//! volume, so a busier news week is not by itself an escalation).
//!
//! Invariants: the buckets cover the whole requested range, empty periods included, in order;
//! every point inside the range is counted in exactly one bucket.

use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate};

/// The length of a bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Period {
    /// One day.
    Day,
    /// A week starting on Monday.
    Week,
    /// A calendar month.
    Month,
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "day" | "daily" => Ok(Period::Day),
            "week" | "weekly" => Ok(Period::Week),
            "month" | "monthly" => Ok(Period::Month),
            other => Err(format!("{other:?} is not a period: use day, week or month")),
        }
    }
}

impl Period {
    /// The first day of the bucket holding `d`.
    pub fn start_of(self, d: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => d,
            Period::Week => d - Duration::days(i64::from(d.weekday().num_days_from_monday())),
            Period::Month => d.with_day(1).expect("day 1 exists"),
        }
    }

    /// The first day of the bucket after the one starting on `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => start + Duration::days(1),
            Period::Week => start + Duration::days(7),
            Period::Month => {
                let (y, m) = if start.month() == 12 {
                    (start.year() + 1, 1)
                } else {
                    (start.year(), start.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1).expect("the first of a month exists")
            }
        }
    }
}

/// One event of a dyad: a real-world event (a cluster), counted once.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Point {
    /// When it happened.
    pub date: NaiveDate,
    /// GDELT QuadClass, 1-4.
    pub quad_class: u8,
    /// Goldstein value of its code.
    pub goldstein: f64,
    /// PLOVER score of its event and mode, when PLOVER has the code.
    pub plover: Option<f64>,
}

/// One period of a series.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Bucket {
    /// First day of the period.
    pub start: NaiveDate,
    /// Events per QuadClass: verbal cooperation, material cooperation, verbal conflict, material
    /// conflict.
    pub counts: [u64; 4],
    /// Sum of Goldstein values.
    pub goldstein_sum: f64,
    /// Sum of PLOVER scores (events whose code PLOVER dropped add nothing).
    pub plover_sum: f64,
    /// Documents published in the period (all documents in the store, not only this dyad's).
    pub documents: u64,
}

impl Bucket {
    /// All events of the period.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Mean Goldstein value, when there are events.
    pub fn goldstein_mean(&self) -> Option<f64> {
        let n = self.total();
        (n > 0).then(|| self.goldstein_sum / n as f64)
    }

    /// Conflict events (QuadClass 3 and 4) per 100 documents published in the period.
    pub fn conflict_per_100_documents(&self) -> Option<f64> {
        (self.documents > 0)
            .then(|| (self.counts[2] + self.counts[3]) as f64 * 100.0 / self.documents as f64)
    }

    /// Goldstein sum per 100 documents published in the period.
    pub fn goldstein_per_100_documents(&self) -> Option<f64> {
        (self.documents > 0).then(|| self.goldstein_sum * 100.0 / self.documents as f64)
    }
}

/// The series of `points` from `from` to `to` (inclusive), one bucket per period, with the
/// number of documents of each day in `documents`. Points outside the range are left out.
pub fn series(
    points: &[Point],
    documents: &[(NaiveDate, u64)],
    period: Period,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Bucket> {
    let mut buckets = Vec::new();
    if to < from {
        return buckets;
    }
    let mut start = period.start_of(from);
    while start <= to {
        buckets.push(Bucket {
            start,
            counts: [0; 4],
            goldstein_sum: 0.0,
            plover_sum: 0.0,
            documents: 0,
        });
        start = period.next(start);
    }
    let starts: Vec<NaiveDate> = buckets.iter().map(|b| b.start).collect();
    let index = |d: NaiveDate| -> Option<usize> {
        if d < from || d > to {
            return None;
        }
        starts.binary_search(&period.start_of(d)).ok()
    };
    for p in points {
        if let Some(i) = index(p.date)
            && (1..=4).contains(&p.quad_class)
        {
            buckets[i].counts[usize::from(p.quad_class - 1)] += 1;
            buckets[i].goldstein_sum += p.goldstein;
            buckets[i].plover_sum += p.plover.unwrap_or(0.0);
        }
    }
    for &(d, n) in documents {
        if let Some(i) = index(d) {
            buckets[i].documents += n;
        }
    }
    buckets
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekly_buckets_start_on_monday_and_cover_the_range() {
        let points = vec![
            Point {
                date: day("2025-03-05"),
                quad_class: 4,
                goldstein: -10.0,
                plover: Some(-9.0),
            },
            Point {
                date: day("2025-03-06"),
                quad_class: 1,
                goldstein: 3.0,
                plover: None,
            },
            Point {
                date: day("2025-03-20"),
                quad_class: 3,
                goldstein: -4.0,
                plover: Some(-3.5),
            },
        ];
        let docs = vec![(day("2025-03-05"), 10), (day("2025-03-20"), 4)];
        let s = series(
            &points,
            &docs,
            Period::Week,
            day("2025-03-01"),
            day("2025-03-22"),
        );
        let starts: Vec<String> = s.iter().map(|b| b.start.to_string()).collect();
        assert_eq!(
            starts,
            ["2025-02-24", "2025-03-03", "2025-03-10", "2025-03-17"]
        );
        assert_eq!(s[1].counts, [1, 0, 0, 1]);
        assert_eq!(s[1].goldstein_mean(), Some(-3.5));
        assert_eq!(
            s[1].plover_sum, -9.0,
            "an event PLOVER dropped adds nothing"
        );
        assert_eq!(s[3].plover_sum, -3.5);
        assert_eq!(s[1].conflict_per_100_documents(), Some(10.0));
        assert_eq!(s[2].total(), 0);
        assert_eq!(
            s[2].conflict_per_100_documents(),
            None,
            "no documents, no rate"
        );
        assert_eq!(s[3].counts, [0, 0, 1, 0]);
        assert_eq!(s[3].goldstein_per_100_documents(), Some(-100.0));
    }

    #[test]
    fn months_roll_over_the_year() {
        let s = series(
            &[],
            &[],
            Period::Month,
            day("2024-11-15"),
            day("2025-02-01"),
        );
        let starts: Vec<String> = s.iter().map(|b| b.start.to_string()).collect();
        assert_eq!(
            starts,
            ["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]
        );
    }

    #[test]
    fn periods_parse_with_a_clear_error() {
        assert_eq!("Week".parse::<Period>(), Ok(Period::Week));
        assert!(
            "fortnight"
                .parse::<Period>()
                .unwrap_err()
                .contains("day, week or month")
        );
    }

    proptest! {
        #[test]
        fn every_point_in_range_is_counted_once_and_buckets_are_contiguous(
            offsets in proptest::collection::vec((0i64..400, 1u8..=4, -10.0f64..10.0), 0..200),
            span in 1i64..400,
            period in prop_oneof![Just(Period::Day), Just(Period::Week), Just(Period::Month)],
        ) {
            let origin = day("2024-01-01");
            let from = origin + Duration::days(30);
            let to = from + Duration::days(span);
            let points: Vec<Point> = offsets
                .iter()
                .map(|&(o, q, g)| Point { date: origin + Duration::days(o), quad_class: q, goldstein: g, plover: Some(g / 2.0) })
                .collect();
            let s = series(&points, &[], period, from, to);
            let inside = points.iter().filter(|p| p.date >= from && p.date <= to).count() as u64;
            prop_assert_eq!(s.iter().map(Bucket::total).sum::<u64>(), inside);
            prop_assert!(s.first().unwrap().start <= from);
            prop_assert!(period.next(s.last().unwrap().start) > to);
            for w in s.windows(2) {
                prop_assert_eq!(period.next(w[0].start), w[1].start);
            }
            for b in &s {
                prop_assert!(b.goldstein_sum.is_finite() && b.plover_sum.is_finite());
            }
        }
    }
}
