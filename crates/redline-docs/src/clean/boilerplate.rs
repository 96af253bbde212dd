//! Page furniture: what a saved page carries besides the article.
//!
//! Each logical line gets a [`Kind`]; most boilerplate is recognised line by line (captions,
//! sign-up forms, share and comment links, footers). Teaser lists of other articles need context:
//! a teaser is a headline, an optional one-sentence summary and a stamp line ("Tom Hall • 11 hours
//! ago"). Teasers are removed after a marker line ("READ MORE", "PERSPECTIVES", "Related") and
//! wherever two or more follow each other, because a later stage would otherwise code their
//! headlines as events of this article.

use super::header::is_section_label;
use super::lines::{Line, ends_sentence, is_list_item};
use super::markdown::{link_profile, strip_inline_markdown};
use crate::meta::{is_relative_time, parse_date};

/// Keep a line, or drop it for a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Keep,
    Drop(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Boilerplate on its own merits.
    Boiler(&'static str),
    /// Opens a block of links to other content.
    Marker,
    /// A date or "Author • date" line closing a teaser.
    Stamp,
    /// Up to this many words without closing punctuation: headline-like.
    Short,
    /// Prose.
    Para,
}

/// Lines with at most this many words and no closing punctuation look like headlines.
const SHORT_WORDS: usize = 15;
/// Inside a teaser zone, prose shorter than this is still a headline or a summary.
const ZONE_PROSE_WORDS: usize = 20;

/// Lines that open a list of other content.
const MARKERS: &[&str] = &[
    "read more",
    "read also",
    "related",
    "related articles",
    "related stories",
    "related coverage",
    "related content",
    "more from",
    "more stories",
    "more news",
    "more on this",
    "recommended",
    "recommended for you",
    "most read",
    "most popular",
    "popular",
    "latest",
    "latest news",
    "latest stories",
    "trending",
    "you may also like",
    "you might also like",
    "see also",
    "further reading",
    "perspectives",
    "top stories",
];

/// Whole lines that are controls or labels of the page.
const CONTROLS: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on x",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "leave a comment",
    "sign up",
    "sign in",
    "log in",
    "register",
    "subscribe",
    "subscribe now",
    "advertisement",
    "sponsored",
    "skip to content",
    "skip to main content",
    "menu",
    "search",
    "close",
    "follow us",
    "newsletter",
    "back to top",
    "accept",
    "accept all",
    "reject all",
    "cookie settings",
    "listen to this article",
    "loading",
];

/// Line beginnings of boilerplate, with the reason recorded for them.
const PREFIXES: &[(&str, &str)] = &[
    ("related:", "related links"),
    ("read more:", "related links"),
    ("read also:", "related links"),
    ("also read:", "related links"),
    ("see also:", "related links"),
    ("more:", "related links"),
    ("find out more about these topics", "topic links"),
    ("to contact the", "contact footer"),
    ("to contact us", "contact footer"),
    ("contact us", "contact footer"),
    ("sign up to", "sign-up form"),
    ("sign up for", "sign-up form"),
    ("subscribe to", "sign-up form"),
    ("register for", "sign-up form"),
    ("join our", "sign-up form"),
    ("get our newsletter", "sign-up form"),
    ("enter your email", "sign-up form"),
    ("follow us on", "social links"),
    ("click here", "navigation"),
    ("photo:", "photo caption"),
    ("photograph:", "photo caption"),
    ("photo credit", "photo caption"),
    ("image:", "photo caption"),
    ("picture:", "photo caption"),
    ("pictured:", "photo caption"),
    ("caption:", "photo caption"),
    ("file photo", "photo caption"),
    ("in this photo", "photo caption"),
    ("in this image", "photo caption"),
    ("in this file photo", "photo caption"),
    ("in this handout photo", "photo caption"),
    ("©", "copyright footer"),
    ("(c) ", "copyright footer"),
    ("copyright ", "copyright footer"),
    ("all rights reserved", "copyright footer"),
    ("we use cookies", "cookie notice"),
    ("this site uses cookies", "cookie notice"),
    ("this website uses cookies", "cookie notice"),
    ("by continuing to", "cookie notice"),
    ("view ", "comment links"),
    ("our standards", "editorial standards"),
    ("continue reading", "feed footer"),
    ("read the full story", "feed footer"),
    ("read the full article", "feed footer"),
];

/// Pieces anywhere in a short line that mark it as boilerplate.
const FRAGMENTS: &[(&str, &str)] = &[
    ("(required)", "sign-up form"),
    ("(optional)", "sign-up form"),
    ("all rights reserved", "copyright footer"),
    ("[ap photo", "photo caption"),
    ("(ap photo", "photo caption"),
    ("photo: ", "photo caption"),
    ("getty images", "photo caption"),
    ("via ap)", "photo caption"),
    ("/reuters]", "photo caption"),
    (" comments", "comment links"),
    ("cookie", "cookie notice"),
    ("newsletter", "sign-up form"),
    ("delivered to your inbox", "sign-up form"),
    ("trust principles", "editorial standards"),
    ("appeared first on", "feed footer"),
];

/// The reason a single line is boilerplate, or `None`. `raw` still has its Markdown (links),
/// `plain` does not.
pub(crate) fn line_verdict(raw: &str, plain: &str) -> Option<&'static str> {
    let lower = plain.trim().to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if bare.is_empty() {
        // "---", "* * *", "•••": rules and ornaments between sections.
        return Some("separator");
    }
    if CONTROLS.contains(&bare) {
        return Some("page control");
    }
    for (prefix, reason) in PREFIXES {
        if lower.starts_with(prefix) {
            // "View" starts prose too ("Viewed from Moscow, ..."): only "view N comments" counts.
            if *prefix == "view " && !lower.contains("comment") {
                continue;
            }
            // "Contact us" lines are short; "contact us to learn" prose is not.
            return Some(reason);
        }
    }
    let words = lower.split_whitespace().count();
    if words <= 40 {
        for (fragment, reason) in FRAGMENTS {
            if lower.contains(fragment) {
                // "comments" inside prose ("his comments on Sunday") needs a number before it.
                if *fragment == " comments" && !has_count_before(&lower, " comments") {
                    continue;
                }
                return Some(reason);
            }
        }
    }
    if lower.contains("privacy policy") && (lower.contains("agree") || lower.contains("consent")) {
        return Some("sign-up form");
    }
    let (links, words_outside) = link_profile(raw);
    if links > 0 && words_outside <= 1 {
        return Some("link list");
    }
    None
}

fn has_count_before(lower: &str, fragment: &str) -> bool {
    lower.find(fragment).is_some_and(|at| {
        lower[..at]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Splits "left • right" at the last stamp separator.
pub(crate) fn split_stamp(text: &str) -> Option<(&str, &str)> {
    [" • ", " · ", " – ", " — ", " | ", " - "]
        .iter()
        .filter_map(|sep| {
            text.rfind(sep)
                .map(|at| (&text[..at], &text[at + sep.len()..]))
        })
        .max_by_key(|(left, _)| left.len())
        .map(|(l, r)| (l.trim(), r.trim()))
}

/// A date line or "Author • date" line: "8 April 2023", "Tom Hall • 11 hours ago".
pub(crate) fn is_date_stamp(text: &str) -> bool {
    // Cheap rejections first: this runs on every line, and almost no line is a stamp.
    if text.len() > 240 {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    if !text.bytes().any(|b| b.is_ascii_digit())
        && !["ago", "yesterday", "today", "just now"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return false;
    }
    let plain = strip_inline_markdown(text);
    let plain = plain.trim();
    if plain.is_empty() || plain.len() > 120 {
        return false;
    }
    if parse_date(plain).is_some() || is_relative_time(plain) {
        return true;
    }
    match split_stamp(plain) {
        Some((left, right)) => {
            left.split_whitespace().count() <= 10
                && (parse_date(right).is_some() || is_relative_time(right))
        }
        None => false,
    }
}

fn kind(line: &Line) -> Kind {
    let plain = strip_inline_markdown(&line.text);
    let plain = plain.trim();
    let lower = plain.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if MARKERS.contains(&bare) {
        return Kind::Marker;
    }
    if let Some(reason) = line_verdict(&line.text, plain) {
        return Kind::Boiler(reason);
    }
    if is_date_stamp(plain) {
        return Kind::Stamp;
    }
    if is_section_label(plain) && !is_list_item(plain) {
        return Kind::Marker;
    }
    if plain.split_whitespace().count() <= SHORT_WORDS && !ends_sentence(plain) {
        return Kind::Short;
    }
    Kind::Para
}

/// Decides every logical line of every block.
pub(crate) fn judge(blocks: &[Vec<Line>]) -> Vec<Vec<Verdict>> {
    // Flatten to one sequence: teaser lists run across blank lines.
    let flat: Vec<&Line> = blocks.iter().flatten().collect();
    let mut kinds: Vec<Kind> = flat.iter().map(|l| kind(l)).collect();
    absorb_sandwiched(blocks, &mut kinds);
    let unit_of = teaser_units(&flat, &kinds);
    let run_len = unit_runs(&unit_of, &kinds);

    let mut verdicts = Vec::with_capacity(flat.len());
    let mut in_zone = false;
    for (i, (line, kind)) in flat.iter().zip(&kinds).enumerate() {
        let in_unit = unit_of[i].is_some();
        let verdict = match kind {
            Kind::Boiler(reason) => Verdict::Drop(reason),
            Kind::Marker => {
                in_zone = true;
                Verdict::Drop("related-content marker")
            }
            _ if in_zone && (in_unit || *kind != Kind::Para || is_short_prose(line)) => {
                Verdict::Drop("teaser list")
            }
            _ if in_unit && run_len[i] >= 2 => Verdict::Drop("teaser list"),
            _ => {
                if *kind == Kind::Para {
                    in_zone = false;
                }
                Verdict::Keep
            }
        };
        verdicts.push(verdict);
    }

    let mut out = Vec::with_capacity(blocks.len());
    let mut at = 0;
    for block in blocks {
        out.push(verdicts[at..at + block.len()].to_vec());
        at += block.len();
    }
    out
}

/// A short line between two boilerplate lines of the same block belongs to them: the blurb of a
/// sign-up form ("Get the day's top stories in your inbox") between its heading and its fields.
fn absorb_sandwiched(blocks: &[Vec<Line>], kinds: &mut [Kind]) {
    let mut at = 0;
    for block in blocks {
        for i in at + 1..(at + block.len()).saturating_sub(1) {
            if let (Kind::Boiler(reason), Kind::Boiler(_)) = (kinds[i - 1], kinds[i + 1])
                && !matches!(kinds[i], Kind::Boiler(_))
                && block[i - at].text.split_whitespace().count() <= ZONE_PROSE_WORDS
            {
                kinds[i] = Kind::Boiler(reason);
            }
        }
        at += block.len();
    }
}

fn is_short_prose(line: &Line) -> bool {
    line.text.split_whitespace().count() < ZONE_PROSE_WORDS
}

/// Assigns each line to a teaser unit (numbered by its stamp line) or none.
///
/// A unit is a stamp line plus the line before it, plus the line before that when the first is a
/// summary (prose) and the second is headline-sized. Units never reach across boilerplate,
/// markers or another stamp.
fn teaser_units(lines: &[&Line], kinds: &[Kind]) -> Vec<Option<usize>> {
    let mut unit_of = vec![None; lines.len()];
    for (i, kind) in kinds.iter().enumerate() {
        if *kind != Kind::Stamp {
            continue;
        }
        unit_of[i] = Some(i);
        let joinable = |unit_of: &[Option<usize>], j: usize| {
            matches!(kinds[j], Kind::Short | Kind::Para) && unit_of[j].is_none()
        };
        let Some(before) = i.checked_sub(1).filter(|&j| joinable(&unit_of, j)) else {
            continue;
        };
        unit_of[before] = Some(i);
        if kinds[before] == Kind::Para
            && let Some(headline) = before.checked_sub(1).filter(|&j| joinable(&unit_of, j))
            && lines[headline].text.split_whitespace().count() <= ZONE_PROSE_WORDS
        {
            unit_of[headline] = Some(i);
        }
    }
    unit_of
}

/// For each line in a teaser unit, how many units follow each other in its run (only
/// boilerplate may stand between them); 0 for other lines. One pass, so long pages stay linear.
fn unit_runs(unit_of: &[Option<usize>], kinds: &[Kind]) -> Vec<usize> {
    let is_gap = |j: usize| matches!(kinds[j], Kind::Boiler(_));
    let mut out = vec![0; unit_of.len()];
    let mut i = 0;
    while i < unit_of.len() {
        if unit_of[i].is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut units = 0;
        let mut last = None;
        while i < unit_of.len() && (unit_of[i].is_some() || is_gap(i)) {
            if unit_of[i].is_some() && unit_of[i] != last {
                units += 1;
                last = unit_of[i];
            }
            i += 1;
        }
        for slot in &mut out[start..i] {
            *slot = units;
        }
    }
    out
}
