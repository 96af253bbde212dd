//! Red-line rules: conditions on actors, codes, ladder rungs, signals and words, with a count in
//! a time window, read from a YAML file. Evaluating them over a store's events gives alerts that
//! name their rule and every event that triggered them.

use chrono::{Duration, NaiveDate};
use serde::Deserialize;

use crate::ladder::Ladder;

/// The rules shipped with Redline (examples to adapt).
pub const EMBEDDED: &str = include_str!("../../data/redlines.yaml");

/// A rules file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The rules, in the order they are reported.
    pub rules: Vec<Rule>,
}

fn one() -> usize {
    1
}

/// One red line.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// What crossing it means.
    pub title: String,
    /// Source actors (any); a country matches all its roles.
    #[serde(default)]
    pub source: Vec<String>,
    /// Target actors (any).
    #[serde(default)]
    pub target: Vec<String>,
    /// Source and target may be swapped.
    #[serde(default)]
    pub undirected: bool,
    /// CAMEO code prefixes (any).
    #[serde(default)]
    pub cameo: Vec<String>,
    /// Escalation signals (any).
    #[serde(default)]
    pub signals: Vec<String>,
    /// The lowest ladder rung (a rung id).
    #[serde(default)]
    pub min_rung: Option<String>,
    /// Words or phrases in the evidence (any, case-insensitive).
    #[serde(default)]
    pub words: Vec<String>,
    /// Events needed.
    #[serde(default = "one")]
    pub count: usize,
    /// Days the events must fall within.
    #[serde(default = "one_day")]
    pub window_days: i64,
    /// Count each pair of actors apart.
    #[serde(default)]
    pub per_dyad: bool,
}

fn one_day() -> i64 {
    1
}

/// A rules file that cannot be used, with where.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct RuleError {
    /// The file.
    pub file: String,
    /// What is wrong (with the YAML line, or the rule id).
    pub message: String,
}

/// An event as the rules see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidate {
    /// Cluster id.
    pub id: i64,
    /// When.
    pub date: NaiveDate,
    /// Source actor code.
    pub source: String,
    /// Source country.
    pub source_country: Option<String>,
    /// Target actor code, when there is one.
    pub target: Option<String>,
    /// Target country.
    pub target_country: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// Escalation signals.
    pub signals: Vec<String>,
    /// Evidence sentence.
    pub evidence: String,
}

/// A crossed red line.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Alert {
    /// The rule's id.
    pub rule: String,
    /// The rule's title.
    pub title: String,
    /// The events that triggered it, in date order.
    pub events: Vec<Candidate>,
}

/// Parses and checks a rules file against the ladder.
pub fn parse(file: &str, text: &str, ladder: &Ladder) -> Result<Vec<Rule>, RuleError> {
    let err = |message: String| RuleError {
        file: file.to_string(),
        message,
    };
    let parsed: RuleFile = serde_saphyr::from_str(text).map_err(|e| err(e.to_string()))?;
    let mut seen = std::collections::HashSet::new();
    for r in &parsed.rules {
        let here = |m: String| err(format!("rule {:?}: {m}", r.id));
        if r.id.trim().is_empty() {
            return Err(err("a rule has an empty id".into()));
        }
        if !seen.insert(r.id.clone()) {
            return Err(here("the id is used twice".into()));
        }
        if let Some(rung) = &r.min_rung
            && !ladder.rungs.iter().any(|x| &x.id == rung)
        {
            let ids: Vec<&str> = ladder.rungs.iter().map(|x| x.id.as_str()).collect();
            return Err(here(format!(
                "min_rung {rung:?} is not a rung of the ladder ({})",
                ids.join(", ")
            )));
        }
        if let Some(c) = r
            .cameo
            .iter()
            .find(|c| c.is_empty() || c.len() > 4 || !c.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(here(format!("cameo {c:?}: expected 2 to 4 digits")));
        }
        if r.count == 0 || r.window_days < 1 {
            return Err(here("count and window_days must be at least 1".into()));
        }
        let has_condition = !(r.source.is_empty()
            && r.target.is_empty()
            && r.cameo.is_empty()
            && r.signals.is_empty()
            && r.min_rung.is_none()
            && r.words.is_empty());
        if !has_condition {
            return Err(here(
                "it has no condition, so every event would cross it".into(),
            ));
        }
    }
    Ok(parsed.rules)
}

fn actor_matches(spec: &[String], code: Option<&str>, country: Option<&str>) -> bool {
    spec.is_empty()
        || spec
            .iter()
            .any(|s| code.is_some_and(|c| c.starts_with(s.as_str())) || country == Some(s.as_str()))
}

impl Rule {
    /// Whether one event meets every condition.
    pub fn matches(&self, e: &Candidate, ladder: &Ladder) -> bool {
        let forward = actor_matches(&self.source, Some(&e.source), e.source_country.as_deref())
            && actor_matches(
                &self.target,
                e.target.as_deref(),
                e.target_country.as_deref(),
            );
        let backward = self.undirected
            && actor_matches(
                &self.source,
                e.target.as_deref(),
                e.target_country.as_deref(),
            )
            && actor_matches(&self.target, Some(&e.source), e.source_country.as_deref());
        if !(forward || backward) {
            return false;
        }
        if !self.cameo.is_empty() && !self.cameo.iter().any(|p| e.cameo.starts_with(p.as_str())) {
            return false;
        }
        if !self.signals.is_empty() && !self.signals.iter().any(|s| e.signals.contains(s)) {
            return false;
        }
        if let Some(min) = &self.min_rung {
            let need = ladder
                .rungs
                .iter()
                .find(|r| &r.id == min)
                .map_or(u8::MAX, |r| r.level);
            if ladder
                .place(&e.cameo, &e.signals)
                .is_none_or(|r| r.level < need)
            {
                return false;
            }
        }
        if !self.words.is_empty() {
            let text = e.evidence.to_lowercase();
            if !self
                .words
                .iter()
                .any(|w| contains_word(&text, &w.to_lowercase()))
            {
                return false;
            }
        }
        true
    }
}

/// `needle` in `text` at word boundaries ("tank" in "tanks," is not "tank", but "tanks" is).
fn contains_word(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Evaluates the rules over `events`: for each rule, each run of at least `count` matching
/// events within `window_days` gives one alert; alerts of one rule never share an event.
pub fn evaluate(rules: &[Rule], ladder: &Ladder, events: &[Candidate]) -> Vec<Alert> {
    let mut out = Vec::new();
    for rule in rules {
        let mut matching: Vec<&Candidate> =
            events.iter().filter(|e| rule.matches(e, ladder)).collect();
        matching.sort_by_key(|e| (e.date, e.id));
        // Group by pair of actors when asked, else one group. One pass into an ordered map:
        // groups come out in key order and keep the date order of `matching`.
        let groups: Vec<Vec<&Candidate>> = if rule.per_dyad {
            fn key(e: &Candidate) -> (&str, &str) {
                let a = e.source_country.as_deref().unwrap_or(&e.source);
                let b = e
                    .target_country
                    .as_deref()
                    .or(e.target.as_deref())
                    .unwrap_or_default();
                if a <= b { (a, b) } else { (b, a) }
            }
            let mut by_pair: std::collections::BTreeMap<(&str, &str), Vec<&Candidate>> =
                std::collections::BTreeMap::new();
            for e in matching {
                by_pair.entry(key(e)).or_default().push(e);
            }
            by_pair.into_values().collect()
        } else {
            vec![matching]
        };
        let window = Duration::days(rule.window_days - 1);
        for group in groups {
            let mut start = 0;
            let mut i = 0;
            while i < group.len() {
                while group[i].date - group[start].date > window {
                    start += 1;
                }
                if i + 1 - start >= rule.count {
                    out.push(Alert {
                        rule: rule.id.clone(),
                        title: rule.title.clone(),
                        events: group[start..=i].iter().map(|e| (*e).clone()).collect(),
                    });
                    start = i + 1;
                }
                i += 1;
            }
        }
    }
    out.sort_by_key(|a| (a.events.last().map(|e| e.date), a.rule.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(
        id: i64,
        date: &str,
        s: &str,
        t: Option<&str>,
        cameo: &str,
        signals: &[&str],
        text: &str,
    ) -> Candidate {
        Candidate {
            id,
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            source: s.into(),
            source_country: Some(s[..3].to_string()).filter(|c| c != "IGO"),
            target: t.map(String::from),
            target_country: t.map(|t| t[..3].to_string()).filter(|c| c != "IGO"),
            cameo: cameo.into(),
            signals: signals.iter().map(|x| x.to_string()).collect(),
            evidence: text.into(),
        }
    }

    #[test]
    fn the_embedded_rules_are_valid() {
        let rules = parse("redlines.yaml", EMBEDDED, &Ladder::embedded()).unwrap();
        assert!(rules.len() >= 5);
    }

    #[test]
    fn rules_fire_on_what_they_name_and_nothing_else() {
        let ladder = Ladder::embedded();
        let rules = parse("redlines.yaml", EMBEDDED, &ladder).unwrap();
        let events = vec![
            ev(
                1,
                "2022-12-21",
                "USAGOV",
                Some("UKR"),
                "0332",
                &["weapons_delivery"],
                "The administration will send a Patriot battery to Ukraine.",
            ),
            ev(
                2,
                "2022-12-22",
                "USAGOV",
                Some("UKR"),
                "0332",
                &["weapons_delivery"],
                "Washington will send blankets to Ukraine.",
            ),
            ev(
                3,
                "2024-11-17",
                "USA",
                Some("UKR"),
                "062",
                &["strike_authorization"],
                "Biden allowed Ukraine to strike inside Russia.",
            ),
            ev(
                4,
                "2025-03-01",
                "RUSMIL",
                Some("UKR"),
                "190",
                &[],
                "Russian forces attacked.",
            ),
            ev(
                5,
                "2025-03-03",
                "UKRMIL",
                Some("RUS"),
                "195",
                &[],
                "Ukraine struck back.",
            ),
            ev(
                6,
                "2025-03-05",
                "RUS",
                Some("UKR"),
                "194",
                &[],
                "Russia shelled Kharkiv.",
            ),
            ev(
                7,
                "2025-03-05",
                "RUS",
                Some("GEO"),
                "190",
                &[],
                "Russia attacked Georgia.",
            ),
            ev(
                8,
                "2025-04-01",
                "RUSMIL",
                Some("IGONAT"),
                "190",
                &[],
                "Russian jets fired on NATO aircraft.",
            ),
        ];
        let alerts = evaluate(&rules, &ladder, &events);
        let got: Vec<(String, Vec<i64>)> = alerts
            .iter()
            .map(|a| (a.rule.clone(), a.events.iter().map(|e| e.id).collect()))
            .collect();
        assert!(
            got.contains(&("advanced-weapons-to-ukraine".into(), vec![1])),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|(r, ids)| r == "advanced-weapons-to-ukraine" && ids.contains(&2)),
            "{got:?}"
        );
        assert!(
            got.contains(&("strikes-inside-russia-permitted".into(), vec![3])),
            "{got:?}"
        );
        // Three RUS-UKR confrontations within a week; the Georgia attack is another pair.
        assert!(
            got.contains(&("sustained-fighting".into(), vec![4, 5, 6])),
            "{got:?}"
        );
        // Undirected: Russia firing on NATO counts as a NATO-Russia clash.
        assert!(
            got.contains(&("nato-russia-clash".into(), vec![8])),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|(r, _)| r == "nuclear-signalling"),
            "{got:?}"
        );
    }

    #[test]
    fn bad_rules_are_named() {
        let ladder = Ladder::embedded();
        let e = parse(
            "r.yaml",
            "rules:\n  - id: a\n    title: A\n    min_rung: top\n",
            &ladder,
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("r.yaml: rule \"a\": min_rung \"top\""),
            "{e}"
        );
        let e = parse("r.yaml", "rules:\n  - id: a\n    title: A\n", &ladder).unwrap_err();
        assert!(e.message.contains("no condition"), "{e}");
        let e = parse(
            "r.yaml",
            "rules:\n  - id: a\n    title: A\n    colour: red\n",
            &ladder,
        )
        .unwrap_err();
        assert!(e.message.contains("colour"), "{e}");
        let e = parse("r.yaml", "rules: [\n", &ladder).unwrap_err();
        assert!(e.to_string().starts_with("r.yaml: "), "{e}");
    }

    #[test]
    fn words_match_at_word_boundaries() {
        assert!(contains_word("send tanks, and more", "tanks"));
        assert!(!contains_word("send tanks, and more", "tank"));
        assert!(contains_word("a patriot battery", "patriot"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// The rules read events in date order and never look ahead: evaluating the events up
        /// to a day gives exactly the alerts of the whole evaluation whose last event is on or
        /// before that day. The server answers `/api/alerts?to=` from one cached evaluation
        /// because of this.
        #[test]
        fn issue_6_alerts_up_to_a_day_are_a_prefix_of_all_alerts(
            events in proptest::collection::vec(
                (0i64..40, 0usize..4, 0usize..4, 0usize..3),
                0..60,
            ),
            cut in 0i64..40,
        ) {
            let ladder = Ladder::embedded();
            let rules = parse("redlines.yaml", EMBEDDED, &ladder).unwrap();
            let actors = ["RUSMIL", "UKRMIL", "USAGOV", "IGONAT"];
            let kinds: [(&str, &[&str]); 3] = [
                ("190", &[]),
                ("195", &[]),
                ("1383", &["red_line"]),
            ];
            let day0 = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
            let all: Vec<Candidate> = events
                .iter()
                .enumerate()
                .filter(|(_, (_, s, t, _))| s != t)
                .map(|(i, &(d, s, t, k))| {
                    let date = (day0 + Duration::days(d)).format("%Y-%m-%d").to_string();
                    let (cameo, signals) = kinds[k];
                    ev(i as i64, &date, actors[s], Some(actors[t]), cameo, signals, "fighting")
                })
                .collect();
            let last_day = day0 + Duration::days(cut);
            let upto: Vec<Candidate> =
                all.iter().filter(|e| e.date <= last_day).cloned().collect();
            let direct = evaluate(&rules, &ladder, &upto);
            let selected: Vec<Alert> = evaluate(&rules, &ladder, &all)
                .into_iter()
                .filter(|a| a.events.last().is_some_and(|e| e.date <= last_day))
                .collect();
            proptest::prop_assert_eq!(direct, selected);
        }
    }
}
