//! Third-party effects: military aid or permission from A to B while B is at war with C raises
//! A-C tension (US weapons to Ukraine raise US-Russia tension), although CAMEO codes it as
//! cooperation between A and B. This component is computed and shown on its own, never added
//! silently to the direct A-C score.

use chrono::{Duration, NaiveDate};

/// A real-world event, reduced to what the rule needs.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Relation {
    /// Cluster id.
    pub id: i64,
    /// When.
    pub date: NaiveDate,
    /// Source actor without roles (`USA`).
    pub source: String,
    /// Target actor without roles.
    pub target: String,
    /// CAMEO code.
    pub cameo: String,
    /// Escalation signals.
    pub signals: Vec<String>,
    /// Evidence sentence.
    pub evidence: String,
}

/// What counts as aid or permission, and as war.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TriadRules {
    /// Signals that make an A-to-B event military aid or permission.
    pub aid_signals: Vec<String>,
    /// CAMEO code prefixes that do the same.
    pub aid_codes: Vec<String>,
    /// CAMEO code prefixes of fighting between B and C.
    pub war_codes: Vec<String>,
    /// B and C count as at war when they fought within this many days of the aid.
    pub war_window_days: i64,
}

impl Default for TriadRules {
    fn default() -> Self {
        TriadRules {
            aid_signals: [
                "weapons_delivery",
                "weapons_restriction_lifted",
                "strike_authorization",
            ]
            .map(String::from)
            .to_vec(),
            // 072: provide military aid; 0332: intend to provide military aid.
            aid_codes: ["072", "0332"].map(String::from).to_vec(),
            // 18: assault, 19: fight, 20: unconventional mass violence.
            war_codes: ["18", "19", "20"].map(String::from).to_vec(),
            war_window_days: 365,
        }
    }
}

/// An aid event that counts towards A-C tension, with the fighting that makes it count.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Contribution {
    /// A's aid or permission to B.
    pub aid: Relation,
    /// The B-C fighting nearest in time.
    pub war: Relation,
}

/// The third-party contributions to the tension between `a` and `c`: A's aid to any B (other
/// than C) while B and C were fighting. `aid` holds A's events, `fighting` the events between
/// the Bs and C in either direction.
pub fn contributions(
    rules: &TriadRules,
    a: &str,
    c: &str,
    aid: &[Relation],
    fighting: &[Relation],
) -> Vec<Contribution> {
    let window = Duration::days(rules.war_window_days);
    let mut out = Vec::new();
    for e in aid {
        if e.source != a || e.target == c || e.target == a {
            continue;
        }
        let is_aid = e.signals.iter().any(|s| rules.aid_signals.contains(s))
            || rules
                .aid_codes
                .iter()
                .any(|p| e.cameo.starts_with(p.as_str()));
        if !is_aid {
            continue;
        }
        let b = &e.target;
        let nearest = fighting
            .iter()
            .filter(|f| {
                ((&f.source == b && f.target == c) || (f.source == c && &f.target == b))
                    && rules
                        .war_codes
                        .iter()
                        .any(|p| f.cameo.starts_with(p.as_str()))
                    && (f.date - e.date).abs() <= window
            })
            .min_by_key(|f| ((f.date - e.date).num_days().abs(), f.id));
        if let Some(war) = nearest {
            out.push(Contribution {
                aid: e.clone(),
                war: war.clone(),
            });
        }
    }
    out.sort_by_key(|x| (x.aid.date, x.aid.id));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(id: i64, date: &str, s: &str, t: &str, cameo: &str, signals: &[&str]) -> Relation {
        Relation {
            id,
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            source: s.into(),
            target: t.into(),
            cameo: cameo.into(),
            signals: signals.iter().map(|x| x.to_string()).collect(),
            evidence: format!("event {id}"),
        }
    }

    #[test]
    fn aid_to_a_belligerent_counts_only_while_it_fights_the_other_side() {
        let aid = vec![
            rel(1, "2022-12-21", "USA", "UKR", "0332", &["weapons_delivery"]),
            rel(2, "2022-12-22", "USA", "UKR", "042", &[]),
            rel(3, "2019-06-01", "USA", "UKR", "072", &[]),
            rel(
                4,
                "2024-11-17",
                "USA",
                "UKR",
                "062",
                &["strike_authorization"],
            ),
            rel(5, "2024-11-17", "USA", "POL", "072", &[]),
        ];
        let fighting = vec![
            rel(10, "2022-12-30", "RUS", "UKR", "190", &[]),
            rel(11, "2024-10-01", "UKR", "RUS", "195", &[]),
            rel(12, "2024-10-02", "RUS", "UKR", "112", &[]),
        ];
        let got = contributions(&TriadRules::default(), "USA", "RUS", &aid, &fighting);
        let pairs: Vec<(i64, i64)> = got.iter().map(|c| (c.aid.id, c.war.id)).collect();
        // 2 is not aid; 3 is aid but long before any fighting; 5 goes to a country not at war.
        assert_eq!(pairs, vec![(1, 10), (4, 11)]);
    }

    #[test]
    fn the_window_is_configurable() {
        let aid = vec![rel(1, "2022-01-01", "USA", "UKR", "072", &[])];
        let fighting = vec![rel(10, "2022-06-01", "RUS", "UKR", "190", &[])];
        let strict = TriadRules {
            war_window_days: 30,
            ..Default::default()
        };
        assert!(contributions(&strict, "USA", "RUS", &aid, &fighting).is_empty());
        assert_eq!(
            contributions(&TriadRules::default(), "USA", "RUS", &aid, &fighting).len(),
            1
        );
    }

    #[test]
    fn aid_to_the_other_side_itself_is_not_third_party() {
        let aid = vec![rel(1, "2022-01-01", "USA", "RUS", "072", &[])];
        let fighting = vec![rel(10, "2022-01-02", "RUS", "RUS", "190", &[])];
        assert!(contributions(&TriadRules::default(), "USA", "RUS", &aid, &fighting).is_empty());
    }
}
