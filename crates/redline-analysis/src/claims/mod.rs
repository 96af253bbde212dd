//! Claims about the same quantity, grouped, and where their sources disagree.
//!
//! Two claims are about the same quantity when they have the same kind, the same subjects
//! (countries) and, for money and weapons, the same unit. Within a group, asserted and actual
//! claims by different asserters, close enough in time (see [`ClaimRules`]), are compared;
//! claims that name nobody are compared only within one article, since "8,000 troops" and
//! "3,500 soldiers" with no owner in two articles may be two different forces:
//! - with the same measure, their intervals must overlap; "about" widens a number by
//!   [`ClaimRules::about_tolerance`], "at least" and "up to" open one side;
//! - with different casualty measures ("killed" against "killed and wounded"), the numbers are
//!   not comparable as such: the flag says so and states what the wounded would have to be for
//!   both to hold, so a reader sees the size of the gap without being told it is a contradiction.
//!   Only a "killed" figure above a "killed and wounded" one is a contradiction.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use redline_model::{ClaimKind, ClaimRecord, Modality, Polarity, Qualifier, group_digits};
use serde::Serialize;

/// A claim as the analysis sees it: the record, who asserts it, and its quantity key.
#[derive(Debug, Clone)]
pub struct Claim {
    /// A stable id (the store's row id).
    pub id: i64,
    /// Who asserts it, as shown to users: "US officials via the New York Times", "the internal
    /// documents", or the article itself ("the article (World Socialist Web Site)").
    pub asserter: String,
    /// The subjects' key: their countries, sorted, `+`-joined.
    pub subject_key: String,
    /// The record.
    pub record: ClaimRecord,
}

/// Comparison settings.
///
/// Dates decide whether two figures can be about the same thing. A war's casualty total moves
/// slowly and is reported for months, so totals (at least [`ClaimRules::total_at_least`]) are
/// compared across [`ClaimRules::total_days_apart`]; everything else (the toll of one strike, a
/// troop build-up, an aid package, a delivery) is about one moment and compared only within
/// [`ClaimRules::moment_days_apart`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimRules {
    /// How far "about N" reaches either side, as a share of N.
    pub about_tolerance: f64,
    /// Casualty figures this large are totals.
    pub total_at_least: f64,
    /// How far apart two casualty totals may be dated and still be compared.
    pub total_days_apart: i64,
    /// How far apart other figures may be dated and still be compared.
    pub moment_days_apart: i64,
}

impl Default for ClaimRules {
    fn default() -> ClaimRules {
        ClaimRules {
            about_tolerance: 0.15,
            total_at_least: 1_000.0,
            total_days_apart: 120,
            moment_days_apart: 14,
        }
    }
}

/// The identity of a quantity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct QuantityKey {
    /// What is counted.
    pub kind: ClaimKind,
    /// Whose: countries, `+`-joined; empty when the texts name nobody.
    pub subjects: String,
    /// For money and weapons, the unit (`USD`, `tanks`); empty for people.
    pub unit: String,
}

impl QuantityKey {
    /// The key of a claim.
    pub fn of(c: &Claim) -> QuantityKey {
        QuantityKey {
            kind: c.record.kind,
            subjects: c.subject_key.clone(),
            unit: match c.record.kind {
                ClaimKind::Money | ClaimKind::Weapons => c.record.unit.clone(),
                _ => String::new(),
            },
        }
    }

    /// "casualties of RUS", "money of USA (USD)", "weapons of DEU (tanks)".
    pub fn label(&self) -> String {
        let whose = if self.subjects.is_empty() {
            "unnamed parties".to_string()
        } else {
            self.subjects.clone()
        };
        let mut s = format!("{} of {whose}", self.kind.as_str());
        if !self.unit.is_empty() {
            s += &format!(" ({})", self.unit);
        }
        s
    }
}

/// How two claims differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// The same measure, intervals that do not overlap.
    Conflict,
    /// Related but different measures ("killed" and "killed and wounded"): not comparable as
    /// such; the explanation says what would reconcile them.
    DifferentMeasures,
}

/// A flagged pair of claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// What kind of difference.
    pub kind: DisagreementKind,
    /// The higher claim's id.
    pub high: i64,
    /// The lower claim's id.
    pub low: i64,
    /// How many times the higher figure is the lower one (nominal values).
    pub ratio: f64,
    /// One paragraph a reader can check against the two sentences.
    pub explanation: String,
}

/// Claims about one quantity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimGroup {
    /// The quantity.
    pub key: QuantityKey,
    /// Its label.
    pub label: String,
    /// The member claims' ids, in date order.
    pub claims: Vec<i64>,
    /// Distinct asserters.
    pub asserters: Vec<String>,
    /// Flagged pairs.
    pub disagreements: Vec<Disagreement>,
}

/// Groups claims by quantity (groups in key order, members in date order, undated last) and flags
/// disagreements between asserters.
pub fn group(claims: &[Claim], rules: &ClaimRules) -> Vec<ClaimGroup> {
    let mut by_key: BTreeMap<QuantityKey, Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        by_key.entry(QuantityKey::of(c)).or_default().push(c);
    }
    by_key
        .into_iter()
        .map(|(key, mut members)| {
            members.sort_by_key(|a| (date(a).is_none(), date(a), a.id));
            let mut asserters: Vec<String> = Vec::new();
            for m in &members {
                if !asserters.contains(&m.asserter) {
                    asserters.push(m.asserter.clone());
                }
            }
            let mut disagreements = Vec::new();
            for (i, a) in members.iter().enumerate() {
                for b in &members[i + 1..] {
                    if let Some(d) = compare(a, b, rules) {
                        disagreements.push(d);
                    }
                }
            }
            ClaimGroup {
                label: key.label(),
                key,
                claims: members.iter().map(|m| m.id).collect(),
                asserters,
                disagreements,
            }
        })
        .collect()
}

fn date(c: &Claim) -> Option<NaiveDate> {
    c.record
        .date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// What the words allow, with "about" widened.
fn interval(r: &ClaimRecord, rules: &ClaimRules) -> (f64, f64) {
    match r.qualifier {
        Qualifier::Exact => (r.low, r.high),
        Qualifier::About => (
            r.low * (1.0 - rules.about_tolerance),
            r.high * (1.0 + rules.about_tolerance),
        ),
        Qualifier::AtLeast => (r.low, f64::INFINITY),
        Qualifier::AtMost => (0.0, r.high),
        Qualifier::Range | Qualifier::Vague => (r.low, r.high),
    }
}

/// The figure as a reader would say it: "about 30,000", "8,000–11,000".
pub fn figure(r: &ClaimRecord) -> String {
    let n = group_digits;
    match r.qualifier {
        Qualifier::Exact => n(r.low),
        Qualifier::About => format!("about {}", n(r.low)),
        Qualifier::AtLeast => format!("at least {}", n(r.low)),
        Qualifier::AtMost => format!("up to {}", n(r.high)),
        Qualifier::Range => format!("{}–{}", n(r.low), n(r.high)),
        Qualifier::Vague => format!(
            "{} (order of magnitude: {}–{})",
            r.number_text,
            n(r.low),
            n(r.high)
        ),
    }
}

/// The middle of what a claim states, for ratios.
fn nominal(r: &ClaimRecord) -> f64 {
    (r.low + r.high) / 2.0
}

/// Whether a casualty measure includes the wounded.
fn includes_wounded(measure: &str) -> Option<bool> {
    match measure {
        "killed" => Some(false),
        "killed and wounded" | "casualties" => Some(true),
        _ => None,
    }
}

fn compare(a: &Claim, b: &Claim, rules: &ClaimRules) -> Option<Disagreement> {
    let (ra, rb) = (&a.record, &b.record);
    let factual =
        |r: &ClaimRecord| r.polarity == Polarity::Asserted && r.modality == Modality::Actual;
    // Figures that name nobody are only about the same thing within one article ("the ministry
    // said 8,000 troops ... officials in Tiraspol disputed the figure, saying fewer than 2,000").
    let unnamed_elsewhere = a.subject_key.is_empty() && ra.doc_id != rb.doc_id;
    if a.asserter == b.asserter || !factual(ra) || !factual(rb) || unnamed_elsewhere {
        return None;
    }
    if ra.qualifier == Qualifier::Vague || rb.qualifier == Qualifier::Vague {
        // An order of magnitude is context, not a figure to hold a source to.
        return None;
    }
    let totals = ra.kind == ClaimKind::Casualties
        && ra.low >= rules.total_at_least
        && rb.low >= rules.total_at_least;
    let max_days = if totals {
        rules.total_days_apart
    } else {
        rules.moment_days_apart
    };
    if let (Some(da), Some(db)) = (date(a), date(b))
        && (da - db).num_days().abs() > max_days
    {
        return None;
    }
    let (hi, lo) = if nominal(ra) >= nominal(rb) {
        (a, b)
    } else {
        (b, a)
    };
    let (rh, rl) = (&hi.record, &lo.record);
    let ratio = nominal(rh) / nominal(rl).max(1e-9);
    let said = |c: &Claim| {
        format!(
            "{}: {} {}{}",
            c.asserter,
            figure(&c.record),
            c.record.measure,
            c.record
                .date
                .as_deref()
                .map_or(String::new(), |d| format!(" ({d})"))
        )
    };
    if rh.measure == rl.measure {
        let (h0, _) = interval(rh, rules);
        let (_, l1) = interval(rl, rules);
        if h0 <= l1 {
            return None;
        }
        return Some(Disagreement {
            kind: DisagreementKind::Conflict,
            high: hi.id,
            low: lo.id,
            ratio,
            explanation: format!(
                "{} against {}: the figures do not overlap; the higher is {:.1} times the lower.",
                said(hi),
                said(lo),
                ratio
            ),
        });
    }
    if rh.kind != ClaimKind::Casualties {
        return None;
    }
    let (wh, wl) = (
        includes_wounded(&rh.measure)?,
        includes_wounded(&rl.measure)?,
    );
    if wh == wl {
        return None;
    }
    if !wh {
        // More killed than killed and wounded together: a contradiction whatever the wounded.
        return Some(Disagreement {
            kind: DisagreementKind::Conflict,
            high: hi.id,
            low: lo.id,
            ratio,
            explanation: format!(
                "{} against {}: more killed than killed and wounded together.",
                said(hi),
                said(lo)
            ),
        });
    }
    // `hi` includes the wounded, `lo` counts the killed: both hold if the difference was wounded.
    let wounded_low = (rh.low - rl.high).max(0.0);
    let wounded_high = (rh.high - rl.low).max(0.0);
    let per_killed_low = wounded_low / rl.high.max(1.0);
    let per_killed_high = wounded_high / rl.low.max(1.0);
    Some(Disagreement {
        kind: DisagreementKind::DifferentMeasures,
        high: hi.id,
        low: lo.id,
        ratio,
        explanation: format!(
            "{} against {}. These measure different things: `{}` includes the wounded, `{}` does \
             not, so the figures are not a like-for-like disagreement. Both hold only if {} were \
             wounded, {:.1}–{:.1} wounded per killed.",
            said(hi),
            said(lo),
            rh.measure,
            rl.measure,
            if wounded_low == wounded_high {
                group_digits(wounded_low)
            } else {
                format!(
                    "{}–{}",
                    group_digits(wounded_low),
                    group_digits(wounded_high)
                )
            },
            per_killed_low,
            per_killed_high
        ),
    })
}

#[cfg(test)]
mod tests;
