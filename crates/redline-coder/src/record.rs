//! The JSON Lines record of one event, as specified in DESIGN.md's `redline code` contract.

use chrono::NaiveDate;
use redline_model::{DatePrecision, Document, PartialDate};
use serde::Serialize;

use crate::CodedSentence;
use crate::clauses::{Modality, Polarity};
use crate::lexicon::Lexicon;
use crate::mentions::Mention;

/// An actor in an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    /// The actor code.
    pub code: String,
    /// Its country, when it has one.
    pub country: Option<String>,
    /// The text of the mention.
    pub text: String,
    /// Byte offsets of the mention in the document text.
    pub span: [u32; 2],
    /// The dictionary ids that produced the mention.
    pub rule: Vec<String>,
}

/// Who is reported to have said it, and through which channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    /// The speaker's words as written ("Peskov", "US officials").
    pub speaker: Option<String>,
    /// The speaker's code.
    pub speaker_code: Option<String>,
    /// The channel ("New York Times").
    pub channel: Option<String>,
    /// The channel's code.
    pub channel_code: Option<String>,
}

/// PLOVER event and mode derived from the CAMEO code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plover {
    /// The PLOVER event (`AID`), or null when PLOVER dropped the code.
    pub event: Option<String>,
    /// The mode (`military`), when there is one.
    pub mode: Option<String>,
}

/// Why the coder coded what it coded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The pattern that matched.
    pub pattern: String,
    /// Byte offsets of the trigger (head to the end of the match).
    pub trigger: [u32; 2],
    /// The words that decided polarity and modality.
    pub reasons: Vec<String>,
    /// How the date was found: the expression and its rule, or "publication date".
    pub date_rule: String,
}

/// One event, one line of `redline code`'s output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRecord {
    /// The document's id (JSON Lines) or path (files).
    pub doc_id: String,
    /// Index of the sentence in the document.
    pub sentence_index: usize,
    /// The sentence.
    pub sentence: String,
    /// The event date (`YYYY-MM-DD`, the first day of the period).
    pub date: Option<String>,
    /// `day`, `month`, `year` or `unknown`.
    pub date_precision: String,
    /// The publication date.
    pub published: Option<String>,
    /// Who acted.
    pub source: Participant,
    /// Who was acted upon.
    pub target: Option<Participant>,
    /// The CAMEO code.
    pub cameo: String,
    /// Its two-digit root.
    pub root: String,
    /// GDELT QuadClass, 1-4.
    pub quad_class: u8,
    /// Goldstein value.
    pub goldstein: f32,
    /// PLOVER event and mode.
    pub plover: Plover,
    /// `asserted` or `negated`.
    pub polarity: Polarity,
    /// `actual`, `future`, `hypothetical` or `conditional`.
    pub modality: Modality,
    /// Speaker and channel, when reported.
    pub attribution: Option<Attribution>,
    /// The verb entry and pattern number that fired (`verb.0332.send-weapons#1`), with
    /// `+intent` when a future was coded as an intent.
    pub rule: String,
    /// Escalation signals (`strike_authorization`).
    pub signals: Vec<String>,
    /// Pattern, trigger, reasons and date rule.
    pub evidence: Evidence,
}

/// Sentences longer than this are quoted in records by the clause of the event (at most one
/// window of words).
pub const MAX_SENTENCE_BYTES: usize = 8192;

/// True when a time expression is a range bound ("since 2014", "by 2030"), which dates nothing.
pub fn is_range_bound(lower: &[&str], e: &redline_time::TimeExpr) -> bool {
    let before = e.start.checked_sub(1).map(|i| lower[i]);
    let first = lower.get(e.start).copied();
    [before, first]
        .iter()
        .flatten()
        .any(|w| matches!(*w, "since" | "until" | "by" | "through" | "till" | "before"))
}

fn participant(lex: &Lexicon, doc: &Document, s: &CodedSentence, m: &Mention) -> Participant {
    let start = s.tokens[m.start].start;
    let end = s.tokens[m.end - 1].end;
    Participant {
        code: m.code.to_string(),
        country: m.country(lex),
        text: doc.text[start as usize..end as usize].to_string(),
        span: [start, end],
        rule: m.rule.clone(),
    }
}

/// Appends the records of one coded sentence.
pub fn sentence_records(
    lex: &Lexicon,
    doc: &Document,
    doc_id: &str,
    s: &CodedSentence,
    out: &mut Vec<EventRecord>,
) {
    let a = &s.analysis;
    if a.events.is_empty() {
        return;
    }
    let published: Option<NaiveDate> = doc.meta.published.map(|d| d.first_day());
    let sentence = &doc.text[s.span.start as usize..s.span.end as usize];
    // A run-on "sentence" of megabytes is reported by the window of words the event was found
    // in, not copied whole into every record.
    let evidence_text = |e: &crate::events::SentenceEvent| -> &str {
        if sentence.len() <= MAX_SENTENCE_BYTES {
            return sentence;
        }
        // The event's clause, and never more than one window of words.
        let c = &a.clauses[e.clause];
        let first = c
            .start
            .max(e.trigger.0.saturating_sub(crate::WINDOW_TOKENS / 2));
        let last = c
            .end
            .min(first + crate::WINDOW_TOKENS)
            .min(s.tokens.len())
            .max(first + 1)
            - 1;
        &doc.text[s.tokens[first].start as usize..s.tokens[last].end as usize]
    };
    let lowered: Vec<String> = s
        .tokens
        .iter()
        .map(|t| doc.text[t.start as usize..t.end as usize].to_lowercase())
        .collect();
    let lower: Vec<&str> = lowered.iter().map(String::as_str).collect();
    for e in &a.events {
        let Some(info) = lex.dict.cameo.get(e.cameo.as_str()) else {
            continue;
        };
        // The date: an expression in the event's clause, else elsewhere in the sentence, else
        // the publication date.
        let clause = &a.clauses[e.clause];
        let usable: Vec<&redline_time::TimeExpr> = s
            .time
            .expressions
            .iter()
            .filter(|x| !is_range_bound(&lower, x))
            .collect();
        let expr = usable
            .iter()
            .find(|x| x.start >= clause.start && x.end <= clause.end)
            .or_else(|| usable.first())
            .copied();
        let (date, date_rule): (Option<PartialDate>, String) = match expr {
            Some(x) => (
                Some(x.date),
                format!("`{}`: {}", lower[x.start..x.end].join(" "), x.rule),
            ),
            None => (
                published.map(PartialDate::day),
                if published.is_some() {
                    "publication date".into()
                } else {
                    "no date in the text and no publication date".into()
                },
            ),
        };
        let attribution = e.frame.map(|fi| {
            let f = &a.frames[fi];
            let speaker = f.speaker.map(|i| participant(lex, doc, s, &a.mentions[i]));
            let channel = f.channel.map(|i| participant(lex, doc, s, &a.mentions[i]));
            Attribution {
                speaker: speaker.as_ref().map(|p| p.text.clone()),
                speaker_code: speaker.map(|p| p.code),
                channel: channel.as_ref().map(|p| p.text.clone()),
                channel_code: channel.map(|p| p.code),
            }
        });
        let trig_start = s.tokens[e.trigger.0].start;
        let trig_end = s.tokens[e.trigger.1.max(e.trigger.0 + 1) - 1].end;
        out.push(EventRecord {
            doc_id: doc_id.to_string(),
            sentence_index: s.index,
            sentence: evidence_text(e).to_string(),
            date: date.map(|d| d.first_day().format("%Y-%m-%d").to_string()),
            date_precision: date
                .map_or(DatePrecision::Unknown, |d| d.precision())
                .to_string(),
            published: published.map(|d| d.format("%Y-%m-%d").to_string()),
            source: participant(lex, doc, s, &a.mentions[e.source]),
            target: e.target.map(|t| participant(lex, doc, s, &a.mentions[t])),
            cameo: e.cameo.to_string(),
            root: e.cameo.root().to_string(),
            quad_class: info.quad_class,
            goldstein: info.goldstein,
            plover: Plover {
                event: info.plover_event.clone(),
                mode: info.plover_mode.clone(),
            },
            polarity: e.polarity,
            modality: e.modality,
            attribution,
            rule: e.rule.clone(),
            signals: e.signals.clone(),
            evidence: Evidence {
                pattern: e.pattern.clone(),
                trigger: [trig_start, trig_end],
                reasons: e.reasons.clone(),
                date_rule,
            },
        });
    }
}
