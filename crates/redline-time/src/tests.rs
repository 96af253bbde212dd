//! Examples with exact expected outputs. Token lists are written as space-separated strings.

use super::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// `(span text, date, relative)` of every expression in `text`.
fn run(text: &str, published: Option<&str>, tense: Tense) -> Vec<(String, String, bool)> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    find(&tokens, published.map(date), tense)
        .into_iter()
        .map(|e| {
            (
                tokens[e.start..e.end].join(" "),
                e.date.to_string(),
                e.relative,
            )
        })
        .collect()
}

/// The single expression in `text`, as `(span text, date)`; panics unless there is exactly one.
fn one(text: &str, published: &str, tense: Tense) -> (String, String) {
    let found = run(text, Some(published), tense);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    let (span, date, _) = found.into_iter().next().unwrap();
    (span, date)
}

/// Asserts the single expression's span and date.
#[track_caller]
fn check(text: &str, published: &str, tense: Tense, span: &str, expected: &str) {
    assert_eq!(
        one(text, published, tense),
        (span.to_string(), expected.to_string()),
        "{text:?} published {published}, {tense:?}"
    );
}

/// The single expression's full record.
fn expr(text: &str, published: Option<&str>, tense: Tense) -> TimeExpr {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut found = find(&tokens, published.map(date), tense);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found.remove(0)
}

use Tense::{Future, Past, Present};

#[test]
fn brief_examples() {
    check(
        "On December 10 , protesters gathered .",
        "2023-01-08",
        Past,
        "On December 10",
        "2022-12-10",
    );
    check(
        "Prices rose last month .",
        "2024-11-18",
        Past,
        "last month",
        "2024-10",
    );
    check(
        "It happened in 2019 .",
        "2024-11-18",
        Past,
        "in 2019",
        "2019",
    );
    check(
        "Talks were held on Monday .",
        "2023-04-12",
        Past,
        "on Monday",
        "2023-04-10",
    );
    check(
        "Talks will be held on Monday .",
        "2023-04-12",
        Future,
        "on Monday",
        "2023-04-17",
    );
}

#[test]
fn rule_and_relative_flag() {
    let e = expr(
        "On December 10 , protesters gathered",
        Some("2023-01-08"),
        Past,
    );
    assert_eq!(
        e.rule,
        "month-day, past: most recent December 10 on or before 2023-01-08"
    );
    assert!(e.relative);
    assert_eq!((e.start, e.end), (0, 3));
    assert_eq!(e.date.precision(), DatePrecision::Day);

    let e = expr("in 2019", Some("2023-01-08"), Past);
    assert_eq!(e.rule, "year: 2019");
    assert!(!e.relative);
    assert_eq!(e.date.precision(), DatePrecision::Year);

    let e = expr("last month", Some("2024-11-18"), Past);
    assert_eq!(e.rule, "last month: the month before 2024-11-18");
    assert_eq!(e.date.precision(), DatePrecision::Month);
    assert_eq!(e.date.first_day(), date("2024-10-01"));
}

#[test]
fn absolute_dates() {
    let p = "2024-11-18";
    check(
        "On December 10 , 2022 , the U.S. said",
        p,
        Past,
        "On December 10 , 2022",
        "2022-12-10",
    );
    check(
        "December 10 2022",
        p,
        Past,
        "December 10 2022",
        "2022-12-10",
    );
    check(
        "10 December 2022",
        p,
        Past,
        "10 December 2022",
        "2022-12-10",
    );
    check(
        "on 10 December , 2022",
        p,
        Past,
        "on 10 December , 2022",
        "2022-12-10",
    );
    check(
        "the 10th of December 2022",
        p,
        Past,
        "the 10th of December 2022",
        "2022-12-10",
    );
    check("Dec. 1st , 2022", p, Past, "Dec. 1st , 2022", "2022-12-01");
    check("Sept. 5 , 2021", p, Past, "Sept. 5 , 2021", "2021-09-05");
    check("Sept 5 2021", p, Past, "Sept 5 2021", "2021-09-05");
    check("Jan 5 2021", p, Past, "Jan 5 2021", "2021-01-05");
    check("in December 2022", p, Past, "in December 2022", "2022-12");
    check("December of 2022", p, Past, "December of 2022", "2022-12");
    check("in 2019 ,", p, Past, "in 2019", "2019");
    check("in early 2022", p, Past, "in early 2022", "2022");
    check("in mid 2022", p, Past, "in mid 2022", "2022");
    check("in late 2022", p, Past, "in late 2022", "2022");
    check("in mid-2022", p, Past, "in mid-2022", "2022");
    check("early 2022", p, Past, "early 2022", "2022");
    check("2022-12-10", p, Past, "2022-12-10", "2022-12-10");
    check(
        "on 2022 - 12 - 10 .",
        p,
        Past,
        "on 2022 - 12 - 10",
        "2022-12-10",
    );
    check(
        "in the summer of 2022",
        p,
        Past,
        "in the summer of 2022",
        "2022",
    );
    check("summer 2022", p, Past, "summer 2022", "2022");
    check(
        "during the winter of 2022 - 23 .",
        p,
        Past,
        "during the winter of 2022 - 23",
        "2022",
    );
    check(
        "the winter of 2022 - 2023",
        p,
        Past,
        "the winter of 2022 - 2023",
        "2022",
    );
    // Absolute expressions ignore the tense and are not relative.
    for tense in [Past, Present, Future] {
        let found = run("December 10 , 2022", Some(p), tense);
        assert_eq!(
            found,
            vec![("December 10 , 2022".into(), "2022-12-10".into(), false)]
        );
    }
}

#[test]
fn absolute_dates_resolve_without_a_publication_date() {
    let found = run(
        "On December 10 , 2022 and in 2019 , but not on Monday or last month",
        None,
        Past,
    );
    assert_eq!(
        found,
        vec![
            ("On December 10 , 2022".into(), "2022-12-10".into(), false),
            ("in 2019".into(), "2019".into(), false),
        ]
    );
}

#[test]
fn year_less_dates_by_tense() {
    let p = "2023-01-08";
    check("On December 10", p, Past, "On December 10", "2022-12-10");
    check("December 10", p, Future, "December 10", "2023-12-10");
    check("December 10", p, Present, "December 10", "2022-12-10");
    check("January 20", p, Present, "January 20", "2023-01-20");
    check("on 10 December", p, Past, "on 10 December", "2022-12-10");
    check(
        "on the 10th of December",
        p,
        Past,
        "on the 10th of December",
        "2022-12-10",
    );
    check(
        "the 10th of December",
        p,
        Past,
        "the 10th of December",
        "2022-12-10",
    );
    check("10th December", p, Past, "10th December", "2022-12-10");
    // The publication day itself is "on or before" and "on or after".
    check("January 8", p, Past, "January 8", "2023-01-08");
    check("January 8", p, Future, "January 8", "2023-01-08");
    // Months: the publication month counts as the most recent.
    check("in December", p, Past, "in December", "2022-12");
    check("in January", p, Past, "in January", "2023-01");
    check("in January", "2023-12-20", Future, "in January", "2024-01");
    check(
        "in December",
        "2023-12-20",
        Future,
        "in December",
        "2023-12",
    );
    check("in July", p, Present, "in July", "2022-07");
    check("in August", p, Present, "in August", "2022-08");
    check("in June", p, Present, "in June", "2023-06");
    check("in early May", p, Past, "in early May", "2022-05");
    check("mid-December", p, Past, "mid-December", "2022-12");
    check("since March", p, Past, "since March", "2022-03");
    check("by June", p, Future, "by June", "2023-06");
    // An underspecified expression is relative.
    assert!(run("December 10", Some(p), Past)[0].2);
    assert!(run("in December", Some(p), Past)[0].2);
}

#[test]
fn year_boundaries() {
    check(
        "On December 10",
        "2023-01-08",
        Past,
        "On December 10",
        "2022-12-10",
    );
    check(
        "On January 5",
        "2023-12-20",
        Future,
        "On January 5",
        "2024-01-05",
    );
    check("in January", "2023-12-20", Future, "in January", "2024-01");
    check("last month", "2024-01-15", Past, "last month", "2023-12");
    check("next month", "2023-12-15", Past, "next month", "2024-01");
    check("yesterday", "2024-01-01", Past, "yesterday", "2023-12-31");
    check("last week", "2024-01-03", Past, "last week", "2023-12-25");
    check(
        "last December",
        "2023-01-08",
        Past,
        "last December",
        "2022-12",
    );
    check(
        "last December",
        "2023-12-20",
        Past,
        "last December",
        "2022-12",
    );
    check(
        "next January",
        "2023-12-20",
        Future,
        "next January",
        "2024-01",
    );
    check(
        "three months ago",
        "2024-02-10",
        Past,
        "three months ago",
        "2023-11",
    );
}

#[test]
fn leap_years() {
    check(
        "February 29 , 2024",
        "2024-11-18",
        Past,
        "February 29 , 2024",
        "2024-02-29",
    );
    check(
        "On February 29",
        "2023-03-01",
        Past,
        "On February 29",
        "2020-02-29",
    );
    check(
        "On February 29",
        "2023-03-01",
        Future,
        "On February 29",
        "2024-02-29",
    );
    check(
        "On February 29",
        "2024-03-01",
        Past,
        "On February 29",
        "2024-02-29",
    );
    check("2024-02-29", "2024-11-18", Past, "2024-02-29", "2024-02-29");
    check(
        "29 February 2000",
        "2024-11-18",
        Past,
        "29 February 2000",
        "2000-02-29",
    );
    check(
        "on the 31st",
        "2023-03-05",
        Past,
        "on the 31st",
        "2023-01-31",
    );
    check("yesterday", "2024-03-01", Past, "yesterday", "2024-02-29");
    // Not leap years: no date at all.
    assert_eq!(run("February 29 , 2023", Some("2024-11-18"), Past), vec![]);
    assert_eq!(run("February 29 , 1900", Some("2024-11-18"), Past), vec![]);
    assert_eq!(run("2023-02-29", Some("2024-11-18"), Past), vec![]);
}

#[test]
fn impossible_days_are_not_dates() {
    let p = Some("2023-05-08");
    assert_eq!(run("February 30", p, Past), vec![]);
    assert_eq!(run("on February 30", p, Past), vec![]);
    assert_eq!(run("February 30 , 2023", p, Past), vec![]);
    assert_eq!(run("30 February", p, Past), vec![]);
    assert_eq!(run("April 31", p, Past), vec![]);
    assert_eq!(run("December 32", p, Past), vec![]);
    assert_eq!(run("2023-13-01", p, Past), vec![]);
    assert_eq!(run("December 0", p, Past), vec![]);
    // After "in", the number is a count and the month stands alone.
    assert_eq!(
        run("in February 30 people died", p, Past),
        vec![("in February".into(), "2023-02".into(), true)]
    );
}

#[test]
fn in_month_then_a_count_is_a_month() {
    assert_eq!(
        run(
            "In December 10 people were killed",
            Some("2023-01-08"),
            Past
        ),
        vec![("In December".into(), "2022-12".into(), true)]
    );
    // "On" does introduce a day.
    assert_eq!(
        run("On December 10 police said", Some("2023-01-08"), Past),
        vec![("On December 10".into(), "2022-12-10".into(), true)]
    );
}

#[test]
fn verb_months_give_nothing() {
    let p = Some("2023-05-08");
    for text in [
        "Russia may strike again",
        "Russia May strike again",
        "May said the talks failed",
        "Protesters march on the capital",
        "Protesters will March on the capital",
        "That could mar the talks",
        "the may 5 vote",
    ] {
        assert_eq!(run(text, p, Past), vec![], "{text}");
    }
    // As months, with context.
    check("in May", "2023-08-01", Past, "in May", "2023-05");
    check("May 5", "2023-08-01", Past, "May 5", "2023-05-05");
    check("5 May", "2023-08-01", Past, "5 May", "2023-05-05");
    check("May 2022", "2023-08-01", Past, "May 2022", "2022-05");
    check("early May", "2023-08-01", Past, "early May", "2023-05");
    check("since March", "2023-08-01", Past, "since March", "2023-03");
    check("March 3", "2023-08-01", Past, "March 3", "2023-03-03");
    check(
        "the end of March",
        "2023-08-01",
        Past,
        "of March",
        "2023-03",
    );
}

#[test]
fn bare_months_and_names_need_context() {
    let p = Some("2023-05-08");
    assert_eq!(run("Jan Kowalski said", p, Past), vec![]);
    assert_eq!(run("April Ryan reported", p, Past), vec![]);
    assert_eq!(run("on December", p, Past), vec![]);
}

#[test]
fn bare_numbers_are_not_dates() {
    let p = Some("2023-05-08");
    for text in [
        "2019 was a hard year",
        "killed 2019 people",
        "12 people died",
        "in 12 cities",
        "in 1850",
        "in 2150",
        "the 10th time",
        "on the 10th floor of the building",
        "10 , 2022",
    ] {
        let found = run(text, p, Past);
        // "on the 10th floor" does read as a day of the month; everything else is nothing.
        if text.starts_with("on the 10th") {
            assert_eq!(
                found,
                vec![("on the 10th".into(), "2023-04-10".into(), true)]
            );
        } else {
            assert_eq!(found, vec![], "{text}");
        }
    }
    for (text, span) in [
        ("since 2014", "since 2014"),
        ("until 2025", "until 2025"),
        ("till 2025", "till 2025"),
        ("by 2030", "by 2030"),
        ("during 2020", "during 2020"),
        ("of 2021", "of 2021"),
        ("from 2019", "from 2019"),
        ("before 2000", "before 2000"),
        ("after 1999", "after 1999"),
        ("through 2024", "through 2024"),
        ("December 1850", "December 1850"),
    ] {
        let found = run(text, p, Past);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].0, span);
    }
}

#[test]
fn period_prepositions_are_noted_in_the_rule() {
    let p = Some("2023-05-08");
    for (text, word) in [
        ("since 2014", "since"),
        ("until 2025", "until"),
        ("till 2025", "until"),
        ("by 2030", "by"),
        ("by Monday", "by"),
        ("since last year", "since"),
    ] {
        let e = expr(text, p, Past);
        assert!(
            e.rule.ends_with(&format!(
                "; preposition '{word}' (the date bounds a period)"
            )),
            "{text}: {}",
            e.rule
        );
    }
    assert_eq!(expr("since 2014", p, Past).date.to_string(), "2014");
    assert_eq!(
        expr("since 2014", p, Past).rule,
        "year: 2014; preposition 'since' (the date bounds a period)"
    );
    assert!(!expr("in 2014", p, Past).rule.contains("preposition"));
    assert_eq!(
        expr("in early 2022", p, Past).rule,
        "year: 2022; modifier 'early' (the date keeps its precision)"
    );
}

#[test]
fn relative_days() {
    let p = "2023-04-12"; // a Wednesday
    check("today", p, Past, "today", "2023-04-12");
    check("Today", p, Past, "Today", "2023-04-12");
    check("tonight", p, Future, "tonight", "2023-04-12");
    check("earlier today", p, Past, "earlier today", "2023-04-12");
    check("this morning", p, Past, "this morning", "2023-04-12");
    check("yesterday", p, Past, "yesterday", "2023-04-11");
    check(
        "yesterday afternoon",
        p,
        Past,
        "yesterday afternoon",
        "2023-04-11",
    );
    check("tomorrow", p, Future, "tomorrow", "2023-04-13");
    check("last night", p, Past, "last night", "2023-04-11");
    check(
        "the day before yesterday",
        p,
        Past,
        "the day before yesterday",
        "2023-04-10",
    );
    check(
        "the day after tomorrow",
        p,
        Future,
        "the day after tomorrow",
        "2023-04-14",
    );
    check("yesterday's attack", p, Past, "yesterday's", "2023-04-11");
    assert_eq!(
        expr("yesterday", Some(p), Past).rule,
        "yesterday: 1 day before 2023-04-12"
    );
}

#[test]
fn weeks_months_and_years() {
    let p = "2024-11-18"; // a Monday
    check("this week", p, Past, "this week", "2024-11-18");
    check("last week", p, Past, "last week", "2024-11-11");
    check("next week", p, Future, "next week", "2024-11-25");
    check(
        "earlier this week",
        "2024-11-21",
        Past,
        "earlier this week",
        "2024-11-18",
    );
    check("this month", p, Past, "this month", "2024-11");
    check("last month", p, Past, "last month", "2024-10");
    check("next month", p, Future, "next month", "2024-12");
    check(
        "earlier this month",
        p,
        Past,
        "earlier this month",
        "2024-11",
    );
    check("this year", p, Past, "this year", "2024");
    check("last year", p, Past, "last year", "2023");
    check("next year", p, Future, "next year", "2025");
    check("earlier this year", p, Past, "earlier this year", "2024");
    check("later this year", p, Future, "later this year", "2024");
    check("late last year", p, Past, "late last year", "2023");
    check("last year's election", p, Past, "last year's", "2023");
    assert_eq!(
        expr("last week", Some(p), Past).rule,
        "last week: Monday of the week before the week of 2024-11-18 (a week is given as its \
         Monday, at day precision)"
    );
    assert_eq!(
        expr("last week", Some(p), Past).date.precision(),
        DatePrecision::Day
    );
    assert_eq!(
        expr("last year", Some(p), Past).date.precision(),
        DatePrecision::Year
    );
    // "earlier" and "later" only modify relative anchors.
    assert_eq!(run("later , in 2019", Some(p), Past)[0].0, "in 2019");
    assert_eq!(run("earlier 2019", Some(p), Past), vec![]);
    assert_eq!(run("the past week", Some(p), Past), vec![]);
    assert_eq!(run("over the last year", Some(p), Past), vec![]);
    assert_eq!(run("in the next month", Some(p), Future), vec![]);
    assert_eq!(run("last years", Some(p), Past), vec![]);
}

#[test]
fn counts_ago() {
    let p = "2024-11-18";
    check("two days ago", p, Past, "two days ago", "2024-11-16");
    check("2 days ago", p, Past, "2 days ago", "2024-11-16");
    check("10 days ago", p, Past, "10 days ago", "2024-11-08");
    check("a week ago", p, Past, "a week ago", "2024-11-11");
    check("two weeks ago", p, Past, "two weeks ago", "2024-11-04");
    check("a month ago", p, Past, "a month ago", "2024-10");
    check("three months ago", p, Past, "three months ago", "2024-08");
    check("twelve months ago", p, Past, "twelve months ago", "2023-11");
    check("a year ago", p, Past, "a year ago", "2023");
    check("two years ago", p, Past, "two years ago", "2022");
    check("100 years ago", p, Past, "100 years ago", "1924");
    check(
        "an hour ago and a day ago",
        p,
        Past,
        "a day ago",
        "2024-11-17",
    );
    assert_eq!(
        expr("three months ago", Some(p), Past).rule,
        "3 months ago: 3 months before 2024-11"
    );
    assert_eq!(run("a few days ago", Some(p), Past), vec![]);
    assert_eq!(run("two days", Some(p), Past), vec![]);
    // Arithmetic that leaves chrono's range gives nothing rather than panicking.
    assert_eq!(run("999999999 years ago", Some(p), Past), vec![]);
    assert_eq!(run("999999999 days ago", Some(p), Past), vec![]);
}

#[test]
fn weekdays() {
    let wednesday = "2023-04-12";
    check("on Monday", wednesday, Past, "on Monday", "2023-04-10");
    check("on Monday", wednesday, Present, "on Monday", "2023-04-10");
    check("on Monday", wednesday, Future, "on Monday", "2023-04-17");
    check("Monday", wednesday, Past, "Monday", "2023-04-10");
    check(
        "on Wednesday",
        wednesday,
        Past,
        "on Wednesday",
        "2023-04-12",
    );
    check(
        "on Wednesday",
        wednesday,
        Future,
        "on Wednesday",
        "2023-04-12",
    );
    check("on Thursday", wednesday, Past, "on Thursday", "2023-04-06");
    check("last Monday", wednesday, Past, "last Monday", "2023-04-10");
    check(
        "last Wednesday",
        wednesday,
        Past,
        "last Wednesday",
        "2023-04-05",
    );
    check(
        "next Monday",
        wednesday,
        Future,
        "next Monday",
        "2023-04-17",
    );
    check(
        "next Wednesday",
        wednesday,
        Future,
        "next Wednesday",
        "2023-04-19",
    );
    check("this Monday", wednesday, Past, "this Monday", "2023-04-10");
    check(
        "Monday night",
        wednesday,
        Past,
        "Monday night",
        "2023-04-10",
    );
    check("late Monday", wednesday, Past, "late Monday", "2023-04-10");
    check("Monday's vote", wednesday, Past, "Monday's", "2023-04-10");
    check("Monday 's vote", wednesday, Past, "Monday", "2023-04-10");
    check(
        "Monday\u{2019}s vote",
        wednesday,
        Past,
        "Monday\u{2019}s",
        "2023-04-10",
    );
    check("SUNDAY", wednesday, Past, "SUNDAY", "2023-04-09");
    assert_eq!(
        expr("on Monday", Some(wednesday), Past).rule,
        "weekday, past: most recent Monday on or before 2023-04-12"
    );
    // A weekday followed by its date: the date wins, and the span covers both.
    check(
        "On Monday , December 10 , 2022 ,",
        wednesday,
        Past,
        "On Monday , December 10 , 2022",
        "2022-12-10",
    );
    check(
        "Monday 10 April",
        wednesday,
        Past,
        "Monday 10 April",
        "2023-04-10",
    );
}

#[test]
fn several_expressions_in_order() {
    let found = run(
        "Talks held on Monday and Tuesday , after the clashes of December 10 and in 2019 .",
        Some("2023-04-12"),
        Past,
    );
    assert_eq!(
        found,
        vec![
            ("on Monday".into(), "2023-04-10".into(), true),
            ("Tuesday".into(), "2023-04-11".into(), true),
            ("of December 10".into(), "2022-12-10".into(), true),
            ("in 2019".into(), "2019".into(), false),
        ]
    );
}

#[test]
fn relative_years_after_a_date() {
    let p = "2023-05-08";
    check(
        "On December 10 last year",
        p,
        Past,
        "On December 10 last year",
        "2022-12-10",
    );
    check(
        "in March next year",
        p,
        Future,
        "in March next year",
        "2024-03",
    );
    check(
        "June 1 this year",
        p,
        Past,
        "June 1 this year",
        "2023-06-01",
    );
    assert!(run("December 10 last year", Some(p), Past)[0].2);
}

#[test]
fn day_of_month() {
    check(
        "on the 10th",
        "2023-05-08",
        Past,
        "on the 10th",
        "2023-04-10",
    );
    check(
        "on the 10th",
        "2023-05-08",
        Future,
        "on the 10th",
        "2023-05-10",
    );
    check(
        "on the 10th",
        "2023-05-08",
        Present,
        "on the 10th",
        "2023-05-10",
    );
    assert_eq!(run("the 10th", Some("2023-05-08"), Past), vec![]);
}

#[test]
fn case_insensitive() {
    check(
        "ON DECEMBER 10",
        "2023-01-08",
        Past,
        "ON DECEMBER 10",
        "2022-12-10",
    );
    check("LAST MONTH", "2024-11-18", Past, "LAST MONTH", "2024-10");
    check("In Early 2022", "2024-11-18", Past, "In Early 2022", "2022");
}

#[test]
fn long_sentences_use_the_heap_path() {
    let mut tokens = vec!["word"; 100];
    tokens.extend(["On", "December", "10"]);
    tokens.extend(vec!["word"; 10]);
    let found = find(&tokens, Some(date("2023-01-08")), Past);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].start, found[0].end), (100, 103));
    assert_eq!(found[0].date.to_string(), "2022-12-10");
    assert!(find(&vec!["word"; 100], Some(date("2023-01-08")), Past).is_empty());
}

#[test]
fn empty_and_punctuation_only_inputs() {
    assert!(find(&[], Some(date("2023-01-08")), Past).is_empty());
    assert!(find(&["", ",", "-", "'s"], Some(date("2023-01-08")), Past).is_empty());
    assert!(find(&["in"], None, Past).is_empty());
    assert!(find(&["last"], Some(date("2023-01-08")), Past).is_empty());
}

#[test]
fn publication_dates_at_the_edges_of_chrono() {
    for published in [NaiveDate::MIN, NaiveDate::MAX] {
        for text in [
            "yesterday tomorrow last week next week last month next month last year next year",
            "On December 10 , in January , on Monday , next Monday , last Monday , on the 31st",
            "999 years ago , 12 months ago , 3 weeks ago , last December , next December",
        ] {
            let tokens: Vec<&str> = text.split_whitespace().collect();
            for tense in [Past, Present, Future] {
                for e in find(&tokens, Some(published), tense) {
                    assert!(e.start < e.end && e.end <= tokens.len());
                }
            }
        }
    }
}

#[test]
fn tense_guesses() {
    let guess = |text: &str| guess_tense(&text.split_whitespace().collect::<Vec<_>>());
    assert_eq!(guess("Talks will resume on Monday"), Future);
    assert_eq!(guess("They'll meet on Monday"), Future);
    assert_eq!(guess("They 'll meet on Monday"), Future);
    assert_eq!(guess("She shall return"), Future);
    assert_eq!(guess("They won't attend"), Future);
    assert_eq!(guess("Russia is going to respond"), Future);
    assert_eq!(guess("The minister is expected to visit Kyiv"), Future);
    assert_eq!(guess("The party plans to vote on Friday"), Future);
    assert_eq!(guess("Officials said talks will resume on Monday"), Future);
    assert_eq!(guess("Talks were held on Monday"), Past);
    assert_eq!(guess("He was arrested"), Past);
    assert_eq!(guess("Troops attacked the village on Monday"), Past);
    assert_eq!(guess("Police said the suspect fled"), Past);
    assert_eq!(guess("The ministers met in Brussels"), Past);
    assert_eq!(guess("He had left"), Past);
    assert_eq!(guess("The army has attacked the town"), Past);
    assert_eq!(guess("The minister was expected to visit Kyiv"), Past);
    assert_eq!(guess("The talks continue in Geneva"), Present);
    assert_eq!(guess("Ahmed leads the party"), Present);
    assert_eq!(guess("The aid is needed and the plan is approved"), Present);
    assert_eq!(guess("A hundred people protest"), Present);
    assert_eq!(guess(""), Present);
}
