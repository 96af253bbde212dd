//! The claim record: a number a document asserts about troops, casualties, money or weapons,
//! with who asserts it and through which channel. Claims are kept apart from events: "about
//! 200,000 killed and wounded" is not something one actor did to another, but sources disagree
//! about such numbers more than about anything else.

use serde::{Deserialize, Serialize};

use crate::event::{Attribution, Modality, Participant, Polarity};

/// What a claimed number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// People killed, wounded or both.
    Casualties,
    /// Military personnel present, deployed or sent.
    Troops,
    /// Sums of money.
    Money,
    /// Weapons and munitions.
    Weapons,
}

impl ClaimKind {
    /// Lower-case name, as in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Casualties => "casualties",
            ClaimKind::Troops => "troops",
            ClaimKind::Money => "money",
            ClaimKind::Weapons => "weapons",
        }
    }
}

impl std::str::FromStr for ClaimKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "casualties" => Ok(ClaimKind::Casualties),
            "troops" => Ok(ClaimKind::Troops),
            "money" => Ok(ClaimKind::Money),
            "weapons" => Ok(ClaimKind::Weapons),
            other => Err(format!(
                "unknown claim kind `{other}` (casualties, troops, money, weapons)"
            )),
        }
    }
}

/// How the text qualifies the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As written ("97 troops").
    Exact,
    /// "about", "around", "roughly", "nearly", "approaching", "an estimated".
    About,
    /// "at least", "more than", "over".
    AtLeast,
    /// "up to", "fewer than", "as many as".
    AtMost,
    /// "between 8,000 and 11,000", "8,000-11,000".
    Range,
    /// An order of magnitude only: "hundreds of thousands", "billions of dollars".
    Vague,
}

impl Qualifier {
    /// Snake-case name, as in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// One claimed number, as `redline code --claims` prints it and as the store keeps it.
///
/// Invariant: `low <= high`, both finite and non-negative; an exact number has `low == high`.
/// The bounds are what the words allow: "about 200,000" is stored as 200,000 to 200,000 with
/// [`Qualifier::About`], and the comparison in the analysis adds the tolerance, so that the
/// record stays what the text says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// The document's id.
    pub doc_id: String,
    /// Index of the sentence in the document.
    pub sentence_index: usize,
    /// The sentence.
    pub sentence: String,
    /// The date the number refers to (the sentence's date, else publication), first day.
    pub date: Option<String>,
    /// Precision of `date`.
    pub date_precision: String,
    /// The publication date.
    pub published: Option<String>,
    /// What it counts.
    pub kind: ClaimKind,
    /// The measure within the kind: `killed`, `wounded`, `killed and wounded`, `casualties`,
    /// `personnel`, `aid`, `amount`, or the weapon ("tanks", "missiles").
    pub measure: String,
    /// The unit: `people`, `USD`, `EUR`, `GBP`, or the weapon.
    pub unit: String,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
    /// How the number is qualified.
    pub qualifier: Qualifier,
    /// The number's words as written ("between 8,000 and 11,000").
    pub number_text: String,
    /// Byte offsets of the number's words in the document text.
    pub span: [u32; 2],
    /// Whose troops, casualties, money or weapons ("Russian soldiers" gives RUSMIL); several when
    /// the text names several ("Russian and Ukrainian casualties").
    pub subjects: Vec<Participant>,
    /// Where, when the text says ("in Ukraine", "inside Ukraine").
    pub location: Option<Participant>,
    /// Who asserts it: a speech frame's speaker and channel, or a source noun ("the internal
    /// documents pointed to ..."); `None` when the article asserts it in its own voice.
    pub attribution: Option<Attribution>,
    /// Negated ("not 50 troops") or asserted.
    pub polarity: Polarity,
    /// Actual, or a scenario ("threatens the deaths of millions").
    pub modality: Modality,
    /// The rule that found it (`claim.casualties.killed_and_wounded`), and why.
    pub rule: String,
    /// How each part was read, for explanations.
    pub reasons: Vec<String>,
}

impl ClaimRecord {
    /// What sets the claim apart from an asserted, actual figure: `negated`, and the modality
    /// when it is not actual (`hypothetical`, `future`, `conditional`); empty for a plain claim.
    pub fn status(&self) -> Vec<&'static str> {
        let mut status = Vec::new();
        if self.polarity == Polarity::Negated {
            status.push("negated");
        }
        if self.modality != Modality::Actual {
            status.push(self.modality.as_str());
        }
        status
    }
}

/// A figure with thousands separators ("200,000"); a fraction or a non-finite value as Rust
/// writes it. Claims, reasons and flags all show figures this way.
pub fn group_digits(v: f64) -> String {
    if !v.is_finite() || v.fract() != 0.0 {
        return format!("{v}");
    }
    let digits = format!("{}", v as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::group_digits;

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(group_digits(200000.0), "200,000");
        assert_eq!(group_digits(97.0), "97");
        assert_eq!(group_digits(1234567.0), "1,234,567");
        assert_eq!(group_digits(2.5), "2.5");
    }
}
