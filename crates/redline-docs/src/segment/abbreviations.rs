//! Abbreviations that own their final period, and the words that typically begin a sentence.
//!
//! A period after an abbreviation is ambiguous: "Gen. Petrescu" continues, "in the U.S. The next
//! day" ends a sentence. Each abbreviation therefore carries a [`AbbrevClass`] saying how the
//! splitter resolves that ambiguity. The lists are matched case-sensitively on purpose: "Gen."
//! is a title but "gen." is a clipped noun, "No." is "number" but "no." ends a sentence.

/// How a sentence boundary after an abbreviation's period is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AbbrevClass {
    /// Never ends a sentence (a line break still does). Titles come before a name, and "e.g.",
    /// "vs.", "approx." sit mid-sentence by their meaning.
    Continues,
    /// Ends a sentence only when the next word is a typical sentence opener ([`is_starter`]).
    /// For abbreviations that are as likely to close a sentence as to sit inside one: dotted
    /// acronyms ("the U.S. Army" / "in the U.S. The"), initials ("George W. Bush" / "Plan B. It"),
    /// months ("Nov. 17"), company suffixes, "Jr.", "St.", "a.m.".
    UnlessStarter,
    /// Continues only before a number ("No. 3", "Fig. 2"); otherwise an ordinary full stop, since
    /// without a number the word is something else ("“No. Never.”").
    BeforeNumber,
    /// Behaves like an ordinary full stop: ends the sentence unless a lowercase word follows.
    /// Only "etc.", which is nearly always list-final and so often sentence-final too.
    Ordinary,
}

/// The class of a listed abbreviation, written without its final period ("Gen", "e.g").
pub(super) fn lookup(word: &str) -> Option<AbbrevClass> {
    use AbbrevClass::*;
    // Longest entry is 6 bytes; the length guard keeps long words off the match entirely.
    if word.len() > 6 {
        return None;
    }
    Some(match word {
        // Titles and ranks: a name follows, so the period never ends the sentence.
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Dr" | "Prof" | "Rev" | "Hon" | "Pres" | "Gov" | "Sen"
        | "Sens" | "Rep" | "Reps" | "Amb" | "Gen" | "Gens" | "Lt" | "Col" | "Maj" | "Capt"
        | "Sgt" | "Cpl" | "Pvt" | "Adm" | "Cmdr" | "Cmdt" | "Brig" | "Insp" | "Supt" | "Mt"
        | "Ft" => Continues,
        // Mid-sentence by meaning ("Roe v. Wade", "e.g. tanks").
        "vs" | "v" | "approx" | "cf" | "e.g" | "i.e" | "viz" | "ca" => Continues,
        // Months: usually a day number follows ("Nov. 17"), but a month can end a sentence.
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" => UnlessStarter,
        // Numbering: a number follows, or it is not the abbreviation at all.
        "No" | "Nos" | "Fig" | "Figs" | "Vol" => BeforeNumber,
        // References, places, companies, name suffixes: can end a sentence.
        "al" | "St" | "Ave" | "Blvd" | "Rd" | "Inc" | "Corp" | "Ltd" | "Co" | "Bros" | "Dept"
        | "Jr" | "Sr" | "Esq" => UnlessStarter,
        "etc" => Ordinary,
        _ => return None,
    })
}

/// Whether `word` (a run of ASCII letters) is a word that typically begins an English sentence.
///
/// Used only after [`AbbrevClass::UnlessStarter`] abbreviations, where the next word must tell a
/// sentence end ("in the U.S. The next day") from a continuing name ("the U.S. Army"). The list
/// holds function words and discourse openers, never nouns that follow acronyms or names.
pub(super) fn is_starter(word: &str) -> bool {
    if word.len() > 12 {
        return false;
    }
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "But"
            | "And"
            | "Or"
            | "Nor"
            | "In"
            | "On"
            | "At"
            | "For"
            | "To"
            | "By"
            | "From"
            | "With"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "However"
            | "Meanwhile"
            | "So"
            | "Yet"
            | "Then"
            | "Thus"
            | "Still"
            | "Also"
            | "Now"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "If"
            | "As"
            | "Since"
            | "Although"
            | "Though"
            | "Because"
            | "Despite"
            | "During"
            | "According"
            | "There"
            | "Here"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "Your"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Both"
            | "Each"
            | "Such"
            | "Instead"
            | "Indeed"
            | "Moreover"
            | "Furthermore"
            | "Nevertheless"
            | "Nonetheless"
            | "Earlier"
            | "Later"
            | "Today"
            | "Yesterday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_is_case_sensitive() {
        assert_eq!(lookup("Gen"), Some(AbbrevClass::Continues));
        assert_eq!(lookup("gen"), None);
        assert_eq!(lookup("No"), Some(AbbrevClass::BeforeNumber));
        assert_eq!(lookup("no"), None);
        assert_eq!(lookup("etc"), Some(AbbrevClass::Ordinary));
        assert_eq!(lookup("e.g"), Some(AbbrevClass::Continues));
        assert_eq!(lookup("Washington"), None);
    }

    #[test]
    fn starters() {
        assert!(is_starter("The"));
        assert!(is_starter("I"));
        assert!(!is_starter("Army"));
        assert!(!is_starter("the"));
        assert!(!is_starter("Theatre"));
    }
}
