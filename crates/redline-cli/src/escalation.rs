//! `redline escalation`: a dyad's event series and how much of its conflict feeds on itself.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use clap::Args;
use redline_analysis::hawkes::{self, Fit, Forecast};
use redline_analysis::{
    Bucket, Contribution, Cusum, Direction, Episode, Ladder, Period, PloverScores, Point, Relation,
    Step, TriadRules, climb, contributions, series,
};
use redline_store::{EventFilter, Store, StoreError, StoredCluster};

use crate::output::{cut, note, outln};

/// A dyad's escalation over time: real-world events (clusters of reports, facts only) per day,
/// week or month by QuadClass, the Goldstein sum and mean, and the same normalised by the number
/// of documents published in each period. Then a self-exciting (Hawkes) model of the dyad's
/// conflict events: the background rate, the share of events triggered by earlier ones, and the
/// expected number of events in the next 7 and 30 days.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline escalation --dyad USA:RUS --by week\n  redline escalation --dyad RUS:MDA --undirected --by month --from 2025-03-01"
)]
pub struct EscalationArgs {
    #[command(flatten)]
    dyad: DyadArgs,

    /// Leave out the third-party component (aid or permission from one side to a party at war
    /// with the other), which is otherwise shown in its own column, never added to the others.
    #[arg(long)]
    no_third_party: bool,

    /// For the third-party component: a party counts as at war when it fought within this many
    /// days of the aid.
    #[arg(long, value_name = "DAYS", default_value_t = 365)]
    war_window: i64,
}

/// The options every dyad command takes (`escalation`, `ladder`, `backtest`).
#[derive(Debug, Args)]
pub(crate) struct DyadArgs {
    /// The store file.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "redline.db",
        env = "REDLINE_DB"
    )]
    pub(crate) db: PathBuf,

    /// The dyad as SOURCE:TARGET (countries match all their roles: RUS is RUS, RUSGOV, RUSMIL).
    #[arg(long, value_name = "SRC:TGT")]
    pub(crate) dyad: String,

    /// Count both directions (A to B and B to A).
    #[arg(long)]
    pub(crate) undirected: bool,

    /// Period: day, week or month.
    #[arg(long = "by", value_name = "PERIOD", default_value = "week")]
    pub(crate) period: Period,

    /// First day (default: the dyad's first event).
    #[arg(long, value_name = "DATE")]
    pub(crate) from: Option<NaiveDate>,

    /// Last day (default: the dyad's last event).
    #[arg(long, value_name = "DATE")]
    pub(crate) to: Option<NaiveDate>,

    /// One JSON object per period instead of a table.
    #[arg(long)]
    pub(crate) json: bool,
}

/// A dyad command's store, actors and real-world events.
pub(crate) struct Dyad {
    pub(crate) store: Store,
    pub(crate) a: String,
    pub(crate) b: String,
    pub(crate) clusters: Vec<StoredCluster>,
}

/// `SOURCE:TARGET` as two upper-case actor codes.
pub(crate) fn parse_dyad(dyad: &str) -> Result<(String, String)> {
    match dyad.split_once(':') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_ascii_uppercase(), b.trim().to_ascii_uppercase()))
        }
        _ => bail!("--dyad {dyad:?}: expected SOURCE:TARGET, e.g. USA:RUS"),
    }
}

/// The real-world events (clusters of facts) from `a` to `b`, and from `b` to `a` as well when
/// `undirected`.
pub(crate) fn dyad_clusters(
    store: &Store,
    a: &str,
    b: &str,
    undirected: bool,
) -> Result<Vec<StoredCluster>> {
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

impl DyadArgs {
    /// Opens the store and reads the dyad's real-world events (clusters of facts), in one or
    /// both directions.
    pub(crate) fn load(&self) -> Result<Dyad> {
        let (a, b) = parse_dyad(&self.dyad)?;
        let store = Store::open_read_only(&self.db)?;
        let clusters = dyad_clusters(&store, &a, &b, self.undirected)?;
        Ok(Dyad {
            store,
            a,
            b,
            clusters,
        })
    }

    pub(crate) fn arrow(&self) -> &'static str {
        if self.undirected { "<->" } else { "->" }
    }

    fn period_name(&self) -> String {
        format!("{:?}", self.period).to_lowercase()
    }

    /// The days to cover: `--from`/`--to`, else the first and last of `dates`. `None` (after
    /// saying so) when there is nothing dated.
    pub(crate) fn window(
        &self,
        d: &Dyad,
        dates: impl Iterator<Item = NaiveDate> + Clone,
    ) -> Result<Option<(NaiveDate, NaiveDate)>> {
        let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
            eprintln!(
                "no dated facts for {}{}{} in {}",
                d.a,
                self.arrow(),
                d.b,
                self.db.display()
            );
            return Ok(None);
        };
        let from = self.from.unwrap_or(first);
        let to = self.to.unwrap_or(last);
        if to < from {
            bail!("--from {from} is after --to {to}");
        }
        Ok(Some((from, to)))
    }
}

pub fn run(args: EscalationArgs) -> Result<ExitCode> {
    let opts = &args.dyad;
    let d = opts.load()?;
    let (a, b, clusters) = (&d.a, &d.b, &d.clusters);
    let points = points(clusters);
    let arrow = opts.arrow();
    let all_third: Vec<Contribution> = if args.no_third_party {
        Vec::new()
    } else {
        third_party(&d.store, a, b, opts.undirected, args.war_window)?
    };
    // The range covers the direct events and the third-party ones.
    let dates = points
        .iter()
        .map(|p| p.date)
        .chain(all_third.iter().map(|c| c.aid.date));
    let Some((from, to)) = opts.window(&d, dates)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let documents = d.store.documents_per_day()?;
    let buckets = series(&points, &documents, opts.period, from, to);
    let third: Vec<Contribution> = all_third
        .into_iter()
        .filter(|c| c.aid.date >= from && c.aid.date <= to)
        .collect();
    let third_in = |start: NaiveDate| {
        let end = opts.period.next(start);
        third
            .iter()
            .filter(|c| c.aid.date >= start && c.aid.date < end)
            .count()
    };
    if opts.json {
        for bk in &buckets {
            let line = serde_json::json!({
                "start": bk.start.to_string(),
                "verbal_cooperation": bk.counts[0],
                "material_cooperation": bk.counts[1],
                "verbal_conflict": bk.counts[2],
                "material_conflict": bk.counts[3],
                "goldstein_sum": bk.goldstein_sum,
                "goldstein_mean": bk.goldstein_mean(),
                "documents": bk.documents,
                "conflict_per_100_documents": bk.conflict_per_100_documents(),
                "goldstein_per_100_documents": bk.goldstein_per_100_documents(),
                "plover_sum": bk.plover_sum,
                "third_party": third_in(bk.start),
            });
            outln!("{line}");
        }
    } else {
        outln!(
            "{a}{arrow}{b}: real-world events (facts) from {from} to {to}, by {}",
            opts.period_name()
        );
        outln!(
            "{:<10}  {:>6} {:>6} {:>6} {:>6}  {:>9} {:>7} {:>7}  {:>6}  {:>14}  {:>5}",
            "PERIOD",
            "V-COOP",
            "M-COOP",
            "V-CONF",
            "M-CONF",
            "GOLDSTEIN",
            "MEAN",
            "PLOVER",
            "DOCS",
            "CONFLICT/100DOC",
            "3RD"
        );
        let opt = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.1}"));
        for bk in &buckets {
            outln!(
                "{:<10}  {:>6} {:>6} {:>6} {:>6}  {:>9.1} {:>7} {:>7.1}  {:>6}  {:>14}  {:>5}",
                bk.start.to_string(),
                bk.counts[0],
                bk.counts[1],
                bk.counts[2],
                bk.counts[3],
                bk.goldstein_sum,
                opt(bk.goldstein_mean()),
                bk.plover_sum,
                bk.documents,
                opt(bk.conflict_per_100_documents()),
                third_in(bk.start)
            );
        }
    }
    // Change points on the conflict index, each with the events that weighed most in it.
    let episodes = change_points(&buckets);
    let mut lines = Vec::new();
    if episodes.is_empty() {
        lines.push(format!(
            "change points: none (two-sided CUSUM on the conflict index, {} periods)",
            buckets.len()
        ));
    }
    for e in &episodes {
        let start = buckets[e.start].start;
        let end = opts.period.next(buckets[e.flagged].start);
        let word = match e.direction {
            Direction::Escalation => "escalation",
            Direction::DeEscalation => "de-escalation",
        };
        lines.push(format!(
            "{word} from {start}, flagged in the period of {} (CUSUM {:.1}); events that weighed most:",
            buckets[e.flagged].start, e.score
        ));
        for c in weighed_most(clusters, e, (start, end), (from, to)) {
            let r = &c.first.record;
            lines.push(format!(
                "  cluster {} {} {}->{} {} (Goldstein {:+.1}): {}",
                c.id,
                c.date_start.as_deref().unwrap_or("?"),
                r.source.code,
                r.target.as_ref().map_or("-", |t| t.code.as_str()),
                r.cameo,
                r.goldstein,
                r.sentence
            ));
        }
    }
    for line in &lines {
        note(opts.json, line);
    }
    // The third-party component, listed on its own.
    if !args.no_third_party {
        let mut lines = vec![format!(
            "third-party component (aid or permission to a party fighting the other side within {} days; not in the columns above): {} events",
            args.war_window,
            third.len()
        )];
        for c in &third {
            let signals = if c.aid.signals.is_empty() {
                String::new()
            } else {
                format!(" [{}]", c.aid.signals.join(", "))
            };
            lines.push(format!(
                "  {} {}->{} {}{signals} while {} and {} fought (cluster {}, {} {}): {}",
                c.aid.date,
                c.aid.source,
                c.aid.target,
                c.aid.cameo,
                c.war.source,
                c.war.target,
                c.war.id,
                c.war.date,
                c.war.cameo,
                c.aid.evidence
            ));
        }
        for line in &lines {
            note(opts.json, line);
        }
    }
    // The self-exciting model of the conflict events in the window.
    let (times, horizon) = conflict_times(&points, from, to);
    let say = |line: String| note(opts.json, &line);
    match hawkes::fit(&times, horizon) {
        Ok(fit) => {
            let p = fit.params;
            let shape = if p.alpha < 0.05 {
                // With almost no triggering the delay is not identifiable: do not print one.
                "no self-excitation detected (events arrive independently)".to_string()
            } else {
                format!("mean delay {:.1} days", 1.0 / p.beta)
            };
            say(format!(
                "self-excitation of {} conflict events over {horizon:.0} days: background {:.3}/day, branching ratio {:.2} (share triggered by earlier events), {shape}; likelihood ratio against no self-excitation {:.1}",
                fit.events,
                p.mu,
                p.alpha,
                fit.likelihood_ratio().max(0.0)
            ));
            for f in outlook(&fit, &times) {
                say(format!(
                    "next {:.0} days: {:.1} conflict events expected (90% of simulations: {} to {})",
                    f.days, f.expected, f.low, f.high
                ));
            }
        }
        Err(e) => say(format!("self-excitation: not estimated: {e}")),
    }
    Ok(ExitCode::SUCCESS)
}

/// A dyad on the escalation ladder: per day, week or month, the highest rung its real-world
/// events reached (facts only), the event that reached it with its evidence, and the change from
/// the period before. The rungs (adapted from Kahn's ladder, with two of ours for arming a party
/// at war and lifting limits on the weapons' use) are in `crates/redline-analysis/data/ladder.tsv`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline ladder --dyad RUS:MDA --undirected --by week\n  redline ladder --dyad USA:RUS --by month --json"
)]
pub struct LadderArgs {
    #[command(flatten)]
    dyad: DyadArgs,
}

pub fn run_ladder(args: LadderArgs) -> Result<ExitCode> {
    let opts = &args.dyad;
    let d = opts.load()?;
    let ladder = Ladder::embedded();
    let steps = ladder_steps(&d.clusters);
    let Some((from, to)) = opts.window(&d, steps.iter().map(|s| s.date))? else {
        return Ok(ExitCode::SUCCESS);
    };
    let periods = climb(&ladder, &steps, opts.period, from, to);
    if opts.json {
        for p in &periods {
            let line = serde_json::json!({
                "start": p.start.to_string(),
                "rung": p.top.as_ref().map(|(r, _)| r.level),
                "rung_id": p.top.as_ref().map(|(r, _)| r.id.as_str()),
                "kahn": p.top.as_ref().map(|(r, _)| r.kahn.as_str()),
                "change": p.change,
                "cluster_id": p.top.as_ref().map(|(_, s)| s.id),
                "cameo": p.top.as_ref().map(|(_, s)| s.cameo.as_str()),
                "evidence": p.top.as_ref().map(|(_, s)| s.evidence.as_str()),
            });
            outln!("{line}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{}{}{}: highest rung per {} from {from} to {to} (facts only)",
        d.a,
        opts.arrow(),
        d.b,
        opts.period_name()
    );
    outln!(
        "{:<10}  {:>4}  {:<24}  {:>6}  {:>7}  EVIDENCE",
        "PERIOD",
        "RUNG",
        "NAME",
        "CHANGE",
        "CLUSTER"
    );
    for p in &periods {
        let change = match p.change {
            0 => String::new(),
            c if c > 0 => format!("+{c}"),
            c => c.to_string(),
        };
        match &p.top {
            Some((r, s)) => {
                outln!(
                    "{:<10}  {:>4}  {:<24}  {:>6}  {:>7}  {}",
                    p.start.to_string(),
                    r.level,
                    r.id,
                    change,
                    s.id,
                    cut(&s.evidence, 80)
                );
            }
            None => outln!(
                "{:<10}  {:>4}  {:<24}  {:>6}",
                p.start.to_string(),
                "-",
                "",
                change
            ),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The dated real-world events of a dyad as series points (Goldstein and PLOVER scores of their
/// first report), in date order.
pub(crate) fn points(clusters: &[StoredCluster]) -> Vec<Point> {
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
pub(crate) fn conflict_times(points: &[Point], from: NaiveDate, to: NaiveDate) -> (Vec<f64>, f64) {
    let days: Vec<i64> = points
        .iter()
        .filter(|p| p.quad_class >= 3 && p.date >= from && p.date <= to)
        .map(|p| (p.date - from).num_days())
        .collect();
    let horizon = ((to - from).num_days() + 1) as f64;
    (hawkes::spread_days(&days), horizon)
}

/// Days ahead of the forecasts that `escalation` and `report` show.
pub(crate) const FORECAST_DAYS: [f64; 2] = [7.0, 30.0];

/// The forecasts after a fit to `times`, with a fixed number of simulations and seed so that
/// every command prints the same interval.
pub(crate) fn outlook(fit: &Fit, times: &[f64]) -> Vec<Forecast> {
    FORECAST_DAYS
        .iter()
        .map(|&ahead| hawkes::forecast(&fit.params, times, fit.horizon, ahead, 2000, 7))
        .collect()
}

/// Change points on the conflict index: the negated Goldstein sum of each period (so that
/// escalation is up), by the default two-sided CUSUM.
pub(crate) fn change_points(buckets: &[Bucket]) -> Vec<Episode> {
    let index: Vec<f64> = buckets.iter().map(|b| -b.goldstein_sum).collect();
    Cusum::default().detect(&index)
}

/// The three events of an episode that weighed most: those dated in `[start, end)` and inside the
/// window `[from, to]`, the lowest Goldstein first for an escalation, the highest first for a
/// de-escalation.
pub(crate) fn weighed_most<'a>(
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
pub(crate) fn ladder_steps(clusters: &[StoredCluster]) -> Vec<Step> {
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

fn relation(c: &StoredCluster) -> Option<Relation> {
    Some(Relation {
        id: c.id,
        date: c.start_date()?,
        source: c.source_base.clone(),
        target: c.target_base.clone(),
        cameo: c.first.record.cameo.clone(),
        signals: c.first.record.signals.clone(),
        evidence: c.first.record.sentence.clone(),
    })
}

/// The third-party contributions to the a-b tension (and b-a when undirected): one side's aid
/// or permission to a party that fought the other side.
pub(crate) fn third_party(
    store: &Store,
    a: &str,
    b: &str,
    undirected: bool,
    war_window: i64,
) -> Result<Vec<Contribution>> {
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
        let collect = |filter: EventFilter| -> Result<Vec<Relation>> {
            let mut v = Vec::new();
            store.clusters(&filter, |c| -> Result<(), StoreError> {
                v.extend(relation(&c));
                Ok(())
            })?;
            Ok(v)
        };
        let aid = collect(EventFilter {
            source: Some(giver.to_string()),
            ..Default::default()
        })?;
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
