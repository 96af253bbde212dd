//! The JSON Lines record of one event, as specified in DESIGN.md's `redline code` contract.

use chrono::NaiveDate;
pub use redline_model::{Attribution, EventRecord, Evidence, Participant, Plover};
use redline_model::{DatePrecision, Document, PartialDate};

use crate::CodedSentence;
use crate::lexicon::Lexicon;
use crate::mentions::Mention;

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

pub(crate) fn participant(
    lex: &Lexicon,
    doc: &Document,
    s: &CodedSentence,
    m: &Mention,
) -> Participant {
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
