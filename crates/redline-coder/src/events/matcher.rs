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
}

/// Matches `p` with its head at `head`, not going past `limit`. The first complete match in a
/// depth-first search that prefers short gaps is returned.
pub fn match_at(
    lex: &Lexicon,
    t: Tokens<'_>,
    p: &CompiledPattern,
    head: usize,
    limit: usize,
) -> Option<PatternMatch> {
    let mut state = PatternMatch {
        end: head + 1,
        target_at: None,
        source_at: None,
        skipped: 0,
    };
    go(lex, t, &p.elements, head + 1, limit, &mut state).then_some(state)
}

fn go(
    lex: &Lexicon,
    t: Tokens<'_>,
    elements: &[CElement],
    pos: usize,
    limit: usize,
    state: &mut PatternMatch,
) -> bool {
    let Some((first, rest)) = elements.split_first() else {
        state.end = pos;
        return true;
    };
    match first {
        CElement::Word(alts) => {
            pos < limit
                && alts.iter().any(|a| **a == *t.lower[pos])
                && go(lex, t, rest, pos + 1, limit, state)
        }
        CElement::Class(c) => {
            let Some(trie) = lex.classes.get(*c as usize) else {
                return false;
            };
            if pos >= limit || !trie.starts_with(t.lower[pos]) {
                return false;
            }
            trie.matches_at(&t.lower[..limit], &t.text[..limit], pos)
                .into_iter()
                .any(|m| go(lex, t, rest, m.end, limit, state))
        }
        CElement::Gap => {
            for skip in 0..=MAX_GAP {
                if pos + skip > limit {
                    break;
                }
                let before = state.skipped;
                state.skipped += skip;
                if go(lex, t, rest, pos + skip, limit, state) {
                    return true;
                }
                state.skipped = before;
            }
            false
        }
        CElement::Target => {
            state.target_at = Some(pos);
            go(lex, t, rest, pos, limit, state)
        }
        CElement::Source => {
            state.source_at = Some(pos);
            go(lex, t, rest, pos, limit, state)
        }
    }
}
