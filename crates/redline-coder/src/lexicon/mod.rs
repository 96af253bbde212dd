//! The compiled form of a dictionary: phrase tries over tokens and an index from word forms to
//! pattern heads. Compiling the full default dictionary takes tens of milliseconds.

mod trie;

use std::collections::{HashMap, HashSet};

use redline_dict::{Dictionary, Element, VerbForm, noun_forms, verb_forms};
use redline_model::Span;

pub use trie::{CaseRule, PhraseTrie, TrieMatch};

/// What a name phrase points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRef {
    /// An actor entry; `adjective` for `a:` forms.
    Actor {
        /// Index into [`Dictionary::actors`].
        index: u32,
        /// True for adjective forms.
        adjective: bool,
    },
    /// A person entry (index into [`Dictionary::people`]).
    Person(u32),
}

/// Where a word form leads in the pattern index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadRef {
    /// Index into [`Lexicon::patterns`].
    pub pattern: u32,
    /// Which verb form the word is (`None` for noun heads).
    pub form: Option<VerbForm>,
}

/// One pattern, flattened for matching.
#[derive(Debug, Clone)]
pub struct CompiledPattern {
    /// Index into [`Dictionary::verbs`].
    pub verb: u32,
    /// Index of the pattern inside its verb entry.
    pub index_in_entry: u32,
    /// True for a noun head.
    pub noun: bool,
    /// The elements after the head, with classes resolved to trie indices.
    pub elements: Vec<CElement>,
    /// Number of words and classes that must match, head included.
    pub specificity: u32,
}

/// A pattern element with classes resolved.
#[derive(Debug, Clone)]
pub enum CElement {
    /// One of these lower-case words.
    Word(Vec<Box<str>>),
    /// A phrase of the class with this index in [`Lexicon::classes`].
    Class(u32),
    /// Zero to `MAX_GAP` tokens.
    Gap,
    /// Target slot.
    Target,
    /// Source slot.
    Source,
}

/// The compiled dictionary.
#[derive(Debug)]
pub struct Lexicon {
    /// The source entries.
    pub dict: Dictionary,
    /// Actor and person names.
    pub names: PhraseTrie<NameRef>,
    /// Agent nouns (values index [`Dictionary::agents`]).
    pub agents: PhraseTrie<u32>,
    /// One trie per word class, in [`Dictionary::classes`] order.
    pub classes: Vec<PhraseTrie<()>>,
    /// Word form (lower case) to the patterns it heads.
    pub heads: HashMap<Box<str>, Vec<HeadRef>>,
    /// Flattened patterns.
    pub patterns: Vec<CompiledPattern>,
    /// Every known verb form (pattern heads and irregular verbs), for clause analysis.
    pub verb_forms: HashMap<Box<str>, VerbForm>,
    /// How long compiling took, in microseconds (for `explain` and the benchmark).
    pub compile_micros: u128,
}

/// Splits a phrase into token texts exactly as the document tokenizer would.
pub fn phrase_tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    redline_docs::segment::tokenize(
        text,
        Span {
            start: 0,
            end: text.len() as u32,
        },
        &mut tokens,
    );
    tokens
        .iter()
        .map(|t| &text[t.span.start as usize..t.span.end as usize])
        .collect()
}

impl Lexicon {
    /// Compiles a dictionary.
    pub fn compile(dict: Dictionary) -> Lexicon {
        let started = std::time::Instant::now();
        let mut names = PhraseTrie::default();
        for (i, a) in dict.actors.iter().enumerate() {
            for p in &a.phrases {
                names.insert(
                    &phrase_tokens(&p.text),
                    NameRef::Actor {
                        index: i as u32,
                        adjective: p.adjective,
                    },
                );
            }
        }
        for (i, person) in dict.people.iter().enumerate() {
            for p in &person.phrases {
                names.insert(&phrase_tokens(&p.text), NameRef::Person(i as u32));
            }
        }
        let mut agents = PhraseTrie::default();
        for (i, a) in dict.agents.iter().enumerate() {
            for p in &a.phrases {
                agents.insert(&phrase_tokens(&p.text), i as u32);
            }
        }
        let mut class_index = HashMap::new();
        let mut classes = Vec::new();
        for (i, c) in dict.classes.iter().enumerate() {
            let mut trie = PhraseTrie::default();
            for p in &c.phrases {
                trie.insert(&phrase_tokens(&p.text), ());
            }
            class_index.insert(c.name.clone(), i as u32);
            classes.push(trie);
        }
        let irregular: HashMap<&str, &redline_dict::IrregularEntry> = dict
            .irregular
            .iter()
            .map(|i| (i.lemma.as_str(), i))
            .collect();
        let mut heads: HashMap<Box<str>, Vec<HeadRef>> = HashMap::new();
        let mut patterns = Vec::new();
        let mut verb_form_index: HashMap<Box<str>, VerbForm> = HashMap::new();
        let mut seen_lemmas = HashSet::new();
        for (vi, v) in dict.verbs.iter().enumerate() {
            for (pi, p) in v.patterns.iter().enumerate() {
                let elements: Vec<CElement> = p
                    .elements
                    .iter()
                    .map(|e| match e {
                        Element::Word(w) => {
                            CElement::Word(w.iter().map(|s| s.as_str().into()).collect())
                        }
                        // Validation reports unknown classes; a pattern using one never
                        // matches rather than matching too much.
                        Element::Class(c) => {
                            CElement::Class(class_index.get(c).copied().unwrap_or(u32::MAX))
                        }
                        Element::Gap => CElement::Gap,
                        Element::Target => CElement::Target,
                        Element::Source => CElement::Source,
                    })
                    .collect();
                let index = patterns.len() as u32;
                patterns.push(CompiledPattern {
                    verb: vi as u32,
                    index_in_entry: pi as u32,
                    noun: p.noun,
                    elements,
                    specificity: p.specificity() as u32,
                });
                if p.noun {
                    for form in noun_forms(&p.head) {
                        heads.entry(form.into()).or_default().push(HeadRef {
                            pattern: index,
                            form: None,
                        });
                    }
                } else {
                    for (form, kind) in verb_forms(&p.head, irregular.get(p.head.as_str()).copied())
                    {
                        let refs = heads.entry(form.as_str().into()).or_default();
                        if !refs
                            .iter()
                            .any(|r| r.pattern == index && r.form == Some(kind))
                        {
                            refs.push(HeadRef {
                                pattern: index,
                                form: Some(kind),
                            });
                        }
                        // Participle wins over past for the clause analyser's passive test.
                        let e = verb_form_index.entry(form.into()).or_insert(kind);
                        if kind == VerbForm::Participle {
                            *e = kind;
                        }
                    }
                    seen_lemmas.insert(p.head.clone());
                }
            }
        }
        for irr in &dict.irregular {
            if seen_lemmas.contains(&irr.lemma) {
                continue;
            }
            for (form, kind) in verb_forms(&irr.lemma, Some(irr)) {
                let e = verb_form_index.entry(form.into()).or_insert(kind);
                if kind == VerbForm::Participle {
                    *e = kind;
                }
            }
        }
        Lexicon {
            dict,
            names,
            agents,
            classes,
            heads,
            patterns,
            verb_forms: verb_form_index,
            compile_micros: started.elapsed().as_micros(),
        }
    }
}
