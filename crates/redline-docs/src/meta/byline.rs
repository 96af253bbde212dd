//! Bylines: "By Ana Ciobanu", "written by Gary Wilson", "Andre Damon @Andre_Damon",
//! "Ana Ciobanu and Leo Brandt", "By Ana Ciobanu | Meridian Wire".

/// What a byline line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// Author names in order.
    pub authors: Vec<String>,
    /// The outlet, when the byline names one after a `|`.
    pub publisher: Option<String>,
}

/// Introductions that make a line a byline whatever follows.
const PREFIXES: &[&str] = &[
    "written by ",
    "words by ",
    "reporting by ",
    "reported by ",
    "story by ",
    "author: ",
    "authors: ",
    "by: ",
    "by ",
];

/// Lower-case name particles allowed inside a name ("Ursula von der Leyen", "Abu Bakr al-Baghdadi").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "ibn",
    "al", "el", "y", "dos", "das",
];

/// Reads a line as a byline; `None` if it is not one.
///
/// A line with an introduction ("By", "written by") is a byline if what follows is one or more
/// names. A bare line is a byline only if it is nothing but names (and handles), so a short title
/// such as "Russia and Ukraine" is not mistaken for one: country names are not person names, but
/// the caller should only ask about lines in the header zone.
pub fn parse_byline(line: &str) -> Option<Byline> {
    let line = line.trim().trim_end_matches(['\\', ' ']);
    if line.is_empty() || line.len() > 200 {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    let (rest, introduced) = match PREFIXES.iter().find(|p| lower.starts_with(**p)) {
        Some(p) => (&line[p.len()..], true),
        None => (line, false),
    };
    let (names_part, publisher) = match rest.split_once(" | ") {
        Some((names, outlet)) => (names, Some(outlet.trim().to_string())),
        None => (rest, None),
    };
    // Drop social handles and a trailing date or role: "Andre Damon @Andre_Damon",
    // "Ana Ciobanu, Moscow correspondent" keeps only the name before the role.
    let without_handles: String = names_part
        .split_whitespace()
        .filter(|w| !w.starts_with('@'))
        .collect::<Vec<_>>()
        .join(" ");
    let mut authors = Vec::new();
    for part in split_names(&without_handles) {
        let part = part.trim().trim_matches(|c: char| c == '*' || c == '_');
        if part.is_empty() {
            continue;
        }
        if is_person_name(part) {
            authors.push(part.to_string());
        } else if introduced && !authors.is_empty() {
            // "By Ana Ciobanu, Moscow correspondent": a role after the names ends the list.
            break;
        } else {
            return None;
        }
    }
    if authors.is_empty() || (!introduced && publisher.is_none() && authors.len() > 4) {
        return None;
    }
    Some(Byline { authors, publisher })
}

fn split_names(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', '&', ';']).flat_map(|p| p.split(" and "))
}

/// Two to five words, each a capitalised name, an initial ("J."), or a particle, with at least two
/// capitalised words.
fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let mut capitalised = 0;
    for word in &words {
        if PARTICLES.contains(word) {
            continue;
        }
        let mut chars = word.chars();
        let first = chars.next().unwrap_or(' ');
        if !first.is_uppercase() {
            return false;
        }
        // Letters, hyphens, apostrophes and the dot of an initial; no digits.
        if !word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        {
            return false;
        }
        // All-caps words of three letters or more are acronyms (NATO, WSWS), not names.
        if word.chars().count() >= 3
            && word.chars().all(|c| !c.is_lowercase())
            && !word.ends_with('.')
        {
            return false;
        }
        capitalised += 1;
    }
    capitalised >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(line: &str) -> Option<Vec<String>> {
        parse_byline(line).map(|b| b.authors)
    }

    #[test]
    fn introduced_and_bare_bylines() {
        assert_eq!(authors("written by Gary Wilson").unwrap(), ["Gary Wilson"]);
        assert_eq!(authors("By Ana Ciobanu").unwrap(), ["Ana Ciobanu"]);
        assert_eq!(
            authors("Andre Damon @Andre_Damon").unwrap(),
            ["Andre Damon"]
        );
        assert_eq!(authors("Andre Damon  ").unwrap(), ["Andre Damon"]);
        assert_eq!(
            authors("Ana Ciobanu and Leo Brandt").unwrap(),
            ["Ana Ciobanu", "Leo Brandt"]
        );
        assert_eq!(
            authors("By J. R. Halloway, Mara Ionescu and Ursula von der Leyen").unwrap(),
            ["J. R. Halloway", "Mara Ionescu", "Ursula von der Leyen"]
        );
        assert_eq!(
            authors("By Ana Ciobanu, Moscow correspondent").unwrap(),
            ["Ana Ciobanu"]
        );
    }

    #[test]
    fn publisher_after_a_bar() {
        let b = parse_byline("By Ana Ciobanu | Meridian Wire").unwrap();
        assert_eq!(b.authors, ["Ana Ciobanu"]);
        assert_eq!(b.publisher.as_deref(), Some("Meridian Wire"));
    }

    #[test]
    fn titles_and_sentences_are_not_bylines() {
        for line in [
            "Romania quietly reinforces its border posts",
            "Leaked cables show deep foreign involvement in the border war",
            "PERSPECTIVE",
            "10 April 2023",
            "Russia",
            "By the end of the week, troops had moved.",
            "NATO Allies",
        ] {
            assert_eq!(authors(line), None, "{line}");
        }
    }
}
