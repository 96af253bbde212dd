//! `redline alerts`: red-line rules evaluated over the store.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;
use redline_analysis::Ladder;
use redline_analysis::redlines::{self, Alert};
use redline_store::Store;
use redline_views::alerts::{alerts_between, candidates, load_rules};

use crate::output::outln;

/// Evaluate red-line rules over the store and print the alerts: each names its rule and every
/// event (real-world events, facts only) that triggered it, with its evidence.
///
/// Rules are YAML: conditions on actors, CAMEO codes, escalation signals, the lowest ladder rung
/// and words in the evidence, with a count within a window of days. Without `--rules` the
/// example rules shipped with Redline are used; `--show-rules` prints them, to copy and adapt.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline alerts\n  redline alerts --rules my-red-lines.yaml --from 2024-01-01\n  redline alerts --show-rules > my-red-lines.yaml"
)]
pub struct AlertsArgs {
    /// The store file.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "redline.db",
        env = "REDLINE_DB"
    )]
    db: PathBuf,

    /// A YAML rules file (default: the rules shipped with Redline).
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,

    /// Only alerts whose last event is on or after this day.
    #[arg(long, value_name = "DATE")]
    from: Option<NaiveDate>,

    /// Only events on or before this day.
    #[arg(long, value_name = "DATE")]
    to: Option<NaiveDate>,

    /// One JSON object per alert.
    #[arg(long)]
    json: bool,

    /// Print the shipped rules and exit.
    #[arg(long)]
    show_rules: bool,
}

pub fn run(args: AlertsArgs) -> Result<ExitCode> {
    if args.show_rules {
        print!("{}", redlines::EMBEDDED);
        return Ok(ExitCode::SUCCESS);
    }
    let ladder = Ladder::embedded();
    let rules = load_rules(args.rules.as_deref(), &ladder)?;
    let store = Store::open_read_only(&args.db)?;
    let (alerts, events) = alerts_between(&store, &rules, &ladder, args.from, args.to)?;
    for a in &alerts {
        print_alert(a, args.json);
    }
    eprintln!(
        "redline alerts: {} alerts from {} rules over {} real-world events",
        alerts.len(),
        rules.len(),
        events
    );
    Ok(ExitCode::SUCCESS)
}

fn print_alert(a: &Alert, json: bool) {
    if json {
        let events: Vec<serde_json::Value> = a
            .events
            .iter()
            .map(|e| {
                serde_json::json!({
                    "cluster_id": e.id, "date": e.date.to_string(), "source": e.source,
                    "target": e.target, "cameo": e.cameo, "signals": e.signals,
                    "evidence": e.evidence,
                })
            })
            .collect();
        outln!(
            "{}",
            serde_json::json!({"rule": a.rule, "title": a.title, "events": events})
        );
        return;
    }
    outln!("ALERT {}: {}", a.rule, a.title);
    for e in &a.events {
        let signals = if e.signals.is_empty() {
            String::new()
        } else {
            format!(" [{}]", e.signals.join(", "))
        };
        outln!(
            "  {} cluster {} {}->{} {}{signals}: {}",
            e.date,
            e.id,
            e.source,
            e.target.as_deref().unwrap_or("-"),
            e.cameo,
            e.evidence
        );
    }
}

/// Watch a folder or a feed file: new documents are ingested as they appear, and new red-line
/// alerts are printed as they arise. Alerts already in the store when the watch starts are not
/// repeated (`redline alerts` lists them).
///
/// Each poll runs an ingest (unchanged documents are skipped before coding, so a poll over a
/// large folder is cheap) and releases the store between polls, so other commands can use it.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline watch incoming/\n  redline watch --interval 300 feeds/world.rss --rules my-red-lines.yaml"
)]
pub struct WatchArgs {
    /// A folder (read recursively) or a feed or JSON Lines file, read again at every poll.
    #[arg(value_name = "DIR|FILE")]
    input: PathBuf,

    /// The store file (created if missing).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "redline.db",
        env = "REDLINE_DB"
    )]
    db: PathBuf,

    /// A YAML rules file (default: the rules shipped with Redline).
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,

    /// Seconds between polls.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    interval: f64,

    /// Stop after this many polls (default: run until interrupted).
    #[arg(long, value_name = "N")]
    polls: Option<u64>,

    /// One JSON object per alert.
    #[arg(long)]
    json: bool,
}

fn alert_key(a: &Alert) -> (String, Vec<i64>) {
    (a.rule.clone(), a.events.iter().map(|e| e.id).collect())
}

pub fn watch(args: WatchArgs) -> Result<ExitCode> {
    if !args.interval.is_finite() || args.interval < 0.0 {
        anyhow::bail!("--interval {}: expected a number of seconds", args.interval);
    }
    let ladder = Ladder::embedded();
    let rules = load_rules(args.rules.as_deref(), &ladder)?;
    let coder = crate::dictionary::load_coder(None)?;
    let evaluate = |store: &Store| -> Result<Vec<Alert>> {
        Ok(redlines::evaluate(
            &rules,
            &ladder,
            &candidates(store, None)?,
        ))
    };
    let mut seen: std::collections::HashSet<(String, Vec<i64>)> = {
        let store = Store::open(&args.db)?;
        evaluate(&store)?.iter().map(alert_key).collect()
    };
    eprintln!(
        "redline watch: watching {} into {} ({} rules, {} alerts already in the store); polling every {}s",
        args.input.display(),
        args.db.display(),
        rules.len(),
        seen.len(),
        args.interval
    );
    let inputs = [redline_docs::Input::Path(args.input.clone())];
    let mut poll = 0u64;
    loop {
        poll += 1;
        {
            let mut store = Store::open(&args.db)?;
            let tally = redline_ingest::ingest(
                &mut store,
                &coder,
                &inputs,
                &redline_ingest::IngestOptions::default(),
                |_| {},
            )?;
            for skip in &tally.skipped {
                eprintln!("skipped: {skip}");
            }
            if tally.stored.added + tally.stored.replaced > 0 {
                eprintln!(
                    "redline watch: {} new and {} changed documents, {} events",
                    tally.stored.added, tally.stored.replaced, tally.stored.events
                );
            }
            for a in evaluate(&store)? {
                if seen.insert(alert_key(&a)) {
                    print_alert(&a, args.json);
                }
            }
        }
        use std::io::Write as _;
        std::io::stdout().flush()?;
        if args.polls.is_some_and(|n| poll >= n) {
            return Ok(ExitCode::SUCCESS);
        }
        std::thread::sleep(std::time::Duration::from_secs_f64(args.interval));
    }
}
