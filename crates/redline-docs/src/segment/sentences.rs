//! The sentence splitter.
//!
//! One pass over the text, chunk by chunk (a chunk is a maximal run of non-whitespace). Each chunk
//! is tokenized, and the decision whether a sentence ends after it is made from two things only:
//! how the chunk ends (its last tokens) and how the next chunk begins (its first characters).
//! Boundaries therefore always fall in whitespace, never inside a token, and the whole pass is
//! linear: every byte is looked at a bounded number of times.
//!
//! A sentence ends after a chunk when
//! - the whitespace after it contains a line break (list items and paragraphs never merge), or
//! - the chunk ends in terminal punctuation (`.` `!` `?` `…`), possibly followed by closing
//!   quotes and brackets that stay in the sentence (`he said.” Next`), and the next chunk can
//!   start a sentence: after any opening quotes or brackets, it does not begin with a lowercase
//!   letter or with punctuation that continues a sentence (`,` `;` `)` `”` …). A lowercase
//!   continuation is how quoted ellipses and questions read in news ("crews... that’s called",
//!   "“Why?” he asked").
//!
//! A period owned by an abbreviation (see the tokenizer) decides by the abbreviation's
//! [`AbbrevClass`]: titles never end a sentence, acronyms, initials and months end one only
//! before a typical sentence opener ("in the U.S. The next day" / "the U.S. Army"), "etc." acts
//! like a plain full stop. If closing quotes follow the abbreviation, it is treated as a plain
//! full stop too, because a quotation rarely closes in the middle of a name.
//!
//! Two more rules keep fragments from becoming sentences: a chunk of only closing quotes,
//! separated by a stray space, inherits the ending of the chunk before it, and an enumerator
//! ("1." or "a.") that begins a sentence does not end it.

use redline_model::{Span, Token, TokenKind};

use super::abbreviations::{self, AbbrevClass};
use super::chars::{
    Class, char_at, classify, is_closer, is_continuation, is_opener, is_terminal, space_at,
};
use super::tokens::{chunk_end, tokenize_chunk};

/// How a chunk ends, as far as a following sentence boundary is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// No terminal punctuation: the sentence goes on unless a line break follows.
    Open,
    /// Terminal punctuation: the sentence ends if the next chunk can start one.
    Terminal,
    /// An abbreviation's own period.
    Abbrev(AbbrevClass),
    /// Nothing but closing quotes or brackets.
    ClosersOnly,
}

/// Runs the splitter over `text` (at most `u32::MAX` bytes).
///
/// Tokens are appended to `tokens` when `keep_tokens` is set; otherwise `tokens` is scratch space
/// cleared for every chunk, so that callers who only want sentences use memory proportional to
/// the longest chunk. `emit` receives each sentence's span and token index range (meaningful only
/// with `keep_tokens`).
pub(super) fn run(
    text: &str,
    tokens: &mut Vec<Token>,
    keep_tokens: bool,
    mut emit: impl FnMut(Span, u32, u32),
) {
    let len = text.len();
    let (mut i, _) = skip_space(text, 0);
    let mut sentence_start = i;
    let mut sentence_first_token = tokens.len();
    let mut chunks_in_sentence = 0u32;
    let mut previous = Ending::Open;
    while i < len {
        let end = chunk_end(text, i, len);
        if !keep_tokens {
            tokens.clear();
        }
        let first = tokens.len();
        tokenize_chunk(text, i, end, tokens);
        let chunk_tokens = &tokens[first..];
        let mut ending = ending(text, chunk_tokens);
        if ending == Ending::ClosersOnly {
            // "he said. ” Next": the stray closing quote belongs to the sentence it closes, and
            // that sentence ended with the chunk before it.
            ending = if chunks_in_sentence > 0 {
                previous
            } else {
                Ending::Open
            };
        }
        if chunks_in_sentence == 0 && is_enumerator(text, chunk_tokens) {
            ending = Ending::Open;
        }
        chunks_in_sentence += 1;

        let (next, line_break) = skip_space(text, end);
        let split = next >= len
            || line_break
            || match ending {
                Ending::Open | Ending::ClosersOnly | Ending::Abbrev(AbbrevClass::Continues) => {
                    false
                }
                Ending::Terminal | Ending::Abbrev(AbbrevClass::Ordinary) => can_start(text, next),
                Ending::Abbrev(AbbrevClass::UnlessStarter) => starts_with_starter(text, next),
                Ending::Abbrev(AbbrevClass::BeforeNumber) => {
                    !starts_with_digit(text, next) && can_start(text, next)
                }
            };
        if split {
            emit(
                Span::new(sentence_start, end),
                sentence_first_token as u32,
                tokens.len() as u32,
            );
            sentence_start = next;
            sentence_first_token = tokens.len();
            chunks_in_sentence = 0;
            previous = Ending::Open;
        } else {
            previous = ending;
        }
        i = next;
    }
}

/// Skips whitespace from `i`; returns where it stops and whether it passed a line break.
#[inline]
fn skip_space(text: &str, mut i: usize) -> (usize, bool) {
    let mut line_break = false;
    while i < text.len() {
        match space_at(text, i) {
            Some((len, brk)) => {
                line_break |= brk;
                i += len;
            }
            None => break,
        }
    }
    (i, line_break)
}

/// The first character of a token.
#[inline]
fn first_char(text: &str, token: &Token) -> char {
    char_at(text, token.span.start as usize).0
}

/// How a chunk with tokens `toks` ends.
fn ending(text: &str, toks: &[Token]) -> Ending {
    let mut k = toks.len();
    while k > 0 && toks[k - 1].kind == TokenKind::Punct && is_closer(first_char(text, &toks[k - 1]))
    {
        k -= 1;
    }
    let Some(last) = k.checked_sub(1).map(|k| &toks[k]) else {
        return Ending::ClosersOnly;
    };
    let closed = k < toks.len();
    match last.kind {
        TokenKind::Punct if is_terminal(first_char(text, last)) => Ending::Terminal,
        TokenKind::Word => {
            let word = last.span.slice(text);
            // Only an abbreviation's own period can end a word token (inner periods sit between
            // letters, URLs drop trailing ones).
            match word.strip_suffix('.') {
                Some(_) if closed => Ending::Terminal,
                Some(stem) if !stem.is_empty() => Ending::Abbrev(
                    // Unlisted owners of a period are acronyms and initials.
                    abbreviations::lookup(stem).unwrap_or(AbbrevClass::UnlessStarter),
                ),
                _ => Ending::Open,
            }
        }
        _ => Ending::Open,
    }
}

/// Whether a chunk is a list enumerator: up to three digits or one lowercase ASCII letter, then a
/// period ("1.", "12.", "a.").
fn is_enumerator(text: &str, toks: &[Token]) -> bool {
    let [label, dot] = toks else {
        return false;
    };
    let label_text = label.span.slice(text);
    let is_label = match label.kind {
        TokenKind::Number => {
            label_text.len() <= 3 && label_text.bytes().all(|b| b.is_ascii_digit())
        }
        TokenKind::Word => label_text.len() == 1 && label_text.as_bytes()[0].is_ascii_lowercase(),
        _ => false,
    };
    is_label && dot.kind == TokenKind::Punct && dot.span.slice(text) == "."
}

/// Skips opening quotes and brackets from `i`; returns the position of the first other
/// character (or of the whitespace / end of text after the openers).
#[inline]
fn skip_openers(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        let (c, len) = char_at(text, i);
        if !is_opener(c) {
            break;
        }
        i += len;
    }
    i
}

/// Whether the chunk at `i` can begin a sentence after terminal punctuation.
fn can_start(text: &str, i: usize) -> bool {
    let i = skip_openers(text, i);
    if i >= text.len() {
        return true;
    }
    let (c, _) = char_at(text, i);
    if classify(c) == Class::Space {
        // Only opening quotes or brackets: they open the next sentence.
        return true;
    }
    !(c.is_lowercase() || is_continuation(c))
}

/// Whether the chunk at `i` begins with a digit or a number sign ("No. 3", "No. #3").
fn starts_with_digit(text: &str, i: usize) -> bool {
    text.as_bytes()
        .get(i)
        .is_some_and(|b| b.is_ascii_digit() || *b == b'#')
}

/// Whether the chunk at `i` begins, after opening quotes or brackets, with a typical
/// sentence-initial word ("The", "He", "However", …) that is not itself an initial ("A.").
fn starts_with_starter(text: &str, i: usize) -> bool {
    let start = skip_openers(text, i);
    let bytes = text.as_bytes();
    let mut j = start;
    // Starters are short; stop early so a huge run of letters costs nothing here.
    while j < bytes.len() && j - start <= 12 && bytes[j].is_ascii_alphabetic() {
        j += 1;
    }
    if j == start {
        return false;
    }
    if j < bytes.len() {
        let (c, _) = char_at(text, j);
        if c == '.' || matches!(classify(c), Class::Letter | Class::Digit | Class::Extend) {
            return false;
        }
    }
    abbreviations::is_starter(&text[start..j])
}
