//! A dyad's escalation, from the store: its real-world events as series points, the series and
//! change points, the ladder, the third-party component and the self-exciting model with its
//! forecasts and backtest. `redline escalation`, `ladder`, `backtest` and `report` all read
//! through these functions, so their figures agree.

use chrono::NaiveDate;
use redline_analysis::hawkes::backtest::{Backtest, BacktestError, Settings, backtest};
use redline_analysis::hawkes::{self, Fit, FitError, Forecast};
use redline_analysis::{
    Bucket, Contribution, Cusum, Direction, Episode, Ladder, Period, PloverScores, Point, Reached,
    Relation, Step, TriadRules, climb, contributions, series,
};
use redline_store::{EventFilter, Store, StoreError, StoredCluster};

use crate::ViewError;

/// `SOURCE:TARGET` as two upper-case actor codes.
pub fn parse_dyad(dyad: &str) -> Result<(String, String), ViewError> {
    match dyad.split_once(':') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_ascii_uppercase(), b.trim().to_ascii_uppercase()))
        }
        _ => Err(ViewError::BadDyad {
            dyad: dyad.to_string(),
        }),
    }
}

/// The real-world events (clusters of facts) from `a` to `b`, and from `b` to `a` as well when
/// `undirected`.
pub fn dyad_clusters(
    store: &Store,
    a: &str,
    b: &str,
    undirected: bool,
) -> Result<Vec<StoredCluster>, StoreError> {
    let mut directions = vec![(a, b)];
    if undirected && a != b {
        directions.push((b, a));
    }
    let mut clusters = Vec::new();
    for (s, t) in directions {
        let filter = EventFilter {
            source: Some(s.to_string()),
            target: Some(t.to_string()),
            ..Default::default()
        };
        store.clusters(&filter, |c| -> Result<(), StoreError> {
            clusters.push(c);
            Ok(())
        })?;
    }
    Ok(clusters)
}

/// The dated real-world events of a dyad as series points (Goldstein and PLOVER scores of their
/// first report), in date order.
pub fn points(clusters: &[StoredCluster]) -> Vec<Point> {
    let plover = PloverScores::embedded();
    let mut points: Vec<Point> = clusters
        .iter()
        .filter_map(|c| {
            let r = &c.first.record;
            Some(Point {
                date: c.start_date()?,
                quad_class: r.quad_class,
                goldstein: f64::from(r.goldstein),
                plover: r
                    .plover
                    .event
                    .as_deref()
                    .and_then(|e| plover.score(e, r.plover.mode.as_deref())),
            })
        })
        .collect();
    points.sort_by_key(|p| p.date);
    points
}

/// The times the self-exciting model sees: the conflict events (QuadClass 3 and 4) among
/// `points` from `from` to `to`, in days since `from` (the events of one day spread inside it),
/// and the length of that window in days. `escalation`, `backtest` and `report` all fit these,
/// so their figures agree.
pub fn conflict_times(points: &[Point], from: NaiveDate, to: NaiveDate) -> (Vec<f64>, f64) {
    let days: Vec<i64> = points
        .iter()
        .filter(|p| p.quad_class >= 3 && p.date >= from && p.date <= to)
        .map(|p| (p.date - from).num_days())
        .collect();
    let horizon = ((to - from).num_days() + 1) as f64;
    (hawkes::spread_days(&days), horizon)
}

/// Days ahead of the forecasts that `escalation` and `report` show.
pub const FORECAST_DAYS: [f64; 2] = [7.0, 30.0];

/// The forecasts after a fit to `times`, with a fixed number of simulations and seed so that
/// every command prints the same interval.
pub fn outlook(fit: &Fit, times: &[f64]) -> Vec<Forecast> {
    FORECAST_DAYS
        .iter()
        .map(|&ahead| hawkes::forecast(&fit.params, times, fit.horizon, ahead, 2000, 7))
        .collect()
}

/// Change points on the conflict index: the negated Goldstein sum of each period (so that
/// escalation is up), by the default two-sided CUSUM.
pub fn change_points(buckets: &[Bucket]) -> Vec<Episode> {
    let index: Vec<f64> = buckets.iter().map(|b| -b.goldstein_sum).collect();
    Cusum::default().detect(&index)
}

/// The three events of an episode that weighed most: those dated in `[start, end)` and inside the
/// window `[from, to]`, the lowest Goldstein first for an escalation, the highest first for a
/// de-escalation.
pub fn weighed_most<'a>(
    clusters: &'a [StoredCluster],
    e: &Episode,
    (start, end): (NaiveDate, NaiveDate),
    (from, to): (NaiveDate, NaiveDate),
) -> Vec<&'a StoredCluster> {
    let mut inside: Vec<&StoredCluster> = clusters
        .iter()
        .filter(|c| {
            c.start_date()
                .is_some_and(|d| d >= start && d < end && d >= from && d <= to)
        })
        .collect();
    inside.sort_by(|x, y| {
        let (gx, gy) = (x.first.record.goldstein, y.first.record.goldstein);
        match e.direction {
            Direction::Escalation => gx.total_cmp(&gy),
            Direction::DeEscalation => gy.total_cmp(&gx),
        }
    });
    inside.truncate(3);
    inside
}

/// The dated real-world events of a dyad as steps to place on the ladder.
pub fn ladder_steps(clusters: &[StoredCluster]) -> Vec<Step> {
    clusters
        .iter()
        .filter_map(|c| {
            Some(Step {
                date: c.start_date()?,
                cameo: c.first.record.cameo.clone(),
                signals: c.first.record.signals.clone(),
                id: c.id,
                evidence: c.first.record.sentence.clone(),
            })
        })
        .collect()
}

/// The third-party contributions to the a-b tension (and b-a when undirected): one side's aid
/// or permission to a party that fought the other side.
pub fn third_party(
    store: &Store,
    a: &str,
    b: &str,
    undirected: bool,
    war_window: i64,
) -> Result<Vec<Contribution>, StoreError> {
    let rules = TriadRules {
        war_window_days: war_window,
        ..Default::default()
    };
    let mut sides = vec![(a, b)];
    if undirected && a != b {
        sides.push((b, a));
    }
    let mut out = Vec::new();
    for (giver, enemy) in sides {
        let collect = |filter: EventFilter| -> Result<Vec<Relation>, StoreError> {
            let mut v = Vec::new();
            store.dated_cluster_facts(&filter, |f| -> Result<(), StoreError> {
                v.push(Relation {
                    id: f.id,
                    date: f.date,
                    source: f.source_base,
                    target: f.target_base,
                    cameo: f.cameo,
                    signals: f.signals,
                    evidence: f.evidence,
                });
                Ok(())
            })?;
            Ok(v)
        };
        // Only the giver's events that can be aid: those with an aid code, and those with an
        // aid signal. `contributions` decides on each cluster's first report, and these
        // queries return every cluster with such a report, so narrowing here changes nothing
        // but the time (seconds on a busy actor of a million-event store).
        let mut aid = collect(EventFilter {
            source: Some(giver.to_string()),
            cameo: rules.aid_codes.clone(),
            ..Default::default()
        })?;
        for signal in &rules.aid_signals {
            aid.extend(collect(EventFilter {
                source: Some(giver.to_string()),
                signal: Some(signal.clone()),
                ..Default::default()
            })?);
        }
        aid.sort_by_key(|r| (r.date, r.id));
        aid.dedup_by_key(|r| r.id);
        let fighting = collect(EventFilter {
            actors: vec![enemy.to_string()],
            cameo: rules.war_codes.clone(),
            ..Default::default()
        })?;
        out.extend(contributions(&rules, giver, enemy, &aid, &fighting));
    }
    out.sort_by_key(|c| (c.aid.date, c.aid.id));
    Ok(out)
}

/// A dyad's escalation as the report (and later the server) shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DyadView {
    /// Source actor.
    pub a: String,
    /// Target actor.
    pub b: String,
    /// `->` or `<->`.
    pub arrow: &'static str,
    /// The analysis; `None` when the dyad has no dated events in the range.
    pub body: Option<DyadBody>,
}

impl DyadView {
    /// `RUS<->MDA`.
    pub fn name(&self) -> String {
        format!("{}{}{}", self.a, self.arrow, self.b)
    }
}

/// The analysis of a dyad with events.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DyadBody {
    /// The days covered.
    pub from: NaiveDate,
    /// Last day covered.
    pub to: NaiveDate,
    /// Dated real-world events in the range.
    pub events: usize,
    /// The series, one bucket per period.
    pub buckets: Vec<Bucket>,
    /// Third-party events per bucket (aid to a party at war with the other side).
    pub third: Vec<u64>,
    /// The highest rung per bucket.
    pub ladder: Vec<Reached>,
    /// Change-point episodes.
    pub episodes: Vec<EpisodeView>,
    /// Conflict events the model saw.
    pub conflict_events: usize,
    /// The self-exciting model and its forecasts, or why there is none.
    #[serde(serialize_with = "ok_or_reason")]
    pub hawkes: Result<(Fit, Vec<Forecast>), FitError>,
    /// The backtest of those forecasts.
    #[serde(serialize_with = "ok_or_reason")]
    pub backtest: Result<Backtest, BacktestError>,
    /// How the backtest was run.
    pub backtest_settings: Settings,
}

/// A change-point episode with its dates and the events that weighed most.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EpisodeView {
    /// Which way.
    pub direction: Direction,
    /// First day of its first period.
    pub start: NaiveDate,
    /// First day of the period it was flagged in.
    pub flagged: NaiveDate,
    /// The day after the flagged period.
    pub end: NaiveDate,
    /// CUSUM when flagged.
    pub score: f64,
    /// Up to three events, most weighty first.
    pub top: Vec<TopEvent>,
}

/// An event as the change-point table shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TopEvent {
    /// Cluster id.
    pub id: i64,
    /// The cluster's first report (an event id of `/api/events`).
    pub event: i64,
    /// That report's document.
    pub document: i64,
    /// First day.
    pub date: String,
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO code.
    pub cameo: String,
    /// Goldstein value.
    pub goldstein: f32,
    /// Evidence sentence.
    pub evidence: String,
    /// The article's publisher and headline, when known.
    pub article: String,
}

/// At most this many backtest origins per dyad: each is a full fit, and the report should take
/// seconds, not minutes, on years of daily events.
const MAX_BACKTEST_ORIGINS: f64 = 24.0;

/// Days a party counts as at war after fighting, for the third-party component (`redline
/// escalation --war-window`'s default).
pub const DEFAULT_WAR_WINDOW_DAYS: i64 = 365;

/// The `top` pairs with the most conflict events (QuadClass 3 and 4), directions added together
/// unless `directed`, busiest first.
pub fn busiest_dyads(
    store: &Store,
    top: usize,
    directed: bool,
) -> Result<Vec<(String, String)>, StoreError> {
    let counts = store.dyad_counts(&[3, 4])?;
    let mut totals: std::collections::HashMap<(String, String), i64> =
        std::collections::HashMap::new();
    for c in counts {
        let key = if directed || c.source <= c.target {
            (c.source, c.target)
        } else {
            (c.target, c.source)
        };
        *totals.entry(key).or_default() += c.clusters;
    }
    let mut pairs: Vec<((String, String), i64)> = totals.into_iter().collect();
    pairs.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    Ok(pairs.into_iter().take(top).map(|(k, _)| k).collect())
}

/// What a dyad view covers.
#[derive(Debug, Clone, Copy)]
pub struct DyadOptions {
    /// Both directions.
    pub undirected: bool,
    /// The period of the series.
    pub period: Period,
    /// First day (default: the dyad's first event).
    pub from: Option<NaiveDate>,
    /// Last day (default: the dyad's last event).
    pub to: Option<NaiveDate>,
}

/// A dyad's escalation: the same series, third-party component, ladder, change points and model
/// as `redline escalation` and `redline ladder` compute. `documents` is the store's
/// [`Store::documents_per_day`], read once for many dyads.
pub fn dyad_view(
    store: &Store,
    documents: &[(NaiveDate, u64)],
    ladder: &Ladder,
    (a, b): (&str, &str),
    options: &DyadOptions,
) -> Result<DyadView, StoreError> {
    let undirected = options.undirected;
    let clusters = dyad_clusters(store, a, b, undirected)?;
    let points = points(&clusters);
    let third = third_party(store, a, b, undirected, DEFAULT_WAR_WINDOW_DAYS)?;
    let dates = points
        .iter()
        .map(|p| p.date)
        .chain(third.iter().map(|c| c.aid.date));
    let first = options.from.or(dates.clone().min());
    let last = options.to.or(dates.max());
    let body = match first.zip(last) {
        Some((from, to)) if from <= to => {
            let third_days: Vec<NaiveDate> = third
                .iter()
                .map(|c| c.aid.date)
                .filter(|d| *d >= from && *d <= to)
                .collect();
            let body = dyad_body(
                (&clusters, &points),
                documents,
                ladder,
                &third_days,
                (from, to),
                options.period,
            );
            (body.events > 0 || !third_days.is_empty()).then_some(body)
        }
        _ => None,
    };
    Ok(DyadView {
        a: a.to_string(),
        b: b.to_string(),
        arrow: if undirected { "<->" } else { "->" },
        body,
    })
}

fn dyad_body(
    (clusters, points): (&[StoredCluster], &[Point]),
    documents: &[(NaiveDate, u64)],
    ladder: &Ladder,
    third_days: &[NaiveDate],
    (from, to): (NaiveDate, NaiveDate),
    period: Period,
) -> DyadBody {
    let buckets = series(points, documents, period, from, to);
    let third = buckets
        .iter()
        .map(|bk| {
            let end = period.next(bk.start);
            third_days
                .iter()
                .filter(|d| **d >= bk.start && **d < end)
                .count() as u64
        })
        .collect();
    let steps = ladder_steps(clusters);
    let episodes = change_points(&buckets)
        .iter()
        .map(|e| {
            let start = buckets[e.start].start;
            let flagged = buckets[e.flagged].start;
            let end = period.next(flagged);
            EpisodeView {
                direction: e.direction,
                start,
                flagged,
                end,
                score: e.score,
                top: weighed_most(clusters, e, (start, end), (from, to))
                    .into_iter()
                    .map(top_event)
                    .collect(),
            }
        })
        .collect();
    let (times, days) = conflict_times(points, from, to);
    let hawkes = hawkes::fit(&times, days).map(|fit| {
        let forecasts = outlook(&fit, &times);
        (fit, forecasts)
    });
    let settings = backtest_settings(days);
    DyadBody {
        from,
        to,
        events: points
            .iter()
            .filter(|p| p.date >= from && p.date <= to)
            .count(),
        ladder: climb(ladder, &steps, period, from, to),
        buckets,
        third,
        episodes,
        conflict_events: times.len(),
        hawkes,
        backtest: backtest(&times, days, &settings),
        backtest_settings: settings,
    }
}

/// The backtest's settings: the defaults of `redline backtest`, with origins spread further
/// apart on long windows so that there are at most [`MAX_BACKTEST_ORIGINS`].
fn backtest_settings(days: f64) -> Settings {
    let defaults = Settings::default();
    let span = (days - defaults.min_history).max(0.0);
    Settings {
        step: defaults.step.max((span / MAX_BACKTEST_ORIGINS).ceil()),
        ..defaults
    }
}

fn top_event(c: &StoredCluster) -> TopEvent {
    let r = &c.first.record;
    let article = [c.first.publisher.as_deref(), c.first.title.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    TopEvent {
        id: c.id,
        event: c.first.id,
        document: c.first.document_id,
        date: c.date_start.clone().unwrap_or_else(|| "?".into()),
        source: r.source.code.clone(),
        target: r
            .target
            .as_ref()
            .map_or("-", |t| t.code.as_str())
            .to_string(),
        cameo: r.cameo.clone(),
        goldstein: r.goldstein,
        evidence: r.sentence.clone(),
        article,
    }
}

/// A result as JSON: the value, or `{"unavailable": "why"}` (too few events to fit, too short a
/// history to backtest), so that a client shows the reason instead of an empty chart.
fn ok_or_reason<T, E, S>(r: &Result<T, E>, s: S) -> Result<S::Ok, S::Error>
where
    T: serde::Serialize,
    E: std::fmt::Display,
    S: serde::Serializer,
{
    use serde::ser::SerializeMap as _;
    match r {
        Ok(v) => v.serialize(s),
        Err(e) => {
            let mut m = s.serialize_map(Some(1))?;
            m.serialize_entry("unavailable", &e.to_string())?;
            m.end()
        }
    }
}
