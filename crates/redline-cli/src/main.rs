//! `redline`: turns news about international conflict into coded, source-attributed events.
//!
//! The binary is glue: argument parsing, progress, output formatting and exit codes. The work is
//! done by the library crates (see ARCHITECTURE.md).

mod alerts;
mod backtest;
mod claims;
mod code;
mod dictionary;
mod doc;
mod escalation;
mod events;
mod explain;
mod ingest;
mod output;
mod progress;
mod report;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Redline turns news text about international conflict into coded, source-attributed events and
/// measures escalation between actors over time.
///
/// Inputs are files, directories (read recursively: .txt .md .html .htm .jsonl .ndjson .rss .atom
/// .xml) or `-` for standard input. Everything runs offline.
///
/// Exit status: 0 when every input was read, 3 when some inputs or documents were skipped (each
/// skip is reported on standard error with its reason), 2 on a usage error, 1 on any other error.
#[derive(Debug, Parser)]
#[command(name = "redline", version, about, long_about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Doc(doc::DocArgs),
    Code(code::CodeArgs),
    Explain(explain::ExplainArgs),
    Dict(dictionary::DictArgs),
    Ingest(ingest::IngestArgs),
    Events(Box<events::EventsArgs>),
    Escalation(escalation::EscalationArgs),
    Ladder(escalation::LadderArgs),
    Backtest(backtest::BacktestArgs),
    Report(report::ReportArgs),
    Alerts(alerts::AlertsArgs),
    Claims(claims::ClaimsArgs),
    Serve(serve::ServeArgs),
    Watch(alerts::WatchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Doc(args) => doc::run(args),
        Command::Code(args) => code::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Dict(args) => dictionary::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Events(args) => events::run(*args),
        Command::Escalation(args) => escalation::run(args),
        Command::Ladder(args) => escalation::run_ladder(args),
        Command::Backtest(args) => backtest::run(args),
        Command::Report(args) => report::run(args),
        Command::Alerts(args) => alerts::run(args),
        Command::Claims(args) => claims::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Watch(args) => alerts::watch(args),
    };
    match result {
        Ok(status) => status,
        // A reader that stopped early (`redline events | head`) is not an error.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("redline: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
