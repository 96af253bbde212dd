//! Redline's event coder: from a document's sentences to CAMEO events with evidence.
//!
//! The stages are folders, in order:
//! - [`lexicon`]: the dictionary compiled into token tries and a head index;
//! - [`mentions`]: actors, agents, people by date, pronouns;
//! - [`clauses`]: clause boundaries, speech frames, polarity and modality;
//! - [`events`]: patterns at trigger words, source and target, intents;
//!
//! and [`record`] turns them into the JSON Lines records of `redline code`; [`claims`] reads the
//! numbers sentences assert (troops, casualties, money, weapons) on the same analysis. Every stage is
//! deterministic; a sentence that matches no pattern gives no event (there is no catch-all
//! "make statement").
//!
//! The clause analysis is shallow and rule-based. The seam for a statistical tagger or
//! classifier is [`Coder::code_sentence`]: everything downstream consumes its
//! [`SentenceAnalysis`].

pub mod claims;
pub mod clauses;
pub mod events;
pub mod lexicon;
pub mod mentions;
pub mod record;
mod words;

use chrono::NaiveDate;
use redline_dict::{Dictionary, Loaded, Problem};
use redline_model::{Document, Span};

pub use events::SentenceAnalysis;
pub use lexicon::Lexicon;
pub use record::{EventRecord, Participant};

/// Sentences are analysed in windows of this many words, so that absurd input (a megabyte
/// without punctuation) costs linear time and memory.
pub const WINDOW_TOKENS: usize = 400;

/// Time expressions found in a sentence, with the date used for people's roles.
#[derive(Debug, Clone, Default)]
pub struct SentenceTime {
    /// Every expression, in order.
    pub expressions: Vec<redline_time::TimeExpr>,
}

/// One sentence, fully analysed: what `explain` shows.
#[derive(Debug, Clone)]
pub struct CodedSentence {
    /// Index of the sentence in its document.
    pub index: usize,
    /// The sentence's span in the document text.
    pub span: Span,
    /// Token spans (document offsets).
    pub tokens: Vec<Span>,
    /// Time expressions.
    pub time: SentenceTime,
    /// Mentions, clauses, frames, events and candidates.
    pub analysis: SentenceAnalysis,
    /// The date people's roles were read on.
    pub role_date: Option<NaiveDate>,
}

/// The words the coder works on: the document's tokens, with a possessive split off
/// ("Moldova's" is `Moldova` + `'s`), so names match and "'s" can join an actor to an agent.
fn word_spans(text: &str, tokens: &[redline_model::Token]) -> Vec<Span> {
    let mut out = Vec::with_capacity(tokens.len() + 4);
    for t in tokens {
        let w = &text[t.span.start as usize..t.span.end as usize];
        let suffix = ["'s", "’s", "'S", "’S"]
            .iter()
            .find(|s| w.len() > s.len() + 1 && w.ends_with(*s));
        match suffix {
            Some(s) => {
                let cut = t.span.end - s.len() as u32;
                out.push(Span {
                    start: t.span.start,
                    end: cut,
                });
                out.push(Span {
                    start: cut,
                    end: t.span.end,
                });
            }
            None => out.push(t.span),
        }
    }
    out
}

/// The tokens outside quotations and parentheses: the tense of a sentence is the tense of its
/// narrative, not of a quoted promise ("On Nov. 8 ... (\"I will ensure ...\"), the
/// administration lifted ...").
fn narrative<'a>(tokens: &[&'a str]) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(tokens.len());
    let (mut quoted, mut depth) = (false, 0usize);
    for &w in tokens {
        match w {
            "\"" => quoted = !quoted,
            "“" => quoted = true,
            "”" => quoted = false,
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ if !quoted && depth == 0 => out.push(w),
            _ => {}
        }
    }
    out
}

/// The coder: a compiled dictionary.
#[derive(Debug)]
pub struct Coder {
    lex: Lexicon,
}

impl Coder {
    /// Compiles a dictionary.
    pub fn new(dict: Dictionary) -> Coder {
        Coder {
            lex: Lexicon::compile(dict),
        }
    }

    /// The embedded default dictionary, compiled; with the problems found loading it (none in a
    /// release: a test checks).
    pub fn embedded() -> (Coder, Vec<Problem>) {
        let Loaded {
            dictionary,
            problems,
        } = Dictionary::embedded();
        (Coder::new(dictionary), problems)
    }

    /// The compiled lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Codes every sentence of a document, resolving dates against `published` (the document's
    /// own date when `None`).
    pub fn code_document(&self, doc: &Document) -> Vec<CodedSentence> {
        let published = doc.meta.published.map(|d| d.first_day());
        let mut antecedents = mentions::Antecedents::default();
        let mut out = Vec::with_capacity(doc.sentences.len());
        for (index, s) in doc.sentences.iter().enumerate() {
            let tokens = &doc.tokens[s.token_start as usize..s.token_end as usize];
            let coded = self.code_sentence(
                &doc.text,
                index,
                s.span,
                tokens,
                published,
                &mut antecedents,
            );
            out.push(coded);
        }
        out
    }

    /// Codes one sentence given its tokens. `antecedents` carries pronoun candidates from
    /// earlier sentences of the same document.
    pub fn code_sentence(
        &self,
        text: &str,
        index: usize,
        span: Span,
        tokens: &[redline_model::Token],
        published: Option<NaiveDate>,
        antecedents: &mut mentions::Antecedents,
    ) -> CodedSentence {
        // Absurd sentences (megabytes without punctuation) are coded in windows of bounded
        // size, so time and memory stay linear.
        const MAX_TOKENS: usize = WINDOW_TOKENS;
        let spans = word_spans(text, tokens);
        let texts: Vec<&str> = spans
            .iter()
            .map(|s| &text[s.start as usize..s.end as usize])
            .collect();
        let lowered: Vec<std::borrow::Cow<'_, str>> = texts
            .iter()
            .map(|w| {
                if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                    std::borrow::Cow::Owned(w.to_lowercase().replace('’', "'"))
                } else {
                    std::borrow::Cow::Borrowed(*w)
                }
            })
            .collect();
        let lower: Vec<&str> = lowered.iter().map(|c| c.as_ref()).collect();
        let mut analysis = SentenceAnalysis::default();
        let mut expressions = Vec::new();
        let mut role_date = published;
        for start in (0..texts.len().max(1)).step_by(MAX_TOKENS) {
            let end = (start + MAX_TOKENS).min(texts.len());
            let t = mentions::Tokens {
                text: &texts[start..end],
                lower: &lower[start..end],
            };
            let tense = redline_time::guess_tense(&narrative(t.text));
            let found = redline_time::find(t.text, published, tense);
            if start == 0 {
                role_date = found
                    .iter()
                    .find(|e| !record::is_range_bound(t.lower, e))
                    .map(|e| e.date.first_day())
                    .or(published);
            }
            let ms = mentions::find(&self.lex, t, role_date);
            let a = events::analyse(&self.lex, t, ms, antecedents);
            antecedents.remember(&a.mentions);
            let mut subjects: Vec<mentions::Mention> = a
                .events
                .iter()
                .map(|e| a.mentions[e.source].clone())
                .collect();
            if subjects.is_empty()
                && let Some(first) = a
                    .mentions
                    .iter()
                    .filter(|m| !m.adjective && m.kind != mentions::MentionKind::Pronoun)
                    .min_by_key(|m| m.start)
            {
                subjects.push(first.clone());
            }
            antecedents.remember_subjects(subjects);
            if start == 0 {
                analysis = a;
                expressions = found;
            } else {
                // Later windows only add events; offsets are shifted into sentence space.
                let shift = |x: usize| x + start;
                let base = analysis.mentions.len();
                let clause_base = analysis.clauses.len();
                for mut c in a.clauses {
                    c.start = shift(c.start);
                    c.end = shift(c.end);
                    analysis.clauses.push(c);
                }
                for mut m in a.mentions {
                    m.start = shift(m.start);
                    m.end = shift(m.end);
                    analysis.mentions.push(m);
                }
                for mut e in a.events {
                    e.source += base;
                    e.target = e.target.map(|x| x + base);
                    e.trigger = (shift(e.trigger.0), shift(e.trigger.1));
                    e.frame = None;
                    e.clause += clause_base;
                    analysis.events.push(e);
                }
            }
            if end >= texts.len() {
                break;
            }
        }
        CodedSentence {
            index,
            span,
            tokens: spans,
            time: SentenceTime { expressions },
            analysis,
            role_date,
        }
    }

    /// The JSON Lines records of a coded document.
    pub fn records(
        &self,
        doc: &Document,
        doc_id: &str,
        coded: &[CodedSentence],
    ) -> Vec<EventRecord> {
        let mut out = Vec::new();
        for s in coded {
            record::sentence_records(&self.lex, doc, doc_id, s, &mut out);
        }
        out
    }

    /// The claims of a coded document: numbers about troops, casualties, money and weapons, with
    /// who asserts them.
    pub fn claims(
        &self,
        doc: &Document,
        doc_id: &str,
        coded: &[CodedSentence],
    ) -> Vec<redline_model::ClaimRecord> {
        let mut out = Vec::new();
        for s in coded {
            claims::sentence_claims(&self.lex, doc, doc_id, s, &mut out);
        }
        out
    }
}
