//! Claims: numbers a sentence asserts about troops, casualties, money and weapons.
//!
//! Runs after the event stages, on their mentions, speech frames and dates, so a claim gets the
//! same attribution an event would ("a newspaper reported, citing officials, that ...").
//! The steps, each recorded in the claim's `reasons`:
//! 1. a *number*: digits ("200,000"), a scale ("$50 billion"), a range ("between 8,000 and
//!    11,000", "8,000-11,000"), an order of magnitude ("hundreds of thousands"), with the words
//!    that qualify it ("about", "at least", "up to");
//! 2. a *unit* after it, within a few modifiers ("97 NATO Special Operations troops"), or before
//!    it ("the total of Russian soldiers killed and wounded ... is approaching 30,000"); a number
//!    without a unit we know is not a claim, which is what keeps dates, ages and distances out;
//! 3. the *measure*: for people, the participle that follows ("killed in action", "killed and
//!    wounded"); for money, what it pays for;
//! 4. *whose* (mentions inside the unit phrase, or "from the UK"), *where* ("inside Ukraine"), and
//!    *who says so*: a speech frame covering the number, or a source noun before a reporting verb
//!    ("the internal documents pointed to ...").

use chrono::NaiveDate;
use redline_model::{
    Attribution, ClaimKind, ClaimRecord, Document, Modality, PartialDate, Participant, Polarity,
    Qualifier, group_digits,
};

use crate::CodedSentence;
use crate::lexicon::Lexicon;
use crate::mentions::{Mention, MentionKind};
use crate::record::participant;

/// How far after a number its unit may come ("8,000 and 11,000 Russian soldiers": the range
/// itself is part of the number; "97 NATO Special Operations troops": three modifiers).
const UNIT_WINDOW: usize = 6;

/// A number expression in a sentence (token indices).
#[derive(Debug, Clone, PartialEq)]
struct Number {
    /// First token, qualifier words included.
    start: usize,
    /// One past the last token, scale and currency words included.
    end: usize,
    low: f64,
    high: f64,
    qualifier: Qualifier,
    /// ISO code of a currency named with the number.
    currency: Option<&'static str>,
}

/// What a unit noun counts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum UnitClass {
    /// Military personnel: a casualty measure when a participle follows.
    Personnel,
    /// People in general: a claim only with a casualty participle.
    People,
    /// A casualty noun with its measure.
    Casualty(&'static str),
    /// A weapon, named by the noun.
    Weapon,
}

const PERSONNEL: &[&str] = &[
    "troops",
    "troop",
    "soldiers",
    "soldier",
    "servicemen",
    "servicemembers",
    "personnel",
    "fighters",
    "mercenaries",
    "advisers",
    "advisors",
    "instructors",
    "trainers",
    "marines",
    "paratroopers",
    "commandos",
    "reservists",
    "conscripts",
    "contractors",
    "sailors",
    "airmen",
];

const PEOPLE: &[&str] = &["people", "civilians", "men", "women", "children", "persons"];

const CASUALTY_NOUNS: &[(&str, &str)] = &[
    ("casualties", "casualties"),
    ("deaths", "killed"),
    ("dead", "killed"),
    ("fatalities", "killed"),
    ("killed", "killed"),
    ("wounded", "wounded"),
    ("injured", "wounded"),
];

const WEAPONS: &[&str] = &[
    "tanks",
    "missiles",
    "rockets",
    "shells",
    "rounds",
    "drones",
    "aircraft",
    "jets",
    "warplanes",
    "helicopters",
    "howitzers",
    "launchers",
    "systems",
    "batteries",
    "vehicles",
    "warheads",
    "bombs",
    "munitions",
    "guns",
    "mines",
    "f-16s",
    "f-16",
    "himars",
    "atacms",
    "patriots",
    "leopards",
    "abrams",
    "bradleys",
];

/// Nouns that stop the search for a unit: the number measures something else.
const NOT_UNITS: &[&str] = &[
    "percent",
    "per",
    "%",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "days",
    "day",
    "hours",
    "times",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "meters",
    "metres",
    "nations",
    "countries",
    "members",
    "states",
    "pages",
    "documents",
];

/// Words a unit phrase cannot run through.
const PHRASE_BREAKS: &[&str] = &[
    "in", "on", "at", "to", "from", "by", "for", "with", "into", "that", "which", "who", "is",
    "are", "was", "were", "has", "have", "had", "will", "would", "the", "a", "an", "or", "but",
    "than", "as",
];

const ABOUT: &[&str] = &[
    "about",
    "approx",
    "approx.",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "approaching",
    "estimated",
    "some",
    "circa",
];
const AT_LEAST: &[&str] = &[
    "least",
    "over",
    "exceeding",
    "exceeded",
    "exceeds",
    "upwards",
];
const AT_MOST: &[&str] = &["to", "fewer", "less", "under", "many"];

/// Reporting verbs after which a source noun asserts what follows.
const SOURCE_VERBS: &[&str] = &[
    "showed",
    "show",
    "shows",
    "shown",
    "pointed",
    "point",
    "points",
    "indicated",
    "indicate",
    "indicates",
    "estimated",
    "estimate",
    "estimates",
    "put",
    "puts",
    "revealed",
    "reveal",
    "reveals",
    "suggested",
    "suggest",
    "suggests",
    "listed",
    "lists",
    "counted",
    "said",
    "say",
    "says",
    "claimed",
    "claims",
    "reported",
    "stated",
];

/// Nouns that can assert a number without being an actor.
const SOURCE_NOUNS: &[&str] = &[
    "ministry",
    "army",
    "military",
    "police",
    "authorities",
    "government",
    "service",
    "office",
    "officials",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "command",
    "agency",
    "sources",
    "analysts",
    "monitors",
    "documents",
    "document",
    "leak",
    "leaks",
    "files",
    "slides",
    "report",
    "reports",
    "estimate",
    "estimates",
    "data",
    "figures",
    "assessment",
    "assessments",
    "intelligence",
    "records",
    "analysis",
    "study",
    "survey",
    "papers",
    "tally",
];

const AID_WORDS: &[&str] = &[
    "aid",
    "assistance",
    "package",
    "appropriation",
    "funding",
    "support",
    "loan",
    "loans",
    "grant",
    "grants",
];
const SPENDING_WORDS: &[&str] = &["spending", "spent", "spend", "budget", "cost", "costs"];

/// Verbs that join a holder to troops or weapons ("NATO has deployed 150 personnel").
const TRANSFER_VERBS: &[&str] = &[
    "deployed",
    "deploys",
    "deploy",
    "sent",
    "sends",
    "send",
    "stationed",
    "delivered",
    "delivers",
    "deliver",
    "supplied",
    "supplies",
    "supply",
    "provided",
    "provides",
    "provide",
    "pledged",
    "pledges",
    "pledge",
    "shipped",
    "ships",
    "ship",
    "has",
    "have",
    "had",
    "keeps",
    "kept",
    "maintains",
    "moved",
    "massed",
    "transferred",
    "gave",
    "give",
    "gives",
    "committed",
];

/// Words before a number that make it hypothetical.
const HYPOTHETICAL: &[&str] = &[
    "could",
    "would",
    "might",
    "may",
    "threatens",
    "threaten",
    "risk",
    "risks",
    "risking",
];
const FUTURE: &[&str] = &["will", "plans", "plan", "planned", "pledged", "promised"];

/// Appends the claims of one coded sentence.
pub fn sentence_claims(
    lex: &Lexicon,
    doc: &Document,
    doc_id: &str,
    s: &CodedSentence,
    out: &mut Vec<ClaimRecord>,
) {
    // A run-on "sentence" of megabytes is not a sentence anyone quotes a number from.
    if s.tokens.len() > crate::WINDOW_TOKENS {
        return;
    }
    let text: Vec<&str> = s
        .tokens
        .iter()
        .map(|t| &doc.text[t.start as usize..t.end as usize])
        .collect();
    let lower: Vec<String> = text
        .iter()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    // Most sentences hold no number at all: leave them before any further work.
    if !lower.iter().any(|w| {
        w.bytes().any(|b| b.is_ascii_digit())
            || lookup(VAGUE, w).is_some()
            || lookup(WORD_NUMBERS, w).is_some()
    }) {
        return;
    }
    let in_time: Vec<bool> = (0..text.len())
        .map(|i| s.time.expressions.iter().any(|e| e.start <= i && i < e.end))
        .collect();
    // Which tokens lie inside an actor mention: unit phrases may run through names.
    let in_mention: Vec<bool> = (0..lower.len())
        .map(|i| {
            s.analysis
                .mentions
                .iter()
                .any(|m| m.start <= i && i < m.end)
        })
        .collect();
    let published = doc.meta.published.map(|d| d.first_day());
    let sentence = &doc.text[s.span.start as usize..s.span.end as usize];
    let mut i = 0;
    while i < lower.len() {
        let Some(num) = number_at(&lower, i).filter(|n| !in_time[i] && n.end > i) else {
            i += 1;
            continue;
        };
        i = num.end;
        let Some(claim) = claim_of(lex, doc, s, &text, &lower, &in_mention, &num) else {
            continue;
        };
        let (date, date_precision, date_reason) = claim_date(s, &lower, &num, published);

        let number_text = doc.text
            [s.tokens[num.start].start as usize..s.tokens[num.end - 1].end as usize]
            .to_string();
        let mut reasons = vec![format!(
            "number: `{}` read as {} ({})",
            number_text,
            bounds_text(num.low, num.high),
            num.qualifier.as_str()
        )];
        reasons.extend(claim.reasons);
        reasons.push(date_reason);
        out.push(ClaimRecord {
            doc_id: doc_id.to_string(),
            sentence_index: s.index,
            sentence: sentence.to_string(),
            date: date.map(|d| d.first_day().format("%Y-%m-%d").to_string()),
            date_precision,
            published: published.map(|d| d.format("%Y-%m-%d").to_string()),
            kind: claim.kind,
            rule: format!(
                "claim.{}.{}",
                claim.kind.as_str(),
                claim.measure.replace(' ', "_")
            ),
            measure: claim.measure,
            unit: claim.unit,
            low: num.low,
            high: num.high,
            qualifier: num.qualifier,
            number_text,
            span: [s.tokens[num.start].start, s.tokens[num.end - 1].end],
            subjects: claim.subjects,
            location: claim.location,
            attribution: claim.attribution,
            polarity: claim.polarity,
            modality: claim.modality,
            reasons,
        });
    }
}

/// Verbs whose object is a casualty count, with the measure they give.
const CASUALTY_VERBS: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("killing", "killed"),
    ("kills", "killed"),
    ("wounded", "wounded"),
    ("wounding", "wounded"),
    ("injured", "wounded"),
    ("injuring", "wounded"),
];

/// Orders of magnitude: "hundreds of thousands" multiplies them.
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("tens", 10.0),
    ("hundreds", 100.0),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
];

const WORD_NUMBERS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("dozen", 12.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

const CURRENCY_SIGNS: &[(&str, &str)] = &[("$", "USD"), ("us$", "USD"), ("€", "EUR"), ("£", "GBP")];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("pounds", "GBP"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
];

fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// A numeral made of digits ("200,000", "3.5"), or a number word.
fn numeral(w: &str) -> Option<f64> {
    if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        if !w
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        {
            return None;
        }
        return w.replace(',', "").parse().ok();
    }
    lookup(WORD_NUMBERS, w)
}

/// A numeral with its scale words: (value, index after it, whether a scale was read).
fn scaled(lower: &[&str], i: usize) -> Option<(f64, usize, bool)> {
    let mut v = numeral(lower.get(i)?)?;
    let mut j = i + 1;
    let mut had_scale = false;
    while let Some(scale) = lower.get(j).and_then(|w| lookup(SCALES, w)) {
        v *= scale;
        j += 1;
        had_scale = true;
    }
    v.is_finite().then_some((v, j, had_scale))
}

/// The number expression starting at token `i`, if one does.
fn number_at(lower: &[&str], i: usize) -> Option<Number> {
    let w = *lower.get(i)?;
    // Orders of magnitude: "hundreds of thousands (of)".
    if let Some(mut mult) = lookup(VAGUE, w) {
        let mut j = i + 1;
        while lower.get(j) == Some(&"of")
            && let Some(m) = lower.get(j + 1).and_then(|w| lookup(VAGUE, w))
        {
            mult *= m;
            j += 2;
        }
        let mut n = Number {
            start: i,
            end: j,
            low: 2.0 * mult,
            high: 10.0 * mult - 1.0,
            qualifier: Qualifier::Vague,
            currency: None,
        };
        if lower.get(j) == Some(&"of")
            && let Some(c) = lower.get(j + 1).and_then(|w| lookup(CURRENCY_WORDS, w))
        {
            n.currency = Some(c);
            n.end = j + 2;
        }
        return Some(n);
    }
    // "between 8,000 and 11,000", "from 10 to 20".
    if matches!(w, "between" | "from")
        && let Some((a, j, _)) = scaled(lower, i + 1)
        && matches!(lower.get(j), Some(&"and") | Some(&"to"))
        && let Some((b, k, b_scaled)) = scaled(lower, j + 1)
    {
        let a = if b_scaled && a < b && scaled(lower, i + 1).is_some_and(|x| !x.2) {
            a * scale_of(lower, j + 2, k)
        } else {
            a
        };
        return Some(with_currency(
            lower,
            i,
            i + 1,
            k,
            a.min(b),
            a.max(b),
            Qualifier::Range,
        ));
    }
    let (a, j, _) = scaled(lower, i)?;
    // "8,000-11,000", "40 to 50 billion".
    if matches!(lower.get(j), Some(&"-") | Some(&"–") | Some(&"to"))
        && let Some((b, k, b_scaled)) = scaled(lower, j + 1)
    {
        let a = if b_scaled && j == i + 1 {
            a * scale_of(lower, j + 2, k)
        } else {
            a
        };
        if a <= b {
            return Some(with_currency(lower, i, i, k, a, b, Qualifier::Range));
        }
    }
    let mut start = i;
    let mut qualifier = Qualifier::Exact;
    if let Some((q, back)) = qualifier_before(lower, i) {
        qualifier = q;
        start = back;
    }
    Some(with_currency(lower, start, i, j, a, a, qualifier))
}

/// The product of the scale words in `lower[from..to]`.
fn scale_of(lower: &[&str], from: usize, to: usize) -> f64 {
    lower[from.min(to)..to]
        .iter()
        .filter_map(|w| lookup(SCALES, w))
        .product()
}

/// Adds a currency sign before the number ("$50 billion") or a currency word after it.
fn with_currency(
    lower: &[&str],
    start: usize,
    first_digit: usize,
    end: usize,
    low: f64,
    high: f64,
    qualifier: Qualifier,
) -> Number {
    let mut n = Number {
        start,
        end,
        low,
        high,
        qualifier,
        currency: None,
    };
    if first_digit > 0
        && let Some(c) = lookup(CURRENCY_SIGNS, lower[first_digit - 1])
    {
        n.currency = Some(c);
        n.start = n.start.min(first_digit - 1);
        if qualifier != Qualifier::Range
            && let Some((q, back)) = qualifier_before(lower, first_digit - 1)
        {
            n.qualifier = q;
            n.start = back;
        }
    } else if let Some(c) = lower.get(end).and_then(|w| lookup(CURRENCY_WORDS, w)) {
        n.currency = Some(c);
        n.end = end + 1;
    }
    n
}

/// The qualifier ending right before token `i`, with the index of its first word.
fn qualifier_before(lower: &[&str], i: usize) -> Option<(Qualifier, usize)> {
    let prev = *lower.get(i.checked_sub(1)?)?;
    let prev2 = i.checked_sub(2).map(|k| lower[k]);
    let q = if AT_LEAST.contains(&prev) {
        match (prev, prev2) {
            ("least", Some("at")) => return Some((Qualifier::AtLeast, i - 2)),
            ("least", _) => return None,
            _ => Qualifier::AtLeast,
        }
    } else if prev == "than" {
        return match prev2 {
            Some("more") => Some((Qualifier::AtLeast, i - 2)),
            Some("fewer") | Some("less") => Some((Qualifier::AtMost, i - 2)),
            _ => None,
        };
    } else if AT_MOST.contains(&prev) {
        return match (prev, prev2) {
            ("to", Some("up")) => Some((Qualifier::AtMost, i - 2)),
            ("many", Some("as")) => Some((Qualifier::AtMost, i - 2)),
            ("under", _) => Some((Qualifier::AtMost, i - 1)),
            _ => None,
        };
    } else if ABOUT.contains(&prev) {
        if prev == "estimated" && matches!(prev2, Some("an")) {
            return Some((Qualifier::About, i - 2));
        }
        Qualifier::About
    } else if prev == "to" && prev2 == Some("close") {
        return Some((Qualifier::About, i - 2));
    } else {
        return None;
    };
    Some((q, i - 1))
}

/// Everything about a number but the number.
struct Reading {
    kind: ClaimKind,
    measure: String,
    unit: String,
    subjects: Vec<Participant>,
    location: Option<Participant>,
    attribution: Option<Attribution>,
    polarity: Polarity,
    modality: Modality,
    reasons: Vec<String>,
}

fn unit_class(w: &str) -> Option<UnitClass> {
    if PERSONNEL.contains(&w) {
        return Some(UnitClass::Personnel);
    }
    if PEOPLE.contains(&w) {
        return Some(UnitClass::People);
    }
    if let Some(m) = lookup(CASUALTY_NOUNS, w) {
        return Some(UnitClass::Casualty(m));
    }
    WEAPONS.contains(&w).then_some(UnitClass::Weapon)
}

/// The unit noun in the phrase starting at `from`: its index and class. The phrase runs through
/// modifiers and actor names, never through a preposition, verb or another number.
fn unit_after(lower: &[&str], from: usize, in_mention: &[bool]) -> Option<(usize, UnitClass)> {
    let mut j = from;
    // "hundreds of thousands of Russian ... casualties", "billions of dollars".
    if lower.get(j) == Some(&"of") {
        j += 1;
    }
    let limit = (j + UNIT_WINDOW).min(lower.len());
    while j < limit {
        let w = lower[j];
        if let Some(class) = unit_class(w) {
            return Some((j, class));
        }
        let is_word = w.chars().next().is_some_and(char::is_alphanumeric);
        if NOT_UNITS.contains(&w)
            || (!is_word && w != "-")
            || numeral(w).is_some()
            || (PHRASE_BREAKS.contains(&w) && !in_mention[j])
            || (w == "and" && !in_mention.get(j + 1).copied().unwrap_or(false))
        {
            return None;
        }
        j += 1;
    }
    None
}

/// The casualty measure a participle after a person noun gives: "killed and wounded",
/// "killed in action", "dead or wounded".
fn participle_measure(lower: &[&str], after: usize) -> Option<(&'static str, usize)> {
    // "one soldier had been wounded", "troops were killed": auxiliaries before the participle.
    let start = after;
    let mut after = after;
    while after < lower.len()
        && after < start + 3
        && matches!(
            lower[after],
            "had" | "has" | "have" | "been" | "were" | "was" | "are" | "is" | "reportedly"
        )
    {
        after += 1;
    }
    let w = |k: usize| lower.get(after + k).copied().unwrap_or("");
    let killed = |x: &str| matches!(x, "killed" | "dead" | "slain");
    let wounded = |x: &str| matches!(x, "wounded" | "injured");
    if killed(w(0)) && matches!(w(1), "and" | "or") && wounded(w(2)) {
        return Some(("killed and wounded", after + 3));
    }
    if wounded(w(0)) && matches!(w(1), "and" | "or") && killed(w(2)) {
        return Some(("killed and wounded", after + 3));
    }
    if killed(w(0)) {
        let end = if w(1) == "in" && w(2) == "action" {
            after + 3
        } else {
            after + 1
        };
        return Some(("killed", end));
    }
    if wounded(w(0)) {
        return Some(("wounded", after + 1));
    }
    if w(0) == "casualties" {
        return Some(("casualties", after + 1));
    }
    None
}

/// Reads the unit, measure, subjects, place, source and status of a number.
fn claim_of(
    lex: &Lexicon,
    doc: &Document,
    s: &CodedSentence,
    text: &[&str],
    lower: &[&str],
    in_mention: &[bool],
    num: &Number,
) -> Option<Reading> {
    let mentions = &s.analysis.mentions;
    let mut reasons = Vec::new();
    let deaths_of = num.start >= 2
        && matches!(lower[num.start - 1], "of")
        && matches!(lower[num.start - 2], "deaths" | "killing" | "death");
    // "killed 12 civilians", "wounded four": the verb gives the measure, the noun is optional.
    let verb_measure = num
        .start
        .checked_sub(1)
        .and_then(|k| CASUALTY_VERBS.iter().find(|(v, _)| *v == lower[k]))
        .map(|(_, m)| *m);
    let word_number = !lower[num.start].bytes().any(|b| b.is_ascii_digit())
        && numeral(lower[num.start]).is_some();
    // Where the unit phrase lies: after the number, or before it ("the number of X ... is N"),
    // or "the deaths of N". A sum of money is its own unit.
    let after = unit_after(lower, num.end, in_mention);
    let (phrase_start, unit_at, class) = if num.currency.is_some() {
        (num.end, num.end - 1, UnitClass::People)
    } else if let Some(m) = verb_measure {
        let unit = after
            .filter(|(_, c)| matches!(c, UnitClass::Personnel | UnitClass::People))
            .map_or(num.start - 1, |(u, _)| u);
        reasons.push(format!(
            "measure: the verb `{}` before the number",
            text[num.start - 1]
        ));
        (num.end, unit, UnitClass::Casualty(m))
    } else if word_number && after.is_none_or(|(u, _)| u != num.end) {
        // "one", "two": only a number when its noun follows at once ("two batteries").
        return None;
    } else if let Some((u, c)) = after {
        (num.end, u, c)
    } else if let Some((p, u, c)) = unit_before(lower, num.start, in_mention) {
        reasons.push(format!(
            "unit before the number: `{}`",
            text[p.saturating_sub(2)..=u].join(" ")
        ));
        (p, u, c)
    } else if deaths_of {
        (num.end, num.start - 2, UnitClass::Casualty("killed"))
    } else {
        return None;
    };
    let (kind, measure, unit, phrase_end) = if let Some(cur) = num.currency {
        let window = |words: &[&str]| {
            let lo = num.start.saturating_sub(10);
            let hi = (num.end + 8).min(lower.len());
            lower[lo..hi].iter().any(|w| words.contains(w))
        };
        let measure = if window(AID_WORDS) {
            "aid"
        } else if window(SPENDING_WORDS) {
            "spending"
        } else {
            "amount"
        };
        reasons.push(format!(
            "unit: currency {cur}, measure `{measure}` from nearby words"
        ));
        (
            ClaimKind::Money,
            measure.to_string(),
            cur.to_string(),
            num.end,
        )
    } else {
        let unit_word = lower[unit_at];
        match class {
            UnitClass::Casualty(m) => (
                ClaimKind::Casualties,
                m.to_string(),
                "people".to_string(),
                unit_at + 1,
            ),
            UnitClass::Personnel | UnitClass::People => {
                match participle_measure(lower, unit_at + 1) {
                    Some((m, end)) => {
                        reasons.push(format!(
                            "measure: `{}` after `{}`",
                            text[unit_at + 1..end].join(" "),
                            text[unit_at]
                        ));
                        (
                            ClaimKind::Casualties,
                            m.to_string(),
                            "people".to_string(),
                            end,
                        )
                    }
                    None if deaths_of => (
                        ClaimKind::Casualties,
                        "killed".to_string(),
                        "people".to_string(),
                        unit_at + 1,
                    ),
                    None if class == UnitClass::Personnel => (
                        ClaimKind::Troops,
                        "personnel".to_string(),
                        "people".to_string(),
                        unit_at + 1,
                    ),
                    None => return None,
                }
            }
            UnitClass::Weapon => (
                ClaimKind::Weapons,
                unit_word.to_string(),
                unit_word.to_string(),
                unit_at + 1,
            ),
        }
    };
    if num.currency.is_none() {
        reasons.insert(
            0,
            format!(
                "unit: `{}` → {} ({})",
                text[unit_at],
                kind.as_str(),
                measure
            ),
        );
    }
    if deaths_of && kind == ClaimKind::Casualties {
        reasons.push("measure: `deaths of` before the number".into());
    }
    // Whose: mentions inside the phrase, or "from|of X" right after it.
    let mut subjects: Vec<Participant> = Vec::new();
    let phrase_lo = phrase_start.min(num.end);
    let mut seen_codes: Vec<String> = Vec::new();
    let mut take = |m: &Mention, subjects: &mut Vec<Participant>| {
        let p = participant(lex, doc, s, m);
        if !seen_codes.contains(&p.code) {
            seen_codes.push(p.code.clone());
            subjects.push(p);
        }
    };
    for m in mentions
        .iter()
        .filter(|m| m.start < phrase_end && m.end > phrase_lo && m.kind != MentionKind::Pronoun)
    {
        take(m, &mut subjects);
    }
    if subjects.is_empty()
        && matches!(lower.get(phrase_end), Some(&"from") | Some(&"of"))
        && let Some(m) = mention_at(mentions, lower, phrase_end + 1)
    {
        take(m, &mut subjects);
    }
    let mut whose_reason = None;
    if subjects.is_empty() && kind != ClaimKind::Casualties {
        // Money, troops and weapons belong to whoever spends, sends or gives them: the subject
        // of the number's clause ("NATO has sent 400 instructors"), never the
        // one who only reports it ("the ministry said thousands of troops ..."). For troops and
        // weapons a verb of sending or holding must join them.
        let clause = crate::clauses::clause_at(&s.analysis.clauses, num.start);
        let lo = clause.map_or(0, |c| c.start);
        let reporter = |i: usize| {
            s.analysis
                .frames
                .iter()
                .any(|f| f.speaker == Some(i) || f.channel == Some(i))
        };
        let holder = mentions
            .iter()
            .enumerate()
            .filter(|(i, m)| m.start >= lo && m.end <= num.start && !m.adjective && !reporter(*i))
            .min_by_key(|(_, m)| m.start)
            .map(|(_, m)| m)
            .filter(|m| {
                kind == ClaimKind::Money
                    || lower[m.end..num.start]
                        .iter()
                        .any(|w| TRANSFER_VERBS.contains(w))
            });
        if let Some(m) = holder {
            whose_reason = Some(format!(
                "whose: `{}`, the subject before the number",
                text[m.start..m.end].join(" ")
            ));
            take(m, &mut subjects);
        }
    }
    if let Some(r) = whose_reason {
        reasons.push(r);
    } else if !subjects.is_empty() {
        let names: Vec<String> = subjects
            .iter()
            .map(|p| format!("`{}` → {}", p.text, p.code))
            .collect();
        reasons.push(format!("whose: {}", names.join(", ")));
    }
    // Where: "in Ukraine", "inside Ukraine", "on the ground in Ukraine", within a few words.
    let location = (phrase_end..(phrase_end + 8).min(lower.len()))
        .filter(|&k| matches!(lower[k], "in" | "inside" | "into" | "to"))
        .find_map(|k| mention_at(mentions, lower, k + 1).filter(|m| is_place(m)))
        .map(|m| participant(lex, doc, s, m));
    if let Some(l) = &location {
        reasons.push(format!("where: `{}` → {}", l.text, l.code));
    }
    let attribution = asserter(lex, doc, s, text, lower, num.start, &mut reasons);
    let polarity = if (num.start >= 1 && matches!(lower[num.start - 1], "not" | "no"))
        || (num.start >= 2 && lower[num.start - 2] == "not")
    {
        reasons.push("negated: `not` before the number".into());
        Polarity::Negated
    } else {
        Polarity::Asserted
    };
    let modality = claim_modality(s, text, lower, num.start, &mut reasons);
    Some(Reading {
        kind,
        measure,
        unit,
        subjects,
        location,
        attribution,
        polarity,
        modality,
        reasons,
    })
}

/// "The total of Russian soldiers killed and wounded near the town is approaching 30,000": the unit
/// phrase after `number of` (or `toll of`, `total of`) earlier in the sentence. Returns where the
/// phrase starts, the unit and its class.
fn unit_before(
    lower: &[&str],
    number_start: usize,
    in_mention: &[bool],
) -> Option<(usize, usize, UnitClass)> {
    let lo = number_start.saturating_sub(20);
    let at = (lo..number_start)
        .rev()
        .find(|&k| {
            matches!(lower[k], "number" | "total" | "tally" | "toll")
                && lower.get(k + 1) == Some(&"of")
        })
        .or_else(|| {
            (lo..number_start)
                .rev()
                .find(|&k| lower[k] == "toll" && k > 0 && lower[k - 1] == "death")
        })?;
    if lower[at] == "toll" && lower.get(at + 1) != Some(&"of") {
        return Some((at + 1, at, UnitClass::Casualty("killed")));
    }
    // Nothing between the phrase and the number may be another number or a clause break.
    if lower[at..number_start]
        .iter()
        .any(|w| numeral(w).is_some() || matches!(*w, ";" | "." | ":"))
    {
        return None;
    }
    let (u, c) = unit_after(lower, at + 2, in_mention)?;
    Some((at + 2, u, c))
}

/// The mention starting at token `k`, or after an article there ("from the UK": the article
/// may or may not be part of the mention).
fn mention_at<'m>(mentions: &'m [Mention], lower: &[&str], k: usize) -> Option<&'m Mention> {
    let after_article = if lower.get(k) == Some(&"the") {
        k + 1
    } else {
        k
    };
    mentions
        .iter()
        .find(|m| m.start == k || m.start == after_article)
}

/// Whether a mention names a place: a country or a region, not a group of people.
fn is_place(m: &Mention) -> bool {
    let code = m.code.to_string();
    code.len() == 3 && !m.plural && !m.adjective
}

/// Who asserts the number: a speech frame covering it, a mention or source noun before a
/// reporting verb ("the internal documents pointed to ..."), or "according to" one.
fn asserter(
    lex: &Lexicon,
    doc: &Document,
    s: &CodedSentence,
    text: &[&str],
    lower: &[&str],
    number_start: usize,
    reasons: &mut Vec<String>,
) -> Option<Attribution> {
    let a = &s.analysis;
    if let Some(f) = a
        .frames
        .iter()
        .find(|f| f.scope.0 <= number_start && number_start < f.scope.1)
    {
        let speaker = f.speaker.map(|i| participant(lex, doc, s, &a.mentions[i]));
        let channel = f.channel.map(|i| participant(lex, doc, s, &a.mentions[i]));
        if speaker.is_some() || channel.is_some() {
            reasons.push(format!(
                "asserted by: the speech frame at `{}`",
                text[f.verb]
            ));
            return Some(Attribution {
                speaker: speaker.as_ref().map(|p| p.text.clone()),
                speaker_code: speaker.map(|p| p.code),
                channel: channel.as_ref().map(|p| p.text.clone()),
                channel_code: channel.map(|p| p.code),
            });
        }
    }
    // "..., the defence ministry said." A reporting verb closing the sentence after a comma.
    if let Some(comma) = (number_start..lower.len()).rev().find(|&k| lower[k] == ",") {
        let tail: Vec<usize> = (comma + 1..lower.len())
            .filter(|&k| lower[k].chars().next().is_some_and(char::is_alphanumeric))
            .collect();
        if let Some(&v) = tail.last()
            && tail.len() >= 2
            && tail.len() <= 6
            && SOURCE_VERBS.contains(&lower[v])
            && SOURCE_NOUNS.contains(&lower[v - 1])
        {
            let np = words(doc, s, comma + 1, v);
            reasons.push(format!("asserted by: `{np}` closing the sentence"));
            return Some(noun_source(np));
        }
    }
    // "according to the leaked documents, ..."
    for k in 0..number_start.saturating_sub(2) {
        if lower[k] == "according" && lower[k + 1] == "to" {
            let head =
                (k + 2..(k + 7).min(number_start)).find(|&h| SOURCE_NOUNS.contains(&lower[h]))?;
            let np = words(doc, s, k + 2, head + 1);
            reasons.push(format!("asserted by: `according to {np}`"));
            return Some(noun_source(np));
        }
    }
    // A source noun or an actor right before a reporting verb, before the number.
    for v in (1..number_start).rev() {
        if !SOURCE_VERBS.contains(&lower[v]) {
            continue;
        }
        if let Some(m) = a
            .mentions
            .iter()
            .find(|m| m.end == v && !m.adjective && m.kind != MentionKind::Pronoun)
        {
            let p = participant(lex, doc, s, m);
            reasons.push(format!("asserted by: `{}` before `{}`", p.text, text[v]));
            return Some(Attribution {
                speaker: Some(p.text),
                speaker_code: Some(p.code),
                channel: None,
                channel_code: None,
            });
        }
        if SOURCE_NOUNS.contains(&lower[v - 1]) {
            let mut b = v - 1;
            while b > 0
                && v - b < 5
                && lower[b - 1].chars().next().is_some_and(char::is_alphabetic)
                && !matches!(lower[b - 1], "by" | "contrast" | "but" | "and" | "that")
            {
                b -= 1;
            }
            let np = words(doc, s, b, v);
            reasons.push(format!("asserted by: `{np}` before `{}`", text[v]));
            return Some(noun_source(np));
        }
    }
    None
}

/// Tokens `from..to` of a sentence as the document writes them (its own spacing and quotes).
fn words(doc: &Document, s: &CodedSentence, from: usize, to: usize) -> String {
    if from >= to {
        return String::new();
    }
    doc.text[s.tokens[from].start as usize..s.tokens[to - 1].end as usize].to_string()
}

fn noun_source(np: String) -> Attribution {
    Attribution {
        speaker: Some(np),
        speaker_code: None,
        channel: None,
        channel_code: None,
    }
}

/// Actual, unless the sentence is a condition or question, or the number's clause is a scenario
/// or a plan ("threatens the deaths of millions", "will send 3,000 troops").
fn claim_modality(
    s: &CodedSentence,
    text: &[&str],
    lower: &[&str],
    number_start: usize,
    reasons: &mut Vec<String>,
) -> Modality {
    let t = crate::mentions::Tokens { text, lower };
    if let Some((m, why)) = crate::clauses::sentence_modality(t) {
        reasons.push(format!("{}: {why}", m.as_str()));
        return m;
    }
    let clause = crate::clauses::clause_at(&s.analysis.clauses, number_start);
    let lo = clause.map_or(0, |c| c.start);
    for w in &lower[lo..number_start] {
        if HYPOTHETICAL.contains(w) {
            reasons.push(format!("hypothetical: `{w}` before the number"));
            return Modality::Hypothetical;
        }
        if FUTURE.contains(w) {
            reasons.push(format!("future: `{w}` before the number"));
            return Modality::Future;
        }
    }
    Modality::Actual
}

/// The date a number refers to: a time expression in its clause, else the sentence's first, else
/// the publication date.
fn claim_date(
    s: &CodedSentence,
    lower: &[&str],
    num: &Number,
    published: Option<NaiveDate>,
) -> (Option<PartialDate>, String, String) {
    let clause = crate::clauses::clause_at(&s.analysis.clauses, num.start);
    let exprs = &s.time.expressions;
    let pick = clause
        .and_then(|c| exprs.iter().find(|e| e.start >= c.start && e.end <= c.end))
        .or_else(|| exprs.first());
    match pick {
        Some(e) => (
            Some(e.date),
            e.date.precision().to_string(),
            format!("date: `{}`: {}", lower[e.start..e.end].join(" "), e.rule),
        ),
        None => (
            published.map(PartialDate::day),
            if published.is_some() {
                "day"
            } else {
                "unknown"
            }
            .into(),
            if published.is_some() {
                "date: publication date".into()
            } else {
                "date: none in the text and no publication date".into()
            },
        ),
    }
}

/// "8,000–11,000", "30,000".
fn bounds_text(low: f64, high: f64) -> String {
    if low == high {
        group_digits(low)
    } else {
        format!("{}–{}", group_digits(low), group_digits(high))
    }
}

#[cfg(test)]
mod tests;
