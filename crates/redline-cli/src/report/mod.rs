//! `redline report`: one self-contained HTML page with the escalation analysis of a few dyads and
//! the red-line alerts.
//!
//! The work is split in two so that each half can be read and tested alone: this module gathers
//! plain values from the store with the same functions `escalation`, `ladder`, `backtest` and
//! `alerts` use (so the page and the terminal never disagree), then [`html`] renders them, with
//! charts drawn by [`svg`]. The page loads nothing: styles and charts are inline, and there is
//! no script.

mod claims;
mod html;
mod svg;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use clap::Args;
use redline_analysis::hawkes::backtest::{Backtest, BacktestError, Settings, backtest};
use redline_analysis::hawkes::{self, Fit, FitError, Forecast};
use redline_analysis::{Alert, Bucket, Direction, Ladder, Period, Point, Reached, climb, series};
use redline_store::{Store, StoreCounts, StoredCluster};

use crate::alerts::{alerts_between, load_rules};
use crate::escalation::{
    change_points, conflict_times, dyad_clusters, ladder_steps, outlook, parse_dyad, points,
    third_party, weighed_most,
};

/// Write an HTML report: for each dyad, charts of conflict events per 100 documents, the
/// Goldstein mean, the third-party component and the escalation ladder per period, with the
/// change-point episodes shaded and their evidence; the self-exciting model's forecasts and
/// their backtest; then the red-line alerts. One self-contained file: no scripts, nothing
/// loaded from anywhere, so it can be mailed or archived as it is.
///
/// Without `--dyad`, the report covers the `--top` dyads with the most conflict events
/// (QuadClass 3 and 4) in the store. Dyads count both directions unless `--directed`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline report -o report.html\n  redline report --dyad RUS:MDA --dyad USA:RUS --by month --from 2024-01-01\n  redline report --top 3 -o - > report.html"
)]
pub struct ReportArgs {
    /// The store file.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "redline.db",
        env = "REDLINE_DB"
    )]
    db: PathBuf,

    /// A dyad as SOURCE:TARGET; repeat for several (default: the --top dyads with the most
    /// conflict events).
    #[arg(long = "dyad", value_name = "SRC:TGT")]
    dyads: Vec<String>,

    /// Without --dyad, how many dyads to cover.
    #[arg(long, value_name = "N", default_value_t = 6)]
    top: usize,

    /// Count each dyad in the direction given only (default: both directions).
    #[arg(long)]
    directed: bool,

    /// Period: day, week or month.
    #[arg(long = "by", value_name = "PERIOD", default_value = "week")]
    period: Period,

    /// First day (default: each dyad's first event).
    #[arg(long, value_name = "DATE")]
    from: Option<NaiveDate>,

    /// Last day (default: each dyad's last event).
    #[arg(long, value_name = "DATE")]
    to: Option<NaiveDate>,

    /// A YAML rules file for the alerts (default: the rules shipped with Redline).
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,

    /// The file to write; `-` for standard output.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        default_value = "report.html"
    )]
    output: PathBuf,
}

/// Everything the page shows, gathered before any HTML is written.
pub(crate) struct Report {
    /// The store file, as given.
    pub(crate) store: String,
    /// When the report was made (UTC).
    pub(crate) generated: String,
    /// How much the store holds.
    pub(crate) counts: StoreCounts,
    /// First and last publication day of the documents.
    pub(crate) published: Option<(NaiveDate, NaiveDate)>,
    /// `--from` and `--to`.
    pub(crate) range: (Option<NaiveDate>, Option<NaiveDate>),
    /// The period of the series.
    pub(crate) period: Period,
    /// Whether the dyads were given, or the busiest were chosen (and how many were asked for).
    pub(crate) chosen: Option<usize>,
    /// One per dyad.
    pub(crate) dyads: Vec<DyadReport>,
    /// The red-line alerts.
    pub(crate) alerts: Vec<Alert>,
    /// Rules evaluated.
    pub(crate) rules: usize,
    /// Real-world events the rules saw.
    pub(crate) alert_events: usize,
    /// The claims section's HTML (see [`claims`]).
    pub(crate) claims: String,
}

/// One dyad's section.
pub(crate) struct DyadReport {
    /// Source actor.
    pub(crate) a: String,
    /// Target actor.
    pub(crate) b: String,
    /// `->` or `<->`.
    pub(crate) arrow: &'static str,
    /// The analysis; `None` when the dyad has no dated events in the range.
    pub(crate) body: Option<DyadBody>,
}

impl DyadReport {
    /// `RUS<->MDA`.
    pub(crate) fn name(&self) -> String {
        format!("{}{}{}", self.a, self.arrow, self.b)
    }
}

/// The analysis of a dyad with events.
pub(crate) struct DyadBody {
    /// The days covered.
    pub(crate) from: NaiveDate,
    /// Last day covered.
    pub(crate) to: NaiveDate,
    /// Dated real-world events in the range.
    pub(crate) events: usize,
    /// The series, one bucket per period.
    pub(crate) buckets: Vec<Bucket>,
    /// Third-party events per bucket (aid to a party at war with the other side).
    pub(crate) third: Vec<u64>,
    /// The highest rung per bucket.
    pub(crate) ladder: Vec<Reached>,
    /// Change-point episodes.
    pub(crate) episodes: Vec<EpisodeView>,
    /// Conflict events the model saw.
    pub(crate) conflict_events: usize,
    /// The self-exciting model and its forecasts, or why there is none.
    pub(crate) hawkes: Result<(Fit, Vec<Forecast>), FitError>,
    /// The backtest of those forecasts.
    pub(crate) backtest: Result<Backtest, BacktestError>,
    /// How the backtest was run.
    pub(crate) backtest_settings: Settings,
}

/// A change-point episode with its dates and the events that weighed most.
pub(crate) struct EpisodeView {
    /// Which way.
    pub(crate) direction: Direction,
    /// First day of its first period.
    pub(crate) start: NaiveDate,
    /// First day of the period it was flagged in.
    pub(crate) flagged: NaiveDate,
    /// The day after the flagged period.
    pub(crate) end: NaiveDate,
    /// CUSUM when flagged.
    pub(crate) score: f64,
    /// Up to three events, most weighty first.
    pub(crate) top: Vec<TopEvent>,
}

/// An event as the change-point table shows it.
pub(crate) struct TopEvent {
    /// Cluster id.
    pub(crate) id: i64,
    /// First day.
    pub(crate) date: String,
    /// Source actor code.
    pub(crate) source: String,
    /// Target actor code.
    pub(crate) target: String,
    /// CAMEO code.
    pub(crate) cameo: String,
    /// Goldstein value.
    pub(crate) goldstein: f32,
    /// Evidence sentence.
    pub(crate) evidence: String,
    /// The article's publisher and headline, when known.
    pub(crate) article: String,
}

/// At most this many backtest origins per dyad: each is a full fit, and the report should take
/// seconds, not minutes, on years of daily events.
const MAX_BACKTEST_ORIGINS: f64 = 24.0;

/// Days a party counts as at war after fighting, for the third-party component (as `redline
/// escalation`'s default).
const WAR_WINDOW_DAYS: i64 = 365;

pub fn run(args: ReportArgs) -> Result<ExitCode> {
    let ladder = Ladder::embedded();
    let rules = load_rules(args.rules.as_deref(), &ladder)?;
    let store = Store::open_read_only(&args.db)?;
    if let (Some(f), Some(t)) = (args.from, args.to)
        && t < f
    {
        anyhow::bail!("--from {f} is after --to {t}");
    }
    let pairs = dyads(&store, &args)?;
    let documents = store.documents_per_day()?;
    let dyads = pairs
        .iter()
        .map(|(a, b)| dyad_report(&store, &documents, &ladder, (a, b), &args))
        .collect::<Result<Vec<_>>>()?;
    let (alerts, alert_events) = alerts_between(&store, &rules, &ladder, args.from, args.to)?;
    let mut report = Report {
        store: args.db.display().to_string(),
        generated: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        counts: store.counts()?,
        published: documents
            .first()
            .zip(documents.last())
            .map(|(f, l)| (f.0, l.0)),
        range: (args.from, args.to),
        period: args.period,
        chosen: args.dyads.is_empty().then_some(args.top),
        dyads,
        alerts,
        rules: rules.len(),
        alert_events,
        claims: String::new(),
    };
    report.claims = claims::claims_section(&store, &report);
    let page = html::page(&report);
    write(&args.output, &page)?;
    eprintln!(
        "redline report: wrote {} ({} bytes; {}, {})",
        if args.output == Path::new("-") {
            "standard output".to_string()
        } else {
            args.output.display().to_string()
        },
        page.len(),
        count(report.dyads.len() as u64, "dyad"),
        count(report.alerts.len() as u64, "alert")
    );
    Ok(ExitCode::SUCCESS)
}

/// `n` and the noun, plural unless `n` is 1: "1 event", "3 events".
pub(crate) fn count(n: impl Into<u64>, noun: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Writes the page to `path`, or to standard output for `-`.
fn write(path: &Path, page: &str) -> Result<()> {
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        out.write_all(page.as_bytes())?;
        out.flush()?;
        return Ok(());
    }
    std::fs::write(path, page).with_context(|| format!("writing {}", path.display()))
}

/// The dyads to report on: those given, else the `--top` pairs with the most conflict events
/// (directions added together unless `--directed`).
fn dyads(store: &Store, args: &ReportArgs) -> Result<Vec<(String, String)>> {
    if !args.dyads.is_empty() {
        return args.dyads.iter().map(|d| parse_dyad(d)).collect();
    }
    let counts = store.dyad_counts(&[3, 4])?;
    let mut pairs: Vec<((String, String), i64)> = Vec::new();
    for c in counts {
        let key = if args.directed || c.source <= c.target {
            (c.source, c.target)
        } else {
            (c.target, c.source)
        };
        match pairs.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += c.clusters,
            None => pairs.push((key, c.clusters)),
        }
    }
    pairs.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    Ok(pairs.into_iter().take(args.top).map(|(k, _)| k).collect())
}

/// One dyad's section: the same series, third-party component, ladder, change points and model
/// as `redline escalation` and `redline ladder` compute.
fn dyad_report(
    store: &Store,
    documents: &[(NaiveDate, u64)],
    ladder: &Ladder,
    (a, b): (&str, &str),
    args: &ReportArgs,
) -> Result<DyadReport> {
    let undirected = !args.directed;
    let clusters = dyad_clusters(store, a, b, undirected)?;
    let points = points(&clusters);
    let third = third_party(store, a, b, undirected, WAR_WINDOW_DAYS)?;
    let dates = points
        .iter()
        .map(|p| p.date)
        .chain(third.iter().map(|c| c.aid.date));
    let first = args.from.or(dates.clone().min());
    let last = args.to.or(dates.max());
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
                args,
            );
            (body.events > 0 || !third_days.is_empty()).then_some(body)
        }
        _ => None,
    };
    Ok(DyadReport {
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
    args: &ReportArgs,
) -> DyadBody {
    let buckets = series(points, documents, args.period, from, to);
    let third = buckets
        .iter()
        .map(|bk| {
            let end = args.period.next(bk.start);
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
            let end = args.period.next(flagged);
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
        ladder: climb(ladder, &steps, args.period, from, to),
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
