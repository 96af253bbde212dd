use std::fmt;

use chrono::{Datelike, NaiveDate};

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    /// Year, month and day are known.
    Day,
    /// Year and month are known.
    Month,
    /// Only the year is known.
    Year,
    /// Nothing is known.
    Unknown,
}

impl DatePrecision {
    /// The lower-case name used in JSON output: `day`, `month`, `year` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unknown => "unknown",
        }
    }
}

impl fmt::Display for DatePrecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A calendar date known to some precision ("10 April 2023", "April 2023", "2023").
///
/// Invariant: `date` is the first day of the period that `precision` names, so two partial dates
/// for the same period compare equal. `precision` is never [`DatePrecision::Unknown`]; an unknown
/// date is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    date: NaiveDate,
    precision: DatePrecision,
}

impl PartialDate {
    /// A date known to the day.
    pub fn day(date: NaiveDate) -> Self {
        PartialDate {
            date,
            precision: DatePrecision::Day,
        }
    }

    /// A month of a year; `None` if `month` is not 1..=12 or the year is out of range.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Some(PartialDate {
            date: NaiveDate::from_ymd_opt(year, month, 1)?,
            precision: DatePrecision::Month,
        })
    }

    /// A whole year; `None` if the year is out of chrono's range.
    pub fn year(year: i32) -> Option<Self> {
        Some(PartialDate {
            date: NaiveDate::from_ymd_opt(year, 1, 1)?,
            precision: DatePrecision::Year,
        })
    }

    /// Year, month and day; `None` if they do not form a real date.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(PartialDate::day)
    }

    /// The first day of the period.
    pub fn first_day(self) -> NaiveDate {
        self.date
    }

    /// How much of the date is known (never `Unknown`).
    pub fn precision(self) -> DatePrecision {
        self.precision
    }

    /// The year.
    pub fn year_number(self) -> i32 {
        self.date.year()
    }
}

impl fmt::Display for PartialDate {
    /// `YYYY-MM-DD` for day precision, `YYYY-MM` for month, `YYYY` for year.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            DatePrecision::Day => write!(f, "{}", self.date.format("%Y-%m-%d")),
            DatePrecision::Month => write!(f, "{}", self.date.format("%Y-%m")),
            _ => write!(f, "{}", self.date.year()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_and_year_dates_start_their_period() {
        let m = PartialDate::month(2025, 4).unwrap();
        assert_eq!(m.first_day(), NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
        assert_eq!(m.to_string(), "2025-04");
        assert_eq!(PartialDate::year(2019).unwrap().to_string(), "2019");
        assert_eq!(
            PartialDate::ymd(2023, 4, 10).unwrap().to_string(),
            "2023-04-10"
        );
        assert!(PartialDate::ymd(2023, 2, 30).is_none());
        assert!(PartialDate::month(2023, 13).is_none());
    }
}
