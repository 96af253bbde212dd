//! Checks across files: unique ids, known codes and classes, no phrase claimed twice.

use std::collections::HashMap;

use crate::entry::Location;
use crate::problem::Problem;
use crate::{Dictionary, Element};

pub(crate) fn validate(d: &Dictionary, problems: &mut Vec<Problem>) {
    let mut push = |location: &Location, message: String| {
        problems.push(Problem {
            location: location.clone(),
            message,
        })
    };

    // Ids are what users cite, so one id names one entry.
    let mut ids: HashMap<&str, &Location> = HashMap::new();
    let all_ids = d
        .actors
        .iter()
        .map(|e| (e.id.as_str(), &e.location))
        .chain(d.people.iter().map(|e| (e.id.as_str(), &e.location)))
        .chain(d.agents.iter().map(|e| (e.id.as_str(), &e.location)))
        .chain(d.classes.iter().map(|e| (e.id.as_str(), &e.location)))
        .chain(d.verbs.iter().map(|e| (e.id.as_str(), &e.location)))
        .chain(d.irregular.iter().map(|e| (e.id.as_str(), &e.location)));
    for (id, loc) in all_ids {
        if let Some(first) = ids.insert(id, loc) {
            push(loc, format!("duplicate id `{id}` (first at {first})"));
        }
    }

    // A name that belongs to two actors makes the coder guess; the dictionary must choose.
    let mut names: HashMap<String, (&str, &Location)> = HashMap::new();
    let actor_phrases = d
        .actors
        .iter()
        .flat_map(|e| {
            e.phrases
                .iter()
                .map(move |p| (p, e.id.as_str(), &e.location))
        })
        .chain(d.people.iter().flat_map(|e| {
            e.phrases
                .iter()
                .map(move |p| (p, e.id.as_str(), &e.location))
        }));
    for (phrase, id, loc) in actor_phrases {
        if let Some((other, at)) = names.insert(phrase.text.clone(), (id, loc))
            && other != id
        {
            push(
                loc,
                format!(
                    "{id}: phrase `{}` is also a name of `{other}` ({at})",
                    phrase.text
                ),
            );
        }
    }
    let mut agent_nouns: HashMap<String, (&str, &Location)> = HashMap::new();
    for e in &d.agents {
        for p in &e.phrases {
            if let Some((other, at)) =
                agent_nouns.insert(p.text.to_lowercase(), (e.id.as_str(), &e.location))
                && other != e.id
            {
                push(
                    &e.location,
                    format!("{}: noun `{}` is also in `{other}` ({at})", e.id, p.text),
                );
            }
        }
    }

    let mut class_names: HashMap<&str, &Location> = HashMap::new();
    for c in &d.classes {
        if let Some(first) = class_names.insert(c.name.as_str(), &c.location) {
            push(
                &c.location,
                format!("{}: class `{}` is already defined at {first}", c.id, c.name),
            );
        }
    }

    let mut lemmas: HashMap<&str, &Location> = HashMap::new();
    for i in &d.irregular {
        if let Some(first) = lemmas.insert(i.lemma.as_str(), &i.location) {
            push(
                &i.location,
                format!(
                    "{}: verb `{}` already has irregular forms at {first}",
                    i.id, i.lemma
                ),
            );
        }
    }

    let mut patterns: HashMap<&str, (&str, &Location)> = HashMap::new();
    for v in &d.verbs {
        if !d.cameo.is_empty() && d.cameo.get(v.cameo.as_str()).is_none() {
            push(
                &v.location,
                format!("{}: CAMEO code {} is not in the code table", v.id, v.cameo),
            );
        }
        for p in &v.patterns {
            for e in &p.elements {
                if let Element::Class(name) = e
                    && !class_names.contains_key(name.as_str())
                {
                    push(
                        &v.location,
                        format!(
                            "{}: pattern `{}` uses unknown class `{{{name}}}`",
                            v.id, p.text
                        ),
                    );
                }
            }
            if let Some((other, at)) =
                patterns.insert(p.text.as_str(), (v.id.as_str(), &v.location))
            {
                push(
                    &v.location,
                    format!("{}: pattern `{}` is also in `{other}` ({at})", v.id, p.text),
                );
            }
        }
    }
}
