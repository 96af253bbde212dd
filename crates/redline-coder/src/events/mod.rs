//! Events: pattern matches at trigger words, their source and target by position, voice and
//! prepositions, compound actors, and the polarity, modality, attribution and date of each.

mod intent;
mod matcher;

use redline_dict::{ActorType, VerbForm};
use redline_model::CameoCode;
use serde::Serialize;

use crate::clauses::{self, Assessment, Clause, Modality, Polarity, Speech};
use crate::lexicon::Lexicon;
use crate::mentions::{Antecedents, Mention, MentionKind, Tokens, pronoun_kind};
use crate::words::{AUX, BE, PronounKind};

pub use intent::{intent_code, threat_code};
pub use matcher::{PatternMatch, match_at};

/// A candidate trigger the coder looked at, kept or not, for `explain`.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// The head token.
    pub head: usize,
    /// The verb entry id.
    pub entry: String,
    /// The pattern text.
    pub pattern: String,
    /// The CAMEO code.
    pub cameo: String,
    /// `None` when it produced events; otherwise why not.
    pub rejected: Option<String>,
}

/// An event found in one sentence, before document-level fields are added.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceEvent {
    /// Index of the source mention (resolved pronouns are appended to the mention list).
    pub source: usize,
    /// Index of the target mention.
    pub target: Option<usize>,
    /// The code after intent conversion.
    pub cameo: CameoCode,
    /// The verb entry id and pattern number.
    pub rule: String,
    /// The pattern text.
    pub pattern: String,
    /// The trigger head token and the end of the match.
    pub trigger: (usize, usize),
    /// Asserted or negated.
    pub polarity: Polarity,
    /// Actual, future, hypothetical or conditional.
    pub modality: Modality,
    /// Why the polarity and modality are what they are.
    pub reasons: Vec<String>,
    /// The speech frame (index) the event was reported in.
    pub frame: Option<usize>,
    /// Escalation signals of the verb entry.
    pub signals: Vec<String>,
    /// The clause (index).
    pub clause: usize,
}

/// Everything found in one sentence.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SentenceAnalysis {
    /// Mentions, including resolved pronouns.
    pub mentions: Vec<Mention>,
    /// Clauses.
    pub clauses: Vec<Clause>,
    /// Speech frames.
    pub frames: Vec<Speech>,
    /// Events.
    pub events: Vec<SentenceEvent>,
    /// Every candidate trigger with its fate.
    pub candidates: Vec<Candidate>,
}

/// Prepositions that put a mention out of subject position ("talks in Moscow").
const NOT_SUBJECT_AFTER: &[&str] = &[
    "in", "at", "near", "inside", "across", "within", "from", "into", "against", "on", "over",
    "to", "toward", "towards", "with", "between", "by", "about", "for", "of",
];

/// Words before a head that make it a noun rather than a verb ("the strikes", "new sanctions").
const NOUN_CUES: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "these",
    "those",
    "this",
    "new",
    "more",
    "further",
    "fresh",
    "massive",
    "latest",
    "first",
    "recent",
    "'s",
    "’s",
    "any",
    "no",
    "of",
    "further",
    "major",
    "large-scale",
    "possible",
    "such",
    "repeated",
    "continued",
    "for",
    "with",
    "in",
    "on",
    "from",
    "against",
    "after",
    "before",
    "about",
    "over",
    "amid",
    "despite",
    "without",
    "by",
    "two",
    "three",
    "several",
    "many",
    "some",
    "all",
    "daily",
];

struct Best<'l> {
    pattern: &'l crate::lexicon::CompiledPattern,
    m: PatternMatch,
    participle: bool,
}

/// Codes one sentence. `mentions` come from [`crate::mentions::find`]; pronouns found in subject
/// position are resolved with `antecedents` and appended.
pub fn analyse(
    lex: &Lexicon,
    t: Tokens<'_>,
    mut mentions: Vec<Mention>,
    antecedents: &Antecedents,
) -> SentenceAnalysis {
    let clauses = clauses::split(lex, t, &mentions);
    let frames = clauses::speech_frames(t, &mentions);
    let sentence_mod = clauses::sentence_modality(t);
    let mut candidates = Vec::new();
    let mut events: Vec<SentenceEvent> = Vec::new();
    // The subject of the last trigger, for coordinated verbs ("invaded Ukraine and annexed").
    let mut last_subject: Option<(usize, Vec<usize>)> = None;
    let mut consumed: Vec<(usize, usize, u8)> = Vec::new();

    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    for h in 0..t.len() {
        let Some(refs) = lex.heads.get(t.lower[h]) else {
            continue;
        };

        let Some(ci) = clauses.iter().position(|c| c.start <= h && h < c.end) else {
            continue;
        };
        let clause = &clauses[ci];
        // Inside a mention ("the Defense Ministry") a word is a name, not a trigger.
        if mentions.iter().any(|m| m.start <= h && h < m.end) {
            continue;
        }
        let mut best_verb: Option<Best<'_>> = None;
        let mut best_noun: Option<Best<'_>> = None;
        for r in refs {
            let p = &lex.patterns[r.pattern as usize];
            let m = match match_at(lex, t, p, h, clause.end, &spans) {
                Some(m) => m,
                // "Four diplomats were expelled by Poland": in the passive the pattern's object
                // ("expel * {diplo_staff}") stands before the verb.
                None if r.form == Some(VerbForm::Participle) && be_before(t, clause, h) => {
                    match passive_match(lex, t, p, h, clause, &spans) {
                        Some(m) => m,
                        None => continue,
                    }
                }
                None => continue,
            };
            let slot = if p.noun {
                &mut best_noun
            } else {
                &mut best_verb
            };
            let better = match slot {
                None => true,
                Some(b) => {
                    let code_len = |x: &crate::lexicon::CompiledPattern| {
                        lex.dict.verbs[x.verb as usize].cameo.as_str().len()
                    };
                    (
                        p.specificity,
                        m.matched,
                        code_len(p),
                        std::cmp::Reverse(m.skipped),
                    ) > (
                        b.pattern.specificity,
                        b.m.matched,
                        code_len(b.pattern),
                        std::cmp::Reverse(b.m.skipped),
                    )
                }
            };
            let participle = r.form == Some(VerbForm::Participle)
                || slot
                    .as_ref()
                    .is_some_and(|b| b.participle && std::ptr::eq(b.pattern, p));
            if better {
                *slot = Some(Best {
                    pattern: p,
                    m,
                    participle,
                });
            } else if let Some(b) = slot
                && std::ptr::eq(b.pattern, p)
                && participle
            {
                b.participle = true;
            }
        }
        // "the suicide bombing", "a three-day state visit", "the G20 meeting": an article
        // shortly before, with no verb between, makes the word a noun. A finite verb right after
        // a name stays a verb ("the US attacked").
        let determiner_before = (h.saturating_sub(3)..h).any(|j| {
            matches!(
                t.lower[j],
                "the" | "a" | "an" | "its" | "their" | "this" | "that" | "his" | "her"
            )
                // "An airstrike destroyed": a past form after a noun is the verb.
                && !(j + 1 < h
                    && matches!(t.lower[j], "the" | "a" | "an")
                    && t.lower[h].ends_with("ed"))
                && (j + 1..h).all(|k| {
                    !lex.verb_forms.contains_key(t.lower[k])
                        && !AUX.contains(&t.lower[k])
                        // "the country, accusing them": a comma ends the noun phrase.
                        && t.lower[k] != ","
                })
                && (t.lower[h].ends_with("ing")
                    || !mentions
                        .iter()
                        .any(|m| m.start >= j && m.end <= h && m.end > j + 1))
        });
        let noun_cue = h > 0
            && (NOUN_CUES.contains(&t.lower[h - 1])
                || determiner_before
                || t.text[h - 1].chars().all(|c| c.is_ascii_digit())
                || mentions.iter().any(|m| m.end == h && m.adjective));
        let chosen = match (best_verb, best_noun) {
            (Some(v), Some(n)) => {
                if n.pattern.specificity > v.pattern.specificity || noun_cue {
                    n
                } else {
                    v
                }
            }
            (Some(v), None) => {
                // A verb form right after an article or adjective is a noun use we have no
                // pattern for ("the attack" with only verb patterns for "attack").
                if noun_cue && !matches!(t.lower[h - 1], "'s" | "’s") && t.lower[h - 1] != "of" {
                    let entry = &lex.dict.verbs[v.pattern.verb as usize];
                    candidates.push(Candidate {
                        head: h,
                        entry: entry.id.clone(),
                        pattern: entry.patterns[v.pattern.index_in_entry as usize]
                            .text
                            .clone(),
                        cameo: entry.cameo.to_string(),
                        rejected: Some(format!("`{}` is used as a noun here", t.text[h])),
                    });
                    continue;
                }
                v
            }
            (None, Some(n)) => n,
            (None, None) => continue,
        };
        let p = chosen.pattern;
        let entry = &lex.dict.verbs[p.verb as usize];
        // A trigger inside an earlier match belongs to it: "launched airstrikes on" is one
        // event, and "urged Iran to lift sanctions" is the appeal, whose content is not a
        // separate event.
        if consumed.iter().any(|&(s, e, _)| s < h && h < e) {
            continue;
        }
        let pattern_text = entry.patterns[p.index_in_entry as usize].text.clone();
        let reject = |candidates: &mut Vec<Candidate>, why: String| {
            candidates.push(Candidate {
                head: h,
                entry: entry.id.clone(),
                pattern: pattern_text.clone(),
                cameo: entry.cameo.to_string(),
                rejected: Some(why),
            })
        };

        // Voice.
        let passive = !p.noun && chosen.participle && be_before(t, clause, h);

        let frame = frames
            .iter()
            .enumerate()
            .filter(|(_, f)| f.scope.0 <= h && h < f.scope.1 && f.verb != h)
            .min_by_key(|(_, f)| f.scope.1 - f.scope.0)
            .map(|(i, _)| i);
        // What was said ends where the frame ends: the speaker is not a target.
        let limit = frame.map_or(clause.end, |f| clause.end.min(frames[f].scope.1));
        let speakers: Vec<usize> = frames
            .iter()
            .flat_map(|f| [f.speaker, f.channel])
            .flatten()
            .collect();

        // Source and target.
        let subject = find_subject(
            lex,
            t,
            clause,
            h,
            &mut mentions,
            antecedents,
            &frames,
            &last_subject,
            ci,
            p.noun,
        );
        let (sources, targets) = if passive {
            let by = (chosen.m.end.min(clause.end)..clause.end)
                .find(|&j| t.lower[j] == "by")
                .or_else(|| (h + 1..clause.end).find(|&j| t.lower[j] == "by"));
            let src = by
                .and_then(|b| mention_at_or_after(&mentions, b + 1, (b + 3).min(clause.end)))
                .map(|i| coordinated_forward(t, &mentions, i))
                .unwrap_or_default();
            // In the passive the subject is the object: `strike $` in "Kyiv was struck by
            // Russia" targets Kyiv. A slot after a preposition ("sent to $") still names it.
            let tgt = match chosen.m.target_at {
                Some(at) if at > h + 1 => {
                    let found = target_after(lex, t, &mentions, at, chosen.m.end, limit, &src);
                    if found.is_empty() {
                        subject.mentions.clone()
                    } else {
                        found
                    }
                }
                _ => subject.mentions.clone(),
            };
            (src, tgt)
        } else {
            let src = if p.noun {
                noun_source(lex, t, clause, h, &chosen.m, &mentions, &subject)
            } else {
                subject.mentions.clone()
            };
            let mut excl = src.clone();
            excl.extend(&speakers);
            let tgt = target_after(
                lex,
                t,
                &mentions,
                chosen.m.target_at.unwrap_or(h + 1),
                chosen.m.end,
                limit,
                &excl,
            );
            (src, tgt)
        };
        if !p.noun {
            last_subject = Some((ci, subject.mentions.clone()));
        }
        if sources.is_empty() {
            reject(
                &mut candidates,
                if passive {
                    "passive with no `by` actor".into()
                } else {
                    "no source actor".into()
                },
            );
            continue;
        }

        let mut a: Assessment = clauses::assess(
            lex,
            t,
            clause,
            subject.end,
            h,
            p.noun,
            frame.map(|i| &frames[i]),
        );
        if let Some((m, why)) = &sentence_mod
            && a.modality != Modality::Hypothetical
        {
            a.modality = *m;
            a.reasons.push(why.clone());
        }
        let mut cameo = entry.cameo.clone();
        let mut rule = format!("{}#{}", entry.id, p.index_in_entry + 1);
        if a.intent {
            match intent_code(cameo.as_str()).and_then(|c| lex.dict.cameo.get(c)) {
                Some(info)
                    if a.modality != Modality::Conditional
                        && a.modality != Modality::Hypothetical =>
                {
                    cameo = info.code.clone();
                    a.modality = Modality::Actual;
                    rule.push_str(" +intent");
                }
                _ => {
                    if a.modality == Modality::Actual {
                        a.modality = Modality::Future;
                        a.reasons.push("announced, not yet done".into());
                    }
                }
            }
        }
        // "Russia warned it would strike": a conflictual act announced by its own actor is a
        // threat (CAMEO 13x), which happened, not a future attack.
        if matches!(a.modality, Modality::Future | Modality::Conditional)
            && a.polarity == Polarity::Asserted
            && cameo.root_number() >= 15
            // "suspected of planning to destroy" is a plot, not a threat the speaker made.
            && (h == 0 || t.lower[h - 1] != "to")
            && let Some(f) = frame.map(|i| &frames[i])
            && let Some(sp) = f.speaker
            && sources.iter().any(|&s| {
                mentions[s].code == mentions[sp].code
                    || mentions[s].code.country().is_some()
                        && mentions[s].code.country() == mentions[sp].code.country()
            })
            && let Some(info) = threat_code(cameo.as_str()).and_then(|c| lex.dict.cameo.get(c))
        {
            a.reasons
                .push(format!("announced by its own side: threat {}", info.code));
            cameo = info.code.clone();
            a.modality = Modality::Actual;
            rule.push_str(" +threat");
        }
        consumed.push((h, chosen.m.end, entry.cameo.root_number()));
        candidates.push(Candidate {
            head: h,
            entry: entry.id.clone(),
            pattern: pattern_text.clone(),
            cameo: entry.cameo.to_string(),
            rejected: None,
        });
        // "Moldova and Russia signed an agreement": with two coordinated sources and no
        // target, each acted towards the other.
        // Only joint acts are reciprocal (agree, meet, sign, cooperate: roots 03-06; exchanges
        // and truces); "France and Germany condemned the coup" is two condemnations.
        let mutual_words = [
            "exchang",
            "swap",
            "truce",
            "ceasefire",
            "cease-fire",
            "armistice",
            "agree",
            "peace",
        ];
        let reciprocal = targets.is_empty()
            && sources.len() == 2
            && ((3..=6).contains(&cameo.root_number())
                || mutual_words
                    .iter()
                    .any(|w| pattern_text.contains(w) || t.lower[h].starts_with(w)));
        for &s in &sources {
            let targets: Vec<Option<usize>> = if reciprocal {
                sources
                    .iter()
                    .filter(|&&o| o != s)
                    .map(|&o| Some(o))
                    .collect()
            } else if targets.is_empty() {
                vec![None]
            } else {
                targets.iter().map(|&x| Some(x)).collect()
            };
            // A target that is the source itself (a place in its own country) leaves the event
            // without a target rather than dropping it.
            let targets: Vec<Option<usize>> = {
                let kept: Vec<Option<usize>> = targets
                    .iter()
                    .copied()
                    .filter(|tg| {
                        tg.is_none_or(|tg| tg != s && mentions[tg].code != mentions[s].code)
                    })
                    .collect();
                if kept.is_empty() { vec![None] } else { kept }
            };
            for tg in targets {
                events.push(SentenceEvent {
                    source: s,
                    target: tg,
                    cameo: cameo.clone(),
                    rule: rule.clone(),
                    pattern: pattern_text.clone(),
                    trigger: (h, chosen.m.end),
                    polarity: a.polarity,
                    modality: a.modality,
                    reasons: a.reasons.clone(),
                    frame,
                    signals: entry.signals.clone(),
                    clause: ci,
                });
            }
        }
    }
    SentenceAnalysis {
        mentions,
        clauses,
        frames,
        events,
        candidates,
    }
}

/// Matches a verb pattern in the passive: its first word or class must end just before the
/// be-form (within the subject), and the rest follows the participle.
fn passive_match(
    lex: &Lexicon,
    t: Tokens<'_>,
    p: &crate::lexicon::CompiledPattern,
    h: usize,
    clause: &Clause,
    spans: &[(usize, usize)],
) -> Option<PatternMatch> {
    use crate::lexicon::CElement;
    let mut elements = p.elements.as_slice();
    if let Some(CElement::Gap) = elements.first() {
        elements = &elements[1..];
    }
    let (first, rest) = elements.split_first()?;
    // Where the be-form starts: the object phrase must end right before it (or one word
    // earlier, for "were all expelled").
    let be = (clause.start..h)
        .rev()
        .find(|&j| BE.contains(&t.lower[j]))?;
    let ends_ok = |end: usize| end == be || end + 1 == be;
    let found = (clause.start.max(be.saturating_sub(8))..be).any(|start| match first {
        CElement::Word(alts) => ends_ok(start + 1) && alts.iter().any(|a| **a == *t.lower[start]),
        CElement::Class(c) => lex.classes.get(*c as usize).is_some_and(|trie| {
            trie.matches_at(&t.lower[..be], &t.text[..be], start)
                .iter()
                .any(|m| ends_ok(m.end))
        }),
        _ => false,
    });
    if !found {
        return None;
    }
    let tail = crate::lexicon::CompiledPattern {
        verb: p.verb,
        index_in_entry: p.index_in_entry,
        noun: false,
        elements: rest.to_vec(),
        specificity: p.specificity,
    };
    let mut m = match_at(lex, t, &tail, h, clause.end, spans)?;
    m.matched += 1;
    Some(m)
}

/// A be-form (or "get") within three tokens before the head, past adverbs and negation.
fn be_before(t: Tokens<'_>, clause: &Clause, h: usize) -> bool {
    for j in (clause.start.max(h.saturating_sub(4))..h).rev() {
        let w = t.lower[j];
        if BE.contains(&w) && w != "'s" {
            // "has been" is fine; "has" alone with a participle is active.
            return true;
        }
        if !(w.ends_with("ly")
            || matches!(
                w,
                "not"
                    | "n't"
                    | "also"
                    | "already"
                    | "reportedly"
                    | "being"
                    | "been"
                    | "recently"
                    | "now"
                    | "never"
                    | "just"
            ))
        {
            return false;
        }
    }
    false
}

/// The subject of a verb at `h`.
struct Subject {
    mentions: Vec<usize>,
    end: Option<usize>,
}

#[allow(clippy::too_many_arguments)]
fn find_subject(
    lex: &Lexicon,
    t: Tokens<'_>,
    clause: &Clause,
    h: usize,
    mentions: &mut Vec<Mention>,
    antecedents: &Antecedents,
    frames: &[Speech],
    last_subject: &Option<(usize, Vec<usize>)>,
    clause_index: usize,
    noun: bool,
) -> Subject {
    // ", killing one soldier": a participle adjunct shares the subject of the verb it hangs on,
    // never that verb's object ("An airstrike destroyed a Moldovan army depot, killing ...").
    if !noun
        && h > clause.start + 1
        && t.lower[h - 1] == ","
        && t.lower[h].ends_with("ing")
        && let Some(v) = (clause.start..h - 1).rev().find(|&k| {
            lex.verb_forms.contains_key(t.lower[k])
                && !AUX.contains(&t.lower[k])
                && !t.lower[k].ends_with("ing")
                // "ordered diplomats to leave, accusing them": not the infinitive.
                && (k == 0 || t.lower[k - 1] != "to")
        })
    {
        return find_subject(
            lex,
            t,
            clause,
            v,
            mentions,
            antecedents,
            frames,
            last_subject,
            clause_index,
            false,
        );
    }
    // A nominal trigger is the object of a verb ("handed a formal protest note"): its subject
    // search crosses that one verb.
    let mut verbs_to_cross = usize::from(noun);
    let mut j = h;
    while j > clause.start {
        j -= 1;
        if let Some(mi) = mentions
            .iter()
            .position(|m| m.end == j + 1 && m.kind != MentionKind::Pronoun)
        {
            let m = &mentions[mi];
            let before = m.start.checked_sub(1).map(|b| t.lower[b]);
            if m.adjective || before.is_some_and(|b| NOT_SUBJECT_AFTER.contains(&b)) {
                j = m.start;
                continue;
            }
            let end = Some(m.end);
            return Subject {
                mentions: coordinated_backward(t, mentions, mi),
                end,
            };
        }
        let w = t.lower[j];
        if let Some(kind) = pronoun_kind(w)
            && matches!(w, "he" | "she" | "it" | "they" | "we")
        {
            let earlier: Vec<Mention> = mentions.iter().filter(|m| m.end <= j).cloned().collect();
            let resolved = if kind == PronounKind::Speaker {
                frames
                    .iter()
                    .find(|f| f.scope.0 <= j && j < f.scope.1)
                    .and_then(|f| f.speaker)
                    .map(|s| mentions[s].clone())
            } else {
                antecedents.resolve(kind, &earlier)
            };
            if kind == PronounKind::Plural
                && let Some(last) = mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.end <= j && !m.adjective && m.kind != MentionKind::Pronoun)
                    .max_by_key(|(_, m)| m.end)
                    .map(|(i, _)| i)
            {
                let group = coordinated_backward(t, mentions, last);
                if group.len() > 1 {
                    return Subject {
                        mentions: group,
                        end: Some(j + 1),
                    };
                }
            }
            if let Some(ante) = resolved {
                let mut rule = vec!["pronoun".to_string()];
                rule.extend(ante.rule.iter().cloned());
                mentions.push(Mention {
                    start: j,
                    end: j + 1,
                    code: ante.code.clone(),
                    kind: MentionKind::Pronoun,
                    actor_type: ante.actor_type,
                    adjective: false,
                    plural: ante.plural,
                    rule,
                    note: Some(format!("`{}` resolved to `{}`", t.text[j], ante.code)),
                });
                return Subject {
                    mentions: vec![mentions.len() - 1],
                    end: Some(j + 1),
                };
            }
            return Subject {
                mentions: vec![],
                end: Some(j + 1),
            };
        }
        // "Norway plans to send": the governing verb of an infinitive shares its subject.
        let governs_infinitive = (j + 1..h).all(|k| {
            t.lower[k] == "to"
                || AUX.contains(&t.lower[k])
                || t.lower[k].ends_with("ly")
                || crate::words::NEGATION.contains(&t.lower[k])
        }) && (j + 1..h).any(|k| t.lower[k] == "to");
        if j < h
            && !AUX.contains(&w)
            && lex.verb_forms.contains_key(w)
            && !matches!(w, "also")
            && !governs_infinitive
        {
            if verbs_to_cross > 0 {
                verbs_to_cross -= 1;
                continue;
            }
            // Another verb between: coordinated verbs share the earlier verb's subject.
            break;
        }
    }
    // A relative clause's subject is the phrase before "which/who/that".
    if matches!(clause.opener.as_deref(), Some("which" | "who" | "that")) {
        let s = clause.start;
        if let Some(mi) = mentions
            .iter()
            .position(|m| !m.adjective && (m.end == s || m.end + 1 == s && t.lower[s - 1] == ","))
        {
            return Subject {
                mentions: vec![mi],
                end: Some(clause.start + 1),
            };
        }
    }
    if let Some((ci, subj)) = last_subject
        && !subj.is_empty()
        && (*ci == clause_index || matches!(clause.opener.as_deref(), Some("and" | "but" | "or")))
    {
        return Subject {
            mentions: subj.clone(),
            end: None,
        };
    }
    Subject {
        mentions: vec![],
        end: None,
    }
}

/// A mention and the ones coordinated before it ("Britain, Poland and the United States"). The
/// link next to the last mention must contain `and` or `or`, so "If NATO troops, Russia" is not a
/// list.
fn coordinated_backward(t: Tokens<'_>, mentions: &[Mention], last: usize) -> Vec<usize> {
    let mut out = vec![last];
    let mut cur = last;
    loop {
        let start = mentions[cur].start;
        let mut j = start;
        let mut saw_sep = false;
        let mut saw_conj = false;
        while j > 0 && matches!(t.lower[j - 1], "," | "and" | "or" | "as" | "well") {
            j -= 1;
            saw_sep = true;
            saw_conj |= matches!(t.lower[j], "and" | "or");
        }
        if !saw_sep || out.len() == 1 && !saw_conj {
            break;
        }
        match mentions
            .iter()
            .position(|m| m.end == j && !m.adjective && m.kind != MentionKind::Pronoun)
        {
            Some(prev) => {
                out.push(prev);
                cur = prev;
            }
            None => break,
        }
    }
    out.reverse();
    out
}

/// A mention and the ones coordinated after it; a list must end with `and` or `or`.
fn coordinated_forward(t: Tokens<'_>, mentions: &[Mention], first: usize) -> Vec<usize> {
    let mut out = vec![first];
    let mut cur = first;
    let mut conj = false;
    loop {
        let mut j = mentions[cur].end;
        let mut saw_sep = false;
        while j < t.len() && matches!(t.lower[j], "," | "and" | "or") {
            conj |= matches!(t.lower[j], "and" | "or");
            j += 1;
            saw_sep = true;
        }
        if !saw_sep {
            break;
        }
        match mentions
            .iter()
            .position(|m| m.start == j && m.kind != MentionKind::Pronoun)
        {
            Some(next) => {
                out.push(next);
                cur = next;
                if conj {
                    break;
                }
            }
            None => break,
        }
    }
    if !conj {
        out.truncate(1);
    }
    out
}

fn mention_at_or_after(mentions: &[Mention], from: usize, limit: usize) -> Option<usize> {
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.start >= from && m.start < limit && m.kind != MentionKind::Pronoun)
        .min_by_key(|(_, m)| m.start)
        .map(|(i, _)| i)
}

/// The first mention at or after `from` in the clause, with its coordinated mentions; never one
/// of `exclude`, never a news organisation (a channel, not a target).
fn target_after(
    lex: &Lexicon,
    t: Tokens<'_>,
    mentions: &[Mention],
    from: usize,
    matched_end: usize,
    limit: usize,
    exclude: &[usize],
) -> Vec<usize> {
    // The object is near: a comma or another verb ends the search ("announced exercises ...,
    // with the intent to deter a NATO invasion" has no target).
    let limit = (from.max(matched_end.saturating_sub(1)) + 1..limit)
        .find(|&j| {
            matches!(t.lower[j], "," | ";" | "—" | "–")
                || lex.verb_forms.contains_key(t.lower[j])
                    && !AUX.contains(&t.lower[j])
                    && !mentions.iter().any(|m| m.start <= j && j < m.end)
        })
        .unwrap_or(limit)
        .min(limit);
    // A place after "in", "at", "near" is where it happened, not whom it was done to ("signed
    // an agreement in Istanbul"), unless the pattern put the target slot right there.
    let locative = |m: &Mention| {
        m.start > from
            && matches!(
                t.lower[m.start - 1],
                "in" | "at"
                    | "near"
                    | "inside"
                    | "within"
                    | "outside"
                    | "across"
                    | "via"
                    | "during"
            )
    };
    let first = mentions
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            m.start >= from
                && m.start < limit
                && !exclude.contains(i)
                && m.actor_type != ActorType::Media
                && m.kind != MentionKind::Pronoun
                && !locative(m)
        })
        .min_by_key(|(_, m)| m.start)
        .map(|(i, _)| i);
    first
        .map(|f| {
            coordinated_forward(t, mentions, f)
                .into_iter()
                .filter(|i| !exclude.contains(i))
                .collect()
        })
        .unwrap_or_default()
}

/// The source of a nominal trigger: the `+` slot, an adjective or possessive actor right before
/// it, a `by` phrase after it, or the subject of a support verb whose object it is.
fn noun_source(
    lex: &Lexicon,
    t: Tokens<'_>,
    clause: &Clause,
    h: usize,
    m: &PatternMatch,
    mentions: &[Mention],
    subject: &Subject,
) -> Vec<usize> {
    if let Some(at) = m.source_at {
        return mention_at_or_after(mentions, at, clause.end)
            .into_iter()
            .collect();
    }
    // "Russian strikes", "Russia's invasion", "Russian missile strikes".
    if let Some(i) = mentions.iter().position(|x| {
        x.end <= h
            && h - x.end <= 2
            && x.start >= clause.start
            && (x.end..h).all(|j| {
                !lex.verb_forms.contains_key(t.lower[j]) || matches!(t.lower[j], "'s" | "’s")
            })
    }) {
        return vec![i];
    }
    if let Some(b) = (h + 1..m.end.max(h + 1).min(clause.end) + 4)
        .take_while(|&j| j < clause.end)
        .find(|&j| t.lower[j] == "by")
        && let Some(i) = mention_at_or_after(mentions, b + 1, (b + 3).min(clause.end))
    {
        return vec![i];
    }
    if let Some(end) = subject.end
        && !subject.mentions.is_empty()
        && (end..h).any(|j| {
            crate::words::SUPPORT_VERBS
                .iter()
                .any(|s| t.lower[j].starts_with(s))
                && (lex.verb_forms.contains_key(t.lower[j]) || t.lower[j].ends_with("ed"))
        })
    {
        return subject.mentions.clone();
    }
    Vec::new()
}
