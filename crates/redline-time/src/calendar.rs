//! Calendar arithmetic for resolving underspecified dates against a reference date.
//!
//! Every function is total: arithmetic that would leave chrono's range (a publication date near
//! `NaiveDate::MAX`, "1000000 years ago") gives `None` instead of panicking.

use chrono::{Datelike, Days, NaiveDate};

/// English month names, index 0 = January.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names, index 0 = Monday.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// How many years a year-less "February 29" may look back or ahead for a leap year. Eight covers
/// the longest gap between leap years (1896 to 1904).
const LEAP_SEARCH: i32 = 8;

/// The name of month 1..=12 (callers only pass months the lexer produced).
pub(crate) fn month_name(month: u32) -> &'static str {
    MONTH_NAMES[(month as usize).saturating_sub(1) % 12]
}

/// The name of weekday 0..=6 (0 = Monday).
pub(crate) fn weekday_name(weekday: u32) -> &'static str {
    WEEKDAY_NAMES[weekday as usize % 7]
}

/// The most days a month can have in any year (February: 29). A year-less "February 29" is a
/// date, "February 30" is not.
pub(crate) fn max_days(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `date` moved by `days` (negative: back), or `None` outside chrono's range.
pub(crate) fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let magnitude = Days::new(days.unsigned_abs());
    if days < 0 {
        date.checked_sub_days(magnitude)
    } else {
        date.checked_add_days(magnitude)
    }
}

/// The month `shift` months after (year, month); negative shifts go back.
pub(crate) fn add_months(year: i32, month: u32, shift: i64) -> Option<(i32, u32)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + shift;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    Some((year, index.rem_euclid(12) as u32 + 1))
}

/// The most recent (month, day) on or before `reference`, looking back over leap years for a
/// "February 29".
pub(crate) fn month_day_on_or_before(
    reference: NaiveDate,
    month: u32,
    day: u32,
) -> Option<NaiveDate> {
    (0..=LEAP_SEARCH)
        .filter_map(|back| NaiveDate::from_ymd_opt(reference.year().checked_sub(back)?, month, day))
        .find(|&date| date <= reference)
}

/// The first (month, day) on or after `reference`.
pub(crate) fn month_day_on_or_after(
    reference: NaiveDate,
    month: u32,
    day: u32,
) -> Option<NaiveDate> {
    (0..=LEAP_SEARCH)
        .filter_map(|ahead| {
            NaiveDate::from_ymd_opt(reference.year().checked_add(ahead)?, month, day)
        })
        .find(|&date| date >= reference)
}

/// Of two candidates around `reference`, the nearer one; the earlier on a tie (news reports more
/// often than it announces).
pub(crate) fn nearest(
    reference: NaiveDate,
    before: Option<NaiveDate>,
    after: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match (before, after) {
        (Some(b), Some(a)) => {
            let back = reference.signed_duration_since(b);
            let ahead = a.signed_duration_since(reference);
            Some(if back <= ahead { b } else { a })
        }
        (b, a) => b.or(a),
    }
}

/// The most recent month `month` whose start is on or before the reference month: the reference
/// month itself when it is that month.
pub(crate) fn month_on_or_before(reference: NaiveDate, month: u32) -> (i32, u32) {
    let year = if month <= reference.month() {
        reference.year()
    } else {
        reference.year() - 1
    };
    (year, month)
}

/// The first month `month` on or after the reference month.
pub(crate) fn month_on_or_after(reference: NaiveDate, month: u32) -> (i32, u32) {
    let year = if month >= reference.month() {
        reference.year()
    } else {
        reference.year() + 1
    };
    (year, month)
}

/// The nearer of the two, counting whole months; the earlier on a tie (six months each way).
pub(crate) fn month_nearest(reference: NaiveDate, month: u32) -> (i32, u32) {
    let back = (reference.month() + 12 - month) % 12;
    if back <= 6 {
        month_on_or_before(reference, month)
    } else {
        month_on_or_after(reference, month)
    }
}

/// The most recent day-of-month `day` on or before `reference`, skipping months too short for it.
pub(crate) fn day_of_month_on_or_before(reference: NaiveDate, day: u32) -> Option<NaiveDate> {
    (0..=12)
        .filter_map(|back| {
            let (y, m) = add_months(reference.year(), reference.month(), -back)?;
            NaiveDate::from_ymd_opt(y, m, day)
        })
        .find(|&date| date <= reference)
}

/// The first day-of-month `day` on or after `reference`.
pub(crate) fn day_of_month_on_or_after(reference: NaiveDate, day: u32) -> Option<NaiveDate> {
    (0..=12)
        .filter_map(|ahead| {
            let (y, m) = add_months(reference.year(), reference.month(), ahead)?;
            NaiveDate::from_ymd_opt(y, m, day)
        })
        .find(|&date| date >= reference)
}

/// Days from `reference` back to the most recent `weekday` (0 = Monday), 0..=6.
fn days_back_to(reference: NaiveDate, weekday: u32) -> i64 {
    i64::from((reference.weekday().num_days_from_monday() + 7 - weekday % 7) % 7)
}

/// The most recent `weekday` on or before `reference` (`reference` itself if it is one).
pub(crate) fn weekday_on_or_before(reference: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    add_days(reference, -days_back_to(reference, weekday))
}

/// The most recent `weekday` strictly before `reference` ("last Monday").
pub(crate) fn weekday_before(reference: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    let back = days_back_to(reference, weekday);
    add_days(reference, -if back == 0 { 7 } else { back })
}

/// The first `weekday` on or after `reference`.
pub(crate) fn weekday_on_or_after(reference: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    add_days(reference, (7 - days_back_to(reference, weekday)) % 7)
}

/// The first `weekday` strictly after `reference` ("next Monday").
pub(crate) fn weekday_after(reference: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    add_days(reference, 7 - days_back_to(reference, weekday))
}

/// The Monday of the week `shift` weeks from the week containing `reference` (ISO weeks start on
/// Monday).
pub(crate) fn week_monday(reference: NaiveDate, shift: i64) -> Option<NaiveDate> {
    let monday = add_days(reference, -days_back_to(reference, 0))?;
    add_days(monday, shift.checked_mul(7)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_days_around_a_year_boundary() {
        assert_eq!(
            month_day_on_or_before(d(2023, 1, 8), 12, 10),
            Some(d(2022, 12, 10))
        );
        assert_eq!(
            month_day_on_or_before(d(2023, 1, 8), 1, 8),
            Some(d(2023, 1, 8))
        );
        assert_eq!(
            month_day_on_or_after(d(2023, 12, 20), 1, 5),
            Some(d(2024, 1, 5))
        );
        assert_eq!(
            month_day_on_or_before(d(2023, 3, 1), 2, 29),
            Some(d(2020, 2, 29))
        );
        assert_eq!(
            month_day_on_or_after(d(2023, 3, 1), 2, 29),
            Some(d(2024, 2, 29))
        );
        assert_eq!(month_day_on_or_before(d(2023, 3, 1), 2, 30), None);
    }

    #[test]
    fn nearest_prefers_the_past_on_ties() {
        let r = d(2023, 1, 8);
        assert_eq!(
            nearest(r, Some(d(2023, 1, 1)), Some(d(2023, 1, 15))),
            Some(d(2023, 1, 1))
        );
        assert_eq!(
            nearest(r, Some(d(2022, 6, 1)), Some(d(2023, 1, 10))),
            Some(d(2023, 1, 10))
        );
        assert_eq!(month_nearest(r, 7), (2022, 7));
        assert_eq!(month_nearest(r, 8), (2022, 8));
        assert_eq!(month_nearest(r, 6), (2023, 6));
        assert_eq!(month_nearest(r, 12), (2022, 12));
    }

    #[test]
    fn weekdays() {
        let wednesday = d(2023, 4, 12);
        assert_eq!(weekday_on_or_before(wednesday, 0), Some(d(2023, 4, 10)));
        assert_eq!(weekday_on_or_before(wednesday, 2), Some(wednesday));
        assert_eq!(weekday_before(wednesday, 2), Some(d(2023, 4, 5)));
        assert_eq!(weekday_on_or_after(wednesday, 2), Some(wednesday));
        assert_eq!(weekday_on_or_after(wednesday, 0), Some(d(2023, 4, 17)));
        assert_eq!(weekday_after(wednesday, 2), Some(d(2023, 4, 19)));
        assert_eq!(week_monday(wednesday, -1), Some(d(2023, 4, 3)));
    }

    #[test]
    fn months_and_days_of_month() {
        assert_eq!(add_months(2024, 1, -1), Some((2023, 12)));
        assert_eq!(add_months(2024, 11, 14), Some((2026, 1)));
        assert_eq!(
            day_of_month_on_or_before(d(2023, 3, 5), 31),
            Some(d(2023, 1, 31))
        );
        assert_eq!(
            day_of_month_on_or_after(d(2023, 1, 31), 30),
            Some(d(2023, 3, 30))
        );
    }

    #[test]
    fn arithmetic_at_the_edges_of_the_range_gives_none() {
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
        assert_eq!(week_monday(NaiveDate::MIN, -1), None);
        assert_eq!(weekday_after(NaiveDate::MAX, 0), None);
        assert_eq!(add_months(i32::MAX, 12, 1), None);
    }
}
