//! Free-form publication dates: "10 April 2023", "November 18, 2024", "2023-04-10T08:00:00Z",
//! "Tue, 25 Mar 2025 10:00:00 GMT", "April 2025", "2019".
//!
//! The parser accepts a string only when the whole of it is a date (plus a label such as
//! "Published:" and a trailing time of day), so it can also tell whether a header line *is* a date
//! line. Ambiguous numeric forms (`03/04/2025`) give `None`: an unknown date is better than a wrong
//! one.

use redline_model::PartialDate;

/// Parses a date written in any of the common news forms; `None` if `s` is not (only) a date.
pub fn parse_date(s: &str) -> Option<PartialDate> {
    let s = strip_label(s.trim());
    let words = date_words(s);
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    parse_words(&words)
}

/// Whether `s` is a relative time stamp as teaser lists print them: "11 hours ago", "a day ago",
/// "yesterday", "just now".
pub fn is_relative_time(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["yesterday"] | ["today"] | ["just", "now"] => true,
        [n, unit, "ago"] => {
            (n.parse::<u32>().is_ok() || *n == "a" || *n == "an" || *n == "one")
                && TIME_UNITS.contains(&unit.trim_end_matches('s'))
        }
        _ => false,
    }
}

const TIME_UNITS: &[&str] = &[
    "second", "minute", "min", "hour", "hr", "day", "week", "month", "year",
];

/// Labels that precede a date on a page; removed before parsing.
const LABELS: &[&str] = &[
    "published on",
    "published",
    "posted on",
    "posted",
    "updated on",
    "updated",
    "last updated",
    "first published",
    "date",
    "dated",
    "on",
];

fn strip_label(s: &str) -> &str {
    let lower = s.to_ascii_lowercase();
    for label in LABELS {
        if let Some(rest) = lower.strip_prefix(label) {
            let rest_start = s.len() - rest.len();
            let rest = s[rest_start..].trim_start_matches([':', ' ', '\u{a0}']);
            // "on" must be followed by a space ("on 10 April"), not be the start of a word.
            if s[rest_start..].starts_with([':', ' ']) {
                return rest;
            }
        }
    }
    s
}

/// A date token: a number, or a word (month, weekday, time-zone or time-of-day marker).
#[derive(Debug, Clone, Copy, PartialEq)]
enum W<'a> {
    Num(u32, usize),
    Word(&'a str),
    Time,
}

/// Splits on spaces, commas, slashes, dots and dashes, keeping numbers with their digit count.
/// ISO 8601 `T` times and `hh:mm[:ss]` become a single `Time` token.
fn date_words(s: &str) -> Vec<W<'_>> {
    let mut out = Vec::new();
    for raw in s.split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '|') {
        // ISO timestamp: 2023-04-10T08:00:00+02:00
        let (raw, had_time) = match raw.find('T') {
            Some(t) if t == 10 && raw.as_bytes()[4] == b'-' => (&raw[..t], true),
            _ => (raw, false),
        };
        if raw.contains(':') {
            out.push(W::Time);
            continue;
        }
        for part in raw.split(['-', '.', '–']) {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if part.is_empty() {
                continue;
            }
            if part.bytes().all(|b| b.is_ascii_digit()) {
                match part.parse::<u32>() {
                    Ok(n) => out.push(W::Num(n, part.len())),
                    Err(_) => return Vec::new(),
                }
            } else if let Some(n) = ordinal(part) {
                out.push(W::Num(n, 2));
            } else {
                out.push(W::Word(part));
            }
        }
        if had_time {
            out.push(W::Time);
        }
    }
    out
}

/// "18th" -> 18.
fn ordinal(part: &str) -> Option<u32> {
    let lower = part.to_ascii_lowercase();
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(num) = lower.strip_suffix(suffix)
            && !num.is_empty()
            && num.len() <= 2
            && num.bytes().all(|b| b.is_ascii_digit())
        {
            return num.parse().ok();
        }
    }
    None
}

fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // A month is its full name or any prefix of three letters or more ("Sep", "Sept").
    MONTHS
        .iter()
        .position(|m| lower.len() >= 3 && m.starts_with(lower.as_str()))
        .map(|i| i as u32 + 1)
}

fn is_noise(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let weekday = WEEKDAYS
        .iter()
        .any(|d| lower == *d || (lower.len() >= 3 && d.starts_with(lower.as_str())));
    weekday
        || matches!(
            lower.as_str(),
            "am" | "pm"
                | "gmt"
                | "utc"
                | "z"
                | "est"
                | "edt"
                | "cet"
                | "cest"
                | "bst"
                | "pst"
                | "pdt"
                | "msk"
                | "eet"
                | "eest"
                | "of"
                | "the"
                | "at"
        )
}

fn year(n: u32, digits: usize) -> Option<i32> {
    (digits == 4 && (1800..=2200).contains(&n)).then_some(n as i32)
}

fn parse_words(words: &[W<'_>]) -> Option<PartialDate> {
    // Drop weekday names, time-zone names and times; what remains must be a date.
    let mut core: Vec<W<'_>> = Vec::with_capacity(4);
    let mut seen_time = false;
    for w in words {
        match w {
            W::Time => seen_time = true,
            W::Word(word) if is_noise(word) => {}
            // A numeric time-zone offset or seconds after a time ("+0000", "10:00 +02").
            W::Num(_, _) if seen_time && core.len() >= 3 => {}
            other => core.push(*other),
        }
    }
    use W::{Num, Word};
    match core.as_slice() {
        // 2023-04-10, 2023/04/10
        [Num(y, 4), Num(m, _), Num(d, 1..=2)] => PartialDate::ymd(year(*y, 4)?, *m, *d),
        // 2023-04
        [Num(y, 4), Num(m, 1..=2)] => PartialDate::month(year(*y, 4)?, *m),
        // 10 April 2023 / April 10, 2023 / 10 Apr. 2023
        [Num(d, 1..=2), Word(m), Num(y, 4)] => PartialDate::ymd(year(*y, 4)?, month_number(m)?, *d),
        [Word(m), Num(d, 1..=2), Num(y, 4)] => PartialDate::ymd(year(*y, 4)?, month_number(m)?, *d),
        // 2023 April 10 (rare, but East Asian outlets write it)
        [Num(y, 4), Word(m), Num(d, 1..=2)] => PartialDate::ymd(year(*y, 4)?, month_number(m)?, *d),
        // April 2025
        [Word(m), Num(y, 4)] => PartialDate::month(year(*y, 4)?, month_number(m)?),
        // 2019
        [Num(y, 4)] => PartialDate::year(year(*y, 4)?),
        // 17/03/2025 or 03/17/2025: only when the day is unmistakable.
        [Num(a, 1..=2), Num(b, 1..=2), Num(y, 4)] => {
            let y = year(*y, 4)?;
            match (*a > 12, *b > 12) {
                (true, false) => PartialDate::ymd(y, *b, *a),
                (false, true) => PartialDate::ymd(y, *a, *b),
                _ if a == b => PartialDate::ymd(y, *a, *b),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_date(s).map(|p| format!("{p}/{}", p.precision()))
    }

    #[test]
    fn news_forms_parse_to_the_day() {
        for (input, want) in [
            ("10 April 2023", "2023-04-10/day"),
            ("8 January 2023", "2023-01-08/day"),
            ("November 18, 2024", "2024-11-18/day"),
            ("Nov. 18, 2024", "2024-11-18/day"),
            ("Mar. 16, 2025", "2025-03-16/day"),
            ("Sept. 3, 2024", "2024-09-03/day"),
            ("Tuesday, 25 March 2025", "2025-03-25/day"),
            ("Tue, 25 Mar 2025 10:00:00 GMT", "2025-03-25/day"),
            ("Tue, 25 Mar 2025 10:00:00 +0000", "2025-03-25/day"),
            ("2025-03-18", "2025-03-18/day"),
            ("2023-04-10T08:15:00+02:00", "2023-04-10/day"),
            ("2023-04-10T08:15:00Z", "2023-04-10/day"),
            ("Published: 12 March 2025", "2025-03-12/day"),
            ("Updated 12 March 2025, 10:32 am", "2025-03-12/day"),
            ("18th November 2024", "2024-11-18/day"),
            ("November 18th, 2024", "2024-11-18/day"),
            ("17/03/2025", "2025-03-17/day"),
            ("03/17/2025", "2025-03-17/day"),
        ] {
            assert_eq!(d(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn coarser_dates_keep_their_precision() {
        assert_eq!(d("April 2025").as_deref(), Some("2025-04/month"));
        assert_eq!(d("2025-04").as_deref(), Some("2025-04/month"));
        assert_eq!(d("2019").as_deref(), Some("2019/year"));
    }

    #[test]
    fn non_dates_and_ambiguous_dates_are_rejected() {
        for input in [
            "",
            "Andre Damon",
            "03/04/2025",
            "31 February 2023",
            "The war began on 24 February 2022.",
            "10 Mayday 2023",
            "99999999999999999999",
            "Leaked cables show deep foreign involvement in the border war",
            "Online May 1",
        ] {
            assert_eq!(d(input), None, "{input}");
        }
    }

    #[test]
    fn relative_times_are_recognised() {
        assert!(is_relative_time("11 hours ago"));
        assert!(is_relative_time("a day ago"));
        assert!(is_relative_time("2 days ago"));
        assert!(is_relative_time("Yesterday"));
        assert!(!is_relative_time("two years of war"));
    }
}
