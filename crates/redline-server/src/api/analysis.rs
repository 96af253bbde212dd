//! `/api/dyads`, `/api/ladder`, `/api/alerts`, `/api/claims`: the analysis, through the same
//! views as `redline escalation`, `ladder`, `alerts`, `claims` and `report`.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use axum::Json;
use axum::extract::{Path, State};
use redline_analysis::claims::ClaimGroup;
use redline_analysis::redlines::Rule;
use redline_analysis::{Alert, Ladder, Rung};
use redline_model::ClaimKind;
use redline_store::{ClaimFilter, Store, StoredClaim};
use redline_views::dyad::{DyadOptions, DyadView, busiest_dyads, dyad_view};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use super::{ApiQuery, day};
use crate::cache::AnswerCache;
use crate::{ApiError, AppState};

/// Which dyads to list.
#[derive(Debug, Deserialize, IntoParams)]
pub struct DyadsQuery {
    /// How many (default 20, at most 500).
    top: Option<usize>,
    /// Keep directions apart (default: A-B and B-A together).
    directed: Option<bool>,
}

/// A dyad and how many real-world conflict events it has.
#[derive(Debug, Serialize)]
pub struct DyadEntry {
    /// One side.
    a: String,
    /// The other side.
    b: String,
}

/// The dyads with the most conflict events (QuadClass 3 and 4), busiest first.
#[utoipa::path(get, path = "/api/dyads", params(DyadsQuery), responses(
    (status = 200, description = "`[{a, b}]`, busiest first.")
))]
pub async fn dyads(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<DyadsQuery>,
) -> Result<Json<Vec<DyadEntry>>, ApiError> {
    let top = state.page(Some(q.top.unwrap_or(20)))?;
    let directed = q.directed.unwrap_or(false);
    let cache = state.cache();
    state
        .read(move |store| {
            Ok(Json(
                busiest(&cache, store, directed)?
                    .iter()
                    .take(top)
                    .map(|(a, b)| DyadEntry {
                        a: a.clone(),
                        b: b.clone(),
                    })
                    .collect(),
            ))
        })
        .await
}

/// Every dyad with conflict events, busiest first (cached).
pub(crate) fn busiest(
    cache: &AnswerCache,
    store: &Store,
    directed: bool,
) -> Result<Arc<Vec<(String, String)>>, ApiError> {
    cache.get_or_compute(&format!("busiest dyads directed={directed}"), || {
        Ok(busiest_dyads(store, usize::MAX, directed)?)
    })
}

/// How many edges of the actor network.
#[derive(Debug, Deserialize, IntoParams)]
pub struct NetworkQuery {
    /// The busiest pairs to keep (default 40, at most 500).
    top: Option<usize>,
}

/// A directed edge of the actor network: real-world events from one actor to another.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Edge {
    /// Source actor (without roles).
    source: String,
    /// Target actor.
    target: String,
    /// Real-world events of QuadClass 1 and 2 (cooperation).
    cooperation: i64,
    /// Real-world events of QuadClass 3 and 4 (conflict).
    conflict: i64,
}

/// The actor network: the busiest directed pairs by real-world events, each with its
/// cooperation and conflict counts (facts only, dated, with a target).
#[utoipa::path(get, path = "/api/network", params(NetworkQuery), responses(
    (status = 200, description = "`[{source, target, cooperation, conflict}]`, busiest first.")
))]
pub async fn network(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<NetworkQuery>,
) -> Result<Json<Vec<Edge>>, ApiError> {
    let top = state.page(Some(q.top.unwrap_or(40)))?;
    let cache = state.cache();
    state
        .read(move |store| {
            Ok(Json(
                network_edges(&cache, store)?
                    .iter()
                    .take(top)
                    .cloned()
                    .collect(),
            ))
        })
        .await
}

/// Every edge of the actor network, busiest first (cached).
pub(crate) fn network_edges(
    cache: &AnswerCache,
    store: &Store,
) -> Result<Arc<Vec<Edge>>, ApiError> {
    cache.get_or_compute("network", || {
        let mut counts: HashMap<(String, String), (i64, i64)> = HashMap::new();
        for d in store.dyad_counts(&[1, 2])? {
            counts.entry((d.source, d.target)).or_default().0 += d.clusters;
        }
        for d in store.dyad_counts(&[3, 4])? {
            counts.entry((d.source, d.target)).or_default().1 += d.clusters;
        }
        let mut edges: Vec<Edge> = counts
            .into_iter()
            .map(|((source, target), (cooperation, conflict))| Edge {
                source,
                target,
                cooperation,
                conflict,
            })
            .collect();
        edges.sort_by(|x, y| {
            (y.cooperation + y.conflict)
                .cmp(&(x.cooperation + x.conflict))
                .then_with(|| (&x.source, &x.target).cmp(&(&y.source, &y.target)))
        });
        Ok(edges)
    })
}

/// What part of a dyad's history to show.
#[derive(Debug, Deserialize, IntoParams)]
pub struct DyadQuery {
    /// Period: day, week (default) or month.
    by: Option<String>,
    /// Only the direction A to B (default: both).
    directed: Option<bool>,
    /// First day (default: the dyad's first event).
    from: Option<String>,
    /// Last day (default: its last event).
    to: Option<String>,
}

/// A dyad's escalation: the series per period (QuadClass counts, Goldstein, PLOVER, documents),
/// the third-party component per period, the highest ladder rung per period, change-point
/// episodes with the events that weighed most, the self-exciting model with its forecasts, and
/// their backtest.
#[utoipa::path(get, path = "/api/dyads/{a}/{b}", params(
    ("a" = String, Path, description = "One actor (`USA`, `RUSMIL`)."),
    ("b" = String, Path, description = "The other actor."),
    DyadQuery
), responses(
    (status = 200, description = "`{a, b, arrow, body}`; `body` is null when the dyad has no dated events in the range; `hawkes` and `backtest` are `{unavailable: reason}` when they cannot be computed."),
    (status = 400, description = "A bad actor, period or date.", body = crate::error::ErrorBody)
))]
pub async fn dyad(
    State(state): State<AppState>,
    Path((a, b)): Path<(String, String)>,
    ApiQuery(q): ApiQuery<DyadQuery>,
) -> Result<Json<Arc<DyadView>>, ApiError> {
    let (a, b) = redline_views::dyad::parse_dyad(&format!("{a}:{b}"))?;
    let period = super::overview::period(q.by.as_deref())?;
    let options = DyadOptions {
        undirected: !q.directed.unwrap_or(false),
        period,
        from: day("from", &q.from)?,
        to: day("to", &q.to)?,
    };
    if let (Some(f), Some(t)) = (options.from, options.to)
        && f > t
    {
        return Err(ApiError::bad_request(format!("from={f} is after to={t}")));
    }
    let cache = state.cache();
    state
        .read(move |store| Ok(Json(dyad_answer(&cache, store, (&a, &b), &options)?)))
        .await
}

/// A dyad's view (cached, as is the news volume all views share).
pub(crate) fn dyad_answer(
    cache: &AnswerCache,
    store: &Store,
    (a, b): (&str, &str),
    options: &DyadOptions,
) -> Result<Arc<DyadView>, ApiError> {
    cache.get_or_compute(&format!("dyad {a}:{b} {options:?}"), || {
        let documents = super::overview::documents_per_day(cache, store)?;
        Ok(dyad_view(store, &documents, &shipped().0, (a, b), options)?)
    })
}

/// The escalation ladder's rungs, lowest first.
#[utoipa::path(get, path = "/api/ladder", responses(
    (status = 200, description = "`[rung]`: id, level, name, what places an event on it.")
))]
pub async fn ladder() -> Json<&'static [Rung]> {
    Json(&shipped().0.rungs)
}

/// Which alerts.
#[derive(Debug, Deserialize, IntoParams)]
pub struct AlertsQuery {
    /// Only alerts whose last event is on or after this day.
    from: Option<String>,
    /// Only alerts whose events are all on or before this day (the alerts the rules give over
    /// the events up to this day).
    to: Option<String>,
    /// Only the alerts of this rule (its id).
    rule: Option<String>,
    /// How many, newest first (default 50, at most 500).
    limit: Option<usize>,
}

/// Alerts, newest first, and how many matched in all.
#[derive(Debug, Serialize)]
pub struct AlertPage {
    /// Alerts matching the query, before the limit.
    total: usize,
    /// The newest `limit` of them.
    items: Vec<Alert>,
}

/// The red-line alerts of the shipped rules, newest first, each with its rule and the events
/// that triggered it. The rules are evaluated once over the whole store (and again when it
/// changes); `from`, `to` and `rule` select from that evaluation. Selecting by `to` gives the
/// same alerts as evaluating only the events up to `to`, because the rules read events in date
/// order and never look ahead.
#[utoipa::path(get, path = "/api/alerts", params(AlertsQuery), responses(
    (status = 200, description = "`{total, items: [alert]}`, newest first."),
    (status = 400, description = "A bad date, rule or limit.", body = crate::error::ErrorBody)
))]
pub async fn alerts(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<AlertsQuery>,
) -> Result<Json<AlertPage>, ApiError> {
    let (from, to) = (day("from", &q.from)?, day("to", &q.to)?);
    let limit = state.page(q.limit)?;
    let (_, rules) = shipped();
    if let Some(r) = &q.rule
        && !rules.iter().any(|x| &x.id == r)
    {
        let ids: Vec<&str> = rules.iter().map(|x| x.id.as_str()).collect();
        return Err(ApiError::bad_request(format!(
            "rule={r:?} is not a rule (rules: {})",
            ids.join(", ")
        )));
    }
    let cache = state.cache();
    state
        .read(move |store| {
            let all = all_alerts(&cache, store)?;
            let chosen: Vec<&Alert> = all
                .iter()
                .rev()
                .filter(|a| q.rule.as_ref().is_none_or(|r| &a.rule == r))
                .filter(|a| {
                    a.events.last().is_some_and(|last| {
                        from.is_none_or(|f| last.date >= f) && to.is_none_or(|t| last.date <= t)
                    })
                })
                .collect();
            Ok(Json(AlertPage {
                total: chosen.len(),
                items: chosen.into_iter().take(limit).cloned().collect(),
            }))
        })
        .await
}

/// Every alert of the shipped rules over the whole store, oldest first (cached).
pub(crate) fn all_alerts(cache: &AnswerCache, store: &Store) -> Result<Arc<Vec<Alert>>, ApiError> {
    cache.get_or_compute("alerts", || {
        let (ladder, rules) = shipped();
        let (alerts, _) = redline_views::alerts::alerts_between(store, rules, ladder, None, None)?;
        Ok(alerts)
    })
}

/// The shipped ladder and red-line rules, parsed once per process: `/api/alerts` checks its
/// `rule` against them on every request.
fn shipped() -> &'static (Ladder, Vec<Rule>) {
    static SHIPPED: OnceLock<(Ladder, Vec<Rule>)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let ladder = Ladder::embedded();
        let rules = redline_views::alerts::load_rules(None, &ladder)
            .expect("the shipped rules are valid against the shipped ladder (tested)");
        (ladder, rules)
    })
}

/// Which claims.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ClaimsQuery {
    /// casualties, troops, money or weapons.
    kind: Option<String>,
    /// A country or actor the claims are about.
    subject: Option<String>,
    /// Claims dated on or after this day.
    from: Option<String>,
    /// Claims dated on or before this day.
    to: Option<String>,
    /// Only groups where sources disagree.
    disagreements: Option<bool>,
}

/// A group of claims about one quantity, with its members in full.
#[derive(Debug, Serialize)]
pub struct ClaimGroupOut {
    /// The group and its disagreements.
    #[serde(flatten)]
    group: ClaimGroup,
    /// Its claims, with who asserts each.
    members: Vec<ClaimOut>,
}

/// A claim and its asserter as shown to users.
#[derive(Debug, Serialize)]
pub struct ClaimOut {
    /// "US officials via the New York Times", "the article (Publisher)".
    asserter: String,
    /// The claim.
    #[serde(flatten)]
    claim: StoredClaim,
}

/// Claims grouped by quantity, with the disagreements between sources.
#[utoipa::path(get, path = "/api/claims", params(ClaimsQuery), responses(
    (status = 200, description = "`[group]`: key, label, asserters, disagreements, members."),
    (status = 400, description = "A bad kind or date.", body = crate::error::ErrorBody)
))]
pub async fn claims(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ClaimsQuery>,
) -> Result<Json<Arc<Vec<ClaimGroupOut>>>, ApiError> {
    let kind: Option<ClaimKind> = q
        .kind
        .as_deref()
        .map(|k| k.parse().map_err(|e: String| ApiError::bad_request(e)))
        .transpose()?;
    let filter = ClaimFilter {
        kind,
        subject: q.subject.clone(),
        from: day("from", &q.from)?,
        to: day("to", &q.to)?,
        limit: None,
    };
    let only_disagreements = q.disagreements.unwrap_or(false);
    let key = format!("claims {q:?}");
    let cache = state.cache();
    state
        .read(move |store| {
            Ok(Json(cache.get_or_compute(&key, || {
                let (stored, groups) = redline_views::claims::grouped(store, &filter)?;
                Ok(groups
                    .into_iter()
                    .filter(|g| !only_disagreements || !g.disagreements.is_empty())
                    .map(|group| {
                        let members = group
                            .claims
                            .iter()
                            .filter_map(|id| stored.iter().find(|c| c.id == *id))
                            .map(|c| ClaimOut {
                                asserter: redline_views::claims::asserter(c),
                                claim: c.clone(),
                            })
                            .collect();
                        ClaimGroupOut { group, members }
                    })
                    .collect::<Vec<_>>())
            })?))
        })
        .await
}
