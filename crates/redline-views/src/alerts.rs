//! The red-line alerts over the store: the rules, the real-world events they see, and the
//! alerts, as `redline alerts`, `watch` and `report` list them.

use std::path::Path;

use chrono::NaiveDate;
use redline_analysis::Ladder;
use redline_analysis::redlines::{self, Alert, Candidate, Rule};
use redline_store::{Store, StoreError};

use crate::ViewError;

/// The alerts of `rules` over the store's real-world events up to `to`, keeping those whose
/// last event is on or after `from`; and the number of events the rules saw. `redline alerts`
/// and `redline report` both use it, so they list the same alerts.
pub fn alerts_between(
    store: &Store,
    rules: &[Rule],
    ladder: &Ladder,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(Vec<Alert>, usize), StoreError> {
    let events = candidates(store, to)?;
    let alerts = redlines::evaluate(rules, ladder, &events)
        .into_iter()
        .filter(|a| from.is_none_or(|f| a.events.last().is_some_and(|e| e.date >= f)))
        .collect();
    Ok((alerts, events.len()))
}

/// The rules in `path`, or the shipped ones, checked against the ladder.
pub fn load_rules(path: Option<&Path>, ladder: &Ladder) -> Result<Vec<Rule>, ViewError> {
    let rules = match path {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|source| ViewError::Read {
                path: p.to_path_buf(),
                source,
            })?;
            redlines::parse(&p.display().to_string(), &text, ladder)?
        }
        None => redlines::parse("redlines.yaml (shipped)", redlines::EMBEDDED, ladder)?,
    };
    Ok(rules)
}

/// The real-world events (facts) of the store as the rules see them, up to `to`, in date then
/// cluster id order.
pub fn candidates(store: &Store, to: Option<NaiveDate>) -> Result<Vec<Candidate>, StoreError> {
    let mut events = Vec::new();
    store.dated_facts(to, |f| -> Result<(), StoreError> {
        events.push(Candidate {
            id: f.id,
            date: f.date,
            source: f.source,
            source_country: f.source_country,
            target: f.target,
            target_country: f.target_country,
            cameo: f.cameo,
            signals: f.signals,
            evidence: f.evidence,
        });
        Ok(())
    })?;
    events.sort_unstable_by_key(|e| (e.date, e.id));
    Ok(events)
}
