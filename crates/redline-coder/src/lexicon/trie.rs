//! A token trie for multi-word phrases, with the case rules of the dictionary format.

use std::collections::HashMap;

/// How a phrase word constrains the case of the text word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Written in lower case: any case matches.
    Any,
    /// Written capitalised: the text word starts with an upper-case letter.
    Capital,
    /// Written in capitals: the text word has no lower-case letter.
    Upper,
}

impl CaseRule {
    /// The rule a phrase word imposes.
    pub fn of(word: &str) -> CaseRule {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && !word.chars().any(|c| c.is_lowercase()) {
            CaseRule::Upper
        } else if word.chars().next().is_some_and(|c| c.is_uppercase()) {
            CaseRule::Capital
        } else {
            CaseRule::Any
        }
    }

    /// Whether a text word satisfies the rule.
    pub fn accepts(self, text: &str) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Capital => text.chars().next().is_some_and(|c| c.is_uppercase()),
            CaseRule::Upper => !text.chars().any(|c| c.is_lowercase()),
        }
    }
}

#[derive(Debug, Clone)]
struct Node<T> {
    next: HashMap<Box<str>, u32>,
    ends: Vec<(Vec<CaseRule>, T)>,
}

impl<T> Default for Node<T> {
    fn default() -> Self {
        Node {
            next: HashMap::new(),
            ends: Vec::new(),
        }
    }
}

/// A trie keyed by lower-cased tokens.
#[derive(Debug, Clone)]
pub struct PhraseTrie<T> {
    nodes: Vec<Node<T>>,
}

impl<T> Default for PhraseTrie<T> {
    fn default() -> Self {
        PhraseTrie {
            nodes: vec![Node::default()],
        }
    }
}

/// A phrase found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrieMatch<'t, T> {
    /// One past the last token.
    pub end: usize,
    /// What the phrase points at.
    pub value: &'t T,
}

impl<T> PhraseTrie<T> {
    /// Adds a phrase given as its tokens.
    pub fn insert(&mut self, words: &[&str], value: T) {
        if words.is_empty() {
            return;
        }
        let mut node = 0usize;
        for w in words {
            let key: Box<str> = w.to_lowercase().into();
            node = match self.nodes[node].next.get(&key) {
                Some(&n) => n as usize,
                None => {
                    self.nodes.push(Node::default());
                    let n = self.nodes.len() - 1;
                    self.nodes[node].next.insert(key, n as u32);
                    n
                }
            };
        }
        let rules = words.iter().map(|w| CaseRule::of(w)).collect();
        self.nodes[node].ends.push((rules, value));
    }

    /// Every phrase starting at `start`, longest first. `lower[i]` is token `i` lower-cased and
    /// `text[i]` as written.
    pub fn matches_at<'t>(
        &'t self,
        lower: &[&str],
        text: &[&str],
        start: usize,
    ) -> Vec<TrieMatch<'t, T>> {
        let mut found = Vec::new();
        let mut node = 0usize;
        let mut i = start;
        while i < lower.len() {
            match self.nodes[node].next.get(lower[i]) {
                Some(&n) => node = n as usize,
                None => break,
            }
            i += 1;
            for (rules, value) in &self.nodes[node].ends {
                let ok = rules.iter().zip(&text[start..i]).all(|(r, w)| r.accepts(w));
                if ok {
                    found.push(TrieMatch { end: i, value });
                }
            }
        }
        found.reverse();
        found
    }

    /// The longest phrase starting at `start`, if any.
    pub fn longest_at<'t>(
        &'t self,
        lower: &[&str],
        text: &[&str],
        start: usize,
    ) -> Option<TrieMatch<'t, T>> {
        self.matches_at(lower, text, start).into_iter().next()
    }

    /// True if some phrase starts with this lower-cased token (a cheap pre-check).
    pub fn starts_with(&self, lower: &str) -> bool {
        self.nodes[0].next.contains_key(lower)
    }
}
