//! The tokenizer.
//!
//! Text is cut into *chunks*, maximal runs of non-whitespace, and each chunk is tokenized on its
//! own. Nothing outside a chunk influences its tokens. That locality is what keeps the layers
//! consistent: sentence boundaries always fall in whitespace, so tokenizing one sentence's span
//! gives exactly the tokens that tokenizing the whole text gives for that span.
//!
//! Inside a chunk:
//! - a *word* is a run of letters, digits and combining marks, glued across an inner joiner when
//!   both neighbours qualify: apostrophes before a letter ("don't", "we’re", "Russia's": the
//!   possessive stays in the word, since later stages match names with their possessive stripped
//!   more cheaply than they rejoin split tokens), hyphens between alphanumerics but not between two
//!   digits ("F-16s", "Kharkiv-based", but "2022-2023" is a range of two numbers), periods between
//!   letters or between digits ("U.S", "wsws.org", "3.5"), commas between digits ("1,000"), '@'
//!   ("name@example.org") and '&' between capitals ("AT&T");
//! - a word made only of digits and digit separators is a [`TokenKind::Number`];
//! - a period right after a word is part of the word when the word is a known abbreviation
//!   ("Gen.", "Nov.", "etc."), a dotted acronym ("U.S.", "a.m.", "Ph.D.") or a single capital
//!   initial ("J."); otherwise it is punctuation ("war." is "war" + ".");
//! - a URL starting with "http://", "https://" or "www." is one word, minus punctuation that
//!   closes the sentence around it;
//! - every other punctuation character is its own [`TokenKind::Punct`] ("..." is three), and
//!   every other character is its own [`TokenKind::Symbol`] ("$", "%", "€", emoji);
//! - combining marks and invisible format characters stay with the character before them, and an
//!   emoji joined by U+200D (or a pair of regional indicators, i.e. a flag) stays one token.

use redline_model::{Span, Token, TokenKind};

use super::abbreviations;
use super::chars::{Class, ZWJ, char_at, classify, is_regional_indicator, space_at};

/// Appends the tokens of `text[start..end]` to `out`; `start..end` must be char boundaries.
pub(super) fn tokenize_range(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let mut i = start;
    while i < end {
        if let Some((len, _)) = space_at(text, i) {
            i += len;
            continue;
        }
        let chunk_end = chunk_end(text, i, end);
        tokenize_chunk(text, i, chunk_end, out);
        i = chunk_end;
    }
}

/// End of the chunk starting at `i`: the first whitespace at or after `i`, or `end`.
#[inline]
pub(super) fn chunk_end(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while i < end {
        let b = bytes[i];
        // Printable ASCII is the common case and is never whitespace.
        if b > b' ' && b < 0x80 {
            i += 1;
            continue;
        }
        if space_at(text, i).is_some() {
            return i;
        }
        // Other bytes, including UTF-8 continuation bytes, cannot start whitespace: only the lead
        // bytes `space_at` tests for can, and those are never continuation bytes.
        i += 1;
    }
    end
}

/// Appends the tokens of one chunk `text[start..end]` (non-empty, no whitespace) to `out`.
pub(super) fn tokenize_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let first = out.len();
    let mut i = start;
    while i < end {
        let (c, len) = char_at(text, i);
        match classify(c) {
            Class::Letter | Class::Digit => {
                if let Some(url_end) = url_end(text, i, end) {
                    push(out, i, url_end, TokenKind::Word);
                    i = url_end;
                } else {
                    i = scan_word(text, i, end, out);
                }
            }
            Class::Extend => {
                let j = absorb_extends(text, i, end);
                if out.len() > first {
                    // The previous token of this chunk ends exactly at `i`: tokens tile a chunk.
                    if let Some(last) = out.last_mut() {
                        last.span.end = j as u32;
                    }
                } else {
                    push(out, i, j, TokenKind::Symbol);
                }
                i = j;
            }
            Class::Punct => {
                let j = absorb_extends(text, i + len, end);
                push(out, i, j, TokenKind::Punct);
                i = j;
            }
            Class::Symbol => {
                let mut j = i + len;
                if is_regional_indicator(c) && j < end {
                    let (d, dlen) = char_at(text, j);
                    if is_regional_indicator(d) {
                        j += dlen;
                    }
                }
                let j = absorb_extends(text, j, end);
                push(out, i, j, TokenKind::Symbol);
                i = j;
            }
            // Callers pass whitespace-free chunks; skipping keeps this total anyway.
            Class::Space => i += len,
        }
    }
}

#[inline]
fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    out.push(Token {
        span: Span::new(start, end),
        kind,
    });
}

/// Skips the combining marks at `i`; after a zero-width joiner, also the symbol it joins (emoji
/// ZWJ sequences like a family or a rainbow flag are one pictograph).
fn absorb_extends(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let (c, len) = char_at(text, i);
        if classify(c) != Class::Extend {
            break;
        }
        i += len;
        if c == ZWJ && i < end {
            let (d, dlen) = char_at(text, i);
            if classify(d) == Class::Symbol {
                i += dlen;
            }
        }
    }
    i
}

/// What the word scanner last consumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    Letter,
    Digit,
    /// An inner joiner; the scanner has already checked that an alphanumeric follows.
    Joiner,
    /// A period taken as the end of an abbreviation: only a hyphen or an apostrophe may continue
    /// the word ("U.S.-backed", "U.S.'s").
    AbbrevDot,
}

/// Scans the word or number starting at `start` (a letter or digit), pushes it and returns its
/// end.
fn scan_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let (first, _) = char_at(text, start);
    let mut prev = Prev::Letter;
    let mut prev_char = first;
    let mut numeric = classify(first) == Class::Digit;
    // Dotted-acronym shape: only letters (and marks), in segments of at most two letters
    // separated by single inner periods ("U.S", "a.m", "Ph.D").
    let mut pure = !numeric;
    let mut segments = 1u32;
    let mut seg_len = 0u32;
    let mut max_seg = 0u32;
    let mut j = start;
    while j < end {
        let (c, len) = char_at(text, j);
        let class = classify(c);
        if prev != Prev::AbbrevDot {
            match class {
                Class::Letter => {
                    numeric = false;
                    seg_len += 1;
                    max_seg = max_seg.max(seg_len);
                    prev = Prev::Letter;
                    prev_char = c;
                    j += len;
                    continue;
                }
                Class::Digit => {
                    pure = false;
                    prev = Prev::Digit;
                    prev_char = c;
                    j += len;
                    continue;
                }
                Class::Extend => {
                    // A mark modifies the previous character, so `prev` is unchanged.
                    numeric = false;
                    j += len;
                    continue;
                }
                _ => {}
            }
        }
        let after = j + len;
        if after < end {
            let (n, _) = char_at(text, after);
            let next = classify(n);
            let next_alnum = matches!(next, Class::Letter | Class::Digit);
            let prev_alnum = matches!(prev, Prev::Letter | Prev::Digit);
            let join = match c {
                '.' => matches!(
                    (prev, next),
                    (Prev::Letter, Class::Letter) | (Prev::Digit, Class::Digit)
                ),
                ',' => prev == Prev::Digit && next == Class::Digit,
                // Not between two digits: "2022-2023" and "2024-11-17" are ranges and dates of
                // numbers, while "F-16" and "16-year-old" are words.
                '-' | '\u{2010}' | '\u{2011}' => {
                    matches!(prev, Prev::Letter | Prev::Digit | Prev::AbbrevDot)
                        && next_alnum
                        && !(prev == Prev::Digit && next == Class::Digit)
                }
                // After an abbreviation too: "the U.S.'s position".
                '\'' | '’' => (prev_alnum || prev == Prev::AbbrevDot) && next == Class::Letter,
                '@' => prev_alnum && next_alnum,
                '&' => {
                    prev == Prev::Letter && prev_char.is_ascii_uppercase() && n.is_ascii_uppercase()
                }
                _ => false,
            };
            if join {
                match c {
                    '.' if prev == Prev::Letter => {
                        segments += 1;
                        seg_len = 0;
                    }
                    '.' | ',' => {}
                    _ => {
                        pure = false;
                        numeric = false;
                    }
                }
                prev = Prev::Joiner;
                j = after;
                continue;
            }
        }
        if c == '.' && prev == Prev::Letter && owns_period(text, start, j, pure, segments, max_seg)
        {
            prev = Prev::AbbrevDot;
            numeric = false;
            j += 1;
            continue;
        }
        break;
    }
    let kind = if numeric {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    push(out, start, j, kind);
    j
}

/// Whether the word `text[start..dot]` keeps the period at `dot` as its own.
fn owns_period(
    text: &str,
    start: usize,
    dot: usize,
    pure: bool,
    segments: u32,
    max_seg: u32,
) -> bool {
    if !pure {
        return false;
    }
    if segments >= 2 {
        // Dotted acronym ("U.S", "e.g") or a listed dotted abbreviation.
        return max_seg <= 2 || abbreviations::lookup(&text[start..dot]).is_some();
    }
    if max_seg == 1 {
        // A single capital is an initial ("J. R. Halloway"); a single lowercase letter is not
        // (only "v." for "versus" is, through the list).
        let (c, _) = char_at(text, start);
        if c.is_uppercase() {
            return true;
        }
    }
    abbreviations::lookup(&text[start..dot]).is_some()
}

/// If a URL starts at `i`, its end within the chunk ending at `end`.
fn url_end(text: &str, i: usize, end: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[i..end];
    // Cheap rejection first: every supported prefix starts with 'h' or 'w'.
    if !matches!(bytes.first(), Some(b'h' | b'H' | b'w' | b'W')) {
        return None;
    }
    let prefix = [&b"https://"[..], b"http://", b"www."]
        .into_iter()
        .find(|p| bytes.len() >= p.len() && bytes[..p.len()].eq_ignore_ascii_case(p))?
        .len();
    // Sentence punctuation and closing quotes after a URL belong to the sentence, not the URL. A
    // closing parenthesis stays when the URL has an opening one ("…/Foo_(bar)").
    let has_open_paren = bytes.contains(&b'(');
    let mut e = end;
    while e > i + prefix {
        let Some(c) = text[i..e].chars().next_back() else {
            break;
        };
        let trim = match c {
            ')' => !has_open_paren,
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | ']' | '}' | '>' | '”' | '’' | '»'
            | '›' | '…' => true,
            _ => false,
        };
        if !trim {
            break;
        }
        e -= c.len_utf8();
    }
    // A bare prefix ("www.") is not a URL; let the word rules handle it.
    (e > i + prefix).then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens of `text` as (text, kind) pairs.
    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize_range(text, 0, text.len(), &mut out);
        out.iter().map(|t| (t.span.slice(text), t.kind)).collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|t| t.0).collect()
    }

    use TokenKind::{Number as N, Punct as P, Symbol as S, Word as W};

    #[test]
    fn words_with_inner_apostrophes_and_hyphens() {
        assert_eq!(
            toks("don't we’re Kharkiv-based F-16s Russia's"),
            vec![
                ("don't", W),
                ("we’re", W),
                ("Kharkiv-based", W),
                ("F-16s", W),
                ("Russia's", W)
            ]
        );
    }

    #[test]
    fn sentence_final_period_is_punctuation() {
        assert_eq!(toks("war."), vec![("war", W), (".", P)]);
        assert_eq!(toks("III."), vec![("III", W), (".", P)]);
        assert_eq!(toks("wsws.org."), vec![("wsws.org", W), (".", P)]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            texts("U.S. Gen. Nov. a.m. e.g. etc. J. Ph.D. U.S.A."),
            vec![
                "U.S.", "Gen.", "Nov.", "a.m.", "e.g.", "etc.", "J.", "Ph.D.", "U.S.A."
            ]
        );
        assert_eq!(
            toks("U.S.-backed"),
            vec![("U.S.-backed", W)],
            "a hyphen continues a word after an abbreviation"
        );
        assert_eq!(texts("U.S.”"), vec!["U.S.", "”"]);
        assert_eq!(texts("U.S.'s"), vec!["U.S.'s"]);
        assert_eq!(texts("gen."), vec!["gen", "."], "lists are case-sensitive");
        assert_eq!(
            texts("x."),
            vec!["x", "."],
            "lowercase letters are not initials"
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("2023 1,000 3.5 50,000"),
            vec![("2023", N), ("1,000", N), ("3.5", N), ("50,000", N)]
        );
        assert_eq!(toks("$3.5"), vec![("$", S), ("3.5", N)]);
        assert_eq!(toks("10%"), vec![("10", N), ("%", S)]);
        assert_eq!(toks("€5"), vec![("€", S), ("5", N)]);
        assert_eq!(toks("2023."), vec![("2023", N), (".", P)]);
        assert_eq!(toks("2022-2023"), vec![("2022", N), ("-", P), ("2023", N)]);
        assert_eq!(toks("16-year-old"), vec![("16-year-old", W)]);
        assert_eq!(toks("1990s"), vec![("1990s", W)]);
        assert_eq!(toks("No.3"), vec![("No.", W), ("3", N)]);
    }

    #[test]
    fn punctuation_is_one_char_per_token() {
        assert_eq!(
            texts("“rumor.”—(ATACMS)..."),
            vec![
                "“", "rumor", ".", "”", "—", "(", "ATACMS", ")", ".", ".", "."
            ]
        );
        assert_eq!(toks("–"), vec![("–", P)]);
        assert_eq!(texts("countries'"), vec!["countries", "'"]);
        assert_eq!(texts("'rumor'"), vec!["'", "rumor", "'"]);
    }

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            texts("(https://www.wsws.org/en/contact)."),
            vec!["(", "https://www.wsws.org/en/contact", ")", "."]
        );
        assert_eq!(
            texts("https://en.wikipedia.org/wiki/Foo_(bar)"),
            vec!["https://en.wikipedia.org/wiki/Foo_(bar)"]
        );
        assert_eq!(texts("www."), vec!["www", "."]);
        assert_eq!(texts("wsws.org/contact"), vec!["wsws.org", "/", "contact"]);
        assert_eq!(texts("editor@wsws.org."), vec!["editor@wsws.org", "."]);
        assert_eq!(texts("AT&T"), vec!["AT&T"]);
        assert_eq!(texts("rock&roll"), vec!["rock", "&", "roll"]);
    }

    #[test]
    fn marks_and_emoji_stay_attached() {
        assert_eq!(toks("e\u{301}te\u{301}"), vec![("e\u{301}te\u{301}", W)]);
        assert_eq!(toks("\u{301}a"), vec![("\u{301}", S), ("a", W)]);
        assert_eq!(toks("👍🏽!"), vec![("👍🏽", S), ("!", P)], "skin tone modifier");
        assert_eq!(
            toks("👨\u{200D}👩\u{200D}👧"),
            vec![("👨\u{200D}👩\u{200D}👧", S)]
        );
        assert_eq!(toks("🇺🇦🇺🇸"), vec![("🇺🇦", S), ("🇺🇸", S)]);
        assert_eq!(toks("😀😀"), vec![("😀", S), ("😀", S)]);
    }

    #[test]
    fn partial_chunks_and_whitespace() {
        assert_eq!(texts(" \t a\u{A0}b\r\n"), vec!["a", "b"]);
        let mut out = Vec::new();
        tokenize_range("U.S. Army", 0, 3, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span, Span::new(0, 3));
    }
}
