//! `/api/dyads`, `/api/ladder`, `/api/alerts`, `/api/claims`: the analysis, through the same
//! views as `redline escalation`, `ladder`, `alerts`, `claims` and `report`.

use axum::Json;
use axum::extract::{Path, State};
use redline_analysis::claims::ClaimGroup;
use redline_analysis::{Alert, Ladder, Period, Rung};
use redline_model::ClaimKind;
use redline_store::{ClaimFilter, StoredClaim};
use redline_views::dyad::{DyadOptions, DyadView, busiest_dyads, dyad_view};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use super::{ApiQuery, day};
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
    state
        .read(move |store| {
            Ok(Json(
                busiest_dyads(store, top, directed)?
                    .into_iter()
                    .map(|(a, b)| DyadEntry { a, b })
                    .collect(),
            ))
        })
        .await
}

/// How many edges of the actor network.
#[derive(Debug, Deserialize, IntoParams)]
pub struct NetworkQuery {
    /// The busiest pairs to keep (default 40, at most 500).
    top: Option<usize>,
}

/// A directed edge of the actor network: real-world events from one actor to another.
#[derive(Debug, Serialize, PartialEq)]
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
    state
        .read(move |store| {
            let mut counts: std::collections::HashMap<(String, String), (i64, i64)> =
                std::collections::HashMap::new();
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
            edges.truncate(top);
            Ok(Json(edges))
        })
        .await
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
) -> Result<Json<DyadView>, ApiError> {
    let (a, b) = redline_views::dyad::parse_dyad(&format!("{a}:{b}"))?;
    let period: Period = match q.by.as_deref() {
        None => Period::Week,
        Some(p) => p.parse().map_err(|e: String| ApiError::bad_request(e))?,
    };
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
    state
        .read(move |store| {
            let documents = store.documents_per_day()?;
            let ladder = Ladder::embedded();
            Ok(Json(dyad_view(
                store,
                &documents,
                &ladder,
                (&a, &b),
                &options,
            )?))
        })
        .await
}

/// The escalation ladder's rungs, lowest first.
#[utoipa::path(get, path = "/api/ladder", responses(
    (status = 200, description = "`[rung]`: id, level, name, what places an event on it.")
))]
pub async fn ladder() -> Json<Vec<Rung>> {
    Json(Ladder::embedded().rungs)
}

/// Dates for alerts.
#[derive(Debug, Deserialize, IntoParams)]
pub struct AlertsQuery {
    /// Only alerts whose last event is on or after this day.
    from: Option<String>,
    /// Only events on or before this day.
    to: Option<String>,
}

/// The red-line alerts of the shipped rules, each with its rule and the events that triggered it.
#[utoipa::path(get, path = "/api/alerts", params(AlertsQuery), responses(
    (status = 200, description = "`[alert]`")
))]
pub async fn alerts(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<AlertsQuery>,
) -> Result<Json<Vec<Alert>>, ApiError> {
    let (from, to) = (day("from", &q.from)?, day("to", &q.to)?);
    state
        .read(move |store| {
            let ladder = Ladder::embedded();
            let rules = redline_views::alerts::load_rules(None, &ladder)?;
            let (alerts, _) =
                redline_views::alerts::alerts_between(store, &rules, &ladder, from, to)?;
            Ok(Json(alerts))
        })
        .await
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
) -> Result<Json<Vec<ClaimGroupOut>>, ApiError> {
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
    state
        .read(move |store| {
            let (stored, groups) = redline_views::claims::grouped(store, &filter)?;
            let out = groups
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
                .collect();
            Ok(Json(out))
        })
        .await
}
