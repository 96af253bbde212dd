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
use redline_analysis::{Alert, Ladder, Period};
use redline_store::{Store, StoreCounts};

use redline_views::alerts::{alerts_between, load_rules};
use redline_views::dyad::{DyadOptions, DyadView, busiest_dyads, dyad_view, parse_dyad};

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
    pub(crate) dyads: Vec<DyadView>,
    /// The red-line alerts.
    pub(crate) alerts: Vec<Alert>,
    /// Rules evaluated.
    pub(crate) rules: usize,
    /// Real-world events the rules saw.
    pub(crate) alert_events: usize,
    /// The claims section's HTML (see [`claims`]).
    pub(crate) claims: String,
}

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
    let options = DyadOptions {
        undirected: !args.directed,
        period: args.period,
        from: args.from,
        to: args.to,
    };
    let dyads = pairs
        .iter()
        .map(|(a, b)| dyad_view(&store, &documents, &ladder, (a, b), &options))
        .collect::<Result<Vec<_>, _>>()?;
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
        return args
            .dyads
            .iter()
            .map(|d| parse_dyad(d).context("--dyad"))
            .collect();
    }
    Ok(busiest_dyads(store, args.top, args.directed)?)
}
