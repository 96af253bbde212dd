//! Matching one compiled pattern at a head token.

use redline_dict::MAX_GAP;

use crate::lexicon::{CElement, CompiledPattern, Lexicon};
use crate::mentions::Tokens;

/// Where a pattern matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternMatch {
    /// One past the last token matched.
    pub end: usize,
    /// Where the `$` slot was, if the pattern has one.
    pub target_at: Option<usize>,
    /// Where the `+` slot was, if the pattern has one.
    pub source_at: Option<usize>,
    /// Tokens skipped by gaps (fewer is a tighter match).
    pub skipped: usize,
    /// Tokens matched by words and classes, head included (a longer class phrase is a more
    /// specific match: "military aid" over "aid").
    pub matched: usize,
}

/// Matches `p` with its head at `head`, not going past `limit`. The first complete match in a
/// depth-first search that prefers short gaps is returned.
///
/// `mentions` are the actor spans of the sentence: a `$` or `+` slot may stand on a mention and
/// the pattern goes on after it (`~talks between + and $`).
pub fn match_at(
    lex: &Lexicon,
    t: Tokens<'_>,
    p: &CompiledPattern,
    head: usize,
    limit: usize,
    mentions: &[(usize, usize)],
) -> Option<PatternMatch> {
    let mut state = PatternMatch {
        end: head + 1,
        target_at: None,
        source_at: None,
        skipped: 0,
        matched: 1,
    };
    let ctx = Ctx {
        lex,
        t,
        limit,
        mentions,
    };
    go(&ctx, &p.elements, head + 1, &mut state).then_some(state)
}

struct Ctx<'a, 'l> {
    lex: &'l Lexicon,
    t: Tokens<'a>,
    limit: usize,
    mentions: &'a [(usize, usize)],
}

fn go(ctx: &Ctx<'_, '_>, elements: &[CElement], pos: usize, state: &mut PatternMatch) -> bool {
    let (t, limit) = (ctx.t, ctx.limit);
    let Some((first, rest)) = elements.split_first() else {
        state.end = pos;
        return true;
    };
    match first {
        CElement::Word(alts) => {
            if pos < limit && alts.iter().any(|a| **a == *t.lower[pos]) {
                state.matched += 1;
                if go(ctx, rest, pos + 1, state) {
                    return true;
                }
                state.matched -= 1;
            }
            false
        }
        CElement::Class(c) => {
            let Some(trie) = ctx.lex.classes.get(*c as usize) else {
                return false;
            };
            if pos >= limit || !trie.starts_with(t.lower[pos]) {
                return false;
            }
            for m in trie.matches_at(&t.lower[..limit], &t.text[..limit], pos) {
                state.matched += m.end - pos;
                if go(ctx, rest, m.end, state) {
                    return true;
                }
                state.matched -= m.end - pos;
            }
            false
        }
        CElement::Gap => {
            for skip in 0..=MAX_GAP {
                if pos + skip > limit {
                    break;
                }
                let before = state.skipped;
                state.skipped += skip;
                if go(ctx, rest, pos + skip, state) {
                    return true;
                }
                state.skipped = before;
            }
            false
        }
        CElement::Target | CElement::Source => {
            if matches!(first, CElement::Target) {
                state.target_at = Some(pos);
            } else {
                state.source_at = Some(pos);
            }
            if go(ctx, rest, pos, state) {
                return true;
            }
            // The slot may stand on a mention ("the" included) that the rest follows.
            let at = if pos < limit && t.lower[pos] == "the" {
                pos + 1
            } else {
                pos
            };
            match ctx.mentions.iter().find(|&&(s, _)| s == at || s == pos) {
                Some(&(_, end)) if !rest.is_empty() && end <= limit => go(ctx, rest, end, state),
                _ => false,
            }
        }
    }
}
