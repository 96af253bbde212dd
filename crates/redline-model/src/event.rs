//! The event record: one coded event with its evidence, as `redline code` prints it (DESIGN.md's
//! output contract) and as the store keeps it.

use serde::{Deserialize, Serialize};

/// Polarity of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Said to have happened.
    Asserted,
    /// Said not to have happened.
    Negated,
}

impl Polarity {
    /// Lower-case name, as in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Asserted => "asserted",
            Polarity::Negated => "negated",
        }
    }
}

/// Modality of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Happened or is happening.
    Actual,
    /// Announced or expected.
    Future,
    /// Possible, wished, feared, permitted, threatened.
    Hypothetical,
    /// Depends on a condition.
    Conditional,
}

impl Modality {
    /// Lower-case name, as in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Actual => "actual",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Conditional => "conditional",
        }
    }
}

/// An actor in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// The actor code.
    pub code: String,
    /// Its country, when it has one.
    pub country: Option<String>,
    /// The text of the mention.
    pub text: String,
    /// Byte offsets of the mention in the document text.
    pub span: [u32; 2],
    /// The dictionary ids that produced the mention.
    pub rule: Vec<String>,
}

/// Who is reported to have said it, and through which channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker's words as written ("Peskov", "US officials").
    pub speaker: Option<String>,
    /// The speaker's code.
    pub speaker_code: Option<String>,
    /// The channel ("New York Times").
    pub channel: Option<String>,
    /// The channel's code.
    pub channel_code: Option<String>,
}

/// PLOVER event and mode derived from the CAMEO code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    /// The PLOVER event (`AID`), or null when PLOVER dropped the code.
    pub event: Option<String>,
    /// The mode (`military`), when there is one.
    pub mode: Option<String>,
}

/// Why the coder coded what it coded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The pattern that matched.
    pub pattern: String,
    /// Byte offsets of the trigger (head to the end of the match).
    pub trigger: [u32; 2],
    /// The words that decided polarity and modality.
    pub reasons: Vec<String>,
    /// How the date was found: the expression and its rule, or "publication date".
    pub date_rule: String,
}

/// One event, one line of `redline code`'s output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// The document's id (JSON Lines) or path (files).
    pub doc_id: String,
    /// Index of the sentence in the document.
    pub sentence_index: usize,
    /// The sentence.
    pub sentence: String,
    /// The event date (`YYYY-MM-DD`, the first day of the period).
    pub date: Option<String>,
    /// `day`, `month`, `year` or `unknown`.
    pub date_precision: String,
    /// The publication date.
    pub published: Option<String>,
    /// Who acted.
    pub source: Participant,
    /// Who was acted upon.
    pub target: Option<Participant>,
    /// The CAMEO code.
    pub cameo: String,
    /// Its two-digit root.
    pub root: String,
    /// GDELT QuadClass, 1-4.
    pub quad_class: u8,
    /// Goldstein value.
    pub goldstein: f32,
    /// PLOVER event and mode.
    pub plover: Plover,
    /// `asserted` or `negated`.
    pub polarity: Polarity,
    /// `actual`, `future`, `hypothetical` or `conditional`.
    pub modality: Modality,
    /// Speaker and channel, when reported.
    pub attribution: Option<Attribution>,
    /// The verb entry and pattern number that fired (`verb.0332.send-weapons#1`), with
    /// `+intent` when a future was coded as an intent.
    pub rule: String,
    /// Escalation signals (`strike_authorization`).
    pub signals: Vec<String>,
    /// Pattern, trigger, reasons and date rule.
    pub evidence: Evidence,
}
