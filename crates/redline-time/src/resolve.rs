//! Resolution: a parsed [`Kind`] plus the publication date and tense give a [`PartialDate`] and
//! the rule text that explains it.
//!
//! Rule texts are written for people reading an explanation of a coded event, and name the
//! publication date they were computed from, e.g. "month-day, past: most recent December 10 on or
//! before 2023-01-08".

use chrono::{Datelike, NaiveDate};
use redline_model::PartialDate;

use crate::Tense;
use crate::calendar::{self, month_name, weekday_name};
use crate::lex::Unit;
use crate::parse::{DateForm, Dir, Kind};

/// The date and rule for `kind`; `None` when it is relative and there is no publication date, or
/// when the arithmetic leaves chrono's range.
pub(crate) fn resolve(
    kind: Kind,
    published: Option<NaiveDate>,
    tense: Tense,
) -> Option<(PartialDate, String)> {
    if let Some(absolute) = resolve_absolute(kind) {
        return Some(absolute);
    }
    let p = published?;
    match kind {
        Kind::MonthDay { month, day } => month_day(p, month, day, tense),
        Kind::MonthOnly { month } => {
            let (year, month) = match tense {
                Tense::Past => calendar::month_on_or_before(p, month),
                Tense::Future => calendar::month_on_or_after(p, month),
                Tense::Present => calendar::month_nearest(p, month),
            };
            let how = match tense {
                Tense::Past => "most recent",
                Tense::Future => "next",
                Tense::Present => "nearest",
            };
            let order = match tense {
                Tense::Past => " on or before",
                Tense::Future => " on or after",
                Tense::Present => " to",
            };
            Some((
                PartialDate::month(year, month)?,
                format!(
                    "month, {}: {how} {}{order} the publication month {}",
                    tense.as_str(),
                    month_name(month),
                    month_of(p)
                ),
            ))
        }
        Kind::MonthDayInYear { month, day, dir } => {
            let year = p.year().checked_add(dir.shift() as i32)?;
            Some((
                PartialDate::ymd(year, month, day)?,
                format!(
                    "month-day, {} year: {} {day} of {year} (published {p})",
                    dir.as_str(),
                    month_name(month)
                ),
            ))
        }
        Kind::MonthInYear { month, dir } => {
            let year = p.year().checked_add(dir.shift() as i32)?;
            Some((
                PartialDate::month(year, month)?,
                format!(
                    "month, {} year: {} of {year} (published {p})",
                    dir.as_str(),
                    month_name(month)
                ),
            ))
        }
        Kind::DayOfMonth { day } => {
            let before = || calendar::day_of_month_on_or_before(p, day);
            let after = || calendar::day_of_month_on_or_after(p, day);
            let (date, how) = match tense {
                Tense::Past => (before()?, "most recent"),
                Tense::Future => (after()?, "next"),
                Tense::Present => (calendar::nearest(p, before(), after())?, "nearest"),
            };
            Some((
                PartialDate::day(date),
                format!(
                    "day of month, {}: {how} day {day} {} {p}",
                    tense.as_str(),
                    relation(tense)
                ),
            ))
        }
        Kind::NamedMonth { month, dir } => {
            // "last December" is the most recent December strictly before the publication month,
            // "next December" the first one strictly after; "this December" is in the
            // publication year.
            let shift = dir.shift();
            let year = match dir {
                Dir::Last if month >= p.month() => p.year() - 1,
                Dir::Next if month <= p.month() => p.year() + 1,
                _ => p.year(),
            };
            let how = match shift {
                -1 => "most recent before",
                0 => "in the year of",
                _ => "first after",
            };
            Some((
                PartialDate::month(year, month)?,
                format!(
                    "{} {}: {how} the publication month {}",
                    dir.as_str(),
                    month_name(month),
                    month_of(p)
                ),
            ))
        }
        Kind::DayOffset { days, phrase } => {
            let date = calendar::add_days(p, days)?;
            let how = match days {
                0 => format!("the publication date {p}"),
                -1 => format!("1 day before {p}"),
                1 => format!("1 day after {p}"),
                d if d < 0 => format!("{} days before {p}", -d),
                d => format!("{d} days after {p}"),
            };
            Some((PartialDate::day(date), format!("{phrase}: {how}")))
        }
        Kind::Weekday { weekday, dir } => {
            let name = weekday_name(weekday);
            let (date, rule) = match dir {
                Some(Dir::Last) => (
                    calendar::weekday_before(p, weekday)?,
                    format!("last {name}: most recent {name} strictly before {p}"),
                ),
                Some(Dir::Next) => (
                    calendar::weekday_after(p, weekday)?,
                    format!("next {name}: first {name} strictly after {p}"),
                ),
                // A bare or "this" weekday: the tense decides; the present reads as the past
                // (news reports what happened this week more often than what will).
                _ => {
                    let this = if dir == Some(Dir::This) { "this " } else { "" };
                    match tense {
                        Tense::Future => (
                            calendar::weekday_on_or_after(p, weekday)?,
                            format!("{this}weekday, future: next {name} on or after {p}"),
                        ),
                        Tense::Past | Tense::Present => (
                            calendar::weekday_on_or_before(p, weekday)?,
                            format!(
                                "{this}weekday, {}: most recent {name} on or before {p}",
                                tense.as_str()
                            ),
                        ),
                    }
                }
            };
            Some((PartialDate::day(date), rule))
        }
        Kind::RelWeek { dir } => {
            let monday = calendar::week_monday(p, dir.shift())?;
            let which = match dir {
                Dir::Last => "the week before the week of",
                Dir::This => "the week of",
                Dir::Next => "the week after the week of",
            };
            Some((
                PartialDate::day(monday),
                format!(
                    "{} week: Monday of {which} {p} (a week is given as its Monday, at day precision)",
                    dir.as_str()
                ),
            ))
        }
        Kind::RelMonth { dir } => {
            let (year, month) = calendar::add_months(p.year(), p.month(), dir.shift())?;
            let which = match dir {
                Dir::Last => "the month before",
                Dir::This => "the month of",
                Dir::Next => "the month after",
            };
            Some((
                PartialDate::month(year, month)?,
                format!("{} month: {which} {p}", dir.as_str()),
            ))
        }
        Kind::RelYear { dir } => {
            let year = p.year().checked_add(dir.shift() as i32)?;
            let which = match dir {
                Dir::Last => "the year before",
                Dir::This => "the year of",
                Dir::Next => "the year after",
            };
            Some((
                PartialDate::year(year)?,
                format!("{} year: {which} {p}", dir.as_str()),
            ))
        }
        Kind::Ago { count, unit } => ago(p, count, unit),
        Kind::Date { .. }
        | Kind::MonthYear { .. }
        | Kind::Year { .. }
        | Kind::SeasonYear { .. } => None,
    }
}

/// Expressions that carry their own year.
fn resolve_absolute(kind: Kind) -> Option<(PartialDate, String)> {
    Some(match kind {
        Kind::Date {
            year,
            month,
            day,
            form,
        } => {
            let date = PartialDate::ymd(year, month, day)?;
            let form = match form {
                DateForm::MonthDayYear => "month-day-year",
                DateForm::DayMonthYear => "day-month-year",
                DateForm::Iso => "ISO date",
            };
            (date, format!("{form}: {date}"))
        }
        Kind::MonthYear { year, month } => {
            let date = PartialDate::month(year, month)?;
            (date, format!("month-year: {date}"))
        }
        Kind::Year { year } => (PartialDate::year(year)?, format!("year: {year}")),
        Kind::SeasonYear {
            season,
            year,
            end_year,
        } => {
            let rule = match end_year {
                Some(end) => format!(
                    "season: {} of {year}-{end}, given as the year it starts (year precision)",
                    season.as_str()
                ),
                None => format!("season: {} of {year} (year precision)", season.as_str()),
            };
            (PartialDate::year(year)?, rule)
        }
        _ => return None,
    })
}

/// A year-less (month, day).
fn month_day(p: NaiveDate, month: u32, day: u32, tense: Tense) -> Option<(PartialDate, String)> {
    let before = || calendar::month_day_on_or_before(p, month, day);
    let after = || calendar::month_day_on_or_after(p, month, day);
    let (date, how) = match tense {
        Tense::Past => (before()?, "most recent"),
        Tense::Future => (after()?, "next"),
        Tense::Present => (calendar::nearest(p, before(), after())?, "nearest"),
    };
    Some((
        PartialDate::day(date),
        format!(
            "month-day, {}: {how} {} {day} {} {p}",
            tense.as_str(),
            month_name(month),
            relation(tense)
        ),
    ))
}

/// "N units ago". Days and weeks count days back from the publication date (day precision);
/// months and years count calendar months and years (month and year precision), since "three
/// months ago" names a month, not a day.
fn ago(p: NaiveDate, count: u32, unit: Unit) -> Option<(PartialDate, String)> {
    let n = i64::from(count);
    let phrase = format!("{count} {} ago", unit.name(count));
    Some(match unit {
        Unit::Day | Unit::Week => {
            let days = if unit == Unit::Week { n * 7 } else { n };
            let date = calendar::add_days(p, -days)?;
            (
                PartialDate::day(date),
                format!("{phrase}: {days} days before {p}"),
            )
        }
        Unit::Month => {
            let (year, month) = calendar::add_months(p.year(), p.month(), -n)?;
            (
                PartialDate::month(year, month)?,
                format!("{phrase}: {count} months before {}", month_of(p)),
            )
        }
        Unit::Year => {
            let year = i32::try_from(i64::from(p.year()) - n).ok()?;
            (
                PartialDate::year(year)?,
                format!("{phrase}: {count} years before {}", p.year()),
            )
        }
    })
}

/// "on or before" / "on or after" / "to", matching the tense's choice.
fn relation(tense: Tense) -> &'static str {
    match tense {
        Tense::Past => "on or before",
        Tense::Future => "on or after",
        Tense::Present => "to",
    }
}

/// The publication month as `YYYY-MM`.
fn month_of(p: NaiveDate) -> String {
    format!("{}", p.format("%Y-%m"))
}
