use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::{PartialDate, Span};

/// A document's stable identifier: the JSON Lines `id`, the file path as given, or the path plus
/// the item's position for files that hold several documents (feeds).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The input format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text (`.txt`, or anything that is not another format).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// An HTML page.
    Html,
    /// One line of a JSON Lines file.
    Jsonl,
    /// One item of an RSS or Atom feed.
    Feed,
}

impl SourceFormat {
    /// Lower-case name, as in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Jsonl => "jsonl",
            SourceFormat::Feed => "feed",
        }
    }
}

/// Where a document came from, so an error or an event can point back at its input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// 1-based line of a JSON Lines file, or 1-based item number of a feed.
    pub item: Option<usize>,
}

/// What is known about an article besides its text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleMeta {
    /// Headline.
    pub title: Option<String>,
    /// Authors in byline order, without "By" or handles.
    pub authors: Vec<String>,
    /// The outlet that published it.
    pub publisher: Option<String>,
    /// Canonical address.
    pub url: Option<String>,
    /// Publication date, to the precision the source gives.
    pub published: Option<PartialDate>,
    /// ISO 639-1 language code when the source declares one.
    pub language: Option<String>,
}

/// Coarse class of a token, enough for later stages to skip punctuation cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots ("U.S.", "don't", "Kharkiv-based").
    Word,
    /// Digits, possibly with separators ("1,000", "3.5", "2023").
    Number,
    /// Punctuation, one character per token (quotes included).
    Punct,
    /// Anything else (currency signs, emoji, symbols).
    Symbol,
}

/// One token.
///
/// Invariant: the span is non-empty and contains no whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is in the document text.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// One sentence: a span of text and the index range of its tokens in [`Document::tokens`].
///
/// Invariants: the span is non-empty, starts and ends on non-whitespace, and contains no newline
/// (a line break in cleaned text always ends a sentence); `token_start..token_end` indexes exactly
/// the tokens inside the span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is in the document text.
    pub span: Span,
    /// Index of its first token in [`Document::tokens`].
    pub token_start: u32,
    /// One past the index of its last token.
    pub token_end: u32,
}

impl Sentence {
    /// The index range of this sentence's tokens.
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.token_start as usize..self.token_end as usize
    }
}

/// A cleaned article with its layers.
///
/// The text is the article body only: no title, byline, date line or page boilerplate.
/// Paragraphs are separated by a blank line (`"\n\n"`), list items by a single `'\n'`; there is no
/// other whitespace than single spaces and those separators, and no leading or trailing whitespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier.
    pub id: DocId,
    /// Input format.
    pub format: SourceFormat,
    /// Where it was read from.
    pub origin: Origin,
    /// Title, authors, publisher, url, date, language.
    pub meta: ArticleMeta,
    /// Cleaned body text; every span in the layers indexes into it.
    pub text: String,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
}

/// A broken layer invariant, reported by [`Document::check_layers`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayerError {
    /// A span reaches past the end of the text or is reversed.
    #[error("{layer} {index}: span {start}..{end} is out of range for text of {len} bytes")]
    OutOfRange {
        /// Which layer.
        layer: &'static str,
        /// Position in the layer.
        index: usize,
        /// Span start.
        start: u32,
        /// Span end.
        end: u32,
        /// Text length.
        len: usize,
    },
    /// A span end falls inside a UTF-8 character.
    #[error("{layer} {index}: span {start}..{end} is not on character boundaries")]
    NotCharBoundary {
        /// Which layer.
        layer: &'static str,
        /// Position in the layer.
        index: usize,
        /// Span start.
        start: u32,
        /// Span end.
        end: u32,
    },
    /// Spans are out of order or overlap.
    #[error("{layer} {index}: span starts at {start}, before the previous one ends at {prev_end}")]
    Overlap {
        /// Which layer.
        layer: &'static str,
        /// Position in the layer.
        index: usize,
        /// Span start.
        start: u32,
        /// End of the previous span.
        prev_end: u32,
    },
    /// A span is empty, has edge whitespace, or (for tokens and sentences) inner line breaks.
    #[error("{layer} {index}: bad content {text:?}: {why}")]
    BadContent {
        /// Which layer.
        layer: &'static str,
        /// Position in the layer.
        index: usize,
        /// The covered text.
        text: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// A sentence's token range does not match the tokens inside its span.
    #[error("sentence {index}: token range {token_start}..{token_end} does not match its span")]
    TokenRange {
        /// Sentence index.
        index: usize,
        /// Claimed first token.
        token_start: u32,
        /// Claimed end token.
        token_end: u32,
    },
}

impl Document {
    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Checks every layer invariant stated on [`Sentence`], [`Token`] and [`Span`]; returns the
    /// first violation. Cheap enough to call in tests on every document.
    pub fn check_layers(&self) -> Result<(), LayerError> {
        check_spans(&self.text, "token", self.tokens.iter().map(|t| t.span))?;
        check_spans(
            &self.text,
            "sentence",
            self.sentences.iter().map(|s| s.span),
        )?;
        for (index, token) in self.tokens.iter().enumerate() {
            let text = self.slice(token.span);
            if text.chars().any(char::is_whitespace) {
                return Err(bad("token", index, text, "contains whitespace"));
            }
        }
        let mut next_token = 0u32;
        for (index, sentence) in self.sentences.iter().enumerate() {
            let text = self.slice(sentence.span);
            if text.contains('\n') {
                return Err(bad("sentence", index, text, "contains a line break"));
            }
            if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
                return Err(bad("sentence", index, text, "has edge whitespace"));
            }
            // Tokens between sentences are impossible: every non-space byte is in some sentence.
            let inside = self.tokens[next_token as usize..]
                .iter()
                .take_while(|t| sentence.span.contains(t.span))
                .count() as u32;
            let range_ok = sentence.token_start == next_token
                && sentence.token_end == next_token + inside
                && inside > 0;
            if !range_ok {
                return Err(LayerError::TokenRange {
                    index,
                    token_start: sentence.token_start,
                    token_end: sentence.token_end,
                });
            }
            next_token += inside;
        }
        if next_token as usize != self.tokens.len() {
            let index = next_token as usize;
            return Err(bad(
                "token",
                index,
                self.slice(self.tokens[index].span),
                "lies outside every sentence",
            ));
        }
        Ok(())
    }
}

fn bad(layer: &'static str, index: usize, text: &str, why: &'static str) -> LayerError {
    LayerError::BadContent {
        layer,
        index,
        text: text.to_string(),
        why,
    }
}

fn check_spans(
    text: &str,
    layer: &'static str,
    spans: impl Iterator<Item = Span>,
) -> Result<(), LayerError> {
    let mut prev_end = 0u32;
    for (index, span) in spans.enumerate() {
        let Span { start, end } = span;
        if start > end || end as usize > text.len() {
            return Err(LayerError::OutOfRange {
                layer,
                index,
                start,
                end,
                len: text.len(),
            });
        }
        if !text.is_char_boundary(start as usize) || !text.is_char_boundary(end as usize) {
            return Err(LayerError::NotCharBoundary {
                layer,
                index,
                start,
                end,
            });
        }
        if start < prev_end {
            return Err(LayerError::Overlap {
                layer,
                index,
                start,
                prev_end,
            });
        }
        if span.is_empty() {
            return Err(bad(layer, index, "", "is empty"));
        }
        prev_end = end;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, sentences: Vec<Sentence>, tokens: Vec<Token>) -> Document {
        Document {
            id: DocId("t".into()),
            format: SourceFormat::Text,
            origin: Origin::default(),
            meta: ArticleMeta::default(),
            text: text.into(),
            sentences,
            tokens,
        }
    }

    fn word(start: usize, end: usize) -> Token {
        Token {
            span: Span::new(start, end),
            kind: TokenKind::Word,
        }
    }

    #[test]
    fn well_formed_layers_pass() {
        let d = doc(
            "Hi there. Bye",
            vec![
                Sentence {
                    span: Span::new(0, 9),
                    token_start: 0,
                    token_end: 3,
                },
                Sentence {
                    span: Span::new(10, 13),
                    token_start: 3,
                    token_end: 4,
                },
            ],
            vec![
                word(0, 2),
                word(3, 8),
                Token {
                    span: Span::new(8, 9),
                    kind: TokenKind::Punct,
                },
                word(10, 13),
            ],
        );
        assert_eq!(d.check_layers(), Ok(()));
    }

    #[test]
    fn each_broken_invariant_is_reported() {
        let one = |end| Sentence {
            span: Span::new(0, end),
            token_start: 0,
            token_end: 1,
        };
        // Out of range.
        let d = doc("ab", vec![one(3)], vec![word(0, 2)]);
        assert!(matches!(
            d.check_layers(),
            Err(LayerError::OutOfRange { .. })
        ));
        // Inside a multi-byte character.
        let d = doc("é", vec![one(2)], vec![word(0, 1)]);
        assert!(matches!(
            d.check_layers(),
            Err(LayerError::NotCharBoundary { .. })
        ));
        // Token with whitespace.
        let d = doc("a b", vec![one(3)], vec![word(0, 3)]);
        assert!(matches!(
            d.check_layers(),
            Err(LayerError::BadContent { .. })
        ));
        // Sentence across a line break.
        let d = doc("a\nb", vec![one(3)], vec![word(0, 1), word(2, 3)]);
        assert!(matches!(
            d.check_layers(),
            Err(LayerError::BadContent { .. })
        ));
        // Token range claims too few tokens.
        let d = doc("a b", vec![one(3)], vec![word(0, 1), word(2, 3)]);
        assert!(matches!(
            d.check_layers(),
            Err(LayerError::TokenRange { .. })
        ));
        // Overlapping tokens.
        let d = doc("ab", vec![one(2)], vec![word(0, 2), word(1, 2)]);
        assert!(matches!(d.check_layers(), Err(LayerError::Overlap { .. })));
    }
}
