//! Closed-class English words the analysis relies on. They are grammar, not dictionary data: a
//! dictionary change never needs to touch them.

/// Forms of "be" (and "get" as a passive auxiliary).
pub const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "'s", "get", "got", "gets", "gotten",
];

/// Auxiliaries and modals that may sit between a subject and its verb.
pub const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do",
    "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "'ll", "'d", "'ve", "'re", "'s",
];

/// Words that negate the verb they precede.
pub const NEGATION: &[&str] = &[
    "not", "n't", "never", "no", "neither", "nor", "nobody", "none",
];

/// Modal words that make an event hypothetical.
pub const HYPOTHETICAL: &[&str] = &[
    "might",
    "may",
    "could",
    "should",
    "can",
    "must",
    "possibly",
    "perhaps",
    "potentially",
    "allegedly",
];

/// Words that make an event future.
pub const FUTURE: &[&str] = &["will", "'ll", "shall"];

/// Words that open a conditional clause.
pub const CONDITIONAL: &[&str] = &["if", "unless", "whether"];

/// Words that open a new clause.
pub const SUBORDINATORS: &[&str] = &[
    "but", "while", "whereas", "although", "though", "because", "after", "before", "when",
    "whenever", "if", "unless", "which", "who", "whom", "whose", "where", "since", "until",
    "whether", "once", "so",
];

/// Punctuation that closes a clause.
pub const CLAUSE_PUNCT: &[&str] = &[";", ":", "(", ")", "—", "–", "\"", "“", "”", "[", "]"];

/// Personal pronouns that can stand for an actor, with whether they name a person.
pub const PRONOUNS: &[(&str, PronounKind)] = &[
    ("he", PronounKind::Person),
    ("she", PronounKind::Person),
    ("him", PronounKind::Person),
    ("her", PronounKind::Person),
    ("it", PronounKind::Thing),
    ("its", PronounKind::Thing),
    ("they", PronounKind::Plural),
    ("them", PronounKind::Plural),
    ("their", PronounKind::Plural),
    ("we", PronounKind::Speaker),
    ("us", PronounKind::Speaker),
    ("our", PronounKind::Speaker),
];

/// What a pronoun may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    /// he, she: a person.
    Person,
    /// it: a country, organisation or group.
    Thing,
    /// they: any actor but a single person.
    Plural,
    /// we: the speaker's side.
    Speaker,
}

/// Verbs of saying: they are not events (no catch-all "make statement"), they attribute what
/// follows or precedes them to their subject.
pub const SPEECH: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "state",
    "states",
    "stated",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "report",
    "reports",
    "reported",
    "reporting",
    "add",
    "adds",
    "added",
    "note",
    "notes",
    "noted",
    "write",
    "writes",
    "wrote",
    "declare",
    "declares",
    "declared",
    "insist",
    "insists",
    "insisted",
    "argue",
    "argues",
    "argued",
    "confirm",
    "confirms",
    "confirmed",
    "acknowledge",
    "acknowledged",
    "allege",
    "alleged",
    "alleges",
    "assert",
    "asserted",
    "explain",
    "explained",
    "announce",
    "announces",
    "announced",
    "announcing",
    "disclose",
    "disclosed",
    "reveal",
    "revealed",
    "suggest",
    "suggested",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "fear",
    "feared",
    "fears",
    "estimate",
    "estimated",
    "estimates",
    "predict",
    "predicted",
    "admit",
    "admitted",
    "warn",
    "warned",
    "warns",
    "pledge",
    "pledged",
    "pledges",
    "promise",
    "promised",
    "promises",
    "vow",
    "vowed",
    "vows",
    "indicated",
    "signaled",
    "signalled",
];

/// Speech verbs after which a "would" is the future of the past ("announced it would send").
pub const SPEECH_PAST: &[&str] = &[
    "said",
    "told",
    "stated",
    "claimed",
    "reported",
    "added",
    "noted",
    "wrote",
    "declared",
    "insisted",
    "argued",
    "confirmed",
    "acknowledged",
    "alleged",
    "asserted",
    "explained",
    "announced",
    "disclosed",
    "revealed",
    "suggested",
    "believed",
    "thought",
    "feared",
    "estimated",
    "predicted",
    "admitted",
    "warned",
    "promised",
    "pledged",
    "vowed",
    "signalled",
    "signaled",
    "indicated",
    "decided",
    "agreed",
];

/// How a verb that governs a `to`-infinitive colours the infinitive's event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governor {
    /// agree, pledge, promise: a statement of intent (CAMEO 03x).
    Intent,
    /// intend, prepare, going to: not yet happened, and the actor's own intent.
    Future,
    /// plan, expect, set, due: not yet happened, as someone expects it; no statement of intent.
    Expected,
    /// want, threaten, authorize, urge: may never happen.
    Hypothetical,
    /// refuse, fail, decline: did not happen.
    Negated,
    /// begin, continue, manage: happened.
    Actual,
}

/// Lemma prefixes (matched on the start of the word, so inflections are covered) of verbs that
/// govern an infinitive. Anything not listed defaults to hypothetical: an embedded event is a
/// fact only when the governor says so.
pub const GOVERNORS: &[(&str, Governor)] = &[
    ("agree", Governor::Intent),
    ("pledg", Governor::Intent),
    ("promis", Governor::Intent),
    ("vow", Governor::Intent),
    ("offer", Governor::Intent),
    ("decid", Governor::Intent),
    ("commit", Governor::Intent),
    ("undert", Governor::Intent),
    ("plan", Governor::Expected),
    ("intend", Governor::Future),
    ("prepar", Governor::Future),
    ("expect", Governor::Expected),
    ("set", Governor::Expected),
    ("going", Governor::Future),
    ("schedul", Governor::Expected),
    ("about", Governor::Future),
    ("due", Governor::Expected),
    ("poised", Governor::Expected),
    ("refus", Governor::Negated),
    ("fail", Governor::Negated),
    ("declin", Governor::Negated),
    ("yet", Governor::Negated),
    ("begin", Governor::Actual),
    ("began", Governor::Actual),
    ("begun", Governor::Actual),
    ("start", Governor::Actual),
    ("continu", Governor::Actual),
    ("manag", Governor::Actual),
    ("resum", Governor::Actual),
    ("moved", Governor::Actual),
    ("proceed", Governor::Actual),
    ("went on", Governor::Actual),
    // "the first president to authorize": a record, so it happened.
    ("first", Governor::Actual),
];

/// Verbs whose object may be a nominal event of their subject ("launched airstrikes on").
pub const SUPPORT_VERBS: &[&str] = &[
    "launch", "carr", "conduct", "stag", "mount", "unleash", "begin", "began", "begun", "start",
    "continu", "resum", "step", "intensif", "escalat", "order", "mak", "made", "hold", "held",
    "ha", "impos", "announc", "approv", "sign", "giv", "gave", "issu", "deliver", "pay", "paid",
    "host", "open", "conclud", "perform", "undert", "execut", "complet", "finish", "expand",
    "extend", "renew", "call", "threat", "declar", "introduc", "adopt", "pass", "put", "ramp",
    "widen", "organi", "engag", "fir", "fired", "use", "using", "hand", "lodg", "submit", "send",
    "sent", "file", "convey", "step",
];

/// Titles absorbed before a person's name ("Secretary of State Antony Blinken").
pub const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "general",
    "gen.",
    "gen",
    "admiral",
    "adm.",
    "chancellor",
    "foreign",
    "defense",
    "defence",
    "state",
    "of",
    "the",
    "chief",
    "mr.",
    "mrs.",
    "ms.",
    "mr",
    "mrs",
    "ms",
    "dr.",
    "dr",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press",
    "ambassador",
    "envoy",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "speaker",
    "leader",
    "commander",
    "head",
    "director",
    "deputy",
    "national",
    "security",
    "adviser",
    "advisor",
    "king",
    "queen",
    "crown",
    "prince",
    "sheikh",
    "emir",
    "supreme",
    "premier",
    "colonel",
    "col.",
    "lt.",
    "lieutenant",
    "major",
    "maj.",
    "field",
    "marshal",
    "army",
    "navy",
    "air",
    "force",
    "staff",
    "joint",
    "chiefs",
    "chairman",
    "chair",
    "high",
    "representative",
    "commissioner",
    "former",
    "ex",
    "then",
    "interior",
    "finance",
    "economy",
    "trade",
    "justice",
    "intelligence",
    "pope",
    "ayatollah",
    "grand",
    "first",
    "lady",
    "mayor",
    "governor",
    "gov.",
    "attorney",
    "senior",
    "top",
    "chief-of-staff",
    "house",
    "majority",
    "minority",
    "whip",
];
