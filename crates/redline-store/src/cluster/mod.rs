//! Event clusters: the reports of one real-world event, merged by transparent rules.
//!
//! GDELT deduplicates on exact tuples and so counts one event once per report. Here a new report
//! joins an existing cluster only when all of these hold, and the reason is stored with it:
//!
//! 1. the same dyad up to actor roles (`RUSMIL -> UKR` and `RUS -> UKRGOV` are both `RUS -> UKR`);
//! 2. the same polarity and modality (a denial never merges with the claim it denies);
//! 3. compatible codes: equal, one a refinement of the other (`19` / `193`, `083` / `0832`), or one
//!    the root's generic code (`190` with any `19x`); codes of the same root that are none of these
//!    merge only with similar evidence (rule 5);
//! 4. dates within the window of the cluster's *first* report (day dates within
//!    [`ClusterRules::day_window`] days for material events, [`ClusterRules::verbal_day_window`]
//!    for statements, which are repeated day after day; month and year dates only with the same
//!    period), so a war
//!    reported every day never chains into one event; undated reports merge only inside their
//!    own article;
//! 5. for codes that are only siblings, evidence sentences sharing at least
//!    [`ClusterRules::min_similarity`] of their content words (Jaccard).
//!
//! The candidate chosen is the one with the most compatible code, then the nearest date, then the
//! most similar evidence, then the oldest. Assignment is incremental, in ingest order; a re-run of
//! the same inputs in the same order gives the same clusters.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;
use redline_model::EventRecord;
use rusqlite::{Transaction, params};

/// The thresholds of the merge rules.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterRules {
    /// Day-precision reports within this many days of a cluster's first report can merge.
    pub day_window: i64,
    /// The same for verbal events (QuadClass 1 and 3): a denial on Monday and "again" on
    /// Wednesday are two statements.
    pub verbal_day_window: i64,
    /// Minimum evidence similarity for sibling codes.
    pub min_similarity: f64,
}

impl Default for ClusterRules {
    fn default() -> Self {
        ClusterRules {
            day_window: 2,
            verbal_day_window: 1,
            min_similarity: 0.25,
        }
    }
}

/// An actor code without its roles: the country (`RUSMIL` -> `RUS`), or for organisations and
/// other non-country codes the first two blocks (`IGONAT`, `NGOHRI`).
pub fn actor_base(code: &str) -> String {
    let code = code.trim();
    match redline_model::ActorCode::try_from(code) {
        Ok(c) => match c.country() {
            Some(country) => country.to_string(),
            None => code[..code.len().min(6)].to_string(),
        },
        Err(_) => code.to_string(),
    }
}

/// Whether two CAMEO codes can name the same event, and how: `Some("same code")`,
/// `Some("refinement")`, `Some("generic")`, or `None` (siblings or other roots).
pub fn codes_compatible(a: &str, b: &str) -> Option<&'static str> {
    if a == b {
        return Some("same code");
    }
    if a.starts_with(b) || b.starts_with(a) {
        return Some("refinement");
    }
    let generic = |c: &str| c.len() == 3 && c.ends_with('0');
    if a.get(..2) == b.get(..2) && (generic(a) || generic(b)) {
        return Some("generic");
    }
    None
}

/// Words that say nothing about which event a sentence reports.
const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "that", "with", "from", "this", "have", "has", "had", "were", "was", "will",
    "would", "said", "says", "their", "they", "them", "been", "into", "over", "after", "about",
    "which", "also", "more", "than", "other", "while", "when", "where", "there", "its", "for",
    "but", "not", "are", "who", "what", "could", "should", "may", "might", "on", "in", "of", "to",
    "a", "an", "as", "at", "by", "is", "it", "be", "or",
];

fn content_words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

/// Jaccard similarity of the content words of two sentences.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (content_words(a), content_words(b));
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(&b).count() as f64;
    shared / ((a.len() + b.len()) as f64 - shared).max(1.0)
}

/// A report just inserted, to be placed in a cluster.
pub(crate) struct NewEvent<'a> {
    pub id: i64,
    pub document_id: i64,
    pub record: &'a EventRecord,
    pub date: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
}

/// Where a report went.
pub(crate) struct Placement {
    pub cluster_id: i64,
    pub merged: bool,
}

/// Higher is better: code rank, then nearer (negated gap), then more similar (per mille), then
/// older (negated id).
type Score = (u8, i64, i64, i64);

struct Candidate {
    id: i64,
    cameo: String,
    anchor_start: Option<String>,
    anchor_end: Option<String>,
    precision: String,
    first_sentence: String,
    first_doc: i64,
}

/// Places one report: joins the best compatible cluster, or founds a new one. Stores the reason
/// on the event row.
pub(crate) fn assign(
    tx: &Transaction<'_>,
    rules: &ClusterRules,
    ev: &NewEvent<'_>,
) -> rusqlite::Result<Placement> {
    let r = ev.record;
    let source_base = actor_base(&r.source.code);
    let target_base = r
        .target
        .as_ref()
        .map(|t| actor_base(&t.code))
        .unwrap_or_default();
    let polarity = r.polarity.as_str();
    let window = if matches!(r.quad_class, 1 | 3) {
        rules.verbal_day_window
    } else {
        rules.day_window
    };
    let modality = r.modality.as_str();
    let fmt = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    // Candidate clusters: same key, anchor dates that can be within the window.
    let candidates: Vec<Candidate> = {
        const COLUMNS: &str = "SELECT c.id, c.cameo, c.anchor_start, c.anchor_end, \
             c.date_precision, se.text, fe.document_id \
             FROM clusters c JOIN events fe ON fe.id = c.first_event_id \
             JOIN sentences se ON se.id = fe.sentence_id \
             WHERE c.source_base = ?1 AND c.target_base = ?2 AND c.root = ?3 \
             AND c.polarity = ?4 AND c.modality = ?5";
        let read = |row: &rusqlite::Row<'_>| {
            Ok(Candidate {
                id: row.get(0)?,
                cameo: row.get(1)?,
                anchor_start: row.get(2)?,
                anchor_end: row.get(3)?,
                precision: row.get(4)?,
                first_sentence: row.get(5)?,
                first_doc: row.get(6)?,
            })
        };
        match (ev.date, ev.date_end) {
            (Some(s), Some(e)) => {
                let lo = s - chrono::Duration::days(window);
                let hi = e + chrono::Duration::days(window);
                // An anchor period is at most a year long, so anchors that start more than 366
                // days before `lo` cannot reach it: this bound keeps the index scan short on a
                // store of years of the same dyad.
                let floor = lo - chrono::Duration::days(366);
                let mut stmt = tx.prepare_cached(&format!(
                    "{COLUMNS} AND c.anchor_start >= ?6 AND c.anchor_start <= ?7 \
                     AND c.anchor_end >= ?8 ORDER BY c.id"
                ))?;
                stmt.query_map(
                    params![
                        source_base,
                        target_base,
                        r.root,
                        polarity,
                        modality,
                        fmt(floor),
                        fmt(hi),
                        fmt(lo)
                    ],
                    read,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?
            }
            _ => {
                // Undated reports merge only inside their own article.
                let mut stmt = tx.prepare_cached(&format!(
                    "{COLUMNS} AND c.anchor_start IS NULL AND c.id IN \
                     (SELECT cluster_id FROM events WHERE document_id = ?6) ORDER BY c.id"
                ))?;
                stmt.query_map(
                    params![
                        source_base,
                        target_base,
                        r.root,
                        polarity,
                        modality,
                        ev.document_id
                    ],
                    read,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?
            }
        }
    };
    let parse = |s: &Option<String>| {
        s.as_deref()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    // Score every candidate that passes the rules; keep the best.
    let mut best: Option<(Score, &Candidate, String)> = None;
    for c in &candidates {
        let gap = match (
            ev.date,
            ev.date_end,
            parse(&c.anchor_start),
            parse(&c.anchor_end),
        ) {
            (Some(s), Some(e), Some(cs), Some(ce)) => {
                if r.date_precision != c.precision {
                    continue;
                }
                if r.date_precision == "day" {
                    let g = (s - cs).num_days().abs().max((e - ce).num_days().abs());
                    if g > window {
                        continue;
                    }
                    g
                } else if s == cs && e == ce {
                    0
                } else {
                    continue;
                }
            }
            (None, _, None, _) => 0,
            _ => continue,
        };
        let sim = similarity(&r.sentence, &c.first_sentence);
        let (code_rank, code_words) = match codes_compatible(&r.cameo, &c.cameo) {
            Some("same code") => (3u8, format!("same code {}", r.cameo)),
            Some(how) => (2, format!("codes {} and {} ({how})", r.cameo, c.cameo)),
            None if sim >= rules.min_similarity => (
                1,
                format!(
                    "sibling codes {} and {} with similar evidence ({sim:.2} of content words shared)",
                    r.cameo, c.cameo
                ),
            ),
            None => continue,
        };
        let date_words = match (&c.anchor_start, ev.date) {
            (Some(a), Some(d)) if gap == 0 => {
                format!("same date as its first report ({a}, {})", fmt(d))
            }
            (Some(a), Some(d)) => {
                format!("{gap} day(s) from its first report ({a} and {})", fmt(d))
            }
            _ => "both undated, in the same article".to_string(),
        };
        let where_words = if c.first_doc == ev.document_id {
            "in the same article as its first report"
        } else {
            "in another article"
        };
        let reason = format!(
            "joined cluster {}: same dyad {}->{} (as {}->{}), {code_words}, {date_words}, {where_words}",
            c.id,
            source_base,
            if target_base.is_empty() {
                "-"
            } else {
                &target_base
            },
            r.source.code,
            r.target.as_ref().map_or("-", |t| t.code.as_str()),
        );
        // Higher is better: code rank, then nearer, then more similar, then older.
        let score = (code_rank, -gap, (sim * 1000.0) as i64, -c.id);
        if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
            best = Some((score, c, reason));
        }
    }
    if let Some((_, c, reason)) = best {
        tx.prepare_cached("UPDATE events SET cluster_id = ?1, cluster_reason = ?2 WHERE id = ?3")?
            .execute(params![c.id, reason, ev.id])?;
        return Ok(Placement {
            cluster_id: c.id,
            merged: true,
        });
    }
    tx.prepare_cached(
        "INSERT INTO clusters(source_base, target_base, root, cameo, polarity, modality, \
         date_start, date_end, date_precision, anchor_start, anchor_end, first_report, \
         first_event_id, n_mentions, n_articles, n_sources) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?7, ?8, ?10, ?11, 1, 1, 1)",
    )?
    .execute(params![
        source_base,
        target_base,
        r.root,
        r.cameo,
        polarity,
        modality,
        ev.date.map(fmt),
        ev.date_end.map(fmt),
        r.date_precision,
        r.published,
        ev.id
    ])?;
    let cluster_id = tx.last_insert_rowid();
    let reason = format!(
        "founded cluster {cluster_id}: first report of {}->{} {} on {}",
        r.source.code,
        r.target.as_ref().map_or("-", |t| t.code.as_str()),
        r.cameo,
        r.date.as_deref().unwrap_or("an unknown date")
    );
    tx.prepare_cached("UPDATE events SET cluster_id = ?1, cluster_reason = ?2 WHERE id = ?3")?
        .execute(params![cluster_id, reason, ev.id])?;
    Ok(Placement {
        cluster_id,
        merged: false,
    })
}

/// Recounts the touched clusters from their members, and deletes those left empty.
pub(crate) fn refresh(tx: &Transaction<'_>, touched: &BTreeSet<i64>) -> rusqlite::Result<()> {
    let mut update = tx.prepare_cached(
        "UPDATE clusters SET \
           n_mentions = (SELECT count(*) FROM events WHERE cluster_id = ?1), \
           n_articles = (SELECT count(DISTINCT document_id) FROM events WHERE cluster_id = ?1), \
           n_sources = (SELECT count(DISTINCT ifnull(d.source_id, -d.id)) FROM events e \
                        JOIN documents d ON d.id = e.document_id WHERE e.cluster_id = ?1), \
           first_report = (SELECT min(d.published) FROM events e \
                        JOIN documents d ON d.id = e.document_id WHERE e.cluster_id = ?1), \
           date_start = (SELECT min(date) FROM events WHERE cluster_id = ?1), \
           date_end = (SELECT max(date_end) FROM events WHERE cluster_id = ?1), \
           cameo = ifnull((SELECT cameo FROM events WHERE cluster_id = ?1 GROUP BY cameo \
                        ORDER BY count(*) DESC, min(id) LIMIT 1), cameo), \
           first_event_id = (SELECT e.id FROM events e JOIN documents d ON d.id = e.document_id \
                        WHERE e.cluster_id = ?1 \
                        ORDER BY d.published IS NULL, d.published, e.id LIMIT 1) \
         WHERE id = ?1",
    )?;
    let mut anchor = tx.prepare_cached(
        "UPDATE clusters SET anchor_start = (SELECT date FROM events WHERE id = first_event_id), \
         anchor_end = (SELECT date_end FROM events WHERE id = first_event_id) \
         WHERE id = ?1 AND anchor_start IS NOT (SELECT date FROM events WHERE id = first_event_id)",
    )?;
    let mut delete = tx.prepare_cached("DELETE FROM clusters WHERE id = ?1 AND n_mentions = 0")?;
    for id in touched {
        update.execute([id])?;
        anchor.execute([id])?;
        delete.execute([id])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_dropped_from_actor_bases() {
        assert_eq!(actor_base("RUSMIL"), "RUS");
        assert_eq!(actor_base("UKR"), "UKR");
        assert_eq!(actor_base("IGONAT"), "IGONAT");
        assert_eq!(actor_base("IGONATMIL"), "IGONAT");
    }

    #[test]
    fn code_compatibility_follows_the_taxonomy() {
        assert_eq!(codes_compatible("193", "193"), Some("same code"));
        assert_eq!(codes_compatible("19", "193"), Some("refinement"));
        assert_eq!(codes_compatible("0832", "083"), Some("refinement"));
        assert_eq!(codes_compatible("190", "195"), Some("generic"));
        assert_eq!(codes_compatible("193", "195"), None);
        assert_eq!(codes_compatible("190", "180"), None);
    }

    #[test]
    fn similarity_counts_shared_content_words() {
        let a = "Russian forces shelled the port of Odesa overnight";
        assert!(similarity(a, a) > 0.99);
        assert!(similarity(a, "Russian forces shelled Odesa's port overnight") > 0.5);
        assert!(similarity(a, "The minister met his counterpart in Paris") < 0.1);
    }
}
