//! `redline escalation`: a dyad's event series and how much of its conflict feeds on itself.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use clap::Args;
use redline_analysis::hawkes;
use redline_analysis::{Contribution, Direction, Ladder, Period, climb, series};
use redline_store::{Store, StoredCluster};
use redline_views::dyad::{
    change_points, conflict_times, dyad_clusters, ladder_steps, outlook, parse_dyad, points,
    third_party, weighed_most,
};

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

impl DyadArgs {
    /// Opens the store and reads the dyad's real-world events (clusters of facts), in one or
    /// both directions.
    pub(crate) fn load(&self) -> Result<Dyad> {
        let (a, b) = parse_dyad(&self.dyad).context("--dyad")?;
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
