//! The escalation ladder: rungs defined in a data file (`data/ladder.tsv`, embedded), each event
//! placed on the highest rung it matches, and per period the highest rung reached, with the
//! event that reached it and the change from the period before.

use chrono::NaiveDate;

use crate::series::Period;

/// The ladder shipped with Redline.
pub const EMBEDDED: &str = include_str!("../../data/ladder.tsv");

/// One rung.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Rung {
    /// Stable id (`military-confrontation`).
    pub id: String,
    /// Height, 1 = lowest.
    pub level: u8,
    /// Kahn's rungs it stands for, as written (`9,12`, `-` for ours).
    pub kahn: String,
    /// What it means.
    pub title: String,
    /// CAMEO code prefixes that reach it.
    pub cameo: Vec<String>,
    /// Escalation signals that reach it.
    pub signals: Vec<String>,
}

/// A ladder file that cannot be read, with its line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LadderError {
    /// The file (`ladder.tsv` for the embedded one).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A parsed ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    /// Rungs, lowest first.
    pub rungs: Vec<Rung>,
}

impl Ladder {
    /// The embedded ladder.
    pub fn embedded() -> Ladder {
        Ladder::parse("ladder.tsv", EMBEDDED).expect("the embedded ladder is valid (tested)")
    }

    /// Parses a ladder file; every problem names its line.
    pub fn parse(file: &str, text: &str) -> Result<Ladder, LadderError> {
        let err = |line: usize, message: String| LadderError {
            file: file.to_string(),
            line,
            message,
        };
        let mut rungs: Vec<Rung> = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = raw.split('\t').collect();
            if cols.len() != 5 {
                return Err(err(
                    line,
                    format!(
                        "expected 5 tab-separated columns (id, rung, kahn, title, matches), found {}",
                        cols.len()
                    ),
                ));
            }
            let id = cols[0].trim();
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                return Err(err(
                    line,
                    format!("rung id {id:?}: use lower-case letters and hyphens"),
                ));
            }
            if rungs.iter().any(|r| r.id == id) {
                return Err(err(line, format!("rung id {id:?} is defined twice")));
            }
            let level: u8 = cols[1].trim().parse().map_err(|_| {
                err(
                    line,
                    format!("rung {:?}: expected a number from 1", cols[1]),
                )
            })?;
            if level == 0 || rungs.last().is_some_and(|r| r.level >= level) {
                return Err(err(
                    line,
                    format!("rung {level}: rungs must go up from 1, one line each"),
                ));
            }
            let mut rung = Rung {
                id: id.to_string(),
                level,
                kahn: cols[2].trim().to_string(),
                title: cols[3].trim().to_string(),
                cameo: Vec::new(),
                signals: Vec::new(),
            };
            for m in cols[4].split_whitespace() {
                match m.split_once(':') {
                    Some(("cameo", c))
                        if !c.is_empty()
                            && c.len() <= 4
                            && c.bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        rung.cameo.push(c.to_string())
                    }
                    Some(("signal", s)) if !s.is_empty() => rung.signals.push(s.to_string()),
                    _ => {
                        return Err(err(
                            line,
                            format!("match {m:?}: expected cameo:DIGITS or signal:NAME"),
                        ));
                    }
                }
            }
            if rung.cameo.is_empty() && rung.signals.is_empty() {
                return Err(err(line, format!("rung {id:?} matches nothing")));
            }
            rungs.push(rung);
        }
        if rungs.is_empty() {
            return Err(err(1, "the ladder has no rungs".into()));
        }
        Ok(Ladder { rungs })
    }

    /// The highest rung an event with this code and these signals stands on.
    pub fn place(&self, cameo: &str, signals: &[String]) -> Option<&Rung> {
        self.rungs.iter().rev().find(|r| {
            r.cameo.iter().any(|p| cameo.starts_with(p.as_str()))
                || r.signals.iter().any(|s| signals.contains(s))
        })
    }
}

/// An event to place on the ladder.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Step {
    /// When it happened.
    pub date: NaiveDate,
    /// Its CAMEO code.
    pub cameo: String,
    /// Its escalation signals.
    pub signals: Vec<String>,
    /// What identifies it to the user (a cluster or event id).
    pub id: i64,
    /// Its evidence sentence.
    pub evidence: String,
}

/// One period on the ladder.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reached {
    /// First day of the period.
    pub start: NaiveDate,
    /// The highest rung reached, and the first event that reached it.
    pub top: Option<(Rung, Step)>,
    /// Change of the highest rung's level from the previous period (0 for the first; a period
    /// with no rung counts as level 0).
    pub change: i16,
}

/// The highest rung per period from `from` to `to`, every period included.
pub fn climb(
    ladder: &Ladder,
    steps: &[Step],
    period: Period,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Reached> {
    let mut out: Vec<Reached> = Vec::new();
    if to < from {
        return out;
    }
    let mut start = period.start_of(from);
    let mut previous: i16 = 0;
    while start <= to {
        let end = period.next(start);
        let top = steps
            .iter()
            .filter(|s| s.date >= start && s.date < end && s.date >= from && s.date <= to)
            .filter_map(|s| ladder.place(&s.cameo, &s.signals).map(|r| (r, s)))
            // The highest rung; among equals, the earliest event.
            .fold(None::<(&Rung, &Step)>, |best, (r, s)| match best {
                Some((br, bs))
                    if br.level > r.level || (br.level == r.level && bs.date <= s.date) =>
                {
                    Some((br, bs))
                }
                _ => Some((r, s)),
            })
            .map(|(r, s)| (r.clone(), s.clone()));
        let level = top.as_ref().map_or(0, |(r, _)| i16::from(r.level));
        out.push(Reached {
            start,
            change: if out.is_empty() { 0 } else { level - previous },
            top,
        });
        previous = level;
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn step(date: &str, cameo: &str, signals: &[&str], id: i64) -> Step {
        Step {
            date: day(date),
            cameo: cameo.into(),
            signals: signals.iter().map(|s| s.to_string()).collect(),
            id,
            evidence: format!("event {id}"),
        }
    }

    #[test]
    fn the_embedded_ladder_is_valid_and_places_events() {
        let l = Ladder::embedded();
        assert_eq!(l.rungs.len(), 12);
        let place = |c: &str, s: &[&str]| {
            let s: Vec<String> = s.iter().map(|x| x.to_string()).collect();
            l.place(c, &s).map(|r| r.id.clone())
        };
        assert_eq!(place("190", &[]).as_deref(), Some("military-confrontation"));
        assert_eq!(place("1382", &[]).as_deref(), Some("threat-of-force"));
        assert_eq!(place("112", &[]).as_deref(), Some("rhetoric"));
        // CAMEO scores a weapons delivery as cooperation; the signal puts it on the ladder.
        assert_eq!(place("0332", &[]), None);
        assert_eq!(
            place("0332", &["weapons_delivery"]).as_deref(),
            Some("arming-a-belligerent")
        );
        assert_eq!(
            place("062", &["strike_authorization"]).as_deref(),
            Some("limits-lifted")
        );
        assert_eq!(
            place("150", &["nuclear_exercise"]).as_deref(),
            Some("nuclear-signalling")
        );
        assert_eq!(place("057", &[]), None);
    }

    #[test]
    fn bad_ladder_lines_are_named() {
        let e = Ladder::parse("l.tsv", "# c\na\t1\t1\tA\tcameo:19\nb\t1\t2\tB\tcameo:18\n")
            .unwrap_err();
        assert_eq!((e.line, e.file.as_str()), (3, "l.tsv"));
        assert!(e.message.contains("go up"), "{e}");
        let e = Ladder::parse("l.tsv", "a\t1\t1\tA\tcode:19\n").unwrap_err();
        assert!(
            e.to_string().starts_with("l.tsv:1: match \"code:19\""),
            "{e}"
        );
        let e = Ladder::parse("l.tsv", "a\t1\t1\tA\n").unwrap_err();
        assert!(e.message.contains("5 tab-separated columns"), "{e}");
    }

    #[test]
    fn periods_report_the_highest_rung_and_its_change() {
        let l = Ladder::embedded();
        let steps = vec![
            step("2025-03-03", "112", &[], 1),
            step("2025-03-04", "190", &[], 2),
            step("2025-03-05", "193", &[], 3),
            step("2025-03-12", "0332", &["weapons_delivery"], 4),
            step("2025-03-26", "057", &[], 5),
        ];
        let r = climb(
            &l,
            &steps,
            Period::Week,
            day("2025-03-03"),
            day("2025-03-30"),
        );
        let got: Vec<(String, Option<String>, Option<i64>, i16)> = r
            .iter()
            .map(|x| {
                (
                    x.start.to_string(),
                    x.top.as_ref().map(|(r, _)| r.id.clone()),
                    x.top.as_ref().map(|(_, s)| s.id),
                    x.change,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "2025-03-03".into(),
                    Some("military-confrontation".into()),
                    Some(2),
                    0
                ),
                (
                    "2025-03-10".into(),
                    Some("arming-a-belligerent".into()),
                    Some(4),
                    -3
                ),
                ("2025-03-17".into(), None, None, -7),
                ("2025-03-24".into(), None, None, 0),
            ]
        );
    }
}
