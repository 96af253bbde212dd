//! Actor mentions: dictionary names (longest match), titles before names, agents combined with
//! actors ("Russian troops", "Russia's army", "the army of Russia"), people's codes by date, and
//! pronouns resolved to the nearest fitting actor.

use chrono::NaiveDate;
use redline_dict::ActorType;
use redline_model::ActorCode;
use serde::Serialize;

use crate::lexicon::{Lexicon, NameRef};
use crate::words::{PRONOUNS, PronounKind, TITLES};

/// What sort of thing a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A dictionary actor of this type (persons included).
    Actor(ActorType),
    /// A pronoun resolved to an earlier mention.
    Pronoun,
}

/// An actor mentioned in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// First token (index within the sentence).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The resolved code.
    pub code: ActorCode,
    /// What it is.
    pub kind: MentionKind,
    /// The type of the named actor (for a pronoun, of its antecedent).
    pub actor_type: ActorType,
    /// True for a bare adjective ("Russian" not followed by an agent).
    pub adjective: bool,
    /// True when an agent noun is plural or the actor is a group of people.
    pub plural: bool,
    /// The dictionary ids that produced it, in order (actor, then agent; a pronoun names its
    /// antecedent's ids after `pronoun`).
    pub rule: Vec<String>,
    /// For a person: the role title on the date, or "no role on DATE".
    pub note: Option<String>,
}

impl Mention {
    /// The country of the code, or the dictionary's `country=`.
    pub fn country(&self, lex: &Lexicon) -> Option<String> {
        if let Some(c) = self.code.country() {
            return Some(c.to_string());
        }
        let id = self
            .rule
            .iter()
            .rev()
            .find(|r| !r.starts_with("agent.") && *r != "pronoun")?;
        lex.dict
            .actors
            .iter()
            .find(|a| &a.id == id)
            .and_then(|a| a.country.clone())
    }
}

/// The tokens of one sentence, as written and lower-cased.
#[derive(Debug, Clone, Copy)]
pub struct Tokens<'a> {
    /// As written.
    pub text: &'a [&'a str],
    /// Lower-cased.
    pub lower: &'a [&'a str],
}

impl Tokens<'_> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'" | "’")
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase()) && w.chars().any(|c| c.is_lowercase())
}

/// Finds the dictionary mentions of a sentence. People get the code of their role on `date`.
pub fn find(lex: &Lexicon, t: Tokens<'_>, date: Option<NaiveDate>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !lex.names.starts_with(t.lower[i]) {
            i += 1;
            continue;
        }
        let Some(m) = lex.names.longest_at(t.lower, t.text, i) else {
            i += 1;
            continue;
        };
        let end = m.end;
        let mention = match *m.value {
            NameRef::Actor { index, adjective } => {
                let a = &lex.dict.actors[index as usize];
                Mention {
                    start: i,
                    end,
                    code: a.code.clone(),
                    kind: MentionKind::Actor(a.actor_type),
                    actor_type: a.actor_type,
                    adjective,
                    plural: false,
                    rule: vec![a.id.clone()],
                    note: None,
                }
            }
            NameRef::Person(index) => {
                let p = &lex.dict.people[index as usize];
                let (code, note) = match date {
                    Some(d) => match p.role_on(d) {
                        Some(r) => (r.code.clone(), Some(format!("{} on {d}", r.title))),
                        None => (p.fallback.clone(), Some(format!("no role on {d}"))),
                    },
                    // Undated text: a person still in office is most likely meant in that
                    // office; anyone else gets the fallback.
                    None => match p.roles.iter().rev().find(|r| r.to.is_none()) {
                        Some(r) => (
                            r.code.clone(),
                            Some(format!("{} (no date: current role)", r.title)),
                        ),
                        None => (p.fallback.clone(), Some("no date: fallback code".into())),
                    },
                };
                let mut start = i;
                // Titles before a name belong to the mention ("Secretary of State Antony
                // Blinken"); so does a country adjective before them ("Russian President").
                while start > 0 && TITLES.contains(&t.lower[start - 1]) {
                    start -= 1;
                }
                while start < i && matches!(t.lower[start], "of" | "the") {
                    start += 1;
                }
                if let Some(prev) = out.last()
                    && prev.end == start
                    && (prev.adjective || prev.actor_type == ActorType::Country)
                {
                    start = prev.start;
                    out.pop();
                }
                Mention {
                    start,
                    end,
                    code,
                    kind: MentionKind::Actor(ActorType::Person),
                    actor_type: ActorType::Person,
                    adjective: false,
                    plural: false,
                    rule: vec![p.id.clone()],
                    note,
                }
            }
        };
        out.push(mention);
        i = end;
    }
    combine_agents(lex, t, &mut out);
    absorb_articles(t, &mut out);
    out
}

/// Agents after an actor ("Russian troops", "Russia's army", "US Defense Secretary Lloyd
/// Austin" when he is not in the dictionary) and before `of` + actor ("the army of Russia").
fn combine_agents(lex: &Lexicon, t: Tokens<'_>, mentions: &mut [Mention]) {
    let n = t.len();
    for idx in 0..mentions.len() {
        let m = &mentions[idx];
        if m.actor_type == ActorType::Person {
            continue;
        }
        let next_start = mentions.get(idx + 1).map_or(n, |x| x.start);
        let mut j = m.end;
        if j < n && is_possessive(t.lower[j]) {
            j += 1;
        }
        // "Russian Defence Minister", "the Ukrainian armed forces": allow one modifier word
        // between the actor and the agent.
        let agent = lex
            .agents
            .longest_at(t.lower, t.text, j)
            .map(|a| (j, a))
            .or_else(|| {
                (j + 1 < next_start
                    && !capitalised(t.text[j])
                    && t.lower[j].len() > 2
                    && !lex.verb_forms.contains_key(t.lower[j])
                    && !crate::words::AUX.contains(&t.lower[j])
                    && t.lower[j].chars().all(|c| c.is_alphabetic() || c == '-'))
                .then(|| {
                    lex.agents
                        .longest_at(t.lower, t.text, j + 1)
                        .map(|a| (j + 1, a))
                })
                .flatten()
            });
        if let Some((_, a)) = agent
            && a.end <= next_start
        {
            let entry = &lex.dict.agents[*a.value as usize];
            let mut end = a.end;
            // An unknown name after a title-like agent ("Defense Minister Ivan Petrov").
            let mut names = 0;
            while end < next_start && names < 3 && capitalised(t.text[end]) {
                end += 1;
                names += 1;
            }
            let m = &mut mentions[idx];
            m.code = m.code.with_role(&entry.role);
            m.end = end;
            m.adjective = false;
            m.plural = t.lower[a.end - 1].ends_with('s');
            m.rule.push(entry.id.clone());
            continue;
        }
        // "the army of Russia", "officials of the European Union".
        if m.start >= 2 && t.lower[m.start - 1] == "of"
            || m.start >= 3 && t.lower[m.start - 1] == "the" && t.lower[m.start - 2] == "of"
        {
            let of = if t.lower[m.start - 1] == "of" {
                m.start - 1
            } else {
                m.start - 2
            };
            let prev_end = if idx > 0 { mentions[idx - 1].end } else { 0 };
            for s in (prev_end..of).rev().take(3) {
                if let Some(a) = lex.agents.longest_at(t.lower, t.text, s)
                    && a.end == of
                {
                    let entry = &lex.dict.agents[*a.value as usize];
                    let m = &mut mentions[idx];
                    m.code = m.code.with_role(&entry.role);
                    m.start = if s > 0 && t.lower[s - 1] == "the" {
                        s - 1
                    } else {
                        s
                    };
                    m.adjective = false;
                    m.plural = t.lower[a.end - 1].ends_with('s');
                    m.rule.push(entry.id.clone());
                    break;
                }
            }
        }
    }
}

/// "the Kremlin", "the United States": the article is part of the mention's text.
fn absorb_articles(t: Tokens<'_>, mentions: &mut [Mention]) {
    let mut prev_end = 0;
    for m in mentions.iter_mut() {
        if m.start > prev_end && t.lower[m.start - 1] == "the" {
            m.start -= 1;
        }
        prev_end = m.end;
    }
}

/// The pronoun at token `i`, if it is one.
pub fn pronoun_kind(lower: &str) -> Option<PronounKind> {
    PRONOUNS.iter().find(|(w, _)| *w == lower).map(|(_, k)| *k)
}

/// Recent actors of a document, for resolving pronouns.
#[derive(Debug, Default, Clone)]
pub struct Antecedents {
    recent: Vec<Mention>,
    /// The subjects of the previous sentence (event sources, or its first actor): "it" and
    /// "they" in the next sentence usually continue the subject, not the last object.
    subjects: Vec<Mention>,
}

impl Antecedents {
    /// Remembers the subjects of the sentence just coded.
    pub fn remember_subjects(&mut self, subjects: Vec<Mention>) {
        self.subjects = subjects;
    }

    /// Remembers the non-adjective mentions of a sentence, in order.
    pub fn remember(&mut self, mentions: &[Mention]) {
        for m in mentions
            .iter()
            .filter(|m| !m.adjective && m.kind != MentionKind::Pronoun)
        {
            self.recent.push(m.clone());
        }
        let keep = 12;
        if self.recent.len() > keep {
            self.recent.drain(..self.recent.len() - keep);
        }
    }

    /// The most recent mention that fits a pronoun, looking first at `earlier` (mentions before
    /// the pronoun in the same sentence, in order) and then at previous sentences.
    pub fn resolve(&self, kind: PronounKind, earlier: &[Mention]) -> Option<Mention> {
        let fits = |m: &&Mention| match kind {
            PronounKind::Person => m.actor_type == ActorType::Person,
            PronounKind::Thing => {
                m.actor_type != ActorType::Person && m.actor_type != ActorType::Media && !m.plural
            }
            PronounKind::Plural => {
                m.actor_type != ActorType::Person && m.actor_type != ActorType::Media
            }
            PronounKind::Speaker => false,
        };
        earlier
            .iter()
            .rev()
            .filter(|m| !m.adjective && m.kind != MentionKind::Pronoun)
            .find(fits)
            .or_else(|| self.subjects.iter().find(fits))
            .or_else(|| self.recent.iter().rev().find(fits))
            .cloned()
    }
}
