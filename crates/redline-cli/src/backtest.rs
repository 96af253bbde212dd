//! `redline backtest`: how good the conflict-event forecasts of `redline escalation` would have
//! been, made in the past on the dyad's own history.

use std::process::ExitCode;

use anyhow::Result;
use chrono::{Duration, NaiveDate};
use clap::Args;
use redline_analysis::hawkes::MIN_EVENTS;
use redline_analysis::hawkes::backtest::{Backtest, Row, Settings, Summary, backtest};

use redline_views::dyad::{conflict_times, points};

use crate::escalation::DyadArgs;
use crate::output::outln;

/// Backtest the forecast of a dyad's conflict events on its own past: at origins every `--step`
/// days, the self-exciting model is fitted to the conflict events before the origin (the events
/// `redline escalation` fits) and forecasts the next 7 and 30 days; the forecasts are compared
/// with what happened. Per horizon: the number of origins, mean absolute and root mean squared
/// error, the share of actual counts inside the 90% interval and its mean width, and the mean
/// absolute error of two baselines: a Poisson rate (the history's mean daily count) and
/// persistence (the count of the last days before the origin).
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  redline backtest --dyad RUS:UKR --undirected\n  redline backtest --dyad USA:RUS --step 14 --horizons 7,30,90 --min-history 365 --origins",
    // The period of the shared dyad options means nothing here.
    mut_arg("period", |a| a.hide(true)),
    mut_arg("json", |a| a.help("One JSON object (summaries and every origin) instead of a table"))
)]
pub struct BacktestArgs {
    #[command(flatten)]
    dyad: DyadArgs,

    /// Days between forecast origins.
    #[arg(long, value_name = "DAYS", default_value_t = 30,
          value_parser = clap::value_parser!(u32).range(1..))]
    step: u32,

    /// Forecast horizons, days, separated by commas.
    #[arg(long, value_name = "DAYS,...", value_delimiter = ',', default_values_t = [7u32, 30],
          value_parser = clap::value_parser!(u32).range(1..))]
    horizons: Vec<u32>,

    /// Days of history before the first origin.
    #[arg(long, value_name = "DAYS", default_value_t = 180)]
    min_history: u32,

    /// Conflict events an origin needs before it (never fewer than the fit needs, 10).
    #[arg(long, value_name = "N", default_value_t = MIN_EVENTS)]
    min_events: usize,

    /// Also list every origin: its forecast, 90% interval, actual count and the baselines.
    #[arg(long)]
    origins: bool,
}

pub fn run(args: BacktestArgs) -> Result<ExitCode> {
    let opts = &args.dyad;
    let d = opts.load()?;
    let points = points(&d.clusters);
    let Some((from, to)) = opts.window(&d, points.iter().map(|p| p.date))? else {
        return Ok(ExitCode::SUCCESS);
    };
    let (times, days) = conflict_times(&points, from, to);
    let settings = Settings {
        step: f64::from(args.step),
        min_history: f64::from(args.min_history),
        min_events: args.min_events.max(MIN_EVENTS),
        horizons: args.horizons.iter().map(|&h| f64::from(h)).collect(),
        ..Settings::default()
    };
    let bt = backtest(&times, days, &settings)?;
    let dyad = format!("{}{}{}", d.a, opts.arrow(), d.b);
    if opts.json {
        let object = json(&dyad, (from, to), &times, &args, &bt);
        outln!("{object}");
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{dyad}: backtest of the conflict-event forecast from {from} to {to} ({days:.0} days, {} conflict events); origins every {} days once {} days and {} events of history lie before them",
        times.len(),
        args.step,
        args.min_history,
        settings.min_events
    );
    print_summaries(&bt.summaries);
    if args.origins && !bt.rows.is_empty() {
        outln!("");
        print_rows(&bt.rows, from);
    }
    Ok(ExitCode::SUCCESS)
}

/// The day an origin (days since `from`) stands for: the first day of the forecast.
fn origin_day(from: NaiveDate, origin: f64) -> NaiveDate {
    from + Duration::days(origin as i64)
}

fn print_summaries(summaries: &[Summary]) {
    outln!(
        "{:>7}  {:>7}  {:>6}  {:>6}  {:>8}  {:>6}  {:>6}  {:>11}  {:>11}",
        "HORIZON",
        "ORIGINS",
        "MAE",
        "RMSE",
        "COVERAGE",
        "WIDTH",
        "ACTUAL",
        "POISSON-MAE",
        "PERSIST-MAE"
    );
    for s in summaries {
        let horizon = format!("{:.0}d", s.horizon);
        match (&s.scores, &s.shortfall) {
            (Some(c), _) => outln!(
                "{horizon:>7}  {:>7}  {:>6.2}  {:>6.2}  {:>8.2}  {:>6.1}  {:>6.1}  {:>11.2}  {:>11.2}",
                s.origins,
                c.mae,
                c.rmse,
                c.coverage,
                c.mean_width,
                c.mean_actual,
                c.poisson_mae,
                c.persistence_mae
            ),
            (None, Some(why)) => outln!("{horizon:>7}  {:>7}  no origins: {why}", 0),
            (None, None) => outln!("{horizon:>7}  {:>7}  no origins", 0),
        }
    }
    for s in summaries {
        if let Some(c) = &s.scores {
            outln!(
                "{:.0} days: the model's error is {} the Poisson rate's and {} persistence's; {:.0}% of actual counts fell inside the 90% interval",
                s.horizon,
                relative(c.mae, c.poisson_mae),
                relative(c.mae, c.persistence_mae),
                c.coverage * 100.0
            );
        }
    }
}

/// `ours` against `theirs` in words: "12% below", "3% above", "equal to".
fn relative(ours: f64, theirs: f64) -> String {
    if theirs == 0.0 {
        return if ours == 0.0 {
            "equal to".into()
        } else {
            "above".into()
        };
    }
    let change = (ours - theirs) / theirs * 100.0;
    if change.abs() < 0.5 {
        "equal to".into()
    } else if change < 0.0 {
        format!("{:.0}% below", -change)
    } else {
        format!("{change:.0}% above")
    }
}

fn print_rows(rows: &[Row], from: NaiveDate) {
    outln!(
        "{:<10}  {:>7}  {:>7}  {:>8}  {:>12}  {:>6}  {:>7}  {:>7}",
        "ORIGIN",
        "HORIZON",
        "HISTORY",
        "FORECAST",
        "90% INTERVAL",
        "ACTUAL",
        "POISSON",
        "PERSIST"
    );
    for r in rows {
        let interval = format!("{} to {}", r.low, r.high);
        let mark = if r.covered() { "" } else { "  outside" };
        outln!(
            "{:<10}  {:>6}d  {:>7}  {:>8.2}  {:>12}  {:>6}  {:>7.2}  {:>7}{mark}",
            origin_day(from, r.origin).to_string(),
            format!("{:.0}", r.horizon),
            r.history,
            r.forecast,
            interval,
            r.actual,
            r.poisson,
            r.persistence
        );
    }
    outln!("ORIGIN is the first day forecast; the model saw only the events before it.");
}

fn json(
    dyad: &str,
    (from, to): (NaiveDate, NaiveDate),
    times: &[f64],
    args: &BacktestArgs,
    bt: &Backtest,
) -> serde_json::Value {
    // Horizons and origins are whole days.
    let days = |v: f64| v.round() as i64;
    let horizons: Vec<serde_json::Value> = bt
        .summaries
        .iter()
        .map(|s| {
            let c = s.scores.as_ref();
            serde_json::json!({
                "days": days(s.horizon),
                "origins": s.origins,
                "mae": c.map(|c| c.mae),
                "rmse": c.map(|c| c.rmse),
                "coverage": c.map(|c| c.coverage),
                "mean_width": c.map(|c| c.mean_width),
                "mean_actual": c.map(|c| c.mean_actual),
                "poisson_mae": c.map(|c| c.poisson_mae),
                "persistence_mae": c.map(|c| c.persistence_mae),
                "reason": s.shortfall.as_ref().map(ToString::to_string),
            })
        })
        .collect();
    let origins: Vec<serde_json::Value> = bt
        .rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "origin": origin_day(from, r.origin).to_string(),
                "horizon": days(r.horizon),
                "history": r.history,
                "forecast": r.forecast,
                "low": r.low,
                "high": r.high,
                "actual": r.actual,
                "poisson": r.poisson,
                "persistence": r.persistence,
            })
        })
        .collect();
    serde_json::json!({
        "dyad": dyad,
        "from": from.to_string(),
        "to": to.to_string(),
        "conflict_events": times.len(),
        "step": args.step,
        "min_history": args.min_history,
        "min_events": args.min_events.max(MIN_EVENTS),
        "horizons": horizons,
        "origins": origins,
    })
}
