//! Inflected forms of verb lemmas and noun heads.
//!
//! The generator covers regular English morphology; everything else comes from the irregular
//! table, which always wins.

use crate::entry::IrregularEntry;

/// Which form of a verb a word is; the coder needs the participle to see the passive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum VerbForm {
    /// `send`
    Base,
    /// `sends`
    Third,
    /// `sent` as simple past.
    Past,
    /// `sent` as past participle.
    Participle,
    /// `sending`
    Gerund,
}

fn is_vowel(c: u8) -> bool {
    b"aeiou".contains(&c)
}

/// True for one-syllable consonant-vowel-consonant words whose last consonant doubles
/// (`plan` -> `planned`); longer words are left to the irregular table.
fn doubles_final(lemma: &str) -> bool {
    let b = lemma.as_bytes();
    let n = b.len();
    if n < 3 || !lemma.is_ascii() {
        return false;
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    let vowels = b.iter().filter(|&&c| is_vowel(c)).count();
    vowels == 1 && !is_vowel(c1) && is_vowel(v) && !is_vowel(c2) && !b"wxy".contains(&c2)
}

/// The forms of a verb lemma, with which form each is. A form may appear twice (past and
/// participle of a regular verb).
pub fn verb_forms(lemma: &str, irregular: Option<&IrregularEntry>) -> Vec<(String, VerbForm)> {
    let l = lemma;
    let third = irregular.and_then(|i| i.third.clone()).unwrap_or_else(|| {
        if l.ends_with("ss")
            || l.ends_with('x')
            || l.ends_with("ch")
            || l.ends_with("sh")
            || l.ends_with('o')
            || l.ends_with('z')
        {
            format!("{l}es")
        } else if let Some(stem) = l
            .strip_suffix('y')
            .filter(|s| !s.ends_with(|c: char| "aeiou".contains(c)))
        {
            format!("{stem}ies")
        } else {
            format!("{l}s")
        }
    });
    let regular_past = || {
        if l.ends_with('e') {
            format!("{l}d")
        } else if let Some(stem) = l
            .strip_suffix('y')
            .filter(|s| !s.ends_with(|c: char| "aeiou".contains(c)))
        {
            format!("{stem}ied")
        } else if doubles_final(l) {
            format!("{l}{}ed", &l[l.len() - 1..])
        } else {
            format!("{l}ed")
        }
    };
    let past = irregular.map_or_else(regular_past, |i| i.past.clone());
    let participle = irregular.map_or_else(regular_past, |i| i.participle.clone());
    let gerund = irregular.and_then(|i| i.gerund.clone()).unwrap_or_else(|| {
        if let Some(stem) = l.strip_suffix("ie") {
            format!("{stem}ying")
        } else if l.ends_with('e') && !l.ends_with("ee") && !l.ends_with("ye") && !l.ends_with("oe")
        {
            format!("{}ing", &l[..l.len() - 1])
        } else if doubles_final(l) {
            format!("{l}{}ing", &l[l.len() - 1..])
        } else {
            format!("{l}ing")
        }
    });
    let mut forms = vec![
        (l.to_string(), VerbForm::Base),
        (third, VerbForm::Third),
        (past, VerbForm::Past),
        (participle, VerbForm::Participle),
        (gerund, VerbForm::Gerund),
    ];
    // British spelling doubles a final l after one vowel (signal: signalled, signalling); the
    // American forms stay too.
    let b = l.as_bytes();
    if irregular.is_none()
        && b.len() >= 4
        && b[b.len() - 1] == b'l'
        && is_vowel(b[b.len() - 2])
        && !is_vowel(b[b.len() - 3])
    {
        forms.push((format!("{l}led"), VerbForm::Past));
        forms.push((format!("{l}led"), VerbForm::Participle));
        forms.push((format!("{l}ling"), VerbForm::Gerund));
    }
    forms
}

/// Singular and plural of a noun head.
pub fn noun_forms(noun: &str) -> [String; 2] {
    let plural = if noun.ends_with('s')
        || noun.ends_with('x')
        || noun.ends_with("ch")
        || noun.ends_with("sh")
    {
        if noun.ends_with("ss") || !noun.ends_with('s') {
            format!("{noun}es")
        } else {
            noun.to_string()
        }
    } else if let Some(stem) = noun
        .strip_suffix('y')
        .filter(|s| !s.ends_with(|c: char| "aeiou".contains(c)))
    {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    };
    [noun.to_string(), plural]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(l: &str) -> Vec<String> {
        verb_forms(l, None).into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn regular_verbs_inflect() {
        assert_eq!(
            forms("deliver"),
            [
                "deliver",
                "delivers",
                "delivered",
                "delivered",
                "delivering"
            ]
        );
        assert_eq!(
            forms("authorize"),
            [
                "authorize",
                "authorizes",
                "authorized",
                "authorized",
                "authorizing"
            ]
        );
        assert_eq!(
            forms("deny"),
            ["deny", "denies", "denied", "denied", "denying"]
        );
        assert_eq!(
            forms("plan"),
            ["plan", "plans", "planned", "planned", "planning"]
        );
        assert_eq!(
            forms("visit"),
            ["visit", "visits", "visited", "visited", "visiting"]
        );
        assert_eq!(
            forms("reach"),
            ["reach", "reaches", "reached", "reached", "reaching"]
        );
        assert_eq!(
            forms("employ"),
            ["employ", "employs", "employed", "employed", "employing"]
        );
        assert_eq!(
            forms("agree"),
            ["agree", "agrees", "agreed", "agreed", "agreeing"]
        );
    }

    #[test]
    fn irregular_forms_win() {
        let send = IrregularEntry {
            id: "irr.send".into(),
            lemma: "send".into(),
            past: "sent".into(),
            participle: "sent".into(),
            third: None,
            gerund: None,
            location: crate::entry::Location {
                file: "t".into(),
                line: 1,
            },
        };
        let f: Vec<String> = verb_forms("send", Some(&send))
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(f, ["send", "sends", "sent", "sent", "sending"]);
    }

    #[test]
    fn nouns_pluralise() {
        assert_eq!(noun_forms("airstrike"), ["airstrike", "airstrikes"]);
        assert_eq!(noun_forms("sanctions"), ["sanctions", "sanctions"]);
        assert_eq!(noun_forms("embargo"), ["embargo", "embargos"]);
        assert_eq!(noun_forms("ally"), ["ally", "allies"]);
        assert_eq!(noun_forms("crash"), ["crash", "crashes"]);
        assert_eq!(noun_forms("press"), ["press", "presses"]);
    }
}
