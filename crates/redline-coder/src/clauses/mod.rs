//! Clauses without a parser: boundaries from punctuation, subordinators and coordinated
//! subjects; reported speech frames (speaker, channel, scope); and the polarity and modality of
//! an event from the words around its trigger.

use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::mentions::{Mention, Tokens, pronoun_kind};
use crate::words::{
    AUX, CLAUSE_PUNCT, CONDITIONAL, FUTURE, GOVERNORS, Governor, HYPOTHETICAL, NEGATION, SPEECH,
    SPEECH_PAST, SUBORDINATORS,
};

/// A clause: a token range of the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The word or mark that opened it (`"which"`, `";"`, `"and"`), if any.
    pub opener: Option<String>,
}

/// A word that looks like a finite verb without the lexicon: an auxiliary, a modal or a
/// past-tense form.
fn is_verbish_word(lower: &str) -> bool {
    AUX.contains(&lower) || lower.ends_with("ed") && lower.len() > 4
}

fn is_verbish(lex: &Lexicon, lower: &str) -> bool {
    AUX.contains(&lower) || lex.verb_forms.contains_key(lower) || SPEECH.contains(&lower)
}

/// Splits a sentence into clauses.
pub fn split(lex: &Lexicon, t: Tokens<'_>, mentions: &[Mention]) -> Vec<Clause> {
    let n = t.len();
    let mut cuts: Vec<(usize, String)> = Vec::new();
    let starts_mention = |i: usize| mentions.iter().any(|m| m.start == i && !m.adjective);
    for i in 1..n {
        let w = t.lower[i];
        let cut = if CLAUSE_PUNCT.contains(&w) {
            true
        } else if SUBORDINATORS.contains(&w) {
            // "such as", "as well as" are not subordinators; "so" only after a comma.
            !(w == "so" && t.lower[i - 1] != ",")
        } else if w == "that" {
            // A complementiser after a verb ("said that", "announced that") or a comma; a
            // relative "that" after a noun is a clause too, but a determiner ("that decision")
            // is not: it is followed by a noun, so require a mention, pronoun or article next.
            i + 1 < n
                && (starts_mention(i + 1)
                    || pronoun_kind(t.lower[i + 1]).is_some()
                    || matches!(t.lower[i + 1], "the" | "a" | "an")
                    || is_verbish(lex, t.lower[i + 1]))
        } else if matches!(w, "and" | "or" | "but") {
            // A new clause when a new subject follows with its verb ("and Russia struck"), not
            // for coordinated names ("Britain, Poland and the United States said") or
            // coordinated verbs ("invaded Ukraine and annexed Crimea").
            let next = (i + 1..n.min(i + 6)).find(|&j| t.lower[j] != "the");
            match next {
                Some(j) if starts_mention(j) || pronoun_kind(t.lower[j]).is_some() => {
                    let after = mentions
                        .iter()
                        .find(|m| m.start == j)
                        .map_or(j + 1, |m| m.end);
                    (after..n.min(after + 3)).any(|k| is_verbish(lex, t.lower[k]))
                        && !lex.names.starts_with(t.lower[after.min(n - 1)])
                }
                _ => false,
            }
        } else {
            false
        };
        if cut {
            cuts.push((i, w.to_string()));
        }
    }
    let mut clauses = Vec::new();
    let mut start = 0;
    let mut opener = None;
    for (i, w) in cuts {
        if i > start {
            clauses.push(Clause {
                start,
                end: i,
                opener: opener.take(),
            });
        }
        start = i;
        opener = Some(w);
    }
    if start < n {
        clauses.push(Clause {
            start,
            end: n,
            opener,
        });
    }
    clauses
}

/// The clause holding token `i`.
pub fn clause_at(clauses: &[Clause], i: usize) -> Option<&Clause> {
    clauses.iter().find(|c| c.start <= i && i < c.end)
}

/// A speech or report frame: who said it, through which channel, and which tokens it covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speech {
    /// The speech verb (or `according`).
    pub verb: usize,
    /// The speaker mention's index.
    pub speaker: Option<usize>,
    /// The channel mention's index (a news organisation reporting, or the speaker when the
    /// speaker is cited through it).
    pub channel: Option<usize>,
    /// Tokens covered: what was said.
    pub scope: (usize, usize),
    /// True when the verb is in the past, so a `would` in its scope is a future of the past.
    pub past: bool,
}

/// Finds speech frames: "X said (that) ...", "..., X said", "according to X", "X reported,
/// citing Y, ...".
pub fn speech_frames(t: Tokens<'_>, mentions: &[Mention]) -> Vec<Speech> {
    let n = t.len();
    let mut frames: Vec<Speech> = Vec::new();
    let mention_ending_at = |end: usize| mentions.iter().position(|m| m.end == end && !m.adjective);
    // "citing two senior US officials": a few determiners, numbers and modifiers may come first.
    let mention_starting_at = |start: usize| {
        let mut at = start;
        while at < n
            && at < start + 3
            && matches!(
                t.lower[at],
                "the"
                    | "a"
                    | "an"
                    | "two"
                    | "three"
                    | "four"
                    | "several"
                    | "senior"
                    | "unnamed"
                    | "anonymous"
                    | "western"
                    | "current"
                    | "former"
                    | "top"
            )
        {
            at += 1;
        }
        mentions
            .iter()
            .position(|m| (m.start == start || m.start == at) && !m.adjective)
    };

    for v in 0..n {
        let w = t.lower[v];
        if w == "according" && v + 1 < n && t.lower[v + 1] == "to" {
            let speaker = mention_starting_at(v + 2);
            let (from, to) = if v < 2 {
                let after = speaker.map_or(v + 2, |s| mentions[s].end);
                (after, n)
            } else {
                (0, v)
            };
            // "according to Reuters": the agency is both who says it and the channel.
            let channel =
                speaker.filter(|&i| mentions[i].actor_type == redline_dict::ActorType::Media);
            frames.push(Speech {
                verb: v,
                speaker,
                channel,
                scope: (from, to),
                past: true,
            });
            continue;
        }
        if !SPEECH.contains(&w) {
            continue;
        }
        // Subject: a mention ending right before the verb (allowing an auxiliary or adverb),
        // or after it in inversion ("said Peskov").
        let mut speaker = None;
        for back in 1..=3 {
            if v < back {
                break;
            }
            if let Some(m) = mention_ending_at(v + 1 - back) {
                speaker = Some(m);
                break;
            }
            if !AUX.contains(&t.lower[v - back])
                && !t.lower[v - back].ends_with("ly")
                && t.lower[v - back] != "also"
            {
                break;
            }
        }
        let telling = w.starts_with("tel") || w == "told";
        if speaker.is_none() && !telling {
            // Inversion: "..., said Peskov".
            speaker = mention_starting_at(v + 1);
        }
        if speaker.is_none() && telling {
            // "Sources told CNN that ...": the outlet told is the channel; the speaker is unnamed.
            if let Some(c) = mention_starting_at(v + 1)
                .filter(|&i| mentions[i].actor_type == redline_dict::ActorType::Media)
            {
                let after = mentions[c].end;
                frames.push(Speech {
                    verb: v,
                    speaker: None,
                    channel: Some(c),
                    scope: (after, n),
                    past: SPEECH_PAST.contains(&w),
                });
            }
            continue;
        }
        let Some(speaker_idx) = speaker else { continue };
        let sm = &mentions[speaker_idx];
        // The channel: "X reported, citing Y" makes X the channel and Y the speaker.
        let mut speaker = Some(speaker_idx);
        let mut channel = None;
        let citing = (v + 1..n.min(v + 4)).find(|&j| t.lower[j] == "citing");
        if let Some(c) = citing
            && let Some(cited) = mention_starting_at(c + 1)
        {
            channel = Some(speaker_idx);
            speaker = Some(cited);
        } else if sm.actor_type == redline_dict::ActorType::Media {
            channel = Some(speaker_idx);
        }
        let verb_end = if sm.start > v { sm.end } else { v + 1 };
        let after = {
            let mut j = verb_end;
            if let Some(c) = citing {
                j = mention_starting_at(c + 1).map_or(c + 1, |m| mentions[m].end);
            }
            while j < n && matches!(t.lower[j], "," | "that" | ":" | "on" | "\"" | "“" | "”") {
                j += 1;
            }
            j
        };
        // A clause after the verb ("said on Monday that Russia would ...") is what was said;
        // otherwise ("..., the Kremlin said in a statement.") the frame covers what came before.
        let clause_after = (after..n).any(|j| {
            is_verbish_word(t.lower[j])
                || mentions.iter().any(|m| m.start == j && !m.adjective) && j + 1 < n
        }) && (after..n).any(|j| is_verbish_word(t.lower[j]) || j > after + 2);
        let subject_start = sm.start.min(v);
        let scope = if clause_after || subject_start == 0 {
            (after, n)
        } else {
            (0, subject_start)
        };
        frames.push(Speech {
            verb: v,
            speaker,
            channel,
            scope,
            past: SPEECH_PAST.contains(&w),
        });
    }
    frames
}

/// Verbs whose `that`-clause is demanded, not reported ("insisted that Russia withdraw").
const MANDATIVE: &[&str] = &[
    "demand",
    "insist",
    "urg",
    "ask",
    "propos",
    "recommend",
    "request",
    "suggest",
    "requir",
];

/// Verbs whose `of`-gerund is an allegation ("accused Russia of shelling").
const ALLEGING: &[&str] = &["accus", "blam", "suspect", "charg", "alleg"];

/// Adjectives that make a nominal event something that has not happened.
const NOMINAL_HEDGES: &[&str] = &[
    "imminent",
    "possible",
    "potential",
    "planned",
    "future",
    "threatened",
    "feared",
    "hypothetical",
    "would-be",
    "prospective",
    "proposed",
    "expected",
    "looming",
    "likely",
];

pub use redline_model::{Modality, Polarity};

/// Polarity and modality of one trigger, with the words that decided them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Asserted or negated.
    pub polarity: Polarity,
    /// Actual, future, hypothetical or conditional.
    pub modality: Modality,
    /// True when the event is announced as intended (agree/pledge to, or a future under a
    /// statement): cooperative codes become CAMEO 03x intents.
    pub intent: bool,
    /// Why, in words ("`not` before the verb", "governed by `threatened to`").
    pub reasons: Vec<String>,
}

/// Decides polarity and modality of the trigger at `head`, in `clause`, whose subject ends at
/// `subject_end` (if found). `frame` is the speech frame covering the head, if any.
pub fn assess(
    lex: &Lexicon,
    t: Tokens<'_>,
    clause: &Clause,
    subject_end: Option<usize>,
    head: usize,
    noun: bool,
    frame: Option<&Speech>,
) -> Assessment {
    let mut a = Assessment {
        polarity: Polarity::Asserted,
        modality: Modality::Actual,
        intent: false,
        reasons: Vec::new(),
    };
    let zone_start = subject_end
        .unwrap_or(clause.start)
        .max(clause.start)
        .min(head);
    // Auxiliaries, negation and modals sit between the subject and the verb.
    for j in zone_start..head {
        let w = t.lower[j];
        if NEGATION.contains(&w) {
            a.polarity = Polarity::Negated;
            a.reasons
                .push(format!("`{}` before the trigger", t.text[j]));
        } else if FUTURE.contains(&w) || (w == "going" && j + 1 < head && t.lower[j + 1] == "to") {
            a.modality = Modality::Future;
            a.reasons.push(format!("`{}`: future", t.text[j]));
        } else if w == "would" || w == "'d" {
            if frame.is_some_and(|f| f.past) {
                a.modality = Modality::Future;
                a.reasons
                    .push("`would` under a past speech verb: future of the past".into());
            } else {
                a.modality = Modality::Hypothetical;
                a.reasons.push("`would`: hypothetical".into());
            }
        } else if HYPOTHETICAL.contains(&w) {
            a.modality = Modality::Hypothetical;
            a.reasons.push(format!("`{}`: modal", t.text[j]));
        } else if w == "without" {
            a.polarity = Polarity::Negated;
            a.reasons.push("`without` before the trigger".into());
        }
    }
    let mut expected_only = false;
    if noun {
        for j in head.saturating_sub(3).max(clause.start)..head {
            if NOMINAL_HEDGES.contains(&t.lower[j]) {
                a.modality = Modality::Hypothetical;
                a.reasons
                    .push(format!("`{}` before the nominal trigger", t.text[j]));
            }
        }
    }
    // The `to` of an infinitive: right before a verb head, or (for a nominal event) before the
    // verb whose object it is ("to deter a NATO invasion").
    let to_at = if !noun && head > clause.start && t.lower[head - 1] == "to" {
        Some(head - 1)
    } else if noun {
        (clause.start..head.saturating_sub(1))
            .rev()
            .find(|&j| t.lower[j] == "to" && lex.verb_forms.contains_key(t.lower[j + 1]))
    } else {
        None
    };
    if let Some(to_at) = to_at {
        let head = to_at + 1;
        let gov = (clause.start.max(head.saturating_sub(6))..head - 1)
            .rev()
            .find_map(|j| {
                GOVERNORS
                    .iter()
                    .find(|(p, _)| t.lower[j].starts_with(p))
                    .map(|(p, g)| (j, *p, *g))
            });
        let (word, kind) = match gov {
            Some((j, _, g)) => (t.text[j].to_string(), g),
            None => ("(unknown verb)".to_string(), Governor::Hypothetical),
        };
        a.reasons
            .push(format!("infinitive governed by `{word}`: {kind:?}"));
        match kind {
            Governor::Intent => a.intent = true,
            Governor::Future => a.modality = Modality::Future,
            // "is expected to", "is set to": someone else's expectation, not the actor's
            // stated intent.
            Governor::Expected => {
                a.modality = Modality::Future;
                a.intent = false;
                expected_only = true;
            }
            Governor::Hypothetical => a.modality = Modality::Hypothetical,
            Governor::Negated => a.polarity = Polarity::Negated,
            Governor::Actual => {}
        }
        // "did not agree to send": the governor's own negation carries over.
        let gov_at = gov.map_or(head - 1, |(j, _, _)| j);
        for j in zone_start..gov_at {
            if NEGATION.contains(&t.lower[j]) {
                a.polarity = Polarity::Negated;
                a.reasons
                    .push(format!("`{}` before the governing verb", t.text[j]));
            }
        }
    }
    // "demanded that Russia withdraw": what is demanded has not happened.
    if clause.opener.as_deref() == Some("that")
        && clause.start > 0
        && MANDATIVE
            .iter()
            .any(|m| t.lower[clause.start - 1].starts_with(m))
    {
        a.modality = Modality::Hypothetical;
        a.reasons
            .push(format!("demanded with `{} that`", t.text[clause.start - 1]));
    }
    // "accused Russia of shelling": an allegation, not an established fact.
    if head >= 2
        && t.lower[head - 1] == "of"
        && t.lower[head].ends_with("ing")
        && (clause.start.max(head.saturating_sub(8))..head - 1)
            .any(|j| ALLEGING.iter().any(|p| t.lower[j].starts_with(p)))
    {
        a.modality = Modality::Hypothetical;
        a.reasons.push("alleged (`accused ... of`)".into());
    }
    // "denied sending", "denied that it sent": the denied event did not happen by the speaker's
    // account.
    if (clause.start.saturating_sub(2)..head)
        .any(|j| matches!(t.lower[j], "deny" | "denies" | "denied" | "denying"))
    {
        a.polarity = Polarity::Negated;
        a.reasons.push("denied".into());
    }
    // An announced future act is a statement of intent (CAMEO 03x, PLOVER AGREE): "Sweden will
    // deliver Gripen jets" and "announced it would send tanks" alike. The caller converts only
    // cooperative codes; others stay future.
    if a.modality == Modality::Future && !a.intent && !expected_only {
        a.intent = true;
        a.reasons.push(if frame.is_some() {
            "future under a statement: intent".into()
        } else {
            "future: intent".into()
        });
    }
    a
}

/// Conditions that colour the whole sentence: a condition (`if`, `unless`), a question, or a
/// scenario ("such as when").
pub fn sentence_modality(t: Tokens<'_>) -> Option<(Modality, String)> {
    if t.lower.last().is_some_and(|w| *w == "?") {
        return Some((Modality::Hypothetical, "question".into()));
    }
    for (i, w) in t.lower.iter().enumerate() {
        if CONDITIONAL.contains(w) {
            return Some((Modality::Conditional, format!("`{}`: condition", t.text[i])));
        }
        if *w == "when" && i > 1 && t.lower[i - 1] == "as" && t.lower[i - 2] == "such" {
            return Some((Modality::Hypothetical, "`such as when`: scenario".into()));
        }
        if *w == "event" && i > 1 && t.lower[i - 1] == "the" && t.lower[i - 2] == "in" {
            return Some((Modality::Conditional, "`in the event`: condition".into()));
        }
        if *w == "case"
            && i > 0
            && t.lower[i - 1] == "in"
            && t.lower.get(i + 1).is_some_and(|n| *n != "of")
        {
            return Some((Modality::Conditional, "`in case`: condition".into()));
        }
    }
    None
}
