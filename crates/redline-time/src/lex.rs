//! Token classification: each token text becomes one small `Copy` value, [`Lex`].
//!
//! The grammar in [`crate::parse`] only ever looks at these values, so the text of a token is
//! examined exactly once, without allocating: words are lower-cased into a 16-byte stack buffer
//! (every word the grammar knows is shorter than that; longer or non-ASCII words cannot be
//! date words and become [`Lex::Word`] or [`Lex::Other`] straight away).

/// A token as the date grammar sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A month name or abbreviation, 1..=12. "May", "March" and "Mar" (which are also verbs)
    /// only lex as months when capitalised.
    Month(u32),
    /// A full weekday name, 0 = Monday .. 6 = Sunday.
    Weekday(u32),
    /// A run of ASCII digits (at most 9, so the value fits a `u32`).
    Num {
        /// The number.
        value: u32,
        /// How many digits were written ("05" has 2), which tells days from years.
        digits: u8,
    },
    /// A day ordinal such as "10th" or "1st" (one or two digits).
    Ordinal(u32),
    /// An ISO date written as one token, "2022-12-10" (not yet validated).
    Iso { year: i32, month: u32, day: u32 },
    /// A modifier glued to a month by a hyphen: "mid-December".
    ModMonth(Modifier, u32),
    /// A modifier glued to a year by a hyphen: "mid-2022" (the year is 1000..=2999).
    ModYear(Modifier, i32),
    /// "early", "mid", "late", "earlier", "later".
    Modifier(Modifier),
    /// A preposition that can introduce a date.
    Prep(Prep),
    /// "day", "week", "month", "year" and their plurals.
    Unit { unit: Unit, plural: bool },
    /// A season name.
    Season(Season),
    /// "one" .. "twelve".
    NumberWord(u32),
    /// Other words the grammar needs.
    Kw(Kw),
    /// ",".
    Comma,
    /// "-" or a dash.
    Dash,
    /// Any other word that starts with a lower-case ASCII letter (used to tell "in December 10
    /// people" from a date).
    Word,
    /// Anything else.
    Other,
}

/// A word that shifts or narrows a date without changing its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Modifier {
    /// "early".
    Early,
    /// "mid" (alone or glued: "mid-2022").
    Mid,
    /// "late".
    Late,
    /// "earlier" ("earlier this month").
    Earlier,
    /// "later" ("later this year").
    Later,
}

impl Modifier {
    /// The word as written in rules.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Modifier::Early => "early",
            Modifier::Mid => "mid",
            Modifier::Late => "late",
            Modifier::Earlier => "earlier",
            Modifier::Later => "later",
        }
    }
}

/// A preposition that may introduce a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prep {
    On,
    In,
    During,
    Of,
    Since,
    Until,
    By,
    From,
    Before,
    After,
    Through,
}

impl Prep {
    /// The canonical word ("till" is written "until").
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Prep::On => "on",
            Prep::In => "in",
            Prep::During => "during",
            Prep::Of => "of",
            Prep::Since => "since",
            Prep::Until => "until",
            Prep::By => "by",
            Prep::From => "from",
            Prep::Before => "before",
            Prep::After => "after",
            Prep::Through => "through",
        }
    }

    /// Whether a bare year or a bare month may follow ("in 2019", "since May"). "On" may not:
    /// "on 2019" is not English, and "on May" is more often a name than a date.
    pub(crate) fn introduces_period(self) -> bool {
        self != Prep::On
    }

    /// Whether the preposition makes the date a bound of a period rather than the time of the
    /// event ("since 2014", "by 2030"); the rule says so, and the coder decides what to do.
    pub(crate) fn bounds_period(self) -> bool {
        !matches!(self, Prep::On | Prep::In | Prep::During | Prep::Of)
    }
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    /// Singular and plural nouns, for rules.
    pub(crate) fn name(self, count: u32) -> &'static str {
        match (self, count == 1) {
            (Unit::Day, true) => "day",
            (Unit::Day, false) => "days",
            (Unit::Week, true) => "week",
            (Unit::Week, false) => "weeks",
            (Unit::Month, true) => "month",
            (Unit::Month, false) => "months",
            (Unit::Year, true) => "year",
            (Unit::Year, false) => "years",
        }
    }
}

/// A season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    /// The season's name, for rules.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }
}

/// Other words the grammar recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Last,
    This,
    Next,
    Ago,
    The,
    /// "a" or "an" ("a week ago").
    A,
    Night,
    /// "morning", "afternoon", "evening".
    PartOfDay,
}

impl Lex {
    /// Whether this token can anchor a time expression. Every pattern of the grammar contains at
    /// least one such token, so a sentence without any is skipped before any other work.
    pub(crate) fn is_trigger(self) -> bool {
        match self {
            Lex::Month(_)
            | Lex::Weekday(_)
            | Lex::Ordinal(_)
            | Lex::Iso { .. }
            | Lex::ModMonth(..)
            | Lex::ModYear(..) => true,
            Lex::Num { digits, .. } => digits == 4,
            Lex::Unit { unit, .. } => unit != Unit::Day,
            Lex::Kw(kw) => matches!(
                kw,
                Kw::Today
                    | Kw::Tonight
                    | Kw::Yesterday
                    | Kw::Tomorrow
                    | Kw::Ago
                    | Kw::Night
                    | Kw::PartOfDay
            ),
            _ => false,
        }
    }
}

/// The longest word the grammar knows is "early-september" (15 bytes).
const MAX_WORD: usize = 16;

/// Classifies one token text.
pub(crate) fn lex(token: &str) -> Lex {
    let token = strip_possessive(token);
    let Some(&first) = token.as_bytes().first() else {
        return Lex::Other;
    };
    if first.is_ascii_digit() {
        return lex_numeric(token.as_bytes());
    }
    if !first.is_ascii_alphabetic() {
        return match token {
            "," => Lex::Comma,
            "-" | "\u{2013}" | "\u{2014}" => Lex::Dash,
            _ => Lex::Other,
        };
    }
    // The tokenizer keeps a final period only on abbreviations ("Dec.", "Sept.").
    let (word, dotted) = match token.strip_suffix('.') {
        Some(w) => (w, true),
        None => (token, false),
    };
    let Some(lower) = Lower::new(word) else {
        return plain_word(first);
    };
    let capitalised = first.is_ascii_uppercase();
    if let Some(month) = month_number(lower.bytes()) {
        // "may strike", "march on the capital", "mar the talks": these months are verbs too,
        // so they are only months when capitalised ("Mar." with its period is unambiguous).
        let verb_like =
            matches!(lower.bytes(), b"may" | b"march") || (lower.bytes() == b"mar" && !dotted);
        if verb_like && !capitalised {
            return Lex::Word;
        }
        return Lex::Month(month);
    }
    if dotted {
        // A period is only expected after month abbreviations; "U.S." and friends are not dates.
        return Lex::Other;
    }
    if let Some(rest) = modifier_prefix(lower.bytes()) {
        return lex_compound(word, rest);
    }
    keyword(lower.bytes()).unwrap_or_else(|| plain_word(first))
}

/// `Word` for lower-case words, `Other` for the rest.
fn plain_word(first: u8) -> Lex {
    if first.is_ascii_lowercase() {
        Lex::Word
    } else {
        Lex::Other
    }
}

/// Drops a possessive "'s" ("Monday's", "yesterday’s"): the tokenizer keeps it in the word.
fn strip_possessive(token: &str) -> &str {
    token
        .strip_suffix("'s")
        .or_else(|| token.strip_suffix("\u{2019}s"))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(token)
}

/// An ASCII-lower-cased copy of a short word, on the stack.
struct Lower {
    buf: [u8; MAX_WORD],
    len: usize,
}

impl Lower {
    /// `None` when the word is longer than any word the grammar knows or is not ASCII.
    fn new(word: &str) -> Option<Lower> {
        let bytes = word.as_bytes();
        if bytes.len() > MAX_WORD || !bytes.is_ascii() {
            return None;
        }
        let mut buf = [0; MAX_WORD];
        for (dst, src) in buf.iter_mut().zip(bytes) {
            *dst = src.to_ascii_lowercase();
        }
        Some(Lower {
            buf,
            len: bytes.len(),
        })
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// The month a lower-case name or abbreviation names.
fn month_number(word: &[u8]) -> Option<u32> {
    Some(match word {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    })
}

/// Keywords other than months.
fn keyword(word: &[u8]) -> Option<Lex> {
    use Lex::{Kw as K, NumberWord as N};
    let unit = |unit, plural| Lex::Unit { unit, plural };
    Some(match word {
        b"monday" => Lex::Weekday(0),
        b"tuesday" => Lex::Weekday(1),
        b"wednesday" => Lex::Weekday(2),
        b"thursday" => Lex::Weekday(3),
        b"friday" => Lex::Weekday(4),
        b"saturday" => Lex::Weekday(5),
        b"sunday" => Lex::Weekday(6),
        b"today" => K(Kw::Today),
        b"tonight" => K(Kw::Tonight),
        b"yesterday" => K(Kw::Yesterday),
        b"tomorrow" => K(Kw::Tomorrow),
        b"last" => K(Kw::Last),
        b"this" => K(Kw::This),
        b"next" => K(Kw::Next),
        b"ago" => K(Kw::Ago),
        b"the" => K(Kw::The),
        b"a" | b"an" => K(Kw::A),
        b"night" => K(Kw::Night),
        b"morning" | b"afternoon" | b"evening" => K(Kw::PartOfDay),
        b"early" => Lex::Modifier(Modifier::Early),
        b"mid" => Lex::Modifier(Modifier::Mid),
        b"late" => Lex::Modifier(Modifier::Late),
        b"earlier" => Lex::Modifier(Modifier::Earlier),
        b"later" => Lex::Modifier(Modifier::Later),
        b"on" => Lex::Prep(Prep::On),
        b"in" => Lex::Prep(Prep::In),
        b"during" => Lex::Prep(Prep::During),
        b"of" => Lex::Prep(Prep::Of),
        b"since" => Lex::Prep(Prep::Since),
        b"until" | b"till" => Lex::Prep(Prep::Until),
        b"by" => Lex::Prep(Prep::By),
        b"from" => Lex::Prep(Prep::From),
        b"before" => Lex::Prep(Prep::Before),
        b"after" => Lex::Prep(Prep::After),
        b"through" => Lex::Prep(Prep::Through),
        b"day" => unit(Unit::Day, false),
        b"days" => unit(Unit::Day, true),
        b"week" => unit(Unit::Week, false),
        b"weeks" => unit(Unit::Week, true),
        b"month" => unit(Unit::Month, false),
        b"months" => unit(Unit::Month, true),
        b"year" => unit(Unit::Year, false),
        b"years" => unit(Unit::Year, true),
        b"spring" => Lex::Season(Season::Spring),
        b"summer" => Lex::Season(Season::Summer),
        b"autumn" | b"fall" => Lex::Season(Season::Autumn),
        b"winter" => Lex::Season(Season::Winter),
        b"one" => N(1),
        b"two" => N(2),
        b"three" => N(3),
        b"four" => N(4),
        b"five" => N(5),
        b"six" => N(6),
        b"seven" => N(7),
        b"eight" => N(8),
        b"nine" => N(9),
        b"ten" => N(10),
        b"eleven" => N(11),
        b"twelve" => N(12),
        _ => return None,
    })
}

/// For "mid-december", "early-2022", "late-may": the modifier and the byte length of the prefix
/// including the hyphen.
fn modifier_prefix(lower: &[u8]) -> Option<(Modifier, usize)> {
    [
        (&b"mid-"[..], Modifier::Mid),
        (b"early-", Modifier::Early),
        (b"late-", Modifier::Late),
    ]
    .into_iter()
    .find(|(prefix, _)| lower.len() > prefix.len() && lower.starts_with(prefix))
    .map(|(prefix, modifier)| (modifier, prefix.len()))
}

/// A hyphenated modifier compound: the rest must be a month or a 4-digit year.
fn lex_compound(word: &str, (modifier, prefix): (Modifier, usize)) -> Lex {
    // `word` is ASCII (it fit in `Lower`), so slicing at a byte offset is safe.
    match lex(&word[prefix..]) {
        Lex::Month(month) => Lex::ModMonth(modifier, month),
        Lex::Num { value, digits: 4 } if (1000..=2999).contains(&value) => {
            Lex::ModYear(modifier, value as i32)
        }
        _ => Lex::Word,
    }
}

/// A token starting with a digit: a number, an ordinal or a one-token ISO date.
fn lex_numeric(bytes: &[u8]) -> Lex {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let rest = &bytes[digits..];
    if rest.is_empty() {
        return match parse_digits(bytes) {
            Some(value) if digits <= 9 => Lex::Num {
                value,
                digits: digits as u8,
            },
            _ => Lex::Other,
        };
    }
    if digits <= 2 && rest.len() == 2 {
        let suffix = [rest[0].to_ascii_lowercase(), rest[1].to_ascii_lowercase()];
        if matches!(&suffix, b"st" | b"nd" | b"rd" | b"th") {
            return parse_digits(&bytes[..digits]).map_or(Lex::Other, Lex::Ordinal);
        }
    }
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *bytes
        && let (Some(year), Some(month), Some(day)) = (
            parse_digits(&[y0, y1, y2, y3]),
            parse_digits(&[m0, m1]),
            parse_digits(&[d0, d1]),
        )
    {
        return Lex::Iso {
            year: year as i32,
            month,
            day,
        };
    }
    Lex::Other
}

/// The value of a non-empty run of at most 9 ASCII digits.
fn parse_digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 9 {
        return None;
    }
    bytes.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_their_abbreviations() {
        for token in ["December", "december", "DECEMBER", "Dec", "Dec.", "dec"] {
            assert_eq!(lex(token), Lex::Month(12), "{token}");
        }
        assert_eq!(lex("Sept."), Lex::Month(9));
        assert_eq!(lex("Sept"), Lex::Month(9));
        assert_eq!(lex("Sep."), Lex::Month(9));
    }

    #[test]
    fn verb_months_need_a_capital() {
        assert_eq!(lex("May"), Lex::Month(5));
        assert_eq!(lex("may"), Lex::Word);
        assert_eq!(lex("march"), Lex::Word);
        assert_eq!(lex("March"), Lex::Month(3));
        assert_eq!(lex("mar"), Lex::Word);
        assert_eq!(lex("mar."), Lex::Month(3));
    }

    #[test]
    fn numbers_ordinals_and_iso_dates() {
        assert_eq!(
            lex("2022"),
            Lex::Num {
                value: 2022,
                digits: 4
            }
        );
        assert_eq!(
            lex("05"),
            Lex::Num {
                value: 5,
                digits: 2
            }
        );
        assert_eq!(lex("10th"), Lex::Ordinal(10));
        assert_eq!(lex("1ST"), Lex::Ordinal(1));
        assert_eq!(lex("123th"), Lex::Other);
        assert_eq!(lex("1,000"), Lex::Other);
        assert_eq!(lex("1990s"), Lex::Other);
        assert_eq!(lex("12345678901"), Lex::Other);
        assert_eq!(
            lex("2022-12-10"),
            Lex::Iso {
                year: 2022,
                month: 12,
                day: 10
            }
        );
    }

    #[test]
    fn possessives_compounds_and_other_words() {
        assert_eq!(lex("Monday's"), Lex::Weekday(0));
        assert_eq!(lex("yesterday\u{2019}s"), Lex::Kw(Kw::Yesterday));
        assert_eq!(lex("'s"), Lex::Other);
        assert_eq!(lex("mid-December"), Lex::ModMonth(Modifier::Mid, 12));
        assert_eq!(lex("mid-2022"), Lex::ModYear(Modifier::Mid, 2022));
        assert_eq!(lex("mid-may"), Lex::Word);
        assert_eq!(lex("mid-term"), Lex::Word);
        assert_eq!(lex("U.S."), Lex::Other);
        assert_eq!(lex("people"), Lex::Word);
        assert_eq!(lex("Russia"), Lex::Other);
        assert_eq!(lex("extraordinarily"), Lex::Word);
        assert_eq!(lex(""), Lex::Other);
        assert_eq!(lex(","), Lex::Comma);
        assert_eq!(lex("-"), Lex::Dash);
    }

    #[test]
    fn triggers() {
        assert!(lex("Monday").is_trigger());
        assert!(lex("2019").is_trigger());
        assert!(lex("ago").is_trigger());
        assert!(lex("week").is_trigger());
        assert!(!lex("12").is_trigger());
        assert!(!lex("in").is_trigger());
        assert!(!lex("day").is_trigger());
        assert!(!lex("may").is_trigger());
    }
}
