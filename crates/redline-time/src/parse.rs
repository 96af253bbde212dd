//! The grammar: which runs of lexed tokens are time expressions, and what they say.
//!
//! Parsing is separate from resolution ([`crate::resolve`]): the parser only decides the span and
//! a [`Kind`] (plain data, no publication date involved), so the same parse serves every
//! publication date and tense.
//!
//! An expression is `[preposition] ["the"] [modifier] body`, where the body starts at a *head*
//! token (a month, a number, a weekday, "last"/"this"/"next", "today", a season, ...). Each head
//! tries its longest forms first ("December 10, 2022" before "December 10" before "December"),
//! so the caller can simply take the first match at each position.

use crate::calendar::max_days;
use crate::lex::{Kw, Lex, Modifier, Prep, Season, Unit};

/// Years accepted right after a month or a day ("December 10, 1850"), where the context already
/// says the number is a year.
const YEAR_AFTER_DATE: std::ops::RangeInclusive<u32> = 1000..=2999;
/// Years accepted after a preposition or modifier alone ("in 2019"), where a number could also be
/// a count ("by 3000 votes").
const YEAR_ALONE: std::ops::RangeInclusive<u32> = 1900..=2100;

/// How an absolute day was written, for the rule text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateForm {
    /// "December 10, 2022".
    MonthDayYear,
    /// "10 December 2022".
    DayMonthYear,
    /// "2022-12-10".
    Iso,
}

/// "last", "this" or "next" before a weekday, month name or unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    Last,
    This,
    Next,
}

impl Dir {
    /// The word.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Dir::Last => "last",
            Dir::This => "this",
            Dir::Next => "next",
        }
    }

    /// -1, 0 or 1 units from the publication date's unit.
    pub(crate) fn shift(self) -> i64 {
        match self {
            Dir::Last => -1,
            Dir::This => 0,
            Dir::Next => 1,
        }
    }
}

/// What an expression says, before any publication date is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A full date; validated by the parser.
    Date {
        year: i32,
        month: u32,
        day: u32,
        form: DateForm,
    },
    /// "December 2022".
    MonthYear { year: i32, month: u32 },
    /// "in 2019".
    Year { year: i32 },
    /// "the summer of 2022", "the winter of 2022-23" (`end_year` 2023): year precision, the year
    /// the season starts in.
    SeasonYear {
        season: Season,
        year: i32,
        end_year: Option<i32>,
    },
    /// "December 10", "the 10th of December": the year comes from the tense.
    MonthDay { month: u32, day: u32 },
    /// "in December": the year comes from the tense.
    MonthOnly { month: u32 },
    /// "December 10 last year": the year is the publication year moved by `dir`.
    MonthDayInYear { month: u32, day: u32, dir: Dir },
    /// "December last year".
    MonthInYear { month: u32, dir: Dir },
    /// "on the 10th": month and year come from the tense.
    DayOfMonth { day: u32 },
    /// "last December", "next May", "this June".
    NamedMonth { month: u32, dir: Dir },
    /// A fixed number of days from the publication date ("yesterday": -1).
    DayOffset { days: i64, phrase: &'static str },
    /// "Monday", "last Monday", "next Monday", "this Monday".
    Weekday { weekday: u32, dir: Option<Dir> },
    /// "this week", "last week", "next week".
    RelWeek { dir: Dir },
    /// "this month", "last month", "next month".
    RelMonth { dir: Dir },
    /// "this year", "last year", "next year".
    RelYear { dir: Dir },
    /// "3 days ago", "a month ago".
    Ago { count: u32, unit: Unit },
}

impl Kind {
    /// Whether the expression needs the publication date (false: it names its own date).
    pub(crate) fn is_relative(self) -> bool {
        !matches!(
            self,
            Kind::Date { .. }
                | Kind::MonthYear { .. }
                | Kind::Year { .. }
                | Kind::SeasonYear { .. }
        )
    }

    /// Whether the expression names a single day (used when a weekday precedes a date).
    fn names_day(self) -> bool {
        matches!(
            self,
            Kind::Date { .. } | Kind::MonthDay { .. } | Kind::MonthDayInYear { .. }
        )
    }
}

/// One expression found by the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// First token, including a leading preposition.
    pub(crate) start: usize,
    /// One past the last token.
    pub(crate) end: usize,
    /// What it says.
    pub(crate) kind: Kind,
    /// The preposition it started with, if any.
    pub(crate) prep: Option<Prep>,
    /// Its modifier ("early", "mid-"), if any.
    pub(crate) modifier: Option<Modifier>,
}

/// The grammar over one sentence's lexed tokens.
pub(crate) struct Parser<'a> {
    lex: &'a [Lex],
}

impl<'a> Parser<'a> {
    pub(crate) fn new(lex: &'a [Lex]) -> Self {
        Parser { lex }
    }

    /// The token at `k`; past the end reads as `Other`, so patterns need no bounds checks.
    fn get(&self, k: usize) -> Lex {
        self.lex.get(k).copied().unwrap_or(Lex::Other)
    }

    /// The expression starting at token `i`, if any.
    pub(crate) fn at(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut prep = None;
        if let Lex::Prep(p) = self.get(j) {
            prep = Some(p);
            j += 1;
        }
        // "the" belongs to the expression only before the heads that take it ("the 10th of
        // December", "the day before yesterday", "the summer of 2022"); elsewhere ("the Monday
        // meeting") it is the noun phrase's article.
        let mut the = false;
        if self.get(j) == Lex::Kw(Kw::The)
            && matches!(
                self.get(j + 1),
                Lex::Ordinal(_)
                    | Lex::Num { digits: 1 | 2, .. }
                    | Lex::Unit {
                        unit: Unit::Day,
                        plural: false
                    }
                    | Lex::Season(_)
            )
        {
            the = true;
            j += 1;
        }
        let mut modifier = None;
        if let Lex::Modifier(m) = self.get(j) {
            // "earlier"/"later" are comparatives everywhere except before a relative anchor
            // ("earlier this month", "later today").
            if matches!(m, Modifier::Earlier | Modifier::Later)
                && !matches!(
                    self.get(j + 1),
                    Lex::Kw(
                        Kw::Today
                            | Kw::Tonight
                            | Kw::Yesterday
                            | Kw::Tomorrow
                            | Kw::Last
                            | Kw::This
                            | Kw::Next
                    ) | Lex::Weekday(_)
                )
            {
                return None;
            }
            modifier = Some(m);
            j += 1;
        }
        let (end, kind) = self.body(j, prep, &mut modifier, the)?;
        Some(Found {
            start: i,
            end,
            kind,
            prep,
            modifier,
        })
    }

    /// The expression whose head is token `j`.
    fn body(
        &self,
        j: usize,
        prep: Option<Prep>,
        modifier: &mut Option<Modifier>,
        the: bool,
    ) -> Option<(usize, Kind)> {
        let period_context = modifier.is_some() || prep.is_some_and(Prep::introduces_period);
        match self.get(j) {
            Lex::ModMonth(m, month) if modifier.is_none() => {
                *modifier = Some(m);
                self.month_first(j, month, prep, true)
            }
            Lex::ModYear(m, year) if modifier.is_none() => {
                *modifier = Some(m);
                Some((j + 1, Kind::Year { year }))
            }
            Lex::Month(month) => self.month_first(j, month, prep, modifier.is_some()),
            Lex::Iso { year, month, day } => valid_date(year, month, day).then_some((
                j + 1,
                Kind::Date {
                    year,
                    month,
                    day,
                    form: DateForm::Iso,
                },
            )),
            Lex::Num { value, digits } => {
                let as_day = (digits <= 2)
                    .then(|| self.day_first(j, value, prep, the, false))
                    .flatten();
                let as_iso = (digits == 4).then(|| self.iso_split(j, value)).flatten();
                as_day
                    .or(as_iso)
                    .or_else(|| self.count_ago(j, value))
                    .or_else(|| {
                        (digits == 4 && period_context && YEAR_ALONE.contains(&value))
                            .then_some((j + 1, Kind::Year { year: value as i32 }))
                    })
            }
            Lex::Ordinal(day) => self.day_first(j, day, prep, the, true),
            Lex::NumberWord(n) => self.count_ago(j, n),
            Lex::Kw(Kw::A) => self.count_ago(j, 1),
            Lex::Weekday(weekday) => Some(self.weekday(j, weekday, None)),
            Lex::Kw(Kw::Last) => self.directed(j, Dir::Last),
            Lex::Kw(Kw::This) => self.directed(j, Dir::This),
            Lex::Kw(Kw::Next) => self.directed(j, Dir::Next),
            Lex::Kw(Kw::Today) => Some(self.with_part_of_day(
                j + 1,
                Kind::DayOffset {
                    days: 0,
                    phrase: "today",
                },
            )),
            Lex::Kw(Kw::Tonight) => Some((
                j + 1,
                Kind::DayOffset {
                    days: 0,
                    phrase: "tonight",
                },
            )),
            Lex::Kw(Kw::Yesterday) => Some(self.with_part_of_day(
                j + 1,
                Kind::DayOffset {
                    days: -1,
                    phrase: "yesterday",
                },
            )),
            Lex::Kw(Kw::Tomorrow) => Some(self.with_part_of_day(
                j + 1,
                Kind::DayOffset {
                    days: 1,
                    phrase: "tomorrow",
                },
            )),
            Lex::Unit {
                unit: Unit::Day,
                plural: false,
            } => match (self.get(j + 1), self.get(j + 2)) {
                (Lex::Prep(Prep::Before), Lex::Kw(Kw::Yesterday)) => Some((
                    j + 3,
                    Kind::DayOffset {
                        days: -2,
                        phrase: "the day before yesterday",
                    },
                )),
                (Lex::Prep(Prep::After), Lex::Kw(Kw::Tomorrow)) => Some((
                    j + 3,
                    Kind::DayOffset {
                        days: 2,
                        phrase: "the day after tomorrow",
                    },
                )),
                _ => None,
            },
            Lex::Season(season) => self.season(j, season),
            _ => None,
        }
    }

    /// Extends a day expression over a following "morning"/"afternoon"/"evening"/"night".
    fn with_part_of_day(&self, end: usize, kind: Kind) -> (usize, Kind) {
        match self.get(end) {
            Lex::Kw(Kw::PartOfDay | Kw::Night) => (end + 1, kind),
            _ => (end, kind),
        }
    }

    /// A day number (1..=31) at `k`: "10" (one or two digits) or "10th".
    fn day_at(&self, k: usize) -> Option<u32> {
        match self.get(k) {
            Lex::Num {
                value,
                digits: 1 | 2,
            }
            | Lex::Ordinal(value) => (1..=31).contains(&value).then_some(value),
            _ => None,
        }
    }

    /// A year at `k` right after a date, optionally after a comma ("December 10, 2022").
    fn year_after_day(&self, k: usize) -> Option<(usize, i32)> {
        let k = if self.get(k) == Lex::Comma { k + 1 } else { k };
        self.year_at(k)
    }

    /// A four-digit year at `k`.
    fn year_at(&self, k: usize) -> Option<(usize, i32)> {
        match self.get(k) {
            Lex::Num { value, digits: 4 } if YEAR_AFTER_DATE.contains(&value) => {
                Some((k + 1, value as i32))
            }
            _ => None,
        }
    }

    /// "last year", "this year", "next year" at `k`.
    fn relative_year_at(&self, k: usize) -> Option<(usize, Dir)> {
        let dir = match self.get(k) {
            Lex::Kw(Kw::Last) => Dir::Last,
            Lex::Kw(Kw::This) => Dir::This,
            Lex::Kw(Kw::Next) => Dir::Next,
            _ => return None,
        };
        (self.get(k + 1)
            == Lex::Unit {
                unit: Unit::Year,
                plural: false,
            })
        .then_some((k + 2, dir))
    }

    /// After a (month, day) pair ending before `k`: a year, a relative year, or nothing.
    /// `None` when a year is given but the date does not exist ("February 29, 2023").
    fn complete_day(
        &self,
        k: usize,
        month: u32,
        day: u32,
        form: DateForm,
    ) -> Option<(usize, Kind)> {
        if let Some((end, year)) = self.year_after_day(k) {
            return valid_date(year, month, day).then_some((
                end,
                Kind::Date {
                    year,
                    month,
                    day,
                    form,
                },
            ));
        }
        if day > max_days(month) {
            return None;
        }
        if let Some((end, dir)) = self.relative_year_at(k) {
            return Some((end, Kind::MonthDayInYear { month, day, dir }));
        }
        Some((k, Kind::MonthDay { month, day }))
    }

    /// Expressions headed by a month name at `j`.
    fn month_first(
        &self,
        j: usize,
        month: u32,
        prep: Option<Prep>,
        modified: bool,
    ) -> Option<(usize, Kind)> {
        if let Some(day) = self.day_at(j + 1) {
            // "In December 10 people died": after "in" a day number followed by a word is more
            // likely a count than a day ("in" does not introduce a day: that is "on").
            let count_like =
                matches!(prep, Some(Prep::In | Prep::During)) && self.get(j + 2) == Lex::Word;
            if !count_like {
                if let Some(found) = self.complete_day(j + 2, month, day, DateForm::MonthDayYear) {
                    return Some(found);
                }
                // A year was given and the day does not exist in it: no date at all.
                if self.year_after_day(j + 2).is_some() {
                    return None;
                }
            }
        }
        let after_of = if self.get(j + 1) == Lex::Prep(Prep::Of) {
            j + 2
        } else {
            j + 1
        };
        if let Some((end, year)) = self.year_at(after_of) {
            return Some((end, Kind::MonthYear { year, month }));
        }
        if let Some((end, dir)) = self.relative_year_at(j + 1) {
            return Some((end, Kind::MonthInYear { month, dir }));
        }
        // A bare month needs a preposition or modifier: "in December", "early May". This keeps
        // names ("Jan Kowalski", "April Ryan") and sentence-initial "May" out.
        (modified || prep.is_some_and(Prep::introduces_period))
            .then_some((j + 1, Kind::MonthOnly { month }))
    }

    /// Expressions headed by a day number at `j`: "10 December", "the 10th of December 2022",
    /// "on the 10th".
    fn day_first(
        &self,
        j: usize,
        day: u32,
        prep: Option<Prep>,
        the: bool,
        ordinal: bool,
    ) -> Option<(usize, Kind)> {
        if !(1..=31).contains(&day) {
            return None;
        }
        let k = if self.get(j + 1) == Lex::Prep(Prep::Of) {
            j + 2
        } else {
            j + 1
        };
        if let Lex::Month(month) = self.get(k) {
            return self.complete_day(k + 1, month, day, DateForm::DayMonthYear);
        }
        // "on the 10th": a day of the current (or next) month.
        (ordinal && the && prep == Some(Prep::On)).then_some((j + 1, Kind::DayOfMonth { day }))
    }

    /// "2022 - 12 - 10": an ISO date the tokenizer split at its hyphens.
    fn iso_split(&self, j: usize, year: u32) -> Option<(usize, Kind)> {
        let (
            Lex::Dash,
            Lex::Num {
                value: month,
                digits: 1 | 2,
            },
            Lex::Dash,
            Lex::Num {
                value: day,
                digits: 1 | 2,
            },
        ) = (
            self.get(j + 1),
            self.get(j + 2),
            self.get(j + 3),
            self.get(j + 4),
        )
        else {
            return None;
        };
        let year = year as i32;
        valid_date(year, month, day).then_some((
            j + 5,
            Kind::Date {
                year,
                month,
                day,
                form: DateForm::Iso,
            },
        ))
    }

    /// "3 days ago", "two weeks ago", "a year ago".
    fn count_ago(&self, j: usize, count: u32) -> Option<(usize, Kind)> {
        let Lex::Unit { unit, .. } = self.get(j + 1) else {
            return None;
        };
        (self.get(j + 2) == Lex::Kw(Kw::Ago)).then_some((j + 3, Kind::Ago { count, unit }))
    }

    /// A weekday at `j`, possibly followed by the date it names ("Monday, December 10").
    fn weekday(&self, j: usize, weekday: u32, dir: Option<Dir>) -> (usize, Kind) {
        if dir.is_none() {
            // "Monday, December 10, 2022": the date is more precise than the weekday, so it wins.
            let k = if self.get(j + 1) == Lex::Comma {
                j + 2
            } else {
                j + 1
            };
            let date = match self.get(k) {
                Lex::Month(month) => self.month_first(k, month, None, false),
                Lex::Num { value, .. } | Lex::Ordinal(value) => {
                    self.day_first(k, value, None, false, false)
                }
                _ => None,
            };
            if let Some(found) = date.filter(|(_, kind)| kind.names_day()) {
                return found;
            }
        }
        self.with_part_of_day(j + 1, Kind::Weekday { weekday, dir })
    }

    /// "last"/"this"/"next" at `j` followed by a weekday, month, unit or part of the day.
    fn directed(&self, j: usize, dir: Dir) -> Option<(usize, Kind)> {
        match self.get(j + 1) {
            Lex::Weekday(weekday) => Some(self.weekday(j + 1, weekday, Some(dir))),
            Lex::Month(month) => Some((j + 2, Kind::NamedMonth { month, dir })),
            // "over the last year", "in the next month": with an article these are durations
            // counted from the publication date, not calendar units, so they name no date.
            Lex::Unit { .. } if j > 0 && self.get(j - 1) == Lex::Kw(Kw::The) => None,
            Lex::Unit {
                unit,
                plural: false,
            } => {
                let kind = match unit {
                    Unit::Week => Kind::RelWeek { dir },
                    Unit::Month => Kind::RelMonth { dir },
                    Unit::Year => Kind::RelYear { dir },
                    Unit::Day => return None,
                };
                Some((j + 2, kind))
            }
            Lex::Kw(Kw::Night) if dir == Dir::Last => Some((
                j + 2,
                Kind::DayOffset {
                    days: -1,
                    phrase: "last night",
                },
            )),
            Lex::Kw(Kw::PartOfDay) if dir == Dir::This => Some((
                j + 2,
                Kind::DayOffset {
                    days: 0,
                    phrase: "this morning/afternoon/evening",
                },
            )),
            _ => None,
        }
    }

    /// "summer of 2022", "summer 2022", "winter of 2022-23".
    fn season(&self, j: usize, season: Season) -> Option<(usize, Kind)> {
        let k = if self.get(j + 1) == Lex::Prep(Prep::Of) {
            j + 2
        } else {
            j + 1
        };
        let (mut end, year) = self.year_at(k)?;
        let mut end_year = None;
        // "2022-23" or "2022-2023": a season across the new year. Only the next year counts.
        if let (Lex::Dash, Lex::Num { value, digits }) = (self.get(end), self.get(end + 1)) {
            let next = match digits {
                2 => Some(year - year.rem_euclid(100) + value as i32),
                4 => Some(value as i32),
                _ => None,
            };
            if next == Some(year + 1) {
                end_year = next;
                end += 2;
            }
        }
        Some((
            end,
            Kind::SeasonYear {
                season,
                year,
                end_year,
            },
        ))
    }
}

/// Whether (year, month, day) is a real date.
fn valid_date(year: i32, month: u32, day: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(year, month, day).is_some()
}
