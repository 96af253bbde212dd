//! The entries of a dictionary, as parsed from `.rld` files.

use chrono::NaiveDate;
use redline_model::{ActorCode, CameoCode};
use serde::{Deserialize, Serialize};

/// Where an entry was written: the file (as given to the loader) and the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The file name, relative to the dictionary folder.
    pub file: String,
    /// The 1-based line number.
    pub line: u32,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// The kind of a dictionary file, declared by its `%kind` directive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    /// Countries, seats of power, institutions, organisations, groups, media.
    Actors,
    /// Named people with date-bounded roles.
    People,
    /// Role nouns that combine with an actor.
    Agents,
    /// Word classes for verb patterns.
    Classes,
    /// Event patterns.
    Verbs,
    /// Irregular verb forms.
    Irregular,
}

impl FileKind {
    /// The id prefixes allowed for entries of this kind.
    pub fn id_prefixes(self) -> &'static [&'static str] {
        match self {
            FileKind::Actors => &[
                "country.", "seat.", "inst.", "igo.", "group.", "media.", "place.",
            ],
            FileKind::People => &["person."],
            FileKind::Agents => &["agent."],
            FileKind::Classes => &["class."],
            FileKind::Verbs => &["verb."],
            FileKind::Irregular => &["irr."],
        }
    }
}

/// What sort of actor an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorType {
    /// A country or territory.
    Country,
    /// A seat of power used as a metonym (the Kremlin).
    Seat,
    /// A national institution (Congress, the Duma).
    Institution,
    /// An international organisation.
    Igo,
    /// An armed group or movement.
    Group,
    /// A news organisation.
    Media,
    /// A city, region or other place standing for its country ("Kharkiv", "Crimea").
    Place,
    /// A named person.
    Person,
}

impl ActorType {
    /// The lower-case name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::Country => "country",
            ActorType::Seat => "seat",
            ActorType::Institution => "institution",
            ActorType::Igo => "igo",
            ActorType::Group => "group",
            ActorType::Media => "media",
            ActorType::Place => "place",
            ActorType::Person => "person",
        }
    }
}

/// One phrase of an entry, split into words as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    /// The phrase as written (without the `a:` mark).
    pub text: String,
    /// True for an adjective form (`a:Russian`).
    pub adjective: bool,
}

/// A country, organisation, group, institution, seat of power or news organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorEntry {
    /// Stable id.
    pub id: String,
    /// The actor code.
    pub code: ActorCode,
    /// What sort of actor it is.
    pub actor_type: ActorType,
    /// Names, spellings, adjectives.
    pub phrases: Vec<Phrase>,
    /// The country, when the code does not start with one.
    pub country: Option<String>,
    /// Where it was written.
    pub location: Location,
}

/// A date-bounded role of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The code while in the role.
    pub code: ActorCode,
    /// First day (inclusive), or open.
    pub from: Option<NaiveDate>,
    /// The day the role ended (exclusive), or open.
    pub to: Option<NaiveDate>,
    /// Free-text title ("Secretary of State").
    pub title: String,
}

impl Role {
    /// Whether the role was held on `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date < t)
    }
}

/// A named person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonEntry {
    /// Stable id.
    pub id: String,
    /// The code on dates outside every role.
    pub fallback: ActorCode,
    /// Names and aliases.
    pub phrases: Vec<Phrase>,
    /// Date-bounded roles, in file order; they never overlap.
    pub roles: Vec<Role>,
    /// Where it was written.
    pub location: Location,
}

impl PersonEntry {
    /// The role held on `date`, if any.
    pub fn role_on(&self, date: NaiveDate) -> Option<&Role> {
        self.roles.iter().find(|r| r.covers(date))
    }

    /// The code on `date`: the role's code, or the fallback.
    pub fn code_on(&self, date: NaiveDate) -> &ActorCode {
        self.role_on(date).map_or(&self.fallback, |r| &r.code)
    }
}

/// A role noun ("troops") that combines with an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentEntry {
    /// Stable id.
    pub id: String,
    /// The three-letter role code (`MIL`).
    pub role: String,
    /// Singular and plural nouns.
    pub phrases: Vec<Phrase>,
    /// Where it was written.
    pub location: Location,
}

/// A named word class used in verb patterns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassEntry {
    /// Stable id.
    pub id: String,
    /// The class name used as `{name}`.
    pub name: String,
    /// Its phrases.
    pub phrases: Vec<Phrase>,
    /// Where it was written.
    pub location: Location,
}

/// Irregular forms of one verb.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IrregularEntry {
    /// Stable id.
    pub id: String,
    /// The lemma (`send`).
    pub lemma: String,
    /// Simple past (`sent`).
    pub past: String,
    /// Past participle (`sent`).
    pub participle: String,
    /// Third person singular, when irregular.
    pub third: Option<String>,
    /// Gerund, when irregular.
    pub gerund: Option<String>,
    /// Where it was written.
    pub location: Location,
}

/// One element of a verb pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Element {
    /// One of these words (lower case).
    Word(Vec<String>),
    /// Any phrase of this class.
    Class(String),
    /// A gap of zero to [`MAX_GAP`] tokens.
    Gap,
    /// The target is the first actor at or after this point.
    Target,
    /// The source is the first actor at or after this point (noun patterns).
    Source,
}

/// The longest gap a `*` spans, in tokens.
pub const MAX_GAP: usize = 6;

/// A verb or noun pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pattern {
    /// The pattern as written.
    pub text: String,
    /// True when the head is a noun (`~airstrike`).
    pub noun: bool,
    /// The head lemma, lower case.
    pub head: String,
    /// The elements after the head.
    pub elements: Vec<Element>,
}

impl Pattern {
    /// How specific the pattern is: the number of words and classes it must match, head included.
    pub fn specificity(&self) -> usize {
        1 + self
            .elements
            .iter()
            .filter(|e| matches!(e, Element::Word(_) | Element::Class(_)))
            .count()
    }
}

/// An event entry: a CAMEO code and the patterns that trigger it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerbEntry {
    /// Stable id.
    pub id: String,
    /// The CAMEO code.
    pub cameo: CameoCode,
    /// The patterns.
    pub patterns: Vec<Pattern>,
    /// Escalation signals (`strike_authorization`).
    pub signals: Vec<String>,
    /// Where it was written.
    pub location: Location,
}
