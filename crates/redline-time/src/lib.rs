//! Time expressions ("On December 10", "last month", "in 2019", "on Monday") found in a run of
//! tokens and resolved against a document's publication date.
//!
//! An event coder calls [`find`] on the tokens of a sentence (or clause) with the article's
//! publication date and the clause's [`Tense`] (from its own analysis, or [`guess_tense`]), and
//! gets every [`TimeExpr`] with its span, its [`PartialDate`] at the precision the text gives,
//! whether it depended on the publication date, and a rule text explaining the resolution.
//!
//! ```
//! use chrono::NaiveDate;
//! use redline_time::{Tense, find};
//!
//! let published = NaiveDate::from_ymd_opt(2023, 1, 8);
//! let tokens = ["On", "December", "10", ",", "protesters", "gathered", "."];
//! let found = find(&tokens, published, Tense::Past);
//! assert_eq!(found[0].date.to_string(), "2022-12-10");
//! assert_eq!((found[0].start, found[0].end), (0, 3));
//! assert!(found[0].relative);
//! ```
//!
//! # What is recognised
//!
//! Matching is case-insensitive except where a capital tells a month from a verb (below). Month
//! names may be full or abbreviated, with or without a period ("Jan", "Jan.", "Sept", "Sept.");
//! days may be numbers or ordinals ("10", "10th", "1st"). A possessive is ignored ("Monday's",
//! whether the tokenizer kept "'s" in the word or split it off).
//!
//! | Text | Date | Precision |
//! |---|---|---|
//! | "December 10, 2022", "Dec. 10 2022", "10 December 2022", "the 10th of December, 2022" | that day | day |
//! | "2022-12-10" (one token, or split at the hyphens) | that day | day |
//! | "December 2022", "December of 2022" | that month | month |
//! | "in 2019", "since 2014", "in early/mid/late 2022", "mid-2022" | that year | year |
//! | "the summer of 2022", "summer 2022", "the winter of 2022-23" | the (starting) year | year |
//! | "On December 10", "December 10", "10 December", "the 10th of December" | by tense (below) | day |
//! | "in December", "early May", "mid-December", "since March" | by tense (below) | month |
//! | "December 10 last year", "December last year" | in that year | day, month |
//! | "last December", "next May", "this June" | before / after / in the publication month's year | month |
//! | "on the 10th" | by tense, in the publication month or a neighbour | day |
//! | "today", "tonight", "this morning", "yesterday", "last night", "tomorrow" | 0, -1, +1 days | day |
//! | "the day before yesterday", "the day after tomorrow" | -2, +2 days | day |
//! | "this/last/next week", "earlier this week" | the Monday of that week | day |
//! | "this/last/next month", "earlier this month" | that month | month |
//! | "this/last/next year", "later this year", "late last year" | that year | year |
//! | "N days/weeks ago" (N digits, "one".."twelve", "a"/"an") | N or 7N days back | day |
//! | "N months ago", "N years ago" | N calendar months / years back | month, year |
//! | "on Monday", "Monday", "Monday night" | by tense (below) | day |
//! | "last Monday" / "next Monday" | strictly before / strictly after the publication date | day |
//! | "Monday, December 10" | the date (it is more precise than the weekday) | day |
//!
//! The span includes a leading preposition ("On", "in", "since", ...), "the" where it belongs to
//! the expression ("the 10th of December"), and a modifier ("early", "mid-", "earlier"). Spans
//! never overlap: at each token the longest expression starting there is taken.
//!
//! # Underspecified dates and tense
//!
//! A date without a year, or a weekday, is resolved by the clause's tense:
//! - [`Tense::Past`]: the most recent such date on or before the publication date ("On December
//!   10" published 2023-01-08 is 2022-12-10; "on Monday" published Wednesday 2023-04-12 is
//!   2023-04-10). For a month, the publication month itself counts ("in January" published
//!   2023-01-20 is 2023-01).
//! - [`Tense::Future`]: the first such date on or after the publication date ("in January"
//!   published 2023-12-20 is 2024-01).
//! - [`Tense::Present`]: the nearer of the two (so within six months either way; the earlier on a
//!   tie). Weekdays in the present tense resolve as in the past.
//!
//! A year-less "February 29" resolves to the nearest leap year in the tense's direction; "February
//! 30" is no date. Explicitly directed words keep their direction whatever the tense: "tomorrow"
//! and "next week" look forward even in a past-tense clause.
//!
//! `relative` is true for everything resolved against the publication date; with no publication
//! date those expressions are skipped and only absolute ones are returned.
//!
//! # Choices and limits
//!
//! - Weeks: [`PartialDate`] has no week precision, so "last week" is the Monday of that week at
//!   day precision; the rule says so. "N weeks ago" is 7N days back, at day precision.
//! - Seasons give the year they start in ("the winter of 2022-23" is 2022), at year precision.
//! - Verb-like months: "May", "March" and "Mar" are months only when capitalised, and alone
//!   (without a day or year) only after a preposition ("in", "since", "by", "of", ...) or a
//!   modifier ("early", "late", "mid"). So "Russia may strike" and "May said" give nothing. Other
//!   bare month names need the same context ("Jan Kowalski" is no date).
//! - Bare numbers are never dates. A four-digit year 1900..=2100 needs a preposition ("in",
//!   "since", "until"/"till", "by", "during", "of", "from", "before", "after", "through") or a
//!   modifier before it, or a month before it (then 1000..=2999). "In December 10 people died"
//!   reads "10" as a count ("in" does not introduce a day).
//! - Prepositions that bound a period ("since 2014", "until 2025", "by 2030", "before", "after",
//!   "from", "through") do not change the date; the rule names them so the coder can decide.
//! - Not supported: times of day and time zones, weekday abbreviations ("Mon."), numeric dates
//!   other than ISO ("10/12/2022" is ambiguous), decades ("the 1990s"), ranges beyond their first
//!   date ("December 10-12" gives December 10), "weekend", "in two weeks" and other forward
//!   counts, vague counts ("a few days ago"), "the past week" and "over the last year" (durations,
//!   not dates), and dates relative to another date in the text ("two days later").
//!
//! # Cost
//!
//! Every token is classified once, without allocating (short words are lower-cased on the
//! stack). A sentence with no token that can anchor a time expression (a month, a weekday, a
//! four-digit number, an ordinal, "today", "ago", "week", ...) returns an empty `Vec`, which does
//! not allocate; sentences of up to 64 tokens keep their classified tokens on the stack. Only a
//! found expression allocates (the result and its rule text).

mod calendar;
mod lex;
mod parse;
mod resolve;
mod tense;

use chrono::NaiveDate;

pub use redline_model::{DatePrecision, PartialDate};

use crate::lex::Lex;
use crate::parse::Parser;

/// The tense of the clause an expression sits in; decides which way an underspecified date goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// The clause reports something that happened: underspecified dates look back.
    Past,
    /// The clause describes the present: underspecified dates take the nearest candidate.
    Present,
    /// The clause announces something to come: underspecified dates look forward.
    Future,
}

impl Tense {
    /// The lower-case name used in rule texts: `past`, `present` or `future`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tense::Past => "past",
            Tense::Present => "present",
            Tense::Future => "future",
        }
    }
}

/// A time expression found in a run of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// First token of the expression (index into the slice given to `find`).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The resolved date, to the precision the text gives.
    pub date: PartialDate,
    /// Which rule resolved it, for explanations: e.g. "month-day, past: most recent December 10
    /// on or before 2023-01-08".
    pub rule: String,
    /// True when the expression is anchored on the publication date (relative or
    /// underspecified: "last month", "on Monday", "December 10"), false when it is absolute
    /// ("December 10, 2022", "in 2019").
    pub relative: bool,
}

/// Sentences up to this many tokens keep their classified tokens on the stack.
const STACK_TOKENS: usize = 64;

/// Finds every time expression in `tokens` (the texts of the tokens of one sentence, in order, as
/// the tokenizer gives them: words, numbers and punctuation are separate tokens, e.g. ["On",
/// "December", "10", ",", "2022", ",", "the", "U.S.", ...]; "Dec." is one token; a possessive
/// "'s" may be its own token or part of the word), resolving them against `published` (None: only
/// absolute expressions resolve; relative ones are skipped). Expressions do not overlap; they are
/// returned in order.
///
/// See the [crate documentation](crate) for the expressions recognised and how `tense` is used.
pub fn find(tokens: &[&str], published: Option<NaiveDate>, tense: Tense) -> Vec<TimeExpr> {
    if tokens.len() <= STACK_TOKENS {
        let mut lexed = [Lex::Other; STACK_TOKENS];
        let mut any = false;
        for (slot, token) in lexed.iter_mut().zip(tokens) {
            *slot = lex::lex(token);
            any |= slot.is_trigger();
        }
        if !any {
            return Vec::new();
        }
        find_lexed(&lexed[..tokens.len()], published, tense)
    } else {
        // Long sentences: check for a trigger before paying for the vector.
        if !tokens.iter().any(|t| lex::lex(t).is_trigger()) {
            return Vec::new();
        }
        let lexed: Vec<Lex> = tokens.iter().map(|t| lex::lex(t)).collect();
        find_lexed(&lexed, published, tense)
    }
}

/// [`find`] over classified tokens.
fn find_lexed(lexed: &[Lex], published: Option<NaiveDate>, tense: Tense) -> Vec<TimeExpr> {
    let parser = Parser::new(lexed);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lexed.len() {
        let Some(found) = parser.at(i) else {
            i += 1;
            continue;
        };
        // A relative expression without a publication date is skipped as a whole, so that a
        // part of it ("Monday" in "last Monday") is not found on its own.
        if let Some((date, mut rule)) = resolve::resolve(found.kind, published, tense) {
            if let Some(modifier) = found.modifier {
                rule.push_str("; modifier '");
                rule.push_str(modifier.as_str());
                rule.push_str("' (the date keeps its precision)");
            }
            if let Some(prep) = found.prep.filter(|p| p.bounds_period()) {
                rule.push_str("; preposition '");
                rule.push_str(prep.as_str());
                rule.push_str("' (the date bounds a period)");
            }
            out.push(TimeExpr {
                start: found.start,
                end: found.end,
                date,
                rule,
                relative: found.kind.is_relative(),
            });
        }
        i = found.end;
    }
    out
}

/// A guess of a clause's tense from its tokens: future auxiliaries (will, shall, won't, 'll,
/// "going to", "is expected to", "plans to") give [`Tense::Future`]; was/were/did/had, common
/// irregular past forms ("said", "met") and lower-case "-ed" verbs not after "is"/"are" give
/// [`Tense::Past`]; anything else is [`Tense::Present`]. Future markers win over past ones, so
/// "officials said talks will resume" is future. A simple heuristic for callers without a parser.
pub fn guess_tense(tokens: &[&str]) -> Tense {
    tense::guess(tokens)
}

#[cfg(test)]
mod tests;
