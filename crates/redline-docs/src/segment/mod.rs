//! Sentence splitting and tokenization of cleaned English news text.
//!
//! [`segment`] fills a document's sentence and token layers in one linear pass; [`split_sentences`]
//! and [`tokenize`] expose the two halves. All three accept any `&str` (tabs, carriage returns,
//! control characters, text without punctuation, megabytes without a line break) without
//! panicking, and their output always satisfies [`redline_model::Document::check_layers`]:
//!
//! - sentences are non-empty, trimmed, in order, never contain a line break, and together cover
//!   every non-whitespace character exactly once;
//! - tokens are non-empty, contain no whitespace, tile the non-whitespace characters of their
//!   sentence, and `token_start..token_end` of each sentence indexes exactly its tokens.
//!
//! The rules are hand-written for English news prose (titles, dotted acronyms, initials, months,
//! decimals, quoted ellipses, URLs); the submodules document each rule and why it exists. The
//! scanners work on bytes with an ASCII fast path and allocate nothing per character, so a
//! release build handles well over 100 MB of news text per second on one core.
//!
//! Offsets are `u32` ([`Span`]); text beyond the first `u32::MAX` bytes (4 GiB, far above what
//! readers accept) is ignored rather than overflowing.

mod abbreviations;
mod chars;
mod sentences;
mod tokens;

#[cfg(test)]
mod tests;

use redline_model::{Sentence, Span, Token};

/// Splits cleaned text into sentence spans and tokens, filling both layers.
///
/// Both vectors are cleared first (their capacity is reused); afterwards `tokens` holds every
/// token of `text` in order and each sentence's `token_start..token_end` indexes its tokens in
/// it. The tokens are exactly those [`tokenize`] gives for each sentence span, and the sentence
/// spans are exactly those of [`split_sentences`].
pub fn segment(text: &str, sentences: &mut Vec<Sentence>, tokens: &mut Vec<Token>) {
    sentences.clear();
    tokens.clear();
    let text = addressable(text);
    // News text averages five to six bytes per token and well over a hundred per sentence;
    // reserving up front avoids most regrowth on long documents.
    tokens.reserve(text.len() / 6);
    sentences.reserve(text.len() / 128);
    sentences::run(text, tokens, true, |span, token_start, token_end| {
        sentences.push(Sentence {
            span,
            token_start,
            token_end,
        });
    });
}

/// Sentence spans only, in order.
///
/// Same boundaries as [`segment`]; tokens are computed chunk by chunk in a small scratch buffer
/// and dropped.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let text = addressable(text);
    let mut spans = Vec::with_capacity(text.len() / 128);
    let mut scratch = Vec::with_capacity(64);
    sentences::run(text, &mut scratch, false, |span, _, _| spans.push(span));
    spans
}

/// Appends the tokens of `text[span]` to `out`, in order.
///
/// Tokenization looks only inside whitespace-delimited chunks, so for a sentence span from
/// [`split_sentences`] (or any span whose ends touch whitespace or the text's ends) the tokens
/// are exactly those [`segment`] produces there. A span that cuts through a chunk tokenizes the
/// part it covers. A span reaching past the text is clamped to it, and ends that fall inside a
/// UTF-8 character are moved inward to the nearest character boundary.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let text = addressable(text);
    let len = text.len();
    let mut start = (span.start as usize).min(len);
    let mut end = (span.end as usize).min(len);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if start < end {
        tokens::tokenize_range(text, start, end, out);
    }
}

/// The longest prefix of `text` that `u32` offsets can address, cut at a character boundary.
fn addressable(text: &str) -> &str {
    const MAX: usize = u32::MAX as usize;
    if text.len() <= MAX {
        return text;
    }
    let mut end = MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}
