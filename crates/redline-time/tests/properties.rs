//! Property tests: `find` is total, its spans are well formed, and its resolutions respect the
//! direction the tense gives.

use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;
use redline_model::DatePrecision;
use redline_time::{Tense, TimeExpr, find, guess_tense};

/// Words that make up time expressions, plus fillers that interact with them.
const VOCAB: &[&str] = &[
    "On",
    "on",
    "in",
    "In",
    "since",
    "until",
    "till",
    "by",
    "during",
    "of",
    "from",
    "before",
    "after",
    "through",
    "the",
    "The",
    "a",
    "an",
    "early",
    "mid",
    "late",
    "earlier",
    "later",
    "mid-December",
    "mid-2022",
    "late-May",
    "December",
    "Dec.",
    "Dec",
    "Sept.",
    "Sept",
    "Feb",
    "February",
    "May",
    "may",
    "March",
    "march",
    "Mar",
    "Mar.",
    "Jan",
    "june",
    "Monday",
    "Monday's",
    "Wednesday",
    "SUNDAY",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "last",
    "this",
    "next",
    "night",
    "morning",
    "ago",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "summer",
    "winter",
    "fall",
    "two",
    "three",
    "twelve",
    "0",
    "1",
    "10",
    "29",
    "30",
    "31",
    "32",
    "05",
    "10th",
    "1st",
    "31st",
    "99th",
    "1850",
    "1900",
    "2019",
    "2022",
    "2024",
    "2100",
    "2999",
    "0000",
    "23",
    "123456789",
    "2022-12-10",
    "2023-02-29",
    "9999-99-99",
    ",",
    "-",
    ".",
    "'s",
    "people",
    "said",
    "will",
    "was",
    "Russia",
    "U.S.",
    "",
    "\u{2019}s",
    "é",
    "Ünter",
];

/// Words that explicitly point forward ("tomorrow", "next week", "the day after tomorrow",
/// "later today", "June 1 this year"): these keep their direction whatever the tense, so they are
/// left out when checking that the past tense never resolves past the publication date.
const FORWARD: &[&str] = &["tomorrow", "next", "after", "later", "this"];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(VOCAB).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[0-9a-zA-Z'.,-]{0,16}",
    ]
}

fn tokens() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(token(), 0..40)
}

/// Day numbers (from the common era) of the dates from `first` to `last`.
fn days_between(first: (i32, u32, u32), last: (i32, u32, u32)) -> std::ops::RangeInclusive<i32> {
    let day = |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap().num_days_from_ce();
    day(first)..=day(last)
}

/// Publication dates: mostly realistic, sometimes anywhere in chrono's range.
fn published() -> impl Strategy<Value = Option<NaiveDate>> {
    let realistic = days_between((1900, 1, 1), (2100, 12, 31))
        .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap());
    let anywhere = (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap());
    prop_oneof![
        6 => realistic.prop_map(Some),
        1 => anywhere.prop_map(Some),
        1 => Just(None),
    ]
}

fn tense() -> impl Strategy<Value = Tense> {
    prop_oneof![Just(Tense::Past), Just(Tense::Present), Just(Tense::Future)]
}

fn run(tokens: &[String], published: Option<NaiveDate>, tense: Tense) -> Vec<TimeExpr> {
    let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
    find(&refs, published, tense)
}

const MONTHS: [&str; 12] = [
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

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn realistic_date() -> impl Strategy<Value = NaiveDate> {
    days_between((1950, 1, 1), (2090, 12, 31))
        .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap())
}

proptest! {
    #[test]
    fn spans_are_in_bounds_ordered_and_disjoint(
        tokens in tokens(),
        published in published(),
        tense in tense(),
    ) {
        let found = run(&tokens, published, tense);
        let mut previous_end = 0;
        for e in &found {
            prop_assert!(e.start < e.end, "{e:?}");
            prop_assert!(e.end <= tokens.len(), "{e:?}");
            prop_assert!(e.start >= previous_end, "{found:?}");
            prop_assert!(!e.rule.is_empty());
            previous_end = e.end;
            if published.is_none() {
                prop_assert!(!e.relative, "{e:?}");
            }
        }
    }

    #[test]
    fn past_tense_relative_days_are_never_after_publication(
        tokens in proptest::collection::vec(
            proptest::sample::select(VOCAB)
                .prop_filter("forward word", |w| !FORWARD.contains(w)),
            0..30,
        ),
        published in realistic_date(),
    ) {
        let found = find(&tokens, Some(published), Tense::Past);
        for e in found {
            if e.relative {
                prop_assert!(e.date.first_day() <= published, "{tokens:?}: {e:?}");
            }
        }
    }

    #[test]
    fn leading_noise_only_shifts_the_spans(
        tokens in tokens(),
        noise in 0usize..80,
        published in published(),
        tense in tense(),
    ) {
        // Also compares the stack path (up to 64 tokens) with the heap path.
        let base = run(&tokens, published, tense);
        let mut shifted_tokens = vec!["Xyz".to_string(); noise];
        shifted_tokens.extend(tokens.iter().cloned());
        let shifted = run(&shifted_tokens, published, tense);
        prop_assert_eq!(base.len(), shifted.len());
        for (a, b) in base.iter().zip(&shifted) {
            prop_assert_eq!(a.start + noise, b.start);
            prop_assert_eq!(a.end + noise, b.end);
            prop_assert_eq!(&a.rule, &b.rule);
            prop_assert_eq!(a.date, b.date);
        }
    }

    #[test]
    fn written_dates_round_trip(date in realistic_date(), published in published(), tense in tense()) {
        let month = MONTHS[date.month0() as usize];
        let day = date.day().to_string();
        let year = date.year().to_string();
        let iso = date.format("%Y-%m-%d").to_string();
        let forms: [Vec<&str>; 4] = [
            vec!["On", month, &day, ",", &year, ","],
            vec![&day, month, &year],
            vec!["on", "the", &day, "of", &month[..3], &year],
            vec![&iso],
        ];
        for form in forms {
            let found = find(&form, published, tense);
            prop_assert_eq!(found.len(), 1, "{:?}", form);
            prop_assert_eq!(found[0].date.first_day(), date);
            prop_assert_eq!(found[0].date.precision(), DatePrecision::Day);
            prop_assert!(!found[0].relative);
        }
    }

    #[test]
    fn year_less_dates_follow_the_tense(
        month in 1u32..=12,
        day in 1u32..=29,
        published in realistic_date(),
        tense in tense(),
    ) {
        let day = day.min(if month == 2 { 28 } else { 29 });
        let day_text = day.to_string();
        let found = find(&["On", MONTHS[month as usize - 1], &day_text], Some(published), tense);
        prop_assert_eq!(found.len(), 1);
        let date = found[0].date.first_day();
        prop_assert_eq!((date.month(), date.day()), (month, day));
        let days = date.signed_duration_since(published).num_days();
        match tense {
            Tense::Past => prop_assert!((-365..=0).contains(&days), "{days}"),
            Tense::Future => prop_assert!((0..=365).contains(&days), "{days}"),
            Tense::Present => prop_assert!((-184..=184).contains(&days), "{days}"),
        }
    }

    #[test]
    fn weekdays_land_on_their_day(
        weekday in 0usize..7,
        published in realistic_date(),
        tense in tense(),
        direction in 0usize..3,
    ) {
        let (tokens, range): (Vec<&str>, std::ops::RangeInclusive<i64>) = match direction {
            0 => (
                vec!["on", WEEKDAYS[weekday]],
                if tense == Tense::Future { 0..=6 } else { -6..=0 },
            ),
            1 => (vec!["last", WEEKDAYS[weekday]], -7..=-1),
            _ => (vec!["next", WEEKDAYS[weekday]], 1..=7),
        };
        let found = find(&tokens, Some(published), tense);
        prop_assert_eq!(found.len(), 1);
        let date = found[0].date.first_day();
        prop_assert_eq!(date.weekday(), Weekday::try_from(weekday as u8).unwrap());
        let days = date.signed_duration_since(published).num_days();
        prop_assert!(range.contains(&days), "{tokens:?} {days}");
    }

    #[test]
    fn guess_tense_never_panics(tokens in tokens()) {
        let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let _ = guess_tense(&refs);
    }
}
