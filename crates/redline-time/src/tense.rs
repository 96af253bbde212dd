//! A cheap guess of a clause's tense from its words.
//!
//! The heuristic, in order:
//! 1. **Future** if the clause has a future marker: "will", "shall", "won't", a "'ll" contraction,
//!    "going to", "gonna", "is/are/am expected|scheduled|set|due|slated|poised|about to", or
//!    "plan(s)/intend(s) to".
//! 2. **Past** if it has a past marker: "was", "were", "did", "had" (and their negations), a
//!    common irregular past form ("said", "met", "fled", ...), or a lower-case word of five or more
//!    letters ending in "-ed" (not "-eed": "need", "proceed"; not a few adjectives: "hundred",
//!    "sacred"), unless that word follows "is"/"are"/"am"/"be"/"being" (a present passive: "is
//!    expected").
//! 3. **Present** otherwise.
//!
//! Future wins over past so that reported plans ("officials said talks will resume on Monday")
//! look forward. Capitalised words are not checked for "-ed" because names ("Ahmed", "Mohammed")
//! end that way. It is a guess for when no parser is at hand; a caller with a better tense should
//! pass that to [`crate::find`] instead.

use crate::Tense;

/// The longest word the heuristic checks exactly ("scheduled", "intends").
const MAX_WORD: usize = 12;

/// See the module documentation.
pub(crate) fn guess(tokens: &[&str]) -> Tense {
    let mut past = false;
    // The previous token, lower-cased, for two-word markers.
    let mut prev = Word::EMPTY;
    let mut prev2 = Word::EMPTY;
    for token in tokens {
        if ends_with_ll(token) {
            return Tense::Future;
        }
        let word = Word::new(token);
        let w = word.bytes();
        match w {
            b"will" | b"shall" | b"won't" | b"won\xe2\x80\x99t" | b"gonna" => return Tense::Future,
            b"to" => {
                let before = prev2.bytes();
                let present_be = matches!(before, b"is" | b"are" | b"am");
                match prev.bytes() {
                    b"going" => return Tense::Future,
                    b"expected" | b"scheduled" | b"set" | b"due" | b"slated" | b"poised"
                    | b"about"
                        if present_be =>
                    {
                        return Tense::Future;
                    }
                    b"plans" | b"plan" | b"intends" | b"intend" => return Tense::Future,
                    _ => {}
                }
            }
            _ => {}
        }
        if !past {
            past = is_past_marker(w)
                || (is_ed_verb(token, w)
                    && !matches!(prev.bytes(), b"is" | b"are" | b"am" | b"be" | b"being"));
        }
        prev2 = prev;
        prev = word;
    }
    if past { Tense::Past } else { Tense::Present }
}

/// "they'll", "'ll", "we’ll".
fn ends_with_ll(token: &str) -> bool {
    let lower_ll = |s: &str| s.eq_ignore_ascii_case("ll");
    token
        .rsplit_once('\'')
        .or_else(|| token.rsplit_once('\u{2019}'))
        .is_some_and(|(_, tail)| lower_ll(tail))
}

/// Auxiliaries and frequent irregular past forms of news prose.
fn is_past_marker(w: &[u8]) -> bool {
    matches!(
        w,
        b"was"
            | b"were"
            | b"did"
            | b"had"
            | b"wasn't"
            | b"weren't"
            | b"didn't"
            | b"hadn't"
            | b"said"
            | b"told"
            | b"went"
            | b"came"
            | b"took"
            | b"made"
            | b"saw"
            | b"met"
            | b"fled"
            | b"left"
            | b"began"
            | b"won"
            | b"lost"
            | b"fought"
            | b"held"
            | b"struck"
            | b"shot"
            | b"sent"
            | b"led"
            | b"fell"
            | b"gave"
            | b"got"
            | b"found"
            | b"became"
            | b"brought"
            | b"thought"
            | b"knew"
            | b"wrote"
            | b"spoke"
            | b"broke"
            | b"stood"
            | b"ran"
            | b"built"
            | b"paid"
            | b"sold"
            | b"bought"
            | b"kept"
            | b"felt"
            | b"heard"
            | b"meant"
            | b"rose"
            | b"drove"
            | b"threw"
            | b"seized"
            | b"withdrew"
            | b"arose"
            | b"overthrew"
            | b"forbade"
    )
}

/// A regular past form: lower-case, at least five letters, ending in "-ed" but not "-eed".
fn is_ed_verb(token: &str, lower: &[u8]) -> bool {
    let bytes = token.as_bytes();
    bytes.len() >= 5
        && bytes[0].is_ascii_lowercase()
        && bytes.iter().all(u8::is_ascii_alphabetic)
        && bytes.ends_with(b"ed")
        && !bytes.ends_with(b"eed")
        && !matches!(
            lower,
            b"hundred"
                | b"kindred"
                | b"sacred"
                | b"naked"
                | b"wicked"
                | b"rugged"
                | b"ragged"
                | b"jagged"
                | b"infrared"
                | b"shred"
                | b"biped"
        )
}

/// A copy of a short token with its ASCII letters lower-cased; longer tokens read as empty (no
/// marker is longer).
#[derive(Clone, Copy)]
struct Word {
    buf: [u8; MAX_WORD],
    len: usize,
}

impl Word {
    const EMPTY: Word = Word {
        buf: [0; MAX_WORD],
        len: 0,
    };

    fn new(token: &str) -> Word {
        let bytes = token.as_bytes();
        if bytes.len() > MAX_WORD {
            return Word::EMPTY;
        }
        let mut buf = [0; MAX_WORD];
        for (dst, src) in buf.iter_mut().zip(bytes) {
            *dst = src.to_ascii_lowercase();
        }
        Word {
            buf,
            len: bytes.len(),
        }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}
